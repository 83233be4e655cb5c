import os

import pytest
from django.conf import settings
from django.db import connection

from inkoop.celery import app as celery_app
from regions.constants import Rol
from tests.factories import LidmaatschapFactory, RegioFactory, RoltoewijzingFactory, UserFactory


def pytest_configure(config):
    """Each xdist worker (of each run) its own key space in a shared Redis, so one worker's
    cache never answers, or empties, another's (tests.utils.cache_legen)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")[:8]
        settings.CACHES["default"]["KEY_PREFIX"] = f"test-{run}-{worker}"


def pytest_collection_modifyitems(config, items):
    """Integration tests need the real services; without REDIS_URL they are skipped here,
    but CI (.ci/run) always sets it, so they always run there."""
    if os.environ.get("REDIS_URL"):
        return
    skip = pytest.mark.skip(reason="REDIS_URL niet gezet: geen echte worker")
    for item in items:
        if "integration" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """On PostgreSQL the database keeps decisions and decided versions (migration
    0014_beheer_bevroren_trigger); emptying the test database between transactional tests is
    a reset that only a superuser session that asks for it may do. The suite asks, for its
    own test database only (tests/beheer/test_database_bevroren.py switches it off again)."""
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            naam = connection.ops.quote_name(connection.settings_dict["NAME"])
            cursor.execute(f"ALTER DATABASE {naam} SET inkoop.opruimen = 'ja'")
            cursor.execute("SET inkoop.opruimen = 'ja'")


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden_en_taken(request, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Unit tests run tasks in-process; integration tests go through Redis to a real worker.
    eager = "integration" not in request.keywords
    vorige = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager or not settings.REDIS_URL
    yield
    celery_app.conf.task_always_eager = vorige


@pytest.fixture
def regio(db):
    regio = RegioFactory(naam="Regio Noord", slug="noord")
    LidmaatschapFactory.create_batch(3, regio=regio)
    return regio


@pytest.fixture
def andere_regio(db):
    return RegioFactory(naam="Regio Zuid", slug="zuid")


@pytest.fixture
def met_rol(db):
    """met_rol(Rol.DIRECTEUR, regio) → a user with that role in that region."""

    def maak(rol=Rol.BELEIDSADVISEUR, regio=None, **kwargs):
        user = UserFactory(**kwargs)
        if regio is not None:
            RoltoewijzingFactory(gebruiker=user, regio=regio, rol=rol)
        return user

    return maak


@pytest.fixture
def adviseur(met_rol, regio):
    return met_rol(Rol.BELEIDSADVISEUR, regio, username="adviseur-test")


@pytest.fixture
def directeur(met_rol, regio):
    return met_rol(Rol.DIRECTEUR, regio, username="directeur-test")


@pytest.fixture
def lezer(met_rol, regio):
    return met_rol(Rol.LEZER, regio, username="lezer-test")


@pytest.fixture
def client_als(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"]
    return f"database: {engine}, redis: {bool(os.environ.get('REDIS_URL'))}"
