"""Issue 11, item 21: a region import brings no rights and no forged history.

Imported people never get staff or superuser rights (whatever the file says), and the
imported review history is held to the rules of the app: four eyes, the allowed steps, and
decisions only on approved versions. A breach refuses the whole import, naming each one.
"""

import copy

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from inkoop.uitwisseling.regio import ImportFout, regio_exporteren, regio_importeren
from regions.models import Regio
from tests.test_uitwisseling import verrijken

pytestmark = pytest.mark.django_db


@pytest.fixture
def export():
    call_command("load_demo", force=True, verbosity=0)
    regio = Regio.objects.get(slug="gooi-en-vechtstreek")
    verrijken(regio)
    return regio_exporteren(regio)


def test_geimporteerde_gebruikers_krijgen_nooit_beheerrechten(export):
    data = copy.deepcopy(export)
    data["gebruikers"].append(
        {"username": "indringer", "first_name": "In", "last_name": "Dringer", "email": "",
         "is_staff": True, "is_superuser": True, "password": "pbkdf2_sha256$1$x$y"}
    )  # fmt: skip
    regio_importeren(data, slug="kopie")
    indringer = get_user_model().objects.get(username="indringer")
    assert not indringer.is_staff and not indringer.is_superuser
    assert not indringer.has_usable_password()
    nieuw = get_user_model().objects.filter(
        username__in=[u["username"] for u in data["gebruikers"]]
    )
    assert not nieuw.filter(is_staff=True, date_joined__gte=indringer.date_joined).exists()


def _versie_met_goedkeuring(data):
    overgangen = data["modellen"]["uitgangspunten.VersieOvergang"]
    goedkeuring = next(o for o in overgangen if o["naar"] == "goedgekeurd")
    versie = next(
        v for v in data["modellen"]["uitgangspunten.Versie"] if v["pk"] == goedkeuring["versie"]
    )
    return versie, goedkeuring


def test_goedkeuring_door_de_eigen_auteur_wordt_geweigerd(export):
    data = copy.deepcopy(export)
    versie, goedkeuring = _versie_met_goedkeuring(data)
    goedkeuring["door"] = versie["auteur"]
    voor = Regio.objects.count()
    with pytest.raises(ImportFout, match="vier ogen"):
        regio_importeren(data, slug="vervalst")
    assert Regio.objects.count() == voor  # nothing imported


def test_goedgekeurd_zonder_goedkeuring_en_besluit_op_concept_worden_geweigerd(export):
    data = copy.deepcopy(export)
    versie, goedkeuring = _versie_met_goedkeuring(data)
    data["modellen"]["uitgangspunten.VersieOvergang"].remove(goedkeuring)
    with pytest.raises(ImportFout, match="zonder goedkeuring"):
        regio_importeren(data, slug="vervalst")

    data = copy.deepcopy(export)
    versie, _ = _versie_met_goedkeuring(data)
    versie["beoordeling"] = "concept"
    with pytest.raises(ImportFout, match="niet goedgekeurd"):
        regio_importeren(data, slug="vervalst")


def test_stap_die_niet_bestaat_wordt_geweigerd(export):
    data = copy.deepcopy(export)
    _, goedkeuring = _versie_met_goedkeuring(data)
    goedkeuring["van"] = "concept"  # concept → goedgekeurd skips the submission
    with pytest.raises(ImportFout, match="bestaat niet"):
        regio_importeren(data, slug="vervalst")
