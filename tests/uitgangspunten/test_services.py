import pytest
from django.urls import reverse

from inkoop.core.fouten import DomeinFout
from inkoop.trajecten.models import TrajectVoorziening
from tests.factories import (
    DocumentFactory,
    SectieFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
    UitgangspuntFactory,
    UserFactory,
)
from tests.utils import formulier_waarden, tegelijk_opslaan
from uitgangspunten import services
from uitgangspunten.constants import SectieSoort, UitgangspuntSoort, UitgangspuntStatus
from uitgangspunten.inhoud import document_inhoud
from uitgangspunten.models import Sectie, Uitgangspunt, Versie

pytestmark = pytest.mark.django_db


def test_sectie_bijwerken_verhoogt_revisie_en_legt_historie_vast():
    auteur = UserFactory()
    sectie = SectieFactory(titel="Inleiding", tekst="Oud")
    services.sectie_bijwerken(
        sectie=sectie, revisie=1, auteur=auteur, titel="Inleiding", tekst="Nieuw"
    )
    sectie.refresh_from_db()
    assert (sectie.tekst, sectie.revisie) == ("Nieuw", 2)
    laatste = sectie.history.first()
    assert laatste.history_user == auteur and laatste.tekst == "Nieuw"
    assert sorted(laatste.diff_against(laatste.prev_record).changed_fields) == ["revisie", "tekst"]


def test_tweede_opslag_op_oude_revisie_overschrijft_niet():
    eerste, tweede = UserFactory(), UserFactory()
    sectie = SectieFactory(tekst="Begin")
    services.sectie_bijwerken(sectie=sectie, revisie=1, auteur=eerste, titel="T", tekst="Van Anna")
    with pytest.raises(services.Conflict) as info:
        services.sectie_bijwerken(
            sectie=Sectie.objects.get(pk=sectie.pk),
            revisie=1,
            auteur=tweede,
            titel="T",
            tekst="Van Bram",
        )
    sectie.refresh_from_db()
    assert sectie.tekst == "Van Anna"
    assert info.value.opgeslagen["tekst"] == "Van Anna"
    assert info.value.eigen["tekst"] == "Van Bram"
    assert info.value.revisie == 2
    # The merged save, based on the revision the conflict reported, goes through.
    services.sectie_bijwerken(
        sectie=sectie, revisie=info.value.revisie, auteur=tweede, titel="T", tekst="Samen"
    )
    sectie.refresh_from_db()
    assert (sectie.tekst, sectie.revisie) == ("Samen", 3)


def test_conflict_bij_uitgangspunt_en_documentkop():
    auteur = UserFactory()
    up = UitgangspuntFactory(titel="A")
    services.uitgangspunt_bijwerken(uitgangspunt=up, revisie=1, auteur=auteur, titel="B", uitleg="")
    with pytest.raises(services.Conflict):
        services.uitgangspunt_bijwerken(
            uitgangspunt=up, revisie=1, auteur=auteur, titel="C", uitleg=""
        )
    assert Uitgangspunt.objects.get(pk=up.pk).titel == "B"

    document = DocumentFactory(aan="DO")
    services.document_kop_bijwerken(document=document, revisie=1, auteur=auteur, aan="PFHO")
    with pytest.raises(services.Conflict) as info:
        services.document_kop_bijwerken(document=document, revisie=1, auteur=auteur, aan="Raad")
    assert info.value.opgeslagen == {"aan": "PFHO"}
    document.refresh_from_db()
    assert document.aan == "PFHO"
    assert document.history.first().history_user == auteur


def test_ontwikkelingen_bijwerken_weigert_verouderde_revisie():
    tv = TrajectVoorzieningFactory(ontwikkelingen="Begin")
    services.ontwikkelingen_bijwerken(item=tv, revisie=1, ontwikkelingen="Van Anna")
    with pytest.raises(services.Conflict) as info:
        services.ontwikkelingen_bijwerken(
            item=TrajectVoorziening.objects.get(pk=tv.pk), revisie=1, ontwikkelingen="Van Bram"
        )
    assert info.value.opgeslagen == {"ontwikkelingen": "Van Anna"}
    assert info.value.eigen == {"ontwikkelingen": "Van Bram"} and info.value.revisie == 2
    tv.refresh_from_db()
    assert (tv.ontwikkelingen, tv.revisie) == ("Van Anna", 2)


def test_opslaan_in_beheer_verhoogt_revisie_van_sectie(client):
    """An admin save raises the revision, so an editor form opened before it conflicts."""
    beheerder = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(beheerder)
    sectie = SectieFactory(titel="Inleiding", tekst="Oud")
    wijzig = reverse("admin:uitgangspunten_sectie_change", args=[sectie.pk])
    data = formulier_waarden(client.get(wijzig).content.decode(), met_veld="tekst")
    assert client.post(wijzig, {**data, "tekst": "Uit beheer"}).status_code == 302
    sectie.refresh_from_db()
    assert (sectie.tekst, sectie.revisie) == ("Uit beheer", 2)
    assert sectie.history.first().revisie == 2
    with pytest.raises(services.Conflict):
        services.sectie_bijwerken(
            sectie=sectie, revisie=1, auteur=beheerder, titel="Inleiding", tekst="Van de pagina"
        )


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_opslag_verliest_niets():
    """Two advisors save at the same moment from the same revision: exactly one wins, the
    other gets a conflict with both texts, and the stored text is the winner's."""
    sectie = SectieFactory(tekst="Begin")
    auteurs = [UserFactory(), UserFactory()]

    def opslaan(i):
        services.sectie_bijwerken(
            sectie=Sectie.objects.get(pk=sectie.pk), revisie=1, auteur=auteurs[i],
            titel="T", tekst=f"Tekst {i}",
        )  # fmt: skip

    winnaars, verliezers = tegelijk_opslaan(opslaan)
    assert len(winnaars) == 1 and len(verliezers) == 1
    sectie.refresh_from_db()
    assert sectie.tekst == f"Tekst {winnaars[0]}"
    assert sectie.revisie == 2
    assert verliezers[0].opgeslagen["tekst"] == sectie.tekst
    assert verliezers[0].eigen["tekst"] == f"Tekst {1 - winnaars[0]}"


def test_uitgangspunt_aanmaken_nummert_per_groep_en_verplaatsen():
    traject = TrajectFactory()
    auteur = UserFactory()
    a = services.uitgangspunt_aanmaken(
        traject=traject, soort="strategisch", titel="A", auteur=auteur
    )
    b = services.uitgangspunt_aanmaken(
        traject=traject, soort="strategisch", titel="B", auteur=auteur
    )
    c = services.uitgangspunt_aanmaken(
        traject=traject, soort="inkoopdoel", titel="C", auteur=auteur
    )
    assert (a.volgorde, b.volgorde, c.volgorde) == (0, 1, 0)
    services.uitgangspunt_verplaatsen(uitgangspunt=b, richting=services.OMHOOG, auteur=auteur)
    volgorde = list(
        Uitgangspunt.objects.filter(traject=traject, soort="strategisch")
        .order_by("volgorde")
        .values_list("titel", flat=True)
    )
    assert volgorde == ["B", "A"]
    # Moving the first one up changes nothing.
    services.uitgangspunt_verplaatsen(uitgangspunt=b, richting=services.OMHOOG, auteur=auteur)
    b.refresh_from_db()
    assert b.volgorde == 0
    a_pk = a.pk
    services.uitgangspunt_verwijderen(uitgangspunt=a, auteur=auteur)
    assert Uitgangspunt.history.filter(id=a_pk, history_type="-").get().history_user == auteur


def test_overnemen_uit_vorig_traject():
    vorig = TrajectFactory()
    nieuw = TrajectFactory(regio=vorig.regio, vorige=vorig)
    auteur = UserFactory()
    a, b, c = UitgangspuntFactory.create_batch(3, traject=vorig)

    her = services.uitgangspunt_herbevestigen(vorig=a, traject=nieuw, auteur=auteur)
    assert (her.status, her.herkomst, her.titel, her.traject) == (
        UitgangspuntStatus.HERBEVESTIGD, a, a.titel, nieuw
    )  # fmt: skip
    assert services.uitgangspunt_herbevestigen(vorig=a, traject=nieuw, auteur=auteur) == her
    scherp = services.uitgangspunt_aanscherpen(vorig=b, traject=nieuw, auteur=auteur)
    assert scherp.status == UitgangspuntStatus.AANGESCHERPT and scherp.herkomst == b
    with pytest.raises(DomeinFout):
        services.uitgangspunt_laten_vervallen(vorig=c, traject=nieuw, reden="  ", auteur=auteur)
    weg = services.uitgangspunt_laten_vervallen(
        vorig=c, traject=nieuw, reden="Achterhaald", auteur=auteur
    )
    assert (weg.status, weg.vervallen_reden, weg.herkomst) == ("vervallen", "Achterhaald", c)
    assert list(c.vervolgen.all()) == [weg]


def test_secties_aanmaken_verplaatsen_en_ordenen():
    document = DocumentFactory()
    auteur = UserFactory()
    a = services.sectie_aanmaken(document=document, titel="A", auteur=auteur)
    b = services.sectie_aanmaken(document=document, titel="B", auteur=auteur)
    c = services.sectie_aanmaken(
        document=document, soort=SectieSoort.PLANNING, titel="C", auteur=auteur
    )

    def titels():
        return [s["titel"] for s in document_inhoud(document)["secties"]]

    assert titels() == ["A", "B", "C"]
    services.sectie_verplaatsen(sectie=c, richting=services.OMHOOG, auteur=auteur)
    assert titels() == ["A", "C", "B"]
    services.secties_ordenen(document=document, volgorde=[b.pk, a.pk, 999999], auteur=auteur)
    assert titels() == ["B", "A", "C"]
    services.sectie_verwijderen(sectie=a, auteur=auteur)
    assert titels() == ["B", "C"]


def test_versie_vastleggen_nummert_en_bevriest():
    auteur = UserFactory()
    document = DocumentFactory()
    sectie = SectieFactory(document=document, tekst="Eerste tekst")
    v1 = services.versie_vastleggen(document=document, auteur=auteur, toelichting="Voor DO")
    assert v1.nummer == 1 and v1.inhoud == document_inhoud(document)
    assert len(v1.inhoud_hash) == 64 and v1.inhoud_hash == services.inhoud_hash(v1.inhoud)

    services.sectie_bijwerken(sectie=sectie, revisie=1, auteur=auteur, titel="T", tekst="Later")
    v2 = services.versie_vastleggen(document=document, auteur=auteur)
    assert v2.nummer == 2 and v2.inhoud_hash != v1.inhoud_hash
    assert Versie.objects.get(pk=v1.pk).inhoud["secties"][0]["tekst"] == "Eerste tekst"


def test_inhoud_hash_is_canoniek():
    assert services.inhoud_hash({"a": 1, "b": [1, 2]}) == services.inhoud_hash(
        {"b": [1, 2], "a": 1}
    )


def test_opmerking_plaatsen_en_oplossen():
    document = DocumentFactory()
    sectie = SectieFactory(document=document)
    directeur, adviseur = UserFactory(), UserFactory()
    opmerking = services.opmerking_plaatsen(
        document=document, auteur=directeur, tekst="Kort", sectie=sectie
    )
    with pytest.raises(DomeinFout):
        services.opmerking_plaatsen(
            document=document, auteur=directeur, tekst="x", sectie=SectieFactory()
        )
    services.opmerking_oplossen(opmerking=opmerking, door=adviseur)
    opmerking.refresh_from_db()
    assert opmerking.opgelost_door == adviseur and opmerking.opgelost_op is not None


def test_soort_voorziening_bewaart_voorziening_anders_niet(regio):
    from tests.factories import TrajectVoorzieningFactory

    tv = TrajectVoorzieningFactory(traject__regio=regio)
    auteur = UserFactory()
    up = services.uitgangspunt_aanmaken(
        traject=tv.traject, soort=UitgangspuntSoort.VOORZIENING, titel="X",
        voorziening=tv.voorziening, auteur=auteur,
    )  # fmt: skip
    assert up.voorziening == tv.voorziening
    up2 = services.uitgangspunt_aanmaken(
        traject=tv.traject, soort=UitgangspuntSoort.STRATEGISCH, titel="Y",
        voorziening=tv.voorziening, auteur=auteur,
    )  # fmt: skip
    assert up2.voorziening is None
