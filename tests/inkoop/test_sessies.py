"""Sessions and their minutes: the session form, inline items, statements, adoption."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit
from inkoop.sessies import services
from inkoop.sessies.constants import ResultaatSoort
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Inbreng, Sessie, Stelling
from regions.constants import Rol
from tests.factories import (
    GremiumFactory,
    SessieFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
)
from tests.factories.sessies import (
    SessieInbrengFactory,
    StellingFactory,
    TrajectSessieFactory,
)
from tests.utils import assert_constant_queries

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


@pytest.fixture
def sessie(traject):
    return TrajectSessieFactory(
        traject=traject, titel="Bestuurlijke sessie", datum=dt.date(2026, 3, 1)
    )


def nieuw_url(sessie, soort):
    return reverse("inkoop:onderdeel_nieuw", kwargs={"pk": sessie.pk, "soort": soort})


# ---------- Session form and permissions ----------


def test_sessie_aanmaken_met_deelnemers(client_als, adviseur, directeur, regio, traject):
    gremium = GremiumFactory(regio=regio)
    response = client_als(adviseur).post(
        reverse("inkoop:sessie_nieuw", kwargs={"regio": regio.slug}),
        {"soort": "do", "gremium": gremium.pk, "traject": traject.pk, "titel": "DO maart",
         "doel": "Bespreken", "datum": "2026-03-05", "begintijd": "09:00", "eindtijd": "11:00",
         "locatie": "Hilversum", "deelnemers": [adviseur.pk, directeur.pk]},
    )  # fmt: skip
    sessie = Sessie.objects.get(titel="DO maart")
    assert response.status_code == 302
    assert response["Location"] == reverse("inkoop:sessie", kwargs={"pk": sessie.pk})
    assert sessie.regio == regio
    assert set(sessie.deelnemers.all()) == {adviseur, directeur}


def test_sessie_eindtijd_voor_begintijd_geweigerd(client_als, adviseur, regio):
    response = client_als(adviseur).post(
        reverse("inkoop:sessie_nieuw", kwargs={"regio": regio.slug}),
        {"soort": "do", "titel": "DO", "datum": "2026-03-05", "begintijd": "11:00",
         "eindtijd": "10:00"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "De eindtijd ligt na de begintijd." in response.content.decode()
    assert not Sessie.objects.exists()


def test_deelnemers_alleen_uit_eigen_regio(client_als, adviseur, regio, met_rol, andere_regio):
    vreemde = met_rol(Rol.BELEIDSADVISEUR, andere_regio)
    response = client_als(adviseur).post(
        reverse("inkoop:sessie_nieuw", kwargs={"regio": regio.slug}),
        {"soort": "do", "titel": "DO", "datum": "2026-03-05", "deelnemers": [vreemde.pk]},
    )
    assert response.status_code == 200
    assert not Sessie.objects.exists()


def test_lezer_en_andere_regio_zien_geen_sessie(client_als, lezer, sessie, met_rol, andere_regio):
    url = reverse("inkoop:sessie", kwargs={"pk": sessie.pk})
    assert client_als(lezer).get(url).status_code == 403
    assert client_als(met_rol(Rol.BELEIDSADVISEUR, andere_regio)).get(url).status_code == 403


def test_directeur_leest_maar_bewerkt_niet(client_als, directeur, sessie):
    client = client_als(directeur)
    response = client.get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk}))
    assert response.status_code == 200
    assert "toevoegen</summary>" not in response.content.decode()
    response = client.post(nieuw_url(sessie, "conclusie"), {"tekst": "Mag niet"})
    assert response.status_code == 403


def test_secretaris_mag_verslag_bewerken(client_als, met_rol, regio, sessie):
    secretaris = met_rol(Rol.SECRETARIS, regio)
    response = client_als(secretaris).post(nieuw_url(sessie, "conclusie"), {"tekst": "Akkoord"})
    assert response.status_code == 302
    assert sessie.conclusies.get().tekst == "Akkoord"


# ---------- Inline items of the minutes ----------


def test_inbreng_toevoegen_zonder_js_redirect(client_als, adviseur, sessie, traject):
    voorziening = TrajectVoorzieningFactory(traject=traject).voorziening
    response = client_als(adviseur).post(
        nieuw_url(sessie, "inbreng"),
        {"soort": "vraag", "voorziening": voorziening.pk, "tekst": "Hoe zit het met de tarieven?",
         "antwoord": "Die onderzoeken we.", "bron_soort": "aanbieder", "bron_naam": "Zorg BV"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"].endswith("#sectie-inbreng")
    inbreng = Inbreng.objects.get()
    assert (inbreng.traject, inbreng.sessie, inbreng.volgorde) == (traject, sessie, 1)


def test_inbreng_met_htmx_geeft_alleen_de_sectie(client_als, adviseur, sessie):
    response = client_als(adviseur).post(
        nieuw_url(sessie, "inbreng"),
        {"soort": "opmerking", "tekst": "Let op de wachttijden.", "bron_soort": "adviesraad"},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.strip().startswith('<section id="sectie-inbreng"')
    assert "Let op de wachttijden." in html
    assert "Nog niet beantwoord" in html


def test_inbreng_fout_staat_bij_het_veld(client_als, adviseur, sessie):
    response = client_als(adviseur).post(
        nieuw_url(sessie, "inbreng"), {"soort": "vraag", "bron_soort": "aanbieder"}, **HTMX
    )
    html = response.content.decode()
    assert 'id="id_nieuw_inbreng_tekst_error"' in html
    assert "Dit veld is verplicht." in html
    assert '<details class="app-toevoegen" open>' in html
    assert not Inbreng.objects.exists()


def test_inbreng_vereist_traject_bij_sessie(client_als, adviseur, regio):
    sessie = SessieFactory(regio=regio)
    client = client_als(adviseur)
    pagina = client.get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).content.decode()
    assert "Koppel de sessie eerst aan een traject" in pagina
    with pytest.raises(ValidationError):
        services.onderdeel_opslaan(
            sessie=sessie, onderdeel=Inbreng(soort="vraag", tekst="x", bron_soort="overig")
        )


def test_onderdeel_bewerken_met_htmx(client_als, adviseur, sessie):
    inbreng = SessieInbrengFactory(sessie=sessie, tekst="Oude vraag?")
    url = reverse(
        "inkoop:onderdeel_bewerken",
        kwargs={"pk": sessie.pk, "soort": "inbreng", "item": inbreng.pk},
    )
    client = client_als(adviseur)
    formulier = client.get(url, **HTMX).content.decode()
    assert formulier.strip().startswith(
        f'<li id="inbreng-{inbreng.pk}" class="app-item app-item--bewerken">'
    )
    assert f'id="id_inbreng_{inbreng.pk}_tekst"' in formulier
    response = client.post(
        url,
        {"soort": "vraag", "tekst": "Nieuwe vraag?", "bron_soort": "gemeente", "revisie": 1},
        **HTMX,
    )
    html = response.content.decode()
    assert "Nieuwe vraag?" in html and "Opgeslagen" in html
    inbreng.refresh_from_db()
    assert inbreng.tekst == "Nieuwe vraag?"
    # Without HTMX the same URL is a full page, and saving redirects to the item.
    assert "<html" in client.get(url).content.decode()
    data = {"soort": "vraag", "tekst": "Derde?", "bron_soort": "gemeente", "revisie": 2}
    response = client.post(url, data)
    assert response["Location"].endswith(f"#inbreng-{inbreng.pk}")


def test_onderdeel_van_andere_sessie_geeft_404(client_als, adviseur, sessie, traject):
    ander = SessieInbrengFactory(sessie=TrajectSessieFactory(traject=traject))
    url = reverse(
        "inkoop:onderdeel_bewerken", kwargs={"pk": sessie.pk, "soort": "inbreng", "item": ander.pk}
    )
    assert client_als(adviseur).get(url).status_code == 404
    onbekend = reverse("inkoop:onderdeel_nieuw", kwargs={"pk": sessie.pk, "soort": "besluit"})
    assert client_als(adviseur).post(onbekend).status_code == 404


def test_onderdeel_verwijderen(client_als, adviseur, sessie):
    stelling = StellingFactory(sessie=sessie)
    url = reverse(
        "inkoop:onderdeel_verwijderen",
        kwargs={"pk": sessie.pk, "soort": "stelling", "item": stelling.pk},
    )
    html = client_als(adviseur).post(url, **HTMX).content.decode()
    assert html.strip().startswith('<section id="sectie-stelling"')
    assert f'id="stelling-{stelling.pk}"' not in html
    assert not Stelling.objects.exists()


# ---------- The edit page follows the agenda ----------


def test_sessiepagina_volgt_de_agendapunten(client_als, adviseur, sessie):
    looptijd = Agendapunt.objects.create(
        sessie=sessie, volgorde=1, titel="Looptijd", inleiding="Over de looptijd."
    )
    tarief = Agendapunt.objects.create(sessie=sessie, volgorde=2, titel="Tarieven")
    SessieInbrengFactory(sessie=sessie, agendapunt=looptijd, tekst="Waarom vijf jaar?")
    stelling = StellingFactory(sessie=sessie, agendapunt=looptijd, tekst="Lang is beter.")
    # Under the statement only: it stands under the statement's agenda item.
    Conclusie.objects.create(sessie=sessie, stelling=stelling, tekst="Vijf jaar met verlenging.")
    Actiepunt.objects.create(sessie=sessie, agendapunt=looptijd, omschrijving="Looptijd uitwerken",
                             eigenaar="Secretaris")  # fmt: skip
    Conclusie.objects.create(sessie=sessie, agendapunt=tarief, tekst="Tarief volgt in mei.")
    Conclusie.objects.create(sessie=sessie, tekst="Volgende keer in Hilversum.")
    html = client_als(adviseur).get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).text
    verslag = html[html.index('id="kop-verslag"') :]
    volgorde = [
        "1. Looptijd", "Over de looptijd.", "Waarom vijf jaar?", "Lang is beter.",
        "Vijf jaar met verlenging.", "Looptijd uitwerken", "2. Tarieven", "Tarief volgt in mei.",
        "Zonder agendapunt", "Volgende keer in Hilversum.",
    ]  # fmt: skip
    plaatsen = [verslag.index(tekst) for tekst in volgorde]
    assert plaatsen == sorted(plaatsen)
    # The add forms of an agenda item start with that agenda item; ids stay unique.
    sectie = verslag.split(f'id="sectie-conclusie-{tarief.pk}"', 1)[1].split("</section>", 1)[0]
    assert f'action="/sessies/{sessie.pk}/conclusie/nieuw/?agendapunt={tarief.pk}"' in sectie
    assert f'<option value="{tarief.pk}" selected>' in sectie
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_toevoegen_bij_een_agendapunt_met_htmx(client_als, adviseur, sessie):
    punt = Agendapunt.objects.create(sessie=sessie, volgorde=1, titel="Looptijd")
    ander = Agendapunt.objects.create(sessie=sessie, volgorde=2, titel="Tarieven")
    client = client_als(adviseur)
    url = nieuw_url(sessie, "conclusie") + f"?agendapunt={punt.pk}"
    html = client.post(url, {"agendapunt": punt.pk, "tekst": "Vijf jaar."}, **HTMX).text
    assert html.strip().startswith(f'<section id="sectie-conclusie-{punt.pk}"')
    assert "Vijf jaar." in html
    fout = client.post(url, {"agendapunt": punt.pk, "tekst": ""}, **HTMX).text
    assert fout.strip().startswith(f'<section id="sectie-conclusie-{punt.pk}"')
    assert f'id="id_nieuw_conclusie_{punt.pk}_tekst_error"' in fout
    # Chosen under another agenda item than the form's: the page reloads with it there.
    verplaatst = client.post(url, {"agendapunt": ander.pk, "tekst": "Tarief in mei."}, **HTMX)
    conclusie = Conclusie.objects.get(tekst="Tarief in mei.")
    assert conclusie.agendapunt == ander
    assert verplaatst["HX-Redirect"].endswith(f"#sectie-conclusie-{ander.pk}")
    # Without HTMX: a redirect to the section it landed in.
    zonder = client.post(url, {"agendapunt": punt.pk, "tekst": "Nog een."})
    assert zonder["Location"].endswith(f"#sectie-conclusie-{punt.pk}")


def test_actiepunt_vraagt_een_eigenaar(client_als, adviseur, sessie):
    client = client_als(adviseur)
    html = client.post(nieuw_url(sessie, "actiepunt"), {"omschrijving": "Bellen"}, **HTMX)
    assert "Kies een gebruiker of vul een eigenaar in." in html.content.decode()
    client.post(
        nieuw_url(sessie, "actiepunt"),
        {"omschrijving": "Bellen", "eigenaar_gebruiker": adviseur.pk, "deadline": "2026-04-01"},
    )
    actie = sessie.actiepunten.get()
    assert actie.eigenaar_gebruiker == adviseur
    pagina = client.get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).content.decode()
    assert "uiterlijk 1 april 2026" in pagina


def test_gast_en_agendapunt(client_als, adviseur, sessie):
    client = client_als(adviseur)
    client.post(nieuw_url(sessie, "gast"), {"naam": "Jan Jansen", "organisatie": "Zorg BV",
                                            "rol": "Directeur"})  # fmt: skip
    client.post(nieuw_url(sessie, "agendapunt"), {"volgorde": 1, "titel": "Uitgangspunten"})
    pagina = client.get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).content.decode()
    assert "Jan Jansen</strong> — Directeur, Zorg BV" in pagina
    assert "1. Uitgangspunten" in pagina


def test_inleiding_inline_bewerken(client_als, adviseur, sessie):
    url = reverse("inkoop:verslag_inleiding", kwargs={"pk": sessie.pk})
    client = client_als(adviseur)
    formulier = client.get(url, **HTMX).content.decode()
    assert 'id="id_verslag_inleiding"' in formulier and 'name="revisie" value="1"' in formulier
    html = client.post(
        url, {"verslag_inleiding": "We spraken over de inkoop.", "revisie": 1}, **HTMX
    )
    assert html.content.decode().strip().startswith('<div id="verslag-inleiding"')
    assert "We spraken over de inkoop." in html.content.decode()
    sessie.refresh_from_db()
    assert sessie.verslag_inleiding == "We spraken over de inkoop."


# ---------- Statements: three kinds of result ----------

GELDIG = {
    ResultaatSoort.EENS_ONEENS: {"eens": "14", "oneens": "3"},
    ResultaatSoort.SCHAAL: {"schaal_gemiddelde": "3,8", "schaal_n": "12"},
    ResultaatSoort.WOORDEN: {"woorden": "samen, vertrouwen\nsamen"},
}


@pytest.mark.parametrize(
    ("soort", "velden", "verwacht"),
    [
        (ResultaatSoort.EENS_ONEENS, {}, "Vul dit in bij een resultaat van de soort"),
        (ResultaatSoort.EENS_ONEENS, {"eens": "-1", "oneens": "2"}, "Een aantal is 0 of meer."),
        (ResultaatSoort.EENS_ONEENS, {"eens": "0", "oneens": "0"}, "minstens één stem"),
        (ResultaatSoort.SCHAAL, {"schaal_gemiddelde": "5,5", "schaal_n": "3"},
         "Het gemiddelde ligt tussen 1 en 5."),
        (ResultaatSoort.SCHAAL, {"schaal_gemiddelde": "0,9", "schaal_n": "3"},
         "Het gemiddelde ligt tussen 1 en 5."),
        (ResultaatSoort.SCHAAL, {"schaal_gemiddelde": "3", "schaal_n": "0"},
         "Er is minstens één antwoord nodig"),
        (ResultaatSoort.SCHAAL, {"schaal_n": "12"}, "Vul dit in bij een resultaat"),
        (ResultaatSoort.WOORDEN, {"woorden": "  "}, "Vul dit in bij een resultaat"),
    ],
)  # fmt: skip
def test_stelling_validatie(client_als, adviseur, sessie, soort, velden, verwacht):
    data = {"tekst": "Minder aanbieders", "resultaat_soort": soort, **velden}
    response = client_als(adviseur).post(nieuw_url(sessie, "stelling"), data, **HTMX)
    assert verwacht in response.content.decode()
    assert not Stelling.objects.exists()


@pytest.mark.parametrize(
    ("soort", "tekst"),
    [
        (ResultaatSoort.EENS_ONEENS, "17 reacties: 14 eens (82%), 3 oneens (18%)."),
        (ResultaatSoort.SCHAAL, "Gemiddeld 3,8 op een schaal van 1 tot en met 5 (n = 12)."),
        (ResultaatSoort.WOORDEN, "Genoemd: samen (2×), vertrouwen (1×)."),
    ],
)
def test_stelling_resultaat_als_tekst_en_grafiek(client_als, adviseur, sessie, soort, tekst):
    data = {"tekst": "Minder aanbieders", "resultaat_soort": soort, **GELDIG[soort]}
    # Fields of another kind are dropped, so a stale value cannot leak into the result.
    data.setdefault("eens", "99")
    client = client_als(adviseur)
    assert client.post(nieuw_url(sessie, "stelling"), data).status_code == 302
    stelling = Stelling.objects.get()
    if soort != ResultaatSoort.EENS_ONEENS:
        assert stelling.eens is None
    html = client.get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).content.decode()
    assert tekst in html
    # The chart is decorative: hidden from assistive technology, without scripts.
    grafiek = html.split('class="app-grafiek app-grafiek--stelling" aria-hidden="true">')[1]
    assert grafiek.lstrip().startswith("<svg")
    assert "<script" not in grafiek.split("</svg>")[0]


def test_schaalgemiddelde_zonder_aantal_mag(adviseur, sessie):
    """Minutes often give a mean without n ("gemiddeld 3,4"): that is a result too."""
    services.onderdeel_opslaan(
        sessie=sessie,
        onderdeel=Stelling(tekst="x", resultaat_soort=ResultaatSoort.SCHAAL,
                           schaal_gemiddelde=Decimal("3.4")),
    )  # fmt: skip
    assert Stelling.objects.get().schaal_n is None


def test_stelling_service_controleert_ook_buiten_formulieren(sessie):
    with pytest.raises(ValidationError) as fout:
        services.onderdeel_opslaan(
            sessie=sessie,
            onderdeel=Stelling(tekst="x", resultaat_soort=ResultaatSoort.SCHAAL,
                               schaal_gemiddelde=Decimal("6"), schaal_n=0),
        )  # fmt: skip
    assert set(fout.value.error_dict) == {"schaal_gemiddelde", "schaal_n"}


# ---------- Minutes adoption ----------


def test_verslag_vaststellen_in_latere_sessie(client_als, adviseur, sessie, traject):
    latere = TrajectSessieFactory(
        traject=traject, gremium=sessie.gremium, titel="PFHO april", datum=dt.date(2026, 4, 2)
    )
    client = client_als(adviseur)
    response = client.post(
        reverse("inkoop:verslag_vaststellen", kwargs={"pk": latere.pk}),
        {"verslag_van": sessie.pk},
    )
    assert response.status_code == 302
    besluit = Besluit.objects.get()
    assert besluit.verslag_van == sessie
    assert besluit.sessie == latere
    assert besluit.gremium == latere.gremium
    assert besluit.uitkomst == Uitkomst.VASTGESTELD
    assert besluit.datum == latere.datum
    assert besluit.vastgelegd_door == adviseur
    html = client.get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).content.decode()
    assert "Het verslag is vastgesteld op 2 april 2026 in" in html
    assert "PFHO april</a>" in html
    html = client.get(reverse("inkoop:sessie", kwargs={"pk": latere.pk})).content.decode()
    assert "Bestuurlijke sessie</a> (1 maart 2026): vastgesteld." in html


def test_verslag_vaststellen_regels(adviseur, sessie, traject, regio):
    latere = TrajectSessieFactory(
        traject=traject, gremium=sessie.gremium, datum=dt.date(2026, 4, 2)
    )
    with pytest.raises(ValidationError, match="latere sessie"):
        services.verslag_vaststellen(sessie=sessie, verslag_van=latere, door=adviseur)
    services.verslag_vaststellen(sessie=latere, verslag_van=sessie, door=adviseur)
    with pytest.raises(ValidationError, match="al vastgesteld"):
        services.verslag_vaststellen(sessie=latere, verslag_van=sessie, door=adviseur)
    zonder_gremium = SessieFactory(regio=regio, datum=dt.date(2026, 5, 1))
    with pytest.raises(ValidationError, match="gremium"):
        services.verslag_vaststellen(sessie=zonder_gremium, verslag_van=latere, door=adviseur)
    assert list(services.verslag_vaststelbaar(zonder_gremium)) == [latere]


def test_verslag_vaststellen_alleen_door_hetzelfde_gremium(client_als, adviseur, sessie, traject):
    ander = TrajectSessieFactory(
        traject=traject, gremium__naam="Adviesraad Sociaal Domein", datum=dt.date(2026, 4, 2)
    )
    assert sessie not in services.verslag_vaststelbaar(ander)
    with pytest.raises(ValidationError) as fout:
        services.verslag_vaststellen(sessie=ander, verslag_van=sessie, door=adviseur)
    assert fout.value.error_dict["verslag_van"][0].message == (
        f"De sessie Bestuurlijke sessie is van {sessie.gremium}, deze sessie van Adviesraad "
        "Sociaal Domein: een verslag wordt vastgesteld in een latere sessie van hetzelfde gremium."
    )
    zonder = SessieFactory(regio=traject.regio, titel="Losse sessie", datum=dt.date(2026, 3, 9))
    with pytest.raises(ValidationError, match="Losse sessie hoort bij geen gremium"):
        services.verslag_vaststellen(sessie=ander, verslag_van=zonder, door=adviseur)
    assert not Besluit.objects.exists()
    # The page offers only sessions of the same body.
    html = client_als(adviseur).get(reverse("inkoop:sessie", kwargs={"pk": ander.pk}))
    keuzes = re.search(r'name="verslag_van".*?</select>', html.content.decode(), re.S)
    assert keuzes and f'value="{sessie.pk}"' not in keuzes.group(0)


def test_verslag_vaststellen_keuze_is_beperkt(client_als, adviseur, sessie, traject):
    latere = TrajectSessieFactory(traject=traject, datum=dt.date(2026, 4, 2))
    response = client_als(adviseur).post(
        reverse("inkoop:verslag_vaststellen", kwargs={"pk": sessie.pk}),
        {"verslag_van": latere.pk},
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Besluit.objects.exists()


def test_verslag_vaststellen_vereist_recht(client_als, directeur, sessie, traject):
    latere = TrajectSessieFactory(traject=traject, datum=dt.date(2026, 4, 2))
    response = client_als(directeur).post(
        reverse("inkoop:verslag_vaststellen", kwargs={"pk": latere.pk}),
        {"verslag_van": sessie.pk},
    )
    assert response.status_code == 403


# ---------- Query counts ----------


def test_verslagpagina_queries_groeien_niet_mee(client_als, adviseur, sessie, traject):
    voorziening = TrajectVoorzieningFactory(traject=traject).voorziening
    from tests.factories import UitgangspuntFactory

    up = UitgangspuntFactory(traject=traject)
    client = client_als(adviseur)

    def maak(n):
        for _ in range(n):
            # Under a new agenda item each time: the page has a group (and forms) per item.
            punt = Agendapunt.objects.create(
                sessie=sessie, volgorde=sessie.agendapunten.count() + 1, titel="Punt"
            )
            inbreng = SessieInbrengFactory(sessie=sessie, voorziening=voorziening, agendapunt=punt)
            inbreng.uitgangspunten.add(up)
            StellingFactory(sessie=sessie, voorziening=voorziening, agendapunt=punt)
            Conclusie.objects.create(sessie=sessie, agendapunt=punt, tekst="Zo gaan we verder")

    url = reverse("inkoop:sessie", kwargs={"pk": sessie.pk})
    assert_constant_queries(maak, lambda: client.get(url))


def test_demo_bevat_vastgestelde_verslagen_en_alle_soorten_stellingen():
    from inkoop.demo import demodata as demo

    demo.demo_laden()
    demo.demo_laden()  # idempotent: no second decision
    sessie = Sessie.objects.get(titel="Bestuurlijke sessie uitgangspunten per voorziening")
    assert Besluit.objects.filter(verslag_van__regio=sessie.regio).count() == 2
    assert sessie.verslag_besluiten.get().gremium.soort == "pfho"
    assert set(sessie.stellingen.values_list("resultaat_soort", flat=True)) == set(
        ResultaatSoort.values
    )


@pytest.mark.parametrize(
    "stelling",
    [
        {"resultaat_soort": "eens_oneens", "eens": 14, "oneens": 3},
        {"resultaat_soort": "woorden", "woorden": "vertrouwen, vertrouwen, vertrouwen, "
         "samenwerking, samenwerking, eerlijkheid"},
    ],
)  # fmt: skip
def test_grafiek_van_tellingen_heeft_hele_getallen_op_de_as(stelling):
    import re
    from types import SimpleNamespace

    from inkoop.sessies import charts

    svg = charts.stelling_grafiek(SimpleNamespace(**stelling))
    as_x = svg[svg.index('class="axis x') :]
    as_x = as_x[: as_x.index("</g></g>")]
    labels = re.findall(r"<text [^>]*>([^<]*)</text>", as_x)
    assert labels and labels == sorted(set(labels), key=int), labels
    assert labels[0] == "0"
