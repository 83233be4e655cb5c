from django.contrib import admin

from .gelijktijdig import RevisieAdmin
from .models import (
    Actiepunt,
    Agendapunt,
    Beslispunt,
    Besluit,
    BesluitPunt,
    Conclusie,
    Export,
    Gast,
    Gremium,
    Inbreng,
    Mijlpaal,
    RouteStap,
    Sessie,
    Statuscontrole,
    Stelling,
    Traject,
    TrajectVoorziening,
    Voorstel,
)


class TrajectVoorzieningInline(admin.TabularInline):
    model = TrajectVoorziening
    extra = 0
    autocomplete_fields = ["voorziening"]
    readonly_fields = ["revisie"]


class RouteStapInline(admin.TabularInline):
    model = RouteStap
    extra = 0


class MijlpaalInline(admin.TabularInline):
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
    inlines = [TrajectVoorzieningInline, RouteStapInline, MijlpaalInline]


@admin.register(TrajectVoorziening)
class TrajectVoorzieningAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["voorziening", "traject"]
    list_filter = ["traject__regio", "traject"]
    search_fields = ["voorziening__naam", "ontwikkelingen"]
    list_select_related = ["voorziening", "traject"]
    autocomplete_fields = ["voorziening", "traject"]
    readonly_fields = ["revisie"]


@admin.register(Gremium)
class GremiumAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "regio", "gemeente"]
    list_filter = ["soort", "regio"]
    search_fields = ["naam", "gemeente__naam"]
    list_select_related = ["regio", "gemeente"]


@admin.register(RouteStap)
class RouteStapAdmin(admin.ModelAdmin):
    list_display = ["traject", "volgorde", "gremium_soort", "gremium", "beoogde_uitkomst"]
    list_filter = ["gremium_soort", "traject__regio"]
    search_fields = ["traject__naam"]
    list_select_related = ["traject", "gremium"]


@admin.register(Mijlpaal)
class MijlpaalAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["omschrijving", "traject", "datum", "periode", "gremium_soort", "status"]
    list_filter = ["status", "gremium_soort", "traject__regio"]
    search_fields = ["omschrijving"]
    list_select_related = ["traject"]
    readonly_fields = ["revisie"]


class GastInline(admin.TabularInline):
    model = Gast
    extra = 0
    readonly_fields = ["revisie"]


class AgendapuntInline(admin.TabularInline):
    model = Agendapunt
    extra = 0
    raw_id_fields = ["document", "versie", "voorziening", "voorstel"]
    readonly_fields = ["revisie"]


class ConclusieInline(admin.StackedInline):
    model = Conclusie
    extra = 0
    raw_id_fields = ["voorziening"]
    readonly_fields = ["revisie"]


class StellingInline(admin.StackedInline):
    model = Stelling
    extra = 0
    raw_id_fields = ["voorziening"]
    readonly_fields = ["revisie"]


class ActiepuntInline(admin.TabularInline):
    model = Actiepunt
    extra = 0
    raw_id_fields = ["eigenaar_gebruiker"]
    readonly_fields = ["revisie"]


@admin.register(Sessie)
class SessieAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["titel", "soort", "datum", "regio", "traject"]
    list_filter = ["soort", "regio", "datum"]
    search_fields = ["titel", "doel", "locatie"]
    date_hierarchy = "datum"
    list_select_related = ["regio", "traject"]
    filter_horizontal = ["deelnemers"]
    inlines = [GastInline, AgendapuntInline, ConclusieInline, StellingInline, ActiepuntInline]
    readonly_fields = ["revisie"]


@admin.register(Gast)
class GastAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["naam", "organisatie", "rol", "sessie"]
    search_fields = ["naam", "organisatie"]
    list_select_related = ["sessie"]
    readonly_fields = ["revisie"]


@admin.register(Agendapunt)
class AgendapuntAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["titel", "sessie", "volgorde"]
    search_fields = ["titel", "sessie__titel"]
    list_select_related = ["sessie"]
    raw_id_fields = ["sessie", "document", "versie", "voorziening", "voorstel"]
    readonly_fields = ["revisie"]


@admin.register(Conclusie)
class ConclusieAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["__str__", "sessie", "voorziening"]
    search_fields = ["tekst"]
    list_select_related = ["sessie", "voorziening"]
    raw_id_fields = ["sessie", "voorziening"]
    readonly_fields = ["revisie"]


@admin.register(Stelling)
class StellingAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["tekst", "sessie", "resultaat_soort"]
    list_filter = ["resultaat_soort"]
    search_fields = ["tekst"]
    list_select_related = ["sessie"]
    raw_id_fields = ["sessie", "voorziening"]
    readonly_fields = ["revisie"]


@admin.register(Actiepunt)
class ActiepuntAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["omschrijving", "eigenaar", "deadline", "afgerond", "sessie"]
    list_filter = ["afgerond"]
    search_fields = ["omschrijving", "eigenaar"]
    list_select_related = ["sessie"]
    raw_id_fields = ["sessie", "eigenaar_gebruiker"]
    readonly_fields = ["revisie"]


@admin.register(Inbreng)
class InbrengAdmin(RevisieAdmin, admin.ModelAdmin):
    list_display = ["__str__", "soort", "bron_soort", "bron_naam", "verwerking", "traject"]
    list_filter = ["verwerking", "soort", "bron_soort", "traject__regio"]
    search_fields = ["tekst", "antwoord", "bron_naam", "verwerking_toelichting"]
    list_select_related = ["traject"]
    raw_id_fields = ["traject", "sessie", "voorziening"]
    filter_horizontal = ["uitgangspunten"]
    readonly_fields = ["revisie"]


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


@admin.register(Export)
class ExportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "soort", "status", "voortgang", "paginas", "duur", "aangemaakt"]
    list_filter = ["status", "soort"]
    search_fields = ["bestandsnaam", "inhoud_hash", "task_id"]
    readonly_fields = ["aangemaakt", "gestart", "gereed"]
    raw_id_fields = ["aangevraagd_door"]


@admin.register(Statuscontrole)
class StatuscontroleAdmin(admin.ModelAdmin):
    list_display = ["aangemaakt", "beantwoord_op", "worker"]
    readonly_fields = ["aangemaakt", "beantwoord_op", "worker", "task_id"]
