import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_inlogpagina_is_nederlands(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert 'lang="nl"' in response.text
    assert "Gebruikersnaam" in response.text and "Wachtwoord" in response.text
    assert "Naar de inhoud" in response.text


def test_verkeerd_wachtwoord_geeft_nederlandse_melding(client, adviseur):
    response = client.post(reverse("login"), {"username": "adviseur-test", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.text
    assert 'value="adviseur-test"' in response.text  # what was typed stays


def test_inloggen_en_uitloggen(client, adviseur):
    response = client.post(
        reverse("login"), {"username": "adviseur-test", "password": "test-wachtwoord-123"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("inkoop:regios")
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("inkoop:regios")).status_code == 302


def test_te_vaak_fout_blokkeert(client, adviseur):
    for _ in range(5):
        client.post(reverse("login"), {"username": "adviseur-test", "password": "fout"})
    response = client.post(
        reverse("login"), {"username": "adviseur-test", "password": "test-wachtwoord-123"}
    )
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.text


def test_csrf_token_gaat_mee_met_htmx(client_als, adviseur):
    response = client_als(adviseur).get(reverse("inkoop:regios"))
    assert 'hx-headers=\'{"X-CSRFToken"' in response.text
    assert "htmx" in response.text  # loaded from django-htmx, not a CDN
    # No script or stylesheet from another host (the CSRF token in the page is random text, so
    # searching the whole page for "cdn" fails now and then).
    bronnen = re.findall(r'(?:src|href)="([^"]*)"', response.text)
    assert not [b for b in bronnen if b.startswith(("http:", "https:", "//"))], bronnen
