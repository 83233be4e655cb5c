"""Template helpers for the print templates (templates/pdf/) and the PDF widget."""

from functools import lru_cache

import pygal
from django import template
from django.utils.safestring import mark_safe

from inkoop import pdf
from uitgangspunten.markdown import naar_html
from voorzieningen import charts

register = template.Library()


@register.filter
def markdown_pdf(tekst, kenmerk=None):
    """Markdown as safe HTML with each footnote placed at its reference (float: footnote)."""
    html = naar_html(tekst or "", str(kenmerk) if kenmerk else None)
    return mark_safe(pdf.voetnoten_inline(html))  # noqa: S308 - sanitised by naar_html


@register.simple_tag
def pdf_grafiek(reeks, titel=""):
    """The SVG chart of a series: drawn once per process, and the same HTML on every render."""
    svg = charts.grafiek(titel or reeks["label"], reeks["soort"], reeks["punten"], vaste_id=True)
    return mark_safe(svg)  # noqa: S308 - pygal escapes labels and values; no scripts


@lru_cache(maxsize=512)
def _stelling_grafiek(soort: str, eens, oneens, gemiddelde) -> str:
    chart_kwargs = dict(
        style=charts.STIJL,
        js=(),
        disable_xml_declaration=True,
        show_legend=False,
        width=640,
        height=200,
        print_values=True,
    )
    if soort == "eens_oneens":
        chart = pygal.HorizontalBar(x_labels=["Eens", "Oneens"], **chart_kwargs)
        chart.add("Aantal", [eens or 0, oneens or 0])
    else:
        chart = pygal.HorizontalBar(
            x_labels=["Gemiddelde"], range=(0, 5), value_formatter=lambda v: f"{v:.1f}",
            **chart_kwargs,
        )  # fmt: skip
        chart.add("Gemiddelde (1–5)", [float(gemiddelde or 0)])
    return charts.SCRIPT.sub("", chart.render(is_unicode=True))


@register.simple_tag
def stelling_grafiek(stelling):
    """The poll result of a statement as a bar chart (agree/disagree, or the 1–5 mean)."""
    if stelling.resultaat_soort == "eens_oneens" and (stelling.eens or stelling.oneens):
        return mark_safe(_stelling_grafiek("eens_oneens", stelling.eens, stelling.oneens, None))  # noqa: S308
    if stelling.resultaat_soort == "schaal" and stelling.schaal_gemiddelde is not None:
        svg = _stelling_grafiek("schaal", None, None, str(stelling.schaal_gemiddelde))
        return mark_safe(svg)  # noqa: S308
    return ""


@register.simple_tag
def pdf_exports(onderwerp, soort, limiet=10):
    """The widget's data: the latest export of this object and kind, and the earlier ones."""
    from inkoop.selectors.export import exports_van

    exports = exports_van(onderwerp, soort, limiet=limiet)
    return {"laatste": exports[0] if exports else None, "eerdere": exports[1:]}
