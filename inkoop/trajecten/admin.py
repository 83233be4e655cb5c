from django.contrib import admin

from inkoop.core.revisie import RevisieAdmin, RevisieInline
from inkoop.trajecten.models import Gremium, Mijlpaal, Traject, TrajectVoorziening


class TrajectVoorzieningInline(RevisieInline, admin.TabularInline):
    model = TrajectVoorziening
    extra = 0
    autocomplete_fields = ["voorziening"]
    readonly_fields = ["revisie"]


class MijlpaalInline(RevisieInline, admin.TabularInline):
    model = Mijlpaal
    extra = 0
    readonly_fields = ["revisie"]


@admin.register(Traject)
class TrajectAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["naam", "regio", "startjaar", "vorige"]
    list_filter = ["regio", "startjaar"]
    search_fields = ["naam", "omschrijving"]
    prepopulated_fields = {"slug": ["naam"]}
    list_select_related = ["regio", "vorige"]
    autocomplete_fields = ["vorige"]
    inlines = [TrajectVoorzieningInline, MijlpaalInline]


@admin.register(TrajectVoorziening)
class TrajectVoorzieningAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["voorziening", "traject"]
    list_filter = ["traject__regio", "traject"]
    search_fields = ["voorziening__naam", "ontwikkelingen"]
    list_select_related = ["voorziening", "traject"]
    autocomplete_fields = ["voorziening", "traject"]
    readonly_fields = ["revisie"]


@admin.register(Gremium)
class GremiumAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["naam", "soort", "regio", "gemeente"]
    list_filter = ["soort", "regio"]
    search_fields = ["naam", "gemeente__naam"]
    list_select_related = ["regio", "gemeente"]


@admin.register(Mijlpaal)
class MijlpaalAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["omschrijving", "traject", "datum", "periode", "gremium_soort", "status"]
    list_filter = ["status", "gremium_soort", "traject__regio"]
    search_fields = ["omschrijving"]
    list_select_related = ["traject"]
    readonly_fields = ["revisie"]
