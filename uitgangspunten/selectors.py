from collections import defaultdict

from django.db.models import Prefetch

from inkoop.core.historie import Bron, regels
from inkoop.trajecten.models import TrajectVoorziening
from regions import permissions

from .constants import KOP_VELDEN, UITKOMST_VASTGESTELD, UitgangspuntSoort
from .inhoud import (
    algemene_per_soort,
    document_inhoud,
    kop_velden_uit_inhoud,
    nummeren,
    opmaak_van,
    per_voorziening_rijen,
    uitgangspunten_in_sectie,
    voetnoten_nummeren,
)
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


def versie_is_vastgesteld(versie) -> bool:
    """Adopted: a body decided "vastgesteld" on exactly this version (the same rule as
    inkoop.besluitvorming.pdf.is_vastgesteld, read through the reverse relation)."""
    return versie.besluiten.filter(uitkomst=UITKOMST_VASTGESTELD).exists()


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
    return nummeren(
        list(
            Uitgangspunt.objects.filter(traject=traject)
            .select_related("voorziening", "perceel", "herkomst")
            .order_by("volgorde", "pk")
        )
    )


def uitgangspunten_gegroepeerd(items) -> list[dict]:
    """General principles per kind in the document's order, then one group per service or lot."""
    per_voorziening = {}
    for up in items:
        if up.soort == UitgangspuntSoort.VOORZIENING:
            doel = up.voorziening or up.perceel
            sleutel = ("v", up.voorziening_id) if up.voorziening_id else ("p", up.perceel_id)
            per_voorziening.setdefault(sleutel, {"label": str(doel), "items": []})["items"].append(
                up
            )
    groepen = [
        {"label": str(UitgangspuntSoort(soort).label), "items": groep}
        for soort, groep in algemene_per_soort(items)
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


HISTORIE_VELDEN = {
    Document: list(KOP_VELDEN),
    Sectie: ["titel", "tekst", "volgorde", "soort"],
    Uitgangspunt: ["titel", "uitleg", "status", "volgorde", "vervallen_reden"],
}


def historie(document, limiet=150) -> list[dict]:
    """Who changed what when in a document: its header, its sections and the round's principles
    (a fixed number of queries, inkoop.core.historie.regels)."""
    return regels(
        [
            Bron(
                "Kop", Document, Document.history.filter(id=document.pk), HISTORIE_VELDEN[Document]
            ),
            Bron(
                "Sectie",
                Sectie,
                Sectie.history.filter(document_id=document.pk),
                HISTORIE_VELDEN[Sectie],
            ),
            Bron(
                "Uitgangspunt",
                Uitgangspunt,
                Uitgangspunt.history.filter(traject_id=document.traject_id),
                HISTORIE_VELDEN[Uitgangspunt],
            ),
        ],
        limiet,
    )


# ---------- What the pages show (views add only the request's forms) ----------


def lijst(traject, user, filters) -> dict:
    """The principles list of a round, filtered by a bound or unbound `FilterForm`."""
    items = genummerde_uitgangspunten(traject)
    if filters.is_bound and filters.is_valid():
        f = filters.cleaned_data
        items = [
            up
            for up in items
            if (not f["soort"] or up.soort == f["soort"])
            and (not f["status"] or up.status == f["status"])
            and (not f["voorziening"] or up.voorziening_id == f["voorziening"].pk)
        ]
    return {
        "traject": traject,
        "regio": traject.regio,
        "groepen": uitgangspunten_gegroepeerd(items),
        "aantal": len(items),
        "filters": filters,
        "gefilterd": filters.is_bound and any(filters.data.get(k) for k in filters.fields),
        "mag_bewerken": permissions.mag(user, "bewerken", traject),
        "herordenen": True,
    }


def uitgangspunt_nummer(up) -> int | None:
    """The number of one principle within its group, for a single-item partial."""
    for item in genummerde_uitgangspunten(up.traject):
        if item.pk == up.pk:
            return item.nummer
    return None


def per_voorziening(traject, user) -> dict:
    """The per-service table: onderdeel, ontwikkelingen, and the principles of each row."""
    rijen = [
        {"item": item, "uitgangspunten": [*eigen, *perceel]}
        for item, eigen, perceel in per_voorziening_rijen(
            scope(traject), genummerde_uitgangspunten(traject)
        )
    ]
    return {
        "traject": traject,
        "regio": traject.regio,
        "rijen": rijen,
        "mag_bewerken": permissions.mag(user, "bewerken", traject),
        "ontwikkelingen_form": None,
        "compact": True,
    }


def editor(document, user) -> dict:
    """The document editor: content with review comments per section, move flags and the
    footnote numbers of the PDF (`voetnoten_nummeren`)."""
    inhoud = document_inhoud(document)
    inhoud["secties"] = voetnoten_nummeren(inhoud["secties"])
    opmerkingen = list(open_opmerkingen(document))
    per_sectie = defaultdict(list)
    for opmerking in opmerkingen:
        per_sectie[opmerking.sectie_id].append(opmerking)
    secties = inhoud["secties"]
    for bijlage in (False, True):
        groep = [s for s in secties if s["is_bijlage"] == bijlage]
        for i, sectie in enumerate(groep):
            sectie["kan_omhoog"] = i > 0
            sectie["kan_omlaag"] = i < len(groep) - 1
    for sectie in secties:
        sectie["opmerkingen"] = per_sectie.get(sectie["id"], [])
        sectie["uitgangspunten"] = uitgangspunten_in_sectie(sectie)
    return {
        "document": document,
        "traject": document.traject,
        "regio": document.traject.regio,
        "inhoud": inhoud,
        "kop_velden": kop_velden_uit_inhoud(inhoud["kop"], opmaak=opmaak_van(inhoud)),
        "opmerkingen": opmerkingen,
        "opmerkingen_los": per_sectie.get(None, []),
        "mag_bewerken": permissions.mag(user, "bewerken", document),
        "mag_opmerken": permissions.mag(user, "opmerken", document),
    }


def inbreng_bij_uitgangspunt(uitgangspunt) -> list:
    """The input that shaped a principle, oldest session first (for the principle page)."""
    return list(
        uitgangspunt.inbreng.select_related("sessie", "voorziening").order_by(
            "sessie__datum", "volgorde", "pk"
        )
    )
