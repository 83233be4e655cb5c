"""Input: linking to principles, what was done with it, open input, the response report."""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from inkoop.sessies import selectors, services
from inkoop.sessies.constants import Verwerking
from tests.factories import (
    TrajectFactory,
    TrajectVoorzieningFactory,
    UitgangspuntFactory,
    VoorzieningFactory,
)
from tests.factories.sessies import SessieInbrengFactory, TrajectSessieFactory
from tests.utils import assert_constant_queries
from uitgangspunten import selectors as up_selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


@pytest.fixture
def sessie(traject):
    return TrajectSessieFactory(traject=traject)


def verwerking_url(inbreng):
    return reverse("inkoop:inbreng_verwerking", kwargs={"pk": inbreng.pk})


def test_inbreng_koppelen_en_verwerken(client_als, adviseur, sessie, traject):
    inbreng = SessieInbrengFactory(sessie=sessie)
    up1, up2 = UitgangspuntFactory(traject=traject), UitgangspuntFactory(traject=traject)
    client = client_als(adviseur)
    pagina = client.get(verwerking_url(inbreng)).content.decode()
    assert up1.titel in pagina and "<legend" in pagina
    response = client.post(
        verwerking_url(inbreng),
        {"uitgangspunten": [up1.pk, up2.pk], "verwerking": "deels",
         "verwerking_toelichting": "De looptijd is aangepast.", "revisie": 1},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"].endswith(f"#inbreng-{inbreng.pk}")
    inbreng.refresh_from_db()
    assert inbreng.verwerking == Verwerking.DEELS
    assert set(inbreng.uitgangspunten.all()) == {up1, up2}


def test_waarom_verplicht_behalve_bij_kennisgenomen(client_als, adviseur, sessie):
    inbreng = SessieInbrengFactory(sessie=sessie)
    client = client_als(adviseur)
    response = client.post(verwerking_url(inbreng), {"verwerking": "niet", "revisie": 1})
    assert "Leg uit waarom, behalve bij" in response.content.decode()
    inbreng.refresh_from_db()
    assert inbreng.verwerking == Verwerking.OPEN
    response = client.post(verwerking_url(inbreng), {"verwerking": "kennisgenomen", "revisie": 1})
    assert response.status_code == 302
    inbreng.refresh_from_db()
    assert inbreng.verwerking == Verwerking.KENNISGENOMEN


def test_alleen_uitgangspunten_van_eigen_traject(client_als, adviseur, sessie, regio):
    inbreng = SessieInbrengFactory(sessie=sessie)
    vreemd = UitgangspuntFactory(traject=TrajectFactory(regio=regio))
    response = client_als(adviseur).post(
        verwerking_url(inbreng),
        {"uitgangspunten": [vreemd.pk], "verwerking": "kennisgenomen", "revisie": 1},
    )
    assert response.status_code == 200
    assert not inbreng.uitgangspunten.exists()
    with pytest.raises(ValidationError):
        services.inbreng_verwerken(
            inbreng=inbreng, revisie=inbreng.revisie, uitgangspunten=[vreemd],
            verwerking="kennisgenomen", toelichting="",
        )  # fmt: skip


def test_verwerking_vereist_sessies_bewerken(client_als, directeur, lezer, sessie):
    inbreng = SessieInbrengFactory(sessie=sessie)
    assert client_als(directeur).get(verwerking_url(inbreng)).status_code == 403
    assert client_als(lezer).get(verwerking_url(inbreng)).status_code == 403


def test_uitgangspunt_toont_inbreng_die_het_vormde(sessie, traject):
    up = UitgangspuntFactory(traject=traject)
    inbreng = SessieInbrengFactory(
        sessie=sessie,
        tekst="Meer partnerschap graag.",
        verwerking="overgenomen",
        verwerking_toelichting="Opgenomen als uitgangspunt.",
    )
    inbreng.uitgangspunten.add(up)
    SessieInbrengFactory(sessie=sessie, tekst="Niet gekoppeld.")
    gevonden = up_selectors.inbreng_bij_uitgangspunt(up)
    assert gevonden == [inbreng]
    html = render_to_string(
        "inkoop/sessies/_inbreng_bij_uitgangspunt.html", {"inbreng_bij_uitgangspunt": gevonden}
    )
    assert "Inbreng die dit uitgangspunt vormde" in html
    assert "Meer partnerschap graag." in html and "Overgenomen" in html
    assert "Niet gekoppeld." not in html


def test_open_inbreng_op_traject_en_voorziening(client_als, adviseur, sessie, traject):
    voorziening = TrajectVoorzieningFactory(traject=traject).voorziening
    SessieInbrengFactory(sessie=sessie, voorziening=voorziening, tekst="Open vraag?")
    SessieInbrengFactory(sessie=sessie, tekst="Algemene open vraag?")
    SessieInbrengFactory(sessie=sessie, voorziening=voorziening, tekst="Beantwoord?",
                         verwerking="kennisgenomen")  # fmt: skip
    client = client_als(adviseur)
    html = client.get(traject.get_absolute_url()).content.decode()
    lijst_url = reverse("inkoop:inbreng_lijst", kwargs={"regio": "noord", "slug": traject.slug})
    assert f'{lijst_url}?open=1">bekijk de inbreng die nog verwerkt moet worden' in html
    html = client.get(lijst_url, {"open": "1", "voorziening": voorziening.slug}).content.decode()
    assert "Open vraag?" in html
    assert "Algemene open vraag?" not in html and "Beantwoord?" not in html

    rijen = selectors.open_inbreng_bij_voorziening(voorziening)
    assert [(r["traject"], r["aantal"]) for r in rijen] == [(traject, 1)]
    blok = render_to_string(
        "inkoop/sessies/_open_inbreng_bij_voorziening.html",
        {"open_inbreng": rijen, "voorziening": voorziening},
    )
    assert f"?open=1&amp;voorziening={voorziening.slug}" in blok
    assert "1 item nog te verwerken" in blok


def test_reactienota_groepeert_per_voorziening_algemeen_eerst(client_als, adviseur, sessie,
                                                              traject, regio):  # fmt: skip
    tweede = VoorzieningFactory(regio=regio, naam="Begeleiding", volgorde=20)
    eerste = VoorzieningFactory(regio=regio, naam="Huishoudelijke hulp", volgorde=10)
    for v in (tweede, eerste):
        TrajectVoorzieningFactory(traject=traject, voorziening=v)
    SessieInbrengFactory(sessie=sessie, voorziening=tweede, tekst="Over begeleiding")
    SessieInbrengFactory(sessie=sessie, voorziening=eerste, tekst="Over hulp",
                         verwerking="niet", verwerking_toelichting="Past niet in het budget.",
                         bron_soort="adviesraad", bron_naam="Adviesraad Huizen")  # fmt: skip
    SessieInbrengFactory(sessie=sessie, tekst="Algemeen punt")
    SessieInbrengFactory(sessie=TrajectSessieFactory(traject=TrajectFactory(regio=regio)),
                         tekst="Ander traject")  # fmt: skip

    nota = selectors.reactienota(traject)
    assert [g["titel"] for g in nota["groepen"]] == ["Algemeen", "Huishoudelijke hulp",
                                                      "Begeleiding"]  # fmt: skip
    assert nota["aantal"] == 3
    hulp = nota["groepen"][1]["items"][0]
    assert hulp["bron"] == "Adviesraad: Adviesraad Huizen"
    assert hulp["verwerking_label"] == "Niet overgenomen"
    assert hulp["toelichting"] == "Past niet in het budget."

    per_voorziening = selectors.reactienota(traject, eerste)
    assert [g["titel"] for g in per_voorziening["groepen"]] == ["Huishoudelijke hulp"]

    url = reverse("inkoop:reactienota", kwargs={"regio": regio.slug, "slug": traject.slug})
    html = client_als(adviseur).get(url).content.decode()
    assert html.index(">Algemeen</h2>") < html.index(">Huishoudelijke hulp</h2>")
    assert html.index(">Huishoudelijke hulp</h2>") < html.index(">Begeleiding</h2>")
    assert "Niet overgenomen</strong>: Past niet in het budget." in html
    assert "Ander traject" not in html
    html = client_als(adviseur).get(url, {"voorziening": eerste.slug}).content.decode()
    assert "Over hulp" in html and "Over begeleiding" not in html


def test_reactienota_lezer_geweigerd(client_als, lezer, traject):
    url = reverse("inkoop:reactienota", kwargs={"regio": "noord", "slug": traject.slug})
    assert client_als(lezer).get(url).status_code == 403


def test_reactienota_queries_groeien_niet_mee(client_als, adviseur, sessie, traject, regio):
    client = client_als(adviseur)
    up = UitgangspuntFactory(traject=traject)

    def maak(n):
        for _ in range(n):
            v = VoorzieningFactory(regio=regio)
            TrajectVoorzieningFactory(traject=traject, voorziening=v)
            inbreng = SessieInbrengFactory(sessie=sessie, voorziening=v)
            inbreng.uitgangspunten.add(up)
            SessieInbrengFactory(sessie=sessie)

    url = reverse("inkoop:reactienota", kwargs={"regio": regio.slug, "slug": traject.slug})
    assert_constant_queries(maak, lambda: client.get(url))
    lijst = reverse("inkoop:inbreng_lijst", kwargs={"regio": regio.slug, "slug": traject.slug})
    assert_constant_queries(maak, lambda: client.get(lijst))
