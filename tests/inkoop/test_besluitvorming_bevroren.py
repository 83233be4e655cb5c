"""A version a body decided on never changes: domain guard, admin, and the PostgreSQL trigger."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.urls import reverse

from inkoop.besluitvorming import services
from inkoop.trajecten.constants import GremiumSoort
from tests.factories import GremiumFactory, TrajectFactory, UserFactory
from tests.factories.besluitvorming import BesluitFactory, VersieFactory
from uitgangspunten.constants import Beoordeling
from uitgangspunten.models import Versie

pytestmark = pytest.mark.django_db


@pytest.fixture
def besloten(regio):
    versie = VersieFactory(document__traject=TrajectFactory(regio=regio), goedgekeurd=True)
    BesluitFactory(gremium=GremiumFactory(regio=regio, soort=GremiumSoort.DO), versie=versie)
    return versie


# --- Domain layer (every ORM save path) -----------------------------------------------------


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [("inhoud", {"kop": "anders"}), ("inhoud_hash", "0" * 64), ("nummer", 99)],
)
def test_domein_weigert_wijziging_van_besloten_versie(besloten, veld, waarde):
    setattr(besloten, veld, waarde)
    with pytest.raises(services.VersieBevrorenFout):
        besloten.save()
    besloten.refresh_from_db()
    assert getattr(besloten, veld) != waarde


def test_domein_weigert_verwijderen_van_besloten_versie(besloten):
    # Django's collector refuses first (Besluit.versie is PROTECT); the guard says why.
    with pytest.raises(ProtectedError):
        besloten.delete()
    with pytest.raises(services.VersieBevrorenFout, match="blijft bewaard"):
        services.versie_verwijderen_controleren(besloten)
    assert Versie.objects.filter(pk=besloten.pk).exists()


def test_domein_laat_onbesloten_versie_vrij(besloten, regio):
    vrij = VersieFactory(document=besloten.document)
    vrij.inhoud = {"kop": "mag nog"}
    vrij.save()
    besloten.save()  # saving a decided version unchanged is no change
    # (Every other column of a decided version is frozen too: on PostgreSQL by the trigger of
    # migration 0014_beheer_bevroren_trigger, see tests/beheer/test_database_bevroren.py.)


# --- Admin ----------------------------------------------------------------------------------


def test_admin_toont_besloten_versie_alleen_lezend(besloten, client):
    beheerder = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(beheerder)
    wijzig = reverse("admin:uitgangspunten_versie_change", args=[besloten.pk])
    pagina = client.get(wijzig)
    assert pagina.status_code == 200
    assert b'name="inhoud_hash"' not in pagina.content  # read-only: no input
    antwoord = client.post(wijzig, {"inhoud_hash": "0" * 64, "nummer": 99})
    assert antwoord.status_code == 403
    verwijder = reverse("admin:uitgangspunten_versie_delete", args=[besloten.pk])
    assert client.post(verwijder, {"post": "yes"}).status_code == 403
    besloten.refresh_from_db()
    assert besloten.nummer != 99
    assert Versie.objects.filter(pk=besloten.pk).exists()


# --- Database (PostgreSQL trigger) ----------------------------------------------------------


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigger bestaat alleen op PostgreSQL"
)
def test_database_weigert_wijziging_en_verwijdering(besloten):
    with connection.cursor() as cursor:  # the suite may empty its test database; not here
        cursor.execute("SET LOCAL inkoop.opruimen = 'nee'")
    # update() and raw deletes bypass the ORM guards: the database still refuses.
    with pytest.raises(DatabaseError, match="verandert nooit meer"), transaction.atomic():
        Versie.objects.filter(pk=besloten.pk).update(inhoud={"kop": "stiekem"})
    with pytest.raises(DatabaseError, match="verandert nooit meer"), transaction.atomic():
        Versie.objects.filter(pk=besloten.pk).update(inhoud_hash="f" * 64)
    with pytest.raises(DatabaseError, match="verwijderd"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM uitgangspunten_versie WHERE id = %s", [besloten.pk])
    # The review state may still move, and an undecided version is free.
    Versie.objects.filter(pk=besloten.pk).update(beoordeling=Beoordeling.GOEDGEKEURD)
    vrij = VersieFactory(document=besloten.document)
    Versie.objects.filter(pk=vrij.pk).update(inhoud={"kop": "mag"})
    besloten.refresh_from_db()
    assert besloten.inhoud != {"kop": "stiekem"}
