"""The admin registrations of the process packages, loaded by Django's admin autodiscovery."""

from inkoop.api import admin as _api  # noqa: F401
from inkoop.besluitvorming import admin as _besluitvorming  # noqa: F401
from inkoop.openbaar import admin as _openbaar  # noqa: F401
from inkoop.overzicht import admin as _overzicht  # noqa: F401
from inkoop.pdf import admin as _pdf  # noqa: F401
from inkoop.sessies import admin as _sessies  # noqa: F401
from inkoop.trajecten import admin as _trajecten  # noqa: F401
from inkoop.uitwisseling import admin as _uitwisseling  # noqa: F401
