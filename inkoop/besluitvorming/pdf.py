"""The PDF kinds of the decision route: a document version (the notitie), its redline, a
proposal, and a body's decision list. Registered with the PDF machinery (inkoop.pdf.soorten)."""

from django.db.models import Exists, OuterRef

from inkoop.core.diff import inhoud_diff
from inkoop.core.fouten import DomeinFout
from inkoop.core.velden import parameter
from inkoop.pdf.bijlagen import bijlagen_van, bijlagen_van_versie, vergrendeling_registreren
from inkoop.pdf.constants import ExportSoort
from inkoop.pdf.soorten import Bron, Soort, registreren
from inkoop.trajecten.models import Gremium, Traject
from regions.selectors import huisstijl_van
from uitgangspunten.inhoud import kop_velden_uit_inhoud, opmaak_van
from uitgangspunten.models import Versie

from . import selectors as besluitvorming_selectors
from . import services as besluitvorming_services
from .constants import Uitkomst
from .models import Besluit, Voorstel


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


def _auteur(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _hoofdstuknummers(secties: list[dict]) -> list[dict]:
    """Sections with their chapter number (`hoofdstuknummer`): a section without a title (an
    introduction) gets none, no heading and no entry in the contents (issue 12)."""
    nummer, uit = 0, []
    for sectie in secties:
        if sectie.get("titel"):
            nummer += 1
        uit.append({**sectie, "hoofdstuknummer": nummer if sectie.get("titel") else None})
    return uit


def versie_bron(versie: Versie) -> Bron:
    inhoud = versie.inhoud or {}
    kop = inhoud.get("kop", {})
    concept = not is_vastgesteld(versie)
    secties = inhoud.get("secties", [])
    titel = kop.get("titel") or versie.document.titel
    regio = versie.document.traject.regio
    # Fetched once: the label of the header's "Betreft" row and the letterhead (Bron) share it.
    huisstijl = huisstijl_van(regio)
    opmaak = opmaak_van(inhoud)
    context = {
        "versie": versie,
        "kop": kop,
        "huisstijl": huisstijl,
        "kop_velden": kop_velden_uit_inhoud(
            kop, betreft=huisstijl.label_betreft if huisstijl else None, opmaak=opmaak
        ),
        "opmaak": opmaak,
        "bijlagebestanden": bijlagen_van_versie(versie),
        "hoofdstukken": _hoofdstuknummers([s for s in secties if not s.get("is_bijlage")]),
        "bijlagen": _hoofdstuknummers([s for s in secties if s.get("is_bijlage")]),
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
    return Bron(
        "pdf/notitie.html",
        context,
        metadata,
        titel,
        f"v{versie.nummer}",
        concept=concept,
        regio=regio,
    )


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


def redline_bron(versie: Versie, tegen: Versie | None = None) -> Bron:
    """The changes of a version against the last adopted one (or the chosen one)."""
    if tegen is None:
        tegen = standaard_tegen(versie)
        if tegen is not None:
            tegen = Versie.objects.get(pk=tegen.pk)  # with its content
    if tegen is not None and tegen.document_id != versie.document_id:
        raise DomeinFout("De vergelijkingsversie hoort bij een ander document.")
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
        regio=versie.document.traject.regio_id,
    )


def voorstel_bron(voorstel: Voorstel) -> Bron:
    voorstel = besluitvorming_selectors.voorstel_detail(voorstel.pk)
    context = {
        "voorstel": voorstel, "kenmerk": "", "concept": False,
        "bijlagebestanden": bijlagen_van(voorstel),
    }  # fmt: skip
    metadata = {
        "titel": f"Voorstel: {voorstel.onderwerp}",
        "auteur": _auteur(voorstel.opgesteld_door) or str(voorstel.traject.regio),
        "onderwerp": f"Voorstel aan {voorstel.gremium}",
        "trefwoorden": f"voorstel, {voorstel.traject}",
    }
    return Bron(
        "pdf/voorstel.html",
        context,
        metadata,
        f"Voorstel {voorstel.onderwerp}",
        regio=voorstel.traject.regio_id,
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
    return Bron("pdf/besluitenlijst.html", context, metadata, titel, regio=gremium.regio_id)


def _versie_ophalen(qs):
    return qs.select_related("document", "document__traject", "document__traject__regio")


def leesrecht(versie) -> str:
    """Adopted versions are for every role of the region; drafts not for readers."""
    return "bekijken" if is_vastgesteld(versie) else "concepten_bekijken"


def redline_parameters(data, versie) -> dict:
    """A redline's comparison version must be another version of the same document; without a
    valid choice it names the default one, so widget, job and preview agree."""
    tegen = parameter(data, "tegen")
    if tegen and vergelijkbare_versies(versie).filter(pk=tegen).exists():
        return {"tegen": tegen}
    standaard = standaard_tegen(versie)
    return {"tegen": standaard.pk} if standaard else {}


def _redline(versie, parameters) -> Bron:
    tegen = None
    if parameters.get("tegen"):
        tegen = Versie.objects.get(pk=parameters["tegen"], document_id=versie.document_id)
    return redline_bron(versie, tegen)


def _besluitenlijst_parameters(data, gremium) -> dict:
    """A decision list's round must be of the body's region."""
    traject = parameter(data, "traject")
    if traject and Traject.objects.filter(pk=traject, regio_id=gremium.regio_id).exists():
        return {"traject": traject}
    return {}


registreren(
    Soort(
        ExportSoort.VERSIE,
        Versie,
        lambda versie, parameters: versie_bron(versie),
        ophalen=_versie_ophalen,
        actie=leesrecht,
    )
)
registreren(
    Soort(
        ExportSoort.REDLINE,
        Versie,
        _redline,
        ophalen=_versie_ophalen,
        parameters=redline_parameters,
    )
)
registreren(
    Soort(
        ExportSoort.VOORSTEL,
        Voorstel,
        lambda voorstel, parameters: voorstel_bron(voorstel),
        ophalen=lambda qs: qs.select_related("traject", "traject__regio", "gremium"),
    )
)
registreren(
    Soort(
        ExportSoort.BESLUITENLIJST,
        Gremium,
        lambda gremium, parameters: besluitenlijst_bron(gremium, parameters.get("traject")),
        parameters=_besluitenlijst_parameters,
    )
)
# The attachments of a decided proposal stay as they were decided on.
vergrendeling_registreren("voorstel", besluitvorming_services.voorstel_wijzigbaar_controleren)
