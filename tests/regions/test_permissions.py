import pytest

from regions import permissions
from regions.constants import Rol
from regions.models import Regio
from tests.factories import DocumentFactory, UitgangspuntFactory, UserFactory

pytestmark = pytest.mark.django_db

VERWACHT = {
    Rol.BELEIDSADVISEUR: {"bekijken", "concepten_bekijken", "bewerken", "opmerken",
                          "sessies_bewerken", "besluiten_vastleggen", "publiceren"},
    Rol.DIRECTEUR: {"bekijken", "concepten_bekijken", "beoordelen", "opmerken"},
    Rol.PORTEFEUILLEHOUDER: {"bekijken", "concepten_bekijken"},
    Rol.SECRETARIS: {"bekijken", "concepten_bekijken", "sessies_bewerken",
                     "besluiten_vastleggen", "publiceren"},
    Rol.LEZER: {"bekijken"},
    Rol.REGIOBEHEERDER: {"bekijken", "inrichten"},
}  # fmt: skip


@pytest.mark.parametrize("rol", Rol.values)
def test_acties_per_rol_in_eigen_en_andere_regio(met_rol, regio, andere_regio, rol):
    user = met_rol(rol, regio)
    eigen = UitgangspuntFactory(traject__regio=regio)
    ander = UitgangspuntFactory(traject__regio=andere_regio)
    for actie in permissions.ACTIES:
        assert permissions.mag(user, actie, eigen) == (actie in VERWACHT[rol]), actie
        assert not permissions.mag(user, actie, ander), actie
        # The same answer through Django's permission API (rules backend).
        assert user.has_perm(f"inkoop.{actie}", eigen) == (actie in VERWACHT[rol])


def test_anoniem_mag_niets(regio):
    from django.contrib.auth.models import AnonymousUser

    assert not permissions.mag(AnonymousUser(), "bekijken", regio)


def test_superuser_mag_alles(regio):
    user = UserFactory(is_superuser=True)
    assert permissions.mag(user, "beoordelen", regio)


def test_regio_pad_volgt_diepe_relaties(regio):
    document = DocumentFactory(traject__regio=regio)
    assert permissions.regio_id_van(document) == regio.pk


def test_binnen_regios_filtert_lijsten(met_rol, regio, andere_regio):
    user = met_rol(Rol.LEZER, regio)
    assert list(permissions.binnen_regios(Regio.objects.all(), user)) == [regio]
    assert not permissions.binnen_regios(Regio.objects.all(), user, "bewerken").exists()


def test_rollen_een_query_per_gebruiker(met_rol, regio, django_assert_num_queries):
    user = met_rol(Rol.LEZER, regio)
    with django_assert_num_queries(1):
        for _ in range(5):
            permissions.mag(user, "bekijken", regio)
