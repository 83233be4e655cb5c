"""Charts of poll results (pygal SVG, the figures' style). They are decorative: the page prints
the complete result as text next to them (`stelling_tekst`: counts, percentages and the total,
a scale's mean with its labelled ends), which is what screen readers and the PDF's text layer
get; the chart's <title> carries the same text."""

import math
import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

import pygal

from inkoop.sessies.constants import ResultaatSoort
from voorzieningen.charts import STIJL, id_invullen, svg_zonder_id, titel_invullen

TELLING = re.compile(r"^(?P<tekst>.*?)\s*(?:[:=]\s*(?P<n1>\d+)|\((?P<n2>\d+)×?\))\s*$")


def _met_aantal(deel: str) -> tuple[str, int | None]:
    """ "zorg (5)", "zorg: 5" → ("zorg", 5); "zorg" → ("zorg", None)."""
    if m := TELLING.match(deel):
        return m.group("tekst").strip(), int(m.group("n1") or m.group("n2"))
    return deel.strip(), None


def woorden_tellen(tekst: str) -> list[tuple[str, int]]:
    """Free words from a poll ("zorg, samen\nzorg" or "zorg (2), samen") → [("zorg", 2),
    ("samen", 1)]: a word's count is the count the source gives, or how often it is named."""
    teller: Counter = Counter()
    eerste = {}
    for deel in re.split(r"[,;\n]+", tekst or ""):
        woord, aantal = _met_aantal(deel)
        if not woord:
            continue
        eerste.setdefault(woord.lower(), woord)
        teller[woord.lower()] += aantal if aantal is not None else 1
    return [(eerste[k], n) for k, n in sorted(teller.items(), key=lambda kv: (-kv[1], kv[0]))]


def keuzes_tellen(tekst: str) -> list[tuple[str, int | None]]:
    """Multiple-choice answers, one a line with their count ("Ja: 12"), in the source's order."""
    return [_met_aantal(regel) for regel in (tekst or "").splitlines() if regel.strip()]


def _nl(getal, decimalen=1) -> str:
    q = Decimal(1).scaleb(-decimalen)
    return str(Decimal(str(getal)).quantize(q, rounding=ROUND_HALF_UP)).replace(".", ",")


def _procent(deel: int, totaal: int) -> str:
    return f"{_nl(100 * deel / totaal, 0)}%"


def reacties(n: int) -> str:
    return f"{n} reactie" if n == 1 else f"{n} reacties"


def stelling_tekst(stelling) -> str:
    """The poll result in words, complete: the text equivalent of the chart (page, PDF, and the
    chart's own <title>)."""
    soort = stelling.resultaat_soort
    if soort == ResultaatSoort.EENS_ONEENS and stelling.eens is not None:
        eens, oneens = stelling.eens or 0, stelling.oneens or 0
        totaal = eens + oneens
        if not totaal:
            return "Geen reacties."
        return (
            f"{reacties(totaal)}: {eens} eens ({_procent(eens, totaal)}), "
            f"{oneens} oneens ({_procent(oneens, totaal)})."
        )
    if soort == ResultaatSoort.MEERKEUZE:
        keuzes = keuzes_tellen(stelling.keuzes)
        if keuzes:
            totaal = sum(n or 0 for _, n in keuzes)
            delen = [
                f"{k} {n}" + (f" ({_procent(n, totaal)})" if totaal and n is not None else "")
                for k, n in keuzes
            ]
            return f"{reacties(totaal)}: " + ", ".join(delen) + "."
    if soort == ResultaatSoort.SCHAAL and stelling.schaal_gemiddelde is not None:
        laag = f"{stelling.schaal_min}" + (
            f" ({stelling.schaal_label_min})" if stelling.schaal_label_min else ""
        )
        hoog = f"{stelling.schaal_max}" + (
            f" ({stelling.schaal_label_max})" if stelling.schaal_label_max else ""
        )
        n = f" (n = {stelling.schaal_n})" if stelling.schaal_n is not None else ""
        gemiddeld = _nl(stelling.schaal_gemiddelde)
        return f"Gemiddeld {gemiddeld} op een schaal van {laag} tot en met {hoog}{n}."
    if soort == ResultaatSoort.WOORDEN:
        woorden = woorden_tellen(stelling.woorden)
        if woorden:
            return "Genoemd: " + ", ".join(f"{w} ({n}×)" for w, n in woorden) + "."
    if soort == ResultaatSoort.OPEN:
        return "Open vraag, zonder cijfers."
    if soort == ResultaatSoort.EXTERN and stelling.verwijzing:
        return f"De uitslag staat in het verslag van de peiling: {stelling.verwijzing}."
    return "Geen resultaat vastgelegd."


def _staaf(breed=False, **extra):
    instellingen = {
        "style": STIJL,
        "js": (),
        "disable_xml_declaration": True,
        "show_legend": False,
        "width": 640 if breed else 480,
        "height": 140,
        "print_values": True,
        "margin": 8,
    }
    return pygal.HorizontalBar(**(instellingen | extra))


def _telling_as(maximum: int) -> dict:
    """Whole-number ticks for counts (pygal would put 0, 0, 1, 1, ... under small numbers)."""
    maximum = max(int(maximum), 1)
    stap = max(1, math.ceil(maximum / 8))
    return {"range": (0, maximum), "y_labels": list(range(0, maximum + 1, stap))}


@lru_cache(maxsize=512)
def _grafiek(soort: str, labels: tuple, waarden: tuple, breed: bool, schaal=(1, 5)) -> str:
    if soort == ResultaatSoort.SCHAAL:
        # The axis runs from the scale's own minimum: a 1–5 scale is not drawn from 0.
        laag, hoog = schaal
        stap = max(1, math.ceil((hoog - laag) / 10))
        chart = _staaf(
            breed, x_labels=list(labels), range=(laag, hoog),
            y_labels=[{"label": str(i), "value": i} for i in range(laag, hoog + 1, stap)],
            value_formatter=lambda v: _nl(v),
            height=110, zero=laag,
        )  # fmt: skip
        chart.add("Gemiddelde", list(waarden))
    else:
        hoogte = 140 if soort == ResultaatSoort.EENS_ONEENS else 60 + 28 * len(labels)
        chart = _staaf(
            breed, x_labels=list(labels), value_formatter=lambda v: f"{v:.0f}", height=hoogte,
            **_telling_as(max(waarden)),
        )  # fmt: skip
        reeks = "Keer genoemd" if soort == ResultaatSoort.WOORDEN else "Reacties"
        chart.add(reeks, list(waarden))
    return svg_zonder_id(chart)


def stelling_grafiek(stelling, breed=False) -> str:
    """An SVG bar chart of the result, or "" when there is nothing to draw. `breed` for print:
    wider, and with an id that follows from the figures (the PDF's cache key is a hash of its
    HTML). Drawn once per process per result."""
    soort = stelling.resultaat_soort
    sleutel = None
    if soort == ResultaatSoort.EENS_ONEENS and stelling.eens is not None:
        sleutel = (soort, ("Eens", "Oneens"), (stelling.eens or 0, stelling.oneens or 0), breed)
    elif soort == ResultaatSoort.MEERKEUZE:
        keuzes = [(k, n) for k, n in keuzes_tellen(stelling.keuzes) if n is not None]
        if len(keuzes) > 1:  # one answer is a sentence, not a single-bar chart
            labels = tuple(k for k, _ in reversed(keuzes))
            sleutel = (soort, labels, tuple(n for _, n in reversed(keuzes)), breed)
    elif soort == ResultaatSoort.SCHAAL and stelling.schaal_gemiddelde is not None:
        sleutel = (
            soort, ("Gemiddelde",), (float(stelling.schaal_gemiddelde),), breed,
            (stelling.schaal_min, stelling.schaal_max),
        )  # fmt: skip
    elif soort == ResultaatSoort.WOORDEN:
        woorden = woorden_tellen(stelling.woorden)[:10]
        if len(woorden) > 1 and woorden[0][1] > 1:
            labels = tuple(w for w, _ in reversed(woorden))
            sleutel = (soort, labels, tuple(n for _, n in reversed(woorden)), breed)
    if sleutel is None:
        return ""
    svg = id_invullen(_grafiek(*sleutel), sleutel, vaste_id=breed)
    return titel_invullen(svg, stelling_tekst(stelling))
