from django.contrib import admin

from inkoop.core.revisie import RevisieAdmin, RevisieInline

from .models import Deelname, Kengetal, Perceel, Voorziening


class DeelnameInline(RevisieInline, admin.TabularInline):
    model = Deelname
    extra = 0
    autocomplete_fields = ["gemeente"]


class KengetalInline(RevisieInline, admin.TabularInline):
    model = Kengetal
    extra = 0


@admin.register(Perceel)
class PerceelAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["nummer", "naam", "regio", "aandeel_financien", "aandeel_clienten"]
    list_filter = ["regio"]
    search_fields = ["naam"]
    list_select_related = ["regio"]


@admin.register(Voorziening)
class VoorzieningAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["naam", "regio", "wet", "soort", "inkoopniveau", "perceel"]
    list_filter = ["regio", "wet", "soort", "inkoopniveau"]
    search_fields = ["naam", "omschrijving"]
    prepopulated_fields = {"slug": ["naam"]}
    list_select_related = ["regio", "perceel"]
    autocomplete_fields = ["parent"]
    inlines = [DeelnameInline, KengetalInline]


@admin.register(Deelname)
class DeelnameAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["voorziening", "gemeente", "neemt_deel", "toelichting"]
    list_filter = ["neemt_deel", "voorziening__regio"]
    search_fields = ["voorziening__naam", "gemeente__naam"]
    list_select_related = ["voorziening", "gemeente"]
    autocomplete_fields = ["voorziening", "gemeente"]


@admin.register(Kengetal)
class KengetalAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["voorziening", "jaar", "soort", "waarde", "bron"]
    list_filter = ["soort", "jaar", "voorziening__regio"]
    search_fields = ["voorziening__naam", "bron"]
    list_select_related = ["voorziening"]
    autocomplete_fields = ["voorziening"]
