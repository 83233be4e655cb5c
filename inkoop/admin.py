"""The admin registrations of the process packages, loaded by Django's admin autodiscovery."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.utils import formats

from inkoop.api import admin as _api  # noqa: F401
from inkoop.besluitvorming import admin as _besluitvorming  # noqa: F401
from inkoop.core.beheertaal import recht_label
from inkoop.openbaar import admin as _openbaar  # noqa: F401
from inkoop.overzicht import admin as _overzicht  # noqa: F401
from inkoop.pdf import admin as _pdf  # noqa: F401
from inkoop.sessies import admin as _sessies  # noqa: F401
from inkoop.trajecten import admin as _trajecten  # noqa: F401
from inkoop.uitwisseling import admin as _uitwisseling  # noqa: F401


# Third-party admin in Dutch, beyond what locale/nl translates.
class _RechtenInHetNederlands:
    """Permissions by their Dutch label, not the English name Django stored ("Can add …")."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        veld = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions"):
            veld.label_from_instance = recht_label
        return veld


class GebruikerAdmin(_RechtenInHetNederlands, UserAdmin):
    pass


class GroepAdmin(_RechtenInHetNederlands, GroupAdmin):
    pass


for _model, _beheer in ((User, GebruikerAdmin), (Group, GroepAdmin)):
    admin.site.unregister(_model)
    admin.site.register(_model, _beheer)


def _tijd(moment) -> str:
    return formats.date_format(moment, "DATETIME_FORMAT") if moment else ""


# django-axes names its rows in English ("Access Log for x @ …"): the title of their admin pages.
AccessAttempt.__str__ = lambda self: f"Inlogpoging {self.username} ({_tijd(self.attempt_time)})"
AccessLog.__str__ = lambda self: f"Inloggen door {self.username} ({_tijd(self.attempt_time)})"
AccessFailureLog.__str__ = lambda self: (
    f"Mislukte inlogpoging {self.username} ({_tijd(self.attempt_time)})"
)
