"""Journey: advisor submits, director approves, secretary records PFHO and two college decisions."""

import pytest
from playwright.sync_api import expect

from inkoop.trajecten.constants import GremiumSoort
from regions.constants import Rol
from tests.browser.conftest import datum_invullen, toegankelijk
from tests.factories import (
    DocumentFactory,
    GremiumFactory,
    LidmaatschapFactory,
    RegioFactory,
    RoltoewijzingFactory,
    TrajectFactory,
    UserFactory,
)
from tests.factories.besluitvorming import CollegeFactory, VersieFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def gegevens():
    regio = RegioFactory(naam="Regio Gooi en Vechtstreek", slug="gv")
    for naam in ("Blaricum", "Hilversum", "Huizen"):
        gemeente = LidmaatschapFactory(regio=regio, gemeente__naam=naam).gemeente
        CollegeFactory(regio=regio, gemeente=gemeente)
    GremiumFactory(regio=regio, soort=GremiumSoort.PFHO, naam="PFHO Sociaal Domein")
    traject = TrajectFactory(regio=regio, naam="Inkoop 2027", slug="inkoop-2027")
    gebruikers = {}
    for username, rol in (("adviseur", Rol.BELEIDSADVISEUR), ("directeur", Rol.DIRECTEUR),
                          ("secretaris", Rol.SECRETARIS)):  # fmt: skip
        gebruikers[username] = UserFactory(username=username)
        RoltoewijzingFactory(gebruiker=gebruikers[username], regio=regio, rol=rol)
    document = DocumentFactory(traject=traject, titel="Uitgangspuntennotitie 2027")
    VersieFactory(document=document, nummer=1, auteur=gebruikers["adviseur"])
    return document


def _besluit(pagina, gremium):
    pagina.get_by_role("link", name="Besluit vastleggen").click()
    expect(pagina.get_by_role("heading", name="Besluit vastleggen")).to_be_visible()
    toegankelijk(pagina, f"besluitformulier {gremium}")
    pagina.get_by_label("Gremium").select_option(label=gremium)
    datum_invullen(pagina, "Datum van het besluit", "2027-03-01")
    uitkomst = "Vrijgegeven voor advies" if gremium.startswith("PFHO") else "Vastgesteld"
    pagina.get_by_label("Uitkomst", exact=True).select_option(label=uitkomst)
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    expect(pagina.get_by_text(f"Het besluit van {gremium} is vastgelegd.")).to_be_visible()


def test_van_concept_tot_collegebesluit(inloggen, gegevens):
    besluitpagina = f"/documenten/{gegevens.pk}/besluitvorming/"

    pagina = inloggen("adviseur")
    pagina.goto(besluitpagina)
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Uitgangspuntennotitie 2027")
    toegankelijk(pagina, "besluitvorming (adviseur)")
    pagina.get_by_role("button", name="Versie 1 indienen ter beoordeling").click()
    expect(pagina.get_by_text("Versie 1 is ingediend.")).to_be_visible()
    toegankelijk(pagina, "na indienen")

    pagina = inloggen("directeur")
    pagina.goto("/mijn-werk/")
    toegankelijk(pagina, "mijn werk (directeur)")
    pagina.get_by_role("link", name="Uitgangspuntennotitie 2027, versie 1").click()
    # Mijn werk opens the review page (issue 12): one decision form.
    pagina.get_by_label("Goedkeuren").check()
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    expect(pagina.get_by_text("Versie 1 is goedgekeurd.")).to_be_visible()
    toegankelijk(pagina, "na goedkeuren")

    pagina = inloggen("secretaris")
    pagina.goto(besluitpagina)
    _besluit(pagina, "PFHO Sociaal Domein")
    _besluit(pagina, "College van B&W Blaricum")
    _besluit(pagina, "College van B&W Huizen")
    expect(pagina.locator("#samenvatting")).to_contain_text("Vastgesteld door 2 van 3 colleges")
    expect(pagina.get_by_text("Nog niet vastgesteld door: Hilversum.")).to_be_visible()
    toegankelijk(pagina, "besluitvorming na collegebesluiten")

    pagina.get_by_role("link", name="Besluitenlijst").click()
    expect(pagina.get_by_role("cell", name="Vastgesteld")).to_have_count(2)
    toegankelijk(pagina, "besluitenlijst")

    pagina.goto("/regio/gv/")
    expect(pagina.get_by_text("vastgesteld door 2 van 3 colleges")).to_be_visible()
    toegankelijk(pagina, "regiopagina")


def test_route_en_voorstel_pagina_toegankelijk(inloggen, gegevens):
    pagina = inloggen("adviseur")
    pagina.goto("/regio/gv/trajecten/inkoop-2027/route/")
    toegankelijk(pagina, "route (standaard)")
    pagina.get_by_role("button", name="Standaardroute opslaan om aan te passen").click()
    pagina.get_by_role("button", name="Omlaag: stap 1").click()
    expect(pagina.get_by_role("row").nth(1)).to_contain_text("Portefeuillehoudersoverleg")
    toegankelijk(pagina, "route (opgeslagen)")
    pagina.goto("/regio/gv/trajecten/inkoop-2027/voorstellen/nieuw/")
    toegankelijk(pagina, "nieuw voorstel")
    pagina.get_by_label("Aan", exact=True).select_option(label="PFHO Sociaal Domein")
    pagina.get_by_label("Onderwerp", exact=True).fill("Uitgangspunten vrijgeven")
    pagina.get_by_label("Beslispunten").fill("Vrijgeven voor advies\nKennisnemen van de planning")
    pagina.get_by_role("button", name="Voorstel opslaan").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(
        "Voorstel: Uitgangspunten vrijgeven"
    )
    toegankelijk(pagina, "voorstel")


def _tab_naar(pagina, selector, max_stappen=40):
    for _ in range(max_stappen):
        pagina.keyboard.press("Tab")
        if pagina.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} niet bereikt met Tab")


@pytest.mark.parametrize("breedte", [1280, 390])
def test_toetsenbord_legt_besluit_vast_zonder_standaarduitkomst(inloggen, gegevens, breedte):
    """Keyboard only: the outcome starts empty, leaving it empty gives the error summary, its
    link leads to the field, and choosing an outcome records the decision."""
    gegevens.versies.update(beoordeling="goedgekeurd")
    pagina = inloggen("secretaris")
    pagina.set_viewport_size({"width": breedte, "height": 900})
    pagina.goto("/regio/gv/trajecten/inkoop-2027/besluiten/nieuw/")
    expect(pagina.get_by_label("Uitkomst", exact=True)).to_have_value("")
    _tab_naar(pagina, "#id_gremium")
    pagina.keyboard.type("PFHO")
    expect(pagina.get_by_label("Gremium")).to_have_value(
        str(gegevens.traject.regio.gremia.get(naam="PFHO Sociaal Domein").pk)
    )
    _tab_naar(pagina, "button[type=submit].utrecht-button--primary-action")
    pagina.keyboard.press("Enter")

    overzicht = pagina.locator("[data-foutoverzicht]")
    expect(overzicht).to_be_focused()
    toegankelijk(pagina, f"besluitformulier met fout ({breedte} px)")
    pagina.keyboard.press("Tab")
    expect(overzicht.get_by_role("link", name="Uitkomst")).to_be_focused()
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_label("Uitkomst", exact=True)).to_be_focused()
    pagina.keyboard.type("Vrij")
    expect(pagina.get_by_label("Uitkomst", exact=True)).to_have_value("vrijgegeven")
    _tab_naar(pagina, "button[type=submit].utrecht-button--primary-action")
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_text("Het besluit van PFHO Sociaal Domein is vastgelegd.")).to_be_visible()


@pytest.mark.parametrize("breedte", [1280, 390])
def test_mijn_werk_na_een_nieuwere_versie_zonder_verouderd_item(inloggen, gegevens, breedte):
    adviseur = gegevens.versies.get().auteur
    gegevens.versies.update(beoordeling="goedgekeurd")
    pagina = inloggen("adviseur")
    pagina.set_viewport_size({"width": breedte, "height": 900})
    pagina.goto("/mijn-werk/")
    werk = pagina.get_by_role("region", name="Voorstellen voor te bereiden")
    expect(werk.get_by_role("link", name="voorstel opstellen")).to_have_count(1)

    VersieFactory(document=gegevens, nummer=2, auteur=adviseur)
    pagina.reload()
    expect(werk.get_by_role("link", name="voorstel opstellen")).to_have_count(0)
    expect(werk).to_contain_text("Er wachten geen goedgekeurde versies op een voorstel.")
    toegankelijk(pagina, f"mijn werk na een nieuwere versie ({breedte} px)")
