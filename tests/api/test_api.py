"""The JSON API (issue 15): keys per application scoped to regions, the app's permission
module, pagination, a request limit, input delivered through the services, and lists whose
query count does not grow with their length."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from inkoop.api import services
from inkoop.api.models import ApiToken
from inkoop.demo.demodata import demo_laden
from inkoop.sessies.models import Inbreng, Sessie
from regions.constants import Rol
from regions.models import Regio
from uitgangspunten.models import Uitgangspunt

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return demo_laden()


def _sleutel(demo, slug="gooi-en-vechtstreek", rol=Rol.SECRETARIS):
    regio = Regio.objects.get(slug=slug)
    _, sleutel = services.sleutel_uitgeven(
        door=demo["gebruikers"]["beheerder"], naam="Raadpleegtool", regios=[regio], rol=rol
    )
    return sleutel


def _get(client, url, sleutel=None, **extra):
    if sleutel:
        extra["HTTP_AUTHORIZATION"] = f"Bearer {sleutel}"
    return client.get(url, **extra)


def test_sleutel_alleen_als_hash_en_alleen_voor_zijn_regio(client, demo):
    sleutel = _sleutel(demo)
    token = ApiToken.objects.get()
    assert sleutel not in token.sleutel_hash and len(token.sleutel_hash) == 64
    data = _get(client, "/api/v1/regios/", sleutel).json()
    assert [r["slug"] for r in data["results"]] == ["gooi-en-vechtstreek"]
    assert "GM0402" in data["results"][0]["gemeenten"]
    bw = Uitgangspunt.objects.filter(traject__regio__slug="bommelerwaard").first()
    assert _get(client, f"/api/v1/uitgangspunten/{bw.pk}/", sleutel).status_code == 404
    assert _get(client, "/api/v1/regios/").status_code == 401
    assert _get(client, "/api/v1/regios/", "ink_verzonnen").status_code == 401


def test_ingetrokken_sleutel_geweigerd(client, demo):
    sleutel = _sleutel(demo)
    assert _get(client, "/api/v1/besluiten/", sleutel).status_code == 200
    services.sleutel_intrekken(door=demo["gebruikers"]["beheerder"], token=ApiToken.objects.get())
    assert _get(client, "/api/v1/besluiten/", sleutel).status_code == 401


def test_alleen_de_beheerder_geeft_sleutels(demo):
    with pytest.raises(PermissionDenied):
        services.sleutel_uitgeven(
            door=demo["gebruikers"]["adviseur"], naam="X", regios=Regio.objects.all()
        )


def test_lezer_ziet_geen_concepten(client, demo):
    sleutel = _sleutel(demo, rol=Rol.LEZER)
    assert _get(client, "/api/v1/voorzieningen/", sleutel).json()["count"] > 0
    assert _get(client, "/api/v1/uitgangspunten/", sleutel).json()["count"] == 0
    sessie = Sessie.objects.filter(regio__slug="gooi-en-vechtstreek", traject__isnull=False)[0]
    antwoord = client.post(
        f"/api/v1/sessies/{sessie.pk}/inbreng/",
        {"soort": "vraag", "tekst": "Hoe?", "bron_soort": "aanbieder"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {sleutel}",
    )
    assert antwoord.status_code == 404  # a reader does not see sessions at all


def test_inbreng_aanleveren_via_de_service_met_historie(client, demo):
    sleutel = _sleutel(demo)
    sessie = Sessie.objects.filter(
        regio__slug="gooi-en-vechtstreek", traject__isnull=False, verslag_besluiten__isnull=True
    ).first()
    voor = sessie.inbreng.count()
    antwoord = client.post(
        f"/api/v1/sessies/{sessie.pk}/inbreng/",
        {"soort": "advies", "tekst": "Meer aandacht voor mantelzorg", "bron_soort": "adviesraad",
         "bron_naam": "Adviesraad Hilversum"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {sleutel}",
    )  # fmt: skip
    assert antwoord.status_code == 201, antwoord.content
    inbreng = Inbreng.objects.get(pk=antwoord.json()["id"])
    assert inbreng.traject_id == sessie.traject_id and inbreng.volgorde == voor + 1
    assert inbreng.history.get().history_user.username.startswith("api-raadpleegtool")
    fout = client.post(
        f"/api/v1/sessies/{sessie.pk}/inbreng/",
        {"soort": "advies", "tekst": "", "bron_soort": "onzin"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {sleutel}",
    )
    assert fout.status_code == 400 and {"tekst", "bron_soort"} <= fout.json().keys()


def test_paginering_en_vaste_aantallen_queries(client, demo, django_assert_max_num_queries):
    sleutel = _sleutel(demo)
    eerste = _get(client, "/api/v1/uitgangspunten/?aantal=2", sleutel).json()
    assert len(eerste["results"]) == 2 and eerste["next"]
    lijsten = ["regios", "voorzieningen", "trajecten", "uitgangspunten", "documenten", "versies",
               "voorstellen", "besluiten", "sessies", "inbreng", "gemeenten"]  # fmt: skip
    for pad in lijsten:
        url = f"/api/v1/{pad}/"
        with django_assert_max_num_queries(8) as klein:
            assert _get(client, url + "?aantal=1", sleutel).status_code == 200
        with django_assert_max_num_queries(8) as groot:
            assert _get(client, url + "?aantal=200", sleutel).status_code == 200
        assert len(groot.captured_queries) == len(klein.captured_queries), pad


def test_versie_met_inhoud_en_pdf_link(client, demo):
    sleutel = _sleutel(demo, slug="bommelerwaard")
    versie = _get(client, "/api/v1/versies/", sleutel).json()["results"][0]
    assert versie["inhoud"] and "/pdf/versie/" in versie["pdf_maken"]


def test_aanvraaglimiet(client, demo, settings):
    settings.API_LIMIET = "3/min"
    sleutel = _sleutel(demo)
    codes = [_get(client, "/api/v1/regios/", sleutel).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_commando_geeft_uit_en_trekt_in(demo, capsys):
    call_command("api_sleutel", "uitgeven", "--naam", "Portaal", "--regio", "bommelerwaard",
                 "--door", "beheerder")  # fmt: skip
    sleutel = capsys.readouterr().out.strip().splitlines()[-1]
    token = ApiToken.objects.get(naam="Portaal")
    assert services.sleutel_hash(sleutel) == token.sleutel_hash
    call_command("api_sleutel", "intrekken", token.prefix, "--door", "beheerder")
    token.refresh_from_db()
    assert not token.actief
    assert not get_user_model().objects.get(pk=token.gebruiker_id).has_usable_password()


def test_documentatie_zonder_cdn(client):
    schema = client.get(reverse("api:schema"))
    assert schema.status_code == 200 and b"openapi: 3" in schema.content
    for naam in ("api:docs", "api:redoc"):
        html = client.get(reverse(naam)).content.decode()
        assert "/static/drf_spectacular_sidecar/" in html
        assert "cdn" not in html.lower() and "unpkg" not in html.lower()


def test_intrekken_in_de_admin(client, demo):
    _sleutel(demo)
    token = ApiToken.objects.get()
    client.force_login(demo["gebruikers"]["beheerder"])
    antwoord = client.post(
        reverse("admin:inkoop_apitoken_changelist"),
        {"action": "intrekken", "_selected_action": [token.pk]},
    )
    assert antwoord.status_code == 302
    token.refresh_from_db()
    assert not token.actief
