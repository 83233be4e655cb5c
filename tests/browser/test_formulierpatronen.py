"""GOV.UK/NL Design System form patterns: the error summary takes focus and links to the field."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import toegankelijk

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("breedte", [1280, 390])
def test_foutoverzicht_krijgt_focus_en_linkt_naar_het_veld(pagina, breedte):
    pagina.set_viewport_size({"width": breedte, "height": 900})
    pagina.goto("/account/inloggen/")
    pagina.get_by_label("Wachtwoord").fill("iets")
    pagina.get_by_role("button", name="Inloggen").click()

    overzicht = pagina.locator("[data-foutoverzicht]")
    expect(overzicht).to_be_focused()
    expect(overzicht).to_contain_text("Inloggen is niet gelukt")
    toegankelijk(pagina, f"inlogpagina met fout ({breedte} px)")

    overzicht.get_by_role("link").first.click()
    expect(pagina.get_by_label("Gebruikersnaam")).to_be_focused()


@pytest.mark.parametrize("breedte", [1280, 390])
def test_voettekst_links_werken_en_pictogrammen_bestaan(pagina, breedte):
    pagina.set_viewport_size({"width": breedte, "height": 900})
    niet_gevonden = []
    pagina.on("response", lambda r: niet_gevonden.append(r.url) if r.status >= 400 else None)
    pagina.goto("/account/inloggen/")
    voettekst = pagina.get_by_role("navigation", name="Over deze site")
    for naam, kop in [("Toegankelijkheid", "Toegankelijkheidsverklaring"),
                      ("Privacy", "Privacy"), ("Contact", "Contact")]:  # fmt: skip
        voettekst.get_by_role("link", name=naam).click()
        expect(pagina.get_by_role("heading", level=1)).to_have_text(kop)
        toegankelijk(pagina, f"{kop} ({breedte} px)")
        voettekst = pagina.get_by_role("navigation", name="Over deze site")
    expect(pagina.get_by_role("contentinfo")).to_contain_text("Versie ")
    for pad in ("/favicon.ico", "/apple-touch-icon.png"):
        assert pagina.request.get(pad).ok, pad
    assert niet_gevonden == []
