"""Markdown → safe HTML, the same for pages and PDFs.

markdown-it-py renders (with footnotes, tables and underline as a bracketed span
`[tekst]{.underline}`, the notation pandoc writes for a Word import); nh3 then keeps only an
allow-list of tags, attributes and URL schemes, so script, event handlers and javascript: URLs
never survive, whatever the input; nor do protocol-relative links ("//evil.example"), which point
to another site without naming a scheme.
"""

import re
from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin

TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "s", "del", "ins", "sup", "sub", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th",
    "td", "a", "code", "pre", "hr", "section", "span",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "th": {"style", "colspan", "rowspan"},
    "td": {"style", "colspan", "rowspan"},
    "ol": {"start"},
    "li": {"id"},
    "sup": {"id"},
    "section": {"class"},
    "span": {"class"},
    "hr": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # "html": False: raw HTML in the input is shown as text, not passed on.
    md = (
        MarkdownIt("commonmark", {"html": False, "linkify": False})
        .enable("table")
        .use(footnote_plugin)
        # Only bracketed spans, only the class "underline": braces after a link or code stay text.
        .use(attrs_plugin, after=("span_close",), spans=True, allowed=["class"])
    )
    md.add_render_rule("footnote_caption", _voetnoot_nummer)
    md.add_render_rule("footnote_block_open", _voetnoten_lijst)
    return md


# The PDF numbers footnotes over the whole document (WeasyPrint's footnote counter); a page that
# shows the texts of a document one by one gives each text the number to continue from
# (`begin`: the footnotes before it), so the numbers are the same. The ids stay per text.
def _voetnoot_nummer(self, tokens, idx, options, env) -> str:
    meta = tokens[idx].meta
    nummer = str(meta["id"] + 1 + env.get("voetnootBegin", 0))
    if meta.get("subId", -1) > 0:
        nummer += f":{meta['subId']}"
    return f"[{nummer}]"


def _voetnoten_lijst(self, tokens, idx, options, env) -> str:
    begin = env.get("voetnootBegin", 0)
    start = f' start="{begin + 1}"' if begin else ""
    return f'<hr class="footnotes-sep">\n<section class="footnotes">\n<ol{start}>\n'


# Browsers drop tabs and newlines from an address and read "\\" as "/": "/\t/evil.example"
# and "\\\\evil.example" both go to another host, as "//evil.example" does.
_GEEN_ADRESTEKEN = re.compile(r"[\x00-\x20\x7f]")


def _relatief_adres(url: str) -> str | None:
    """Relative addresses stay (footnotes "#fn1", "/documenten/1/"); a protocol-relative one
    ("//evil.example/x") is another site without a scheme, so it goes like javascript: does."""
    schoon = _GEEN_ADRESTEKEN.sub("", url).replace("\\", "/")
    return None if schoon.startswith("//") else url


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        url_relative=_relatief_adres,
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
        strip_comments=True,
    )


def naar_html(tekst: str, kenmerk: str | None = None, begin: int = 0) -> SafeString:
    """Render user markdown to sanitised HTML that is safe to put in a page or a PDF.

    `kenmerk` makes footnote ids unique when several texts share one page; `begin` is the
    number of footnotes before this text (its first footnote shows number `begin + 1`).
    """
    if not tekst:
        return mark_safe("")
    return _naar_html(tekst, kenmerk, begin)


def voetnoten_aantal(tekst: str) -> int:
    """How many footnotes a text shows (the PDF gives each its own number): every footnote
    with a reference, once, however often it is referenced; a definition without one is not
    shown."""
    if not tekst or ("[^" not in tekst and "^[" not in tekst):
        return 0
    return _voetnoten_aantal(tekst)


@lru_cache(maxsize=4096)
def _voetnoten_aantal(tekst: str) -> int:
    env = {}
    _parser().parse(tekst, env)
    return len(env.get("footnotes", {}).get("list", {}))


# A document page renders every principle's text on each view; the same text gives the same
# HTML, so a bounded cache saves most of the page's time.
@lru_cache(maxsize=2048)
def _naar_html(tekst: str, kenmerk: str | None, begin: int = 0) -> SafeString:
    env = {"docId": kenmerk} if kenmerk else {}
    if begin:
        env["voetnootBegin"] = begin
    # The whole text, always: the forms limit what is typed (inkoop.core.velden.MAX_LANGE_TEKST),
    # and a text that came in another way is shown whole rather than cut without a word.
    html = _koppen_vanaf_h3(_parser().render(tekst, env))
    return mark_safe(sanitise(html))  # noqa: S308 - sanitised by nh3 just above


_KOP = re.compile(r"<(/?)h([1-6])\b")


def _koppen_vanaf_h3(html: str) -> str:
    """A text's highest heading becomes an h3, the rest keep their distance to it: the section
    title is the h2, and the editor writes its "Kop" as `##` where a Word import writes `#`, so a
    fixed shift would skip a level (axe heading-order) for one of them."""
    niveaus = [int(m[2]) for m in _KOP.finditer(html) if not m[1]]
    if not niveaus:
        return html
    verschuiving = 3 - min(niveaus)
    return _KOP.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + verschuiving, 6)}", html)


def scrollbare_tabellen(html: str) -> SafeString:
    """On screen, each table of a text sits in a region that scrolls sideways on its own, that a
    keyboard can reach (tabindex) and that has a label, so a narrow page never scrolls sideways.
    Print keeps the bare table (the PDF templates do not call this)."""
    return mark_safe(  # noqa: S308 - only wraps tags of already sanitised HTML
        html.replace(
            "<table>",
            '<div class="app-table-scroll" role="region" tabindex="0" aria-label="Tabel"><table>',
        ).replace("</table>", "</table></div>")
    )
