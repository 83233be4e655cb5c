"""Issue 11, item 6: four eyes by co-authorship. Nobody approves a version whose content they
changed since the previous approved version (read from the history), nor one they froze or
submitted; the page shows no approve button to them."""

import pytest
from django.urls import reverse

from inkoop.besluitvorming import services
from inkoop.besluitvorming.services import VierOgenFout
from regions.constants import Rol
from tests.factories import (
    DocumentFactory,
    KengetalFactory,
    MijlpaalFactory,
    RoltoewijzingFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
)
from uitgangspunten import services as up_services
from uitgangspunten.constants import Beoordeling, SectieSoort

pytestmark = pytest.mark.django_db


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


@pytest.fixture
def beide(met_rol, regio):
    """A user with both roles: writes as an advisor, reviews as a director."""
    user = met_rol(Rol.DIRECTEUR, regio, username="beide-rollen")
    RoltoewijzingFactory(gebruiker=user, regio=regio, rol=Rol.BELEIDSADVISEUR)
    return user


@pytest.fixture
def document(traject, adviseur):
    return DocumentFactory(traject=traject, aangemaakt_door=adviseur)


def _goedkeurknop(client, document, versie):
    html = client.get(
        reverse("inkoop:document_besluitvorming", kwargs={"pk": document.pk})
    ).content.decode()
    return reverse(
        "inkoop:versie_goedkeuren", kwargs={"pk": document.pk, "nummer": versie.nummer}
    ) in html, html


def test_mede_auteur_van_een_sectie_keurt_niet_goed(client_als, document, adviseur, beide):
    up_services.sectie_aanmaken(document=document, auteur=beide, titel="Inleiding", tekst="Tekst")
    versie = up_services.versie_vastleggen(document=document, auteur=adviseur)
    services.versie_indienen(versie=versie, door=adviseur)
    with pytest.raises(VierOgenFout, match="inhoud van deze versie"):
        services.versie_goedkeuren(versie=versie, door=beide)
    versie.refresh_from_db()
    assert versie.beoordeling == Beoordeling.INGEDIEND
    knop, html = _goedkeurknop(client_als(beide), document, versie)
    assert not knop
    assert "U hebt aan de inhoud van deze versie geschreven" in html


def test_ook_bij_identieke_inhoud_van_een_collega_bevroren(document, adviseur, beide, directeur):
    """She wrote and froze version 1; a colleague froze the same content again as version 2
    and submitted it: she still may not approve it."""
    up_services.sectie_aanmaken(document=document, auteur=beide, titel="A", tekst="x")
    eerste = up_services.versie_vastleggen(document=document, auteur=beide)
    tweede = up_services.versie_vastleggen(document=document, auteur=adviseur)
    assert tweede.inhoud_hash == eerste.inhoud_hash
    services.versie_indienen(versie=tweede, door=adviseur)
    with pytest.raises(VierOgenFout):
        services.versie_goedkeuren(versie=tweede, door=beide)
    services.versie_goedkeuren(versie=tweede, door=directeur)  # someone else still can


def test_wijzigingen_voor_de_vorige_goedgekeurde_versie_tellen_niet(
    document, adviseur, beide, directeur
):
    up_services.sectie_aanmaken(document=document, auteur=beide, titel="Oud", tekst="x")
    eerste = up_services.versie_vastleggen(document=document, auteur=adviseur)
    services.versie_indienen(versie=eerste, door=adviseur)
    services.versie_goedkeuren(versie=eerste, door=directeur)
    up_services.sectie_aanmaken(document=document, auteur=adviseur, titel="Nieuw", tekst="y")
    tweede = up_services.versie_vastleggen(document=document, auteur=adviseur)
    services.versie_indienen(versie=tweede, door=adviseur)
    services.versie_goedkeuren(versie=tweede, door=beide)  # her writing was approved before


@pytest.mark.parametrize("wat", ["kop", "uitgangspunt", "sectie_verwijderd"])
def test_elke_soort_inhoud_telt(document, traject, adviseur, beide, wat):
    sectie = up_services.sectie_aanmaken(
        document=document, auteur=adviseur, soort=SectieSoort.ALGEMENE_UITGANGSPUNTEN
    )
    up = up_services.uitgangspunt_aanmaken(
        traject=traject, soort="strategisch", titel="Samenwerken", auteur=adviseur
    )
    if wat == "kop":
        up_services.document_kop_bijwerken(
            document=document, revisie=document.revisie, auteur=beide, betreft="Nieuw"
        )
    elif wat == "uitgangspunt":
        up_services.uitgangspunt_bijwerken(
            uitgangspunt=up, revisie=1, auteur=beide, titel="Samen", uitleg=""
        )
    else:
        up_services.sectie_verwijderen(sectie=sectie, auteur=beide)
    versie = up_services.versie_vastleggen(document=document, auteur=adviseur)
    services.versie_indienen(versie=versie, door=adviseur)
    with pytest.raises(VierOgenFout):
        services.versie_goedkeuren(versie=versie, door=beide)


def test_wie_indiende_keurt_niet_goed(client_als, document, adviseur, beide):
    versie = up_services.versie_vastleggen(document=document, auteur=adviseur)
    services.versie_indienen(versie=versie, door=beide)
    with pytest.raises(VierOgenFout, match="ingediend"):
        services.versie_goedkeuren(versie=versie, door=beide)
    knop, _ = _goedkeurknop(client_als(beide), document, versie)
    assert not knop


def test_een_andere_directeur_ziet_de_knop_wel(client_als, document, adviseur, beide, directeur):
    up_services.sectie_aanmaken(document=document, auteur=beide, titel="Inleiding")
    versie = up_services.versie_vastleggen(document=document, auteur=adviseur)
    services.versie_indienen(versie=versie, door=adviseur)
    knop, _ = _goedkeurknop(client_als(directeur), document, versie)
    assert knop


def _gewijzigd_door(obj, user, **velden):
    """Change `obj` as `user` would through a page (the request middleware sets the author)."""
    for naam, waarde in velden.items():
        setattr(obj, naam, waarde)
    obj._history_user = user
    obj.save()


@pytest.mark.parametrize("blok", ["kengetallen", "ontwikkelingen", "planning"])
def test_wie_schreef_aan_wat_een_blok_toont_keurt_niet_goed(
    blok, document, traject, adviseur, beide, directeur
):
    """The figures, developments and planning a version shows are its content too (issue 11,
    item 6): who changed them since the previous approved version may not approve it."""
    tv = TrajectVoorzieningFactory(traject=traject)
    kengetal = KengetalFactory(voorziening=tv.voorziening, jaar=2025)
    mijlpaal = MijlpaalFactory(traject=traject)
    soort = {
        "kengetallen": SectieSoort.KENGETALLEN,
        "ontwikkelingen": SectieSoort.VOORZIENINGENTABEL,
        "planning": SectieSoort.PLANNING,
    }[blok]
    sectie = up_services.sectie_aanmaken(document=document, auteur=adviseur, soort=soort)
    sectie.voorzieningen.add(tv.voorziening)
    wijziging = {
        "kengetallen": lambda: _gewijzigd_door(kengetal, beide, waarde=2_000_000),
        "ontwikkelingen": lambda: _gewijzigd_door(tv, beide, ontwikkelingen="Meer vraag."),
        "planning": lambda: _gewijzigd_door(mijlpaal, beide, omschrijving="PFHO besluit"),
    }[blok]
    wijziging()
    versie = up_services.versie_vastleggen(document=document, auteur=adviseur)
    services.versie_indienen(versie=versie, door=adviseur)
    with pytest.raises(VierOgenFout, match="inhoud van deze versie"):
        services.versie_goedkeuren(versie=versie, door=beide)
    services.versie_goedkeuren(versie=versie, door=directeur)


def test_planning_telt_alleen_als_de_versie_haar_toont(document, traject, adviseur, beide):
    up_services.sectie_aanmaken(document=document, auteur=adviseur, titel="Inleiding", tekst="x")
    _gewijzigd_door(MijlpaalFactory(traject=traject), beide, omschrijving="Marktconsultatie")
    versie = up_services.versie_vastleggen(document=document, auteur=adviseur)
    services.versie_indienen(versie=versie, door=adviseur)
    services.versie_goedkeuren(versie=versie, door=beide)
    versie.refresh_from_db()
    assert versie.beoordeling == Beoordeling.GOEDGEKEURD
