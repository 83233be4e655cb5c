"""Review (four eyes), decision route, proposals and decisions: the rules, in one place.

Views, the admin, management commands and tasks all call these functions, so a rule such as
"the author of a version never approves it" holds whatever the entry point.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django.db.models.signals import pre_delete, pre_save
from django.dispatch import receiver
from django.urls import reverse
from simple_history.utils import bulk_create_with_history

from inkoop.besluitvorming.constants import PER_GEMEENTE
from inkoop.besluitvorming.models import Beslispunt, Besluit, BesluitPunt, RouteStap, Voorstel
from inkoop.core.fouten import DomeinFout
from inkoop.core.regels import een_regel
from inkoop.core.revisie import Conflict, revisie_claimen, revisie_vasthouden, verwijderen
from inkoop.trajecten.models import Gremium, Traject
from regions import permissions
from regions.constants import Rol
from regions.models import Roltoewijzing
from uitgangspunten.constants import Beoordeling
from uitgangspunten.models import Versie, VersieOvergang

from . import selectors

logger = logging.getLogger(__name__)


class VierOgenFout(DomeinFout):
    """Nobody approves what they wrote or submitted themselves."""


class VersieBevrorenFout(DomeinFout):
    """A version a body decided on never changes."""


# The review as a small explicit transition table: action → (allowed from, to, permission).
OVERGANGEN = {
    "indienen": (
        frozenset({Beoordeling.CONCEPT, Beoordeling.TERUGGESTUURD}),
        Beoordeling.INGEDIEND,
        "bewerken",
    ),
    "goedkeuren": (frozenset({Beoordeling.INGEDIEND}), Beoordeling.GOEDGEKEURD, "beoordelen"),
    "terugsturen": (frozenset({Beoordeling.INGEDIEND}), Beoordeling.TERUGGESTUURD, "beoordelen"),
}


def _basis_url() -> str:
    return settings.SITE_URL.rstrip("/")


def _mailen(*berichten: tuple[str, str, list] | None) -> None:
    """Send the e-mails of one event after commit, each message as (subject, text, recipients):
    one e-mail per person however often they qualify (two accounts with one address, author
    and secretary), addresses compared without case; each to one address, so no one sees who
    else got it. A person with several messages gets them in one e-mail, the first subject."""
    per_adres: dict[str, tuple[str, list[str], list[str]]] = {}
    for onderwerp, tekst, ontvangers in filter(None, berichten):
        for ontvanger in ontvangers:
            adres = (ontvanger.email or "").strip()
            if not adres:
                continue
            _, onderwerpen, teksten = per_adres.setdefault(adres.lower(), (adres, [], []))
            if tekst not in teksten:
                onderwerpen.append(onderwerp)
                teksten.append(tekst)
    mails = [
        EmailMessage(een_regel(onderwerpen[0]), "\n".join(teksten), None, [adres])
        for adres, onderwerpen, teksten in sorted(per_adres.values())
    ]
    if not mails:
        return

    def versturen():
        try:
            get_connection().send_messages(mails)
        except Exception as exc:  # a mail server being away must never undo a decision
            logger.warning("Mail '%s' niet verstuurd: %s", mails[0].subject, exc)

    transaction.on_commit(versturen)


def _met_rol(regio_id, rol):
    return [
        t.gebruiker
        for t in Roltoewijzing.objects.filter(
            regio_id=regio_id, rol=rol, gebruiker__is_active=True
        ).select_related("gebruiker")
    ]


# --- Review ---------------------------------------------------------------------------------


@transaction.atomic
def _overgang(*, versie: Versie, door, actie: str, opmerking: str = "") -> VersieOvergang:
    van_toegestaan, naar, recht = OVERGANGEN[actie]
    versie = (
        Versie.objects.select_for_update()
        .select_related("document", "document__traject", "auteur")
        .get(pk=versie.pk)
    )
    if not permissions.mag(door, recht, versie):
        raise DomeinFout("U hebt geen recht om deze versie te " + actie + ".")
    if versie.beoordeling not in van_toegestaan:
        raise DomeinFout(
            f"Versie {versie.nummer} is {versie.get_beoordeling_display().lower()}: "
            f"{actie} kan nu niet."
        )
    if recht == "beoordelen" and versie.auteur_id == door.pk:
        raise VierOgenFout(
            "Vier ogen: u hebt deze versie zelf vastgelegd en mag haar niet beoordelen."
        )
    if actie == "goedkeuren":
        reden = selectors.niet_goedkeuren(versie).get(door.pk)
        if reden is not None:
            raise VierOgenFout(
                f"Vier ogen: {reden[0].lower()}{reden[1:]}; een andere directeur keurt haar goed."
            )
    if actie == "terugsturen" and not opmerking.strip():
        raise DomeinFout("Geef bij terugsturen aan wat er moet veranderen.")
    overgang = VersieOvergang.objects.create(
        versie=versie, van=versie.beoordeling, naar=naar, door=door, opmerking=opmerking.strip()
    )
    # update(): only the review state moves; the frozen content is never written back.
    Versie.objects.filter(pk=versie.pk).update(beoordeling=naar)
    versie.beoordeling = naar
    _melden_na_overgang(versie, overgang)
    return overgang


def versie_indienen(*, versie: Versie, door, opmerking: str = "") -> VersieOvergang:
    return _overgang(versie=versie, door=door, actie="indienen", opmerking=opmerking)


def versie_goedkeuren(*, versie: Versie, door, opmerking: str = "") -> VersieOvergang:
    return _overgang(versie=versie, door=door, actie="goedkeuren", opmerking=opmerking)


def versie_terugsturen(*, versie: Versie, door, opmerking: str) -> VersieOvergang:
    return _overgang(versie=versie, door=door, actie="terugsturen", opmerking=opmerking)


def _melden_na_overgang(versie: Versie, overgang: VersieOvergang) -> None:
    document = versie.document
    link = _basis_url() + reverse("inkoop:document_besluitvorming", kwargs={"pk": document.pk})
    regio_id = document.traject.regio_id
    if overgang.naar == Beoordeling.INGEDIEND:
        _mailen(
            (
                f"Ter beoordeling: {document.titel}, versie {versie.nummer}",
                f"{overgang.door.get_full_name() or overgang.door.username} heeft versie "
                f"{versie.nummer} van '{document.titel}' ingediend ter beoordeling.\n\n"
                f"Beoordelen: {link}\n",
                [u for u in _met_rol(regio_id, Rol.DIRECTEUR) if u.pk != versie.auteur_id],
            )
        )
    elif overgang.naar in (Beoordeling.GOEDGEKEURD, Beoordeling.TERUGGESTUURD):
        woord = "goedgekeurd" if overgang.naar == Beoordeling.GOEDGEKEURD else "teruggestuurd"
        tekst = f"Versie {versie.nummer} van '{document.titel}' is {woord}.\n"
        if overgang.opmerking:
            tekst += f"\nOpmerking: {overgang.opmerking}\n"
        _mailen(
            (
                f"Versie {woord}: {document.titel}, versie {versie.nummer}",
                tekst + f"\nBekijken: {link}\n",
                [versie.auteur],
            ),
            _volgende_stap_bericht(versie) if overgang.naar == Beoordeling.GOEDGEKEURD else None,
        )


def _volgende_stap_bericht(versie: Versie, vorige=None) -> tuple[str, str, list] | None:
    """The message to the region's secretaries that the next step of the route needs a
    decision: once per step, when it becomes the next one (`vorige`: the next step before this
    change), not again for every college that decides within the same step."""
    status = selectors.versie_status(versie)
    stap = status.volgende
    if stap is None or (vorige is not None and vorige.stap.volgorde == stap.stap.volgorde):
        return None
    traject = versie.document.traject
    link = _basis_url() + reverse(
        "inkoop:besluit_nieuw", kwargs={"regio": traject.regio.slug, "slug": traject.slug}
    )
    return (
        f"Besluit nodig: {stap.naam} over {versie.document.titel}",
        f"Versie {versie.nummer} van '{versie.document.titel}' wacht op een besluit van "
        f"{stap.naam} ({stap.beoogd.lower()}).\n\nBesluit vastleggen: "
        f"{link}?versie={versie.pk}\n",
        _met_rol(traject.regio_id, Rol.SECRETARIS),
    )


# --- Decision route -------------------------------------------------------------------------


@transaction.atomic
def route_aanmaken(traject: Traject) -> list[RouteStap]:
    """The round's route; the default route is stored the first time someone changes it."""
    Traject.objects.select_for_update().filter(pk=traject.pk).first()
    stappen = list(traject.route.order_by("volgorde"))
    if stappen:
        return stappen
    return bulk_create_with_history(list(selectors.standaard_stappen(traject)), RouteStap)


def _route_vergrendelen(traject_id) -> list[RouteStap]:
    """Lock every step of the route, always in the same order (by key), and return them in
    route order. Two moves at once then queue behind each other instead of each locking a
    different step first and waiting for the other's (a deadlock on PostgreSQL)."""
    stappen = list(
        RouteStap.objects.select_for_update().filter(traject_id=traject_id).order_by("pk")
    )
    return sorted(stappen, key=lambda s: s.volgorde)


def _hernummeren(stappen: list[RouteStap], *, behalve=None) -> None:
    """Number the steps 1..n. A step that changes place gets a new revision (inkoop/core/
    revisie.py), so a page showing its old place conflicts instead of moving it again.
    Two passes keep the unique (traject, volgorde) constraint satisfied at every moment."""
    verschoven = [(i, s) for i, s in enumerate(stappen, start=1) if s.volgorde != i]
    for i, stap in verschoven:
        RouteStap.objects.filter(pk=stap.pk).update(volgorde=1000 + i)
    for i, stap in verschoven:
        velden = {"volgorde": i}
        if stap.pk != behalve:
            velden["revisie"] = F("revisie") + 1
        RouteStap.objects.filter(pk=stap.pk).update(**velden)
        stap.volgorde = i
    if verschoven:
        # update() writes no history: record the new places of the moved steps (audit trail).
        RouteStap.history.bulk_history_create(
            list(RouteStap.objects.filter(pk__in=[s.pk for _, s in verschoven])), update=True
        )


def _gegrendelde_stap(stappen, stap: RouteStap) -> RouteStap:
    huidige = next((s for s in stappen if s.pk == stap.pk), None)
    if huidige is None:
        raise DomeinFout(
            "Deze stap staat niet meer in de route; een collega heeft haar verwijderd."
        )
    return huidige


@transaction.atomic
def routestap_toevoegen(
    *, traject: Traject, door, gremium_soort: str, beoogde_uitkomst: str, gremium=None
) -> RouteStap:
    permissions.vereis(door, "bewerken", traject)
    if gremium is not None and gremium.regio_id != traject.regio_id:
        raise DomeinFout("Dat gremium hoort niet bij deze regio.")
    stappen = route_aanmaken(traject)
    return RouteStap.objects.create(
        traject=traject,
        volgorde=max((s.volgorde for s in stappen), default=0) + 1,
        gremium_soort=gremium.soort if gremium else gremium_soort,
        gremium=gremium,
        beoogde_uitkomst=beoogde_uitkomst,
    )


@transaction.atomic
def routestap_verwijderen(*, stap: RouteStap, door, revisie: int | None = None) -> None:
    """Remove a step; from a page that showed an older revision of it, `Conflict`."""
    permissions.vereis(door, "bewerken", stap)
    stappen = _route_vergrendelen(stap.traject_id)
    huidige = _gegrendelde_stap(stappen, stap)
    verwijderen(huidige, revisie=revisie)
    _hernummeren([s for s in stappen if s.pk != huidige.pk])


@transaction.atomic
def routestap_verplaatsen(
    *, stap: RouteStap, door, richting: str, revisie: int | None = None
) -> None:
    """Swap a step with its neighbour. Based on the `revisie` the page showed: when the step
    moved (or changed) since, `Conflict` and nothing moves."""
    permissions.vereis(door, "bewerken", stap)
    stappen = _route_vergrendelen(stap.traject_id)
    huidige = _gegrendelde_stap(stappen, stap)
    revisie_claimen(huidige, revisie=revisie, eigen={})
    i = stappen.index(huidige)
    j = i - 1 if richting == "op" else i + 1
    if not 0 <= j < len(stappen):
        return
    stappen[i], stappen[j] = stappen[j], stappen[i]
    _hernummeren(stappen, behalve=huidige.pk)


# --- Proposals ------------------------------------------------------------------------------

VOORSTEL_VELDEN = [
    "gremium",
    "onderwerp",
    "portefeuillehouder",
    "aanleiding",
    "argumenten",
    "kanttekeningen",
    "financien",
    "communicatie",
    "vervolg",
]


def _beslispunten_bijwerken(voorstel: Voorstel, teksten: list[str]) -> None:
    bestaand = {b.nummer: b for b in voorstel.beslispunten.all()}
    for nummer, tekst in enumerate(teksten, start=1):
        punt = bestaand.pop(nummer, None)
        if punt is None:
            Beslispunt.objects.create(voorstel=voorstel, nummer=nummer, tekst=tekst)
        elif punt.tekst != tekst:
            if punt.uitkomsten.exists():
                raise DomeinFout(
                    f"Over beslispunt {nummer} is al besloten; de tekst kan niet meer veranderen."
                )
            punt.tekst = tekst
            punt.save(update_fields=["tekst"])
    for punt in bestaand.values():
        if punt.uitkomsten.exists():
            raise DomeinFout(f"Over beslispunt {punt.nummer} is al besloten; het kan niet weg.")
        punt.delete()


BESLOTEN_VOORSTEL = (
    "Over dit voorstel is al besloten; het verandert niet meer. Stel een nieuw voorstel op "
    "als er iets anders besloten moet worden."
)


def voorstel_wijzigbaar_controleren(voorstel: Voorstel) -> None:
    """A proposal a body decided on keeps what it said: subject, reasons, finances, addressee,
    decision points and attached versions. Locks the proposal so a decision recorded at the
    same moment cannot slip in between the check and the save."""
    Voorstel.objects.select_for_update().filter(pk=voorstel.pk).first()
    if Besluit.objects.filter(voorstel_id=voorstel.pk).exists():
        raise DomeinFout(BESLOTEN_VOORSTEL)


def _versies_controleren(traject: Traject, versies) -> None:
    for versie in versies:
        if versie.document.traject_id != traject.pk:
            raise DomeinFout("Een bijgevoegde versie hoort niet bij dit traject.")


@transaction.atomic
def voorstel_opslaan(
    *, traject: Traject, door, gegevens: dict, beslispunten: list[str], versies, voorstel=None,
    revisie: int | None = None,
) -> Voorstel:  # fmt: skip
    """Create or change a proposal with its numbered decision points and attached versions.

    A change is based on the `revisie` its form carried: from a stale one it raises `Conflict`
    (inkoop/core/revisie.py) and writes nothing; None (no form) raises the revision regardless.
    """
    permissions.vereis(door, "bewerken", traject)
    if gegevens["gremium"].regio_id != traject.regio_id:
        raise DomeinFout("Dat gremium hoort niet bij deze regio.")
    versies = list(versies)
    _versies_controleren(traject, versies)
    if voorstel is None:
        voorstel = Voorstel(traject=traject, opgesteld_door=door)
    else:
        voorstel_wijzigbaar_controleren(voorstel)
    for veld in VOORSTEL_VELDEN:
        setattr(voorstel, veld, gegevens.get(veld, "") if veld != "gremium" else gegevens[veld])
    if voorstel.pk:
        revisie_claimen(voorstel, revisie=revisie)
    voorstel.save()
    voorstel.versies.set(versies)
    _beslispunten_bijwerken(voorstel, [t.strip() for t in beslispunten if t.strip()])
    return voorstel


@transaction.atomic
def voorstel_verwijderen(*, voorstel: Voorstel, door, revisie: int | None = None) -> None:
    permissions.vereis(door, "bewerken", voorstel)
    if voorstel.besluiten.exists():
        raise DomeinFout("Over dit voorstel is al besloten; het kan niet weg.")
    verwijderen(voorstel, revisie=revisie)


# --- Decisions ------------------------------------------------------------------------------

VOORSTEL_GEWIJZIGD = (
    "Het voorstel is gewijzigd nadat u dit formulier opende; er is geen besluit vastgelegd. "
    "Hieronder staan de beslispunten zoals ze nu luiden: controleer ze en leg het besluit "
    "opnieuw vast."
)


@transaction.atomic
def besluit_vastleggen(
    *,
    gremium: Gremium,
    door,
    datum,
    uitkomst: str,
    versie: Versie | None = None,
    voorstel: Voorstel | None = None,
    sessie=None,
    toelichting: str = "",
    punten: dict[int, str] | None = None,
    afwijking: str = "",
    voorstel_revisie: int | None = None,
) -> Besluit:
    """Record a body's decision; outcomes per decision point default to the overall outcome.

    A college decides for one municipality: one Besluit per municipality's college Gremium.
    `voorstel_revisie`: the revision of the proposal the form showed; if the proposal (its
    decision points) changed since, nothing is recorded (DomeinFout, code "voorstel_gewijzigd").
    """
    permissions.vereis(door, "besluiten_vastleggen", gremium)
    regio_id = gremium.regio_id
    if voorstel is not None and voorstel.traject.regio_id != regio_id:
        raise DomeinFout("Het voorstel hoort bij een andere regio.")
    if voorstel is not None and voorstel_revisie is not None:
        try:
            revisie_vasthouden(voorstel, revisie=voorstel_revisie)
        except Conflict as conflict:
            raise DomeinFout(VOORSTEL_GEWIJZIGD, code="voorstel_gewijzigd") from conflict
    if sessie is not None and sessie.regio_id != regio_id:
        raise DomeinFout("De vergadering hoort bij een andere regio.")
    if versie is None and voorstel is not None:
        bijgevoegd = list(voorstel.versies.all()[:2])
        if len(bijgevoegd) == 1:
            versie = bijgevoegd[0]
    if versie is not None:
        if permissions.regio_id_van(versie) != regio_id:
            raise DomeinFout("De versie hoort bij een andere regio.")
        if versie.beoordeling != Beoordeling.GOEDGEKEURD:
            raise DomeinFout(
                "Alleen over een goedgekeurde versie (vier ogen) kan een gremium besluiten."
            )
    afwijking = afwijking.strip()
    status_voor = None
    if versie is not None:
        # One decision at a time per version: the checks below and the insert see the same state.
        Versie.objects.select_for_update().filter(pk=versie.pk).first()
        if gremium.soort in PER_GEMEENTE and (
            Besluit.objects.filter(gremium=gremium, versie=versie).exists()
        ):
            raise DomeinFout(f"{gremium} heeft al over deze versie besloten.")
        status_voor = selectors.versie_status(versie)
        _routevolgorde_controleren(status_voor, gremium, uitkomst, afwijking)
    besluit = Besluit.objects.create(
        gremium=gremium,
        datum=datum,
        sessie=sessie,
        voorstel=voorstel,
        versie=versie,
        uitkomst=uitkomst,
        toelichting=toelichting,
        afwijking=afwijking,
        vastgelegd_door=door,
    )
    if voorstel is not None:
        punten = punten or {}
        bulk_create_with_history(
            [
                BesluitPunt(besluit=besluit, beslispunt=b, uitkomst=punten.get(b.pk) or uitkomst)
                for b in voorstel.beslispunten.all()
            ],
            BesluitPunt,
        )
    if versie is not None:
        _mailen(_volgende_stap_bericht(versie, vorige=status_voor.volgende))
    return besluit


def _routevolgorde_controleren(status, gremium: Gremium, uitkomst: str, afwijking: str) -> None:
    """A body decides when the earlier steps of the route are taken; deciding before that
    needs a recorded reason (`afwijking`), which the timeline shows. A postponement or
    rejection moves nothing forward, so it is always allowed."""
    stap = status.stap_van(gremium)
    if stap is None or uitkomst in selectors.NIET_GEZET:
        return
    if stap.gezet and not stap.per_gemeente:
        raise DomeinFout({"gremium": f"{stap.naam} heeft deze versie al {stap.beoogd.lower()}."})
    soorten = set(Gremium.objects.filter(regio_id=gremium.regio_id).values_list("soort", flat=True))
    open_ervoor = status.open_voor(stap, soorten)
    if open_ervoor and not afwijking:
        eerst = open_ervoor[0]
        raise DomeinFout(
            {
                "gremium": (
                    f"{eerst.naam} heeft nog niet besloten: die stap van de "
                    f"besluitvormingsroute komt vóór {stap.naam} en staat nog open "
                    f"({eerst.samenvatting}). Leg eerst dat besluit vast, of geef bij "
                    "'Afwijking van de route' aan waarom dit gremium nu al besluit."
                )
            }
        )


# --- Immutability ---------------------------------------------------------------------------

BEVROREN_VELDEN = ("document_id", "nummer", "inhoud", "inhoud_hash")


def versie_is_besloten(versie_id) -> bool:
    return Besluit.objects.filter(versie_id=versie_id).exists()


def versie_wijziging_controleren(versie: Versie) -> None:
    """Refuse to change the frozen fields of a version a body decided on (review state may move)."""
    if versie.pk is None or not versie_is_besloten(versie.pk):
        return
    oud = Versie.objects.filter(pk=versie.pk).values(*BEVROREN_VELDEN).first()
    if oud is None:
        return
    gewijzigd = [v for v in BEVROREN_VELDEN if getattr(versie, v) != oud[v]]
    if gewijzigd:
        raise VersieBevrorenFout(
            f"Over versie {versie.nummer} is besloten: zij verandert nooit meer "
            f"({', '.join(gewijzigd)})."
        )


def versie_verwijderen_controleren(versie: Versie) -> None:
    if versie.pk is not None and versie_is_besloten(versie.pk):
        raise VersieBevrorenFout(f"Over versie {versie.nummer} is besloten: zij blijft bewaard.")


# Guards on every save path through the ORM (services, admin, shell, commands). Bulk updates
# bypass signals; on PostgreSQL a trigger (migration 0003) guards those too.
@receiver(pre_save, sender=Versie, dispatch_uid="versie_bevroren_opslaan")
def _versie_opslaan(sender, instance, raw=False, **kwargs):
    if not raw:
        versie_wijziging_controleren(instance)


@receiver(pre_delete, sender=Versie, dispatch_uid="versie_bevroren_verwijderen")
def _versie_verwijderen(sender, instance, **kwargs):
    versie_verwijderen_controleren(instance)
