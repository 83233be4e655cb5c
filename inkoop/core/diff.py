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
from dataclasses import dataclass

from diff_match_patch import diff_match_patch
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from lxml import html as lxml_html
from lxml.html import diff as lxml_diff

from .markdown import naar_html, scrollbare_tabellen

TOKEN = re.compile(r"\s+|[^\s]+")
REGEL = re.compile(r"[^\n]*\n|[^\n]+")
# Beyond this many characters (old and new together) a text is not compared word by word at all:
# it would only hold memory while the time budget runs out anyway.
MAX_TEKENS = 1_000_000
# Seconds one comparison (a whole document, or one text) may spend on word-level marks.
TIJD_S = 0.5

INS_LABEL = '<span class="visually-hidden">ingevoegd: </span>'
DEL_LABEL = '<span class="visually-hidden">verwijderd: </span>'
# The same words with other formatting (bold, a link, a heading, indented): marked on their own.
OPMAAK = '<span class="app-diff__opmaak">'
OPMAAK_LABEL = '<span class="visually-hidden">opmaak gewijzigd: </span>'
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
    """The time budget of one comparison, shared by all texts it compares.

    It counts the time spent comparing (diff-match-patch); rendering a text and cutting it into
    words is linear in its length and is not counted.
    """

    tijd_s: float = TIJD_S
    begrensd: bool = False
    verbruikt: float = 0.0

    def over(self) -> float:
        return self.tijd_s - self.verbruikt

    def vergelijk(self, a: str, b: str):
        """diff-match-patch's diff within what is left of the budget; None when out of time
        (the deadline cut the diff short: its marks may be coarse, so the caller says so)."""
        over = self.over()
        if over <= 0:
            return None
        dmp = diff_match_patch()
        dmp.Diff_Timeout = over
        begin = time.time()
        stukken = dmp.diff_main(a, b, False, begin + over)
        duur = time.time() - begin
        self.verbruikt += duur
        return None if duur >= over else stukken


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
    stukken = grens.vergelijk(a, b)
    if stukken is None:
        return None
    return [(op, [terug[c] for c in tekst]) for op, tekst in stukken]


def _markeer(soort: str, tekst: str, label: str) -> str:
    # The space before the words stays outside the mark: "Planning [ingevoegd: en ...]".
    woorden = tekst.lstrip()
    if not woorden:
        return f"<{soort}>{label}{escape(tekst)}</{soort}>" if tekst else ""
    voor = tekst[: len(tekst) - len(woorden)]
    return f"{escape(voor)}<{soort}>{label}{escape(woorden)}</{soort}>"


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


# ---------- Rendered text: the markdown of a section or principle, compared as HTML ----------
#
# lxml's htmldiff (lxml.html.diff) turns two HTML fragments into one with <ins> and <del> around
# words, keeping the new text's markup (lists, tables, footnotes) valid. Its own matcher is
# difflib's: quadratic, without a deadline, and lxml's tokenizer takes a while on long texts.
# So: the rendered texts are split into their top-level blocks (paragraph, list, table,
# footnotes) and the blocks compared by the bounded diff-match-patch above; only the runs of
# blocks that changed go through lxml's tokens, compared word by word (again diff-match-patch),
# and lxml's assembly puts the marks in the right places.

BLOKKEN = frozenset(
    "p li tr td th h1 h2 h3 h4 h5 h6 blockquote pre table thead tbody ul ol section hr".split()
)
MELDING_HTML = (
    '<p class="app-diff__melding" role="note">Deze tekst is te lang of te sterk gewijzigd om '
    "woord voor woord te vergelijken: de oude tekst staat hieronder doorgehaald en de nieuwe "
    "tekst als ingevoegd.</p>"
)
# Runs of at least this many unchanged blocks fold away (details/summary); the block just
# before and just after a change stay in view.
INKLAPPEN_VANAF = 2
_TAGNAAM = re.compile(r"</?([a-zA-Z0-9]+)")
_TUSSEN_TAGS = re.compile(r">\s+<")


def _stappen(a: list, b: list, grens: Begrenzing):
    """[(op, n)] for two lists of hashable items, op "=", "-", "+"; None when out of time."""
    if grens.over() <= 0:
        return None
    tabel: dict = {}
    stukken = grens.vergelijk(_codeer(a, tabel), _codeer(b, tabel))
    if stukken is None:
        return None
    teken = {diff_match_patch.DIFF_EQUAL: "=", diff_match_patch.DIFF_DELETE: "-"}
    return [(teken.get(op, "+"), len(tekst)) for op, tekst in stukken]


def _blokken(html: str) -> list[str]:
    """The top-level blocks of a rendered text, each as HTML (without the newlines markdown
    writes between tags: they would become changes of their own, between table cells)."""
    if not html:
        return []
    delen = lxml_html.fragments_fromstring(_TUSSEN_TAGS.sub("><", html))
    blokken = [escape(delen.pop(0))] if delen and isinstance(delen[0], str) else []
    for el in delen:
        el.tail = None  # only whitespace between the blocks of rendered markdown
        blokken.append(lxml_html.tostring(el, encoding="unicode"))
    return blokken


LEEG = frozenset({"br", "img", "hr"})


def _verwijderd(chunks) -> list[str]:
    """Deleted text as inline HTML: its words and its balanced inline marks (bold, a link),
    without the old text's block tags (paragraph, cell, row), which would not fit in the new
    text's structure; where a new block began, a line break."""
    uit, open_tags, woord_gezien, nieuwe_regel = [], [], False, False
    for chunk in chunks:
        if not chunk.startswith("<"):
            if nieuwe_regel:
                uit.append("<br>")
                nieuwe_regel = False
            uit.append(chunk)
            woord_gezien = True
            continue
        naam = (_TAGNAAM.match(chunk) or [None, ""])[1].lower()
        if naam in BLOKKEN:
            nieuwe_regel = woord_gezien and not chunk.startswith("</")
        elif naam in LEEG:
            uit.append(chunk)
        elif not chunk.startswith("</"):
            open_tags.append((naam, len(uit)))
            uit.append(chunk)
        elif open_tags and open_tags[-1][0] == naam:
            open_tags.pop()
            uit.append(chunk)
    for _naam, plek in reversed(open_tags):  # never closed in this run: not a mark of its own
        del uit[plek]
    return uit


def _eind_tags(resultaat: list) -> list[str]:
    """Take the closing tags off the end of the result, so a deletion lands inside the block
    it follows (the cell, the paragraph) rather than between blocks."""
    eind = []
    while resultaat and isinstance(resultaat[-1], str) and resultaat[-1].startswith("</"):
        eind.insert(0, resultaat.pop())
    return eind


def _omgeving(tokens) -> list[tuple[str, ...]]:
    """Per lxml token, the names of the tags around it (paragraph, list item, bold, link...):
    two equal words in another context had their formatting changed."""
    stapel, uit, huidig = [], [], ()
    for tok in tokens:
        if tok.pre_tags:  # most words have no tags of their own: they share the last tuple
            for tag in tok.pre_tags:
                _stapelen(stapel, tag)
            huidig = tuple(stapel)
        uit.append(huidig)
        if tok.post_tags:
            for tag in tok.post_tags:
                _stapelen(stapel, tag)
            huidig = tuple(stapel)
    return uit


def _stapelen(stapel: list[str], tag: str) -> None:
    naam = (_TAGNAAM.match(tag) or [None, ""])[1].lower()
    if not naam or naam in LEEG:
        return
    if not tag.startswith("</"):
        stapel.append(naam)
    elif naam in stapel:
        del stapel[len(stapel) - 1 - stapel[::-1].index(naam)]


def _gelijk_of_opmaak(tokens, oud_omgeving, nieuw_omgeving) -> list[str]:
    """Equal words as lxml writes them (`expand_tokens(equal=True)`), where a word whose
    formatting changed sits in an OPMAAK span, inside its own tags so the HTML stays valid."""
    uit, open_ = [], False
    for tok, a, b in zip(tokens, oud_omgeving, nieuw_omgeving, strict=True):
        anders = a != b
        if open_ and (tok.pre_tags or not anders):
            uit.append("</span>")
            open_ = False
        uit.extend(tok.pre_tags)
        if not tok.hide_when_equal:
            if anders and not open_:
                uit.append(OPMAAK)
                open_ = True
            uit.append(tok.html() + (tok.trailing_whitespace or ""))
        if open_ and tok.post_tags:
            uit.append("</span>")
            open_ = False
        uit.extend(tok.post_tags)
    if open_:
        uit.append("</span>")
    return uit


def _woorden(oud: str, nieuw: str, grens: Begrenzing) -> str | None:
    """One changed run of blocks, word by word: lxml's tokens and insertions
    (htmldiff_tokens), our bounded diff, deletions placed inline. None when out of time."""
    if grens.over() <= 0:
        return None
    a = lxml_diff.tokenize(oud, include_hrefs=False) if oud else []
    b = lxml_diff.tokenize(nieuw, include_hrefs=False) if nieuw else []
    stappen = [("+", len(b))]
    if a and b:
        stappen = _stappen(a, b, grens)
        if stappen is None:
            return None
    elif a:
        stappen = [("-", len(a))]
    resultaat: list = []
    omgeving_a, omgeving_b = _omgeving(a), _omgeving(b)
    i = j = 0
    for k, (op, n) in enumerate(stappen):
        if op == "=":
            oud_om, nieuw_om = omgeving_a[i : i + n], omgeving_b[j : j + n]
            if oud_om == nieuw_om:  # the common case: lxml's own (compiled) expansion
                resultaat.extend(lxml_diff.expand_tokens(b[j : j + n], equal=True))
            else:
                resultaat.extend(_gelijk_of_opmaak(b[j : j + n], oud_om, nieuw_om))
            i, j = i + n, j + n
        elif op == "+":
            lxml_diff.merge_insert(lxml_diff.expand_tokens(b[j : j + n]), resultaat)
            j += n
        else:
            woorden = _verwijderd(lxml_diff.expand_tokens(a[i : i + n]))
            i += n
            if k + 1 < len(stappen) and stappen[k + 1][0] == "+":
                # Replaced: the deletion goes into the block the insertion opens (its cell).
                volgende = b[j]
                eind = []
                resultaat.extend(volgende.pre_tags)
                b[j] = lxml_diff.token(
                    str(volgende), [], volgende.post_tags, volgende.trailing_whitespace
                )
            else:
                eind = _eind_tags(resultaat)
            if resultaat and not resultaat[-1].endswith(" "):
                resultaat.append(" ")
            resultaat += ["<del>", "".join(woorden).rstrip(), "</del> ", *eind]
    return lxml_diff.fixup_ins_del_tags("".join(resultaat).strip())


def _ingeklapt(run: list[str]) -> list[str]:
    if len(run) < INKLAPPEN_VANAF:
        return run
    n = len(run)
    return [
        '<details class="app-diff__ongewijzigd"><summary>'
        f"{n} ongewijzigde alinea{'’s' if n != 1 else ''}</summary>{''.join(run)}</details>"
    ]


def _inklappen(stukken: list[tuple[str, bool]]) -> list[str]:
    """[(html, changed)] → HTML pieces with long runs of unchanged blocks folded."""
    uit, run = [], []
    for k, (stuk, veranderd) in enumerate(stukken):
        buur = any(v for _, v in stukken[max(k - 1, 0) : k + 2])
        if veranderd or buur:
            uit.extend(_ingeklapt(run))
            run = []
            uit.append(stuk)
        else:
            run.append(stuk)
    return uit + _ingeklapt(run)


# A block (paragraph, list, table) deleted in one place and inserted unchanged in another is
# a move, not a deletion plus an insertion: shown once, where it now stands, with a link back
# and forth. Only blocks with some words: an empty paragraph or a rule is no move.
VERPLAATST_MIN_TEKENS = 12
VOORPROEF_WOORDEN = 8


def _tekst_van(blok: str) -> str:
    return lxml_html.fragment_fromstring(blok, create_parent="div").text_content().strip()


def _verplaatsingen(stappen, a: list[str], b: list[str]):
    """({old index: (number, later)}, {new index: (number, earlier)}) of the moved blocks: the
    same block deleted and inserted, paired in order of appearance. `later`/`earlier`: the
    other place is further on or further back in the compared text."""
    weg, erbij = {}, {}
    i = j = plek = 0
    for op, n in stappen:
        for _ in range(n):
            if op == "-":
                weg.setdefault(a[i], []).append((i, plek))
                i += 1
            elif op == "+":
                erbij.setdefault(b[j], []).append((j, plek))
                j += 1
            else:
                i, j = i + 1, j + 1
            plek += 1
    van, naar = {}, {}
    for blok, oude in weg.items():
        if blok not in erbij or len(_tekst_van(blok)) < VERPLAATST_MIN_TEKENS:
            continue
        for (k_oud, p_oud), (k_nieuw, p_nieuw) in zip(oude, erbij[blok], strict=False):
            nummer = len(van) + 1
            van[k_oud] = (nummer, p_nieuw > p_oud)
            naar[k_nieuw] = (nummer, p_oud < p_nieuw)
    return van, naar


def _verplaatst_van(blok: str, anker: str, nummer: int, later: bool) -> str:
    """Where a moved block stood: a line with its first words, linking to where it went."""
    woorden = _tekst_van(blok).split()
    voorproef = " ".join(woorden[:VOORPROEF_WOORDEN])
    voorproef += " …" if len(woorden) > VOORPROEF_WOORDEN else ""
    waar = "beneden" if later else "boven"
    return (
        f'<p class="app-diff__verplaatst app-diff__verplaatst--van" id="{anker}-{nummer}-van">'
        f'<a href="#{anker}-{nummer}">Verplaatst naar {waar}</a>: “{escape(voorproef)}”</p>'
    )


def _verplaatst_naar(blok: str, anker: str, nummer: int, eerder: bool) -> str:
    """A moved block where it now stands, unchanged, with a link to where it stood."""
    waar = "hierboven" if eerder else "hieronder"
    return (
        f'<div class="app-diff__verplaatst" id="{anker}-{nummer}">'
        f'<p class="app-diff__verplaatst-label"><a href="#{anker}-{nummer}-van">Verplaatst, '
        f"stond {waar}</a></p>{blok}</div>"
    )


def _blok(soort: str, html: str, label: str) -> str:
    # <ins> and <del> may hold paragraphs and tables: the text keeps its structure.
    return f'<{soort} class="app-diff__blok">{label}{html}</{soort}>' if html else ""


def html_diff(
    oud: str, nieuw: str, labels: bool = False, *, grens: Begrenzing | None = None,
    inklappen: bool = False, anker: str = "t",
) -> SafeString:  # fmt: skip
    """Tracked changes between two sanitised HTML fragments (the output of `naar_html`).

    The new text's markup with deleted words in <del> and inserted ones in <ins>, bounded by
    `grens` like `woord_diff`: where the budget runs out the old text is shown deleted and the
    new one inserted, with a note. With `labels`, each mark starts with visually hidden text
    for screen readers; with `inklappen`, long runs of unchanged paragraphs fold away. A moved
    block is shown where it now stands, linked to where it stood (ids start with `anker`,
    unique per page).
    """
    grens = grens or Begrenzing()
    if oud == nieuw:
        return mark_safe(nieuw)  # noqa: S308 - sanitised markdown output
    ins, dl = (INS_LABEL, DEL_LABEL) if labels else ("", "")
    a, b = _blokken(oud), _blokken(nieuw)
    stappen = None
    if len(oud) + len(nieuw) <= MAX_TEKENS:
        stappen = _stappen(a, b, grens)
    if stappen is None:
        grens.begrensd = True
        return mark_safe(MELDING_HTML + _blok("del", oud, dl) + _blok("ins", nieuw, ins))  # noqa: S308
    stukken: list[tuple[str, bool]] = []  # (html, changed)
    melding = False
    i = j = 0
    weg, erbij = [], []

    def run_af():
        nonlocal melding
        if not (weg or erbij):
            return
        html = _woorden("".join(weg), "".join(erbij), grens)
        if html is None:
            grens.begrensd = melding = True
            html = _blok("del", "".join(weg), "\x01") + _blok("ins", "".join(erbij), "\x02")
        stukken.append((html, True))
        weg.clear(), erbij.clear()

    van, naar = _verplaatsingen(stappen, a, b)
    anker = f"verplaatst-{anker}"
    for op, n in stappen:
        if op == "=":
            run_af()
            stukken.extend((blok, False) for blok in b[j : j + n])
            i, j = i + n, j + n
            continue
        for _ in range(n):
            if op == "-" and i in van:
                run_af()
                stukken.append((_verplaatst_van(a[i], anker, *van[i]), True))
            elif op == "+" and j in naar:
                run_af()
                stukken.append((_verplaatst_naar(b[j], anker, *naar[j]), True))
            elif op == "-":
                weg.append(a[i])
            else:
                erbij.append(b[j])
            i, j = (i + 1, j) if op == "-" else (i, j + 1)
    run_af()
    delen = _inklappen(stukken) if inklappen else [stuk for stuk, _ in stukken]
    html = "".join(delen)
    if labels:
        html = html.replace("<ins>", "<ins>" + INS_LABEL).replace("<del>", "<del>" + DEL_LABEL)
        html = html.replace(OPMAAK, OPMAAK + OPMAAK_LABEL)
    html = html.replace("\x01", dl).replace("\x02", ins)
    if labels:  # a page, not the PDF: wide tables scroll in their own region
        html = scrollbare_tabellen(html)
    # Every word comes from sanitised HTML, and lxml serialises what it puts together escaped.
    return mark_safe((MELDING_HTML if melding else "") + html)  # noqa: S308


def tekst_diff(
    oud: str, nieuw: str, kenmerk: str | None = None, labels: bool = False, *,
    grens: Begrenzing | None = None, inklappen: bool = False,
) -> SafeString:  # fmt: skip
    """Tracked changes between two stored (markdown) texts, as rendered HTML: never markup."""
    return html_diff(
        naar_html(oud or "", kenmerk),
        naar_html(nieuw or "", kenmerk),
        labels,
        grens=grens,
        inklappen=inklappen,
        anker=kenmerk or "t",
    )


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


# The stored texts that are markdown: compared as rendered text, never as markup.
OPGEMAAKT = frozenset({"tekst", "uitleg", "ontwikkelingen"})


def _veld_diffs(oud, nieuw, velden, labels, grens, kenmerk, inklappen=False) -> dict:
    oud, nieuw = oud or {}, nieuw or {}
    diffs = {}
    for veld in velden:
        a, b = str(oud.get(veld) or ""), str(nieuw.get(veld) or "")
        if veld in OPGEMAAKT:
            diffs[f"{veld}_html"] = tekst_diff(
                a, b, f"{kenmerk}-{veld}", labels, grens=grens, inklappen=inklappen
            )
        else:
            diffs[f"{veld}_html"] = woord_diff(a, b, labels, grens=grens)
    return diffs


def _verplaatst(oud_ids: list, nieuw_ids: list, grens: Begrenzing) -> set:
    """The sections that changed place: of those in both contents, the ones outside the
    longest run that kept its order (moving one section up does not move all it passed)."""
    gemeen = set(oud_ids) & set(nieuw_ids)
    a, b = [x for x in oud_ids if x in gemeen], [x for x in nieuw_ids if x in gemeen]
    if a == b:
        return set()
    stappen = _stappen(a, b, grens) or [("-", len(a)), ("+", len(b))]
    verplaatst, j = set(), 0
    for op, n in stappen:
        if op == "+":
            verplaatst.update(b[j : j + n])
        if op != "-":
            j += n
    return verplaatst


def _gelijk(oud, nieuw, velden) -> bool:
    return all((oud or {}).get(v) == (nieuw or {}).get(v) for v in velden)


def inhoud_diff(
    oud: dict, nieuw: dict, *, labels: bool = False, tijd_s: float = TIJD_S,
    inklappen: bool = False,
) -> dict:  # fmt: skip
    """Differences between two contents: header fields, sections and principles.

    Returns {"kop": [...], "secties": [...], "uitgangspunten": [...], "aantal": n}; each item has
    a "status" (toegevoegd, verwijderd, gewijzigd) and "<veld>_html", the word-level HTML. Unchanged
    items are left out. "begrensd" says whether the time budget (`tijd_s`, for the whole
    comparison) ran out somewhere, and "melding" then explains it in Dutch for the page.
    Texts (a section's text, a principle's explanation) are compared as rendered HTML
    (`tekst_diff`); with `inklappen` their unchanged paragraphs fold away. "ongewijzigd" names
    the sections and principles that did not change, for a folded list on the page.
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
    oude_plek = {sid: k for k, sid in enumerate(oude_secties, start=1)}
    nieuwe_plek = {sid: k for k, sid in enumerate(nieuwe_secties, start=1)}
    verplaatst = _verplaatst(list(oude_secties), list(nieuwe_secties), grens)
    secties, ongewijzigd = [], {"secties": [], "uitgangspunten": []}
    for sid in [*nieuwe_secties, *[s for s in oude_secties if s not in nieuwe_secties]]:
        o, n = oude_secties.get(sid), nieuwe_secties.get(sid)
        gelijk = _gelijk(o, n, ("titel", "tekst"))
        if gelijk and sid not in verplaatst:
            ongewijzigd["secties"].append(n["titel"])
            continue
        item = {"id": sid, "status": _status(o, n), "titel": (n or o)["titel"], "verplaatst": None}
        if sid in verplaatst:
            item["verplaatst"] = {"van": oude_plek[sid], "naar": nieuwe_plek[sid]}
        if gelijk:  # only moved: its text needs no second reading
            item |= {"status": "verplaatst", "titel_html": escape(n["titel"]), "tekst_html": ""}
        else:
            item |= _veld_diffs(o, n, ("titel", "tekst"), labels, grens, f"d{sid}", inklappen)
        secties.append(item)

    oude_up, nieuwe_up = {}, {}
    for s in oud.get("secties", []):
        oude_up.update(_uitgangspunten(s))
    for s in nieuw.get("secties", []):
        nieuwe_up.update(_uitgangspunten(s))
    uitgangspunten = []
    for uid in [*nieuwe_up, *[u for u in oude_up if u not in nieuwe_up]]:
        o, n = oude_up.get(uid), nieuwe_up.get(uid)
        if _gelijk(o, n, ("titel", "uitleg", "nummer", "status")):
            ongewijzigd["uitgangspunten"].append(n)
            continue
        uitgangspunten.append(
            {
                "uid": uid,
                "status": _status(o, n),
                "nummer": (n or o)["nummer"],
                "titel": (n or o)["titel"],
                "voorziening": (n or o).get("voorziening", ""),
                **_veld_diffs(o, n, ("titel", "uitleg"), labels, grens, f"u{uid}", inklappen),
            }
        )
    return {
        "kop": kop,
        "secties": secties,
        "uitgangspunten": uitgangspunten,
        "aantal": len(kop) + len(secties) + len(uitgangspunten),
        "ongewijzigd": ongewijzigd,
        "begrensd": grens.begrensd,
        "melding": MELDING if grens.begrensd else "",
    }
