"""Journeys: a region set up from the app's own pages; seven college decisions in one form."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from inkoop.besluitvorming.models import Besluit
from inkoop.trajecten.constants import GremiumSoort
from regions.constants import Rol
from regions.indeling import MEEGELEVERD, indeling_lezen
from regions.models import Lidmaatschap, Regio
from regions.services import gemeentelijke_indeling_verwerken
from tests.browser.conftest import datum_invullen, toegankelijk
from tests.factories import (
    DocumentFactory,
    LidmaatschapFactory,
    RegioFactory,
    RoltoewijzingFactory,
    TrajectFactory,
    UserFactory,
)
from tests.factories.besluitvorming import CollegeFactory, VersieFactory

pytestmark = pytest.mark.django_db(transaction=True)

ELF = [
    "Blaricum",
    "Gooise Meren",
    "Hilversum",
    "Huizen",
    "Laren",
    "Wijdemeren",
    "Amersfoort",
    "Baarn",
    "Bunschoten",
    "Leusden",
    "Soest",
]


def op_beide_breedtes(pagina, context):
    """axe on a desktop (1280 px) and a phone (390 px) width."""
    for breedte in (1280, 390):
        pagina.set_viewport_size({"width": breedte, "height": 900})
        toegankelijk(pagina, f"{context} ({breedte} px)")
    pagina.set_viewport_size({"width": 1280, "height": 900})


def test_regio_inrichten_met_elf_gemeenten_gremia_en_traject(inloggen):
    gemeentelijke_indeling_verwerken(
        rijen=indeling_lezen(MEEGELEVERD.read_bytes()), peildatum=dt.date(2026, 1, 1)
    )
    UserFactory(username="functioneelbeheer", is_superuser=True, is_staff=True)
    pagina = inloggen("functioneelbeheer")

    pagina.goto("/")
    pagina.get_by_role("link", name="Nieuwe regio aanmaken").click()
    op_beide_breedtes(pagina, "nieuwe regio")
    pagina.get_by_label("Naam van de regio").fill("Regio Gooi en Eem")
    pagina.get_by_role("button", name="Regio aanmaken").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Regio Gooi en Eem inrichten")
    op_beide_breedtes(pagina, "inrichten, leeg")

    pagina.get_by_role("link", name="Deelnemende gemeenten").first.click()
    expect(pagina.get_by_text("De regio heeft nog geen gemeenten.")).to_be_visible()
    zoek = pagina.get_by_label("Zoek een gemeente")
    for naam in ELF:
        zoek.fill(naam)
        vakje = pagina.get_by_role(
            "checkbox", name=re.compile(rf"^{re.escape(naam)}( \(NH\.\))? GM")
        )
        vakje.check()
    expect(pagina.locator("#keuze input:checked")).to_have_count(11)
    op_beide_breedtes(pagina, "gemeenten kiezen")
    pagina.get_by_role("button", name="Gekozen gemeenten toevoegen").click()
    expect(pagina.get_by_text("11 gemeenten zijn lid geworden")).to_be_visible()

    pagina.get_by_role("link", name="Naar gremia").click()
    op_beide_breedtes(pagina, "gremia")
    pagina.get_by_label("Adviesraden").fill("Adviesraad Sociaal Domein Gooi\nAdviesraad Eemland")
    pagina.get_by_role("button", name="Gremia aanmaken").click()
    expect(pagina.get_by_text("15 gremia zijn aangemaakt.")).to_be_visible()
    expect(pagina.get_by_text("College van B&W Wijdemeren")).to_be_visible()

    pagina.get_by_role("link", name="Naar voorzieningen").click()
    op_beide_breedtes(pagina, "voorzieningen")
    pagina.get_by_label("Huishoudelijke hulp (Wmo 2015)").check()
    pagina.get_by_label("Jeugd-ggz (Jeugdwet)").check()
    pagina.get_by_role("button", name="Voorzieningen toevoegen").click()
    expect(pagina.get_by_text("2 voorzieningen zijn aangemaakt.")).to_be_visible()

    pagina.get_by_role("link", name="Naar inkooptraject").click()
    op_beide_breedtes(pagina, "traject")
    pagina.get_by_label("Naam van het traject").fill("Inkoop Wmo en Jeugd 2028")
    pagina.get_by_label("Ingangsjaar van de contracten").fill("2028")
    pagina.get_by_role("button", name="Traject aanmaken").click()
    expect(
        pagina.get_by_text("Het traject Inkoop Wmo en Jeugd 2028 is aangemaakt.")
    ).to_be_visible()

    pagina.get_by_role("link", name="Inrichten", exact=True).click()
    op_beide_breedtes(pagina, "inrichten, half")

    regio = Regio.objects.get(naam="Regio Gooi en Eem")
    assert Lidmaatschap.objects.filter(regio=regio).count() == 11
    assert regio.gremia.filter(soort=GremiumSoort.COLLEGE).count() == 11
    assert set(
        regio.gremia.exclude(soort=GremiumSoort.COLLEGE).values_list("soort", flat=True)
    ) == {GremiumSoort.DO, GremiumSoort.PFHO, GremiumSoort.ADVIESRAAD}
    traject = regio.trajecten.get()
    assert (traject.startjaar, traject.scope.count()) == (2028, 2)


def test_zeven_collegebesluiten_in_een_formulier(inloggen):
    regio = RegioFactory(naam="Regio Eemland", slug="eemland")
    for naam in ("Amersfoort", "Baarn", "Bunschoten", "Leusden", "Soest", "Woudenberg", "Eemnes"):
        CollegeFactory(
            regio=regio, gemeente=LidmaatschapFactory(regio=regio, gemeente__naam=naam).gemeente
        )
    traject = TrajectFactory(regio=regio, naam="Inkoop 2027", slug="inkoop-2027")
    document = DocumentFactory(traject=traject, titel="Uitgangspuntennotitie 2027")
    VersieFactory(document=document, nummer=1, goedgekeurd=True)
    secretaris = UserFactory(username="secretaris")
    RoltoewijzingFactory(gebruiker=secretaris, regio=regio, rol=Rol.SECRETARIS)

    pagina = inloggen("secretaris")
    pagina.goto(f"/documenten/{document.pk}/besluitvorming/")
    pagina.get_by_role("link", name="Collegebesluiten in één tabel").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Collegebesluiten vastleggen")
    op_beide_breedtes(pagina, "collegebesluiten")
    datum_invullen(pagina, "Datum Soest", "2027-04-08")
    pagina.get_by_role("button", name="Collegebesluiten vastleggen").click()
    expect(pagina.get_by_text("7 collegebesluiten over Uitgangspuntennotitie 2027")).to_be_visible()
    expect(pagina.locator("#samenvatting")).to_contain_text("Vastgesteld door alle 7 colleges")
    assert Besluit.objects.filter(gremium__regio=regio).count() == 7
    assert str(Besluit.objects.get(gremium__gemeente__naam="Soest").datum) == "2027-04-08"


def test_api_sleutel_uitgeven_en_intrekken_toegankelijk(inloggen):
    """The region administrator issues a key (shown once), the page and its errors pass axe,
    and revokes the key, all from the setup overview."""
    regio = RegioFactory(naam="Regio Noord", slug="noord")
    beheerder = UserFactory(username="regiobeheer")
    RoltoewijzingFactory(gebruiker=beheerder, regio=regio, rol=Rol.REGIOBEHEERDER)
    pagina = inloggen("regiobeheer")
    pagina.goto(f"/regio/{regio.slug}/inrichten/")
    pagina.get_by_role("link", name="API-sleutels").click()
    pagina.get_by_role("button", name="Sleutel uitgeven").click()  # no name: the error
    expect(pagina.get_by_text("Er is een probleem")).to_be_visible()
    op_beide_breedtes(pagina, "API-sleutels met fout")
    pagina.get_by_label("Naam van de toepassing").fill("Raadpleegtool")
    pagina.get_by_label("Naam van de toepassing").press("Enter")
    sleutel = pagina.get_by_label("Sleutel", exact=True)
    expect(sleutel).to_have_value(re.compile(r"^ink_"))
    op_beide_breedtes(pagina, "API-sleutel uitgegeven")
    pagina.get_by_role("button", name="Intrekken (Raadpleegtool)").click()
    expect(pagina.get_by_text("Ingetrokken op")).to_be_visible()
