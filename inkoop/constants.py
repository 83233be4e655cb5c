from django.db import models
from django.utils.translation import gettext_lazy as _


class GremiumSoort(models.TextChoices):
    DO = "do", _("Directieoverleg (DO)")
    PFHO = "pfho", _("Portefeuillehoudersoverleg (PFHO)")
    MT = "mt", _("Regionaal MT")
    ADVIESRAAD = "adviesraad", _("Adviesraad")
    COLLEGE = "college", _("College van B&W")
    RAAD = "raad", _("Gemeenteraad")
    MARKTCONSULTATIE = "marktconsultatie", _("Marktconsultatie")
    INWONERS = "inwoners", _("Inwonerssessie")
    BESTUURLIJK = "bestuurlijk", _("Bestuurlijk overleg")


class SessieSoort(models.TextChoices):
    BESTUURLIJK = "bestuurlijk", _("Bestuurlijk overleg")
    DO = "do", _("Directieoverleg (DO)")
    PFHO = "pfho", _("Portefeuillehoudersoverleg (PFHO)")
    MARKTCONSULTATIE = "marktconsultatie", _("Marktconsultatie")
    ADVIESRAAD = "adviesraad", _("Adviesraad")
    INWONERS = "inwoners", _("Inwonerssessie")


class MijlpaalStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEREED = "gereed", _("Gereed")
    VERVALLEN = "vervallen", _("Vervallen")


class Uitkomst(models.TextChoices):
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    INGESTEMD = "ingestemd", _("Ingestemd")
    VRIJGEGEVEN = "vrijgegeven", _("Vrijgegeven voor advies")
    AANGEHOUDEN = "aangehouden", _("Aangehouden")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    KENNISGENOMEN = "kennisgenomen", _("Kennisgenomen")


class InbrengSoort(models.TextChoices):
    VRAAG = "vraag", _("Vraag")
    OPMERKING = "opmerking", _("Opmerking")
    ADVIES = "advies", _("Advies")


class BronSoort(models.TextChoices):
    AANBIEDER = "aanbieder", _("Aanbieder")
    GEMEENTE = "gemeente", _("Gemeente")
    ADVIESRAAD = "adviesraad", _("Adviesraad")
    INWONERS = "inwoners", _("Inwoners")
    BESTUUR = "bestuur", _("Bestuurder")
    OVERIG = "overig", _("Overig")


class Verwerking(models.TextChoices):
    OPEN = "", _("Nog niet beantwoord")
    OVERGENOMEN = "overgenomen", _("Overgenomen")
    DEELS = "deels", _("Deels overgenomen")
    NIET = "niet", _("Niet overgenomen")
    KENNISGENOMEN = "kennisgenomen", _("Kennisgenomen")


class ResultaatSoort(models.TextChoices):
    EENS_ONEENS = "eens_oneens", _("Eens / oneens")
    SCHAAL = "schaal", _("Schaal 1–5")
    WOORDEN = "woorden", _("Vrije woorden")


class ExportSoort(models.TextChoices):
    VERSIE = "versie", _("Notitie (documentversie)")
    REDLINE = "redline", _("Wijzigingen (redline)")
    VOORSTEL = "voorstel", _("Voorstel")
    VERSLAG = "verslag", _("Verslag")
    BESLUITENLIJST = "besluitenlijst", _("Besluitenlijst")
    REACTIENOTA = "reactienota", _("Reactienota")


class ExportStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", _("In de wachtrij")
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")
