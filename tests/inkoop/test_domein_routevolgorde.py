"""Issue 11, item 11: the route order is guarded. A decision for a later step while an earlier
step is open is refused with a Dutch explanation, or recorded as a deviation with a reason that
the timeline shows; the secretaries get one "Besluit nodig" per step, not per decision."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from inkoop.besluitvorming import services
from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit
from inkoop.besluitvorming.selectors import versie_status
from inkoop.core.fouten import DomeinFout
from inkoop.trajecten.constants import GremiumSoort
from regions.constants import Rol
from tests.factories import DocumentFactory, GremiumFactory, TrajectFactory
from tests.factories.besluitvorming import CollegeFactory, VersieFactory

pytestmark = pytest.mark.django_db
DATUM = dt.date(2026, 12, 1)


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


@pytest.fixture
def secretaris(met_rol, regio):
    return met_rol(Rol.SECRETARIS, regio, username="secretaris-test", email="sec@example.nl")


@pytest.fixture
def versie(traject, adviseur):
    return VersieFactory(
        document=DocumentFactory(traject=traject), nummer=1, auteur=adviseur, goedgekeurd=True
    )


@pytest.fixture
def gremia(regio):
    return {
        "do": GremiumFactory(regio=regio, soort=GremiumSoort.DO, naam="Directieoverleg"),
        "pfho": GremiumFactory(regio=regio, soort=GremiumSoort.PFHO, naam="PFHO"),
        "adviesraad": GremiumFactory(regio=regio, soort=GremiumSoort.ADVIESRAAD, naam="Adviesraad"),
        "colleges": [
            CollegeFactory(regio=regio, gemeente=lid.gemeente)
            for lid in regio.lidmaatschappen.select_related("gemeente")
        ],
    }


def _besluit(gremium, versie, door, uitkomst, **extra):
    return services.besluit_vastleggen(
        gremium=gremium, door=door, datum=DATUM, uitkomst=uitkomst, versie=versie, **extra
    )


def test_pfho_en_college_voor_het_do_worden_geweigerd(versie, gremia, secretaris):
    with pytest.raises(DomeinFout, match=r"Directieoverleg \(DO\) heeft nog niet besloten"):
        _besluit(gremia["pfho"], versie, secretaris, Uitkomst.VRIJGEGEVEN)
    for college in gremia["colleges"]:
        with pytest.raises(DomeinFout, match="nog niet besloten"):
            _besluit(college, versie, secretaris, Uitkomst.VASTGESTELD)
    assert not Besluit.objects.exists()
    assert versie_status(versie).samenvatting == "Nog in geen gremium besloten"


def test_in_volgorde_gaat_het_door(versie, gremia, secretaris):
    _besluit(gremia["do"], versie, secretaris, Uitkomst.INGESTEMD)
    _besluit(gremia["pfho"], versie, secretaris, Uitkomst.VRIJGEGEVEN)
    _besluit(gremia["adviesraad"], versie, secretaris, Uitkomst.KENNISGENOMEN)
    for college in gremia["colleges"]:
        _besluit(college, versie, secretaris, Uitkomst.VASTGESTELD)
    assert versie_status(versie).samenvatting == "Vastgesteld door alle 3 colleges"


def test_aangehouden_zet_de_stap_niet(versie, gremia, secretaris):
    _besluit(gremia["do"], versie, secretaris, Uitkomst.AANGEHOUDEN)
    with pytest.raises(DomeinFout, match="nog niet besloten"):
        _besluit(gremia["pfho"], versie, secretaris, Uitkomst.VRIJGEGEVEN)


def test_afwijking_met_reden_wordt_vastgelegd_en_getoond(
    client_als, versie, gremia, secretaris, adviseur
):
    besluit = _besluit(
        gremia["pfho"], versie, secretaris, Uitkomst.VRIJGEGEVEN,
        afwijking="Het DO vergadert pas na de zomer; spoed wegens de aanbesteding.",
    )  # fmt: skip
    assert besluit.afwijking.startswith("Het DO vergadert")
    html = (
        client_als(adviseur)
        .get(reverse("inkoop:document_besluitvorming", kwargs={"pk": versie.document_id}))
        .text
    )
    tijdlijn = html.split('id="kop-tijdlijn"', 1)[1]
    assert "Afwijking van de route" in tijdlijn and "Het DO vergadert pas na de zomer" in tijdlijn


def test_alle_colleges_na_afwijking_zegt_dat_het_do_nog_openstaat(versie, gremia, secretaris):
    for college in gremia["colleges"]:
        _besluit(college, versie, secretaris, Uitkomst.VASTGESTELD, afwijking="Spoed")
    samenvatting = versie_status(versie).samenvatting
    assert samenvatting.startswith("Vastgesteld door alle 3 colleges")
    assert "Directieoverleg" in samenvatting and "nog niet" in samenvatting


def test_formulier_toont_de_weigering_bij_het_veld(client_als, traject, versie, gremia, secretaris):
    url = reverse(
        "inkoop:besluit_nieuw", kwargs={"regio": traject.regio.slug, "slug": traject.slug}
    )
    response = client_als(secretaris).post(url, {
        "gremium": gremia["pfho"].pk, "datum": "2026-12-01", "uitkomst": Uitkomst.VRIJGEGEVEN,
        "versie": versie.pk,
    })  # fmt: skip
    assert response.status_code == 200
    assert "Directieoverleg (DO) heeft nog niet besloten" in response.text
    assert not Besluit.objects.exists()


def test_een_melding_per_stap(versie, gremia, secretaris, django_capture_on_commit_callbacks):
    """DO, PFHO, advisory council, then three colleges: one mail for each step that becomes
    the next one, not one per college decision."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _besluit(gremia["do"], versie, secretaris, Uitkomst.INGESTEMD)
        _besluit(gremia["pfho"], versie, secretaris, Uitkomst.VRIJGEGEVEN)
        _besluit(gremia["adviesraad"], versie, secretaris, Uitkomst.KENNISGENOMEN)
        for college in gremia["colleges"]:
            _besluit(college, versie, secretaris, Uitkomst.VASTGESTELD)
    onderwerpen = [m.subject for m in mail.outbox if m.subject.startswith("Besluit nodig")]
    assert len(onderwerpen) == len(set(onderwerpen)) == 4, onderwerpen  # PFHO, AR, college, raad
