""" "Mijn werk": each role sees the work its role can do, links go straight to the thing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from inkoop.overzicht.selectors import KORT, PER_PAGINA
from inkoop.sessies.models import Actiepunt
from regions.constants import Rol
from tests.factories import SessieFactory, TrajectFactory
from tests.factories.besluitvorming import VersieFactory
from tests.factories.sessies import SessieInbrengFactory
from tests.utils import assert_constant_queries

pytestmark = pytest.mark.django_db


def _werk(client_als, user):
    return client_als(user).get(reverse("inkoop:mijn_werk")).content.decode()


def test_lezer_ziet_geen_lege_takenlijsten_van_andere_rollen(client_als, lezer):
    html = _werk(client_als, lezer)
    assert "Met uw rol hoeft u geen stukken" in html
    for kop in ("Versies ter beoordeling", "Besluiten vast te leggen", "Inbreng nog te verwerken"):
        assert kop not in html


def test_directeur_ziet_beoordelen_maar_niet_voorstellen_of_inbreng(client_als, directeur):
    html = _werk(client_als, directeur)
    assert "Versies ter beoordeling" in html
    assert "Voorstellen voor te bereiden" not in html and "Inbreng nog te verwerken" not in html


def test_secretaris_ziet_inbreng_met_link_naar_het_antwoord(client_als, met_rol, regio):
    secretaris = met_rol(Rol.SECRETARIS, regio)
    traject = TrajectFactory(regio=regio)
    inbreng = SessieInbrengFactory(
        sessie__traject=traject, traject=traject, tekst="Wat betekent dit voor de keuzevrijheid?"
    )
    html = _werk(client_als, secretaris)
    assert "Wat betekent dit voor de keuzevrijheid?" in html
    assert reverse("inkoop:inbreng_verwerking", kwargs={"pk": inbreng.pk}) in html
    assert "Versies ter beoordeling" not in html


def test_komende_sessies_en_actiepunt_te_laat(client_als, adviseur, regio, andere_regio):
    vandaag = timezone.localdate()
    komend = SessieFactory(regio=regio, titel="Marktconsultatie jeugdhulp", datum=vandaag)
    SessieFactory(regio=regio, titel="Al geweest", datum=vandaag - dt.timedelta(days=1))
    SessieFactory(regio=andere_regio, titel="Elders", datum=vandaag + dt.timedelta(days=3))
    Actiepunt.objects.create(
        sessie=komend, omschrijving="Planning aanpassen", eigenaar_gebruiker=adviseur,
        deadline=vandaag - dt.timedelta(days=1),
    )  # fmt: skip
    Actiepunt.objects.create(
        sessie=komend, omschrijving="Verslag rondsturen", eigenaar_gebruiker=adviseur,
        deadline=vandaag + dt.timedelta(days=7),
    )  # fmt: skip
    html = _werk(client_als, adviseur)
    assert "Marktconsultatie jeugdhulp" in html
    assert "Al geweest" not in html and "Elders" not in html
    assert html.count("Te laat") == 1
    te_laat = html.index("Planning aanpassen")
    assert html.index("Te laat") > te_laat and html.index("Te laat") < html.index(
        "Verslag rondsturen"
    )


def test_actiepunt_te_laat_op_de_sessiepagina(client_als, adviseur, regio):
    vandaag = timezone.localdate()
    sessie = SessieFactory(regio=regio)
    te_laat = Actiepunt.objects.create(
        sessie=sessie, omschrijving="Te laat", eigenaar="Team", deadline=vandaag - dt.timedelta(1)
    )
    assert te_laat.is_te_laat
    html = client_als(adviseur).get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).text
    assert 'utrecht-status-badge--danger">Te laat</span>' in html
    te_laat.afgerond = True
    te_laat.save()
    assert not te_laat.is_te_laat
    html = client_als(adviseur).get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).text
    assert 'badge--danger">Te laat' not in html and "Afgerond" in html


def test_mijn_werk_toont_de_eerste_en_pagineert_de_rest(client_als, directeur, regio):
    traject = TrajectFactory(regio=regio)
    client = client_als(directeur)
    lijst = reverse("inkoop:mijn_werk_lijst", kwargs={"lijst": "te_beoordelen"})

    def maak(n):
        VersieFactory.create_batch(n, document__traject=traject, ingediend=True)

    def opvragen():
        assert client.get(reverse("inkoop:mijn_werk")).status_code == 200
        assert client.get(lijst).status_code == 200
        assert client.get(lijst, {"pagina": 2}).status_code == 200

    # Both pages stay at a fixed number of queries, with one item and with two pages of them.
    assert_constant_queries(maak, opvragen, klein=1, groot=PER_PAGINA + 5)
    html = client.get(reverse("inkoop:mijn_werk")).content.decode()
    assert html.count("/beoordelen/") == KORT and f'href="{lijst}"' in html
    eerste = client.get(lijst).content.decode()
    assert eerste.count("/beoordelen/") == PER_PAGINA and "Pagina 1 van 2" in eerste
    assert 'aria-label="Pagina&#x27;s van Versies ter beoordeling"' in eerste
    tweede = client.get(lijst, {"pagina": 2}).content.decode()
    assert tweede.count("/beoordelen/") == 5 and 'aria-current="page">2<' in tweede


def test_mijn_werk_zonder_meer_geen_link_en_onbekende_lijst_404(client_als, directeur, regio):
    VersieFactory(document__traject=TrajectFactory(regio=regio), ingediend=True)
    client = client_als(directeur)
    assert "Bekijk alles" not in client.get(reverse("inkoop:mijn_werk")).content.decode()
    onbekend = reverse("inkoop:mijn_werk_lijst", kwargs={"lijst": "alles"})
    assert client.get(onbekend).status_code == 404
