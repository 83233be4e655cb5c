"""Reliability: with Redis (the task queue) away, pages keep working and starting a job never
gives a server error; the job stays visible as waiting.

`broker_onbereikbaar()` is the reusable piece: a context manager that points Celery at a
closed port with eager execution off, in this process. The PDF export tests use it like:

    with broker_onbereikbaar(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(export_url)
    assert response.status_code in (200, 302)
    assert "in de wachtrij" in client.get(...).text

The subprocess test below runs the app with REDIS_URL itself pointing at a closed port, as a
production installation would be when the Redis container is down (cache and broker both gone).
"""

import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.urls import reverse

from inkoop.celery import app as celery_app
from inkoop.overzicht.models import Statuscontrole

ROOT = Path(__file__).resolve().parent.parent
DICHTE_POORT = "redis://127.0.0.1:1/0"


def _pools_vergeten():
    celery_app._pool = None
    amqp = celery_app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


@contextmanager
def broker_onbereikbaar(url: str = DICHTE_POORT):
    """Celery publishes to a broker that refuses connections; tasks are not run eagerly."""
    conf = celery_app.conf
    vorige = {k: conf[k] for k in ("broker_url", "task_always_eager", "broker_connection_timeout")}
    conf.broker_url = url
    conf.task_always_eager = False
    conf.broker_connection_timeout = 1
    _pools_vergeten()
    try:
        yield
    finally:
        for sleutel, waarde in vorige.items():
            conf[sleutel] = waarde
        _pools_vergeten()


@pytest.mark.django_db
def test_paginas_werken_zonder_wachtrij(client_als, adviseur, regio):
    client = client_als(adviseur)
    with broker_onbereikbaar():
        for url in (
            reverse("inkoop:regios"),
            reverse("inkoop:regio", args=[regio.slug]),
            reverse("inkoop:mijn_werk"),
            reverse("inkoop:status"),
        ):
            assert client.get(url).status_code == 200, url


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_controle_starten_zonder_wachtrij_geen_500(
    client_als, adviseur, django_capture_on_commit_callbacks, caplog, htmx
):
    client = client_als(adviseur)
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    begin = time.monotonic()
    with broker_onbereikbaar(), django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("inkoop:statuscontrole_starten"), **extra)
    duur = time.monotonic() - begin
    assert callbacks, "de taak werd niet na de commit ingepland"
    assert response.status_code == (200 if htmx else 302)
    assert duur < 10, f"de pagina wachtte {duur:.1f} s op een wachtrij die er niet is"
    assert "niet ingepland" in caplog.text
    # The check is recorded, unanswered, and the page says so in Dutch.
    controle = Statuscontrole.objects.get()
    assert controle.beantwoord_op is None and controle.task_id == ""
    pagina = client.get(reverse("inkoop:status"))
    assert pagina.status_code == 200
    assert "Wacht op antwoord" in pagina.text
    assert "de wachtrij niet bereikbaar" in pagina.text


@pytest.mark.django_db
def test_hulpstuk_herstelt_instellingen():
    voor = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    with broker_onbereikbaar():
        assert celery_app.conf.broker_url == DICHTE_POORT
        assert celery_app.conf.task_always_eager is False
    assert (celery_app.conf.broker_url, celery_app.conf.task_always_eager) == voor


SCRIPT = r"""
import json, time
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from inkoop.models import Statuscontrole
user = get_user_model().objects.create_user("a", password="x")
client = Client()
client.force_login(user)
uit = {"eager": settings.CELERY_TASK_ALWAYS_EAGER, "broker": settings.CELERY_BROKER_URL}
for naam, url in (("overzicht", "/"), ("mijn_werk", "/mijn-werk/"), ("status", "/status/")):
    uit[naam] = client.get(url).status_code
begin = time.monotonic()
uit["starten"] = client.post("/status/controle/").status_code
uit["starten_htmx"] = client.post("/status/controle/", HTTP_HX_REQUEST="true").status_code
uit["duur"] = time.monotonic() - begin
uit["controles"] = Statuscontrole.objects.count()
uit["status_na"] = client.get("/status/").content.decode().count("Wacht op antwoord")
print("RESULTAAT" + json.dumps(uit))
"""


def test_app_met_redis_url_naar_dichte_poort(tmp_path):
    """The whole app with REDIS_URL set but Redis down (cache, broker and results)."""
    omgeving = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    omgeving.update(
        DJANGO_SETTINGS_MODULE="inkoop.settings",
        REDIS_URL=DICHTE_POORT,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        VAR_DIR=str(tmp_path),
    )
    uit = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT, env=omgeving, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert uit.returncode == 0, uit.stderr[-3000:]
    regel = next(r for r in uit.stdout.splitlines() if r.startswith("RESULTAAT"))
    resultaat = json.loads(regel.removeprefix("RESULTAAT"))
    assert resultaat["eager"] is False and resultaat["broker"] == DICHTE_POORT
    assert resultaat["overzicht"] == resultaat["mijn_werk"] == resultaat["status"] == 200
    assert resultaat["starten"] == 302
    assert resultaat["starten_htmx"] == 200
    assert resultaat["duur"] < 20, resultaat
    assert resultaat["controles"] == 2
    assert resultaat["status_na"] == 1
