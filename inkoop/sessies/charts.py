"""Charts of statement results (pygal SVG, the figures' style). They are decorative: the page
prints the same result as text next to them (see `stelling_tekst`), which is what screen readers
and the PDF's text layer get."""

import math
import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

import pygal

from inkoop.sessies.constants import ResultaatSoort
from voorzieningen.charts import STIJL, id_invullen, svg_zonder_id


def woorden_tellen(tekst: str) -> list[tuple[str, int]]:
    """Free words from a poll ("zorg, samen\\nzorg") → [("zorg", 2), ("samen", 1)]."""
    delen = [w.strip() for w in re.split(r"[,;\n]+", tekst or "") if w.strip()]
    teller = Counter(w.lower() for w in delen)
    eerste = {}
    for w in delen:
        eerste.setdefault(w.lower(), w)
    return [(eerste[k], n) for k, n in sorted(teller.items(), key=lambda kv: (-kv[1], kv[0]))]


def _nl(getal, decimalen=1) -> str:
    q = Decimal(1).scaleb(-decimalen)
    return str(Decimal(str(getal)).quantize(q, rounding=ROUND_HALF_UP)).replace(".", ",")


def stelling_tekst(stelling) -> str:
    """The poll result in words: the text equivalent of the chart."""
    soort = stelling.resultaat_soort
    if soort == ResultaatSoort.EENS_ONEENS and stelling.eens is not None:
        totaal = (stelling.eens or 0) + (stelling.oneens or 0)
        deel = f" ({_nl(100 * stelling.eens / totaal, 0)}% eens)" if totaal else ""
        return f"{stelling.eens} eens, {stelling.oneens} oneens{deel}; {totaal} stemmen."
    if soort == ResultaatSoort.SCHAAL and stelling.schaal_gemiddelde is not None:
        n = f" (n = {stelling.schaal_n})" if stelling.schaal_n is not None else ""
        return f"Gemiddeld {_nl(stelling.schaal_gemiddelde)} op een schaal van 1 tot en met 5{n}."
    if soort == ResultaatSoort.WOORDEN:
        woorden = woorden_tellen(stelling.woorden)
        if woorden:
            return "Genoemd: " + ", ".join(f"{w} ({n}×)" if n > 1 else w for w, n in woorden) + "."
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
def _grafiek(soort: str, labels: tuple, waarden: tuple, breed: bool) -> str:
    if soort == ResultaatSoort.SCHAAL:
        chart = _staaf(
            breed, x_labels=list(labels), range=(0, 5), y_labels=[1, 2, 3, 4, 5],
            value_formatter=lambda v: _nl(v), height=110,
        )  # fmt: skip
        chart.add("Gemiddelde", list(waarden))
    else:
        hoogte = 140 if soort == ResultaatSoort.EENS_ONEENS else 60 + 28 * len(labels)
        chart = _staaf(
            breed, x_labels=list(labels), value_formatter=lambda v: f"{v:.0f}", height=hoogte,
            **_telling_as(max(waarden)),
        )  # fmt: skip
        reeks = "Stemmen" if soort == ResultaatSoort.EENS_ONEENS else "Keer genoemd"
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
    elif soort == ResultaatSoort.SCHAAL and stelling.schaal_gemiddelde is not None:
        sleutel = (soort, ("Gemiddelde",), (float(stelling.schaal_gemiddelde),), breed)
    elif soort == ResultaatSoort.WOORDEN:
        woorden = woorden_tellen(stelling.woorden)[:10]
        if len(woorden) > 1 and woorden[0][1] > 1:
            labels = tuple(w for w, _ in reversed(woorden))
            sleutel = (soort, labels, tuple(n for _, n in reversed(woorden)), breed)
    if sleutel is None:
        return ""
    return id_invullen(_grafiek(*sleutel), sleutel, vaste_id=breed)
