"""On PostgreSQL the database itself refuses to change or delete a version a body decided on.

Only the frozen fields are guarded (document, nummer, inhoud, inhoud_hash): the review state
(beoordeling) and the note may still move. SQLite has no such trigger; there the domain guard in
inkoop.services.besluitvorming holds on every ORM save path.
"""

from django.db import migrations

TRIGGER = """
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

DROP TRIGGER IF EXISTS versie_bevroren ON uitgangspunten_versie;
CREATE TRIGGER versie_bevroren BEFORE UPDATE OR DELETE ON uitgangspunten_versie
    FOR EACH ROW EXECUTE FUNCTION inkoop_versie_bevroren();
"""

TERUG = """
DROP TRIGGER IF EXISTS versie_bevroren ON uitgangspunten_versie;
DROP FUNCTION IF EXISTS inkoop_versie_bevroren();
"""


def _alleen_postgresql(sql):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            # A plain cursor without parameters: the "%" in RAISE is not a placeholder.
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [
        ("inkoop", "0002_initial"),
        ("uitgangspunten", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(_alleen_postgresql(TRIGGER), _alleen_postgresql(TERUG)),
    ]
