from django.contrib import admin

from .models import Publicatie


@admin.register(Publicatie)
class PublicatieAdmin(admin.ModelAdmin):
    list_display = ["titel", "regio", "soort", "documentdatum", "ingetrokken_op"]
    list_filter = ["soort", "regio"]
    readonly_fields = ["gepubliceerd_op"]
