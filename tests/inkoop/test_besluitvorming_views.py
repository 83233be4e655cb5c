"""Pages of the decision route: forms work without HTMX, permissions hold, queries stay flat."""

import datetime as dt

import pytest
from django.urls import reverse

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit, Voorstel
from inkoop.trajecten.constants import GremiumSoort
from regions.constants import Rol
from tests.factories import (
    DocumentFactory,
    GemeenteFactory,
    GremiumFactory,
    LidmaatschapFactory,
    TrajectFactory,
)
from tests.factories.besluitvorming import (
    BeslispuntFactory,
    BesluitFactory,
    CollegeFactory,
    VersieFactory,
    VoorstelFactory,
)
from tests.utils import assert_constant_queries
from uitgangspunten.constants import Beoordeling

pytestmark = pytest.mark.django_db


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


@pytest.fixture
def document(traject):
    return DocumentFactory(traject=traject, titel="Uitgangspuntennotitie 2027")


def _pagina(document):
    return reverse("inkoop:document_besluitvorming", kwargs={"pk": document.pk})


def test_indienen_goedkeuren_via_formulieren(client_als, document, adviseur, directeur):
    versie = VersieFactory(document=document, nummer=1, auteur=adviseur)
    client = client_als(adviseur)
    pagina = client.get(_pagina(document))
    assert "Versie 1 indienen ter beoordeling" in pagina.content.decode()
    url = reverse("inkoop:versie_indienen", kwargs={"pk": document.pk, "nummer": 1})
    assert client.post(url, {"opmerking": ""}).status_code == 302
    versie.refresh_from_db()
    assert versie.beoordeling == Beoordeling.INGEDIEND

    client = client_als(directeur)
    html = client.get(_pagina(document)).content.decode()
    assert "Versie 1 goedkeuren" in html
    terug = reverse("inkoop:versie_terugsturen", kwargs={"pk": document.pk, "nummer": 1})
    antwoord = client.post(terug, {"opmerking": ""}, follow=True)
    assert "wat er moet veranderen" in antwoord.content.decode()
    versie.refresh_from_db()
    assert versie.beoordeling == Beoordeling.INGEDIEND
    goed = reverse("inkoop:versie_goedkeuren", kwargs={"pk": document.pk, "nummer": 1})
    html = client.post(goed, follow=True).content.decode()
    assert "Versie 1 is goedgekeurd" in html
    assert "naar “goedgekeurd” door" in html  # the timeline


def test_auteur_ziet_geen_goedkeurknop_en_wordt_geweigerd(client_als, document, met_rol, regio):
    from tests.factories import RoltoewijzingFactory

    beide = met_rol(Rol.DIRECTEUR, regio)
    RoltoewijzingFactory(gebruiker=beide, regio=regio, rol=Rol.BELEIDSADVISEUR)
    versie = VersieFactory(document=document, nummer=1, auteur=beide, ingediend=True)
    client = client_als(beide)
    html = client.get(_pagina(document)).content.decode()
    assert "Versie 1 goedkeuren" not in html
    assert "vier ogen" in html
    goed = reverse("inkoop:versie_goedkeuren", kwargs={"pk": document.pk, "nummer": 1})
    html = client.post(goed, follow=True).content.decode()
    assert "Vier ogen" in html
    versie.refresh_from_db()
    assert versie.beoordeling == Beoordeling.INGEDIEND


def test_besluit_vastleggen_via_formulier(client_als, met_rol, regio, traject, document):
    secretaris = met_rol(Rol.SECRETARIS, regio)
    versie = VersieFactory(document=document, goedgekeurd=True)
    pfho = GremiumFactory(regio=regio, soort=GremiumSoort.PFHO, naam="PFHO")
    voorstel = VoorstelFactory(traject=traject, gremium=pfho)
    voorstel.versies.add(versie)
    punt = BeslispuntFactory(voorstel=voorstel, nummer=1)
    # The DO step of the route comes first.
    do = GremiumFactory(regio=regio, soort=GremiumSoort.DO)
    BesluitFactory(gremium=do, versie=versie, uitkomst=Uitkomst.INGESTEMD)
    url = reverse("inkoop:besluit_nieuw", kwargs={"regio": regio.slug, "slug": traject.slug})
    client = client_als(secretaris)
    pagina = client.get(url, {"voorstel": voorstel.pk})
    assert f"Beslispunt 1: {punt.tekst}" in pagina.content.decode()
    antwoord = client.post(
        url,
        {"gremium": pfho.pk, "datum": "2027-02-06", "uitkomst": Uitkomst.VRIJGEGEVEN,
         "voorstel": voorstel.pk, f"punt_{punt.pk}": Uitkomst.AANGEHOUDEN,
         "revisie": voorstel.revisie},
    )  # fmt: skip
    assert antwoord.status_code == 302
    assert antwoord.url == _pagina(document)
    besluit = Besluit.objects.get(gremium=pfho)
    assert besluit.versie == versie and besluit.datum == dt.date(2027, 2, 6)
    assert besluit.punten.get().uitkomst == Uitkomst.AANGEHOUDEN


def test_voorstel_aanmaken_en_tonen(client_als, adviseur, regio, traject, document):
    versie = VersieFactory(document=document, goedgekeurd=True)
    pfho = GremiumFactory(regio=regio, soort=GremiumSoort.PFHO)
    client = client_als(adviseur)
    url = reverse("inkoop:voorstel_nieuw", kwargs={"regio": regio.slug, "slug": traject.slug})
    assert client.get(url).status_code == 200
    antwoord = client.post(
        url,
        {"gremium": pfho.pk, "onderwerp": "Vrijgeven uitgangspunten",
         "beslispunten": "Vrijgeven voor advies\nKennisnemen van de planning",
         "versies": [versie.pk], "portefeuillehouder": "Wethouder Jansen",
         "kanttekeningen": "Krappe planning"},
    )  # fmt: skip
    voorstel = Voorstel.objects.get()
    assert antwoord.url == reverse("inkoop:voorstel", kwargs={"pk": voorstel.pk})
    html = client.get(antwoord.url).content.decode()
    for tekst in ("Kennisnemen van de planning", "Wethouder Jansen", "Krappe planning",
                  f"{document.titel}, versie {versie.nummer}"):  # fmt: skip
        assert tekst in html


def test_route_bewerken(client_als, adviseur, regio, traject):
    client = client_als(adviseur)
    kw = {"regio": regio.slug, "slug": traject.slug}
    html = client.get(reverse("inkoop:route", kwargs=kw)).content.decode()
    assert "standaardroute" in html
    client.post(
        reverse("inkoop:routestap_toevoegen", kwargs=kw),
        {"gremium_soort": GremiumSoort.MT, "beoogde_uitkomst": Uitkomst.INGESTEMD},
    )
    assert traject.route.count() == 6
    stap = traject.route.get(gremium_soort=GremiumSoort.MT)
    client.post(reverse("inkoop:routestap_verplaatsen", kwargs={**kw, "stap": stap.pk}),
                {"richting": "op"})  # fmt: skip
    stap.refresh_from_db()
    assert stap.volgorde == 5
    client.post(reverse("inkoop:routestap_verwijderen", kwargs={**kw, "stap": stap.pk}))
    assert traject.route.count() == 5


def test_regiopagina_toont_collegetelling_en_ontbrekende(
    client_als, adviseur, lezer, regio, traject, document
):
    leden = [lid.gemeente for lid in regio.lidmaatschappen.select_related("gemeente")]
    versie = VersieFactory(document=document, goedgekeurd=True)
    for gemeente in leden[:2]:
        BesluitFactory(gremium=CollegeFactory(regio=regio, gemeente=gemeente), versie=versie)
    url = reverse("inkoop:regio", kwargs={"slug": regio.slug})
    html = client_als(adviseur).get(url).content.decode()
    assert "vastgesteld door 2 van 3 colleges" in html
    assert f"nog niet: {leden[2].naam}" in html
    # Readers do not see drafts' progress.
    assert "vastgesteld door 2 van 3" not in client_als(lezer).get(url).content.decode()


def test_mijn_werk_linkt_rechtstreeks(
    client_als, adviseur, directeur, met_rol, regio, traject, document
):
    ander = met_rol(Rol.BELEIDSADVISEUR, regio)
    VersieFactory(document=document, nummer=1, auteur=ander, ingediend=True)
    VersieFactory(document=document, nummer=2, auteur=ander, goedgekeurd=True)
    voorstel = VoorstelFactory(traject=traject)
    html = client_als(directeur).get(reverse("inkoop:mijn_werk")).content.decode()
    # A version to review opens on its review page (issue 12).
    assert reverse("inkoop:versie_beoordelen", kwargs={"pk": document.pk, "nummer": 1}) in html
    html = client_als(adviseur).get(reverse("inkoop:mijn_werk")).content.decode()
    assert "versie 2 is goedgekeurd" in html
    besluit_url = reverse(
        "inkoop:besluit_nieuw", kwargs={"regio": regio.slug, "slug": traject.slug}
    )
    assert f"{besluit_url}?voorstel={voorstel.pk}" in html


# --- Query counts ---------------------------------------------------------------------------


def test_besluitvormingspagina_queries_groeien_niet(
    client_als, adviseur, directeur, regio, document
):
    client = client_als(adviseur)
    pfho = GremiumFactory(regio=regio, soort=GremiumSoort.PFHO)

    def maak(n):
        for _ in range(n):
            versie = VersieFactory(document=document, goedgekeurd=True)
            gemeente = LidmaatschapFactory(regio=regio, gemeente=GemeenteFactory()).gemeente
            BesluitFactory(gremium=pfho, versie=versie, uitkomst=Uitkomst.VRIJGEGEVEN)
            BesluitFactory(gremium=CollegeFactory(regio=regio, gemeente=gemeente), versie=versie)

    def opvragen():
        assert client.get(_pagina(document)).status_code == 200

    assert_constant_queries(maak, opvragen)


def test_besluitenlijst_en_regio_queries_groeien_niet(client_als, adviseur, regio, traject):
    client = client_als(adviseur)
    do = GremiumFactory(regio=regio, soort=GremiumSoort.DO)

    def maak(n):
        for _ in range(n):
            versie = VersieFactory(document__traject=traject, goedgekeurd=True)
            voorstel = VoorstelFactory(traject=traject, gremium=do)
            punt = BeslispuntFactory(voorstel=voorstel)
            besluit = BesluitFactory(gremium=do, versie=versie, voorstel=voorstel)
            besluit.punten.create(beslispunt=punt, uitkomst=Uitkomst.INGESTEMD)

    lijst = reverse("inkoop:besluitenlijst", kwargs={"regio": regio.slug, "slug": traject.slug})
    regio_url = reverse("inkoop:regio", kwargs={"slug": regio.slug})

    def opvragen():
        assert client.get(lijst).status_code == 200
        assert client.get(lijst, {"gremium": do.pk}).status_code == 200
        assert client.get(regio_url).status_code == 200
        assert (
            client.get(
                reverse("inkoop:voorstellen", kwargs={"regio": regio.slug, "slug": traject.slug})
            ).status_code
            == 200
        )
        assert client.get(reverse("inkoop:mijn_werk")).status_code == 200

    assert_constant_queries(maak, opvragen)
