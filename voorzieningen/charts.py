"""Charts of figures as server-side SVG (pygal), so the same chart fits a page and a PDF."""

import re
from collections import defaultdict
from decimal import Decimal

import pygal
from pygal.style import Style

from .constants import KengetalSoort

SCRIPT = re.compile(r"<script\b[^>]*?(?:/>|>.*?</script>)", re.DOTALL)

# Dark enough for 3:1 against white (WCAG 1.4.11), text at 4.5:1.
STIJL = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#1b1b1b",
    foreground_strong="#1b1b1b",
    foreground_subtle="#595959",
    colors=("#154273", "#8a4b00", "#1d6b3a", "#6b2d83"),
    font_family="'Source Sans 3', 'Source Sans Pro', sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=12,
    title_font_size=15,
    value_colors=("#ffffff",),
)


def aantal(waarde) -> str:
    """Dutch thousands separator: 13.560.956. Accepts numbers and numeric strings."""
    return f"{Decimal(str(waarde)):,.0f}".replace(",", ".")


def bedrag(waarde) -> str:
    return "€ " + aantal(waarde)


def reeksen(kengetallen):
    """Group figures by kind: {soort: [(jaar, waarde), ...]} in year order."""
    per_soort = defaultdict(list)
    for k in sorted(kengetallen, key=lambda k: (k.soort, k.jaar)):
        per_soort[k.soort].append((k.jaar, k.waarde))
    return dict(per_soort)


def grafiek(titel: str, soort: str, punten: list[tuple[int, object]]) -> str:
    """One bar chart of one kind of figure over the years, as an SVG string without scripts."""
    formatter = bedrag if KengetalSoort.is_bedrag(soort) else aantal
    chart = pygal.Bar(
        style=STIJL,
        js=(),
        disable_xml_declaration=True,
        show_legend=False,
        width=640,
        height=320,
        print_values=True,
        value_formatter=formatter,
        title=titel,
        x_labels=[str(jaar) for jaar, _ in punten],
        y_labels_major_every=None,
        show_minor_y_labels=False,
    )
    chart.add(str(KengetalSoort(soort).label), [float(w) for _, w in punten])
    # pygal always embeds a config <script>; the chart needs none (and the CSP forbids it).
    return SCRIPT.sub("", chart.render(is_unicode=True))
