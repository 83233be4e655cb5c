"""The PDF kinds of sessions: the minutes (verslag) and a round's response report
(reactienota). Registered with the PDF machinery (inkoop.pdf.soorten)."""

from inkoop.pdf.bijlagen import bijlagen_van, vergrendeling_registreren
from inkoop.pdf.constants import ExportSoort
from inkoop.pdf.soorten import Bron, Soort, registreren
from inkoop.sessies.constants import Aanwezigheid
from inkoop.trajecten.models import Traject

from . import selectors as sessie_selectors
from . import services as sessie_services
from .models import Sessie


def verslag_bron(sessie: Sessie) -> Bron:
    sessie = sessie_selectors.sessie_detail(sessie.pk)
    vastgesteld = sessie_selectors.verslag_is_vastgesteld(sessie)
    verloop = sessie_selectors.verslag_per_agendapunt(sessie)
    context = {
        "sessie": sessie,
        "kenmerk": "",
        "concept": not vastgesteld,
        "verloop": verloop,
        "bijlagebestanden": bijlagen_van(sessie),
        # Agenda items are numbered from 1; the "Algemeen" group before them has no number.
        "verloop_begin": -1 if verloop and verloop[0]["agendapunt"] is None else 0,
        "aanwezige_gasten": [
            g for g in sessie.gasten.all() if g.aanwezigheid == Aanwezigheid.AANWEZIG
        ],
        "afwezige_gasten": [
            g for g in sessie.gasten.all() if g.aanwezigheid == Aanwezigheid.AFWEZIG
        ],
    }
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
        regio=sessie.regio_id,
    )


def reactienota_bron(traject: Traject) -> Bron:
    # The same data as the page (inkoop.sessies.selectors.reactienota): one grouping rule.
    nota = sessie_selectors.reactienota(traject)
    context = {
        "traject": traject,
        "nota": nota,
        "open": nota["onbeantwoord"],
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
    return Bron("pdf/reactienota.html", context, metadata, titel, regio=traject.regio_id)


def verslag_leesrecht(sessie) -> str:
    """Adopted minutes are for every role of the region (readers too); drafts not."""
    return "bekijken" if sessie_selectors.verslag_is_vastgesteld(sessie) else "concepten_bekijken"


def reactienota_leesrecht(traject) -> str:
    """The response report of a closed round (a version of its documents is adopted) is for
    every role of the region; while the round is open, not for readers."""
    return "bekijken" if sessie_selectors.ronde_gesloten(traject) else "concepten_bekijken"


registreren(
    Soort(
        ExportSoort.VERSLAG,
        Sessie,
        lambda sessie, parameters: verslag_bron(sessie),
        actie=verslag_leesrecht,
    )
)
registreren(
    Soort(
        ExportSoort.REACTIENOTA,
        Traject,
        lambda traject, parameters: reactienota_bron(traject),
        actie=reactienota_leesrecht,
    )
)
# Adopted minutes keep their attachments (the attendee list, the poll report).
vergrendeling_registreren("sessie", sessie_services.verslag_wijzigbaar_controleren)
