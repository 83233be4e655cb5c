"""Property: every form that exists gets random and hostile input: no server error, Dutch
messages, nothing half-saved. New forms use tests.hypothesis_helpers.assert_form_robust."""

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.test import RequestFactory
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inkoop.core.account import InlogFormulier
from tests.factories import (
    GemeenteFactory,
    KengetalFactory,
    LidmaatschapFactory,
    TrajectFactory,
    UitgangspuntFactory,
    VoorzieningFactory,
)
from tests.hypothesis_helpers import (
    assert_form_robust,
    hostile_text,
    is_nederlands,
    tellingen,
)

pytestmark = pytest.mark.django_db

HYP = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


def test_nederlands_herkent_engels():
    assert is_nederlands("Dit veld is verplicht.")
    assert is_nederlands("Selecteer een geldige keuze.")
    assert not is_nederlands("This field is required.")
    assert not is_nederlands("Enter a valid date.")


@HYP
@given(
    data=st.fixed_dictionaries(
        {}, optional={"username": hostile_text(4), "password": hostile_text(4)}
    )
)
def test_inlogpagina_nooit_een_serverfout(client, adviseur, data):
    response = client.post(reverse("login"), data)
    # 200: form again with a message; 429: locked out after repeated failures. Never 500.
    assert response.status_code in (200, 429), response.status_code
    if response.status_code == 200:
        assert "Inloggen is niet gelukt" in response.text or "verplicht" in response.text
        assert "This field" not in response.text and "Please enter" not in response.text
    assert "_auth_user_id" not in client.session


def test_te_lange_gebruikersnaam_geeft_melding_bij_het_veld(client, adviseur):
    # Regression: 400 characters reached django-axes, whose varchar(255) made PostgreSQL fail.
    response = client.post(reverse("login"), {"username": "a" * 400, "password": "x"})
    assert response.status_code == 200
    assert "ten hoogste 150 tekens" in response.text
    assert 'value="' + "a" * 400 + '"' in response.text  # what was typed stays


def test_inlogformulier_robuust(adviseur):
    request = RequestFactory().post("/account/inloggen/")
    gezien = assert_form_robust(InlogFormulier, form_kwargs={"request": request})
    assert gezien["ongeldig"] > 0


def test_wachtwoordformulier_beheer_robuust(adviseur):
    gezien = assert_form_robust(
        AdminPasswordChangeForm, lambda: adviseur, instance_kwarg="user", max_examples=40
    )
    assert gezien["ongeldig"] > 0
    adviseur.refresh_from_db()
    assert adviseur.check_password("test-wachtwoord-123")


def _admin_formulier(model):
    request = RequestFactory().get("/")
    request.user = type("Beheerder", (), {"is_superuser": True, "has_perm": lambda *a: True})()
    return admin.site._registry[model].get_form(request)


@pytest.mark.parametrize(
    "maak",
    [
        GemeenteFactory,
        LidmaatschapFactory,
        VoorzieningFactory,
        KengetalFactory,
        TrajectFactory,
        UitgangspuntFactory,
    ],
    ids=["gemeente", "lidmaatschap", "voorziening", "kengetal", "traject", "uitgangspunt"],
)
def test_beheerformulieren_robuust(maak):
    """The admin's forms for the core models: edit an existing object with hostile data."""
    instance = maak()
    form_class = _admin_formulier(type(instance))
    gezien = assert_form_robust(form_class, lambda: instance, max_examples=40)
    assert gezien["ongeldig"] > 0


def test_helper_vangt_half_opslaan():
    """The helper itself must fail on a form that saves while reporting an error."""
    from regions.models import Gemeente

    class KapotForm(forms.Form):
        naam = forms.CharField()

        def clean(self):
            Gemeente.objects.create(naam="half", cbs_code="GM9998")
            raise forms.ValidationError("Altijd fout.")

    voor = tellingen()
    with pytest.raises(AssertionError, match="half opgeslagen"):
        assert_form_robust(KapotForm, max_examples=5)
    Gemeente.objects.filter(cbs_code="GM9998").delete()
    assert tellingen() == voor


def test_helper_vangt_engelse_melding():
    class EngelsForm(forms.Form):
        naam = forms.CharField()

        def clean(self):
            raise forms.ValidationError("This value is not allowed.")

    with pytest.raises(AssertionError, match="niet-Nederlandse"):
        assert_form_robust(EngelsForm, max_examples=5)
