"""Project-wide checks: settings, deploy check, migrations, admin, docker-compose."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
EIGEN_APPS = {"regions", "voorzieningen", "inkoop", "uitgangspunten"}


# Set by pytest (pyproject.toml, pytest-env) or a developer's shell: a subprocess that checks the
# defaults must not inherit them.
NIET_ERVEN = {"DATABASE_URL", "REDIS_URL", "DJANGO_DEBUG", "DJANGO_SECRET_KEY", "TAKEN_MODUS"}


def _django(code: str, **env) -> subprocess.CompletedProcess:
    omgeving = {k: v for k, v in os.environ.items() if k not in NIET_ERVEN}
    omgeving.update(env)
    omgeving["DJANGO_SETTINGS_MODULE"] = "inkoop.settings"
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT, env=omgeving, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_zonder_omgeving_is_productie_en_eist_een_eigen_sleutel():
    # Issue 11, punt 19: without DJANGO_DEBUG the app is in production mode, so the public
    # development key is never accepted by accident.
    uit = _django("")
    assert uit.returncode != 0
    assert "DJANGO_SECRET_KEY" in uit.stderr
    uit = _django(
        "from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE)",
        DJANGO_SECRET_KEY="k3y-" + "x9Qm2Lp7Zr4Tt8Vw1Ny6Bc3Df5Gh0Jk" * 2,
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == ["False", "True"]


def test_ontwikkeling_expliciet_sqlite_eager_en_debug():
    uit = _django(
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.DEBUG, "
        "s.EMAIL_BACKEND, s.CACHES['default']['BACKEND'])",
        DJANGO_DEBUG="1",
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == [
        "django.db.backends.sqlite3", "True", "True",
        "django.core.mail.backends.console.EmailBackend",
        "django.core.cache.backends.locmem.LocMemCache",
    ]  # fmt: skip


def test_met_database_url_en_redis_url_postgres_en_worker():
    uit = _django(
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.CELERY_BROKER_URL)",
        DATABASE_URL="postgres://u:p@db:5432/inkoop",
        REDIS_URL="redis://redis:6379/0",
        DJANGO_DEBUG="1",
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == [
        "django.db.backends.postgresql", "False", "redis://redis:6379/0"
    ]  # fmt: skip


def test_productie_zonder_secret_key_start_niet():
    uit = _django("", DJANGO_DEBUG="0")
    assert uit.returncode != 0
    assert "DJANGO_SECRET_KEY" in uit.stderr


def test_check_deploy_zonder_waarschuwingen():
    # The production default: no DJANGO_DEBUG at all, only what production must bring.
    omgeving = {k: v for k, v in os.environ.items() if k not in NIET_ERVEN}
    omgeving.update(
        DJANGO_SECRET_KEY="k3y-" + "x9Qm2Lp7Zr4Tt8Vw1Ny6Bc3Df5Gh0Jk" * 2,
        DJANGO_ALLOWED_HOSTS="inkoop.example.nl",
    )
    uit = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=omgeving, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "no issues" in uit.stdout


@pytest.mark.django_db
def test_geen_ontbrekende_migraties():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_migraties_zijn_omkeerbaar(tmp_path):
    omgeving = {k: v for k, v in os.environ.items() if k not in NIET_ERVEN}
    omgeving["DJANGO_DEBUG"] = "1"
    omgeving["DATABASE_URL"] = f"sqlite:///{tmp_path / 'omkeer.sqlite3'}"
    apps_terug = ("uitgangspunten", "inkoop", "voorzieningen", "regions")
    for stap in (["migrate"], *[["migrate", app, "zero"] for app in apps_terug], ["migrate"]):
        uit = subprocess.run(
            [sys.executable, "manage.py", *stap, "--noinput", "-v0"],
            cwd=ROOT, env=omgeving, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert uit.returncode == 0, (stap, uit.stderr)


def test_elk_model_in_de_admin():
    ontbrekend = [
        m._meta.label
        for m in apps.get_models()
        if m._meta.app_label in EIGEN_APPS
        and not m.__name__.startswith("Historical")
        and m not in admin.site._registry
    ]
    assert ontbrekend == []


@pytest.mark.django_db
def test_admin_lijsten_en_formulieren_werken(admin_client):
    from django.core.management import call_command

    call_command("load_demo", force=True, verbosity=0)
    for model, _model_admin in admin.site._registry.items():
        if model._meta.app_label not in EIGEN_APPS:
            continue
        info = (model._meta.app_label, model._meta.model_name)
        lijst = admin_client.get(reverse("admin:{}_{}_changelist".format(*info)), {"q": "a"})
        assert lijst.status_code == 200, info
        object = model.objects.first()
        if object is not None:
            wijzig = admin_client.get(reverse("admin:{}_{}_change".format(*info), args=[object.pk]))
            assert wijzig.status_code == 200, info
            assert 'lang="nl' in wijzig.text


def test_docker_compose_past_bij_de_settings():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    diensten = compose["services"]
    assert set(diensten) == {"web", "worker", "db", "redis"}
    for naam in diensten:
        assert "healthcheck" in diensten[naam], naam
    assert "gunicorn inkoop.wsgi" in diensten["web"]["command"]
    assert diensten["worker"]["command"].startswith("celery -A inkoop worker")
    assert {"pgdata", "redisdata", "media"} <= set(compose["volumes"])
    settings_tekst = (ROOT / "inkoop" / "settings.py").read_text()
    for dienst in ("web", "worker"):
        omgeving = diensten[dienst]["environment"]
        for sleutel in omgeving:
            assert f'"{sleutel}"' in settings_tekst or f"{sleutel}=" in settings_tekst, sleutel
        assert omgeving["DATABASE_URL"].startswith("postgres://")
        assert "@db:5432/" in omgeving["DATABASE_URL"]
        assert omgeving["REDIS_URL"] == "redis://redis:6379/0"
        assert omgeving["DJANGO_DEBUG"] == "0"


def test_make_zet_ontwikkeling_expliciet_bij_elke_aanroep_van_django():
    """`make run`, `make demo`, `make worker` ... set DJANGO_DEBUG=1 themselves: production is the
    default of the settings, development is what the Makefile asks for."""
    uit = subprocess.run(
        ["make", "-n", "-B", "run", "worker", "bench-diff", "bench-pdf"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert uit.returncode == 0, uit.stderr
    django_regels = [
        r for r in uit.stdout.splitlines() if "manage.py" in r or "celery " in r or "bench_" in r
    ]
    assert len(django_regels) >= 5, uit.stdout
    for regel in django_regels:
        assert "DJANGO_DEBUG=1" in regel, regel


def test_ci_zet_ontwikkeling_expliciet():
    tekst = (ROOT / ".ci" / "run").read_text()
    assert 'export DJANGO_DEBUG="1"' in tekst
