"""Public publication (Woo): publish, withdraw, public pages, sitemap against the XSD subset,
robots.txt; no draft ever public."""

from pathlib import Path

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from lxml import etree

from inkoop.core.fouten import DomeinFout
from inkoop.openbaar import services
from inkoop.openbaar.models import Publicatie
from regions.constants import Rol
from tests.openbaar.test_lezer import kruipen

XSD = Path(__file__).parents[2] / "inkoop/openbaar/xsd/sitemap-diwoo-subset.xsd"
pytestmark = pytest.mark.django_db


@pytest.fixture
def adviseur_r(met_rol, ronde):
    return met_rol(Rol.BELEIDSADVISEUR, ronde.regio, username="adv")


def test_alleen_vastgesteld_kan_openbaar(adviseur_r, ronde, met_rol):
    with pytest.raises(DomeinFout):
        services.versie_publiceren(versie=ronde.concept, door=adviseur_r)
    with pytest.raises(DomeinFout):
        services.verslag_publiceren(sessie=ronde.later, door=adviseur_r)
    lezer = met_rol(Rol.LEZER, ronde.regio)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.versie_publiceren(versie=ronde.versie, door=lezer)
    services.versie_publiceren(versie=ronde.versie, door=adviseur_r)
    with pytest.raises(DomeinFout):
        services.versie_publiceren(versie=ronde.versie, door=adviseur_r)


def test_publiceren_via_de_pagina_en_intrekken_met_reden(client_als, adviseur_r, ronde, client):
    c = client_als(adviseur_r)
    beheer = reverse("openbaar:beheer", args=[ronde.regio.slug, ronde.traject.slug])
    assert "Openbaar maken" in c.get(ronde.traject.get_absolute_url()).content.decode()
    assert c.get(beheer).status_code == 200
    c.post(reverse("openbaar:publiceren", args=["versie", ronde.versie.pk]))
    pub = Publicatie.objects.get()
    leeg = c.post(reverse("openbaar:intrekken", args=[pub.pk]), {"reden": ""})
    assert "reden" in leeg.content.decode().lower() and leeg.status_code == 200
    c.post(reverse("openbaar:intrekken", args=[pub.pk]), {"reden": "Fout in bijlage 2"})
    pub.refresh_from_db()
    assert pub.is_ingetrokken
    c.logout()
    pagina = client.get(pub.get_absolute_url()).content.decode()
    assert "Fout in bijlage 2" in pagina and "PDF" not in pagina
    assert (
        client.get(reverse("openbaar:publicatie_pdf", args=[ronde.regio.slug, pub.pk])).status_code
        == 410
    )


def _naar_inloggen(client, url) -> bool:
    return client.get(url)["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_elke_openbare_url_is_gepubliceerd(client, adviseur_r, ronde):
    versie = services.versie_publiceren(versie=ronde.versie, door=adviseur_r)
    verslag = services.verslag_publiceren(sessie=ronde.eerder, door=adviseur_r)
    lijst = services.besluitenlijst_publiceren(traject=ronde.traject, door=adviseur_r)
    services.intrekken(publicatie=verslag, door=adviseur_r, reden="Privacy: naam genoemd")
    gezien = kruipen(client, "/openbaar/")
    # The header's home link and the footer lead a visitor to the login page: a redirect there
    # shows nothing; any other answer than a page, "withdrawn" or that redirect is a fault.
    naar_inloggen = {u for u, c in gezien.items() if c == 302 and _naar_inloggen(client, u)}
    assert {u: c for u, c in gezien.items() if c not in (200, 410) and u not in naar_inloggen} == {}
    publicatiepaginas = {u for u in gezien if "/publicaties/" in u and not u.endswith("/pdf/")}
    assert publicatiepaginas == {p.get_absolute_url() for p in (versie, verslag, lijst)}
    # Nothing else of the round: no draft version, no login page content.
    for url in gezien:
        assert not url.startswith(("/documenten/", "/regio/", "/sessies/"))
    assert gezien[f"/openbaar/{ronde.regio.slug}/publicaties/{versie.pk}/pdf/"] == 200
    ingetrokken_pdf = f"/openbaar/{ronde.regio.slug}/publicaties/{verslag.pk}/pdf/"
    assert ingetrokken_pdf not in gezien
    assert client.get(ingetrokken_pdf).status_code == 410
    html = client.get(lijst.get_absolute_url()).content.decode()
    assert f'href="{versie.get_absolute_url()}"' in html
    assert "versie 2" not in html


def test_sitemap_valideert_en_bevat_alleen_actuele_publicaties(client, adviseur_r, ronde):
    ronde.regio.tooi = "https://identifier.overheid.nl/tooi/id/gemeente/gm0297"
    ronde.regio.save()
    versie = services.versie_publiceren(versie=ronde.versie, door=adviseur_r)
    lijst = services.besluitenlijst_publiceren(traject=ronde.traject, door=adviseur_r)
    services.intrekken(publicatie=lijst, door=adviseur_r, reden="Wordt vervangen")
    antwoord = client.get("/openbaar/sitemap.xml")
    assert antwoord["Content-Type"].startswith("application/xml")
    doc = etree.fromstring(antwoord.content)
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    schema.assertValid(doc)
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
          "diwoo": "https://standaarden.overheid.nl/diwoo/metadata/"}  # fmt: skip
    locs = doc.xpath("//sm:loc/text()", namespaces=ns)
    assert locs == [f"http://testserver{versie.get_absolute_url()}"]
    assert doc.xpath("//diwoo:publisher/@resource", namespaces=ns) == [ronde.regio.tooi]
    assert doc.xpath("//diwoo:informatiecategorie/text()", namespaces=ns) == [
        "vergaderstukken decentrale overheden"
    ]
    # A broken sitemap does not validate: the schema checks something.
    doc.xpath("//diwoo:officieleTitel", namespaces=ns)[0].text = ""
    assert not schema.validate(doc)


def test_robots_wijst_naar_sitemap(client):
    tekst = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/openbaar/sitemap.xml" in tekst
    assert "Disallow: /\n" in tekst


def test_huisstijl_op_openbare_pagina(client, adviseur_r, ronde):
    from regions.models import Huisstijl

    Huisstijl.objects.create(regio=ronde.regio, naam="Samenwerking Noord")
    services.versie_publiceren(versie=ronde.versie, door=adviseur_r)
    html = client.get(f"/openbaar/{ronde.regio.slug}/").content.decode()
    assert "Samenwerking Noord" in html and 'lang="nl"' in html


def test_openbare_paginas_vaste_query_telling(
    client, adviseur_r, ronde, django_assert_max_num_queries
):
    services.versie_publiceren(versie=ronde.versie, door=adviseur_r)
    url = f"/openbaar/{ronde.regio.slug}/"
    with django_assert_max_num_queries(10) as een:
        client.get(url)
    services.verslag_publiceren(sessie=ronde.eerder, door=adviseur_r)
    services.besluitenlijst_publiceren(traject=ronde.traject, door=adviseur_r)
    with django_assert_max_num_queries(len(een.captured_queries)):
        client.get(url)


def test_openbare_besluitenlijst_als_pdf(client, adviseur_r, ronde):
    """A published decision list has its PDF on the public page: the round's decisions of
    every body, the body named per row; withdrawn, the PDF answers 410."""
    import io

    import pypdf

    pub = services.besluitenlijst_publiceren(traject=ronde.traject, door=adviseur_r)
    pdf_url = reverse("openbaar:publicatie_pdf", args=[ronde.regio.slug, pub.pk])
    assert pdf_url in client.get(pub.get_absolute_url()).content.decode()
    antwoord = client.get(pdf_url)
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    inhoud = b"".join(antwoord.streaming_content) if antwoord.streaming else antwoord.content
    tekst = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(inhoud)).pages)
    tekst = " ".join(tekst.split())
    assert ronde.traject.naam in tekst and "PFHO Sociaal Domein" in tekst
    assert f"{ronde.document.titel}, versie 1" in tekst
    assert f"Verslag van {ronde.eerder.titel}" in tekst
    services.intrekken(publicatie=pub, door=adviseur_r, reden="Onjuiste datum")
    assert client.get(pdf_url).status_code == 410


# The DiWoo value list (diwoo-metadata-lijsten, informatiecategorielijst): code and label, as
# published; our constants must pair each URI with its own label.
DIWOO_INFORMATIECATEGORIEEN = {
    "c_db4862c3": "vergaderstukken decentrale overheden",
    "c_aab6bfc7": "overige besluiten van algemene strekking",
    "c_99a836c7": "adviezen",
    "c_89ee6784": "bereikbaarheidsgegevens",
}


def test_informatiecategorie_uri_hoort_bij_haar_label():
    from inkoop.openbaar.constants import HANDELING_VASTSTELLING, INFORMATIECATEGORIE

    for uri, label in INFORMATIECATEGORIE.values():
        code = uri.rsplit("/", 1)[1]
        assert DIWOO_INFORMATIECATEGORIEEN[code] == label, uri
    assert HANDELING_VASTSTELLING[0].endswith("/c_641ecd76")


def test_schema_weigert_een_onbekende_categorie(client, adviseur_r, ronde):
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    services.versie_publiceren(versie=ronde.versie, door=adviseur_r)
    doc = etree.fromstring(client.get("/openbaar/sitemap.xml").content)
    schema.assertValid(doc)
    ns = {"diwoo": "https://standaarden.overheid.nl/diwoo/metadata/"}
    categorie = doc.xpath("//diwoo:informatiecategorie", namespaces=ns)[0]
    categorie.set("resource", "https://identifier.overheid.nl/tooi/def/thes/kern/c_00000000")
    assert not schema.validate(doc)
