"""Journey: an advisor edits a section inline, reorders sections, reloads and sees both kept."""

import re

import pytest
from playwright.sync_api import expect

from regions.constants import Rol
from tests.browser.conftest import toegankelijk
from tests.factories import (
    DocumentFactory,
    RegioFactory,
    RoltoewijzingFactory,
    SectieFactory,
    TrajectFactory,
    UitgangspuntFactory,
    UserFactory,
)
from uitgangspunten.constants import SectieSoort
from uitgangspunten.models import Sectie

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def document():
    regio = RegioFactory(naam="Regio Gooi en Vechtstreek", slug="gv")
    adviseur = UserFactory(username="adviseur", first_name="Anna", last_name="de Vries")
    RoltoewijzingFactory(gebruiker=adviseur, regio=regio, rol=Rol.BELEIDSADVISEUR)
    traject = TrajectFactory(regio=regio, naam="Inkoop 2027", slug="inkoop-2027")
    document = DocumentFactory(
        traject=traject, titel="Uitgangspuntennotitie", aangemaakt_door=adviseur
    )
    SectieFactory(document=document, titel="Inleiding", tekst="De oude inleiding.", volgorde=0)
    SectieFactory(document=document, titel="Evaluatie", tekst="Wat ging goed.", volgorde=1)
    SectieFactory(
        document=document, soort=SectieSoort.ALGEMENE_UITGANGSPUNTEN, titel="Uitgangspunten",
        tekst="", volgorde=2,
    )  # fmt: skip
    UitgangspuntFactory(traject=traject, titel="Minder aanbieders, meer partnerschap")
    return document


def titels(document):
    return list(
        Sectie.objects.filter(document=document)
        .order_by("volgorde")
        .values_list("titel", flat=True)
    )


def test_adviseur_bewerkt_en_herordent_secties(inloggen, document):
    pagina = inloggen("adviseur")
    pagina.goto(f"/documenten/{document.pk}/")
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Uitgangspuntennotitie")
    toegankelijk(pagina, "documenteditor")

    # Edit the first section inline: no page load; the editor's toolbar adds a footnote.
    pagina.get_by_role("link", name=re.compile(r"^Bewerken ?: Inleiding$")).click()
    tekstvak = pagina.get_by_role("textbox", name=re.compile(r"^Tekst"))
    expect(tekstvak).to_be_focused()
    toegankelijk(pagina, "documenteditor met open sectie")
    tekstvak.fill("De nieuwe inleiding.")
    tekstvak.press("End")
    pagina.get_by_role("button", name="Voetnoot").click()
    markdown = pagina.locator("textarea[data-opmaak]")
    assert "[^1]: Tekst van de voetnoot" in markdown.input_value()
    pagina.keyboard.type("Bron: jaarrekening 2025.")
    pagina.keyboard.press("Enter")
    url_voor = pagina.url
    pagina.get_by_role("button", name="Opslaan", exact=True).click()
    sectie = pagina.locator("li[data-sectie-id]").first
    expect(sectie.get_by_text("De nieuwe inleiding.")).to_be_visible()
    expect(pagina.locator("#opslagstatus")).to_have_text("Opgeslagen")
    expect(sectie.get_by_text("Bron: jaarrekening 2025.")).to_be_visible()
    assert pagina.url == url_voor

    # Reorder with the keyboard-friendly button: Evaluatie moves above Inleiding.
    pagina.get_by_role("button", name=re.compile(r"^Omhoog ?: Evaluatie$")).click()
    expect(pagina.locator("#opslagstatus")).to_contain_text("verplaatst")
    expect(pagina.locator("li[data-sectie-id] h2").first).to_have_text("Evaluatie")

    pagina.reload()
    koppen = pagina.locator("li[data-sectie-id] section > h2")
    expect(koppen).to_have_text(["Evaluatie", "Inleiding", "Uitgangspunten"])
    expect(pagina.get_by_text("De nieuwe inleiding.")).to_be_visible()
    assert titels(document) == ["Evaluatie", "Inleiding", "Uitgangspunten"]
    toegankelijk(pagina, "documenteditor na herladen")


def test_slepen_bewaart_volgorde(inloggen, document):
    pagina = inloggen("adviseur")
    # Tall enough that source and target are both on screen (no scrolling mid-drag).
    pagina.set_viewport_size({"width": 1280, "height": 2400})
    pagina.goto(f"/documenten/{document.pk}/")
    secties = pagina.locator("li[data-sectie-id]")
    expect(secties.first).to_have_attribute("draggable", "true")
    secties.nth(1).drag_to(secties.nth(0), target_position={"x": 20, "y": 5})
    expect(pagina.locator("#opslagstatus")).to_have_text("Nieuwe volgorde opgeslagen")
    pagina.reload()
    assert titels(document) == ["Evaluatie", "Inleiding", "Uitgangspunten"]


def test_conflict_en_voorbeeld_zijn_toegankelijk(inloggen, document):
    from uitgangspunten import services

    pagina = inloggen("adviseur")
    pagina.goto(f"/documenten/{document.pk}/")
    # Clicking the text itself opens the editor too.
    pagina.get_by_text("Wat ging goed.").click()
    # The edit form (carrying revisie 1) must be loaded before a colleague saves.
    tekstvak = pagina.get_by_role("textbox", name=re.compile(r"^Tekst"))
    expect(tekstvak).to_be_visible()
    sectie = Sectie.objects.get(document=document, titel="Evaluatie")
    services.sectie_bijwerken(
        sectie=sectie,
        revisie=1,
        auteur=document.aangemaakt_door,
        titel="Evaluatie",
        tekst="Collega",
    )
    tekstvak.fill("Mijn tekst")
    pagina.get_by_role("button", name="Opslaan", exact=True).click()
    expect(pagina.get_by_role("heading", name="Bewerkingsconflict")).to_be_visible()
    toegankelijk(pagina, "conflictweergave")
    pagina.get_by_role("button", name="Mijn tekst opslaan").click()
    expect(pagina.locator("#opslagstatus")).to_have_text("Opgeslagen")
    sectie.refresh_from_db()
    assert sectie.tekst == "Mijn tekst"

    pagina.goto(f"/documenten/{document.pk}/voorbeeld/")
    expect(pagina.get_by_text("Minder aanbieders, meer partnerschap")).to_be_visible()
    toegankelijk(pagina, "voorbeeld")


def test_overige_opstelpaginas_zijn_toegankelijk(inloggen, document):
    from tests.factories import TrajectVoorzieningFactory
    from uitgangspunten import services

    traject = document.traject
    vorig = TrajectFactory(regio=traject.regio, naam="Inkoop 2021", slug="inkoop-2021")
    traject.vorige = vorig
    traject.save()
    UitgangspuntFactory(traject=vorig, titel="Lange contracten")
    tv = TrajectVoorzieningFactory(traject=traject, voorziening__naam="Huishoudelijke hulp")
    UitgangspuntFactory(
        traject=traject, soort="voorziening", voorziening=tv.voorziening, titel="Tarieven herzien"
    )
    adviseur = document.aangemaakt_door
    services.versie_vastleggen(document=document, auteur=adviseur)
    sectie = Sectie.objects.get(document=document, titel="Evaluatie")
    services.sectie_bijwerken(
        sectie=sectie, revisie=1, auteur=adviseur, titel="Evaluatie", tekst="Wat ging heel goed."
    )

    pagina = inloggen("adviseur")
    basis = f"/regio/gv/trajecten/{traject.slug}"
    for pad, kop in [
        (f"{basis}/uitgangspunten/", "Uitgangspunten Inkoop 2027"),
        (f"{basis}/overnemen/", "Uitgangspunten overnemen uit Inkoop 2021"),
        (
            f"{basis}/per-voorziening/",
            "Onderdeel, ontwikkelingen en uitgangspunten per voorziening",
        ),
        (f"/documenten/{document.pk}/versies/", "Versies van Uitgangspuntennotitie"),
        (f"/documenten/{document.pk}/versies/1/", "Uitgangspuntennotitie, versie 1"),
        (f"/documenten/{document.pk}/vergelijken/", "Wijzigingen in Uitgangspuntennotitie"),
        (f"/documenten/{document.pk}/historie/", "Historie van Uitgangspuntennotitie"),
    ]:
        pagina.goto(pad)
        expect(pagina.get_by_role("heading", level=1)).to_have_text(kop)
        toegankelijk(pagina, pad)

    # Inline editing of a principle on the list page, then the carry-over choice.
    pagina.goto(f"{basis}/uitgangspunten/")
    pagina.get_by_role("link", name=re.compile(r"^Bewerken ?: Tarieven herzien$")).click()
    veld = pagina.get_by_role("textbox", name=re.compile(r"^Uitleg"))
    expect(veld).to_be_focused()
    toegankelijk(pagina, "uitgangspunt bewerken")
    veld.fill("Tarieven opnieuw berekenen.")
    pagina.get_by_role("button", name="Opslaan", exact=True).click()
    expect(pagina.get_by_text("Tarieven opnieuw berekenen.")).to_be_visible()

    pagina.goto(f"{basis}/overnemen/")
    pagina.get_by_role("button", name=re.compile(r"^Laten vervallen")).click()
    # The error summary takes focus and links to the field.
    overzicht = pagina.locator("[data-foutoverzicht]")
    expect(overzicht).to_be_focused()
    expect(overzicht).to_contain_text("Geef een reden op")
    toegankelijk(pagina, "overnemen met fout")
    pagina.get_by_role("textbox", name=re.compile(r"^Reden van vervallen")).fill("Achterhaald")
    pagina.get_by_role("button", name=re.compile(r"^Laten vervallen")).click()
    expect(pagina.get_by_text("Reden: Achterhaald.")).to_be_visible()


def test_uitgangspunten_herordenen_in_de_lijst(inloggen, document):
    """The list's items come from a cache (uitgangspunt_weergave); their forms still work."""
    from uitgangspunten.models import Uitgangspunt

    traject = document.traject
    UitgangspuntFactory(traject=traject, soort="inkoopdoel", titel="Eerste punt", volgorde=0)
    UitgangspuntFactory(traject=traject, soort="inkoopdoel", titel="Tweede punt", volgorde=1)
    pagina = inloggen("adviseur")
    lijst = f"/regio/gv/trajecten/{traject.slug}/uitgangspunten/"
    pagina.goto(lijst)
    pagina.reload()  # the second view renders the items from the cache
    groep = pagina.locator("section", has=pagina.get_by_role("heading", name="Inkoopdoelstelling"))
    titels_in_lijst = groep.locator(".app-up__titel")
    expect(titels_in_lijst.first).to_have_text("Eerste punt")

    pagina.get_by_role("button", name=re.compile(r"^Omhoog ?: Tweede punt$")).click()
    expect(titels_in_lijst.first).to_have_text("Tweede punt")
    expect(pagina.locator("li.app-up.is-saved .app-up__titel")).to_have_text("Tweede punt")
    toegankelijk(pagina, "uitgangspuntenlijst na herordenen")
    pagina.reload()
    expect(titels_in_lijst.first).to_have_text("Tweede punt")
    groep_in_db = Uitgangspunt.objects.filter(traject=traject, soort="inkoopdoel")
    assert [u.titel for u in groep_in_db.order_by("volgorde")] == ["Tweede punt", "Eerste punt"]
