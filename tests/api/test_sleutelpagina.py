"""API keys issued and revoked by a region's administrator in the app (not only the admin):
shown once, scoped to the regions they set up, the rules in the service."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from inkoop.api import services
from inkoop.api.models import ApiToken
from regions.constants import Rol
from tests.factories import RegioFactory, RoltoewijzingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheer():
    noord, zuid, elders = (
        RegioFactory(slug=s, naam=f"Regio {s}") for s in ("noord", "zuid", "elders")
    )
    beheerder = UserFactory(username="rb", first_name="Rita", last_name="Beheer")
    for regio in (noord, zuid):
        RoltoewijzingFactory(gebruiker=beheerder, regio=regio, rol=Rol.REGIOBEHEERDER)
    return beheerder, noord, zuid, elders


def _url(regio):
    return reverse("inkoop:api_sleutels", kwargs={"slug": regio.slug})


def _regios_api(client, sleutel):
    return client.get("/api/v1/regios/", HTTP_AUTHORIZATION=f"Bearer {sleutel}")


def test_beheerder_geeft_sleutel_uit_die_eenmaal_getoond_wordt(client, beheer):
    beheerder, noord, zuid, elders = beheer
    client.force_login(beheerder)
    pagina = client.get(_url(noord)).content.decode()
    assert "Regio elders" not in pagina  # only regions they set up can be chosen
    antwoord = client.post(_url(noord), {"naam": "Raadpleegtool", "rol": Rol.SECRETARIS,
                                         "regios": [noord.pk]})  # fmt: skip
    assert antwoord.status_code == 200 and "no-cache" in antwoord["Cache-Control"]
    sleutel = re.search(r'value="(ink_[^"]+)"', antwoord.content.decode()).group(1)
    token = ApiToken.objects.get()
    assert token.uitgegeven_door == beheerder and list(token.regios.all()) == [noord]
    assert sleutel not in (token.sleutel_hash, token.prefix)  # only the hash is stored
    assert sleutel not in client.get(_url(noord)).content.decode()  # shown once
    client.logout()
    lijst = _regios_api(client, sleutel).json()
    assert [r["slug"] for r in lijst["results"]] == ["noord"]


def test_geen_sleutel_buiten_de_eigen_regios(client, beheer):
    beheerder, noord, zuid, elders = beheer
    client.force_login(beheerder)
    antwoord = client.post(_url(noord), {"naam": "Tool", "rol": Rol.LEZER,
                                         "regios": [noord.pk, elders.pk]})  # fmt: skip
    html = antwoord.content.decode()
    assert "In deze regio geeft u geen sleutels uit" in html and 'value="Tool"' in html
    assert not ApiToken.objects.exists()
    with pytest.raises(PermissionDenied):  # the rule is the service's, not only the form's
        services.sleutel_uitgeven(door=beheerder, naam="Tool", regios=[elders])
    leeg = client.post(_url(noord), {"naam": "", "rol": Rol.LEZER, "regios": []}).content.decode()
    assert "Kies minstens één regio." in leeg
    adviseur = UserFactory()
    RoltoewijzingFactory(gebruiker=adviseur, regio=noord, rol=Rol.BELEIDSADVISEUR)
    client.force_login(adviseur)
    assert client.get(_url(noord)).status_code == 403
    assert client.post(_url(noord), {"naam": "X", "rol": Rol.LEZER,
                                     "regios": [noord.pk]}).status_code == 403  # fmt: skip


def test_intrekken_op_de_pagina_en_niet_van_een_andere_regio(client, beheer):
    beheerder, noord, zuid, elders = beheer
    superuser = UserFactory(is_superuser=True, is_staff=True)
    eigen, sleutel = services.sleutel_uitgeven(door=beheerder, naam="Eigen", regios=[noord, zuid])
    breed, _ = services.sleutel_uitgeven(door=superuser, naam="Landelijk", regios=[noord, elders])
    client.force_login(beheerder)
    pagina = client.get(_url(noord)).content.decode()
    assert "Eigen" in pagina and "Landelijk" in pagina and "Rita Beheer" in pagina
    intrekken = reverse("inkoop:api_sleutel_intrekken", kwargs={"slug": noord.slug, "pk": eigen.pk})
    assert client.post(intrekken).status_code == 302
    eigen.refresh_from_db()
    assert not eigen.actief and eigen.history.first().history_user == beheerder
    assert "Ingetrokken op" in client.get(_url(noord)).content.decode()
    # A key that also reaches a region they do not set up is not theirs to revoke.
    breed_url = reverse("inkoop:api_sleutel_intrekken", kwargs={"slug": noord.slug, "pk": breed.pk})
    assert client.post(breed_url).status_code == 403
    breed.refresh_from_db()
    assert breed.actief
    client.logout()
    assert _regios_api(client, sleutel).status_code == 401


def test_sleutellijst_vaste_query_telling(client, beheer, django_assert_max_num_queries):
    beheerder, noord, zuid, elders = beheer
    services.sleutel_uitgeven(door=beheerder, naam="Een", regios=[noord])
    client.force_login(beheerder)
    client.get(_url(noord))
    with django_assert_max_num_queries(30) as een:
        client.get(_url(noord))
    for n in range(5):
        services.sleutel_uitgeven(door=UserFactory(is_superuser=True), naam=f"T{n}",
                                  regios=[noord, zuid])  # fmt: skip
    with django_assert_max_num_queries(len(een.captured_queries)):
        assert client.get(_url(noord)).content.decode().count("Intrekken<") == 6
