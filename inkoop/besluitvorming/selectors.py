"""Reads of the decision route: where a version stands, derived from the decisions on it.

Status is never typed by hand. A step of the route is taken when its body recorded a decision
on the version that was not "aangehouden" or "afgewezen". For the college and council steps every
participating municipality has to decide (one Besluit per municipality's college or council).

Participating municipalities (kept simple on purpose): the region's current members that take
part in at least one service in the round's scope. A member without Deelname rows takes part;
a member that opted out of every service in scope does not count. A round without services in
scope counts every current member.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils.text import capfirst

from inkoop.besluitvorming.constants import PER_GEMEENTE, STANDAARDROUTE, Uitkomst
from inkoop.besluitvorming.models import Besluit, BesluitPunt, RouteStap, Voorstel
from inkoop.core.diff import inhoud_diff
from inkoop.trajecten.constants import GremiumSoort
from inkoop.trajecten.models import Gremium, Mijlpaal, Traject, TrajectVoorziening
from regions.models import Gemeente, Lidmaatschap
from uitgangspunten.constants import Beoordeling
from uitgangspunten.inhoud import kop_velden_uit_inhoud
from uitgangspunten.models import Document, Sectie, Uitgangspunt, Versie, VersieOvergang
from uitgangspunten.selectors import open_opmerkingen
from voorzieningen.models import Deelname, Kengetal

NIET_GEZET = frozenset({Uitkomst.AANGEHOUDEN, Uitkomst.AFGEWEZEN})
MEERVOUD = {GremiumSoort.COLLEGE: "colleges", GremiumSoort.RAAD: "raden"}


@dataclass
class StapStatus:
    stap: RouteStap
    naam: str
    beoogd: str
    besluiten: list = field(default_factory=list)
    gezet: bool = False
    per_gemeente: bool = False
    gedaan: list = field(default_factory=list)  # municipalities that decided
    ontbrekend: list = field(default_factory=list)  # municipalities still to decide
    aantal: int = 0  # participating municipalities

    @property
    def samenvatting(self) -> str:
        if self.per_gemeente:
            meervoud = MEERVOUD[self.stap.gremium_soort]
            return f"{self.beoogd.lower()} door {len(self.gedaan)} van {self.aantal} {meervoud}"
        if self.gezet:
            return f"{self.beoogd.lower()} door {self.naam}"
        if self.besluiten:
            return f"{self.besluiten[0].get_uitkomst_display().lower()} door {self.naam}"
        return f"nog niet {self.beoogd.lower()} door {self.naam}"


@dataclass
class VersieStatus:
    versie: Versie | None
    stappen: list[StapStatus]
    deelnemers: list

    @property
    def volgende(self) -> StapStatus | None:
        return next((s for s in self.stappen if not s.gezet), None)

    @property
    def college(self) -> StapStatus | None:
        return next((s for s in self.stappen if s.stap.gremium_soort == GremiumSoort.COLLEGE), None)

    def stap_van(self, gremium) -> StapStatus | None:
        """The first step of the route this body decides in (None: not on the route)."""
        return next((s for s in self.stappen if _past_gremium(gremium, s.stap)), None)

    def open_voor(self, stap: StapStatus, soorten=None) -> list[StapStatus]:
        """The earlier steps of the route that are still open when `stap` decides. With
        `soorten` (the kinds of body the region has), a step of the default route that no body
        of the region can take is not waited for; a stored step always is."""
        return [
            s
            for s in self.stappen[: self.stappen.index(stap)]
            if not s.gezet and (soorten is None or s.stap.pk or s.stap.gremium_soort in soorten)
        ]

    @property
    def samenvatting(self) -> str:
        """Where the version stands, as a sentence (capfirst: a body's name keeps its case,
        "Portefeuillehoudersoverleg (PFHO)", where str.capitalize would give "(pfho)")."""
        return capfirst(self.in_zin)

    @property
    def in_zin(self) -> str:
        """The same within a sentence: "… versie 2 ingediend; vrijgegeven voor advies door …"."""
        if self.versie is None:
            return "nog geen goedgekeurde versie"
        college = self.college
        if college is not None and college.gezet:
            tekst = f"vastgesteld door alle {college.aantal} colleges"
            open_ervoor = self.open_voor(college)
            if open_ervoor:  # only after a recorded deviation from the route
                namen = ", ".join(s.naam for s in open_ervoor)
                tekst += f" (afwijking van de route: {namen} heeft nog niet besloten)"
            return tekst
        if college is not None and college.gedaan:
            return college.samenvatting
        gezet = [s for s in self.stappen if s.gezet]
        if gezet:
            return gezet[-1].samenvatting
        return "nog in geen gremium besloten"


def _dicts(inhoud):
    """Every dict in a frozen content, however deep (sections, principles, table rows)."""
    if isinstance(inhoud, dict):
        yield inhoud
        waarden = inhoud.values()
    elif isinstance(inhoud, list):
        waarden = inhoud
    else:
        return
    for waarde in waarden:
        yield from _dicts(waarde)


def _uids(inhoud) -> set[str]:
    """The principles a frozen content shows (every dict carrying a principle's `uid`)."""
    return {str(d["uid"]) for d in _dicts(inhoud) if "uid" in d and "titel" in d}


def _voorziening_ids(inhoud) -> set[int]:
    """The services whose figures or developments the content shows."""
    return {d["voorziening_id"] for d in _dicts(inhoud) if isinstance(d.get("voorziening_id"), int)}


def _heeft_planning(inhoud) -> bool:
    secties = inhoud.get("secties", []) if isinstance(inhoud, dict) else []
    return any(isinstance(s, dict) and "mijlpalen" in s for s in secties)


def inhoud_schrijvers(versie: Versie) -> set[int]:
    """Who changed the content of `versie` since the previous approved version of its document,
    from the history (django-simple-history): the header, the sections (also removed ones), the
    principles the version or the previous approved one shows, and what its blocks pull in
    (figures, developments, planning). Four eyes reads this."""
    vorige = (
        Versie.objects.filter(
            document_id=versie.document_id,
            nummer__lt=versie.nummer,
            beoordeling=Beoordeling.GOEDGEKEURD,
        )
        .order_by("-nummer")
        .only("aangemaakt", "inhoud")
        .first()
    )
    venster = {"history_date__lte": versie.aangemaakt}
    if vorige is not None:
        venster["history_date__gt"] = vorige.aangemaakt
    uids = _uids(versie.inhoud) | (_uids(vorige.inhoud) if vorige is not None else set())
    traject_id = Document.objects.filter(pk=versie.document_id).values("traject_id")
    historie = [
        Document.history.filter(id=versie.document_id, **venster),
        Sectie.history.filter(document_id=versie.document_id, **venster),
        Uitgangspunt.history.filter(uid__in=uids, **venster),
        # What the blocks pull in is content too: the figures, the developments per service
        # and the planning the version shows.
        Kengetal.history.filter(voorziening_id__in=_voorziening_ids(versie.inhoud), **venster),
        TrajectVoorziening.history.filter(traject_id__in=traject_id, **venster),
    ]
    if _heeft_planning(versie.inhoud):
        historie.append(Mijlpaal.history.filter(traject_id__in=traject_id, **venster))
    schrijvers = set()
    for qs in historie:
        schrijvers.update(
            qs.exclude(history_user__isnull=True).values_list("history_user_id", flat=True)
        )
    return schrijvers


def niet_goedkeuren(versie: Versie) -> dict[int, str]:
    """Who may not approve `versie` (four eyes), each with the reason: who froze it, who
    submitted it, and who changed its content since the previous approved version."""
    redenen = {
        gebruiker: "U hebt aan de inhoud van deze versie geschreven"
        for gebruiker in inhoud_schrijvers(versie)
    }
    for gebruiker in VersieOvergang.objects.filter(
        versie=versie, naar=Beoordeling.INGEDIEND
    ).values_list("door_id", flat=True):
        redenen[gebruiker] = "U hebt deze versie ingediend"
    redenen[versie.auteur_id] = "U hebt deze versie zelf vastgelegd"
    return redenen


def standaard_stappen(traject: Traject) -> list[RouteStap]:
    return [
        RouteStap(traject=traject, volgorde=i, gremium_soort=soort, beoogde_uitkomst=uitkomst)
        for i, (soort, uitkomst) in enumerate(STANDAARDROUTE, start=1)
    ]


def route(traject: Traject) -> list[RouteStap]:
    """The stored route, or the default one (not yet stored) when the round has none."""
    stappen = list(traject.route.select_related("gremium").order_by("volgorde"))
    return stappen or standaard_stappen(traject)


def deelnemende_gemeenten(trajecten) -> dict[int, list[Gemeente]]:
    """Participating municipalities per round (see module docstring), in three queries."""
    trajecten = list(trajecten)
    regio_ids = {t.regio_id for t in trajecten}
    leden = defaultdict(dict)
    for lid in (
        Lidmaatschap.objects.op()
        .filter(regio_id__in=regio_ids)
        .select_related("gemeente")
        .order_by("gemeente__naam")
    ):
        leden[lid.regio_id][lid.gemeente_id] = lid.gemeente
    scope = defaultdict(set)
    for traject_id, voorziening_id in TrajectVoorziening.objects.filter(
        traject__in=trajecten
    ).values_list("traject_id", "voorziening_id"):
        scope[traject_id].add(voorziening_id)
    alle_scope = set().union(*scope.values()) if scope else set()
    afmeldingen = defaultdict(set)  # gemeente → services it opted out of
    for gemeente_id, voorziening_id in Deelname.objects.filter(
        voorziening_id__in=alle_scope, neemt_deel=False
    ).values_list("gemeente_id", "voorziening_id"):
        afmeldingen[gemeente_id].add(voorziening_id)
    uitkomst = {}
    for traject in trajecten:
        in_scope = scope.get(traject.pk, set())
        uitkomst[traject.pk] = [
            g
            for gid, g in leden[traject.regio_id].items()
            if not in_scope or not in_scope <= afmeldingen.get(gid, set())
        ]
    return uitkomst


def _stap_naam(stap: RouteStap) -> str:
    if stap.gremium_id:
        return stap.gremium.naam
    return str(GremiumSoort(stap.gremium_soort).label)


def _past_gremium(gremium: Gremium, stap: RouteStap) -> bool:
    if stap.gremium_id:
        return gremium.pk == stap.gremium_id
    return gremium.soort == stap.gremium_soort


def _past(besluit: Besluit, stap: RouteStap) -> bool:
    return _past_gremium(besluit.gremium, stap)


def status_berekenen(versie, stappen, besluiten, deelnemers) -> VersieStatus:
    resultaat = []
    for stap in stappen:
        s = StapStatus(
            stap=stap,
            naam=_stap_naam(stap),
            beoogd=str(Uitkomst(stap.beoogde_uitkomst).label),
            besluiten=[b for b in besluiten if _past(b, stap)],
        )
        if stap.gremium_soort in PER_GEMEENTE and not stap.gremium_id:
            s.per_gemeente = True
            s.aantal = len(deelnemers)
            besloten = {b.gremium.gemeente_id for b in s.besluiten if b.uitkomst not in NIET_GEZET}
            s.gedaan = [g for g in deelnemers if g.pk in besloten]
            s.ontbrekend = [g for g in deelnemers if g.pk not in besloten]
            s.gezet = bool(deelnemers) and not s.ontbrekend
        else:
            s.gezet = any(b.uitkomst not in NIET_GEZET for b in s.besluiten)
        resultaat.append(s)
    return VersieStatus(versie=versie, stappen=resultaat, deelnemers=deelnemers)


def _besluiten_qs():
    return Besluit.objects.select_related("gremium", "gremium__gemeente", "sessie").order_by(
        "datum", "vastgelegd_op"
    )


def versie_status(versie: Versie) -> VersieStatus:
    traject = versie.document.traject
    besluiten = list(_besluiten_qs().filter(versie=versie))
    return status_berekenen(
        versie, route(traject), besluiten, deelnemende_gemeenten([traject])[traject.pk]
    )


def _zonder_inhoud(qs):
    # The frozen content can be large; lists never need it.
    return qs.defer("inhoud")


def document_besluitvorming(pk: int) -> dict:
    """Everything the decision page of one document shows, in a fixed number of queries."""
    document = Document.objects.select_related("traject", "traject__regio").get(pk=pk)
    traject = document.traject
    versies = list(
        _zonder_inhoud(
            document.versies.select_related("auteur").order_by("-nummer")
        ).prefetch_related(
            Prefetch(
                "overgangen",
                queryset=VersieOvergang.objects.select_related("door").order_by("op"),
            )
        )
    )
    besluiten = list(_besluiten_qs().filter(versie__document=document))
    per_versie = defaultdict(list)
    for b in besluiten:
        per_versie[b.versie_id].append(b)
    # The version the route follows: the latest one with decisions, else the latest approved.
    gevolgd = next((v for v in versies if per_versie.get(v.pk)), None) or next(
        (v for v in versies if v.beoordeling == Beoordeling.GOEDGEKEURD), None
    )
    deelnemers = deelnemende_gemeenten([traject])[traject.pk]
    stappen = route(traject)
    status = status_berekenen(
        gevolgd, stappen, per_versie.get(getattr(gevolgd, "pk", None), []), deelnemers
    )
    tijdlijn = sorted(
        [("overgang", o.op, o, v) for v in versies for o in v.overgangen.all()]
        + [("besluit", b.vastgelegd_op, b, None) for b in besluiten],
        key=lambda r: r[1],
        reverse=True,
    )
    for v in versies:
        # Four eyes on the page: who may not approve a version under review, and why.
        v.niet_goedkeuren = niet_goedkeuren(v) if v.beoordeling == Beoordeling.INGEDIEND else {}
    versie_per_pk = {v.pk: v for v in versies}
    for b in besluiten:
        b.versie_kort = versie_per_pk.get(b.versie_id)
    return {
        "document": document,
        "traject": traject,
        "regio": traject.regio,
        "versies": versies,
        "status": status,
        "tijdlijn": tijdlijn,
        "stap_is_opgeslagen": any(s.pk for s in stappen),
    }


def regio_besluitvorming(regio) -> list[dict]:
    """Per document of the region's rounds: how far its followed version is, in fixed queries."""
    return besluitvorming_van(list(regio.trajecten.all()))


def besluitvorming_van(trajecten) -> list[dict]:
    """Per document of these rounds: its latest version (draft, in review, approved) and how
    far the followed version is along the route ("vastgesteld door x van y colleges")."""
    if not trajecten:
        return []
    documenten = list(
        Document.objects.filter(traject__in=trajecten)
        .select_related("traject")
        .order_by("traject__naam", "titel")
    )
    versies = list(
        _zonder_inhoud(Versie.objects.filter(document__in=documenten)).order_by("-nummer")
    )
    besluiten = list(_besluiten_qs().filter(versie__in=versies))
    per_versie = defaultdict(list)
    for b in besluiten:
        per_versie[b.versie_id].append(b)
    routes = defaultdict(list)
    for stap in RouteStap.objects.filter(traject__in=trajecten).select_related("gremium"):
        routes[stap.traject_id].append(stap)
    deelnemers = deelnemende_gemeenten(trajecten)
    versies_per_document = defaultdict(list)
    for v in versies:
        versies_per_document[v.document_id].append(v)
    rijen = []
    for document in documenten:
        eigen = versies_per_document[document.pk]
        gevolgd = next((v for v in eigen if per_versie.get(v.pk)), None) or next(
            (v for v in eigen if v.beoordeling == Beoordeling.GOEDGEKEURD), None
        )
        stappen = sorted(routes[document.traject_id], key=lambda s: s.volgorde) or (
            standaard_stappen(document.traject)
        )
        status = status_berekenen(
            gevolgd,
            stappen,
            per_versie.get(getattr(gevolgd, "pk", None), []),
            deelnemers[document.traject_id],
        )
        rijen.append(
            {"document": document, "status": status, "laatste": eigen[0] if eigen else None}
        )
    return rijen


def voorstellen(traject: Traject):
    return (
        Voorstel.objects.filter(traject=traject)
        .select_related("gremium", "opgesteld_door")
        .annotate(aantal_besluiten=Count("besluiten", distinct=True))
        .order_by("-aangemaakt")
    )


def voorstel_detail(pk: int) -> Voorstel:
    return (
        Voorstel.objects.select_related("traject", "traject__regio", "gremium", "opgesteld_door")
        .prefetch_related(
            "beslispunten",
            Prefetch(
                "versies",
                queryset=_zonder_inhoud(Versie.objects.select_related("document")),
            ),
            Prefetch(
                "besluiten",
                queryset=_besluiten_qs().prefetch_related(
                    Prefetch("punten", queryset=BesluitPunt.objects.select_related("beslispunt"))
                ),
            ),
        )
        .get(pk=pk)
    )


# Sessie lives in a layer above (inkoop.sessies): reached through the foreign key, not imported.
_SESSIE = Besluit.verslag_van.field.related_model


def besluitenlijst(*, traject: Traject | None = None, gremium: Gremium | None = None):
    """Decisions with their outcomes per decision point: of a round (on its proposals, its
    versions and the minutes of its sessions), of one body across rounds, or both. One rule
    for the pages and the PDF."""
    qs = Besluit.objects.all()
    if traject is not None:
        # IN-subqueries, not an OR over three joins: that made PostgreSQL join and filter every
        # decision of the country (13 ms at national scale); these use the foreign-key indexes.
        qs = qs.filter(
            Q(voorstel__in=Voorstel.objects.filter(traject=traject).values("pk"))
            | Q(versie__in=Versie.objects.filter(document__traject=traject).values("pk"))
            | Q(verslag_van__in=_SESSIE.objects.filter(traject=traject).values("pk"))
        )
    if gremium is not None:
        qs = qs.filter(gremium=gremium)
    return (
        qs.select_related(
            "gremium",
            "gremium__gemeente",
            "sessie",
            "voorstel__traject",
            "versie__document__traject",
            "verslag_van__traject",
            "vastgelegd_door",
        )
        .defer("versie__inhoud")
        .prefetch_related(
            Prefetch(
                "punten",
                queryset=BesluitPunt.objects.select_related("beslispunt").order_by(
                    "beslispunt__nummer"
                ),
            )
        )
        .order_by("datum", "gremium__naam", "pk")
    )


def gremia_van(regio):
    return Gremium.objects.filter(regio=regio).select_related("gemeente").order_by("soort", "naam")


@dataclass
class CollegeRij:
    gemeente: Gemeente
    gremium: Gremium | None
    besluit: Besluit | None


def collegerijen(traject: Traject, versie: Versie) -> list[CollegeRij]:
    """Per participating municipality its college and the college's decision on the version."""
    gemeenten = deelnemende_gemeenten([traject])[traject.pk]
    colleges = {
        g.gemeente_id: g
        for g in Gremium.objects.filter(regio_id=traject.regio_id, soort=GremiumSoort.COLLEGE)
    }
    besluiten = {
        b.gremium_id: b
        for b in Besluit.objects.filter(versie=versie, gremium__in=colleges.values()).order_by(
            "datum"
        )
    }
    return [
        CollegeRij(g, colleges.get(g.pk), besluiten.get(getattr(colleges.get(g.pk), "pk", None)))
        for g in gemeenten
    ]


def goedgekeurde_versies(traject: Traject):
    return (
        Versie.objects.filter(document__traject=traject, beoordeling=Beoordeling.GOEDGEKEURD)
        .select_related("document")
        .defer("inhoud")
        .order_by("document__titel", "-nummer")
    )


def vastgestelde_versies(traject: Traject):
    """The adopted versions of a round's documents (newest per document first), each with the
    decisions that adopted it (`vaststellingen`, oldest first): what a reader looks for."""
    vaststellingen = (
        Besluit.objects.filter(uitkomst=Uitkomst.VASTGESTELD)
        .select_related("gremium", "sessie")
        .order_by("datum", "pk")
    )
    return (
        Versie.objects.filter(document__traject=traject, besluiten__uitkomst=Uitkomst.VASTGESTELD)
        .distinct()
        .select_related("document")
        .defer("inhoud")
        .prefetch_related(Prefetch("besluiten", queryset=vaststellingen, to_attr="vaststellingen"))
        .order_by("document__titel", "-nummer")
    )


# --- The review page ------------------------------------------------------------------------


def vergelijkingsversie(versie: Versie) -> Versie | None:
    """What a director compares a version with: the last earlier version that was approved or
    adopted, else the one before it (None for a first version)."""
    eerder = Versie.objects.filter(document_id=versie.document_id, nummer__lt=versie.nummer)
    vastgesteld = Besluit.objects.filter(versie_id=OuterRef("pk"), uitkomst=Uitkomst.VASTGESTELD)
    return (
        eerder.filter(Q(beoordeling=Beoordeling.GOEDGEKEURD) | Q(Exists(vastgesteld)))
        .order_by("-nummer")
        .first()
    ) or eerder.order_by("-nummer").first()


def beoordeling(versie: Versie) -> dict:
    """Everything the review page shows (fixed queries): the version's text, its changes
    against `vergelijkingsversie`, the document's open comments, and the review so far."""
    tegen = vergelijkingsversie(versie)
    diff = inhoud_diff(tegen.inhoud if tegen else {}, versie.inhoud, labels=True, inklappen=True)
    overgangen = list(versie.overgangen.select_related("door").order_by("op", "pk"))
    return {
        "versie": versie,
        "tegen": tegen,
        "diff": diff,
        "inhoud": versie.inhoud,
        "kop_velden": kop_velden_uit_inhoud(versie.inhoud.get("kop", {})),
        "opmerkingen": list(open_opmerkingen(versie.document)),
        "overgangen": overgangen,
        "uitkomst": next(
            (o for o in reversed(overgangen) if o.naar != Beoordeling.INGEDIEND), None
        ),
        "niet_goedkeuren": niet_goedkeuren(versie),
    }
