# GIN indexes for the Dutch full-text search (inkoop/openbaar/zoeken.py); PostgreSQL only.
# The expression must be the one Django's SearchVector writes (COALESCE(col, '') joined by
# ' ', no cast), else the planner never uses the index: the indexes of 0018_open_publicatie
# cast each column and were never used (tests/openbaar/test_zoeken.py runs EXPLAIN).
# Also new: statements, action points and the frozen text of versions; and the PDF kind of a
# published decision list (inkoop/openbaar/pdf.py).

from django.db import migrations, models

INDEXEN = [
    ("uitgangspunten_uitgangspunt", "zoek_up_nl", ["titel", "uitleg"]),
    ("uitgangspunten_sectie", "zoek_sectie_nl", ["titel", "tekst"]),
    ("inkoop_voorstel", "zoek_voorstel_nl", ["onderwerp", "aanleiding", "argumenten"]),
    ("inkoop_conclusie", "zoek_conclusie_nl", ["tekst"]),
    ("inkoop_inbreng", "zoek_inbreng_nl", ["tekst", "antwoord"]),
    ("inkoop_stelling", "zoek_stelling_nl", ["tekst", "toelichting"]),
    ("inkoop_actiepunt", "zoek_actiepunt_nl", ["omschrijving"]),
]
# inkoop.openbaar.zoeken.JsonTekstVector
VERSIE = (
    "CREATE INDEX zoek_versie_nl ON uitgangspunten_versie USING gin "
    "(jsonb_to_tsvector('dutch'::regconfig, inhoud, '[\"string\"]'::jsonb))"
)


def _expressie(velden):
    return " || ' ' || ".join(f"COALESCE({v}, '')" for v in velden)


def indexen_maken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for tabel, naam, velden in INDEXEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {naam}")
        schema_editor.execute(
            f"CREATE INDEX {naam} ON {tabel} "
            f"USING gin (to_tsvector('dutch'::regconfig, {_expressie(velden)}))"
        )
        # Statistics of the new expression: without them the planner guesses how many rows a
        # word matches and may scan a bitmap of every row for a word that is everywhere.
        schema_editor.execute(f"ANALYZE {tabel}")
    schema_editor.execute("DROP INDEX IF EXISTS zoek_versie_nl")
    schema_editor.execute(VERSIE)
    schema_editor.execute("ANALYZE uitgangspunten_versie")


def indexen_weg(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for naam in ("zoek_stelling_nl", "zoek_actiepunt_nl", "zoek_versie_nl"):
        schema_editor.execute(f"DROP INDEX IF EXISTS {naam}")


class Migration(migrations.Migration):
    dependencies = [
        ("inkoop", "0019_api_sleutel"),
        ("uitgangspunten", "0005_opmaak_document_opmaak"),
    ]

    operations = [
        migrations.RunPython(indexen_maken, indexen_weg),
        migrations.AlterField(
            model_name="export",
            name="soort",
            field=models.CharField(
                choices=[
                    ("versie", "Notitie (documentversie)"),
                    ("redline", "Wijzigingen (redline)"),
                    ("voorstel", "Voorstel"),
                    ("verslag", "Verslag"),
                    ("besluitenlijst", "Besluitenlijst"),
                    ("reactienota", "Reactienota"),
                    ("woo_besluitenlijst", "Openbare besluitenlijst"),
                ],
                max_length=20,
                verbose_name="soort",
            ),
        ),
    ]
