"""Whole pages from the shared cache (inkoop/core/paginacache.py): served again only while no
table they read has changed, whichever way the change is written, and never to someone else.

These tests commit for real (transaction=True): a page is only cached in autocommit, and the
generations rise on commit, as in production."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inkoop.core import paginacache
from regions.constants import Rol
from regions.models import Roltoewijzing
from tests.factories import DocumentFactory, SectieFactory, TrajectFactory, UserFactory
from uitgangspunten import services
from uitgangspunten.models import Sectie

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _aan(settings):
    settings.PAGINACACHE = True
    paginacache.lokaal_legen()


@pytest.fixture
def document(regio, adviseur):
    traject = TrajectFactory(regio=regio)
    document = DocumentFactory(traject=traject, aangemaakt_door=adviseur)
    SectieFactory(document=document, titel="Inleiding", tekst="Eerste tekst.")
    return document


def url(document):
    return reverse("uitgangspunten:document", args=[document.pk])


def ophalen(client, pad):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(pad)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_tweede_keer_uit_de_cache_met_alleen_sessie_en_gebruiker(client_als, adviseur, document):
    client = client_als(adviseur)
    eerste, n_eerste = ophalen(client, url(document))
    tweede, n_tweede = ophalen(client, url(document))
    assert n_tweede <= 2 < n_eerste  # the session and the user; the page itself from the cache
    assert "Inleiding" in tweede
    # Only the tokens differ: the page is the same.
    zonder = re.compile(r'(value="|"X-CSRFToken": ")[^"]*"')
    assert zonder.sub("", eerste) == zonder.sub("", tweede)


def test_ook_uit_de_gedeelde_cache_van_een_ander_proces(client_als, adviseur, document):
    client = client_als(adviseur)
    ophalen(client, url(document))
    paginacache.lokaal_legen()  # another gunicorn worker has only the shared level
    _, n = ophalen(client, url(document))
    assert n <= 2


@pytest.mark.parametrize("manier", ["service", "update", "sql"])
def test_elke_schrijfweg_maakt_de_pagina_opnieuw(client_als, adviseur, document, manier):
    client = client_als(adviseur)
    ophalen(client, url(document))
    sectie = Sectie.objects.get(document=document)
    if manier == "service":
        services.sectie_bijwerken(
            sectie=sectie, revisie=sectie.revisie, auteur=adviseur, titel="Nieuw", tekst="x"
        )
    elif manier == "update":  # a queryset update sends no signal
        Sectie.objects.filter(pk=sectie.pk).update(titel="Nieuw")
    else:
        with connection.cursor() as cursor:
            tabel = connection.ops.quote_name(Sectie._meta.db_table)
            cursor.execute(f"UPDATE {tabel} SET titel = %s WHERE id = %s", ["Nieuw", sectie.pk])
    html, n = ophalen(client, url(document))
    assert "Nieuw" in html and n > 2


def test_een_schrijfactie_telt_pas_na_de_commit(client_als, adviseur, document):
    sectie = Sectie.objects.get(document=document)
    tabel = Sectie._meta.db_table
    voor = paginacache._stand({tabel})
    with transaction.atomic():
        Sectie.objects.filter(pk=sectie.pk).update(titel="Binnen")
        # Not yet committed: another request reads the old row, so the old generation is right.
        assert paginacache._stand({tabel}) == voor
    assert paginacache._stand({tabel}) != voor


def test_teruggedraaid_verandert_niets_en_telt_niet(client_als, adviseur, document):
    client = client_als(adviseur)
    ophalen(client, url(document))
    with pytest.raises(RuntimeError), transaction.atomic():
        Sectie.objects.filter(document=document).update(titel="Nooit")
        raise RuntimeError
    html, n = ophalen(client, url(document))
    assert "Nooit" not in html and n <= 2


def test_ingetrokken_rol_geeft_bij_de_volgende_keer_403(client_als, adviseur, document):
    client = client_als(adviseur)
    ophalen(client, url(document))
    Roltoewijzing.objects.filter(gebruiker=adviseur).delete()
    assert client.get(url(document)).status_code in (403, 404)


def test_elke_gebruiker_zijn_eigen_pagina(client_als, adviseur, met_rol, regio, document):
    ophalen(client_als(adviseur), url(document))
    ander = met_rol(Rol.BELEIDSADVISEUR, regio, username="tweede-adviseur")
    client = Client()
    client.force_login(ander)
    html, n = ophalen(client, url(document))
    assert "tweede-adviseur" in html or ander.get_full_name() in html
    assert n > 2


def test_onbekende_gebruiker_krijgt_niets_uit_de_cache(client_als, adviseur, document):
    ophalen(client_als(adviseur), url(document))
    response = Client().get(url(document))
    assert response.status_code == 302  # to the login page, not the cached editor


def test_verlopen_generatie_komt_nooit_terug(client_als, adviseur, document):
    client = client_als(adviseur)
    ophalen(client, url(document))
    tabel = Sectie._meta.db_table
    oud = paginacache._stand({tabel})[tabel]
    cache.delete(paginacache._gen_sleutel(tabel))  # evicted, or Redis restarted
    _, n = ophalen(client, url(document))
    assert n > 2
    assert paginacache._stand({tabel})[tabel] > oud


def test_csrf_en_formuliertoken_per_antwoord(document, adviseur):
    client = Client(enforce_csrf_checks=True)
    client.force_login(adviseur)
    ophalen(client, url(document))
    html, n = ophalen(client, url(document))
    assert n <= 2
    assert "\x00" not in html
    eenmalig = re.findall(r'name="formulier_token" value="([^"]+)"', html)
    assert eenmalig and len(set(eenmalig)) == len(eenmalig)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    sectie = Sectie.objects.get(document=document)
    response = client.post(
        reverse("uitgangspunten:sectie_bewerken", args=[document.pk, sectie.pk]),
        {
            "csrfmiddlewaretoken": token,
            "titel": "Met het token van de gecachete pagina",
            "tekst": "x",
            "revisie": sectie.revisie,
        },
    )
    assert response.status_code in (200, 302)
    html, _ = ophalen(client, url(document))
    assert "Met het token van de gecachete pagina" in html


def test_pagina_met_melding_wordt_niet_bewaard(client_als, adviseur, document):
    client = client_als(adviseur)
    ophalen(client, url(document))
    kop = {"titel": "Nieuwe titel", "aan": "PFHO", "van": "DO", "betreft": "Inkoop",
           "datum": "2027-01-12", "kenmerk": "K1", "zaaknummer": "Z1", "revisie": 1}  # fmt: skip
    response = client.post(reverse("uitgangspunten:kop_bewerken", args=[document.pk]), kop)
    assert response.status_code == 302
    # The message shows on the next page once, and the page after it is without it.
    html, _ = ophalen(client, url(document))
    assert "Documentkop opgeslagen." in html and "Nieuwe titel" in html
    html, _ = ophalen(client, url(document))
    assert "Documentkop opgeslagen." not in html and "Nieuwe titel" in html


def test_uit_in_een_transactie_en_zonder_instelling(settings, client_als, adviseur, document):
    client = client_als(adviseur)
    settings.PAGINACACHE = False
    ophalen(client, url(document))
    _, n = ophalen(client, url(document))
    assert n > 2
    settings.PAGINACACHE = True
    with transaction.atomic():
        ophalen(client, url(document))
        _, n = ophalen(client, url(document))
    assert n > 2


def test_sleutel_per_host_gebruiker_en_adres(rf, adviseur, settings):
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]

    def sleutel(host, user, pad="/openbaar/sitemap.xml"):
        request = rf.get(pad, HTTP_HOST=host)
        request.user = user
        return paginacache._sleutel(request)

    anoniem = AnonymousUser()
    assert sleutel("a.example", anoniem) == sleutel("a.example", anoniem)
    assert sleutel("a.example", anoniem) != sleutel("b.example", anoniem)  # absolute URLs
    assert sleutel("a.example", anoniem) != sleutel("a.example", adviseur)
    assert sleutel("a.example", anoniem) != sleutel("a.example", anoniem, "/openbaar/?q=x")


@pytest.mark.parametrize(
    "sql, tabellen",
    [
        ('SELECT "a"."x" FROM "a"', set()),
        ('INSERT INTO "uitgangspunten_sectie" ("x") VALUES (1)', {"uitgangspunten_sectie"}),
        ('UPDATE "auth_user" SET "last_login" = %s WHERE "auth_user"."id" = %s', set()),
        ('UPDATE "auth_user" SET "email" = %s WHERE "auth_user"."id" = %s', {"auth_user"}),
        ('DELETE FROM "django_session" WHERE 1', set()),
        ('TRUNCATE "a", "b" RESTART IDENTITY', {"a", "b"}),
        ("ALTER TABLE x ADD COLUMN y int", None),
    ],
)
def test_geschreven_tabellen(sql, tabellen):
    assert paginacache.geschreven_tabellen(sql) == tabellen


def test_register_volgt_de_tabellen_van_de_modellen_behalve_de_sessie():
    assert UserFactory._meta.model._meta.db_table in paginacache._tabellen()
    assert "django_session" not in paginacache._tabellen()


def test_code_kenmerk_volgt_de_bronnen(settings, tmp_path):
    (tmp_path / "inkoop").mkdir()
    bron = tmp_path / "inkoop" / "selectors.py"
    bron.write_text("A = 1\n")
    settings.BASE_DIR, settings.STATIC_ROOT = tmp_path, tmp_path / "static"
    voor = paginacache._code_kenmerk.__wrapped__()
    bron.write_text("A = 2\n")  # a deploy with a changed selector
    na = paginacache._code_kenmerk.__wrapped__()
    assert na != voor
    settings.APP_VERSIE = "9.9.9"  # the footer shows it
    assert paginacache._code_kenmerk.__wrapped__() != na


def test_cache_weg_kost_de_cache_niet_de_pagina(settings, client_als, adviseur, document):
    client = client_als(adviseur)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing answers there
        }
    }
    html, _ = ophalen(client, url(document))
    assert "Inleiding" in html
    Sectie.objects.filter(document=document).update(titel="Terwijl Redis weg was")
    assert paginacache._achterstand  # the raise waits
    html, n = ophalen(client, url(document))
    assert "Terwijl Redis weg was" in html and n > 2
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    ophalen(client, url(document))
    assert not paginacache._achterstand  # raised once the cache answers again
