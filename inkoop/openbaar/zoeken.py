"""Search over principles, document sections, proposals, decisions, minutes items
(conclusions, statements, action points) and input, limited to the user's regions and roles; a
reader (and the public) finds only adopted or published material.

On PostgreSQL: full-text search with the Dutch configuration (SearchVector/SearchQuery
'dutch'; GIN indexes on the same expressions in migrations 0018_open_publicatie and
0020_zoeken_gin). On SQLite: the same rule in a SQL function of our own (`inkoop_zoek_past`,
registered on every SQLite connection): the Snowball stemmer that PostgreSQL's 'dutch' uses
(`dutch_porter`: the newer 'dutch' of snowballstemmer 3 stems differently) and its stop words,
every query word required. So simple queries give the same results on both. A fixed number of
queries: one per kind.
"""

import html
import json
import re
from dataclasses import dataclass, field

import snowballstemmer
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, Exists, F, Func, OuterRef, TextField, Value
from django.urls import reverse
from django.utils.safestring import mark_safe

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit, Voorstel
from inkoop.sessies.models import Actiepunt, Conclusie, Inbreng, Stelling
from regions import permissions
from uitgangspunten.models import Sectie, Uitgangspunt, Versie

from .models import Publicatie

MAX_PER_SOORT = 20
_stemmer = snowballstemmer.stemmer("dutch_porter")
WOORD = re.compile(r"\w+", re.UNICODE)
# PostgreSQL's tsearch_data/dutch.stop (the Snowball list): words a query ignores.
STOPWOORDEN = frozenset(
    "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om "
    "hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar "
    "naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al "
    "waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd "
    "altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest "
    "andere".split()
)


def stam(woord: str) -> str:
    return _stemmer.stemWord(woord.lower())


def zoekwoorden(term: str) -> list[str]:
    woorden = WOORD.findall(term or "")
    return [w for w in woorden if len(w) > 1 and w.lower() not in STOPWOORDEN][:8]


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


def _sqlite_past(stammen: str, *teksten) -> bool:
    return _past(" ".join(t for t in teksten if t), set(stammen.split()))


def _sqlite_json_tekst(inhoud) -> str:
    return " ".join(_strings(json.loads(inhoud))) if inhoud else ""


def _strings(waarde):
    """Every string value in a JSON document (what jsonb_to_tsvector '["string"]' reads)."""
    if isinstance(waarde, str):
        yield waarde
    elif isinstance(waarde, dict):
        for v in waarde.values():
            yield from _strings(v)
    elif isinstance(waarde, list):
        for v in waarde:
            yield from _strings(v)


def sqlite_functies(sender, connection, **kwargs):
    """connection_created: the search functions on every SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("inkoop_zoek_past", -1, _sqlite_past,
                                              deterministic=True)  # fmt: skip
        connection.connection.create_function("inkoop_json_tekst", 1, _sqlite_json_tekst,
                                              deterministic=True)  # fmt: skip


class _ZoekPast(Func):
    function = "inkoop_zoek_past"
    output_field = BooleanField()


class JsonTekstVector(Func):
    """The Dutch tsvector of every string in a JSON column; the same expression as its GIN
    index (migration 0020_zoeken_gin)."""

    template = "jsonb_to_tsvector('dutch'::regconfig, %(expressions)s, '[\"string\"]'::jsonb)"
    output_field = SearchVectorField()


class _JsonTekst(Func):
    function = "inkoop_json_tekst"
    output_field = TextField()


def _zoek(qs, velden: list, woorden: list[str], vector=None):
    """Rows of `qs` matching all words: full text on PostgreSQL, stems on SQLite. `velden` are
    field paths; `vector` replaces them on PostgreSQL where the text is not a plain column."""
    if connection.vendor == "postgresql":
        vector = vector or SearchVector(*velden, config="dutch")
        query = SearchQuery(" ".join(woorden), config="dutch", search_type="plain")
        return list(qs.annotate(_zv=vector).filter(_zv=query)[:MAX_PER_SOORT])
    stammen = " ".join(sorted({stam(w) for w in woorden}))
    teksten = [F(v) if isinstance(v, str) else v for v in velden]
    return list(
        qs.annotate(_past=_ZoekPast(Value(stammen), *teksten)).filter(_past=True)[:MAX_PER_SOORT]
    )


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
    # The adopted versions in reach first, as ids: PostgreSQL would otherwise build the text
    # vector of every version of the region's documents (1 ms each) before the EXISTS.
    ids = list(
        _binnen(
            Versie.objects.filter(Exists(vastgesteld)), "document__traject__regio", alle
        ).values_list("pk", flat=True)
    )
    qs = Versie.objects.filter(pk__in=ids).select_related("document")
    for versie in _zoek(qs, [_JsonTekst("inhoud")], woorden, vector=JsonTekstVector("inhoud")):
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

    # Minutes items: conclusions, statements and action points, each on its session's page.
    for code, label, model, velden in (
        ("sessies", "Sessies: conclusies", Conclusie, ["tekst"]),
        ("stellingen", "Sessies: stellingen", Stelling, ["tekst", "toelichting"]),
        ("actiepunten", "Sessies: actiepunten", Actiepunt, ["omschrijving"]),
    ):
        s = Soort(code, label)
        qs = _binnen(model.objects.select_related("sessie"), "sessie__regio", concepten)
        for punt in _zoek(qs, velden, woorden):
            s.treffers.append(
                Treffer(
                    f"{punt.sessie.titel} ({punt.sessie.datum:%d-%m-%Y})",
                    reverse("inkoop:sessie", args=[punt.sessie_id]),
                    _markeren(" ".join(_waarde(punt, v) for v in velden), stammen),
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
