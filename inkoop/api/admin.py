"""API keys in the admin: read-only, revoked with an action through the same service as the
command (`manage.py api_sleutel`), which issues them. Nothing here edits a key, so there is no
concurrent edit to guard against (tests/beheer/test_admin_vergrendeling.py)."""

from django.contrib import admin, messages

from . import services
from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["naam", "prefix", "rol", "uitgegeven_op", "ingetrokken_op"]
    fields = ["naam", "prefix", "rol", "regios", "gebruiker", "uitgegeven_door", "uitgegeven_op",
              "ingetrokken_op"]  # fmt: skip
    readonly_fields = fields
    actions = ["intrekken"]

    def has_add_permission(self, request):
        return False  # issued with `manage.py api_sleutel uitgeven` (the key is shown once)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # revoke, so the record stays

    @admin.action(description="Geselecteerde sleutels intrekken")
    def intrekken(self, request, queryset):
        for token in queryset:
            services.sleutel_intrekken(door=request.user, token=token)
        messages.success(request, f"{queryset.count()} sleutel(s) ingetrokken.")
