"""Security gates: production headers and cookies, CSP, login throttling, session expiry,
password rules, and a static check that no template carries inline script.

The production checks run in a subprocess with DJANGO_DEBUG=0, because the secure settings are
decided when settings.py is imported and cannot be switched on afterwards in this process.
"""

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
WACHTWOORD = "test-wachtwoord-123"
STERKE_SLEUTEL = "k3y-" + "x9Qm2Lp7Zr4Tt8Vw1Ny6Bc3Df5Gh0Jk" * 2

PRODUCTIE_SCRIPT = r"""
import json
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
call_command("collectstatic", verbosity=0, interactive=False)
from django.contrib.auth import get_user_model
from django.test import Client
get_user_model().objects.create_user("veilig", password="Een-sterk-wachtwoord-2026")

def koppen(r):
    return {k.lower(): v for k, v in r.items()}

def koekje(r, naam):
    c = r.cookies.get(naam)
    if c is None:
        return None
    return {"secure": bool(c["secure"]), "httponly": bool(c["httponly"]),
            "samesite": c["samesite"], "max-age": c["max-age"], "expires": c["expires"]}

uit = {}
http = Client().get("/account/inloggen/")
uit["http"] = {"status": http.status_code, "location": http.get("Location", "")}
c = Client(HTTP_X_FORWARDED_PROTO="https")
inlog = c.get("/account/inloggen/")
uit["inlog"] = {"status": inlog.status_code, "koppen": koppen(inlog),
                "csrf": koekje(inlog, "csrftoken")}
na = c.post("/account/inloggen/", {"username": "veilig", "password": "Een-sterk-wachtwoord-2026"})
uit["login"] = {"status": na.status_code, "sessie": koekje(na, "sessionid")}
pagina = c.get("/")
uit["pagina"] = {"status": pagina.status_code, "koppen": koppen(pagina)}
print("RESULTAAT" + json.dumps(uit))
"""


@pytest.fixture(scope="module")
def productie(tmp_path_factory):
    """Run the app once in production settings (DEBUG off, strong key) and collect the
    headers and cookies of the login page, a login and a page behind the login."""
    tmp = tmp_path_factory.mktemp("productie")
    omgeving = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    omgeving.update(
        DJANGO_SETTINGS_MODULE="inkoop.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=STERKE_SLEUTEL,
        DJANGO_ALLOWED_HOSTS="testserver",
        VAR_DIR=str(tmp),
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
    )
    uit = subprocess.run(
        [sys.executable, "-c", PRODUCTIE_SCRIPT],
        cwd=ROOT, env=omgeving, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert uit.returncode == 0, uit.stderr
    regel = next(r for r in uit.stdout.splitlines() if r.startswith("RESULTAAT"))
    return json.loads(regel.removeprefix("RESULTAAT"))


def _script_src(csp: str) -> list[str]:
    for directive in csp.split(";"):
        delen = directive.split()
        if delen and delen[0] == "script-src":
            return delen[1:]
    # Without script-src, default-src governs scripts.
    for directive in csp.split(";"):
        delen = directive.split()
        if delen and delen[0] == "default-src":
            return delen[1:]
    return []


def test_productie_stuurt_http_door_naar_https(productie):
    assert productie["http"]["status"] == 301
    assert productie["http"]["location"].startswith("https://")


@pytest.mark.parametrize("welke", ["inlog", "pagina"])
def test_productie_beveiligingskoppen(productie, welke):
    assert productie[welke]["status"] == 200
    koppen = productie[welke]["koppen"]
    hsts = koppen["strict-transport-security"]
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 31_536_000
    assert "includeSubDomains" in hsts
    assert koppen["x-frame-options"] == "DENY"
    assert koppen["x-content-type-options"] == "nosniff"
    assert koppen["referrer-policy"] == "same-origin"
    csp = koppen["content-security-policy"]
    bronnen = _script_src(csp)
    assert bronnen == ["'self'"], csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp


def test_productie_cookies_veilig(productie):
    csrf = productie["inlog"]["csrf"]
    assert csrf is not None and csrf["secure"] and csrf["httponly"], csrf
    assert productie["login"]["status"] == 302
    sessie = productie["login"]["sessie"]
    assert sessie is not None, "inloggen zette geen sessiecookie"
    assert sessie["secure"] and sessie["httponly"], sessie
    assert sessie["samesite"] == "Lax"
    # Expires when the browser closes: no lifetime on the cookie itself.
    assert not sessie["max-age"] and not sessie["expires"], sessie


@pytest.mark.django_db
def test_csp_ook_in_debug_zonder_unsafe_inline_scripts(client_als, adviseur):
    for response in (
        client_als(adviseur).get(reverse("inkoop:regios")),
        client_als(adviseur).get(reverse("login")),
    ):
        csp = response["Content-Security-Policy"]
        bronnen = _script_src(csp)
        assert bronnen, csp
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:"} & set(bronnen), csp


@pytest.mark.django_db
def test_pagina_bevat_geen_inline_script(client_als, adviseur, regio):
    """Rendered pages, not only template sources: every <script> has a src."""
    client = client_als(adviseur)
    for url in (
        reverse("inkoop:regios"),
        reverse("inkoop:regio", args=[regio.slug]),
        reverse("inkoop:mijn_werk"),
        reverse("inkoop:status"),
    ):
        html = client.get(url).text
        for tag in re.findall(r"<script\b[^>]*>", html, flags=re.I):
            assert "src=" in tag, (url, tag)


# --- Login throttling (django-axes) -------------------------------------------------------


@pytest.mark.django_db
def test_blokkade_na_vijf_fouten_en_weer_inloggen_na_afkoelen(client, adviseur):
    inlog = reverse("login")
    for _ in range(5):
        client.post(inlog, {"username": "adviseur-test", "password": "fout"})
    geblokkeerd = client.post(inlog, {"username": "adviseur-test", "password": WACHTWOORD})
    assert geblokkeerd.status_code == 429
    assert "Tijdelijk geblokkeerd" in geblokkeerd.text
    assert "_auth_user_id" not in client.session

    # Still blocked a minute later; free again once the cool-off (15 minutes) has passed.
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=1))
    juist = {"username": "adviseur-test", "password": WACHTWOORD}
    assert client.post(inlog, juist).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    weer = client.post(inlog, {"username": "adviseur-test", "password": WACHTWOORD})
    assert weer.status_code == 302, weer.status_code
    assert client.get(reverse("inkoop:regios")).status_code == 200


@pytest.mark.django_db
def test_blokkade_geldt_per_gebruikersnaam(client, adviseur, met_rol, regio):
    """Failures on one name do not lock another user out from the same address."""
    from regions.constants import Rol

    met_rol(Rol.LEZER, regio, username="andere-gebruiker")
    for _ in range(5):
        client.post(reverse("login"), {"username": "adviseur-test", "password": "fout"})
    andere = client.post(reverse("login"), {"username": "andere-gebruiker", "password": WACHTWOORD})
    assert andere.status_code == 302


# --- Sessions ----------------------------------------------------------------------------


def test_sessie_instellingen(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert 0 < settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert settings.SESSION_COOKIE_HTTPONLY is True


@pytest.mark.django_db
def test_verlopen_sessie_moet_opnieuw_inloggen(client, adviseur):
    client.post(reverse("login"), {"username": "adviseur-test", "password": WACHTWOORD})
    assert client.get(reverse("inkoop:regios")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = client.get(reverse("inkoop:regios"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_sessie_verloopt_na_werkdag(client, adviseur, settings):
    client.post(reverse("login"), {"username": "adviseur-test", "password": WACHTWOORD})
    sessie = Session.objects.get()
    resterend = (sessie.expire_date - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 60 < resterend <= settings.SESSION_COOKIE_AGE


# --- Passwords ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wachtwoord", "melding"),
    [
        ("Kort-1!", "te kort"),
        ("123456789012345", "alleen cijfers"),
        ("password1234", "te algemeen"),
        ("adviseur-test-1", "lijkt te veel op"),
    ],
)
@pytest.mark.django_db
def test_zwakke_wachtwoorden_geweigerd_met_nederlandse_melding(adviseur, wachtwoord, melding):
    with pytest.raises(ValidationError) as fout:
        validate_password(wachtwoord, adviseur)
    tekst = " ".join(fout.value.messages)
    assert melding in tekst, tekst
    assert "password" not in tekst.lower()


@pytest.mark.django_db
def test_sterk_wachtwoord_geaccepteerd(adviseur):
    validate_password("Zeven-kaarsen-op-de-dijk", adviseur)


@pytest.mark.django_db
def test_beheer_wachtwoordformulier_weigert_kort_wachtwoord(adviseur):
    form = AdminPasswordChangeForm(adviseur, {"password1": "Kort-1!", "password2": "Kort-1!"})
    assert not form.is_valid()
    assert "minstens 12 tekens" in str(form.errors)
    adviseur.refresh_from_db()
    assert adviseur.check_password(WACHTWOORD), "het oude wachtwoord moet blijven gelden"


# --- Templates ---------------------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I | re.S)
HX_ON = re.compile(r"\b(hx-on\b|hx-on:|hx-on-|data-hx-on)", re.I)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.I)


def _sjablonen():
    return sorted(p for p in TEMPLATES.rglob("*") if p.is_file() and p.suffix in {".html", ".txt"})


def _overtredingen(tekst: str) -> list[str]:
    gevonden = []
    # Template comments may mention forbidden things in prose.
    tekst = re.sub(r"{#.*?#}", "", tekst, flags=re.S)
    tekst = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", "", tekst, flags=re.S)
    for regex, naam in (
        (INLINE_SCRIPT, "inline <script>"),
        (EVENT_HANDLER, "on*= handler"),
        (HX_ON, "hx-on"),
        (JAVASCRIPT_URL, "javascript:-URL"),
    ):
        gevonden += [f"{naam}: {m.group(0)[:80]!r}" for m in regex.finditer(tekst)]
    return gevonden


def test_geen_inline_script_of_handlers_in_sjablonen():
    assert _sjablonen(), "geen sjablonen gevonden"
    fouten = {}
    for pad in _sjablonen():
        gevonden = _overtredingen(pad.read_text(encoding="utf-8"))
        if gevonden:
            fouten[str(pad.relative_to(ROOT))] = gevonden
    assert fouten == {}, f"CSP-overtredingen in sjablonen: {json.dumps(fouten, indent=2)}"


@pytest.mark.parametrize(
    "fout",
    [
        "<script>alert(1)</script>",
        '<script type="module">x()</script>',
        '<button onclick="x()">Ga</button>',
        '<div\n  class="a"\n  onmouseover="x()">',
        '<form hx-on::after-request="x()">',
        '<a hx-on:click="x()">',
        '<a href="javascript:alert(1)">',
    ],
)
def test_sjablooncontrole_vangt_overtredingen(fout):
    assert _overtredingen(f"<main>{fout}</main>")


@pytest.mark.parametrize(
    "goed",
    [
        '<script src="/static/js/app.js" defer></script>',
        "{# <script>alert(1)</script> in a comment #}",
        '<p class="online">Opmerking over onboarding</p>',
        '<input name="on_hold" value="1">',
    ],
)
def test_sjablooncontrole_laat_nette_sjablonen_door(goed):
    assert _overtredingen(goed) == []
