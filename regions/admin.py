from django.contrib import admin

from inkoop.core.revisie import RevisieAdmin, RevisieInline

from .models import Gemeente, Huisstijl, Lidmaatschap, Regio, Roltoewijzing


class LidmaatschapInline(RevisieInline, admin.TabularInline):
    model = Lidmaatschap
    extra = 0
    autocomplete_fields = ["gemeente"]


class RoltoewijzingInline(RevisieInline, admin.TabularInline):
    model = Roltoewijzing
    extra = 0
    autocomplete_fields = ["gebruiker", "gemeente"]


@admin.register(Gemeente)
class GemeenteAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["naam", "cbs_code"]
    search_fields = ["naam", "cbs_code"]


@admin.register(Regio)
class RegioAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["naam", "slug"]
    search_fields = ["naam", "slug"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [LidmaatschapInline, RoltoewijzingInline]


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["gemeente", "regio", "begin", "einde"]
    list_filter = ["regio"]
    search_fields = ["gemeente__naam", "gemeente__cbs_code", "regio__naam"]
    list_select_related = ["gemeente", "regio"]
    autocomplete_fields = ["gemeente", "regio"]


@admin.register(Roltoewijzing)
class RoltoewijzingAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["gebruiker", "regio", "rol", "gemeente"]
    list_filter = ["rol", "regio"]
    search_fields = ["gebruiker__username", "gebruiker__first_name", "gebruiker__last_name"]
    list_select_related = ["gebruiker", "regio", "gemeente"]
    autocomplete_fields = ["gebruiker", "regio", "gemeente"]


@admin.register(Huisstijl)
class HuisstijlAdmin(RevisieAdmin, admin.ModelAdmin):
    """Read-only here: the regiobeheerder sets the house style in the app
    (/regio/<slug>/huisstijl/), where the logo is checked and sanitised."""

    list_display = ["regio", "naam", "label_betreft"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
