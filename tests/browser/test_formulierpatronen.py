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
