"""Redline: word-level differences between two contents of a document (uitgangspunten/inhoud.py).

Works on the plain data of `document_inhoud` (the draft) or `Versie.inhoud` (a frozen version),
so the page, the director's review and the redline PDF show the same marks. Sections are matched
by id and principles by their stable uid; the text is compared word by word.
"""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

TOKEN = re.compile(r"\s+|[^\s]+")


INS_LABEL = '<span class="visually-hidden">ingevoegd: </span>'
DEL_LABEL = '<span class="visually-hidden">verwijderd: </span>'


def woord_diff(oud: str, nieuw: str, labels: bool = False) -> SafeString:
    """HTML of `nieuw` with deletions as <del> and insertions as <ins>, at word level.

    With `labels`, each mark starts with visually hidden text ("ingevoegd:", "verwijderd:") so
    screen readers, which mostly ignore <ins>/<del>, announce the change too.
    """
    ins, dl = (INS_LABEL, DEL_LABEL) if labels else ("", "")
    oud_tokens = TOKEN.findall(oud or "")
    nieuw_tokens = TOKEN.findall(nieuw or "")
    matcher = difflib.SequenceMatcher(a=oud_tokens, b=nieuw_tokens, autojunk=False)
    delen = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            delen.append(escape("".join(oud_tokens[i1:i2])))
            continue
        if op in ("delete", "replace"):
            delen.append(f"<del>{dl}{escape(''.join(oud_tokens[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            delen.append(f"<ins>{ins}{escape(''.join(nieuw_tokens[j1:j2]))}</ins>")
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


def _veld_diffs(oud: dict | None, nieuw: dict | None, velden, labels=False) -> dict:
    oud, nieuw = oud or {}, nieuw or {}
    return {
        f"{veld}_html": woord_diff(str(oud.get(veld) or ""), str(nieuw.get(veld) or ""), labels)
        for veld in velden
    }


def _gelijk(oud, nieuw, velden) -> bool:
    return all((oud or {}).get(v) == (nieuw or {}).get(v) for v in velden)


def inhoud_diff(oud: dict, nieuw: dict, *, labels: bool = False) -> dict:
    """Differences between two contents: header fields, sections and principles.

    Returns {"kop": [...], "secties": [...], "uitgangspunten": [...], "aantal": n}; each item has
    a "status" (toegevoegd, verwijderd, gewijzigd) and "<veld>_html", the word-level HTML. Unchanged
    items are left out.
    """
    kop = []
    for veld, waarde in nieuw.get("kop", {}).items():
        oude_waarde = oud.get("kop", {}).get(veld, "")
        if veld.endswith("_label") or oude_waarde == waarde:
            continue
        kop.append({"veld": veld, "html": woord_diff(str(oude_waarde), str(waarde), labels)})

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
                **_veld_diffs(o, n, ("titel", "tekst"), labels),
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
                **_veld_diffs(o, n, ("titel", "uitleg"), labels),
            }
        )
    return {
        "kop": kop,
        "secties": secties,
        "uitgangspunten": uitgangspunten,
        "aantal": len(kop) + len(secties) + len(uitgangspunten),
    }
