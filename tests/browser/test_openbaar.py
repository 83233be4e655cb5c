"""Journeys of issue 15: a reader finds the adopted document and downloads its PDF by links
only; an anonymous visitor finds the published document from the public region page and by
public search; axe on the new pages at 1280 and 390 px."""

import pytest
from playwright.sync_api import expect

from inkoop.openbaar import services
from inkoop.pdf.services import pdf_klaar
from regions.constants import Rol
from tests.browser.conftest import toegankelijk
from tests.openbaar.conftest import ronde  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def met_pdf(ronde):  # noqa: F811
    """The PDF is ready, as it is in use (it is planned when a version is frozen): the
    journey measures the links, not WeasyPrint's first start in the test server."""
    pdf_klaar(onderwerp=ronde.versie, soort="versie")
    return ronde


def _axe_breedtes(pagina, context):
    for breedte in (1280, 390):
        pagina.set_viewport_size({"width": breedte, "height": 900})
        toegankelijk(pagina, f"{context} ({breedte} px)")
    pagina.set_viewport_size({"width": 1280, "height": 900})


def test_lezer_vindt_vastgesteld_document_en_downloadt_pdf(inloggen, met_rol, met_pdf, ronde):  # noqa: F811
    met_rol(Rol.LEZER, ronde.regio, username="raadslid")
    pagina = inloggen("raadslid")
    pagina.get_by_role("link", name=ronde.regio.naam).first.click()
    pagina.get_by_role("link", name=ronde.traject.naam).first.click()
    _axe_breedtes(pagina, "trajectpagina lezer")
    pagina.get_by_role("link", name=f"{ronde.document.titel}, versie 1", exact=True).click()
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("versie 1")
    _axe_breedtes(pagina, "versiepagina lezer")
    with pagina.expect_download() as wacht:
        pagina.get_by_role("link", name="PDF van deze versie downloaden").click()
    assert wacht.value.suggested_filename.endswith(".pdf")


def test_bezoeker_vindt_gepubliceerd_document(pagina, met_rol, met_pdf, ronde):  # noqa: F811
    pub = services.versie_publiceren(
        versie=ronde.versie, door=met_rol(Rol.BELEIDSADVISEUR, ronde.regio)
    )
    pagina.goto(f"/openbaar/{ronde.regio.slug}/")
    _axe_breedtes(pagina, "openbare regiopagina")
    pagina.get_by_role("link", name=pub.titel).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(pub.titel)
    _axe_breedtes(pagina, "openbare publicatie")
    with pagina.expect_download() as wacht:
        pagina.get_by_role("link", name=f"{pub.titel} (PDF) downloaden").click()
    assert wacht.value.suggested_filename.endswith(".pdf")
    # By public search.
    pagina.set_viewport_size({"width": 1280, "height": 900})
    pagina.get_by_label("Zoeken in openbare stukken").fill(ronde.document.titel.split()[0])
    pagina.get_by_role("button", name="Zoeken").click()
    _axe_breedtes(pagina, "openbaar zoeken")
    pagina.get_by_role("link", name=pub.titel).click()
    expect(pagina).to_have_url(f"{pagina.url.split('/openbaar/')[0]}{pub.get_absolute_url()}")


def test_zoekpagina_is_toegankelijk(inloggen, met_rol, ronde):  # noqa: F811
    met_rol(Rol.BELEIDSADVISEUR, ronde.regio, username="adv")
    pagina = inloggen("adv")
    pagina.get_by_label("Zoeken", exact=True).fill("uitgangspunt")
    pagina.get_by_role("button", name="Zoeken").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Zoeken")
    _axe_breedtes(pagina, "zoekpagina")
    pagina.goto(f"/regio/{ronde.regio.slug}/trajecten/{ronde.traject.slug}/openbaar/")
    _axe_breedtes(pagina, "openbaar maken")
