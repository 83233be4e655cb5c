"""Reads for the PDFs: what each kind of export shows, as a template name and its context.

One `bron(soort, onderwerp, parameters)` serves the export task, the HTML preview and
`manage.py render_pdf`, so all three show the same thing.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef

from inkoop.constants import ExportSoort, Uitkomst
from inkoop.models import Besluit, Export, Gremium, Sessie, Traject, Voorstel
from inkoop.selectors import besluitvorming as besluitvorming_selectors
from inkoop.selectors import sessies as sessie_selectors
from uitgangspunten.diff import inhoud_diff
from uitgangspunten.inhoud import kop_velden_uit_inhoud
from uitgangspunten.models import Versie

TEMPLATES = {
    ExportSoort.VERSIE: "pdf/notitie.html",
    ExportSoort.REDLINE: "pdf/redline.html",
    ExportSoort.VOORSTEL: "pdf/voorstel.html",
    ExportSoort.VERSLAG: "pdf/verslag.html",
    ExportSoort.BESLUITENLIJST: "pdf/besluitenlijst.html",
    ExportSoort.REACTIENOTA: "pdf/reactienota.html",
}
MODELLEN = {
    ExportSoort.VERSIE: Versie,
    ExportSoort.REDLINE: Versie,
    ExportSoort.VOORSTEL: Voorstel,
    ExportSoort.VERSLAG: Sessie,
    ExportSoort.BESLUITENLIJST: Gremium,
    ExportSoort.REACTIENOTA: Traject,
}


@dataclass
class Bron:
    """What one PDF shows: template, context, metadata, and parts of its file name."""

    template: str
    context: dict
    metadata: dict
    titel: str
    versie: str = ""
    concept: bool = False
    extra: dict = field(default_factory=dict)


def onderwerp_ophalen(soort: str, object_id: int):
    """The object an export is about, with what permission checks need (regio path)."""
    model = MODELLEN[ExportSoort(soort)]
    qs = model.objects.all()
    if model is Versie:
        qs = qs.select_related("document", "document__traject", "document__traject__regio")
    elif model is Voorstel:
        qs = qs.select_related("traject", "traject__regio", "gremium")
    return qs.get(pk=object_id)


def is_vastgesteld(versie: Versie) -> bool:
    """Adopted: a body decided "vastgesteld" on exactly this version."""
    return Besluit.objects.filter(versie=versie, uitkomst=Uitkomst.VASTGESTELD).exists()


def laatst_vastgestelde(versie: Versie) -> Versie | None:
    """The most recent adopted version of the same document, other than this one."""
    return (
        Versie.objects.filter(
            document_id=versie.document_id,
            besluiten__uitkomst=Uitkomst.VASTGESTELD,
        )
        .exclude(pk=versie.pk)
        .order_by("-nummer")
        .first()
    )


def kop_velden(kop: dict) -> list[tuple[str, str]]:
    return kop_velden_uit_inhoud(kop)


def _auteur(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def versie_bron(versie: Versie) -> Bron:
    inhoud = versie.inhoud or {}
    kop = inhoud.get("kop", {})
    concept = not is_vastgesteld(versie)
    secties = inhoud.get("secties", [])
    titel = kop.get("titel") or versie.document.titel
    regio = versie.document.traject.regio
    context = {
        "versie": versie,
        "kop": kop,
        "kop_velden": kop_velden(kop),
        "hoofdstukken": [s for s in secties if not s.get("is_bijlage")],
        "bijlagen": [s for s in secties if s.get("is_bijlage")],
        "concept": concept,
        "kenmerk": kop.get("kenmerk", ""),
        "regio": regio,
    }
    metadata = {
        "titel": f"{titel} (versie {versie.nummer})",
        "auteur": kop.get("van") or str(regio),
        "onderwerp": kop.get("betreft") or kop.get("soort_label", ""),
        "trefwoorden": f"{kop.get('soort_label', '')}, {versie.document.traject}, {regio}",
    }
    return Bron("pdf/notitie.html", context, metadata, titel, f"v{versie.nummer}", concept=concept)


def standaard_tegen(versie: Versie) -> Versie | None:
    """What a redline compares with when nobody chose: the last adopted version, else the
    previous one."""
    return laatst_vastgestelde(versie) or (
        Versie.objects.filter(document_id=versie.document_id, nummer__lt=versie.nummer)
        .defer("inhoud")
        .order_by("-nummer")
        .first()
    )


def vergelijkbare_versies(versie: Versie):
    """The versions a redline of `versie` can be compared with (any other of its document)."""
    vastgesteld = Besluit.objects.filter(versie=OuterRef("pk"), uitkomst=Uitkomst.VASTGESTELD)
    return (
        Versie.objects.filter(document_id=versie.document_id)
        .exclude(pk=versie.pk)
        .annotate(vastgesteld=Exists(vastgesteld))
        .defer("inhoud")
        .order_by("-nummer")
    )


def parameters_uit(soort: str, data, onderwerp) -> dict:
    """An export's parameters from request data, checked against its subject: a redline's
    comparison version must be another version of the same document, a decision list's round
    must be of the body's region. Anything else is dropped, and a redline always names its
    comparison version, so the widget, the job and the preview agree on what the PDF shows."""
    soort = ExportSoort(soort)
    if soort == ExportSoort.REDLINE:
        tegen = str(data.get("tegen", ""))
        if tegen.isdigit() and vergelijkbare_versies(onderwerp).filter(pk=tegen).exists():
            return {"tegen": int(tegen)}
        standaard = standaard_tegen(onderwerp)
        return {"tegen": standaard.pk} if standaard else {}
    if soort == ExportSoort.BESLUITENLIJST:
        traject = str(data.get("traject", ""))
        if (
            traject.isdigit()
            and Traject.objects.filter(pk=traject, regio_id=onderwerp.regio_id).exists()
        ):
            return {"traject": int(traject)}
    return {}


def redline_bron(versie: Versie, tegen: Versie | None = None) -> Bron:
    """The changes of a version against the last adopted one (or the chosen one)."""
    if tegen is None:
        tegen = standaard_tegen(versie)
        if tegen is not None:
            tegen = Versie.objects.get(pk=tegen.pk)  # with its content
    if tegen is not None and tegen.document_id != versie.document_id:
        raise ValueError("De vergelijkingsversie hoort bij een ander document.")
    kop = (versie.inhoud or {}).get("kop", {})
    verschil = inhoud_diff(tegen.inhoud if tegen else {}, versie.inhoud or {})
    titel = kop.get("titel") or versie.document.titel
    concept = not is_vastgesteld(versie)
    context = {
        "versie": versie,
        "tegen": tegen,
        "tegen_vastgesteld": bool(tegen and is_vastgesteld(tegen)),
        "kop": kop,
        "verschil": verschil,
        "concept": concept,
        "kenmerk": kop.get("kenmerk", ""),
    }
    vergeleken = f"versie {tegen.nummer}" if tegen else "een leeg document"
    metadata = {
        "titel": f"Wijzigingen {titel}: versie {versie.nummer} ten opzichte van {vergeleken}",
        "auteur": kop.get("van") or str(versie.document.traject.regio),
        "onderwerp": "Wijzigingen (redline)",
        "trefwoorden": "redline, wijzigingen",
    }
    naam_versie = f"v{tegen.nummer}-v{versie.nummer}" if tegen else f"v{versie.nummer}"
    return Bron(
        "pdf/redline.html",
        context,
        metadata,
        f"Wijzigingen {titel}",
        naam_versie,
        concept=concept,
        extra={"tegen": tegen.pk if tegen else None},
    )


def voorstel_bron(voorstel: Voorstel) -> Bron:
    voorstel = besluitvorming_selectors.voorstel_detail(voorstel.pk)
    context = {"voorstel": voorstel, "kenmerk": "", "concept": False}
    metadata = {
        "titel": f"Voorstel: {voorstel.onderwerp}",
        "auteur": _auteur(voorstel.opgesteld_door) or str(voorstel.traject.regio),
        "onderwerp": f"Voorstel aan {voorstel.gremium}",
        "trefwoorden": f"voorstel, {voorstel.traject}",
    }
    return Bron("pdf/voorstel.html", context, metadata, f"Voorstel {voorstel.onderwerp}")


def verslag_bron(sessie: Sessie) -> Bron:
    sessie = sessie_selectors.sessie_detail(sessie.pk)
    vastgesteld = sessie_selectors.verslag_is_vastgesteld(sessie)
    context = {"sessie": sessie, "kenmerk": "", "concept": not vastgesteld}
    metadata = {
        "titel": f"Verslag {sessie.titel}",
        "auteur": str(sessie.gremium or sessie.regio),
        "onderwerp": f"Verslag van {sessie.datum:%d-%m-%Y}",
        "trefwoorden": "verslag, sessie",
    }
    return Bron(
        "pdf/verslag.html",
        context,
        metadata,
        f"Verslag {sessie.titel}",
        f"{sessie.datum:%Y-%m-%d}",
        concept=not vastgesteld,
    )


def besluitenlijst_bron(gremium: Gremium, traject_id: int | None = None) -> Bron:
    traject = None
    if traject_id:
        traject = Traject.objects.get(pk=traject_id, regio_id=gremium.regio_id)
    besluiten = besluitvorming_selectors.besluitenlijst(gremium=gremium, traject=traject)
    context = {"gremium": gremium, "traject": traject, "besluiten": list(besluiten)}
    context.update(kenmerk="", concept=False)
    titel = f"Besluitenlijst {gremium.naam}" + (f" — {traject.naam}" if traject else "")
    metadata = {
        "titel": titel,
        "auteur": gremium.naam,
        "onderwerp": "Besluitenlijst",
        "trefwoorden": "besluitenlijst",
    }
    return Bron("pdf/besluitenlijst.html", context, metadata, titel)


def reactienota_bron(traject: Traject) -> Bron:
    # The same data as the page (inkoop.selectors.sessies.reactienota): one grouping rule.
    nota = sessie_selectors.reactienota(traject)
    context = {
        "traject": traject,
        "nota": nota,
        "open": sum(1 for g in nota["groepen"] for i in g["items"] if not i["verwerking"]),
        "kenmerk": "",
        "concept": False,
    }
    titel = f"Reactienota {traject.naam}"
    metadata = {
        "titel": titel,
        "auteur": str(traject.regio),
        "onderwerp": "Wat we met uw inbreng hebben gedaan",
        "trefwoorden": "reactienota, inbreng",
    }
    return Bron("pdf/reactienota.html", context, metadata, titel)


def bron(soort: str, onderwerp, parameters: dict | None = None) -> Bron:
    parameters = parameters or {}
    soort = ExportSoort(soort)
    if soort == ExportSoort.VERSIE:
        return versie_bron(onderwerp)
    if soort == ExportSoort.REDLINE:
        tegen = None
        if parameters.get("tegen"):
            tegen = Versie.objects.get(pk=parameters["tegen"], document_id=onderwerp.document_id)
        return redline_bron(onderwerp, tegen)
    if soort == ExportSoort.VOORSTEL:
        return voorstel_bron(onderwerp)
    if soort == ExportSoort.VERSLAG:
        return verslag_bron(onderwerp)
    if soort == ExportSoort.BESLUITENLIJST:
        return besluitenlijst_bron(onderwerp, parameters.get("traject"))
    return reactienota_bron(onderwerp)


def exports_van(onderwerp, soort: str, parameters: dict | None = None, limiet: int = 10):
    """The exports of this subject, kind and parameters (a redline against version 2 is not
    the one against version 3), newest first."""
    ct = ContentType.objects.get_for_model(type(onderwerp))
    return list(
        Export.objects.filter(
            content_type=ct, object_id=onderwerp.pk, soort=soort, parameters=parameters or {}
        )
        .select_related("aangevraagd_door")
        .order_by("-aangemaakt", "-pk")[:limiet]
    )
