"""Reads for the key page of a region's administrator."""

from regions import permissions
from regions.models import Regio

from .models import ApiToken


def beheerde_regios(user):
    """The regions whose keys this user hands out: where they set the region up."""
    return permissions.binnen_regios(Regio.objects.order_by("naam"), user, "inrichten")


def sleutels_van_regio(regio):
    """Every key that reaches this region, the active ones first (one query plus the regions)."""
    return (
        ApiToken.objects.filter(regios=regio)
        .select_related("uitgegeven_door")
        .prefetch_related("regios")
        .order_by("-ingetrokken_op", "naam", "pk")
    )
