from django.contrib import admin

from inkoop.core.revisie import AlleenLezenAdmin
from inkoop.pdf.models import Bijlage, Export


class _Onderwerp:
    """The generic relation's two columns under Dutch names (Django names them after the
    fields: "content type", "object id")."""

    exclude = ["content_type", "object_id"]
    readonly_fields = ["soort_onderwerp", "onderwerp_nummer"]

    @admin.display(description="soort onderwerp", ordering="content_type")
    def soort_onderwerp(self, obj):
        return obj.content_type

    @admin.display(description="nummer van het onderwerp", ordering="object_id")
    def onderwerp_nummer(self, obj):
        return obj.object_id


@admin.register(Export)
class ExportAdmin(_Onderwerp, AlleenLezenAdmin, admin.ModelAdmin):
    """Read-only: a PDF is made by the export task from a frozen version; replacing its file
    here would hand readers another document under the original name (issue 11, item 7). The
    download checks the file against its stored sha256 (`controle_sha256`)."""

    list_display = ["__str__", "soort", "status", "voortgang", "paginas", "duur", "aangemaakt"]
    list_filter = ["status", "soort"]
    search_fields = ["bestandsnaam", "inhoud_hash", "task_id"]
    raw_id_fields = ["aangevraagd_door"]


@admin.register(Bijlage)
class BijlageAdmin(_Onderwerp, AlleenLezenAdmin, admin.ModelAdmin):
    """Read-only: an attachment is placed and removed in the app (inkoop.pdf.bijlagen), where
    its type, size and the right to its subject are checked; its file is embedded in PDFs."""

    list_display = ["naam", "mime", "grootte", "soort_onderwerp", "onderwerp_nummer", "geplaatst"]
    list_filter = ["mime", "content_type"]
    search_fields = ["naam", "sha256"]
