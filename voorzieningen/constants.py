from django.db import models
from django.utils.translation import gettext_lazy as _


class Wet(models.TextChoices):
    WMO = "wmo", _("Wmo 2015")
    JEUGDWET = "jeugdwet", _("Jeugdwet")
    PARTICIPATIEWET = "participatiewet", _("Participatiewet")
    WVGGZ = "wvggz", _("Wet verplichte ggz")
    WEB = "web", _("Wet educatie en beroepsonderwijs")
    ONDERWIJS = "onderwijs", _("Onderwijswetten (leerlingenvervoer)")
    OVERIG = "overig", _("Overig")


class Soort(models.TextChoices):
    ALGEMEEN = "algemeen", _("Algemene voorziening")
    MAATWERK = "maatwerk", _("Maatwerkvoorziening")


class Inkoopniveau(models.TextChoices):
    LOKAAL = "lokaal", _("Lokaal")
    REGIONAAL = "regionaal", _("Regionaal")
    BOVENREGIONAAL = "bovenregionaal", _("Bovenregionaal")
    LANDELIJK = "landelijk", _("Landelijk")


class KengetalSoort(models.TextChoices):
    UITGAVEN = "uitgaven", _("Uitgaven (€, declaratie)")
    TOEWIJZING = "toewijzing", _("Toegewezen (€)")
    CLIENTEN = "clienten", _("Cliënten")
    AANBIEDERS = "aanbieders", _("Aanbieders")

    @classmethod
    def is_bedrag(cls, soort):
        return soort in (cls.UITGAVEN, cls.TOEWIJZING)
