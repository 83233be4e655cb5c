from django.contrib import admin

from inkoop.overzicht.models import Statuscontrole


@admin.register(Statuscontrole)
class StatuscontroleAdmin(admin.ModelAdmin):
    list_display = ["aangemaakt", "beantwoord_op", "worker"]
    readonly_fields = ["aangemaakt", "beantwoord_op", "worker", "task_id"]
