from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from inkoop.core.revisie import AlleenLezenAdmin, RevisieAdmin, RevisieInline

from .models import Document, Opmerking, Sectie, Uitgangspunt, Versie, VersieOvergang


@admin.register(Uitgangspunt)
class UitgangspuntAdmin(RevisieAdmin, SimpleHistoryAdmin):
    list_display = ["titel", "soort", "status", "voorziening", "traject", "volgorde"]
    list_filter = ["soort", "status", "traject__regio", "traject"]
    search_fields = ["titel", "uitleg", "uid"]
    list_select_related = ["traject", "voorziening"]
    raw_id_fields = ["traject", "voorziening", "perceel", "herkomst"]
    readonly_fields = ["uid", "revisie", "aangemaakt", "gewijzigd"]


class SectieInline(RevisieInline, admin.StackedInline):
    model = Sectie
    extra = 0
    fields = ["volgorde", "soort", "titel", "tekst", "is_bijlage"]


@admin.register(Document)
class DocumentAdmin(RevisieAdmin, SimpleHistoryAdmin):
    list_display = ["titel", "soort", "traject", "kenmerk", "datum"]
    list_filter = ["soort", "traject__regio"]
    search_fields = ["titel", "kenmerk", "zaaknummer", "betreft"]
    list_select_related = ["traject"]
    raw_id_fields = ["traject", "aangemaakt_door"]
    readonly_fields = ["revisie", "aangemaakt", "gewijzigd"]
    inlines = [SectieInline]


@admin.register(Sectie)
class SectieAdmin(RevisieAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "soort", "document", "volgorde"]
    list_filter = ["soort", "is_bijlage"]
    search_fields = ["titel", "tekst", "document__titel"]
    list_select_related = ["document"]
    raw_id_fields = ["document"]
    filter_horizontal = ["voorzieningen"]
    readonly_fields = ["revisie"]


class VersieOvergangInline(AlleenLezenAdmin, admin.TabularInline):
    model = VersieOvergang
    extra = 0
    readonly_fields = ["van", "naar", "door", "op", "opmerking"]


@admin.register(Versie)
class VersieAdmin(RevisieAdmin, admin.ModelAdmin):
    """Versions are frozen: the admin shows them, it never edits them."""

    list_display = ["document", "nummer", "beoordeling", "auteur", "aangemaakt"]
    list_filter = ["beoordeling", "document__traject__regio"]
    search_fields = ["document__titel", "inhoud_hash"]
    list_select_related = ["document", "auteur"]
    readonly_fields = [
        "document", "nummer", "inhoud", "inhoud_hash", "auteur", "aangemaakt", "toelichting",
        "beoordeling",
    ]  # fmt: skip
    inlines = [VersieOvergangInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Viewing only: the change form renders read-only.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Opmerking)
class OpmerkingAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["__str__", "document", "auteur", "aangemaakt", "opgelost_op"]
    list_filter = ["opgelost_op"]
    search_fields = ["tekst", "document__titel"]
    list_select_related = ["document", "auteur"]
    raw_id_fields = ["document", "sectie", "uitgangspunt", "auteur", "opgelost_door"]


@admin.register(VersieOvergang)
class VersieOvergangAdmin(RevisieAdmin, admin.ModelAdmin):
    """The review timeline is a record: readable, never edited."""

    list_display = ["versie", "van", "naar", "door", "op"]
    list_filter = ["naar"]
    search_fields = ["versie__document__titel", "opmerking"]
    list_select_related = ["versie", "versie__document", "door"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
