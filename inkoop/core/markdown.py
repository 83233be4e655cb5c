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
    return (
        MarkdownIt("commonmark", {"html": False, "linkify": False})
        .enable("table")
        .use(footnote_plugin)
        # Only bracketed spans, only the class "underline": braces after a link or code stay text.
        .use(attrs_plugin, after=("span_close",), spans=True, allowed=["class"])
    )


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


def naar_html(tekst: str, kenmerk: str | None = None) -> SafeString:
    """Render user markdown to sanitised HTML that is safe to put in a page or a PDF.

    `kenmerk` makes footnote ids unique when several texts share one page.
    """
    if not tekst:
        return mark_safe("")
    return _naar_html(tekst, kenmerk)


# A document page renders every principle's text on each view; the same text gives the same
# HTML, so a bounded cache saves most of the page's time.
@lru_cache(maxsize=2048)
def _naar_html(tekst: str, kenmerk: str | None) -> SafeString:
    env = {"docId": kenmerk} if kenmerk else {}
    # Headings inside a section start at h3: the section title is the h2.
    # The whole text, always: the forms limit what is typed (inkoop.core.velden.MAX_LANGE_TEKST),
    # and a text that came in another way is shown whole rather than cut without a word.
    html = _parser().render(tekst, env)
    for niveau in range(5, 0, -1):
        html = html.replace(f"<h{niveau}>", f"<h{min(niveau + 2, 6)}>").replace(
            f"</h{niveau}>", f"</h{min(niveau + 2, 6)}>"
        )
    return mark_safe(sanitise(html))  # noqa: S308 - sanitised by nh3 just above


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
