from django.contrib import admin

from inkoop.core.eenmalig import FormulierToken
from inkoop.core.revisie import AlleenLezenAdmin
from inkoop.uitwisseling.models import Leesopdracht


@admin.register(Leesopdracht)
class LeesopdrachtAdmin(AlleenLezenAdmin, admin.ModelAdmin):
    """Word files read in the worker; written by the import itself, so only to look at."""

    list_display = ["bestandsnaam", "soort", "status", "aangevraagd_door", "aangemaakt"]
    list_filter = ["soort", "status"]
    exclude = ["voorstel"]


@admin.register(FormulierToken)
class FormulierTokenAdmin(AlleenLezenAdmin, admin.ModelAdmin):
    """One-time tokens of create forms that were handled (inkoop.core.eenmalig)."""

    list_display = ["token", "gebruikt_op"]
    date_hierarchy = "gebruikt_op"
