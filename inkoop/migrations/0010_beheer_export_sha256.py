"""Every export file gets the sha256 it had when it was made; the download checks it.

Files made before this migration get the sum of the file as it is now (trust on first use);
a file that cannot be read gets none, and the download then refuses it.
"""

import hashlib

from django.db import migrations, models


def sommen_vastleggen(apps, schema_editor):
    Export = apps.get_model("inkoop", "Export")
    for export in Export.objects.using(schema_editor.connection.alias).exclude(bestand=""):
        try:
            with export.bestand.open("rb") as bestand:
                som = hashlib.sha256(bestand.read()).hexdigest()
        except OSError:
            continue
        Export.objects.filter(pk=export.pk).update(bestand_sha256=som)


class Migration(migrations.Migration):
    dependencies = [
        ("inkoop", "0009_taken_export_herstel"),
            ]

    operations = [
        migrations.AddField(
            model_name="export",
            name="bestand_sha256",
            field=models.CharField(
                blank=True, editable=False, max_length=64, verbose_name="sha256 van het bestand"
            ),
        ),
        migrations.RunPython(sommen_vastleggen, migrations.RunPython.noop),
    ]
