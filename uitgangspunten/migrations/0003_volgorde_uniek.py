"""One item per place: existing duplicate places are renumbered first, in the order the pages
showed them (place, then pk), before the unique constraints are added (integrity issue, item 10)."""

from itertools import groupby

from django.db import migrations, models


def _hernummeren(model, groep_velden):
    """Number every group that holds a duplicate place 0..n, keeping the order shown."""
    rijen = model.objects.order_by(*groep_velden, "volgorde", "pk")
    for _sleutel, groep in groupby(
        rijen.iterator(), key=lambda r: [getattr(r, v) for v in groep_velden]
    ):
        groep = list(groep)
        plaatsen = [r.volgorde for r in groep]
        if len(set(plaatsen)) == len(plaatsen):
            continue
        boven = max(plaatsen) + 1
        for i, rij in enumerate(groep):  # step aside first: no moment with two rows on one place
            model.objects.filter(pk=rij.pk).update(volgorde=boven + i)
        for i, rij in enumerate(groep):
            model.objects.filter(pk=rij.pk).update(volgorde=i)


def hernummeren(apps, schema_editor):
    _hernummeren(apps.get_model("uitgangspunten", "Sectie"), ["document_id", "is_bijlage"])
    _hernummeren(
        apps.get_model("uitgangspunten", "Uitgangspunt"),
        ["traject_id", "soort", "voorziening_id", "perceel_id"],
    )
    if schema_editor.connection.vendor == "postgresql":
        # The updates leave deferred foreign-key checks pending; PostgreSQL alters no table
        # with pending trigger events, so they run now, in this same transaction.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("inkoop", "0014_beheer_bevroren_trigger"),
        ("uitgangspunten", "0002_word_kop_labels"),
        ("voorzieningen", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(hernummeren, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="sectie",
            constraint=models.UniqueConstraint(
                fields=("document", "is_bijlage", "volgorde"),
                name="sectie_volgorde_uniek",
                violation_error_message="Op deze plaats staat al een sectie.",
            ),
        ),
        migrations.AddConstraint(
            model_name="uitgangspunt",
            constraint=models.UniqueConstraint(
                condition=models.Q(("perceel__isnull", True), ("voorziening__isnull", True)),
                fields=("traject", "soort", "volgorde"),
                name="uitgangspunt_volgorde_uniek",
                violation_error_message="Op deze plaats staat al een uitgangspunt.",
            ),
        ),
        migrations.AddConstraint(
            model_name="uitgangspunt",
            constraint=models.UniqueConstraint(
                condition=models.Q(("perceel__isnull", True), ("voorziening__isnull", False)),
                fields=("traject", "soort", "voorziening", "volgorde"),
                name="uitgangspunt_volgorde_uniek_voorziening",
                violation_error_message="Op deze plaats staat al een uitgangspunt.",
            ),
        ),
        migrations.AddConstraint(
            model_name="uitgangspunt",
            constraint=models.UniqueConstraint(
                condition=models.Q(("perceel__isnull", False)),
                fields=("traject", "soort", "voorziening", "perceel", "volgorde"),
                name="uitgangspunt_volgorde_uniek_perceel",
                violation_error_message="Op deze plaats staat al een uitgangspunt.",
            ),
        ),
    ]
