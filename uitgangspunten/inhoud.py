"""The content of a document as plain data: header, sections, and the live content of blocks.

One structure serves the page, the preview, a frozen version (stored as JSON in Versie.inhoud)
and the PDF, so what the PDF shows is exactly what the preview showed. It loads in a fixed number
of queries, whatever the number of principles or services.
"""

from collections import defaultdict

from django.utils.text import capfirst

from inkoop.core.markdown import voetnoten_aantal
from inkoop.trajecten.models import Mijlpaal, TrajectVoorziening
from voorzieningen.constants import KengetalSoort
from voorzieningen.models import Kengetal

from .constants import (
    KOP_VELDEN,
    OPMAAK_STANDAARD,
    SectieSoort,
    UitgangspuntSoort,
    UitgangspuntStatus,
)
from .models import Document, Sectie, Uitgangspunt

ALGEMENE_SOORTEN = [s for s in UitgangspuntSoort.values if s != UitgangspuntSoort.VOORZIENING]


def uitgangspunt_data(up: Uitgangspunt, nummer: int) -> dict:
    return {
        "id": up.pk,
        "uid": str(up.uid),
        "nummer": nummer,
        "soort": up.soort,
        "titel": up.titel,
        "uitleg": up.uitleg,
        "status": up.status,
        "status_label": str(UitgangspuntStatus(up.status).label),
        "revisie": up.revisie,
    }


def nummeren(uitgangspunten) -> list[Uitgangspunt]:
    """The one numbering rule: in their order, numbered within their group (one kind, or one
    service or lot); lapsed principles get no number (`.nummer` None). Returns the list."""
    tellers = defaultdict(int)
    for up in uitgangspunten:
        if up.status == UitgangspuntStatus.VERVALLEN:
            up.nummer = None
            continue
        sleutel = (up.soort, up.voorziening_id, up.perceel_id)
        tellers[sleutel] += 1
        up.nummer = tellers[sleutel]
    return uitgangspunten


def algemene_per_soort(uitgangspunten) -> list[tuple[str, list[Uitgangspunt]]]:
    """The one grouping rule for general principles: per kind, in the order of the kinds."""
    per_soort = defaultdict(list)
    for up in uitgangspunten:
        if up.soort != UitgangspuntSoort.VOORZIENING:
            per_soort[up.soort].append(up)
    return [(soort, per_soort[soort]) for soort in ALGEMENE_SOORTEN if per_soort[soort]]


def genummerd(uitgangspunten) -> list[dict]:
    """One group as content: numbered (`nummeren`), lapsed principles left out."""
    return [uitgangspunt_data(u, u.nummer) for u in nummeren(list(uitgangspunten)) if u.nummer]


def _algemene_groepen(uitgangspunten) -> list[dict]:
    return [
        {"soort": soort, "label": str(UitgangspuntSoort(soort).label),
         "uitgangspunten": genummerd(groep)}
        for soort, groep in algemene_per_soort(uitgangspunten)
    ]  # fmt: skip


def per_voorziening_rijen(scope, uitgangspunten) -> list[tuple]:
    """The rows of the per-service table: (scope item, the service's principles, its lot's
    principles). A lot's principles go on the row of the lot's first service only. One rule
    for the page and the document block; each group is numbered on its own."""
    per_voorziening = defaultdict(list)
    per_perceel = defaultdict(list)
    for up in uitgangspunten:
        if up.soort == UitgangspuntSoort.VOORZIENING:
            if up.voorziening_id:
                per_voorziening[up.voorziening_id].append(up)
            elif up.perceel_id:
                per_perceel[up.perceel_id].append(up)
    rijen = []
    for item in scope:
        v = item.voorziening
        perceel = per_perceel.pop(v.perceel_id, []) if v.perceel_id else []
        rijen.append((item, per_voorziening.get(v.pk, []), perceel))
    return rijen


def _voorzieningentabel(document, uitgangspunten) -> list[dict]:
    scope = (
        TrajectVoorziening.objects.filter(traject_id=document.traject_id)
        .select_related("voorziening", "voorziening__perceel")
        .order_by("voorziening__volgorde", "voorziening__naam")
    )
    return [
        {
            "voorziening_id": item.voorziening.pk,
            "naam": item.voorziening.naam,
            "perceel": str(item.voorziening.perceel) if item.voorziening.perceel_id else "",
            "onderdeel": item.voorziening.omschrijving,
            "ontwikkelingen": item.ontwikkelingen,
            "uitgangspunten": genummerd(eigen) + genummerd(perceel),
        }
        for item, eigen, perceel in per_voorziening_rijen(scope, uitgangspunten)
    ]


def _kengetallen(secties) -> dict[int, list[dict]]:
    voorziening_ids = {v.pk for s in secties for v in s.voorzieningen.all()}
    per_voorziening = defaultdict(lambda: defaultdict(list))
    for k in Kengetal.objects.filter(voorziening_id__in=voorziening_ids).order_by("soort", "jaar"):
        per_voorziening[k.voorziening_id][k.soort].append([k.jaar, str(k.waarde)])
    resultaat = {}
    for sectie in secties:
        resultaat[sectie.pk] = [
            {
                "voorziening_id": v.pk,
                "naam": v.naam,
                "reeksen": [
                    {
                        "soort": soort,
                        "label": str(KengetalSoort(soort).label),
                        "is_bedrag": KengetalSoort.is_bedrag(soort),
                        "punten": punten,
                    }
                    for soort, punten in per_voorziening[v.pk].items()
                ],  # fmt: skip
            }
            for v in sorted(sectie.voorzieningen.all(), key=lambda v: (v.volgorde, v.naam))
        ]
    return resultaat


def _planning(document) -> list[dict]:
    return [
        {
            "omschrijving": m.omschrijving,
            "datum": m.datum.isoformat() if m.datum else "",
            "periode": m.periode,
            "gremium": m.get_gremium_soort_display() if m.gremium_soort else "",
            "status": m.status,
            "status_label": m.get_status_display(),
        }
        for m in Mijlpaal.objects.filter(traject_id=document.traject_id).order_by(
            "volgorde", "datum"
        )
    ]


def document_inhoud(document: Document) -> dict:
    secties = list(
        Sectie.objects.filter(document=document)
        .prefetch_related("voorzieningen")
        .order_by("is_bijlage", "volgorde", "pk")
    )
    soorten = {s.soort for s in secties}
    uitgangspunten = []
    if soorten & {SectieSoort.ALGEMENE_UITGANGSPUNTEN, SectieSoort.VOORZIENINGENTABEL}:
        uitgangspunten = list(
            Uitgangspunt.objects.filter(traject_id=document.traject_id).order_by("volgorde", "pk")
        )
    algemene = (
        _algemene_groepen(uitgangspunten) if SectieSoort.ALGEMENE_UITGANGSPUNTEN in soorten else []
    )
    tabel = (
        _voorzieningentabel(document, uitgangspunten)
        if SectieSoort.VOORZIENINGENTABEL in soorten
        else []
    )
    kengetallen = (
        _kengetallen([s for s in secties if s.soort == SectieSoort.KENGETALLEN])
        if SectieSoort.KENGETALLEN in soorten
        else {}
    )
    planning = _planning(document) if SectieSoort.PLANNING in soorten else []

    sectie_data = []
    for sectie in secties:
        data = {
            "id": sectie.pk,
            "soort": sectie.soort,
            "titel": sectie.titel,
            "tekst": sectie.tekst,
            "is_bijlage": sectie.is_bijlage,
            "revisie": sectie.revisie,
        }
        if sectie.soort == SectieSoort.ALGEMENE_UITGANGSPUNTEN:
            data["groepen"] = algemene
        elif sectie.soort == SectieSoort.VOORZIENINGENTABEL:
            data["voorzieningen"] = tabel
        elif sectie.soort == SectieSoort.KENGETALLEN:
            data["kengetallen"] = kengetallen.get(sectie.pk, [])
        elif sectie.soort == SectieSoort.PLANNING:
            data["mijlpalen"] = planning
        sectie_data.append(data)

    inhoud = {"kop": kop_inhoud(document), "secties": sectie_data}
    if eigen := eigen_opmaak(document.opmaak):
        # Only a document with choices of its own carries them, so the content (and hash) of
        # every other document stays what it was.
        inhoud["opmaak"] = eigen
    return inhoud


def eigen_opmaak(opmaak: dict | None) -> dict:
    """The layout choices that differ from OPMAAK_STANDAARD (unknown keys dropped)."""
    return {
        k: v
        for k, v in (opmaak or {}).items()
        if k in OPMAAK_STANDAARD and v != OPMAAK_STANDAARD[k]
    }


def opmaak_van(inhoud: dict) -> dict:
    """Every layout choice of a content dict (draft or frozen version)."""
    return OPMAAK_STANDAARD | eigen_opmaak(inhoud.get("opmaak"))


MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip


def datum_tekst(iso: str, *, voluit: bool = False) -> str:
    """ "2019-03-14" → "14-03-2019", or written out: "14 maart 2019"."""
    if not iso:
        return ""
    jaar, maand, dag = iso.split("-")
    if voluit:
        return f"{int(dag)} {MAANDEN[int(maand) - 1]} {jaar}"
    return f"{dag}-{maand}-{jaar}"


def voetnoten_nummeren(secties: list[dict]) -> list[dict]:
    """The sections with the footnote numbers of the PDF: one counter over the whole document,
    in the order pdf/_inhoud.html prints the texts (a section's text, then its principles'
    explanations; in the per-service table per row the developments, then the principles).

    A text with footnotes gets `voetnoot_begin` (the footnotes before it); every section gets
    `voetnoten` (how many it shows). Both are section data, so part of the key of its cached
    fragment (templatetags/sectie_fragment.py); a text without footnotes gets no number, so an
    extra footnote early on renews only the fragments whose numbers change. Returns copies: the
    content (a frozen version's JSON) stays as it was, and a principle that two sections show
    gets a number in each.
    """
    teller = 0

    def genummerd(data: dict, veld: str) -> dict:
        nonlocal teller
        aantal = voetnoten_aantal(data.get(veld) or "")
        if not aantal:
            return data
        uit = {**data, "voetnoot_begin": teller}
        teller += aantal
        return uit

    uit = []
    for sectie in secties:
        begin = teller
        kopie = {**genummerd(sectie, "tekst")}
        if "groepen" in sectie:
            kopie["groepen"] = [
                {
                    **groep,
                    "uitgangspunten": [genummerd(up, "uitleg") for up in groep["uitgangspunten"]],
                }
                for groep in sectie["groepen"]
            ]
        if "voorzieningen" in sectie:
            rijen = []
            for rij in sectie["voorzieningen"]:
                rij = {**genummerd(rij, "ontwikkelingen")}
                rij["uitgangspunten"] = [genummerd(up, "uitleg") for up in rij["uitgangspunten"]]
                rijen.append(rij)
            kopie["voorzieningen"] = rijen
        kopie["voetnoten"] = teller - begin
        uit.append(kopie)
    return uit


def voetnoot_begin(secties: list[dict], sectie_id: int) -> int:
    """The number a section's text continues from (sections of `voetnoten_nummeren`), also
    when it has no footnotes yet: the editor counts on from it."""
    begin = 0
    for sectie in secties:
        if sectie["id"] == sectie_id:
            return begin
        begin += sectie["voetnoten"]
    return begin


def uitgangspunten_in_sectie(sectie: dict) -> list[dict]:
    """The principles a block section shows (general groups and the per-service table)."""
    gevonden = [up for groep in sectie.get("groepen", []) for up in groep["uitgangspunten"]]
    gevonden += [up for rij in sectie.get("voorzieningen", []) for up in rij["uitgangspunten"]]
    return gevonden


def kop_inhoud(document: Document) -> dict:
    """The memo header of a draft as stored in a version's content (dates as ISO text)."""
    kop = {naam: getattr(document, naam) for naam in KOP_VELDEN}
    kop["datum"] = document.datum.isoformat() if document.datum else ""
    if document.kop_labels:
        # Only when the document has its own labels, so the content (and hash) of every other
        # document stays what it was.
        kop["labels"] = dict(document.kop_labels)
    return kop | {"soort": document.soort, "soort_label": document.get_soort_display()}


def kop_velden_uit_inhoud(
    kop: dict, *, betreft: str | None = None, opmaak: dict | None = None
) -> list[tuple[str, str]]:
    """The memo header of a content dict (draft or frozen version) as (label, value) pairs,
    in the order a memo prints them (the title is printed above them). `betreft`: the label a
    region's house style gives the subject line ("Betreffende"); the document's own labels
    (`kop["labels"]`, set in its layout settings or kept by a Word import) win over both.
    `opmaak` (see `opmaak_van`): the date written out, empty rows left out."""
    opmaak = OPMAAK_STANDAARD | (opmaak or {})
    datum = datum_tekst(kop.get("datum") or "", voluit=opmaak["datum_voluit"])
    waarden = {**kop, "datum": datum}
    labels = ({"betreft": betreft} if betreft else {}) | (kop.get("labels") or {})
    return [
        (
            labels.get(naam) or capfirst(Document._meta.get_field(naam).verbose_name),
            waarden.get(naam, ""),
        )
        for naam in KOP_VELDEN
        if naam != "titel" and (waarden.get(naam) or not opmaak["lege_kopregels_weglaten"])
    ]
