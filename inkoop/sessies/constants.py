from django.db import models
from django.utils.translation import gettext_lazy as _


class SessieSoort(models.TextChoices):
    BESTUURLIJK = "bestuurlijk", _("Bestuurlijk overleg")
    DO = "do", _("Directieoverleg (DO)")
    PFHO = "pfho", _("Portefeuillehoudersoverleg (PFHO)")
    MARKTCONSULTATIE = "marktconsultatie", _("Marktconsultatie")
    ADVIESRAAD = "adviesraad", _("Adviesraad")
    INWONERS = "inwoners", _("Inwonerssessie")


class InbrengSoort(models.TextChoices):
    VRAAG = "vraag", _("Vraag")
    OPMERKING = "opmerking", _("Opmerking")
    VRAGEN_EN_OPMERKINGEN = "vragen_opmerkingen", _("Vragen en opmerkingen")
    ADVIES = "advies", _("Advies")


class Aanwezigheid(models.TextChoices):
    AANWEZIG = "aanwezig", _("Aanwezig")
    AFWEZIG = "afwezig", _("Afwezig met kennisgeving")


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
    MEERKEUZE = "meerkeuze", _("Meerkeuze")
    SCHAAL = "schaal", _("Schaal (bijvoorbeeld 1–5)")
    WOORDEN = "woorden", _("Vrije woorden")
    OPEN = "open", _("Open vraag (zonder cijfers)")
    EXTERN = "extern", _("Verwijzing naar het verslag van de peiling")


# Input without a written answer yet, but answered in the session (see Inbreng.antwoord_status).
BEANTWOORD_IN_SESSIE = "Beantwoord in de sessie"
