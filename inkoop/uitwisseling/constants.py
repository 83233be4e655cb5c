from django.db import models
from django.utils.translation import gettext_lazy as _


class LeesSoort(models.TextChoices):
    DOCUMENT = "document", _("Document in een traject")
    VERSLAG = "verslag", _("Verslag van een sessie")


class LeesStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", _("In de wachtrij")
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")
