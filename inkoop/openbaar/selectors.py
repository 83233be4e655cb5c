"""Reads for the public pages: only what was published, never a draft."""

from django.db.models import Prefetch

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit
from inkoop.besluitvorming.selectors import besluitenlijst, vastgestelde_versies
from inkoop.sessies.selectors import vastgestelde_verslagen
from regions.models import Huisstijl, Regio

from .constants import PublicatieSoort
from .models import Publicatie


def publicaties():
    """Every publication, withdrawn ones too (their page shows the notice)."""
    vaststellingen = (
        Besluit.objects.filter(uitkomst=Uitkomst.VASTGESTELD)
        .select_related("gremium")
        .order_by("datum", "pk")
    )
    return (
        Publicatie.objects.select_related("regio", "traject", "versie__document", "sessie")
        .defer("versie__inhoud")
        .prefetch_related(
            Prefetch("versie__besluiten", queryset=vaststellingen, to_attr="vaststellingen")
        )
        .order_by("traject__naam", "-documentdatum", "pk")
    )


def actuele_publicaties():
    return publicaties().filter(ingetrokken_op__isnull=True)


def regios_met_publicaties():
    return Regio.objects.filter(publicaties__isnull=False).distinct().order_by("naam")


def huisstijl_van(regio) -> Huisstijl | None:
    return Huisstijl.objects.filter(regio=regio).first()


def openbare_besluiten(publicatie: Publicatie):
    """The decisions of a published decision list: the round's list as it is now."""
    return besluitenlijst(traject=publicatie.traject)


def gepubliceerde_versie_ids(traject) -> dict[int, Publicatie]:
    return {
        p.versie_id: p
        for p in Publicatie.objects.filter(
            traject=traject, versie__isnull=False, ingetrokken_op__isnull=True
        ).select_related("regio")
    }


def te_publiceren(traject) -> dict:
    """What an advisor or secretary can publish in a round, with what is published already."""
    alle = list(publicaties().filter(traject=traject))
    actueel = [p for p in alle if not p.is_ingetrokken]
    return {
        "versies": vastgestelde_versies(traject),
        "verslagen": vastgestelde_verslagen(traject),
        "besluiten": besluitenlijst(traject=traject).exists(),
        "versie_pub": {p.versie_id: p for p in actueel if p.versie_id},
        "verslag_pub": {p.sessie_id: p for p in actueel if p.sessie_id},
        "besluitenlijst_pub": next(
            (p for p in actueel if p.soort == PublicatieSoort.BESLUITENLIJST), None
        ),
        "publicaties": alle,
    }
