"""Journeys of every role over the pages that exist now, with axe-core (WCAG 2.1 AA) on every
page visited, and a keyboard-only walk through the header, the main nav and the content.

The data is the demo (load_demo): real names and figures, several rounds, a document."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from inkoop.demo.demodata import DEMO_WACHTWOORD
from regions.models import Regio
from tests.browser.conftest import toegankelijk

pytestmark = pytest.mark.django_db(transaction=True)

ROLLEN = ["adviseur", "directeur", "wethouder", "secretaris", "lezer"]


@pytest.fixture
def demo():
    call_command("load_demo", force=True, verbosity=0)
    regio = Regio.objects.get(slug="gooi-en-vechtstreek")
    traject = regio.trajecten.order_by("-startjaar").first()
    document = traject.documenten.first()
    return {
        "regio": regio,
        "voorziening": regio.voorzieningen.order_by("volgorde", "naam").first(),
        "traject": traject,
        "document": document,
        "uitgangspunt": traject.uitgangspunten.order_by("volgorde").first(),
    }


@pytest.mark.parametrize("username", ROLLEN)
def test_rol_vindt_regio_voorziening_traject_document_en_werk(inloggen, demo, username):
    pagina = inloggen(username, DEMO_WACHTWOORD)
    regio, traject = demo["regio"], demo["traject"]
    expect(pagina.get_by_role("heading", name="Mijn regio's")).to_be_visible()
    toegankelijk(pagina, f"{username}: regio-overzicht")

    pagina.get_by_role("link", name=regio.naam).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(regio.naam)
    toegankelijk(pagina, f"{username}: regiopagina")

    voorziening = demo["voorziening"]
    pagina.get_by_role("main").get_by_role("link", name=voorziening.naam, exact=True).first.click()
    expect(pagina).to_have_url(re.compile(rf"/voorzieningen/{voorziening.slug}/$"))
    expect(pagina.get_by_role("heading", level=1)).to_contain_text(voorziening.naam)
    toegankelijk(pagina, f"{username}: voorziening")

    pagina.goto(regio.get_absolute_url())
    pagina.get_by_role("main").get_by_role("link", name=traject.naam, exact=True).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(traject.naam)
    toegankelijk(pagina, f"{username}: traject")

    document = demo["document"]
    if username == "lezer":
        # Readers see adopted documents only; the draft is not theirs to open.
        assert pagina.get_by_role("link", name=document.titel, exact=True).count() == 0
        antwoord = pagina.goto(document.get_absolute_url())
        assert antwoord.status == 403
        toegankelijk(pagina, "lezer: geen toegang")
    else:
        pagina.get_by_role("link", name=document.titel, exact=True).click()
        expect(pagina.get_by_role("heading", level=1)).to_contain_text(document.titel)
        toegankelijk(pagina, f"{username}: document")
        pagina.goto(demo["uitgangspunt"].get_absolute_url())
        expect(pagina.get_by_role("heading", level=1)).to_contain_text(demo["uitgangspunt"].titel)
        toegankelijk(pagina, f"{username}: uitgangspunt")

    hoofdmenu = pagina.get_by_role("navigation", name="Hoofdmenu")
    hoofdmenu.get_by_role("link", name="Mijn werk").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    expect(hoofdmenu.get_by_role("link", name="Mijn werk")).to_have_attribute(
        "aria-current", "page"
    )
    toegankelijk(pagina, f"{username}: mijn werk")
    # The system status is for administrators only.
    expect(hoofdmenu.get_by_role("link", name="Systeemstatus")).to_have_count(0)


def test_beheerder_vindt_systeemstatus_in_het_menu(inloggen, demo):
    pagina = inloggen("beheerder", DEMO_WACHTWOORD)
    hoofdmenu = pagina.get_by_role("navigation", name="Hoofdmenu")
    hoofdmenu.get_by_role("link", name="Systeemstatus").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Systeemstatus")
    toegankelijk(pagina, "beheerder: status")
    pagina.get_by_role("button", name="Controle starten").click()
    expect(pagina.locator("#statuscontrole")).to_contain_text("Worker antwoordt")
    toegankelijk(pagina, "beheerder: status na controle")


def _focus(pagina) -> dict:
    return pagina.evaluate(
        """() => {
            const el = document.activeElement;
            const stijl = getComputedStyle(el);
            return {
                tekst: (el.innerText || el.value || '').trim(),
                tag: el.tagName.toLowerCase(),
                inNav: !!el.closest('nav[aria-label="Hoofdmenu"]'),
                inMain: !!el.closest('main'),
                zichtbaar: (stijl.outlineStyle !== 'none' && parseFloat(stijl.outlineWidth) > 0)
                           || stijl.boxShadow !== 'none',
            };
        }"""
    )


def test_toetsenbord_bereikt_menu_en_inhoud_met_zichtbare_focus(inloggen, demo):
    pagina = inloggen("adviseur", DEMO_WACHTWOORD)
    pagina.goto("/")
    stops = []
    for _ in range(25):
        pagina.keyboard.press("Tab")
        stops.append(_focus(pagina))
        if stops[-1]["inMain"]:
            break
    teksten = [s["tekst"] for s in stops]
    assert teksten[0] == "Naar de inhoud"
    nav = [s["tekst"] for s in stops if s["inNav"]]
    assert nav[:2] == ["Regio's", "Mijn werk"], teksten
    assert "Systeemstatus" not in nav, teksten
    assert "Uitloggen" in nav
    assert stops[-1]["inMain"], f"de inhoud werd niet bereikt: {teksten}"
    zonder_focus = [s["tekst"] for s in stops if not s["zichtbaar"]]
    assert zonder_focus == [], f"geen zichtbare focus op: {zonder_focus}"

    # Keyboard only: from the first link in the content, on to the region page.
    for _ in range(10):
        if _focus(pagina)["tekst"] == demo["regio"].naam:
            break
        pagina.keyboard.press("Tab")
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_role("heading", level=1)).to_have_text(demo["regio"].naam)


def test_skiplink_slaat_menu_over(inloggen, demo):
    pagina = inloggen("directeur", DEMO_WACHTWOORD)
    pagina.goto(demo["traject"].get_absolute_url())
    pagina.keyboard.press("Tab")
    pagina.keyboard.press("Enter")
    pagina.keyboard.press("Tab")
    focus = _focus(pagina)
    assert focus["inMain"], focus


def test_smal_scherm_menu_met_toetsenbord(inloggen, demo, pagina):
    """On a phone-sized screen the menu folds behind a button that works by keyboard."""
    pagina.set_viewport_size({"width": 375, "height": 740})
    inloggen("lezer", DEMO_WACHTWOORD)
    knop = pagina.get_by_role("button", name="Menu")
    expect(knop).to_be_visible()
    expect(knop).to_have_attribute("aria-expanded", "false")
    knop.focus()
    pagina.keyboard.press("Enter")
    expect(knop).to_have_attribute("aria-expanded", "true")
    expect(pagina.get_by_role("link", name="Mijn werk")).to_be_visible()
    toegankelijk(pagina, "smal scherm, menu open")
    pagina.keyboard.press("Escape")
    expect(knop).to_have_attribute("aria-expanded", "false")


def test_foutpaginas_toegankelijk(inloggen, demo):
    pagina = inloggen("lezer", DEMO_WACHTWOORD)
    antwoord = pagina.goto("/regio/bestaat-niet/")
    assert antwoord.status == 404
    toegankelijk(pagina, "404")
