"""Issue 11, item 2: a save in the admin (/beheer/) never undoes a user's edit.

Every admin change form and every inline carries, hidden, the revision of each row (or, for a
row without one, a fingerprint of its stored values) as it was when the page was opened; a save
from a stale page writes nothing and says so. The delete page is locked the same way.
"""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from inkoop.core import revisie
from inkoop.trajecten.models import Mijlpaal
from tests.factories import MijlpaalFactory, PerceelFactory, SectieFactory, UserFactory
from tests.utils import formulier_waarden
from uitgangspunten import services
from uitgangspunten.models import Document, Sectie
from voorzieningen.models import Perceel

pytestmark = pytest.mark.django_db

EIGEN_APPS = {"inkoop", "regions", "voorzieningen", "uitgangspunten"}
MELDING = "Een collega heeft dit opgeslagen terwijl u het formulier open had"


@pytest.fixture
def beheer():
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _html(response):
    return response.content.decode()


def test_kopveld_opslaan_in_beheer_zet_oude_sectietekst_niet_terug(beheer):
    """The reported case: the admin opens a document, an advisor saves a section in the app,
    the admin saves a header field: the advisor's text stays, the admin is told why."""
    sectie = SectieFactory(titel="Inleiding", tekst="Oude tekst")
    document = sectie.document
    wijzig = reverse("admin:uitgangspunten_document_change", args=[document.pk])
    data = formulier_waarden(_html(beheer.get(wijzig)), met_veld="titel")

    services.sectie_bijwerken(
        sectie=sectie, revisie=sectie.revisie, auteur=UserFactory(), titel="Inleiding",
        tekst="Tekst van de adviseur",
    )  # fmt: skip

    response = beheer.post(wijzig, {**data, "kenmerk": "BEHEER-1"})
    assert response.status_code == 200
    assert MELDING in _html(response)
    sectie.refresh_from_db()
    assert sectie.tekst == "Tekst van de adviseur"
    assert Document.objects.get(pk=document.pk).kenmerk != "BEHEER-1"

    # Opened again, the page shows the advisor's text and the admin's save goes through.
    data = formulier_waarden(_html(beheer.get(wijzig)), met_veld="titel")
    assert beheer.post(wijzig, {**data, "kenmerk": "BEHEER-1"}).status_code == 302
    sectie.refresh_from_db()
    assert sectie.tekst == "Tekst van de adviseur"
    assert Document.objects.get(pk=document.pk).kenmerk == "BEHEER-1"


def test_wijzigformulier_van_beheer_weigert_verouderde_pagina(beheer):
    sectie = SectieFactory(tekst="Oud")
    wijzig = reverse("admin:uitgangspunten_sectie_change", args=[sectie.pk])
    data = formulier_waarden(_html(beheer.get(wijzig)), met_veld="tekst")
    services.sectie_bijwerken(
        sectie=sectie, revisie=1, auteur=UserFactory(), titel=sectie.titel, tekst="Nieuw"
    )
    response = beheer.post(wijzig, {**data, "titel": "Uit beheer"})
    assert response.status_code == 200 and MELDING in _html(response)
    sectie.refresh_from_db()
    assert (sectie.tekst, sectie.revisie) == ("Nieuw", 2)


def test_rij_zonder_revisie_is_ook_vergrendeld(beheer):
    """A model without a revision column (a lot) is locked by a fingerprint of its values."""
    perceel = PerceelFactory(naam="Oud")
    wijzig = reverse("admin:voorzieningen_perceel_change", args=[perceel.pk])
    data = formulier_waarden(_html(beheer.get(wijzig)), met_veld="naam")
    Perceel.objects.filter(pk=perceel.pk).update(naam="Van een collega")
    response = beheer.post(wijzig, {**data, "aandeel_financien": "10"})
    assert response.status_code == 200 and MELDING in _html(response)
    assert Perceel.objects.get(pk=perceel.pk).naam == "Van een collega"


def test_inline_verwijderen_vanaf_verouderde_pagina_weigert(beheer):
    sectie = SectieFactory(tekst="Oud")
    wijzig = reverse("admin:uitgangspunten_document_change", args=[sectie.document_id])
    data = formulier_waarden(_html(beheer.get(wijzig)), met_veld="titel")
    services.sectie_bijwerken(
        sectie=sectie, revisie=1, auteur=UserFactory(), titel=sectie.titel, tekst="Nieuw"
    )
    response = beheer.post(wijzig, {**data, "secties-0-DELETE": "on"})
    assert response.status_code == 200 and MELDING in _html(response)
    assert Sectie.objects.filter(pk=sectie.pk, tekst="Nieuw").exists()


def test_verwijderpagina_is_vergrendeld(beheer):
    mijlpaal = MijlpaalFactory(omschrijving="Oud")
    verwijder = reverse("admin:inkoop_mijlpaal_delete", args=[mijlpaal.pk])
    data = formulier_waarden(_html(beheer.get(verwijder)), met_veld="post")
    Mijlpaal.objects.filter(pk=mijlpaal.pk).update(omschrijving="Nieuw", revisie=2)
    response = beheer.post(verwijder, data, follow=True)
    assert "er is niets verwijderd" in _html(response)
    assert Mijlpaal.objects.filter(pk=mijlpaal.pk).exists()
    # From a fresh page the delete goes through.
    data = formulier_waarden(_html(beheer.get(verwijder)), met_veld="post")
    assert beheer.post(verwijder, data).status_code == 302
    assert not Mijlpaal.objects.filter(pk=mijlpaal.pk).exists()


def test_verwijderen_van_document_vergrendelt_ook_zijn_secties(beheer):
    """Deleting cascades: a section changed since the page was opened stops the delete."""
    sectie = SectieFactory(tekst="Oud")
    verwijder = reverse("admin:uitgangspunten_document_delete", args=[sectie.document_id])
    data = formulier_waarden(_html(beheer.get(verwijder)), met_veld="post")
    services.sectie_bijwerken(
        sectie=sectie, revisie=1, auteur=UserFactory(), titel=sectie.titel, tekst="Nieuw"
    )
    beheer.post(verwijder, data)
    assert Sectie.objects.filter(pk=sectie.pk).exists()


def test_terugzetten_uit_historie_is_geen_schrijfpad(beheer):
    """simple-history's revert view saves without locking: the admin refuses it."""
    sectie = SectieFactory(tekst="Oud")
    services.sectie_bijwerken(
        sectie=sectie, revisie=1, auteur=UserFactory(), titel=sectie.titel, tekst="Nieuw"
    )
    oud = sectie.history.earliest()
    url = reverse("admin:uitgangspunten_sectie_simple_history", args=[sectie.pk, oud.history_id])
    response = beheer.post(url, {"titel": sectie.titel, "tekst": "Oud", "soort": sectie.soort})
    assert response.status_code == 403
    assert Sectie.objects.get(pk=sectie.pk).tekst == "Nieuw"


def _schrijfbaar(model_admin, request):
    return (
        model_admin.has_add_permission(request)
        or model_admin.has_change_permission(request)
        or model_admin.has_delete_permission(request)
    )


def _inline_schrijfbaar(inline, request):
    return (
        inline.has_add_permission(request, None)
        or inline.has_change_permission(request)
        or inline.has_delete_permission(request)
    )


def test_elk_schrijfbaar_beheermodel_en_elke_inline_is_vergrendeld(rf):
    request = rf.get("/beheer/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    onvergrendeld = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in EIGEN_APPS:
            continue
        if _schrijfbaar(model_admin, request) and not (
            isinstance(model_admin, revisie.RevisieAdmin)
            and issubclass(model_admin.form, revisie.RevisieBeheerFormulier)
        ):
            onvergrendeld.append(model._meta.label)
        for inline in model_admin.get_inline_instances(request):
            if _inline_schrijfbaar(inline, request) and not issubclass(
                inline.form, revisie.RevisieBeheerFormulier
            ):
                onvergrendeld.append(f"{model._meta.label} inline {inline.model._meta.label}")
    assert onvergrendeld == []
    assert MELDING in revisie.BEHEERCONFLICT
