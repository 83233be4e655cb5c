from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportSoort(models.TextChoices):
    VERSIE = "versie", _("Notitie (documentversie)")
    REDLINE = "redline", _("Wijzigingen (redline)")
    VOORSTEL = "voorstel", _("Voorstel")
    VERSLAG = "verslag", _("Verslag")
    BESLUITENLIJST = "besluitenlijst", _("Besluitenlijst")
    REACTIENOTA = "reactienota", _("Reactienota")
    # The decision list of a round as published (Woo): every body, from the publication.
    OPENBARE_BESLUITENLIJST = "woo_besluitenlijst", _("Openbare besluitenlijst")


class ExportFormaat(models.TextChoices):
    PDF = "pdf", _("PDF")
    DOCX = "docx", _("Word (.docx)")


class ExportStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", _("In de wachtrij")
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")
