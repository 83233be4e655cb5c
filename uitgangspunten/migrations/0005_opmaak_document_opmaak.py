from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("uitgangspunten", "0004_api_historie"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="opmaak",
            field=models.JSONField(blank=True, default=dict, verbose_name="opmaak"),
        ),
        migrations.AddField(
            model_name="historicaldocument",
            name="opmaak",
            field=models.JSONField(blank=True, default=dict, verbose_name="opmaak"),
        ),
    ]
