"""Issue 11, item 23: the admin is for superusers only (decision: see inkoop/core/beheer.py).

A staff user who is not a superuser, even with every model permission and a role in one
region, gets no admin page at all, so the admin cannot show or change another region's rows."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from regions.constants import Rol
from tests.factories import RoltoewijzingFactory, SectieFactory, UserFactory

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_staff_zonder_superuser_komt_niet_in_het_beheer(regio, andere_regio):
    staff = UserFactory(is_staff=True, is_superuser=False)
    staff.user_permissions.set(Permission.objects.all())
    RoltoewijzingFactory(gebruiker=staff, regio=regio, rol=Rol.BELEIDSADVISEUR)
    sectie = SectieFactory(document__traject__regio=andere_regio)
    client = _client(staff)
    for url in (
        reverse("admin:index"),
        reverse("admin:uitgangspunten_sectie_changelist"),
        reverse("admin:uitgangspunten_sectie_change", args=[sectie.pk]),
    ):
        antwoord = client.get(url)
        assert antwoord.status_code == 302 and reverse("admin:login") in antwoord.url, url
    antwoord = client.post(
        reverse("admin:uitgangspunten_sectie_change", args=[sectie.pk]), {"tekst": "Van staf"}
    )
    assert antwoord.status_code == 302
    sectie.refresh_from_db()
    assert sectie.tekst != "Van staf"


def test_superuser_wel():
    client = _client(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:index")).status_code == 200
