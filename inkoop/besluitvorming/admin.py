from django.contrib import admin

from inkoop.besluitvorming.models import Beslispunt, Besluit, BesluitPunt, RouteStap, Voorstel
from inkoop.core.revisie import RevisieAdmin


class RouteStapInline(admin.TabularInline):
    model = RouteStap
    extra = 0


@admin.register(RouteStap)
class RouteStapAdmin(admin.ModelAdmin):
    list_display = ["traject", "volgorde", "gremium_soort", "gremium", "beoogde_uitkomst"]
    list_filter = ["gremium_soort", "traject__regio"]
    search_fields = ["traject__naam"]
    list_select_related = ["traject", "gremium"]


class BeslispuntInline(admin.TabularInline):
    model = Beslispunt
    extra = 0


@admin.register(Voorstel)
class VoorstelAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["onderwerp", "gremium", "traject", "portefeuillehouder", "aangemaakt"]
    list_filter = ["gremium__soort", "traject__regio"]
    search_fields = ["onderwerp", "portefeuillehouder"]
    list_select_related = ["gremium", "traject"]
    raw_id_fields = ["traject", "gremium", "opgesteld_door"]
    filter_horizontal = ["versies"]
    inlines = [BeslispuntInline]
    readonly_fields = ["revisie"]


@admin.register(Beslispunt)
class BeslispuntAdmin(admin.ModelAdmin):
    list_display = ["nummer", "tekst", "voorstel"]
    search_fields = ["tekst", "voorstel__onderwerp"]
    list_select_related = ["voorstel"]
    raw_id_fields = ["voorstel"]


class BesluitPuntInline(admin.TabularInline):
    model = BesluitPunt
    extra = 0
    raw_id_fields = ["beslispunt"]


@admin.register(Besluit)
class BesluitAdmin(admin.ModelAdmin):
    list_display = ["gremium", "datum", "uitkomst", "voorstel", "versie"]
    list_filter = ["uitkomst", "gremium__soort", "gremium__regio"]
    search_fields = ["gremium__naam", "toelichting", "voorstel__onderwerp"]
    date_hierarchy = "datum"
    list_select_related = ["gremium", "voorstel", "versie", "versie__document"]
    raw_id_fields = ["gremium", "sessie", "voorstel", "versie", "verslag_van", "vastgelegd_door"]
    inlines = [BesluitPuntInline]


@admin.register(BesluitPunt)
class BesluitPuntAdmin(admin.ModelAdmin):
    list_display = ["besluit", "beslispunt", "uitkomst"]
    list_filter = ["uitkomst"]
    list_select_related = ["besluit", "besluit__gremium", "beslispunt"]
    raw_id_fields = ["besluit", "beslispunt"]
