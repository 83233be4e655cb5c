"""Writes for sessions, their minutes, input and the planning.

Rules that must hold wherever the data is changed (views, admin, commands) live here: a
session's items stay within its region, a statement's result matches its kind, input records
why it was (not) adopted, and minutes are adopted once: by a later session of the same body,
by a decision of a body, or by the secretary.

Changes to existing rows are based on the `revisie` the edit form carried (optimistic locking,
inkoop/core/revisie.py): a save from a stale revision raises `Conflict` and writes nothing.
`revisie=None` is for callers without a form (commands): the revision is raised regardless.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit
from inkoop.core.fouten import DomeinFout
from inkoop.core.revisie import met_revisie_bijwerken, revisie_claimen, verwijderen
from inkoop.sessies.charts import keuzes_tellen
from inkoop.sessies.constants import ResultaatSoort, Verwerking
from inkoop.sessies.models import Inbreng, Sessie, Stelling
from inkoop.sessies.selectors import verslag_is_vastgesteld
from regions import permissions
from regions.constants import Rol


@transaction.atomic
def sessie_opslaan(
    *, sessie: Sessie, deelnemers=None, afgemeld=None, revisie: int | None = None
) -> Sessie:
    """Create or update a session (regio already set), its attendees and who sent apologies."""
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
    if afgemeld is not None:
        afgemeld = list(afgemeld)
        if set(afgemeld) & set(sessie.deelnemers.all()):
            raise DomeinFout({"afgemeld": "Wie aanwezig was, is niet ook afgemeld."})
        sessie.afgemeld.set(afgemeld)
    return sessie


# The result fields per kind of statement; a statement keeps only those of its own kind.
RESULTAATVELDEN = {
    ResultaatSoort.EENS_ONEENS: ("eens", "oneens"),
    ResultaatSoort.MEERKEUZE: ("keuzes",),
    ResultaatSoort.SCHAAL: (
        "schaal_gemiddelde", "schaal_n", "schaal_min", "schaal_max", "schaal_label_min",
        "schaal_label_max",
    ),
    ResultaatSoort.WOORDEN: ("woorden",),
    ResultaatSoort.OPEN: (),
    ResultaatSoort.EXTERN: ("verwijzing",),
}  # fmt: skip
# Optional within their kind: minutes often give a mean without n, or a scale without labels.
NIET_VERPLICHT = {"schaal_n", "schaal_label_min", "schaal_label_max"}


def _leeg(waarde) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def resultaat_fouten(soort: str, waarden: dict) -> dict[str, str]:
    """What is wrong with the result of a statement of kind `soort`, per field (Dutch).

    The one statement of the rule: the form shows it next to the fields, the service refuses a
    save that breaks it (admin, commands, import)."""
    fouten = {}
    label = ResultaatSoort(soort).label.lower()
    for veld in RESULTAATVELDEN.get(soort, ()):
        if veld not in NIET_VERPLICHT and _leeg(waarden.get(veld)):
            fouten[veld] = f"Vul dit in bij een resultaat van de soort '{label}'."
    if soort == ResultaatSoort.EENS_ONEENS:
        for veld in ("eens", "oneens"):
            if waarden.get(veld) is not None and waarden[veld] < 0:
                fouten.setdefault(veld, "Vul een aantal van 0 of meer in.")
        if waarden.get("eens") == 0 == waarden.get("oneens"):
            fouten.setdefault("eens", "Er is minstens één stem nodig (eens of oneens).")
    elif soort == ResultaatSoort.MEERKEUZE and not _leeg(waarden.get("keuzes")):
        keuzes = keuzes_tellen(waarden["keuzes"])
        zonder = [k for k, n in keuzes if n is None]
        if zonder:
            fouten["keuzes"] = f"Zet het aantal achter elk antwoord, zoals '{zonder[0]}: 4'."
        elif len(keuzes) < 2:
            fouten["keuzes"] = "Een meerkeuzevraag heeft minstens twee antwoorden."
    elif soort == ResultaatSoort.SCHAAL:
        laag, hoog = waarden.get("schaal_min"), waarden.get("schaal_max")
        gem, n = waarden.get("schaal_gemiddelde"), waarden.get("schaal_n")
        if laag is not None and hoog is not None:
            if hoog <= laag:
                fouten.setdefault("schaal_max", "De hoogste score ligt boven de laagste.")
            elif hoog > 100:
                fouten.setdefault("schaal_max", "De hoogste score is hoogstens 100.")
            elif gem is not None and not Decimal(laag) <= Decimal(gem) <= Decimal(hoog):
                fouten.setdefault(
                    "schaal_gemiddelde", f"Het gemiddelde ligt tussen {laag} en {hoog}."
                )
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
                setattr(stelling, veld, Stelling._meta.get_field(veld).get_default())


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
    if not onderdeel.pk and isinstance(onderdeel, Inbreng | Stelling):
        # New items are numbered after the last one: parallel saves in one session wait for
        # each other, so two never get the same place.
        Sessie.objects.select_for_update().filter(pk=sessie.pk).first()
    onderdeel.sessie = sessie
    voorziening_id = getattr(onderdeel, "voorziening_id", None)
    if voorziening_id and onderdeel.voorziening.regio_id != sessie.regio_id:
        raise DomeinFout({"voorziening": "Deze voorziening hoort bij een andere regio."})
    agendapunt_id = getattr(onderdeel, "agendapunt_id", None)
    if agendapunt_id and onderdeel.agendapunt.sessie_id != sessie.pk:
        raise DomeinFout({"agendapunt": "Dit agendapunt hoort bij een andere sessie."})
    stelling_id = getattr(onderdeel, "stelling_id", None)
    if stelling_id and onderdeel.stelling.sessie_id != sessie.pk:
        raise DomeinFout({"stelling": "Deze stelling hoort bij een andere sessie."})
    if stelling_id and not agendapunt_id and hasattr(onderdeel, "agendapunt_id"):
        onderdeel.agendapunt_id = onderdeel.stelling.agendapunt_id  # under its statement's item
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
    """Earlier sessions of the same body whose minutes this session can still adopt (of the
    same region while this session has no body yet: `verslag_vaststellen` then asks for one)."""
    sessies = Sessie.objects.filter(regio_id=sessie.regio_id, datum__lt=sessie.datum)
    if sessie.gremium_id:
        sessies = sessies.filter(gremium_id=sessie.gremium_id)
    return (
        sessies.exclude(verslag_besluiten__uitkomst=Uitkomst.VASTGESTELD)
        .exclude(verslag_vastgesteld_op__isnull=False)
        .order_by("-datum", "titel")
    )


def _zelfde_gremium(sessie: Sessie, verslag_van: Sessie) -> None:
    """A later session adopts only the minutes of its own body; other minutes are adopted by a
    decision of a body or by the secretary (`eigen_verslag_vaststellen`)."""
    if verslag_van.gremium_id == sessie.gremium_id:
        return
    if verslag_van.gremium_id is None:
        fout = (
            f"De sessie {verslag_van.titel} hoort bij geen gremium: stel haar verslag vast met "
            "een besluit van een gremium of door de secretaris."
        )
    else:
        fout = (
            f"De sessie {verslag_van.titel} is van {verslag_van.gremium}, deze sessie van "
            f"{sessie.gremium}: een verslag wordt vastgesteld in een latere sessie van "
            "hetzelfde gremium."
        )
    raise DomeinFout({"verslag_van": fout})


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
    _zelfde_gremium(sessie, verslag_van)
    _nog_niet_vastgesteld(verslag_van)
    return Besluit.objects.create(
        gremium_id=sessie.gremium_id,
        datum=sessie.datum,
        sessie=sessie,
        verslag_van=verslag_van,
        uitkomst=Uitkomst.VASTGESTELD,
        toelichting=toelichting,
        vastgelegd_door=door,
    )


def _nog_niet_vastgesteld(verslag_van: Sessie) -> Sessie:
    # Lock the session so two people cannot adopt the same minutes at once; read it fresh.
    vers = Sessie.objects.select_for_update().get(pk=verslag_van.pk)
    if verslag_is_vastgesteld(vers):
        raise DomeinFout("Het verslag van die sessie is al vastgesteld.")
    return vers


@transaction.atomic
def verslag_vaststellen_door_gremium(
    *, verslag_van: Sessie, gremium, datum, door, toelichting=""
) -> Besluit:
    """A body adopts the minutes by a decision of its own, outside a recorded session."""
    permissions.vereis(door, "besluiten_vastleggen", verslag_van)
    if gremium.regio_id != verslag_van.regio_id:
        raise DomeinFout({"gremium": "Dit gremium hoort bij een andere regio."})
    if datum < verslag_van.datum:
        raise DomeinFout({"datum": "Een verslag wordt vastgesteld op of na de dag van de sessie."})
    _nog_niet_vastgesteld(verslag_van)
    return Besluit.objects.create(
        gremium=gremium, datum=datum, verslag_van=verslag_van, uitkomst=Uitkomst.VASTGESTELD,
        toelichting=toelichting, vastgelegd_door=door,
    )  # fmt: skip


def latere_sessies_van_gremium(sessie: Sessie):
    if not sessie.gremium_id:
        return Sessie.objects.none()
    return Sessie.objects.filter(gremium_id=sessie.gremium_id, datum__gt=sessie.datum)


@transaction.atomic
def verslag_vaststellen_door_secretaris(*, sessie: Sessie, datum, notitie: str, door) -> Sessie:
    """The secretary adopts the minutes of a session that has no later session of its body
    (a one-off consultation), with the date and a note on how (for example: after comments
    by e-mail)."""
    if not (door.is_superuser or Rol.SECRETARIS in permissions.rollen(door, sessie.regio_id)):
        raise PermissionDenied
    notitie = (notitie or "").strip()
    if not notitie:
        raise DomeinFout({"notitie": "Schrijf erbij hoe het verslag is vastgesteld."})
    if datum < sessie.datum:
        raise DomeinFout({"datum": "Een verslag wordt vastgesteld op of na de dag van de sessie."})
    if latere_sessies_van_gremium(sessie).exists():
        raise DomeinFout("Er is een latere sessie van dit gremium: stel het verslag daar vast.")
    vers = _nog_niet_vastgesteld(sessie)
    vers.verslag_vastgesteld_op = datum
    vers.verslag_vastgesteld_door = door
    vers.verslag_vaststelling_notitie = notitie
    vers.revisie += 1
    vers.save(
        update_fields=[
            "verslag_vastgesteld_op", "verslag_vastgesteld_door",
            "verslag_vaststelling_notitie", "revisie",
        ]
    )  # fmt: skip
    return vers


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
