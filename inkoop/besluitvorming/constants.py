from django.db import models
from django.utils.translation import gettext_lazy as _

from inkoop.trajecten.constants import GremiumSoort


class Uitkomst(models.TextChoices):
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    INGESTEMD = "ingestemd", _("Ingestemd")
    VRIJGEGEVEN = "vrijgegeven", _("Vrijgegeven voor advies")
    AANGEHOUDEN = "aangehouden", _("Aangehouden")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    KENNISGENOMEN = "kennisgenomen", _("Kennisgenomen")


# The default decision route (DESIGN.md §3): DO → PFHO → advisory councils → colleges → councils.
STANDAARDROUTE = [
    (GremiumSoort.DO, Uitkomst.INGESTEMD),
    (GremiumSoort.PFHO, Uitkomst.VRIJGEGEVEN),
    (GremiumSoort.ADVIESRAAD, Uitkomst.KENNISGENOMEN),
    (GremiumSoort.COLLEGE, Uitkomst.VASTGESTELD),
    (GremiumSoort.RAAD, Uitkomst.KENNISGENOMEN),
]
# Bodies that decide per participating municipality (one decision per college or council).
PER_GEMEENTE = frozenset({GremiumSoort.COLLEGE, GremiumSoort.RAAD})
