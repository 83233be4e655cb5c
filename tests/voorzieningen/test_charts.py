"""Charts are drawn once per content and reused (voorzieningen/charts.py)."""

import re

from voorzieningen import charts
from voorzieningen.constants import KengetalSoort

CHART_ID = re.compile(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def test_grafiek_uit_de_cache_krijgt_een_eigen_id_en_volgt_de_data():
    punten = [(2022, 1200), (2023, 1350)]
    voor = charts._grafiek.cache_info().hits
    een = charts.grafiek("Cliënten", KengetalSoort.CLIENTEN, punten)
    twee = charts.grafiek("Cliënten", KengetalSoort.CLIENTEN, punten)
    assert charts._grafiek.cache_info().hits > voor

    # Each chart has one id of its own (pygal scopes its CSS to it): no duplicate ids on a page.
    ids_een, ids_twee = set(CHART_ID.findall(een)), set(CHART_ID.findall(twee))
    assert len(ids_een) == len(ids_twee) == 1 and ids_een != ids_twee
    assert f'id="{ids_een.pop()}"' in een and "00000000-0000" not in een
    assert CHART_ID.sub("", een) == CHART_ID.sub("", twee)
    assert "1.350" in een and "<script" not in een

    # Other figures, title or kind: another chart.
    anders = charts.grafiek("Cliënten", KengetalSoort.CLIENTEN, [(2022, 1200), (2023, 1400)])
    assert "1.400" in anders and "1.350" not in anders
    assert "Uitgaven" in charts.grafiek("Uitgaven", KengetalSoort.UITGAVEN, punten)
    assert "€ 1.350" in charts.grafiek("Geld", KengetalSoort.UITGAVEN, punten)


def test_grafiek_met_vaste_id_is_bij_elke_render_gelijk():
    """A PDF's HTML is hashed for the export cache: the same chart must give the same HTML."""
    punten = [(2022, 1200), (2023, 1350)]
    een = charts.grafiek("Cliënten", KengetalSoort.CLIENTEN, punten, vaste_id=True)
    twee = charts.grafiek("Cliënten", KengetalSoort.CLIENTEN, list(punten), vaste_id=True)
    assert een == twee and len(set(CHART_ID.findall(een))) == 1
    ander = charts.grafiek("Uitgaven", KengetalSoort.UITGAVEN, punten, vaste_id=True)
    assert set(CHART_ID.findall(ander)) != set(CHART_ID.findall(een))


def test_stellinggrafiek_id_per_pagina_nieuw_in_pdf_vast():
    import re
    from types import SimpleNamespace

    from inkoop.sessies import charts as stelling_charts

    stelling = SimpleNamespace(resultaat_soort="eens_oneens", eens=14, oneens=3)
    ids = [
        re.search(r'id="(chart-[^"]+)"', stelling_charts.stelling_grafiek(stelling)).group(1)
        for _ in range(2)
    ]
    assert ids[0] != ids[1]  # two statements with the same figures on one page
    pdf = [stelling_charts.stelling_grafiek(stelling, breed=True) for _ in range(2)]
    assert pdf[0] == pdf[1] and "00000000-0000" not in pdf[0]
