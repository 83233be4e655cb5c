from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    BELEIDSADVISEUR = "beleidsadviseur", _("Beleidsadviseur")
    DIRECTEUR = "directeur", _("Directeur")
    PORTEFEUILLEHOUDER = "portefeuillehouder", _("Portefeuillehouder")
    SECRETARIS = "secretaris", _("Secretaris")
    LEZER = "lezer", _("Lezer")
    REGIOBEHEERDER = "regiobeheerder", _("Regiobeheerder (functioneel beheer)")


class BetreftLabel(models.TextChoices):
    """How a region's memos name their subject line."""

    BETREFT = "Betreft", _("Betreft")
    BETREFFENDE = "Betreffende", _("Betreffende")
    ONDERWERP = "Onderwerp", _("Onderwerp")
