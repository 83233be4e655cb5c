from django.db.models import Prefetch
from django.utils import timezone

from regions.models import Lidmaatschap

from .models import Deelname, Kengetal, Voorziening


def voorziening_detail(regio_slug, slug):
    return (
        Voorziening.objects.select_related("regio", "perceel", "parent")
        .prefetch_related(
            Prefetch("kengetallen", queryset=Kengetal.objects.order_by("soort", "jaar")),
            Prefetch("modules", queryset=Voorziening.objects.order_by("volgorde", "naam")),
        )
        .get(regio__slug=regio_slug, slug=slug)
    )


def deelname_per_gemeente(voorziening, datum=None):
    """Every current member of the region and whether it takes part (no row: it does)."""
    leden = (
        Lidmaatschap.objects.op(datum or timezone.localdate())
        .filter(regio_id=voorziening.regio_id)
        .select_related("gemeente")
        .order_by("gemeente__naam")
    )
    deelnames = {d.gemeente_id: d for d in Deelname.objects.filter(voorziening=voorziening)}
    rijen = []
    for lid in leden:
        deelname = deelnames.get(lid.gemeente_id)
        rijen.append(
            {
                "gemeente": lid.gemeente,
                "neemt_deel": deelname.neemt_deel if deelname else True,
                "toelichting": deelname.toelichting if deelname else "",
            }
        )
    return rijen


def deelnemende_gemeenten(voorziening, datum=None):
    return [r["gemeente"] for r in deelname_per_gemeente(voorziening, datum) if r["neemt_deel"]]
