import pytest
from django.urls import reverse

from regions.constants import Rol
from tests.factories import (
    LidmaatschapFactory,
    PerceelFactory,
    RegioFactory,
    RoltoewijzingFactory,
    TrajectFactory,
    VoorzieningFactory,
)
from tests.utils import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_login_required(client):
    response = client.get(reverse("inkoop:regios"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_overzicht_toont_alleen_eigen_regios(client_als, adviseur, regio, andere_regio):
    response = client_als(adviseur).get(reverse("inkoop:regios"))
    assert response.status_code == 200
    assert "Regio Noord" in response.text
    assert "Regio Zuid" not in response.text


def test_overzicht_zonder_rol_legt_uit_wat_te_doen(client_als, met_rol):
    response = client_als(met_rol()).get(reverse("inkoop:regios"))
    assert "nog geen rol in een regio" in response.text


def test_regio_van_ander_geweigerd(client_als, adviseur, andere_regio):
    response = client_als(adviseur).get(andere_regio.get_absolute_url())
    assert response.status_code == 403


def test_onbekende_regio_is_404(client_als, adviseur):
    assert client_als(adviseur).get("/regio/bestaat-niet/").status_code == 404


def test_regio_toont_leden_met_cbs_code_en_historie(client_als, lezer, regio):
    LidmaatschapFactory(
        regio=regio, gemeente__naam="Weesp", gemeente__cbs_code="GM0457",
        einde="2022-03-23", toelichting="Opgegaan in Amsterdam",
    )  # fmt: skip
    VoorzieningFactory(regio=regio, naam="Huishoudelijke hulp")
    TrajectFactory(regio=regio, naam="Inkoop 2027 e.v.")
    response = client_als(lezer).get(regio.get_absolute_url())
    assert response.status_code == 200
    assert "GM0457" in response.text
    assert "Geen lid meer" in response.text
    assert "Opgegaan in Amsterdam" in response.text
    assert "Huishoudelijke hulp" in response.text
    assert "Inkoop 2027 e.v." in response.text
    assert "3 gemeenten nemen nu deel" in response.text


@pytest.mark.parametrize("rol", Rol.values)
def test_elke_rol_ziet_de_regio(client_als, met_rol, regio, rol):
    assert client_als(met_rol(rol, regio)).get(regio.get_absolute_url()).status_code == 200


def test_regio_query_aantal_groeit_niet(client_als, adviseur, regio):
    client = client_als(adviseur)

    def data(n):
        LidmaatschapFactory.create_batch(n, regio=regio)
        perceel = PerceelFactory(regio=regio)
        VoorzieningFactory.create_batch(n, regio=regio, perceel=perceel)
        TrajectFactory.create_batch(n, regio=regio)

    assert_constant_queries(data, lambda: client.get(regio.get_absolute_url()))


def test_overzicht_query_aantal_groeit_niet(client_als, met_rol):
    user = met_rol()
    client = client_als(user)

    def data(n):
        for regio in RegioFactory.create_batch(n):
            RoltoewijzingFactory(gebruiker=user, regio=regio)
            LidmaatschapFactory.create_batch(2, regio=regio)
            VoorzieningFactory.create_batch(2, regio=regio)

    assert_constant_queries(data, lambda: client.get(reverse("inkoop:regios")))
