"""The review page (issue 12): the version's text, its changes against the last approved
version, the open comments and one decision form; the author sees the outcome."""

import pytest
from django.urls import reverse

from tests.factories import DocumentFactory, SectieFactory, TrajectFactory
from tests.factories.besluitvorming import VersieFactory
from tests.utils import assert_constant_queries
from uitgangspunten.constants import Beoordeling
from uitgangspunten.models import Opmerking

pytestmark = pytest.mark.django_db


def _inhoud(tekst):
    return {
        "kop": {"titel": "Notitie"},
        "secties": [{"id": 1, "titel": "Inleiding", "tekst": tekst}],
    }


@pytest.fixture
def versies(regio, adviseur):
    document = DocumentFactory(traject=TrajectFactory(regio=regio), titel="Notitie 2027")
    VersieFactory(document=document, nummer=1, auteur=adviseur, goedgekeurd=True,
                  inhoud=_inhoud("Wij kopen **samen** in."))  # fmt: skip
    VersieFactory(document=document, nummer=2, auteur=adviseur,
                  inhoud=_inhoud("Wij kopen niet in."))  # fmt: skip
    tweede = VersieFactory(document=document, nummer=3, auteur=adviseur, ingediend=True,
                           inhoud=_inhoud("Wij kopen **regionaal samen** in."))  # fmt: skip
    sectie = SectieFactory(document=document)
    Opmerking.objects.create(document=document, sectie=sectie, auteur=adviseur,
                             tekst="Klopt het budget?")  # fmt: skip
    return tweede


def _url(versie):
    return reverse(
        "inkoop:versie_beoordelen", kwargs={"pk": versie.document_id, "nummer": versie.nummer}
    )


def test_directeur_ziet_wijzigingen_tegen_goedgekeurde_versie_en_keurt_goed(
    client_als, versies, directeur, adviseur
):
    client = client_als(directeur)
    html = client.get(_url(versies)).content.decode()
    # Compared with version 1 (approved), not with version 2 (just the previous one).
    assert "Wijzigingen ten opzichte van versie 1 (goedgekeurd)" in html
    assert "ingevoegd: </span>regionaal</ins> samen</strong>" in html and "**" not in html
    assert "Klopt het budget?" in html
    assert "Besluit vastleggen" in html

    antwoord = client.post(_url(versies), {"besluit": "goedkeuren", "opmerking": ""})
    assert antwoord.status_code == 302
    versies.refresh_from_db()
    assert versies.beoordeling == Beoordeling.GOEDGEKEURD

    # The author sees the same page with the outcome, and no form.
    html = client_als(adviseur).get(_url(versies)).content.decode()
    assert "Uitkomst" in html and "Goedgekeurd" in html and "Besluit vastleggen" not in html


def test_terugsturen_vraagt_een_opmerking_en_houdt_de_invoer(client_als, versies, directeur):
    client = client_als(directeur)
    antwoord = client.post(_url(versies), {"besluit": "terugsturen", "opmerking": "  "})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Geef bij terugsturen aan wat er moet veranderen." in html
    assert 'value="terugsturen" required checked' in html or "checked" in html
    versies.refresh_from_db()
    assert versies.beoordeling == Beoordeling.INGEDIEND

    client.post(_url(versies), {"besluit": "terugsturen", "opmerking": "Budget ontbreekt."})
    versies.refresh_from_db()
    assert versies.beoordeling == Beoordeling.TERUGGESTUURD
    assert "Budget ontbreekt." in client.get(_url(versies)).content.decode()


def test_mede_auteur_mag_niet_goedkeuren(client_als, versies, met_rol, regio):
    from regions.constants import Rol

    directeur = met_rol(Rol.DIRECTEUR, regio)
    versies.auteur = directeur
    versies.save()
    antwoord = client_als(directeur).post(_url(versies), {"besluit": "goedkeuren"})
    # The author is no reviewer: no form, and a direct post is refused by the service.
    versies.refresh_from_db()
    assert versies.beoordeling == Beoordeling.INGEDIEND
    assert antwoord.status_code == 200
    assert "Vier ogen" in antwoord.content.decode()


def test_lezer_ziet_geen_concepten(client_als, versies, lezer):
    assert client_als(lezer).get(_url(versies)).status_code == 403


def test_beoordelingspagina_constant_aantal_queries(client_als, versies, directeur, adviseur):
    client = client_als(directeur)
    document = versies.document

    def maak(n):
        for _ in range(n):
            Opmerking.objects.create(document=document, sectie=document.secties.first(),
                                     auteur=adviseur, tekst="Nog een vraag")  # fmt: skip

    assert_constant_queries(maak, lambda: client.get(_url(versies)))


def test_mijn_werk_linkt_naar_de_beoordelingspagina(client_als, versies, directeur):
    html = client_als(directeur).get(reverse("inkoop:mijn_werk")).content.decode()
    assert _url(versies) in html
