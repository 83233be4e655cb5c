"""Issue 11, item 8: what a body decided on does not change in the UI. A proposal the body
decided on keeps its subject, reasons, finances, addressee and attached versions (the service
refuses, the page offers no edit); its sibling: adopted minutes keep their items."""

import datetime as dt

import pytest
from django.urls import reverse

from inkoop.besluitvorming import services
from inkoop.besluitvorming.models import Voorstel
from inkoop.core.fouten import DomeinFout
from inkoop.sessies import services as sessie_services
from inkoop.sessies.models import Conclusie
from tests.factories import GremiumFactory, TrajectFactory
from tests.factories.besluitvorming import BeslispuntFactory, BesluitFactory, VoorstelFactory
from tests.factories.sessies import ConclusieFactory, TrajectSessieFactory
from tests.utils import formulier_waarden

pytestmark = pytest.mark.django_db


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


@pytest.fixture
def besloten(traject):
    voorstel = VoorstelFactory(
        traject=traject, onderwerp="Inkoopstrategie", financien="Binnen budget"
    )
    BeslispuntFactory(voorstel=voorstel, nummer=1)
    BesluitFactory(gremium=voorstel.gremium, voorstel=voorstel)
    return voorstel


def test_service_weigert_wijziging_van_besloten_voorstel(besloten, traject, adviseur):
    ander = GremiumFactory(regio=traject.regio)
    with pytest.raises(DomeinFout, match="al besloten"):
        services.voorstel_opslaan(
            traject=traject, door=adviseur, gegevens={"gremium": ander, "onderwerp": "Anders",
            "financien": "Meer geld"}, beslispunten=[b.tekst for b in besloten.beslispunten.all()],
            versies=[], voorstel=besloten, revisie=besloten.revisie,
        )  # fmt: skip
    opgeslagen = Voorstel.objects.get(pk=besloten.pk)
    assert (opgeslagen.onderwerp, opgeslagen.financien, opgeslagen.gremium_id) == (
        "Inkoopstrategie", "Binnen budget", besloten.gremium_id,
    )  # fmt: skip


def test_bewerkpagina_van_besloten_voorstel_weigert_en_knop_weg(client_als, besloten, adviseur):
    client = client_als(adviseur)
    url = reverse("inkoop:voorstel_bewerken", kwargs={"pk": besloten.pk})
    detail = client.get(reverse("inkoop:voorstel", kwargs={"pk": besloten.pk})).content.decode()
    assert url not in detail
    response = client.get(url, follow=True)
    assert "Over dit voorstel is al besloten" in response.content.decode()
    response = client.post(url, {"onderwerp": "Anders", "gremium": besloten.gremium_id,
                                 "beslispunten": "x", "revisie": besloten.revisie})  # fmt: skip
    assert Voorstel.objects.get(pk=besloten.pk).onderwerp == "Inkoopstrategie"


def test_onbesloten_voorstel_blijft_bewerkbaar(client_als, traject, adviseur):
    voorstel = VoorstelFactory(traject=traject, onderwerp="Concept")
    BeslispuntFactory(voorstel=voorstel, nummer=1, tekst="Punt")
    client = client_als(adviseur)
    url = reverse("inkoop:voorstel_bewerken", kwargs={"pk": voorstel.pk})
    assert url in client.get(reverse("inkoop:voorstel", kwargs={"pk": voorstel.pk})).text
    waarden = formulier_waarden(client.get(url).content.decode())
    client.post(url, {**waarden, "onderwerp": "Nieuw"})
    assert Voorstel.objects.get(pk=voorstel.pk).onderwerp == "Nieuw"


# ---------- Sibling: adopted minutes ----------


@pytest.fixture
def vastgesteld_verslag(traject, adviseur):
    gremium = GremiumFactory(regio=traject.regio)
    eerste = TrajectSessieFactory(traject=traject, gremium=gremium, datum=dt.date(2026, 3, 1))
    latere = TrajectSessieFactory(traject=traject, gremium=gremium, datum=dt.date(2026, 4, 1))
    conclusie = ConclusieFactory(sessie=eerste, tekst="Zo besloten")
    sessie_services.verslag_vaststellen(sessie=latere, verslag_van=eerste, door=adviseur)
    return eerste, conclusie


def test_vastgesteld_verslag_verandert_niet(vastgesteld_verslag):
    sessie, conclusie = vastgesteld_verslag
    conclusie.tekst = "Toch anders"
    with pytest.raises(DomeinFout, match="vastgesteld"):
        sessie_services.onderdeel_opslaan(sessie=sessie, onderdeel=conclusie, revisie=1)
    with pytest.raises(DomeinFout, match="vastgesteld"):
        sessie_services.onderdeel_opslaan(sessie=sessie, onderdeel=Conclusie(tekst="Erbij"))
    with pytest.raises(DomeinFout, match="vastgesteld"):
        sessie_services.onderdeel_verwijderen(onderdeel=conclusie, revisie=1)
    with pytest.raises(DomeinFout, match="vastgesteld"):
        sessie_services.verslag_inleiding_opslaan(sessie=sessie, revisie=1, tekst="Nieuw")
    assert Conclusie.objects.get(pk=conclusie.pk).tekst == "Zo besloten"
    assert sessie.conclusies.count() == 1


def test_sessiepagina_van_vastgesteld_verslag_biedt_geen_bewerken(
    client_als, adviseur, vastgesteld_verslag
):
    sessie, conclusie = vastgesteld_verslag
    html = client_als(adviseur).get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).text
    assert "Verslag vastgesteld" in html
    bewerk = reverse(
        "inkoop:onderdeel_bewerken", kwargs={"pk": sessie.pk, "soort": "conclusie",
                                             "item": conclusie.pk}
    )  # fmt: skip
    assert bewerk not in html
    assert reverse("inkoop:sessie_bewerken", kwargs={"pk": sessie.pk}) not in html
    with pytest.raises(DomeinFout, match="vastgesteld"):
        sessie_services.sessie_opslaan(sessie=sessie, revisie=sessie.revisie)
