"""Charts of figures (voorzieningen/charts.py): drawn once per content and reused, an axis from 0
with whole ticks, and a text alternative that says what the chart shows."""

import re

import pytest
from lxml import etree

from voorzieningen import charts
from voorzieningen.constants import KengetalSoort

CHART_ID = re.compile(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SVG = "{http://www.w3.org/2000/svg}"


def test_grafiek_uit_de_cache_krijgt_een_eigen_id_en_volgt_de_data():
    punten = [(2022, 1200), (2023, 1350)]
    voor = charts._grafiek.cache_info().hits
    een = charts.grafiek("Huishoudelijke hulp", KengetalSoort.CLIENTEN, punten)
    twee = charts.grafiek("Huishoudelijke hulp", KengetalSoort.CLIENTEN, punten)
    assert charts._grafiek.cache_info().hits > voor

    # Each chart has one id of its own (pygal scopes its CSS to it): no duplicate ids on a page.
    ids_een, ids_twee = set(CHART_ID.findall(een)), set(CHART_ID.findall(twee))
    assert len(ids_een) == len(ids_twee) == 1 and ids_een != ids_twee
    assert f'id="{ids_een.pop()}"' in een and "00000000-0000" not in een
    assert CHART_ID.sub("", een) == CHART_ID.sub("", twee)
    assert "1.350" in een and "<script" not in een

    # Other figures, service or kind: another chart.
    anders = charts.grafiek(
        "Huishoudelijke hulp", KengetalSoort.CLIENTEN, [(2022, 1200), (2023, 1400)]
    )
    assert "1.400" in anders and "1.350" not in anders
    assert "Begeleiding" in charts.grafiek("Begeleiding", KengetalSoort.CLIENTEN, punten)
    assert "€ 1.350" in charts.grafiek("Geld", KengetalSoort.UITGAVEN, punten)


def test_grafiek_met_vaste_id_is_bij_elke_render_gelijk():
    """A PDF's HTML is hashed for the export cache: the same chart must give the same HTML."""
    punten = [(2022, 1200), (2023, 1350)]
    een = charts.grafiek("Cliënten", KengetalSoort.CLIENTEN, punten, vaste_id=True)
    twee = charts.grafiek("Cliënten", KengetalSoort.CLIENTEN, list(punten), vaste_id=True)
    assert een == twee and len(set(CHART_ID.findall(een))) == 1
    ander = charts.grafiek("Uitgaven", KengetalSoort.UITGAVEN, punten, vaste_id=True)
    assert set(CHART_ID.findall(ander)) != set(CHART_ID.findall(een))


def _as_y(svg: str) -> list[int]:
    """The y-axis labels of a pygal bar chart, as numbers ("€ 5.000.000" → 5000000)."""
    boom = etree.fromstring(svg.encode())
    (as_y,) = [g for g in boom.iter(f"{SVG}g") if g.get("class", "").startswith("axis y")]
    teksten = [t.text for t in as_y.iter(f"{SVG}text")]
    assert teksten and all(re.fullmatch(r"(€ )?\d{1,3}(\.\d{3})*", t) for t in teksten), teksten
    return [int(t.removeprefix("€ ").replace(".", "")) for t in teksten]


@pytest.mark.parametrize(
    ("soort", "punten"),
    [
        (KengetalSoort.CLIENTEN, [(2021, 4410), (2022, 4663)]),  # pygal's own axis showed only 0
        (KengetalSoort.AANBIEDERS, [(2021, 9), (2022, 7), (2023, 3)]),  # small counts: no 2.5
        (KengetalSoort.UITGAVEN, [(2017, 12_980_400), (2018, 13_560_956)]),
    ],
)
def test_as_begint_bij_nul_met_hele_ronde_stappen(soort, punten):
    ticks = _as_y(charts.grafiek("Huishoudelijke hulp", soort, punten))
    assert ticks[0] == 0
    stappen = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(stappen) == 1 and stappen.pop() >= 1  # evenly spaced, whole numbers
    assert ticks[-1] >= max(w for _, w in punten) and 3 <= len(ticks) <= 7


def test_tekstalternatief_zegt_wat_de_grafiek_toont_en_er_is_een_titel():
    svg = charts.grafiek(
        "Hulp bij het huishouden", KengetalSoort.CLIENTEN,
        [(2021, 1234), (2022, 1300), (2023, 1400), (2024, 1456)],
    )  # fmt: skip
    tekst = "Aantal cliënten Hulp bij het huishouden, 2021–2024: van 1.234 naar 1.456."
    boom = etree.fromstring(svg.encode())
    assert boom.get("role") == "img" and boom.get("aria-label") == tekst
    assert boom.find(f"{SVG}title").text == tekst
    assert "Pygal" not in svg
    # The page's caption is the chart's only title: pygal draws none of its own.
    assert not boom.xpath("//svg:text[contains(@class, 'title')]", namespaces={"svg": SVG[1:-1]})


def test_beschrijving_noemt_een_jaar_en_een_piek():
    assert (
        charts.beschrijving("Beschermd wonen", KengetalSoort.CLIENTEN, [(2018, 272)])
        == "Aantal cliënten Beschermd wonen in 2018: 272."
    )
    assert (
        charts.beschrijving(
            "Pleegzorg", KengetalSoort.UITGAVEN, [(2020, 100), (2021, 300), (2022, 200)]
        )
        == "Uitgaven (declaratie) Pleegzorg, 2020–2022: van € 100 naar € 200,"
        " het hoogst in 2021 (€ 300)."
    )


def test_stellinggrafiek_id_per_pagina_nieuw_in_pdf_vast():
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


def test_meerkeuze_met_een_antwoord_is_geen_grafiek():
    from types import SimpleNamespace

    from inkoop.sessies import charts as stelling_charts

    een = SimpleNamespace(resultaat_soort="meerkeuze", keuzes="Ja: 12")
    assert stelling_charts.stelling_grafiek(een) == ""
    assert stelling_charts.stelling_tekst(een) == "12 reacties: Ja 12 (100%)."
    twee = SimpleNamespace(resultaat_soort="meerkeuze", keuzes="Ja: 12\nNee: 3")
    assert stelling_charts.stelling_grafiek(twee).startswith("<svg")
