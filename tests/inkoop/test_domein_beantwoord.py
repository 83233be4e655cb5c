"""Issue 11, item 25: an input answered in the session is answered. One rule
(Inbreng.beantwoord / antwoord_status, inkoop.sessies.selectors.ONBEANTWOORD) serves the
session page, the response report page and PDF, and "Mijn werk"."""

import datetime as dt

import pytest
from django.urls import reverse

from inkoop.pdf.render import render_html
from inkoop.sessies import selectors
from inkoop.sessies.constants import Verwerking
from inkoop.sessies.models import Inbreng
from inkoop.sessies.pdf import reactienota_bron
from regions.constants import Rol
from tests.factories import TrajectFactory
from tests.factories.sessies import SessieInbrengFactory, TrajectSessieFactory

pytestmark = pytest.mark.django_db
ANTWOORD = "De toegang blijft bij de gemeente, zei de wethouder."


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


@pytest.fixture
def inbreng(traject):
    sessie = TrajectSessieFactory(traject=traject, datum=dt.date(2026, 3, 1))
    zaal = SessieInbrengFactory(
        sessie=sessie, traject=traject, tekst="Wie doet de toegang?", antwoord=ANTWOORD
    )
    open_ = SessieInbrengFactory(sessie=sessie, traject=traject, tekst="Wat kost het?", antwoord="")
    return zaal, open_


def test_de_regel(inbreng):
    zaal, open_ = inbreng
    assert zaal.beantwoord and zaal.antwoord_status == "Beantwoord in de sessie"
    assert not open_.beantwoord and open_.antwoord_status == "Nog niet beantwoord"
    open_.verwerking = Verwerking.OVERGENOMEN
    assert open_.beantwoord and open_.antwoord_status == "Overgenomen"
    onbeantwoord = Inbreng.objects.filter(selectors.ONBEANTWOORD)
    assert list(onbeantwoord) == [inbreng[1]]


def test_pdf_drukt_het_antwoord_uit_de_sessie(inbreng, traject):
    bron = reactienota_bron(traject)
    html = render_html(bron.template, bron.context)
    rij = html.split("Wie doet de toegang?", 1)[1].split("</tr>", 1)[0]
    assert ANTWOORD in rij
    assert "Nog niet beantwoord" not in rij and "Beantwoord in de sessie" in rij
    assert "waarvan 1 nog niet beantwoord" in html


def test_pagina_en_sessie_zeggen_beantwoord(client_als, adviseur, inbreng, traject):
    zaal, _ = inbreng
    client = client_als(adviseur)
    url = reverse("inkoop:reactienota", kwargs={"regio": traject.regio.slug, "slug": traject.slug})
    nota = client.get(url).text
    rij = nota.split("Wie doet de toegang?", 1)[1].split("</tr>", 1)[0]
    assert "Beantwoord in de sessie" in rij and "Nog niet beantwoord" not in rij
    sessie = client.get(reverse("inkoop:sessie", kwargs={"pk": zaal.sessie_id})).text
    item = sessie.split(f'id="inbreng-{zaal.pk}"', 1)[1].split("</li>", 1)[0]
    assert "Beantwoord in de sessie" in item and "Nog niet beantwoord" not in item


def test_mijn_werk_zegt_beantwoord_in_de_sessie(client_als, met_rol, regio, inbreng):
    secretaris = met_rol(Rol.SECRETARIS, regio)
    html = client_als(secretaris).get(reverse("inkoop:mijn_werk")).text
    sectie = html.split('id="kop-inbreng"', 1)[1].split("</section>", 1)[0]
    assert "Inbreng zonder antwoord" not in html
    rij = sectie.split("Wie doet de toegang?", 1)[1].split("</li>", 1)[0]
    assert "beantwoord in de sessie" in rij
    rij = sectie.split("Wat kost het?", 1)[1].split("</li>", 1)[0]
    assert "nog niet beantwoord" in rij
