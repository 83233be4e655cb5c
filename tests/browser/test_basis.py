"""Journey: log in, find a region and a service, read its figures; axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from regions.constants import Rol
from tests.browser.conftest import toegankelijk
from tests.factories import (
    DeelnameFactory,
    KengetalFactory,
    LidmaatschapFactory,
    RegioFactory,
    RoltoewijzingFactory,
    UserFactory,
    VoorzieningFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def gegevens():
    regio = RegioFactory(naam="Regio Gooi en Vechtstreek", slug="gv")
    leden = [LidmaatschapFactory(regio=regio, gemeente__naam=n).gemeente
             for n in ("Blaricum", "Eemnes", "Hilversum")]  # fmt: skip
    hh = VoorzieningFactory(regio=regio, naam="Huishoudelijke hulp", slug="hh")
    DeelnameFactory(voorziening=hh, gemeente=leden[1], toelichting="Koopt lokaal in")
    KengetalFactory(voorziening=hh, jaar=2017, waarde=12980400)
    KengetalFactory(voorziening=hh, jaar=2018, waarde=13560956)
    user = UserFactory(username="lezer", first_name="Lars", last_name="Smit")
    RoltoewijzingFactory(gebruiker=user, regio=regio, rol=Rol.LEZER)
    return regio


def test_inlogpagina_is_toegankelijk(pagina):
    pagina.goto("/account/inloggen/")
    expect(pagina.get_by_role("heading", name="Inloggen")).to_be_visible()
    toegankelijk(pagina, "inlogpagina")


def test_lezer_vindt_regio_en_voorziening(inloggen, gegevens):
    pagina = inloggen("lezer")
    expect(pagina.get_by_role("heading", name="Mijn regio's")).to_be_visible()
    toegankelijk(pagina, "regio-overzicht")

    pagina.get_by_role("link", name="Regio Gooi en Vechtstreek").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Regio Gooi en Vechtstreek")
    toegankelijk(pagina, "regiopagina")

    pagina.get_by_role("link", name="Huishoudelijke hulp").click()
    expect(pagina).to_have_url(re.compile(r"/voorzieningen/hh/$"))
    expect(pagina.get_by_text("Neemt niet deel")).to_be_visible()
    expect(pagina.get_by_role("cell", name="€ 13.560.956")).to_be_visible()
    # The chart is an image named by what it shows (issue 17).
    naam = (
        "Uitgaven (declaratie) Huishoudelijke hulp, 2017–2018: van € 12.980.400 naar € 13.560.956."
    )
    expect(pagina.get_by_role("img", name=naam, exact=True)).to_be_visible()
    toegankelijk(pagina, "voorzieningpagina")


def test_skiplink_is_eerste_tab_stop(inloggen, gegevens):
    pagina = inloggen("lezer")
    pagina.keyboard.press("Tab")
    gefocust = pagina.evaluate("() => document.activeElement.textContent.trim()")
    assert gefocust == "Naar de inhoud"
    pagina.keyboard.press("Enter")
    assert pagina.evaluate("() => document.activeElement.id") == "inhoud"


def test_axe_controle_vangt_overtredingen(pagina):
    """The accessibility check itself must be able to fail."""
    pagina.set_content('<html><body><main><img src="x.png"><input></main></body></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        toegankelijk(pagina, "kapotte pagina")
