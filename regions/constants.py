from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    BELEIDSADVISEUR = "beleidsadviseur", _("Beleidsadviseur")
    DIRECTEUR = "directeur", _("Directeur")
    PORTEFEUILLEHOUDER = "portefeuillehouder", _("Portefeuillehouder")
    SECRETARIS = "secretaris", _("Secretaris")
    LEZER = "lezer", _("Lezer")
