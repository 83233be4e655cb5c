from django.contrib import admin

from inkoop.core.revisie import AlleenLezenAdmin

from .models import Publicatie


@admin.register(Publicatie)
class PublicatieAdmin(AlleenLezenAdmin, admin.ModelAdmin):
    """Read only: publishing and withdrawing go through inkoop.openbaar.services."""

    list_display = ["titel", "regio", "soort", "documentdatum", "ingetrokken_op"]
    list_filter = ["soort", "regio"]
    readonly_fields = ["gepubliceerd_op"]
