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


class MijlpaalStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEREED = "gereed", _("Gereed")
    VERVALLEN = "vervallen", _("Vervallen")
