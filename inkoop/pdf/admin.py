from django.contrib import admin

from inkoop.pdf.models import Export


@admin.register(Export)
class ExportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "soort", "status", "voortgang", "paginas", "duur", "aangemaakt"]
    list_filter = ["status", "soort"]
    search_fields = ["bestandsnaam", "inhoud_hash", "task_id"]
    readonly_fields = ["aangemaakt", "gestart", "gereed"]
    raw_id_fields = ["aangevraagd_door"]
