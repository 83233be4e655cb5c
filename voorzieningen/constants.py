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


# Services most regions buy under the Wmo 2015 and the Jeugdwet (the seed documents and the
# usual product lists of regions): offered as a pick list when a region is set up.
GANGBARE_VOORZIENINGEN = [
    ("Huishoudelijke hulp", Wet.WMO, Soort.MAATWERK, Inkoopniveau.LOKAAL),
    ("Begeleiding individueel", Wet.WMO, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
    ("Begeleiding groep (dagbesteding)", Wet.WMO, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
    ("Kortdurend verblijf", Wet.WMO, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
    ("Persoonlijke verzorging", Wet.WMO, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
    ("Beschermd wonen", Wet.WMO, Soort.MAATWERK, Inkoopniveau.BOVENREGIONAAL),
    ("Maatschappelijke opvang", Wet.WMO, Soort.MAATWERK, Inkoopniveau.BOVENREGIONAAL),
    ("Hulpmiddelen en woonvoorzieningen", Wet.WMO, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
    ("Wmo-vervoer (collectief vraagafhankelijk vervoer)", Wet.WMO, Soort.MAATWERK,
     Inkoopniveau.REGIONAAL),
    ("Cliëntondersteuning", Wet.WMO, Soort.ALGEMEEN, Inkoopniveau.LOKAAL),
    ("Mantelzorgondersteuning", Wet.WMO, Soort.ALGEMEEN, Inkoopniveau.LOKAAL),
    ("Jeugdhulp ambulant", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
    ("Jeugdhulp dagbehandeling", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
    ("Jeugdhulp met verblijf", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
    ("Jeugd-ggz", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
    ("Dyslexiezorg", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
    ("Pleegzorg", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
    ("Jeugdbescherming en jeugdreclassering", Wet.JEUGDWET, Soort.MAATWERK,
     Inkoopniveau.BOVENREGIONAAL),
    ("Gesloten jeugdhulp", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.LANDELIJK),
    ("Jeugdvervoer", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.REGIONAAL),
]  # fmt: skip
