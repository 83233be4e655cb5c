"""Attachments belong to the frozen version (issue 14): VersieBijlage, filled when a version is
frozen. Versions frozen before this migration get the attachments their document has now (there
was no record of which the document had then); see docs/pdf.md.

On PostgreSQL the database keeps them as frozen as the version (like migration 0014): the
attachment list of a version never changes (no update; no insert or delete once a body decided
on the version, except a superuser's reset), and an attachment a version carries keeps its file,
name and checksum (only `uit_concept` may be set). Deleting it is refused by the foreign key.
"""

import django.db.models.deletion
from django.db import migrations, models


def bestaande_versies(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Bijlage = apps.get_model("inkoop", "Bijlage")
    Versie = apps.get_model("uitgangspunten", "Versie")
    VersieBijlage = apps.get_model("inkoop", "VersieBijlage")
    document_type = ContentType.objects.filter(app_label="uitgangspunten", model="document")
    per_document = {}
    for bijlage in Bijlage.objects.filter(content_type__in=document_type).order_by(
        "geplaatst", "pk"
    ):
        per_document.setdefault(bijlage.object_id, []).append(bijlage.pk)
    VersieBijlage.objects.bulk_create(
        VersieBijlage(versie_id=versie_id, bijlage_id=bijlage_id)
        for versie_id, document_id in Versie.objects.filter(
            document_id__in=per_document
        ).values_list("pk", "document_id")
        for bijlage_id in per_document[document_id]
    )


TRIGGERS = """
CREATE OR REPLACE FUNCTION inkoop_versiebijlage_bevroren() RETURNS trigger AS $$
DECLARE
    rij RECORD;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF to_jsonb(NEW) IS NOT DISTINCT FROM to_jsonb(OLD) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'De bijlagen van versie % veranderen nooit meer', OLD.versie_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN rij := OLD; ELSE rij := NEW; END IF;
    IF EXISTS (SELECT 1 FROM inkoop_besluit WHERE versie_id = rij.versie_id) THEN
        IF TG_OP = 'DELETE' AND inkoop_opruimen_toegestaan() THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'Over versie % is besloten: haar bijlagen veranderen nooit meer',
            rij.versie_id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION inkoop_bijlage_bevroren() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM inkoop_versiebijlage WHERE bijlage_id = OLD.id)
       AND (to_jsonb(NEW) - 'uit_concept') IS DISTINCT FROM (to_jsonb(OLD) - 'uit_concept') THEN
        RAISE EXCEPTION 'Bijlage % hoort bij een bevroren versie en verandert niet meer', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS versiebijlage_bevroren ON inkoop_versiebijlage;
CREATE TRIGGER versiebijlage_bevroren BEFORE INSERT OR UPDATE OR DELETE ON inkoop_versiebijlage
    FOR EACH ROW EXECUTE FUNCTION inkoop_versiebijlage_bevroren();
DROP TRIGGER IF EXISTS bijlage_bevroren ON inkoop_bijlage;
CREATE TRIGGER bijlage_bevroren BEFORE UPDATE ON inkoop_bijlage
    FOR EACH ROW EXECUTE FUNCTION inkoop_bijlage_bevroren();
DROP TRIGGER IF EXISTS inkoop_versiebijlage_niet_leegmaken ON inkoop_versiebijlage;
CREATE TRIGGER inkoop_versiebijlage_niet_leegmaken BEFORE TRUNCATE ON inkoop_versiebijlage
    FOR EACH STATEMENT EXECUTE FUNCTION inkoop_niet_leegmaken();
"""

TERUG = """
DROP TRIGGER IF EXISTS inkoop_versiebijlage_niet_leegmaken ON inkoop_versiebijlage;
DROP TRIGGER IF EXISTS bijlage_bevroren ON inkoop_bijlage;
DROP TRIGGER IF EXISTS versiebijlage_bevroren ON inkoop_versiebijlage;
DROP FUNCTION IF EXISTS inkoop_bijlage_bevroren();
DROP FUNCTION IF EXISTS inkoop_versiebijlage_bevroren();
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
        ("inkoop", "0020_zoeken_gin"),
        ("uitgangspunten", "0005_opmaak_document_opmaak"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="bijlage",
            name="uit_concept",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="uit het concept gehaald"
            ),
        ),
        migrations.CreateModel(
            name="VersieBijlage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "bijlage",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="versies",
                        to="inkoop.bijlage",
                        verbose_name="bijlage",
                    ),
                ),
                (
                    "versie",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versiebijlagen",
                        to="uitgangspunten.versie",
                        verbose_name="versie",
                    ),
                ),
            ],
            options={
                "verbose_name": "bijlage van een versie",
                "verbose_name_plural": "bijlagen van versies",
                "ordering": ["versie", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("versie", "bijlage"), name="versiebijlage_uniek"
                    )
                ],
            },
        ),
        migrations.RunPython(bestaande_versies, migrations.RunPython.noop),
        migrations.RunPython(_alleen_postgresql(TRIGGERS), _alleen_postgresql(TERUG)),
    ]
