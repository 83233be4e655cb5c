"""Single sign-on (issue 15): the authorization code flow against a real OpenID Connect
provider on loopback (tests/sso/provider.py), ending logged in; without configuration the
login page has no button; roles stay in the app unless a claim is configured."""

from urllib.parse import urlparse

import pytest
import requests
from django.contrib.auth import get_user_model
from django.urls import reverse

from regions.constants import Rol
from regions.models import Roltoewijzing

from .provider import Provider

pytestmark = pytest.mark.django_db

PERSOON = {
    "sub": "ab12",
    "email": "femke.jong@gemeente.example",
    "preferred_username": "fjong",
    "given_name": "Femke",
    "family_name": "de Jong",
}


def _inloggen(client, provider) -> object:
    begin = client.get(reverse("oidc_authentication_init"))
    assert begin.status_code == 302 and begin["Location"].startswith(provider.url + "/authorize")
    bij_provider = requests.get(begin["Location"], allow_redirects=False, timeout=5)
    assert bij_provider.status_code == 302
    terug = urlparse(bij_provider.headers["Location"])
    return client.get(f"{terug.path}?{terug.query}")


def test_geen_configuratie_geen_knop(client):
    html = client.get(reverse("login")).content.decode()
    assert reverse("oidc_authentication_init") not in html


def test_inloggen_bij_een_echte_provider(client, settings):
    with Provider(PERSOON) as provider:
        for naam, waarde in provider.instellingen().items():
            setattr(settings, naam, waarde)
        html = client.get(reverse("login")).content.decode()
        assert reverse("oidc_authentication_init") in html
        assert "Inloggen met uw organisatieaccount" in html
        antwoord = _inloggen(client, provider)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("inkoop:regios")
    user = get_user_model().objects.get(email=PERSOON["email"])
    assert user.username == "fjong" and user.get_full_name() == "Femke de Jong"
    assert not user.has_usable_password()
    assert int(client.session["_auth_user_id"]) == user.pk
    assert client.get(reverse("inkoop:regios")).status_code == 200
    # New people get no roles: an administrator gives them in the app.
    assert not Roltoewijzing.objects.filter(gebruiker=user).exists()


def test_verkeerd_geheim_logt_niet_in(client, settings):
    with Provider(PERSOON) as provider:
        for naam, waarde in provider.instellingen().items():
            setattr(settings, naam, waarde)
        settings.OIDC_RP_CLIENT_SECRET = "fout"
        antwoord = _inloggen(client, provider)
    assert "sso=mislukt" in antwoord["Location"]
    assert "_auth_user_id" not in client.session


def test_rollen_uit_een_claim(client, settings, regio):
    persoon = {**PERSOON, "rollen": [f"{regio.slug}:{Rol.LEZER}", "onbekend:lezer"]}
    with Provider(persoon) as provider:
        for naam, waarde in provider.instellingen().items():
            setattr(settings, naam, waarde)
        settings.OIDC_ROLLEN_CLAIM = "rollen"
        _inloggen(client, provider)
    user = get_user_model().objects.get(email=PERSOON["email"])
    assert list(Roltoewijzing.objects.filter(gebruiker=user).values_list("regio", "rol")) == [
        (regio.pk, Rol.LEZER)
    ]
