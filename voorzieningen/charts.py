"""Charts of figures as server-side SVG (pygal), so the same chart fits a page and a PDF."""

import hashlib
import math
import re
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache
from uuid import UUID, uuid4

import pygal
from django.utils.html import escape
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


# Stands in for pygal's random chart id in the cached SVG.
_ID = "chart-00000000-0000-0000-0000-000000000000"

# What a kind of figure counts, as the start of a sentence: "Aantal cliënten Huishoudelijke hulp".
ONDERWERP = {
    KengetalSoort.UITGAVEN: "Uitgaven (declaratie)",
    KengetalSoort.TOEWIJZING: "Toegewezen bedrag",
    KengetalSoort.CLIENTEN: "Aantal cliënten",
    KengetalSoort.AANBIEDERS: "Aantal aanbieders",
}


def opmaak(soort: str):
    return bedrag if KengetalSoort.is_bedrag(soort) else aantal


def beschrijving(naam: str, soort: str, punten) -> str:
    """The chart in one sentence, its text alternative: "Aantal cliënten Huishoudelijke hulp,
    2017–2018: van 4.410 naar 4.663." The highest year is named when it lies in between."""
    punten = list(punten)
    waarde = opmaak(soort)
    onderwerp = f"{ONDERWERP.get(soort, KengetalSoort(soort).label)} {naam}".strip()
    if not punten:
        return f"{onderwerp}: geen cijfers."
    (jaar_a, a), (jaar_b, b) = punten[0], punten[-1]
    if len(punten) == 1:
        return f"{onderwerp} in {jaar_a}: {waarde(a)}."
    zin = f"{onderwerp}, {jaar_a}–{jaar_b}: van {waarde(a)} naar {waarde(b)}"
    jaar_max, hoogste = max(punten, key=lambda p: Decimal(str(p[1])))
    if Decimal(str(hoogste)) > max(Decimal(str(a)), Decimal(str(b))):
        zin += f", het hoogst in {jaar_max} ({waarde(hoogste)})"
    return zin + "."


def as_vanaf_nul(maximum) -> list[int]:
    """Whole, round ticks from 0 to just above the maximum (1, 2 or 5 × 10ⁿ apart, at most six
    steps): a count or an amount is never drawn from an arbitrary baseline."""
    maximum = max(Decimal(str(maximum)), Decimal(1))
    macht = Decimal(1)
    while True:
        for factor in (1, 2, 5):
            stap = macht * factor
            stappen = math.ceil(maximum / stap)
            if stappen <= 5:
                return [int(stap * i) for i in range(stappen + 1)]
        macht *= 10


def titel_invullen(svg: str, tekst: str) -> str:
    """pygal's SVG is titled "Pygal": make its <title> the text alternative and the SVG an
    image with that name, so a screen reader says what the chart shows."""
    svg = svg.replace("<title>Pygal</title>", f"<title>{escape(tekst)}</title>", 1)
    return svg.replace(
        'class="pygal-chart"', f'class="pygal-chart" role="img" aria-label="{escape(tekst)}"', 1
    )


def grafiek(naam: str, soort: str, punten, *, vaste_id: bool = False) -> str:
    """One bar chart of one kind of figure over the years, as an SVG string without scripts;
    `naam` (the service) goes into its text alternative, not into the picture: the page's
    caption is the chart's only title.

    `punten` is a sequence of (jaar, waarde), at least two years (one year is a sentence, not a
    chart: `beschrijving`). The chart is a pure function of its arguments, so
    it is drawn once per process and reused: pygal takes about 8 ms per chart, and a document
    page shows several. pygal scopes the chart's CSS to its id: on a page every call gets a new
    one, so two charts never share an id; with `vaste_id` the id follows from the content, so a
    PDF renders the same HTML each time (its hash is the export's cache key).
    """
    sleutel = (soort, tuple((jaar, float(waarde)) for jaar, waarde in punten))
    svg = id_invullen(_grafiek(*sleutel), (naam, *sleutel), vaste_id=vaste_id)
    return titel_invullen(svg, beschrijving(naam, soort, punten))


def svg_zonder_id(chart) -> str:
    """A rendered pygal chart to cache: without its config <script> (it needs none, and the CSP
    forbids it), with its random id replaced by a placeholder for `id_invullen`."""
    svg = SCRIPT.sub("", chart.render(is_unicode=True))
    return svg.replace(f"chart-{chart.uuid}", _ID)


def id_invullen(svg: str, sleutel, *, vaste_id: bool) -> str:
    """Give a cached chart its id: a new one per call on a page, one derived from the content
    (`sleutel`) for print."""
    if vaste_id:
        kenmerk = UUID(hashlib.sha256(repr(sleutel).encode()).hexdigest()[:32])
    else:
        kenmerk = uuid4()
    return svg.replace(_ID, f"chart-{kenmerk}")


@lru_cache(maxsize=512)  # about 9 kB per chart
def _grafiek(soort: str, punten: tuple[tuple[int, float], ...]) -> str:
    formatter = opmaak(soort)
    ticks = as_vanaf_nul(max(waarde for _, waarde in punten))
    chart = pygal.Bar(
        style=STIJL,
        js=(),
        disable_xml_declaration=True,
        show_legend=False,
        width=640,
        height=320,
        print_values=True,
        value_formatter=formatter,
        x_labels=[str(jaar) for jaar, _ in punten],
        range=(0, ticks[-1]),
        y_labels=[{"label": formatter(t), "value": t} for t in ticks],
    )
    chart.add(str(KengetalSoort(soort).label), [waarde for _, waarde in punten])
    return svg_zonder_id(chart)
