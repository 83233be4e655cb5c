from django.contrib import admin

from inkoop.core.revisie import RevisieAdmin, RevisieInline
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Gast, Inbreng, Sessie, Stelling


class GastInline(RevisieInline, admin.TabularInline):
    model = Gast
    extra = 0
    readonly_fields = ["revisie"]


class AgendapuntInline(RevisieInline, admin.TabularInline):
    model = Agendapunt
    extra = 0
    raw_id_fields = ["document", "versie", "voorziening", "voorstel"]
    readonly_fields = ["revisie"]


class ConclusieInline(RevisieInline, admin.StackedInline):
    model = Conclusie
    extra = 0
    raw_id_fields = ["voorziening"]
    readonly_fields = ["revisie"]


class StellingInline(RevisieInline, admin.StackedInline):
    model = Stelling
    extra = 0
    raw_id_fields = ["voorziening"]
    readonly_fields = ["revisie"]


class ActiepuntInline(RevisieInline, admin.TabularInline):
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

    def has_delete_permission(self, request, obj=None):
        # Deleting would unlink the decisions taken in it (Besluit.sessie), and a decision
        # never changes, not even on the database (migration 0014_beheer_bevroren_trigger).
        if obj is not None and obj.besluiten.exists():
            return False
        return super().has_delete_permission(request, obj)


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
