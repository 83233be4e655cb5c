"""Issue 11 (leftover of items 4 and 13): /beheer/ applies the rules of the app's forms to every
field it builds from a model — dates in the one range, no line break in a single-line text, the
one limit of a long text — on every change form and every inline, so the admin cannot store
what the app refuses (a date 0001-01-01 broke agenda.ics for everyone)."""

import datetime as dt

import pytest
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from inkoop.core.velden import MAX_LANGE_TEKST
from tests.factories import MijlpaalFactory, UserFactory
from tests.utils import formulier_waarden

pytestmark = pytest.mark.django_db

EIGEN_APPS = {"inkoop", "regions", "voorzieningen", "uitgangspunten"}


def _formulieren(request):
    """Every admin form of our apps with fields: (name, form instance)."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in EIGEN_APPS:
            continue
        if model_admin.has_add_permission(request) or model_admin.has_change_permission(request):
            yield model._meta.label, model_admin.get_form(request)()
        for inline in model_admin.get_inline_instances(request):
            if not (
                inline.has_add_permission(request, None) or inline.has_change_permission(request)
            ):
                continue  # read only: nothing of it is ever written
            yield (
                f"{model._meta.label} inline {inline.model._meta.label}",
                inline.get_formset(request).form(),
            )


def _geweigerd(veld, waarde) -> bool:
    try:
        veld.clean(waarde)
    except ValidationError:
        return True
    return False


def test_elk_beheerveld_volgt_de_regels_van_de_app(rf):
    request = rf.get("/beheer/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    toegelaten, gezien = [], 0
    for naam, formulier in _formulieren(request):
        for veldnaam, veld in formulier.fields.items():
            if isinstance(veld, forms.DateField):
                gevallen = [dt.date(1, 1, 1), dt.date(9999, 12, 31)]
            elif isinstance(veld, forms.SplitDateTimeField):
                gevallen = [[dt.date(1, 1, 1), dt.time(12, 0)]]
            elif isinstance(veld, forms.CharField) and not isinstance(
                veld.widget, forms.HiddenInput | forms.PasswordInput | forms.Select
            ):
                lang = isinstance(veld.widget, forms.Textarea)
                gevallen = ["x" * (MAX_LANGE_TEKST + 1)] if lang else ["Titel\r\nBcc: x@y.nl"]
            else:
                continue
            gezien += 1
            toegelaten += [f"{naam}.{veldnaam}" for w in gevallen if not _geweigerd(veld, w)]
    assert gezien > 30  # the sweep really looked at the admin's fields
    assert toegelaten == []


def test_mijlpaal_met_datum_buiten_bereik_wordt_in_beheer_niet_opgeslagen():
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    mijlpaal = MijlpaalFactory(datum=dt.date(2027, 3, 1))
    url = reverse("admin:inkoop_mijlpaal_change", args=[mijlpaal.pk])
    waarden = formulier_waarden(client.get(url).content.decode(), "omschrijving")
    waarden["datum"] = "0001-01-01"
    antwoord = client.post(url, waarden)
    assert antwoord.status_code == 200
    assert "Kies een datum tussen 01-01-2000 en 31-12-2100." in antwoord.content.decode()
    mijlpaal.refresh_from_db()
    assert mijlpaal.datum == dt.date(2027, 3, 1)
