from django.contrib import admin, messages

from inkoop.core.revisie import AlleenLezenAdmin, RevisieAdmin
from inkoop.pdf import bijlagen
from inkoop.pdf.models import Bijlage, Export, VersieBijlage


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
class BijlageAdmin(_Onderwerp, RevisieAdmin, admin.ModelAdmin):
    """Never changed here: an attachment is placed in the app (inkoop.pdf.bijlagen), where its
    type, size and the right to its subject are checked. Removing one goes through the same
    service as the app (`bijlage_verwijderen`): one a frozen version carries only leaves the
    draft, and a closed subject (adopted minutes, a decided proposal) keeps its attachments."""

    list_display = [
        "naam", "mime", "grootte", "soort_onderwerp", "onderwerp_nummer", "geplaatst",
        "uit_concept",
    ]  # fmt: skip
    list_filter = ["mime", "content_type"]
    search_fields = ["naam", "sha256"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # viewing only: the change form renders read-only

    def has_delete_permission(self, request, obj=None):
        if obj is not None and (
            obj.uit_concept or obj.onderwerp is None or bijlagen.vergrendeld(obj.onderwerp)
        ):
            return False
        return super().has_delete_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        # The service decides what happens to an attachment a version carries: it leaves the
        # draft and its row stays, so the version rows that hold it (PROTECT) are not touched.
        # Django's own check would call them protected (and ask for the right to delete them).
        weg, aantallen, rechten, beschermd = super().get_deleted_objects(objs, request)
        return weg, aantallen, set() if beschermd else rechten, []

    def delete_model(self, request, obj):
        if not bijlagen.bijlage_verwijderen(bijlage=obj, door=request.user):
            self.message_user(
                request,
                f"{obj.naam} hoort bij een bevroren versie: de bijlage is uit het concept "
                "gehaald en blijft voor die versie bewaard.",
                messages.WARNING,
            )


@admin.register(VersieBijlage)
class VersieBijlageAdmin(AlleenLezenAdmin, admin.ModelAdmin):
    """Read-only: which attachments a frozen version carries is fixed when it is frozen."""

    list_display = ["versie", "bijlage"]
    list_select_related = ["versie__document", "bijlage"]
    search_fields = ["bijlage__naam", "versie__document__titel"]
    raw_id_fields = ["versie", "bijlage"]
