"""API keys in the admin: issued and revoked through the same services as the command."""

from django import forms
from django.contrib import admin, messages

from regions.models import Regio

from . import services
from .models import ApiToken


class SleutelFormulier(forms.ModelForm):
    regios = forms.ModelMultipleChoiceField(queryset=Regio.objects.all(), label="Regio's")

    class Meta:
        model = ApiToken
        fields = ["naam", "rol", "regios"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    form = SleutelFormulier
    list_display = ["naam", "prefix", "rol", "uitgegeven_op", "ingetrokken_op"]
    readonly_fields = ["prefix", "gebruiker", "uitgegeven_door", "uitgegeven_op", "ingetrokken_op"]
    actions = ["intrekken"]

    def get_readonly_fields(self, request, obj=None):
        # An issued key keeps its scope: revoke it and issue a new one instead.
        return [*self.readonly_fields, "naam", "rol"] if obj else self.readonly_fields

    def get_fields(self, request, obj=None):
        return (
            ["naam", "rol", "regios"] if obj is None else [*self.get_readonly_fields(request, obj)]
        )

    def save_model(self, request, obj, form, change):
        if change:
            return
        token, sleutel = services.sleutel_uitgeven(
            door=request.user,
            naam=form.cleaned_data["naam"],
            regios=form.cleaned_data["regios"],
            rol=form.cleaned_data["rol"],
        )
        obj.pk = token.pk
        messages.warning(request, f"De sleutel (alleen nu zichtbaar): {sleutel}")

    def save_related(self, request, form, formsets, change):
        pass  # the service set the regions

    def has_delete_permission(self, request, obj=None):
        return False  # revoke, so the record stays

    @admin.action(description="Geselecteerde sleutels intrekken")
    def intrekken(self, request, queryset):
        for token in queryset:
            services.sleutel_intrekken(door=request.user, token=token)
        messages.success(request, f"{queryset.count()} sleutel(s) ingetrokken.")
