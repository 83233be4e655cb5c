import pytest

from tests.factories import (
    DeelnameFactory,
    KengetalFactory,
    LidmaatschapFactory,
    PerceelFactory,
    VoorzieningFactory,
)
from tests.utils import assert_constant_queries
from voorzieningen.constants import KengetalSoort

pytestmark = pytest.mark.django_db


@pytest.fixture
def voorziening(regio):
    perceel = PerceelFactory(regio=regio, naam="Wmo – HbH")
    return VoorzieningFactory(regio=regio, naam="Huishoudelijke hulp", slug="hh", perceel=perceel)


def test_detail_toont_kenmerken_deelname_en_grafiek(client_als, lezer, regio, voorziening):
    eemnes = LidmaatschapFactory(regio=regio, gemeente__naam="Eemnes").gemeente
    DeelnameFactory(voorziening=voorziening, gemeente=eemnes, toelichting="Koopt lokaal in")
    KengetalFactory(voorziening=voorziening, jaar=2017, waarde=12980400)
    KengetalFactory(voorziening=voorziening, jaar=2018, waarde=13560956)
    KengetalFactory(voorziening=voorziening, jaar=2018, soort=KengetalSoort.CLIENTEN, waarde=4663)
    response = client_als(lezer).get(voorziening.get_absolute_url())
    assert response.status_code == 200
    html = response.text
    assert "Wmo 2015" in html and "Maatwerkvoorziening" in html and "Regionaal" in html
    assert "Wmo – HbH" in html
    assert "Neemt niet deel" in html and "Koopt lokaal in" in html
    assert html.count("Neemt deel") == 3  # the three other members
    assert "<script" not in html.split("<main", 1)[1]
    assert "€ 13.560.956" in html  # the table beside the chart


def _grafieken(html):
    """The figures' <figure>s of a page: caption, SVG (with its text alternative), table."""
    import lxml.html

    return lxml.html.fromstring(html).xpath("//figure[contains(@class, 'app-chart')]")


def test_een_titel_per_grafiek_en_een_jaar_als_tekst(client_als, lezer, voorziening):
    for jaar, waarde in ((2017, 12980400), (2018, 13560956)):
        KengetalFactory(voorziening=voorziening, jaar=jaar, waarde=waarde)
    KengetalFactory(voorziening=voorziening, jaar=2018, soort=KengetalSoort.CLIENTEN, waarde=4663)
    uitgaven, clienten = sorted(
        _grafieken(client_als(lezer).get(voorziening.get_absolute_url()).text),
        key=lambda f: "Cliënten" in f.text_content(),
    )
    # Two years: a chart named by what it shows, the table beside it; one visible title.
    (svg,) = uitgaven.xpath(".//*[local-name()='svg']")
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == (
        "Uitgaven (declaratie) Huishoudelijke hulp, 2017–2018: van € 12.980.400 naar € 13.560.956."
    )
    assert uitgaven.findtext("figcaption").strip() == "Uitgaven (€, declaratie)"
    assert "visually-hidden" in uitgaven.find(".//caption").get("class")
    assert not svg.xpath(".//*[local-name()='text'][contains(@class, 'title')]")
    assert [td.text for td in uitgaven.iter("td")] == ["€ 12.980.400", "€ 13.560.956"]
    # One year: the figure as text, no single-bar chart.
    assert not clienten.xpath(".//*[local-name()='svg']")
    assert " ".join(clienten.find("p").text_content().split()) == "4.663 in 2018"


def test_andere_regio_geweigerd(client_als, met_rol, andere_regio, voorziening):
    user = met_rol(regio=andere_regio)
    assert client_als(user).get(voorziening.get_absolute_url()).status_code == 403


def test_detail_query_aantal_groeit_niet(client_als, lezer, regio, voorziening):
    client = client_als(lezer)

    def data(n):
        for _ in range(n):
            lid = LidmaatschapFactory(regio=regio)
            DeelnameFactory(voorziening=voorziening, gemeente=lid.gemeente)
            KengetalFactory(voorziening=voorziening)
            VoorzieningFactory(regio=regio, parent=voorziening)

    assert_constant_queries(data, lambda: client.get(voorziening.get_absolute_url()))
