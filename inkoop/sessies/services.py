"""Writes for sessions, their minutes, input and the planning.

Rules that must hold wherever the data is changed (views, admin, commands) live here: a
session's items stay within its region, a statement's result matches its kind, input records
why it was (not) adopted, and minutes are adopted once, by a later session, as a decision.

Changes to existing rows are based on the `revisie` the edit form carried (optimistic locking,
inkoop/core/revisie.py): a save from a stale revision raises `Conflict` and writes nothing.
`revisie=None` is for callers without a form (commands): the revision is raised regardless.
"""

from decimal import Decimal

from django.db import transaction

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit
from inkoop.core.fouten import DomeinFout
from inkoop.core.revisie import met_revisie_bijwerken, revisie_claimen, verwijderen
from inkoop.sessies.constants import ResultaatSoort, Verwerking
from inkoop.sessies.models import Inbreng, Sessie, Stelling
from inkoop.sessies.selectors import verslag_is_vastgesteld


@transaction.atomic
def sessie_opslaan(*, sessie: Sessie, deelnemers=None, revisie: int | None = None) -> Sessie:
    """Create or update a session (regio already set) and its attendees."""
    if sessie.traject_id and sessie.traject.regio_id != sessie.regio_id:
        raise DomeinFout({"traject": "Dit traject hoort bij een andere regio."})
    if sessie.gremium_id and sessie.gremium.regio_id != sessie.regio_id:
        raise DomeinFout({"gremium": "Dit gremium hoort bij een andere regio."})
    sessie.full_clean()
    if sessie.pk:
        verslag_wijzigbaar_controleren(sessie)
        revisie_claimen(sessie, revisie=revisie)
    sessie.save()
    if deelnemers is not None:
        sessie.deelnemers.set(deelnemers)
    return sessie


# The result fields per kind of statement; a statement keeps only those of its own kind.
RESULTAATVELDEN = {
    ResultaatSoort.EENS_ONEENS: ("eens", "oneens"),
    ResultaatSoort.SCHAAL: ("schaal_gemiddelde", "schaal_n"),
    ResultaatSoort.WOORDEN: ("woorden",),
}


def resultaat_fouten(soort: str, waarden: dict) -> dict[str, str]:
    """What is wrong with the result of a statement of kind `soort`, per field (Dutch).

    The one statement of the rule: the form shows it next to the fields, the service refuses a
    save that breaks it (admin, commands, import)."""
    fouten = {}
    label = ResultaatSoort(soort).label.lower()
    for veld in RESULTAATVELDEN.get(soort, ()):
        if veld == "schaal_n":
            continue  # minutes often give a mean without the number of answers
        waarde = waarden.get(veld)
        if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
            fouten[veld] = f"Vul dit in bij een resultaat van de soort '{label}'."
    if soort == ResultaatSoort.EENS_ONEENS:
        for veld in ("eens", "oneens"):
            if waarden.get(veld) is not None and waarden[veld] < 0:
                fouten.setdefault(veld, "Vul een aantal van 0 of meer in.")
        if waarden.get("eens") == 0 == waarden.get("oneens"):
            fouten.setdefault("eens", "Er is minstens één stem nodig (eens of oneens).")
    elif soort == ResultaatSoort.SCHAAL:
        gem, n = waarden.get("schaal_gemiddelde"), waarden.get("schaal_n")
        if gem is not None and not Decimal(1) <= Decimal(gem) <= Decimal(5):
            fouten.setdefault("schaal_gemiddelde", "Het gemiddelde ligt tussen 1 en 5.")
        if n is not None and n < 1:
            fouten.setdefault("schaal_n", "Er is minstens één antwoord nodig voor een gemiddelde.")
    return fouten


def stelling_controleren(stelling: Stelling) -> None:
    """Refuse a result that breaks `resultaat_fouten`; empty the other kinds' fields."""
    waarden = {
        veld: getattr(stelling, veld) for velden in RESULTAATVELDEN.values() for veld in velden
    }
    if fouten := resultaat_fouten(stelling.resultaat_soort, waarden):
        raise DomeinFout(fouten)
    for soort, velden in RESULTAATVELDEN.items():
        if soort != stelling.resultaat_soort:
            for veld in velden:
                setattr(stelling, veld, "" if veld == "woorden" else None)


VERSLAG_VASTGESTELD = (
    "Het verslag van deze sessie is vastgesteld: de inhoud verandert niet meer. Leg een "
    "aanvulling vast in het verslag van een volgende sessie."
)


def verslag_wijzigbaar_controleren(sessie: Sessie) -> None:
    """Adopted minutes keep their items (what was said, concluded and agreed). What is done
    with input afterwards (`inbreng_verwerken`) is not part of the minutes and stays open."""
    if verslag_is_vastgesteld(sessie):
        raise DomeinFout(VERSLAG_VASTGESTELD)


@transaction.atomic
def onderdeel_opslaan(*, sessie: Sessie, onderdeel, revisie: int | None = None):
    """Save an item of the session (guest, agenda item, conclusion, input, statement, action)."""
    verslag_wijzigbaar_controleren(sessie)
    onderdeel.sessie = sessie
    voorziening_id = getattr(onderdeel, "voorziening_id", None)
    if voorziening_id and onderdeel.voorziening.regio_id != sessie.regio_id:
        raise DomeinFout({"voorziening": "Deze voorziening hoort bij een andere regio."})
    agendapunt_id = getattr(onderdeel, "agendapunt_id", None)
    if agendapunt_id and onderdeel.agendapunt.sessie_id != sessie.pk:
        raise DomeinFout({"agendapunt": "Dit agendapunt hoort bij een andere sessie."})
    if isinstance(onderdeel, Inbreng):
        if not sessie.traject_id:
            raise DomeinFout("Koppel de sessie eerst aan een traject om inbreng vast te leggen.")
        onderdeel.traject_id = sessie.traject_id
        if not onderdeel.pk:
            laatste = sessie.inbreng.order_by("-volgorde").values_list("volgorde", flat=True)
            onderdeel.volgorde = (laatste.first() or 0) + 1
    if isinstance(onderdeel, Stelling):
        stelling_controleren(onderdeel)
        if not onderdeel.pk:
            laatste = sessie.stellingen.order_by("-volgorde").values_list("volgorde", flat=True)
            onderdeel.volgorde = (laatste.first() or 0) + 1
    if onderdeel.pk:
        revisie_claimen(onderdeel, revisie=revisie)
    onderdeel.save()
    return onderdeel


@transaction.atomic
def onderdeel_verwijderen(*, onderdeel, revisie: int | None = None) -> None:
    verslag_wijzigbaar_controleren(onderdeel.sessie)
    verwijderen(onderdeel, revisie=revisie)


@transaction.atomic
def verslag_inleiding_opslaan(*, sessie: Sessie, revisie: int | None, tekst: str) -> Sessie:
    verslag_wijzigbaar_controleren(sessie)
    return met_revisie_bijwerken(sessie, revisie=revisie, velden={"verslag_inleiding": tekst})


def verslag_vaststelbaar(sessie: Sessie):
    """Earlier sessions of the same region whose minutes this session can still adopt."""
    return (
        Sessie.objects.filter(regio_id=sessie.regio_id, datum__lt=sessie.datum)
        .exclude(verslag_besluiten__uitkomst=Uitkomst.VASTGESTELD)
        .order_by("-datum", "titel")
    )


@transaction.atomic
def verslag_vaststellen(*, sessie: Sessie, verslag_van: Sessie, door, toelichting="") -> Besluit:
    """In `sessie`, adopt the minutes of the earlier `verslag_van`: recorded as a decision."""
    if verslag_van.regio_id != sessie.regio_id:
        raise DomeinFout("Die sessie hoort bij een andere regio.")
    if verslag_van.pk == sessie.pk or verslag_van.datum >= sessie.datum:
        raise DomeinFout("Een verslag wordt vastgesteld in een latere sessie.")
    if not sessie.gremium_id:
        raise DomeinFout(
            "Kies eerst het gremium van deze sessie: een besluit wordt door een gremium genomen."
        )
    # Lock the earlier session so two people cannot adopt the same minutes at once.
    Sessie.objects.select_for_update().get(pk=verslag_van.pk)
    if verslag_is_vastgesteld(verslag_van):
        raise DomeinFout("Het verslag van die sessie is al vastgesteld.")
    return Besluit.objects.create(
        gremium_id=sessie.gremium_id,
        datum=sessie.datum,
        sessie=sessie,
        verslag_van=verslag_van,
        uitkomst=Uitkomst.VASTGESTELD,
        toelichting=toelichting,
        vastgelegd_door=door,
    )


@transaction.atomic
def inbreng_verwerken(
    *, inbreng: Inbreng, revisie: int | None, uitgangspunten, verwerking: str, toelichting: str
) -> Inbreng:
    """Link input to principles of its own round and record what was done with it, and why."""
    uitgangspunten = list(uitgangspunten)
    vreemd = [u for u in uitgangspunten if u.traject_id != inbreng.traject_id]
    if vreemd:
        raise DomeinFout(
            {"uitgangspunten": "Kies alleen uitgangspunten van het traject van deze inbreng."}
        )
    if verwerking not in Verwerking.values:
        raise DomeinFout({"verwerking": "Kies wat er met de inbreng is gedaan."})
    toelichting = (toelichting or "").strip()
    if verwerking not in (Verwerking.OPEN, Verwerking.KENNISGENOMEN) and not toelichting:
        raise DomeinFout({"verwerking_toelichting": "Leg uit waarom, behalve bij 'kennisgenomen'."})
    met_revisie_bijwerken(
        inbreng,
        revisie=revisie,
        velden={"verwerking": verwerking, "verwerking_toelichting": toelichting},
    )
    inbreng.uitgangspunten.set(uitgangspunten)
    return inbreng
