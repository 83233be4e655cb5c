"""The decision route, proposals and decisions in the admin: shown, never written there.

A decision is recorded in the app (`services.besluit_vastleggen`: four eyes, the approved
version, the route order), a proposal and its decision points are written by
`services.voorstel_opslaan`, the route by the route services. The admin bypassed all of that
(issue 11, item 7), so here it only reads. The one write left is deleting an undecided proposal,
and that goes through `services.voorstel_verwijderen`, revision-locked by `RevisieAdmin`.
"""

from django.contrib import admin

from inkoop.besluitvorming import services
from inkoop.besluitvorming.models import Beslispunt, Besluit, BesluitPunt, RouteStap, Voorstel
from inkoop.core.revisie import AlleenLezenAdmin, RevisieAdmin


@admin.register(RouteStap)
class RouteStapAdmin(AlleenLezenAdmin, admin.ModelAdmin):
    list_display = ["traject", "volgorde", "gremium_soort", "gremium", "beoogde_uitkomst"]
    list_filter = ["gremium_soort", "traject__regio"]
    search_fields = ["traject__naam"]
    list_select_related = ["traject", "gremium"]


class BeslispuntInline(AlleenLezenAdmin, admin.TabularInline):
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

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.besluiten.exists():
            return False  # a decided proposal is a record
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        services.voorstel_verwijderen(voorstel=obj, door=request.user)


@admin.register(Beslispunt)
class BeslispuntAdmin(AlleenLezenAdmin, admin.ModelAdmin):
    list_display = ["nummer", "tekst", "voorstel"]
    search_fields = ["tekst", "voorstel__onderwerp"]
    list_select_related = ["voorstel"]
    raw_id_fields = ["voorstel"]


class BesluitPuntInline(AlleenLezenAdmin, admin.TabularInline):
    model = BesluitPunt
    extra = 0
    raw_id_fields = ["beslispunt"]


@admin.register(Besluit)
class BesluitAdmin(AlleenLezenAdmin, admin.ModelAdmin):
    list_display = ["gremium", "datum", "uitkomst", "voorstel", "versie"]
    list_filter = ["uitkomst", "gremium__soort", "gremium__regio"]
    search_fields = ["gremium__naam", "toelichting", "voorstel__onderwerp"]
    date_hierarchy = "datum"
    list_select_related = ["gremium", "voorstel", "versie", "versie__document"]
    raw_id_fields = ["gremium", "sessie", "voorstel", "versie", "verslag_van", "vastgelegd_door"]
    inlines = [BesluitPuntInline]


@admin.register(BesluitPunt)
class BesluitPuntAdmin(AlleenLezenAdmin, admin.ModelAdmin):
    list_display = ["besluit", "beslispunt", "uitkomst"]
    list_filter = ["uitkomst"]
    list_select_related = ["besluit", "besluit__gremium", "beslispunt"]
    raw_id_fields = ["besluit", "beslispunt"]
