"""Search over principles, document sections, proposals, decisions, minutes items and input,
limited to the user's regions and roles; a reader (and the public) finds only adopted or
published material.

On PostgreSQL: full-text search with the Dutch configuration (SearchVector/SearchQuery
'dutch'; GIN indexes built from the same SearchVector in migration 0020_snelheid, so the
planner can use them). On SQLite: a
fallback with the Dutch Snowball stemmer: a query word matches a text word with the same stem
(a prefilter with icontains on the stem, then the check in Python). For simple queries (one or
more words, all required) both give the same results. A fixed number of queries: one per kind.
"""

import html
import re
from dataclasses import dataclass, field

import snowballstemmer
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q, TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.safestring import mark_safe

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit, Voorstel
from inkoop.sessies.models import Conclusie, Inbreng
from regions import permissions
from uitgangspunten.models import Sectie, Uitgangspunt, Versie

from .models import Publicatie

MAX_PER_SOORT = 20
_stemmer = snowballstemmer.stemmer("dutch")
WOORD = re.compile(r"\w+", re.UNICODE)


def stam(woord: str) -> str:
    return _stemmer.stemWord(woord.lower())


def zoekwoorden(term: str) -> list[str]:
    return [w for w in WOORD.findall(term or "") if len(w) > 1][:8]


@dataclass
class Treffer:
    titel: str
    url: str
    fragment: str


@dataclass
class Soort:
    code: str
    label: str
    treffers: list = field(default_factory=list)


def _markeren(tekst: str, stammen: set[str], lengte=240) -> str:
    """The text around the first match, escaped, with the matching words in <mark>."""
    tekst = " ".join((tekst or "").split())
    eerste = next((m.start() for m in WOORD.finditer(tekst) if stam(m.group()) in stammen), 0)
    begin = max(0, eerste - lengte // 3)
    stuk = tekst[begin : begin + lengte]
    delen, vorige = [], 0
    for m in WOORD.finditer(stuk):
        if stam(m.group()) in stammen:
            delen += [
                html.escape(stuk[vorige : m.start()]),
                f"<mark>{html.escape(m.group())}</mark>",
            ]
            vorige = m.end()
    delen.append(html.escape(stuk[vorige:]))
    return mark_safe(
        ("… " if begin else "") + "".join(delen) + (" …" if begin + lengte < len(tekst) else "")
    )


def _past(tekst: str, stammen: set[str]) -> bool:
    aanwezig = {stam(w) for w in WOORD.findall(tekst or "")}
    return stammen <= aanwezig


def volledige_tekst(qs, velden: list, woorden: list[str]):
    """PostgreSQL: the rows of `qs` whose Dutch text vector of `velden` holds all words (the
    expression of the GIN indexes of migration 0020_snelheid)."""
    vector = SearchVector(*velden, config="dutch")
    query = SearchQuery(" ".join(woorden), config="dutch", search_type="plain")
    return qs.annotate(_zv=vector).filter(_zv=query)


def _zoek(qs, velden: list[str], woorden: list[str]):
    """Rows of `qs` matching all words: full text on PostgreSQL, stems on SQLite."""
    if connection.vendor == "postgresql":
        return list(volledige_tekst(qs, velden, woorden)[:MAX_PER_SOORT])
    filter_ = Q()
    for woord in woorden:
        of = Q()
        for veld in velden:
            of |= Q(**{f"{veld}__icontains": stam(woord)})
        filter_ &= of
    stammen = {stam(w) for w in woorden}
    rijen = []
    for rij in qs.filter(filter_)[: MAX_PER_SOORT * 5]:
        if _past(" ".join(str(_waarde(rij, v)) for v in velden), stammen):
            rijen.append(rij)
        if len(rijen) == MAX_PER_SOORT:
            break
    return rijen


def _waarde(rij, pad):
    for deel in pad.split("__"):
        rij = getattr(rij, deel, "") if rij is not None else ""
    return rij or ""


def _versietekst(versie) -> str:
    inhoud = versie.inhoud or {}
    delen = [str(inhoud.get("kop", {}).get("titel", ""))]
    for sectie in inhoud.get("secties", []):
        delen += [str(sectie.get("titel", "")), str(sectie.get("tekst", ""))]
    return " ".join(delen)


def _regio_ids(user, actie):
    if user.is_superuser:
        return None
    permissions.rollen(user, 0)
    return [
        rid
        for rid, rollen in getattr(user, "_rollen_per_regio", {}).items()
        if set(rollen) & permissions.ACTIES[actie]
    ]


def _binnen(qs, pad, ids):
    return qs if ids is None else qs.filter(**{f"{pad}__in": ids})


def zoeken(user, term: str) -> list[Soort]:
    """Results for a logged-in user, grouped by kind."""
    woorden = zoekwoorden(term)
    if not woorden or not user.is_authenticated:
        return []
    stammen = {stam(w) for w in woorden}
    concepten = _regio_ids(user, "concepten_bekijken")
    alle = _regio_ids(user, "bekijken")
    soorten = []

    s = Soort("uitgangspunten", "Uitgangspunten")
    qs = _binnen(Uitgangspunt.objects.select_related("traject"), "traject__regio", concepten)
    for up in _zoek(qs, ["titel", "uitleg"], woorden):
        s.treffers.append(
            Treffer(up.titel, up.get_absolute_url(), _markeren(f"{up.titel}. {up.uitleg}", stammen))
        )
    soorten.append(s)

    s = Soort("secties", "Documenten (secties)")
    qs = _binnen(Sectie.objects.select_related("document"), "document__traject__regio", concepten)
    for sectie in _zoek(qs, ["titel", "tekst"], woorden):
        s.treffers.append(
            Treffer(
                f"{sectie.document.titel} — {sectie.titel or 'sectie'}",
                sectie.document.get_absolute_url(),
                _markeren(f"{sectie.titel}. {sectie.tekst}", stammen),
            )
        )
    soorten.append(s)

    # Adopted versions: every role of the region, readers too (the frozen text, not the draft).
    s = Soort("versies", "Vastgestelde documenten")
    # EXISTS, not a join with DISTINCT: DISTINCT would sort the rows with their whole content.
    vastgesteld = Besluit.objects.filter(versie=OuterRef("pk"), uitkomst=Uitkomst.VASTGESTELD)
    qs = _binnen(
        Versie.objects.filter(Exists(vastgesteld))
        .select_related("document")
        .annotate(_tekst=Cast("inhoud", TextField())),
        "document__traject__regio",
        alle,
    )
    # PostgreSQL: the matching versions from the GIN index first (a subquery), so that only
    # they are joined; otherwise the planner parses the whole content of every version of the
    # user's regions to test the words (35-200 ms at national scale).
    tekst = Versie.objects.annotate(_tekst=Cast("inhoud", TextField()))
    for versie in (
        list(
            qs.filter(pk__in=volledige_tekst(tekst, ["_tekst"], woorden).values("pk"))[
                :MAX_PER_SOORT
            ]
        )
        if connection.vendor == "postgresql"
        else [
            v
            for v in qs.filter(_tekst_filter(woorden))[: MAX_PER_SOORT * 5]
            if _past(_versietekst(v), stammen)
        ][:MAX_PER_SOORT]
    ):
        s.treffers.append(
            Treffer(
                f"{versie.document.titel}, versie {versie.nummer}",
                versie.get_absolute_url(),
                _markeren(_versietekst(versie), stammen),
            )
        )
    soorten.append(s)

    s = Soort("voorstellen", "Voorstellen")
    qs = _binnen(Voorstel.objects.all(), "traject__regio", concepten)
    for v in _zoek(qs, ["onderwerp", "aanleiding", "argumenten"], woorden):
        s.treffers.append(
            Treffer(
                v.onderwerp,
                reverse("inkoop:voorstel", args=[v.pk]),
                _markeren(f"{v.onderwerp}. {v.aanleiding} {v.argumenten}", stammen),
            )
        )
    soorten.append(s)

    s = Soort("besluiten", "Besluiten")
    qs = _binnen(
        Besluit.objects.select_related(
            "gremium",
            "voorstel__traject__regio",
            "versie__document__traject__regio",
            "verslag_van__traject__regio",
        ).defer("versie__inhoud"),
        "gremium__regio",
        alle,
    )
    for b in _zoek(qs, ["toelichting", "voorstel__onderwerp"], woorden):
        traject = b.traject
        if traject is None:
            continue
        url = reverse("inkoop:besluitenlijst", args=[traject.regio.slug, traject.slug])
        s.treffers.append(
            Treffer(
                f"{b.gremium.naam}, {b.datum:%d-%m-%Y}: {b.get_uitkomst_display()}",
                url,
                _markeren(f"{_waarde(b, 'voorstel__onderwerp')} {b.toelichting}", stammen),
            )
        )
    soorten.append(s)

    s = Soort("sessies", "Sessies (verslagpunten)")
    qs = _binnen(Conclusie.objects.select_related("sessie"), "sessie__regio", concepten)
    for c in _zoek(qs, ["tekst"], woorden):
        s.treffers.append(
            Treffer(
                f"{c.sessie.titel} ({c.sessie.datum:%d-%m-%Y})",
                reverse("inkoop:sessie", args=[c.sessie_id]),
                _markeren(c.tekst, stammen),
            )
        )
    soorten.append(s)

    s = Soort("inbreng", "Inbreng")
    qs = _binnen(Inbreng.objects.select_related("traject__regio"), "traject__regio", concepten)
    for i in _zoek(qs, ["tekst", "antwoord"], woorden):
        s.treffers.append(
            Treffer(
                f"Inbreng {i.bron_naam or i.get_bron_soort_display()}",
                reverse("inkoop:inbreng_lijst", args=[i.traject.regio.slug, i.traject.slug]),
                _markeren(f"{i.tekst} {i.antwoord}", stammen),
            )
        )
    soorten.append(s)
    return soorten


def _tekst_filter(woorden):
    filter_ = Q()
    for woord in woorden:
        filter_ &= Q(_tekst__icontains=stam(woord))
    return filter_


def openbaar_zoeken(term: str) -> list[Treffer]:
    """Public search: only live publications (title, and the text of a published version)."""
    woorden = zoekwoorden(term)
    if not woorden:
        return []
    stammen = {stam(w) for w in woorden}
    qs = (
        Publicatie.objects.filter(ingetrokken_op__isnull=True)
        .select_related("regio", "versie", "sessie")
        .order_by("-documentdatum", "pk")
    )
    treffers = []
    for p in qs[:500]:
        tekst = p.titel + " " + (_versietekst(p.versie) if p.versie_id else "")
        if _past(tekst, stammen):
            treffers.append(Treffer(p.titel, p.get_absolute_url(), _markeren(tekst, stammen)))
    return treffers[:MAX_PER_SOORT]
