"""The editor and its partials must not run more queries as the document grows."""

import pytest
from django.urls import reverse

from tests.factories import (
    DocumentFactory,
    SectieFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
    UitgangspuntFactory,
)
from tests.factories.uitgangspunten import OpmerkingFactory
from tests.utils import assert_constant_queries
from uitgangspunten.constants import SectieSoort, UitgangspuntSoort

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(regio, adviseur):
    traject = TrajectFactory(regio=regio)
    document = DocumentFactory(traject=traject, aangemaakt_door=adviseur)
    for soort in (
        SectieSoort.TEKST,
        SectieSoort.ALGEMENE_UITGANGSPUNTEN,
        SectieSoort.VOORZIENINGENTABEL,
    ):
        SectieFactory(document=document, soort=soort)
    return document


def groei(document):
    traject = document.traject
    secties = list(document.secties.all())

    def maak(n):
        tv = TrajectVoorzieningFactory(traject=traject)
        for i in range(n):
            soort = UitgangspuntSoort.VOORZIENING if i % 2 else UitgangspuntSoort.STRATEGISCH
            up = UitgangspuntFactory(
                traject=traject,
                soort=soort,
                voorziening=tv.voorziening if soort == UitgangspuntSoort.VOORZIENING else None,
            )
            if i % 10 == 0:
                OpmerkingFactory(document=document, sectie=secties[i % 3], uitgangspunt=up)

    return maak


def test_editor_met_200_uitgangspunten_constant_aantal_queries(client_als, adviseur, document):
    client = client_als(adviseur)
    pagina = reverse("uitgangspunten:document", args=[document.pk])

    def opvragen():
        response = client.get(pagina)
        assert response.status_code == 200

    aantal = assert_constant_queries(groei(document), opvragen, klein=1, groot=200)
    assert aantal < 30
    assert document.traject.uitgangspunten.count() == 200


def test_sectiepartial_en_lijst_constant_aantal_queries(client_als, adviseur, document):
    client = client_als(adviseur)
    sectie = document.secties.get(soort=SectieSoort.ALGEMENE_UITGANGSPUNTEN)
    partial = reverse("uitgangspunten:sectie", args=[document.pk, sectie.pk])
    assert_constant_queries(
        groei(document), lambda: client.get(partial, HTTP_HX_REQUEST="true"), klein=1, groot=60
    )


def test_historie_en_vergelijken_constant_aantal_queries(client_als, adviseur, document):
    from uitgangspunten import services

    client = client_als(adviseur)
    services.versie_vastleggen(document=document, auteur=adviseur)

    def opvragen():
        client.get(reverse("uitgangspunten:historie", args=[document.pk]))
        client.get(reverse("uitgangspunten:vergelijken", args=[document.pk]))

    assert_constant_queries(groei(document), opvragen, klein=1, groot=40)
