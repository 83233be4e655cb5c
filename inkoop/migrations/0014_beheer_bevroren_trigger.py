"""On PostgreSQL the database itself keeps every decided record as it was (issue 11, item 12).

Extends migration 0003: a version a body decided on keeps every column (also author, note,
review state and creation time: the whole row is compared, so a column added later is covered
too); a decision (Besluit) and its outcomes per decision point (BesluitPunt) are never updated
or deleted; a decision point (Beslispunt) someone decided on keeps its text and stays. TRUNCATE,
which fires no row triggers, is refused on these tables while any decision exists (also when it
arrives through TRUNCATE ... CASCADE from a table they refer to).

The one exception is a database reset: a DELETE or TRUNCATE by a superuser session that asked
for it with `SET inkoop.opruimen = 'ja'` (the test suite does so to empty its own test database
between tests). A superuser can switch triggers off anyway; the app's own role is no superuser
(docker-compose.yml, README "Databaserol"), so for the app, its migrations and anyone who holds
its password, the exception does not exist, and `session_replication_role = replica` (which
would skip the triggers) is refused to it by PostgreSQL.

SQLite has no such triggers; there the domain guards (inkoop.besluitvorming.services) and the
read-only admin hold.
"""

from django.db import migrations

FUNCTIES = """
CREATE OR REPLACE FUNCTION inkoop_opruimen_toegestaan() RETURNS boolean AS $$
    SELECT coalesce(current_setting('inkoop.opruimen', true), '') = 'ja'
       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper);
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION inkoop_versie_bevroren() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM inkoop_besluit WHERE versie_id = OLD.id) THEN
        IF TG_OP = 'DELETE' THEN
            IF inkoop_opruimen_toegestaan() THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'Versie % is besloten en kan niet worden verwijderd', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF to_jsonb(NEW) IS DISTINCT FROM to_jsonb(OLD) THEN
            RAISE EXCEPTION 'Versie % is besloten en verandert nooit meer', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION inkoop_besluit_bevroren() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND inkoop_opruimen_toegestaan() THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND to_jsonb(NEW) IS NOT DISTINCT FROM to_jsonb(OLD) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Een besluit (% %) verandert nooit meer en blijft bewaard', TG_TABLE_NAME, OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION inkoop_beslispunt_bevroren() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM inkoop_besluitpunt WHERE beslispunt_id = OLD.id) THEN
        IF TG_OP = 'DELETE' THEN
            IF inkoop_opruimen_toegestaan() THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'Over beslispunt % is besloten: het blijft bewaard', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF to_jsonb(NEW) IS DISTINCT FROM to_jsonb(OLD) THEN
            RAISE EXCEPTION 'Over beslispunt % is besloten: het verandert nooit meer', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION inkoop_niet_leegmaken() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM inkoop_besluit) AND NOT inkoop_opruimen_toegestaan() THEN
        RAISE EXCEPTION 'Er zijn besluiten: % kan niet worden leeggemaakt', TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""

TRIGGERS = """
DROP TRIGGER IF EXISTS besluit_bevroren ON inkoop_besluit;
CREATE TRIGGER besluit_bevroren BEFORE UPDATE OR DELETE ON inkoop_besluit
    FOR EACH ROW EXECUTE FUNCTION inkoop_besluit_bevroren();
DROP TRIGGER IF EXISTS besluitpunt_bevroren ON inkoop_besluitpunt;
CREATE TRIGGER besluitpunt_bevroren BEFORE UPDATE OR DELETE ON inkoop_besluitpunt
    FOR EACH ROW EXECUTE FUNCTION inkoop_besluit_bevroren();
DROP TRIGGER IF EXISTS beslispunt_bevroren ON inkoop_beslispunt;
CREATE TRIGGER beslispunt_bevroren BEFORE UPDATE OR DELETE ON inkoop_beslispunt
    FOR EACH ROW EXECUTE FUNCTION inkoop_beslispunt_bevroren();
"""

LEEGMAKEN = """
DROP TRIGGER IF EXISTS {tabel}_niet_leegmaken ON {tabel};
CREATE TRIGGER {tabel}_niet_leegmaken BEFORE TRUNCATE ON {tabel}
    FOR EACH STATEMENT EXECUTE FUNCTION inkoop_niet_leegmaken();
"""
BEWAAKT = ["uitgangspunten_versie", "inkoop_besluit", "inkoop_besluitpunt", "inkoop_beslispunt"]

TERUG = (
    "".join(f"DROP TRIGGER IF EXISTS {tabel}_niet_leegmaken ON {tabel};\n" for tabel in BEWAAKT)
    + """
DROP TRIGGER IF EXISTS besluit_bevroren ON inkoop_besluit;
DROP TRIGGER IF EXISTS besluitpunt_bevroren ON inkoop_besluitpunt;
DROP TRIGGER IF EXISTS beslispunt_bevroren ON inkoop_beslispunt;
DROP FUNCTION IF EXISTS inkoop_niet_leegmaken();
DROP FUNCTION IF EXISTS inkoop_beslispunt_bevroren();
DROP FUNCTION IF EXISTS inkoop_besluit_bevroren();
"""
)

# Migration 0003's version of the version trigger function, for the way back.
VERSIE_0003 = """
CREATE OR REPLACE FUNCTION inkoop_versie_bevroren() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM inkoop_besluit WHERE versie_id = OLD.id) THEN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'Versie % is besloten en kan niet worden verwijderd', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW.inhoud::jsonb IS DISTINCT FROM OLD.inhoud::jsonb
           OR NEW.inhoud_hash IS DISTINCT FROM OLD.inhoud_hash
           OR NEW.nummer IS DISTINCT FROM OLD.nummer
           OR NEW.document_id IS DISTINCT FROM OLD.document_id THEN
            RAISE EXCEPTION 'Versie % is besloten en verandert nooit meer', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DROP FUNCTION IF EXISTS inkoop_opruimen_toegestaan();
"""


def _alleen_postgresql(*delen):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            # A plain cursor without parameters: the "%" in RAISE is not a placeholder.
            with schema_editor.connection.cursor() as cursor:
                for sql in delen:
                    cursor.execute(sql)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [
        ("inkoop", "0013_word_leesopdracht"),
    ]

    operations = [
        migrations.RunPython(
            _alleen_postgresql(FUNCTIES, TRIGGERS, *(LEEGMAKEN.format(tabel=t) for t in BEWAAKT)),
            _alleen_postgresql(TERUG, VERSIE_0003),
        ),
    ]
