"""Attachments belong to the frozen version (issue 14): VersieBijlage, filled when a version is
frozen. Versions frozen before this migration get the attachments their document has now (there
was no record of which the document had then); see docs/pdf.md."""

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


class Migration(migrations.Migration):
    dependencies = [
        ("inkoop", "0019_api_sleutel"),
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
    ]
