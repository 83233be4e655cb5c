"""Journey (issue 12): a director opens the review page from Mijn werk, sees the changes as
tracked changes (rendered text, never markup), approves; axe-core at 1280 and 390 px, and the
page does not scroll sideways at 390 px."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from inkoop.demo.demodata import DEMO_WACHTWOORD
from tests.browser.conftest import toegankelijk
from uitgangspunten.constants import Beoordeling
from uitgangspunten.models import Sectie, Versie

pytestmark = pytest.mark.django_db(transaction=True)

TITEL = "Inkoopstrategie Wmo en Jeugdhulp 2027 e.v."


def _niet_zijwaarts(pagina):
    breed = pagina.evaluate("() => document.documentElement.scrollWidth")
    te_breed = pagina.evaluate(
        """(w) => [...document.querySelectorAll('body *')].filter(e => {
            const r = e.getBoundingClientRect(); return r.right > w + 1 && r.width > 0;
        }).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(
            e.getBoundingClientRect().right))""",
        pagina.viewport_size["width"],
    )
    assert breed <= pagina.viewport_size["width"], f"pagina scrolt zijwaarts: {breed}px {te_breed}"


def test_directeur_beoordeelt_vanuit_mijn_werk_en_keurt_goed(inloggen):
    call_command("load_demo", force=True, verbosity=0)
    versie = Versie.objects.get(document__titel=TITEL, nummer=2)
    assert versie.beoordeling == Beoordeling.INGEDIEND
    pagina = inloggen("directeur", DEMO_WACHTWOORD)

    pagina.goto("/mijn-werk/")
    pagina.get_by_role("link", name=f"{TITEL}, versie 2").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(f"{TITEL}, versie 2")
    wijzigingen = pagina.get_by_role("region", name="Wijzigingen ten opzichte van versie 1")
    expect(wijzigingen.locator(".app-diff ins").first).to_contain_text(
        "Na het PFHO is de paragraaf over de percelen aangescherpt."
    )
    # Rendered text: bold is bold, the footnote is a number; no markup.
    tekst = wijzigingen.inner_text()
    assert "**" not in tekst and "[^" not in tekst
    expect(wijzigingen.locator("strong", has_text="visie").first).to_be_attached()
    toegankelijk(pagina, "beoordelingspagina 1280 px")
    pagina.set_viewport_size({"width": 390, "height": 844})
    toegankelijk(pagina, "beoordelingspagina 390 px")
    _niet_zijwaarts(pagina)
    pagina.set_viewport_size({"width": 1280, "height": 900})

    pagina.get_by_label("Goedkeuren").check()
    pagina.get_by_role("textbox", name="Opmerking").fill("Akkoord, goed verwerkt.")
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    expect(pagina.get_by_text("Versie 2 is goedgekeurd.")).to_be_visible()
    expect(pagina.get_by_role("region", name="Uitkomst")).to_contain_text("Akkoord, goed verwerkt.")
    versie.refresh_from_db()
    assert versie.beoordeling == Beoordeling.GOEDGEKEURD
    toegankelijk(pagina, "beoordelingspagina met uitkomst")

    # The draft after version 2: the first paragraph moved to the end, one word made bold.
    document_id = versie.document_id
    sectie = Sectie.objects.get(document_id=document_id, titel="Inleiding")
    eerste, tweede, noot, *_ = sectie.tekst.split("\n\n")
    pfho = "Na het **PFHO** is de paragraaf over de percelen aangescherpt."
    sectie.tekst = "\n\n".join([tweede, pfho, eerste, noot])
    sectie.save()
    concept = f"/documenten/{document_id}/vergelijken/?van=2&naar=concept"
    pagina.goto(concept)
    expect(pagina.locator(".app-diff__verplaatst")).to_have_count(2)
    expect(pagina.locator(".app-diff .app-diff__opmaak")).to_have_text("opmaak gewijzigd: PFHO")
    expect(pagina.locator(".app-diff ins, .app-diff del")).to_have_count(0)

    # The compare page and the history page: tracked changes, accessible, no sideways scroll.
    for pad in (f"/documenten/{document_id}/vergelijken/?van=1&naar=2", concept,
                f"/documenten/{document_id}/historie/"):  # fmt: skip
        for breedte in (1280, 390):
            pagina.set_viewport_size({"width": breedte, "height": 900})
            pagina.goto(pad)
            toegankelijk(pagina, f"{pad} bij {breedte} px")
            _niet_zijwaarts(pagina)


def test_lang_concept_inhoud_volgt_de_lezer_en_vastleggen_is_bereikbaar(inloggen):
    call_command("load_demo", force=True, verbosity=0)
    versie = Versie.objects.get(document__titel=TITEL, nummer=2)
    pagina = inloggen("adviseur", DEMO_WACHTWOORD)
    pagina.goto(f"/documenten/{versie.document_id}/")
    pagina.mouse.wheel(0, 4000)  # far down the page
    inhoud = pagina.get_by_role("navigation", name="Inhoud van het concept")
    expect(inhoud).to_be_in_viewport()
    inhoud.get_by_role("link", name="Versie vastleggen").click()
    expect(pagina.get_by_role("button", name="Versie vastleggen")).to_be_in_viewport()
    for breedte in (1280, 390):
        pagina.set_viewport_size({"width": breedte, "height": 900})
        toegankelijk(pagina, f"concept bij {breedte} px")
        _niet_zijwaarts(pagina)
