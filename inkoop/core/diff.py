"""Redline: word-level differences between two contents of a document (uitgangspunten/inhoud.py).

Works on the plain data of `document_inhoud` (the draft) or `Versie.inhoud` (a frozen version),
so the page, the director's review and the redline PDF show the same marks. Sections are matched
by id and principles by their stable uid; the text is compared word by word.

Bounded in time and memory whatever the input (issue 11, punt 14). A word diff with difflib is
quadratic: 30 sections of 20,000 characters took over a minute of CPU. Here:

- diff-match-patch (Myers' O(ND) diff, linear memory) with a deadline does the comparing;
- first per line, then word by word only inside the lines that changed (the "line mode" of
  diff-match-patch, on our own tokens so a mark never cuts a word);
- one time budget per comparison (`TIJD_S`, shared by every field of a document). Where the
  budget runs out, the rest is shown as the whole old text deleted and the whole new text
  inserted, with a Dutch note saying so: nothing is ever left out.
"""

import re
import time
from dataclasses import dataclass, field

from diff_match_patch import diff_match_patch
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

TOKEN = re.compile(r"\s+|[^\s]+")
REGEL = re.compile(r"[^\n]*\n|[^\n]+")
# Beyond this many characters (old and new together) a text is not compared word by word at all:
# it would only hold memory while the time budget runs out anyway.
MAX_TEKENS = 1_000_000
# Seconds one comparison (a whole document, or one text) may spend on word-level marks.
TIJD_S = 0.5

INS_LABEL = '<span class="visually-hidden">ingevoegd: </span>'
DEL_LABEL = '<span class="visually-hidden">verwijderd: </span>'
MELDING_BLOK = (
    '<span class="app-diff__melding" role="note">Deze tekst is te lang of te sterk gewijzigd '
    "om woord voor woord te vergelijken: de oude tekst staat hieronder doorgehaald en de nieuwe "
    "tekst als ingevoegd.</span> "
)
MELDING = (
    "Niet alle verschillen konden woord voor woord worden bepaald: het document is te groot of "
    "te sterk gewijzigd. Bij de gemarkeerde teksten staat de oude tekst in zijn geheel "
    "doorgehaald en de nieuwe in zijn geheel als ingevoegd."
)


@dataclass
class Begrenzing:
    """The time budget of one comparison, shared by all texts it compares."""

    tijd_s: float = TIJD_S
    begrensd: bool = False
    einde: float = field(init=False)

    def __post_init__(self):
        self.einde = time.time() + self.tijd_s

    def over(self) -> float:
        return self.einde - time.time()


def _codeer(delen: list[str], tabel: dict[str, str]) -> str:
    # Each distinct token (or line) becomes one character, so diff-match-patch compares tokens.
    return "".join(tabel.setdefault(d, chr(len(tabel) + 1)) for d in delen)


def _verschil(oud: list[str], nieuw: list[str], grens: Begrenzing):
    """[(op, oude delen, nieuwe delen)] with op "=", "-", "+"; None when out of time."""
    if grens.over() <= 0:
        return None
    tabel: dict[str, str] = {}
    a, b = _codeer(oud, tabel), _codeer(nieuw, tabel)
    terug = {c: d for d, c in tabel.items()}
    dmp = diff_match_patch()
    dmp.Diff_Timeout = grens.over()
    stukken = dmp.diff_main(a, b, False, grens.einde)
    if time.time() >= grens.einde:
        return None  # the deadline cut the diff short: its marks may be coarse, say so
    return [(op, [terug[c] for c in tekst]) for op, tekst in stukken]


def _markeer(soort: str, tekst: str, label: str) -> str:
    return f"<{soort}>{label}{escape(tekst)}</{soort}>" if tekst else ""


def woord_diff(
    oud: str, nieuw: str, labels: bool = False, *, grens: Begrenzing | None = None,
    tijd_s: float | None = None,
) -> SafeString:  # fmt: skip
    """HTML of `nieuw` with deletions as <del> and insertions as <ins>, at word level.

    With `labels`, each mark starts with visually hidden text ("ingevoegd:", "verwijderd:") so
    screen readers, which mostly ignore <ins>/<del>, announce the change too. `grens` is the
    time budget of a whole comparison; without one the text gets its own (`tijd_s`).
    """
    oud, nieuw = oud or "", nieuw or ""
    if oud == nieuw:
        return mark_safe(escape(nieuw))  # escaped
    grens = grens or Begrenzing(TIJD_S if tijd_s is None else tijd_s)
    ins, dl = (INS_LABEL, DEL_LABEL) if labels else ("", "")
    te_groot = len(oud) + len(nieuw) > MAX_TEKENS
    regels = None if te_groot else _verschil(REGEL.findall(oud), REGEL.findall(nieuw), grens)
    if regels is None:
        grens.begrensd = True
        return mark_safe(MELDING_BLOK + _markeer("del", oud, dl) + _markeer("ins", nieuw, ins))
    delen, weg, erbij = [], [], []

    def gewijzigde_regels():
        if not (weg or erbij):
            return
        a, b = "".join(weg), "".join(erbij)
        weg.clear(), erbij.clear()
        woorden = _verschil(TOKEN.findall(a), TOKEN.findall(b), grens) if a and b else None
        if woorden is None:
            if a and b:
                grens.begrensd = True
                delen.append(MELDING_BLOK)
            delen.append(_markeer("del", a, dl) + _markeer("ins", b, ins))
            return
        for op, stuk in woorden:
            tekst = "".join(stuk)
            if op == diff_match_patch.DIFF_EQUAL:
                delen.append(escape(tekst))
            elif op == diff_match_patch.DIFF_DELETE:
                delen.append(_markeer("del", tekst, dl))
            else:
                delen.append(_markeer("ins", tekst, ins))

    for op, stuk in regels:
        if op == diff_match_patch.DIFF_EQUAL:
            gewijzigde_regels()
            delen.append(escape("".join(stuk)))
        elif op == diff_match_patch.DIFF_DELETE:
            weg.extend(stuk)
        else:
            erbij.extend(stuk)
    gewijzigde_regels()
    return mark_safe("".join(delen))  # every piece of user text is escaped above


def _uitgangspunten(sectie: dict) -> dict[str, dict]:
    """All principles a block shows, by uid (general groups and the per-service table)."""
    gevonden = {}
    for groep in sectie.get("groepen", []):
        for up in groep["uitgangspunten"]:
            gevonden[up["uid"]] = up
    for rij in sectie.get("voorzieningen", []):
        for up in rij["uitgangspunten"]:
            gevonden[up["uid"]] = {**up, "voorziening": rij["naam"]}
    return gevonden


def _status(oud, nieuw) -> str:
    if oud is None:
        return "toegevoegd"
    if nieuw is None:
        return "verwijderd"
    return "gewijzigd"


def _veld_diffs(oud: dict | None, nieuw: dict | None, velden, labels, grens) -> dict:
    oud, nieuw = oud or {}, nieuw or {}
    return {
        f"{veld}_html": woord_diff(
            str(oud.get(veld) or ""), str(nieuw.get(veld) or ""), labels, grens=grens
        )
        for veld in velden
    }


def _gelijk(oud, nieuw, velden) -> bool:
    return all((oud or {}).get(v) == (nieuw or {}).get(v) for v in velden)


def inhoud_diff(oud: dict, nieuw: dict, *, labels: bool = False, tijd_s: float = TIJD_S) -> dict:
    """Differences between two contents: header fields, sections and principles.

    Returns {"kop": [...], "secties": [...], "uitgangspunten": [...], "aantal": n}; each item has
    a "status" (toegevoegd, verwijderd, gewijzigd) and "<veld>_html", the word-level HTML. Unchanged
    items are left out. "begrensd" says whether the time budget (`tijd_s`, for the whole
    comparison) ran out somewhere, and "melding" then explains it in Dutch for the page.
    """
    grens = Begrenzing(tijd_s)
    kop = []
    for veld, waarde in nieuw.get("kop", {}).items():
        oude_waarde = oud.get("kop", {}).get(veld, "")
        if veld.endswith("_label") or oude_waarde == waarde:
            continue
        kop.append(
            {"veld": veld, "html": woord_diff(str(oude_waarde), str(waarde), labels, grens=grens)}
        )

    oude_secties = {s["id"]: s for s in oud.get("secties", [])}
    nieuwe_secties = {s["id"]: s for s in nieuw.get("secties", [])}
    secties = []
    for sid in [*nieuwe_secties, *[s for s in oude_secties if s not in nieuwe_secties]]:
        o, n = oude_secties.get(sid), nieuwe_secties.get(sid)
        if _gelijk(o, n, ("titel", "tekst")):
            continue
        secties.append(
            {
                "id": sid,
                "status": _status(o, n),
                "titel": (n or o)["titel"],
                **_veld_diffs(o, n, ("titel", "tekst"), labels, grens),
            }
        )

    oude_up, nieuwe_up = {}, {}
    for s in oud.get("secties", []):
        oude_up.update(_uitgangspunten(s))
    for s in nieuw.get("secties", []):
        nieuwe_up.update(_uitgangspunten(s))
    uitgangspunten = []
    for uid in [*nieuwe_up, *[u for u in oude_up if u not in nieuwe_up]]:
        o, n = oude_up.get(uid), nieuwe_up.get(uid)
        if _gelijk(o, n, ("titel", "uitleg", "nummer", "status")):
            continue
        uitgangspunten.append(
            {
                "uid": uid,
                "status": _status(o, n),
                "nummer": (n or o)["nummer"],
                "titel": (n or o)["titel"],
                "voorziening": (n or o).get("voorziening", ""),
                **_veld_diffs(o, n, ("titel", "uitleg"), labels, grens),
            }
        )
    return {
        "kop": kop,
        "secties": secties,
        "uitgangspunten": uitgangspunten,
        "aantal": len(kop) + len(secties) + len(uitgangspunten),
        "begrensd": grens.begrensd,
        "melding": MELDING if grens.begrensd else "",
    }
