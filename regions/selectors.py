from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from inkoop.models import Gremium, Traject
from regions import permissions
from voorzieningen.models import Voorziening

from .models import Lidmaatschap, Regio


def _aantal(qs, telling=None):
    """Count rows per region in a correlated subquery: joining members, services and rounds
    in one query would multiply them (members × services × rounds rows per region)."""
    return Coalesce(
        Subquery(
            qs.filter(regio=OuterRef("pk"))
            .order_by()
            .values("regio")
            .annotate(n=telling or Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def regios_voor(user):
    """The overview: the user's regions with what is in them, counted in the database."""
    return (
        permissions.binnen_regios(Regio.objects.all(), user)
        .annotate(
            aantal_gemeenten=_aantal(Lidmaatschap.objects.op(), Count("gemeente", distinct=True)),
            aantal_voorzieningen=_aantal(Voorziening.objects.all()),
            aantal_trajecten=_aantal(Traject.objects.all()),
        )
        .order_by("naam")
    )


def regio_detail(slug):
    """One region with members (over time), services and rounds, in a fixed number of queries."""
    return Regio.objects.prefetch_related(
        Prefetch(
            "lidmaatschappen",
            queryset=Lidmaatschap.objects.select_related("gemeente").order_by(
                "gemeente__naam", "begin"
            ),
        ),
        Prefetch(
            "voorzieningen",
            queryset=Voorziening.objects.select_related("perceel", "parent").order_by(
                "wet", "volgorde", "naam"
            ),
        ),
        Prefetch("trajecten", queryset=Traject.objects.select_related("vorige")),
        "percelen",
        Prefetch("gremia", queryset=Gremium.objects.select_related("gemeente")),
    ).get(slug=slug)
