"""Readers (issue 15): a reader finds the adopted material of a round by links, and every link
on the reader's pages answers 200 for that reader."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest

from regions.constants import Rol


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def links_van(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.links


def kruipen(client, start: str, *, max_paginas=80) -> dict[str, int]:
    """Follow every local link from `start` (HTML pages only), answer code per URL."""
    gezien: dict[str, int] = {}
    te_doen = [start]
    while te_doen and len(gezien) < max_paginas:
        url = te_doen.pop(0)
        if url in gezien:
            continue
        antwoord = client.get(url)
        gezien[url] = antwoord.status_code
        if antwoord.status_code != 200 or "text/html" not in antwoord.get("Content-Type", ""):
            continue
        for href in links_van(antwoord.content.decode()):
            href, _ = urldefrag(href)
            delen = urlsplit(href)
            if delen.scheme or delen.netloc or not href.startswith("/"):
                continue
            if href.startswith(("/static/", "/media/", "/beheer/")):
                continue
            if href not in gezien:
                te_doen.append(href)
    return gezien


@pytest.mark.django_db
def test_elke_link_op_de_lezerpaginas_antwoordt_200(client_als, met_rol, ronde):
    lezer = met_rol(Rol.LEZER, ronde.regio, username="raadslid")
    client = client_als(lezer)
    gezien = kruipen(client, "/")
    fout = {url: code for url, code in gezien.items() if code != 200}
    assert fout == {}
    # The reader did reach the adopted material by links: the version page and its PDF.
    assert ronde.versie.get_absolute_url() in gezien
    assert f"/pdf/versie/{ronde.versie.pk}/downloaden/" in gezien
    assert f"/pdf/verslag/{ronde.eerder.pk}/downloaden/" in gezien
    assert f"/pdf/reactienota/{ronde.traject.pk}/downloaden/" in gezien
    # ... and not the draft version, nor the minutes that were not adopted.
    assert ronde.concept.get_absolute_url() not in gezien
    assert f"/pdf/verslag/{ronde.later.pk}/downloaden/" not in gezien


@pytest.mark.django_db
def test_lezer_ziet_vastgestelde_versie_met_besluit_en_pdf(client_als, met_rol, ronde):
    client = client_als(met_rol(Rol.LEZER, ronde.regio))
    html = client.get(ronde.traject.get_absolute_url()).content.decode()
    assert f"{ronde.document.titel}, versie 1" in html
    assert "PFHO Sociaal Domein op 10 december 2026" in html
    assert "PDF maken" not in html
    versie = client.get(ronde.versie.get_absolute_url())
    assert versie.status_code == 200
    assert "PDF maken" not in versie.content.decode()
    pdf = client.get(f"/pdf/versie/{ronde.versie.pk}/downloaden/")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_lezer_krijgt_concept_niet(client_als, met_rol, ronde):
    client = client_als(met_rol(Rol.LEZER, ronde.regio))
    assert client.get(ronde.concept.get_absolute_url()).status_code == 403
    assert client.get(f"/pdf/versie/{ronde.concept.pk}/downloaden/").status_code == 403
    assert client.get(f"/pdf/verslag/{ronde.later.pk}/downloaden/").status_code == 403


@pytest.mark.django_db
def test_besluitenlijst_linkt_naar_wat_besloten_is(client_als, met_rol, ronde):
    client = client_als(met_rol(Rol.LEZER, ronde.regio))
    html = client.get(f"/regio/{ronde.regio.slug}/trajecten/{ronde.traject.slug}/besluiten/")
    html = html.content.decode()
    assert f'href="{ronde.versie.get_absolute_url()}"' in html
    assert f'href="/pdf/verslag/{ronde.eerder.pk}/downloaden/"' in html


@pytest.mark.django_db
def test_trajectpagina_lezer_vaste_query_telling(
    client_als, met_rol, ronde, django_assert_max_num_queries
):
    from tests.factories.export import vaststellen, versie_vastleggen

    client = client_als(met_rol(Rol.LEZER, ronde.regio))
    url = ronde.traject.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(30) as een:
        client.get(url)
    for nummer in (3, 4, 5):
        vaststellen(versie_vastleggen(ronde.document, nummer=nummer), gremium=ronde.pfho)
    with django_assert_max_num_queries(len(een.captured_queries)):
        client.get(url)
