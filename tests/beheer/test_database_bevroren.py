"""Issue 11, item 12: on PostgreSQL the database itself keeps every decided record.

A decided version keeps every column, a decision and its outcomes never change, a decided
decision point keeps its text, and TRUNCATE is refused while decisions exist — for a superuser
session that does not explicitly reset the database, and for a role like the app's own: a table
owner that is no superuser, which may not set `session_replication_role = replica` (the switch
that skips triggers) nor disable the system triggers. The app's migrations run with such a role.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import DatabaseError, connection, transaction

from inkoop.besluitvorming.models import BesluitPunt
from inkoop.trajecten.constants import GremiumSoort
from tests.factories import GremiumFactory, TrajectFactory, UserFactory
from tests.factories.besluitvorming import BeslispuntFactory, BesluitFactory, VersieFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="triggers alleen op PostgreSQL"),
]
ROOT = Path(__file__).resolve().parents[2]
TABELLEN = ["uitgangspunten_versie", "inkoop_besluit", "inkoop_besluitpunt", "inkoop_beslispunt"]


@pytest.fixture
def besloten(regio):
    versie = VersieFactory(document__traject=TrajectFactory(regio=regio), goedgekeurd=True)
    punt = BeslispuntFactory(voorstel__traject=versie.document.traject, tekst="Instemmen.")
    besluit = BesluitFactory(
        gremium=GremiumFactory(regio=regio, soort=GremiumSoort.DO), versie=versie,
        voorstel=punt.voorstel,
    )  # fmt: skip
    BesluitPunt.objects.create(besluit=besluit, beslispunt=punt, uitkomst=besluit.uitkomst)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL inkoop.opruimen = 'nee'")  # no reset in these tests
        # Check the deferred foreign keys now: TRUNCATE and ALTER TABLE refuse pending ones.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    return besluit


def _geweigerd(sql, params=None):
    with pytest.raises(DatabaseError) as fout, transaction.atomic(), connection.cursor() as c:
        c.execute(sql, params)
    return str(fout.value)


def _weigeringen(besluit):
    """Every write that must be refused, as (sql, params)."""
    versie, punt = besluit.versie_id, besluit.punten.get().beslispunt_id
    anders = UserFactory().pk
    return [
        ("UPDATE uitgangspunten_versie SET inhoud = '{}'::jsonb WHERE id = %s", [versie]),
        ("UPDATE uitgangspunten_versie SET auteur_id = %s WHERE id = %s", [anders, versie]),
        ("UPDATE uitgangspunten_versie SET toelichting = 'stiekem' WHERE id = %s", [versie]),
        ("UPDATE uitgangspunten_versie SET beoordeling = 'concept' WHERE id = %s", [versie]),
        ("UPDATE uitgangspunten_versie SET aangemaakt = now() - interval '1 year' WHERE id = %s",
         [versie]),
        ("DELETE FROM uitgangspunten_versie WHERE id = %s", [versie]),
        ("UPDATE inkoop_besluit SET uitkomst = 'afgewezen' WHERE id = %s", [besluit.pk]),
        ("UPDATE inkoop_besluit SET versie_id = NULL WHERE id = %s", [besluit.pk]),
        ("DELETE FROM inkoop_besluit WHERE id = %s", [besluit.pk]),
        ("UPDATE inkoop_besluitpunt SET uitkomst = 'afgewezen' WHERE besluit_id = %s",
         [besluit.pk]),
        ("DELETE FROM inkoop_besluitpunt WHERE besluit_id = %s", [besluit.pk]),
        ("UPDATE inkoop_beslispunt SET tekst = 'Iets anders.' WHERE id = %s", [punt]),
        ("DELETE FROM inkoop_beslispunt WHERE id = %s", [punt]),
        *((f"TRUNCATE {tabel} CASCADE", None) for tabel in TABELLEN),
        ("TRUNCATE uitgangspunten_document CASCADE", None),  # reaches versions and decisions
    ]  # fmt: skip


def test_database_weigert_elke_wijziging_van_besloten_rijen(besloten):
    for sql, params in _weigeringen(besloten):
        melding = _geweigerd(sql, params)
        assert "besloten" in melding or "besluit" in melding, (sql, melding)
    besloten.refresh_from_db()
    assert besloten.versie.toelichting != "stiekem"


def test_onbesloten_rijen_blijven_vrij(besloten):
    vrij = VersieFactory(document=besloten.versie.document)
    punt = BeslispuntFactory(voorstel=besloten.voorstel, tekst="Nog open.")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE uitgangspunten_versie SET toelichting = 'mag' WHERE id = %s",
                       [vrij.pk])  # fmt: skip
        cursor.execute("UPDATE inkoop_beslispunt SET tekst = 'Mag.' WHERE id = %s", [punt.pk])
        cursor.execute("DELETE FROM inkoop_beslispunt WHERE id = %s", [punt.pk])
        # Saving a decided row unchanged (the ORM's save()) is no change.
        cursor.execute("UPDATE inkoop_besluit SET uitkomst = uitkomst WHERE id = %s",
                       [besloten.pk])  # fmt: skip


def test_eigenaarrol_zonder_superuser_kan_de_triggers_niet_omzeilen(besloten):
    """A role like the app's: it owns the tables, it is no superuser."""
    rol = f"inkoop_eigenaar_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks before ALTER TABLE
        cursor.execute(f"CREATE ROLE {rol} LOGIN NOSUPERUSER")  # rolled back with the test
        cursor.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {rol}")
        for tabel in TABELLEN:
            cursor.execute(f"ALTER TABLE {tabel} OWNER TO {rol}")
        cursor.execute(f"SET LOCAL ROLE {rol}")
        cursor.execute("SET LOCAL inkoop.opruimen = 'ja'")  # asking for a reset does not help
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        assert cursor.fetchone() == (False,)

    assert "permission denied" in _geweigerd("SET session_replication_role = replica")
    assert "permission denied" in _geweigerd(
        "ALTER TABLE uitgangspunten_versie DISABLE TRIGGER ALL"
    )
    for sql, params in _weigeringen(besloten):
        melding = _geweigerd(sql, params)
        assert "besloten" in melding or "besluit" in melding, (sql, melding)


def test_migraties_draaien_met_een_eigenaarrol_zonder_superuser():
    """As in docker-compose.yml: the database belongs to a NOSUPERUSER role, which migrates."""
    instellingen = connection.settings_dict
    beheer = psycopg.connect(
        host=instellingen["HOST"] or "127.0.0.1", port=instellingen["PORT"] or 5432,
        user=instellingen["USER"], password=instellingen["PASSWORD"] or None,
        dbname="postgres", autocommit=True,
    )  # fmt: skip
    rol = f"inkoop_mig_{uuid.uuid4().hex[:8]}"
    try:
        beheer.execute(f"CREATE ROLE {rol} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")
        beheer.execute(f"CREATE DATABASE {rol} OWNER {rol}")
        omgeving = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
        host = instellingen["HOST"] or "127.0.0.1"
        omgeving["DATABASE_URL"] = f"postgres://{rol}@{host}:{instellingen['PORT'] or 5432}/{rol}"
        uit = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=ROOT, env=omgeving, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert uit.returncode == 0, uit.stderr
        with psycopg.connect(omgeving["DATABASE_URL"]) as app:
            triggers = app.execute(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname"
            ).fetchall()
            assert {"versie_bevroren", "besluit_bevroren", "inkoop_besluit_niet_leegmaken"} <= {
                t for (t,) in triggers
            }
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                app.execute("SET session_replication_role = replica")
    finally:
        beheer.execute(f"DROP DATABASE IF EXISTS {rol}")
        beheer.execute(f"DROP ROLE IF EXISTS {rol}")
        beheer.close()
