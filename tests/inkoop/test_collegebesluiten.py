"""College decisions of all participating municipalities in one table, one transaction."""

import pytest
from django.urls import reverse

from inkoop.besluitvorming.collegebesluiten import CollegeBesluit, collegebesluiten_vastleggen
from inkoop.besluitvorming.models import Besluit
from regions.constants import Rol
from tests.factories import (
    DocumentFactory,
    LidmaatschapFactory,
    RegioFactory,
    RoltoewijzingFactory,
    TrajectFactory,
    UserFactory,
)
from tests.factories.besluitvorming import BesluitFactory, CollegeFactory, VersieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(client):
    regio = RegioFactory(slug="gv")
    colleges = []
    for naam in ("Blaricum", "Hilversum", "Huizen"):
        gemeente = LidmaatschapFactory(regio=regio, gemeente__naam=naam).gemeente
        colleges.append(CollegeFactory(regio=regio, gemeente=gemeente))
    traject = TrajectFactory(regio=regio, slug="inkoop-2027")
    versie = VersieFactory(document=DocumentFactory(traject=traject), goedgekeurd=True)
    secretaris = UserFactory()
    RoltoewijzingFactory(gebruiker=secretaris, regio=regio, rol=Rol.SECRETARIS)
    client.force_login(secretaris)
    url = reverse("inkoop:collegebesluiten", kwargs={"regio": "gv", "slug": "inkoop-2027"})
    return {"url": f"{url}?versie={versie.pk}", "versie": versie, "colleges": colleges}


def _post(colleges, per_rij=None):
    per_rij = per_rij or {}
    data = {"college-TOTAL_FORMS": len(colleges), "college-INITIAL_FORMS": len(colleges)}
    for i, college in enumerate(colleges):
        data |= {
            f"college-{i}-gremium": college.pk,
            f"college-{i}-vastleggen": "on",
            f"college-{i}-datum": "2027-03-10",
            f"college-{i}-uitkomst": "vastgesteld",
        }
        data |= {f"college-{i}-{k}": v for k, v in per_rij.get(i, {}).items()}
    return data


def test_tabel_is_vooringevuld_per_college(client, wereld):
    html = client.get(wereld["url"]).content.decode()
    for naam in ("Blaricum", "Hilversum", "Huizen"):
        assert f"Datum {naam}" in html
    assert html.count('value="vastgesteld" selected') == 3
    assert html.count("checked") == 3


def test_alle_colleges_in_een_keer(client, wereld):
    antwoord = client.post(wereld["url"], _post(wereld["colleges"]))
    assert antwoord.status_code == 302
    besluiten = Besluit.objects.filter(versie=wereld["versie"])
    assert besluiten.count() == 3
    assert {str(b.datum) for b in besluiten} == {"2027-03-10"}


def test_een_uitgevinkte_rij_wordt_niet_vastgelegd(client, wereld):
    data = _post(wereld["colleges"])
    del data["college-1-vastleggen"]
    assert client.post(wereld["url"], data).status_code == 302
    assert Besluit.objects.filter(versie=wereld["versie"]).count() == 2


def test_fout_in_een_rij_legt_niets_vast_en_staat_bij_die_rij(client, wereld):
    data = _post(wereld["colleges"], {0: {"datum": ""}})
    antwoord = client.post(wereld["url"], data)
    assert antwoord.status_code == 200
    assert "Datum: Vul de datum van het besluit in." in antwoord.content.decode()
    assert not Besluit.objects.exists()


def test_tabel_veranderd_sinds_openen_legt_niets_vast(client, wereld):
    huizen = wereld["colleges"][2]
    data = _post(wereld["colleges"])
    BesluitFactory(gremium=huizen, versie=wereld["versie"])  # recorded meanwhile
    antwoord = client.post(wereld["url"], data, follow=True)
    assert "Laad de pagina opnieuw" in antwoord.content.decode()
    assert Besluit.objects.filter(versie=wereld["versie"]).count() == 1


def test_servicefout_per_rij(wereld):
    blaricum, hilversum, _ = wereld["colleges"]
    BesluitFactory(gremium=hilversum, versie=wereld["versie"])
    secretaris = UserFactory()
    RoltoewijzingFactory(gebruiker=secretaris, regio=blaricum.regio, rol=Rol.SECRETARIS)
    besluiten, fouten = collegebesluiten_vastleggen(
        versie=wereld["versie"],
        door=secretaris,
        rijen=[
            CollegeBesluit(blaricum, "2027-03-10", "vastgesteld"),
            CollegeBesluit(hilversum, "2027-03-10", "vastgesteld"),
        ],
    )
    assert besluiten == [] and list(fouten) == [1]
    assert "heeft al over deze versie besloten" in str(fouten[1])
    assert not Besluit.objects.filter(gremium=blaricum).exists()
