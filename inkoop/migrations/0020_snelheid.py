"""The GIN indexes of the Dutch full-text search, as the search's own queries write them.

0018_open_publicatie wrote the expression by hand: `COALESCE((titel)::text, '')`, where Django's
SearchVector writes `COALESCE(titel, '')::text` for a varchar column. PostgreSQL only uses an
expression index for the very same expression, so the indexes on principles, sections and
proposals were never used and every search computed to_tsvector for every row of the user's
regions (175 ms for one word at national scale). Here the index is built from the same
SearchVector as the query (inkoop/openbaar/zoeken.py), plus one for the text of adopted
versions. tests/openbaar/test_zoeken.py checks on PostgreSQL that the planner can use them.
PostgreSQL only: SQLite searches with its fallback.
"""

from importlib import import_module

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import TextField
from django.db.models.functions import Cast

INDEXEN = [
    ("uitgangspunten", "Uitgangspunt", "zoek_up_nl", ["titel", "uitleg"]),
    ("uitgangspunten", "Sectie", "zoek_sectie_nl", ["titel", "tekst"]),
    ("inkoop", "Voorstel", "zoek_voorstel_nl", ["onderwerp", "aanleiding", "argumenten"]),
    ("uitgangspunten", "Versie", "zoek_versie_nl", [Cast("inhoud", TextField())]),
]


def _index(naam, velden):
    return GinIndex(SearchVector(*velden, config="dutch"), name=naam)


def indexen_maken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app, model, naam, velden in INDEXEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {naam}")
        model = apps.get_model(app, model)
        schema_editor.add_index(model, _index(naam, velden))
        # Statistics of the new expression: without them the planner guesses how many rows a
        # word matches and may intersect a bitmap of every row for a word that is everywhere.
        schema_editor.execute(f"ANALYZE {model._meta.db_table}")


def indexen_terug(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _, _, naam, _ in INDEXEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {naam}")
    # The hand-written indexes of 0018 (zoek_versie_nl is new here).
    import_module("inkoop.migrations.0018_open_publicatie").indexen_maken(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("inkoop", "0019_api_sleutel"),
        ("uitgangspunten", "0005_opmaak_document_opmaak"),
    ]

    operations = [migrations.RunPython(indexen_maken, indexen_terug)]
