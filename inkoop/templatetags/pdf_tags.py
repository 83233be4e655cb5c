"""Template helpers for the print templates (templates/pdf/) and the PDF widget."""

from urllib.parse import urlencode

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from inkoop.core.markdown import naar_html
from inkoop.pdf import render as pdf
from inkoop.pdf.selectors import exports_van
from inkoop.sessies import charts as stelling_charts
from uitgangspunten.constants import UitgangspuntStatus
from voorzieningen import charts

register = template.Library()


@register.filter
def markdown_pdf(tekst, kenmerk=None):
    """Markdown as safe HTML with each footnote placed at its reference (float: footnote)."""
    html = naar_html(tekst or "", str(kenmerk) if kenmerk else None)
    return mark_safe(pdf.voetnoten_inline(html))  # noqa: S308 - sanitised by naar_html


@register.filter
def zonder_slotpunt(tekst):
    """A sentence before a colon without its full stop: "… vast te stellen: ingestemd", not
    "… vast te stellen.: ingestemd"."""
    return str(tekst or "").rstrip().removesuffix(".")


@register.simple_tag
def uitgangspunt_doorlopend(up):
    """A principle with its number and bold title run into the first paragraph of its
    explanation ("**1. Titel.** Uitleg ..."), as memos often print them."""
    titel = escape(up["titel"]).strip()
    if titel and titel[-1] not in ".:?!":
        titel += "."
    status = ""
    if up.get("status") != UitgangspuntStatus.NIEUW:
        status = f' <span class="pdf-label">({escape(up["status_label"].lower())})</span>'
    nummer = f'<span class="pdf-uitgangspunt__nummer">{up["nummer"]}.</span>'
    kop = f"<strong>{nummer} {titel}</strong>{status} "
    html = str(markdown_pdf(up.get("uitleg") or "", up["id"]))
    if html.startswith("<p>"):
        return mark_safe(f"<p>{kop}{html[3:]}")  # noqa: S308 - escaped title, sanitised text
    return mark_safe(f"<p>{kop}</p>{html}")  # noqa: S308 - escaped title, sanitised text


@register.simple_tag
def pdf_grafiek(reeks, naam=""):
    """The SVG chart of a series (of `naam`, the service): drawn once per process, and the same
    HTML on every render."""
    svg = charts.grafiek(naam, reeks["soort"], reeks["punten"], vaste_id=True)
    return mark_safe(svg)  # noqa: S308 - pygal escapes labels and values; no scripts


@register.simple_tag
def stelling_resultaat(stelling):
    """The complete poll result in words (counts, percentages, total; a scale's ends)."""
    return stelling_charts.stelling_tekst(stelling)


@register.filter
def woordenlijst(stelling):
    return stelling_charts.woorden_tellen(stelling.woorden)


@register.simple_tag
def stelling_grafiek(stelling):
    """The poll result of a statement as a bar chart, print size (same chart as the page)."""
    return mark_safe(stelling_charts.stelling_grafiek(stelling, breed=True))  # noqa: S308


@register.simple_tag
def pdf_exports(onderwerp, soort, parameters=None, limiet=10):
    """The widget's data: the latest export of this object, kind and parameters, the earlier
    ones, and the parameters as hidden fields and as the preview's query string."""
    parameters = parameters or {}
    exports = exports_van(onderwerp, soort, parameters, limiet=limiet)
    word = exports_van(onderwerp, soort, parameters, limiet=1, formaat="docx")
    return {
        "laatste": exports[0] if exports else None,
        "word": word[0] if word else None,
        "eerdere": exports[1:],
        "parameters": parameters,
        "query": urlencode(parameters),
    }
