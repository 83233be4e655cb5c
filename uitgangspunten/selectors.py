from collections import defaultdict

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from inkoop.core.diff import woord_diff
from inkoop.trajecten.models import Traject, TrajectVoorziening

from .constants import UitgangspuntSoort, UitgangspuntStatus
from .inhoud import ALGEMENE_SOORTEN
from .models import Document, Opmerking, Sectie, Uitgangspunt, Versie


def uitgangspunt_detail(uid):
    return (
        Uitgangspunt.objects.select_related(
            "traject", "traject__regio", "voorziening", "perceel", "herkomst", "herkomst__traject"
        )
        .prefetch_related(
            Prefetch("vervolgen", queryset=Uitgangspunt.objects.select_related("traject"))
        )
        .get(uid=uid)
    )


def document_detail(pk):
    return Document.objects.select_related("traject", "traject__regio", "aangemaakt_door").get(
        pk=pk
    )


def traject(regio_slug, slug):
    return get_object_or_404(
        Traject.objects.select_related("regio", "vorige"), regio__slug=regio_slug, slug=slug
    )


def scope(traject):
    return (
        TrajectVoorziening.objects.filter(traject=traject)
        .select_related("voorziening", "voorziening__perceel")
        .order_by("voorziening__volgorde", "voorziening__naam")
    )


def open_opmerkingen(document):
    return (
        Opmerking.objects.filter(document=document, opgelost_op__isnull=True)
        .select_related("auteur", "uitgangspunt")
        .order_by("aangemaakt")
    )


def versies(document):
    return Versie.objects.filter(document=document).select_related("auteur").order_by("-nummer")


def genummerde_uitgangspunten(traject) -> list[Uitgangspunt]:
    """All principles of a round in one query, each with `.nummer` (None when lapsed).

    Numbers follow the order within a group: one kind, or one service or lot.
    """
    items = list(
        Uitgangspunt.objects.filter(traject=traject)
        .select_related("voorziening", "perceel", "herkomst")
        .order_by("volgorde", "pk")
    )
    tellers = defaultdict(int)
    for up in items:
        if up.status == UitgangspuntStatus.VERVALLEN:
            up.nummer = None
            continue
        sleutel = (up.soort, up.voorziening_id, up.perceel_id)
        tellers[sleutel] += 1
        up.nummer = tellers[sleutel]
    return items


def uitgangspunten_gegroepeerd(items) -> list[dict]:
    """General principles per kind in the document's order, then one group per service or lot."""
    per_soort = defaultdict(list)
    per_voorziening = {}
    for up in items:
        if up.soort != UitgangspuntSoort.VOORZIENING:
            per_soort[up.soort].append(up)
        else:
            doel = up.voorziening or up.perceel
            sleutel = ("v", up.voorziening_id) if up.voorziening_id else ("p", up.perceel_id)
            per_voorziening.setdefault(sleutel, {"label": str(doel), "items": []})["items"].append(
                up
            )
    groepen = [
        {"label": str(UitgangspuntSoort(soort).label), "items": per_soort[soort]}
        for soort in ALGEMENE_SOORTEN
        if per_soort[soort]
    ]
    for groep in sorted(per_voorziening.values(), key=lambda g: g["label"]):
        groep["label"] = f"Per voorziening: {groep['label']}"
        groepen.append(groep)
    return groepen


def vorige_uitgangspunten(traject):
    """The previous round's principles, each with `.overgenomen` (its copy here, or None)."""
    if traject.vorige_id is None:
        return []
    vorige = genummerde_uitgangspunten(traject.vorige)
    kopieen = {
        up.herkomst_id: up
        for up in Uitgangspunt.objects.filter(traject=traject, herkomst__isnull=False)
    }
    for up in vorige:
        up.overgenomen = kopieen.get(up.pk)
    return vorige


def sectie_van_document(document, pk):
    return get_object_or_404(Sectie, pk=pk, document=document)


HISTORIE_VELDEN = {
    Document: ["titel", "aan", "van", "betreft", "datum", "kenmerk", "zaaknummer"],
    Sectie: ["titel", "tekst", "volgorde", "soort"],
    Uitgangspunt: ["titel", "uitleg", "status", "volgorde", "vervallen_reden"],
}
HISTORIE_SOORT = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}


def historie(document, limiet=150) -> list[dict]:
    """Who changed what when in a document: its header, its sections and the round's principles.

    A fixed number of queries: the latest `limiet` records of each kind, each compared in memory
    with the record before it (when that falls in the window too).
    """
    bronnen = [
        ("Kop", Document, Document.history.filter(id=document.pk)),
        ("Sectie", Sectie, Sectie.history.filter(document_id=document.pk)),
        ("Uitgangspunt", Uitgangspunt, Uitgangspunt.history.filter(traject_id=document.traject_id)),
    ]
    regels = []
    for wat, model, qs in bronnen:
        records = list(
            qs.select_related("history_user").order_by("-history_date", "-history_id")[:limiet]
        )
        vorige_per_id = {}
        for record in reversed(records):  # oldest first, so the previous one is known
            vorige = vorige_per_id.get(record.id)
            vorige_per_id[record.id] = record
            wijzigingen = []
            if record.history_type == "~" and vorige is not None:
                delta = record.diff_against(vorige, included_fields=HISTORIE_VELDEN[model])
                for change in delta.changes:
                    label = model._meta.get_field(change.field).verbose_name
                    oud = "" if change.old is None else str(change.old)
                    nieuw = "" if change.new is None else str(change.new)
                    wijzigingen.append({"veld": label, "html": woord_diff(oud, nieuw, True)})
                if not wijzigingen:
                    continue
            regels.append(
                {
                    "wat": wat,
                    "titel": record.titel or str(wat),
                    "soort": HISTORIE_SOORT.get(record.history_type, record.history_type),
                    "wie": record.history_user,
                    "wanneer": record.history_date,
                    "wijzigingen": wijzigingen,
                }
            )
    regels.sort(key=lambda r: r["wanneer"], reverse=True)
    return regels[:limiet]
