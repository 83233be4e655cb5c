"""Joins the migrations that the integrity work added side by side (no operations)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("inkoop", "0005_beheer_export_sha256"),
        ("inkoop", "0005_taken_export_herstel"),
        ("inkoop", "0006_domein_besluit_afwijking"),
    ]

    operations = []
