from django.contrib import admin

from inkoop.core.revisie import AlleenLezenAdmin
from inkoop.overzicht.models import Statuscontrole


@admin.register(Statuscontrole)
class StatuscontroleAdmin(AlleenLezenAdmin, admin.ModelAdmin):
    """A record of the system status checks, written by the check itself."""

    list_display = ["aangemaakt", "beantwoord_op", "worker"]
