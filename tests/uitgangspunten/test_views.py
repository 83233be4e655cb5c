import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from regions.constants import Rol
from tests.factories import (
    DocumentFactory,
    SectieFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
    UitgangspuntFactory,
)
from tests.factories.uitgangspunten import OpmerkingFactory
from tests.utils import formulier_waarden
from uitgangspunten import services
from uitgangspunten.constants import SectieSoort, UitgangspuntSoort, UitgangspuntStatus
from uitgangspunten.models import Opmerking, Sectie, Uitgangspunt, Versie

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def document(regio, adviseur):
    traject = TrajectFactory(regio=regio, slug="inkoop-2027")
    document = DocumentFactory(
        traject=traject, titel="Uitgangspuntennotitie", aangemaakt_door=adviseur
    )
    SectieFactory(document=document, titel="Inleiding", tekst="De **inleiding**.", volgorde=0)
    SectieFactory(document=document, titel="Evaluatie", tekst="Wat ging goed.", volgorde=1)
    SectieFactory(
        document=document,
        soort=SectieSoort.ALGEMENE_UITGANGSPUNTEN,
        titel="Uitgangspunten",
        tekst="",
        volgorde=2,
    )
    UitgangspuntFactory(traject=traject, titel="Minder aanbieders")
    return document


def url(naam, *args, **kwargs):
    return reverse(f"uitgangspunten:{naam}", args=args, kwargs=kwargs)


def secties(document):
    return list(Sectie.objects.filter(document=document).order_by("volgorde", "pk"))


# ---------- The editor page and permissions ----------


def test_editor_toont_secties_en_bewerkknoppen(client_als, adviseur, document):
    response = client_als(adviseur).get(url("document", document.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "De <strong>inleiding</strong>." in html
    assert "Minder aanbieders" in html
    assert url("sectie_bewerken", document.pk, secties(document)[0].pk) in html
    assert 'role="status"' in html and "Versie vastleggen" in html
    assert "js/editor.js" in html


def test_directeur_ziet_geen_bewerkknoppen_maar_kan_opmerken(client_als, directeur, document):
    client = client_als(directeur)
    html = client.get(url("document", document.pk)).content.decode()
    sectie = secties(document)[0]
    assert url("sectie_bewerken", document.pk, sectie.pk) not in html
    assert "Opmerking plaatsen" in html
    assert client.post(url("sectie_bewerken", document.pk, sectie.pk), {}).status_code == 403
    assert (
        client.post(url("sectie_nieuw", document.pk), {"soort": "tekst", "titel": "X"}).status_code
        == 403
    )
    assert client.post(url("secties_ordenen", document.pk), {"volgorde": ""}).status_code == 403
    assert client.post(url("versie_vastleggen", document.pk)).status_code == 403


def test_lezer_en_andere_regio_hebben_geen_toegang(
    client_als, lezer, met_rol, andere_regio, document
):
    assert client_als(lezer).get(url("document", document.pk)).status_code == 403
    buiten = met_rol(Rol.BELEIDSADVISEUR, andere_regio)
    client = client_als(buiten)
    for naam in ("document", "voorbeeld", "historie", "versies", "vergelijken"):
        assert client.get(url(naam, document.pk)).status_code == 403, naam
    sectie = secties(document)[0]
    assert client.get(url("sectie_bewerken", document.pk, sectie.pk), **HTMX).status_code == 403


def test_niet_ingelogd_wordt_naar_inloggen_gestuurd(client, document):
    response = client.get(url("document", document.pk))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


# ---------- Editing a section: HTMX partials and full-page fallbacks ----------


def test_sectie_bewerken_htmx_geeft_alleen_het_formulier(client_als, adviseur, document):
    sectie = secties(document)[0]
    response = client_als(adviseur).get(url("sectie_bewerken", document.pk, sectie.pk), **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith(f'<li id="s-{sectie.pk}"')
    assert "<html" not in html
    assert 'name="revisie" value="1"' in html
    # The text is the textarea the opmaakeditor takes over (and the plain field without JS).
    assert f'id="sectie{sectie.pk}_tekst"' in html and 'data-opmaak="markdown"' in html


def test_sectie_bewerken_zonder_htmx_geeft_hele_pagina_met_formulier(
    client_als, adviseur, document
):
    sectie = secties(document)[0]
    html = client_als(adviseur).get(url("sectie_bewerken", document.pk, sectie.pk)).content.decode()
    assert "<html" in html and 'name="revisie"' in html and "Evaluatie" in html


def test_sectie_opslaan_htmx(client_als, adviseur, document):
    sectie = secties(document)[0]
    response = client_als(adviseur).post(
        url("sectie_bewerken", document.pk, sectie.pk),
        {"titel": "Inleiding", "tekst": "Nieuwe *tekst*", "revisie": 1},
        **HTMX,
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "Nieuwe <em>tekst</em>" in html
    assert "Opgeslagen" in html and 'hx-swap-oob="innerHTML"' in html and "is-saved" in html
    sectie.refresh_from_db()
    assert (sectie.tekst, sectie.revisie) == ("Nieuwe *tekst*", 2)
    assert sectie.history.first().history_user == adviseur


def test_sectie_opslaan_zonder_htmx_redirect(client_als, adviseur, document):
    sectie = secties(document)[0]
    response = client_als(adviseur).post(
        url("sectie_bewerken", document.pk, sectie.pk),
        {"titel": "Inleiding", "tekst": "Nieuw", "revisie": 1},
    )
    assert response.status_code == 302
    assert response["Location"] == url("document", document.pk) + f"#s-{sectie.pk}"


def test_te_lange_tekst_geeft_nederlandse_fout_op_zijn_plek(client_als, adviseur, document):
    sectie = secties(document)[0]
    response = client_als(adviseur).post(
        url("sectie_bewerken", document.pk, sectie.pk),
        {"titel": "x" * 201, "tekst": "a" * 20_001, "revisie": 1},
        **HTMX,
    )
    html = response.content.decode()
    assert "De tekst is te lang: maximaal 20.000 tekens, nu 20001." in html
    assert "De titel is te lang: maximaal 200 tekens" in html
    assert 'aria-invalid="true"' in html
    sectie.refresh_from_db()
    assert sectie.revisie == 1


def test_conflict_toont_beide_teksten_en_verliest_niets(
    client_als, adviseur, met_rol, regio, document
):
    sectie = secties(document)[0]
    collega = met_rol(Rol.BELEIDSADVISEUR, regio)
    services.sectie_bijwerken(
        sectie=sectie, revisie=1, auteur=collega, titel="Inleiding", tekst="Tekst van Anna"
    )

    client = client_als(adviseur)
    bewerk = url("sectie_bewerken", document.pk, sectie.pk)
    response = client.post(
        bewerk, {"titel": "Inleiding", "tekst": "Tekst van Bram", "revisie": 1}, **HTMX
    )
    html = response.content.decode()
    assert "Bewerkingsconflict" in html
    assert "Tekst van Anna" in html and "Tekst van Bram" in html
    assert "<del><span" in html and "<ins><span" in html  # the word diff, with hidden labels
    assert 'name="revisie" value="2"' in html  # a merge is based on the stored revision
    assert 'name="eigen_tekst" value="Tekst van Bram"' in html
    sectie.refresh_from_db()
    assert sectie.tekst == "Tekst van Anna"

    # "Mijn tekst opslaan" resubmits the user's own text against the current revision.
    client.post(
        bewerk,
        {"keuze": "eigen", "eigen_titel": "Inleiding", "eigen_tekst": "Tekst van Bram",
         "titel": "", "tekst": "", "revisie": 2},
        **HTMX,
    )  # fmt: skip
    sectie.refresh_from_db()
    assert (sectie.tekst, sectie.revisie) == ("Tekst van Bram", 3)

    # "Opgeslagen tekst houden" writes nothing.
    client.post(bewerk, {"keuze": "opgeslagen", "titel": "x", "tekst": "weg", "revisie": 3}, **HTMX)
    sectie.refresh_from_db()
    assert sectie.tekst == "Tekst van Bram"

    # A merged text.
    client.post(
        bewerk, {"keuze": "samengevoegd", "titel": "Inleiding", "tekst": "Samen", "revisie": 3}
    )
    sectie.refresh_from_db()
    assert sectie.tekst == "Samen"


def test_conflict_zonder_htmx_geeft_hele_pagina(client_als, adviseur, document):
    sectie = secties(document)[0]
    services.sectie_bijwerken(
        sectie=sectie, revisie=1, auteur=adviseur, titel="Inleiding", tekst="Eerst"
    )
    response = client_als(adviseur).post(
        url("sectie_bewerken", document.pk, sectie.pk),
        {"titel": "Inleiding", "tekst": "Later", "revisie": 1},
    )
    html = response.content.decode()
    assert "<html" in html and "Bewerkingsconflict" in html and "Later" in html


def test_annuleren_geeft_de_sectie_terug(client_als, adviseur, document):
    sectie = secties(document)[0]
    client = client_als(adviseur)
    html = client.get(url("sectie", document.pk, sectie.pk), **HTMX).content.decode()
    assert html.lstrip().startswith(f'<li id="s-{sectie.pk}"') and "<form" in html
    assert client.get(url("sectie", document.pk, sectie.pk)).status_code == 302


def test_kop_bewerken(client_als, adviseur, document):
    client = client_als(adviseur)
    html = client.get(url("kop_bewerken", document.pk), **HTMX).content.decode()
    assert html.lstrip().startswith('<section id="kop"') and 'name="betreft"' in html
    data = {"titel": "Nieuwe titel", "aan": "PFHO", "van": "DO", "betreft": "Inkoop",
            "datum": "2027-01-12", "kenmerk": "K1", "zaaknummer": "Z1", "revisie": 1}  # fmt: skip
    html = client.post(url("kop_bewerken", document.pk), data, **HTMX).content.decode()
    assert "Opgeslagen" in html and "12-01-2027" in html
    document.refresh_from_db()
    assert document.titel == "Nieuwe titel" and document.revisie == 2
    # Stale revision: conflict, nothing written.
    html = client.post(
        url("kop_bewerken", document.pk), {**data, "aan": "Raad"}, **HTMX
    ).content.decode()
    assert "Bewerkingsconflict" in html
    document.refresh_from_db()
    assert document.aan == "PFHO"


# ---------- Adding, deleting and reordering sections ----------


def test_sectie_toevoegen_htmx_opent_hem_in_bewerkmodus(client_als, adviseur, document):
    response = client_als(adviseur).post(
        url("sectie_nieuw", document.pk), {"soort": "tekst", "titel": "Planning"}, **HTMX
    )
    html = response.content.decode()
    nieuw = Sectie.objects.get(document=document, titel="Planning")
    assert html.lstrip().startswith('<ol id="secties"')
    assert f'hx-post="{url("sectie_bewerken", document.pk, nieuw.pk)}"' in html


def test_sectie_toevoegen_fout_op_zijn_plek(client_als, adviseur, document):
    response = client_als(adviseur).post(
        url("sectie_nieuw", document.pk), {"soort": "tekst", "titel": ""}, **HTMX
    )
    assert response["HX-Retarget"] == "#nieuwe-sectie"
    assert "Dit veld is verplicht." in response.content.decode()


def test_sectie_verwijderen_met_bevestiging_ook_zonder_js(client_als, adviseur, document):
    sectie = secties(document)[1]
    client = client_als(adviseur)
    html = client.get(url("sectie_verwijderen", document.pk, sectie.pk)).content.decode()
    assert "<html" in html and "verwijderen?" in html and "Ja, verwijderen" in html
    assert Sectie.objects.filter(pk=sectie.pk).exists()
    response = client.post(url("sectie_verwijderen", document.pk, sectie.pk))
    assert response.status_code == 302
    assert not Sectie.objects.filter(pk=sectie.pk).exists()


def test_verplaatsen_met_knoppen_en_slepen(client_als, adviseur, document):
    a, b, c = secties(document)
    client = client_als(adviseur)
    response = client.post(url("sectie_verplaatsen", document.pk, b.pk), {"richting": "omhoog"})
    assert response.status_code == 302
    assert [s.pk for s in secties(document)] == [b.pk, a.pk, c.pk]
    html = client.post(
        url("sectie_verplaatsen", document.pk, b.pk), {"richting": "omlaag"}, **HTMX
    ).content.decode()
    assert html.lstrip().startswith('<ol id="secties"') and "verplaatst" in html
    assert [s.pk for s in secties(document)] == [a.pk, b.pk, c.pk]
    client.post(url("secties_ordenen", document.pk), {"volgorde": f"{c.pk},{a.pk},{b.pk}"}, **HTMX)
    assert [s.pk for s in secties(document)] == [c.pk, a.pk, b.pk]
    assert client.post(url("secties_ordenen", document.pk), {"volgorde": "x"}).status_code == 400
    assert (
        client.post(url("sectie_verplaatsen", document.pk, b.pk), {"richting": "opzij"}).status_code
        == 400
    )


def test_sectie_van_ander_document_geeft_404(client_als, adviseur, document):
    ander = SectieFactory(document=DocumentFactory(traject=document.traject))
    assert (
        client_als(adviseur).get(url("sectie_bewerken", document.pk, ander.pk)).status_code == 404
    )


# ---------- Preview, history ----------


def test_voorbeeld_toont_inhoud_zonder_bewerkknoppen(client_als, adviseur, document):
    html = client_als(adviseur).get(url("voorbeeld", document.pk)).content.decode()
    assert "De <strong>inleiding</strong>." in html and "Minder aanbieders" in html
    assert "Bewerken" not in html and '<form method="post" action="/documenten' not in html


def test_historie_toont_wie_wanneer_wat(client_als, adviseur, document):
    sectie = secties(document)[0]
    services.sectie_bijwerken(
        sectie=sectie, revisie=1, auteur=adviseur, titel="Inleiding", tekst="Andere inleiding"
    )
    services.document_kop_bijwerken(
        document=document, revisie=1, auteur=adviseur, betreft="Nieuw onderwerp"
    )
    up = Uitgangspunt.objects.get(traject=document.traject)
    services.uitgangspunt_bijwerken(
        uitgangspunt=up, revisie=1, auteur=adviseur, titel="Minder aanbieders", uitleg="Kort"
    )
    html = client_als(adviseur).get(url("historie", document.pk)).content.decode()
    assert "Sectie “Inleiding” gewijzigd" in html
    assert "Kop “Uitgangspuntennotitie” gewijzigd" in html
    assert "Uitgangspunt “Minder aanbieders” gewijzigd" in html
    # Names from Faker may hold an apostrophe, which the page shows HTML-escaped.
    assert adviseur.username in html or escape(adviseur.get_full_name()) in html
    assert '<ins><span class="visually-hidden">ingevoegd: </span>Andere' in html


# ---------- Comments ----------


def test_directeur_plaatst_opmerking_adviseur_lost_op(client_als, directeur, adviseur, document):
    sectie = secties(document)[2]
    up = Uitgangspunt.objects.get(traject=document.traject)
    client = client_als(directeur)
    html = client.post(
        url("opmerking_plaatsen", document.pk),
        {"sectie": sectie.pk, "uitgangspunt": up.pk, "tekst": "Graag scherper"},
        **HTMX,
    ).content.decode()
    assert html.lstrip().startswith(f'<li id="s-{sectie.pk}"')
    assert "Graag scherper" in html and "1 open" in html and "over “Minder aanbieders”" in html
    opmerking = Opmerking.objects.get()
    assert (opmerking.auteur, opmerking.uitgangspunt, opmerking.sectie) == (directeur, up, sectie)
    # The director may not resolve; the advisor does.
    assert client.post(url("opmerking_oplossen", opmerking.pk)).status_code == 403
    pagina = client_als(adviseur).get(url("document", document.pk)).content.decode()
    assert "Open opmerkingen (1)" in pagina
    response = client_als(adviseur).post(url("opmerking_oplossen", opmerking.pk))
    assert response.status_code == 302
    opmerking.refresh_from_db()
    assert opmerking.opgelost_door == adviseur


def test_lege_opmerking_geeft_fout_en_lezer_mag_niet(client_als, directeur, lezer, document):
    sectie = secties(document)[0]
    html = (
        client_als(directeur)
        .post(url("opmerking_plaatsen", document.pk), {"sectie": sectie.pk, "tekst": ""}, **HTMX)
        .content.decode()
    )
    assert "Dit veld is verplicht." in html and not Opmerking.objects.exists()
    response = client_als(lezer).post(
        url("opmerking_plaatsen", document.pk), {"sectie": sectie.pk, "tekst": "x"}
    )
    assert response.status_code == 403


# ---------- Versions and redline ----------


def test_versie_vastleggen_lijst_en_versiepagina(client_als, adviseur, document):
    client = client_als(adviseur)
    response = client.post(url("versie_vastleggen", document.pk), {"toelichting": "Voor het DO"})
    versie = Versie.objects.get(document=document)
    assert response.status_code == 302 and response["Location"] == url(
        "versie", pk=document.pk, nummer=1
    )
    assert versie.toelichting == "Voor het DO" and versie.auteur == adviseur

    sectie = secties(document)[0]
    services.sectie_bijwerken(
        sectie=sectie, revisie=1, auteur=adviseur, titel="Inleiding", tekst="Later veranderd"
    )
    html = client.get(url("versie", pk=document.pk, nummer=1)).content.decode()
    assert "De <strong>inleiding</strong>." in html and "Later veranderd" not in html
    assert versie.inhoud_hash in html
    assert "Bewerken" not in html
    assert "Versie 1" in client.get(url("versies", document.pk)).content.decode()
    assert client.get(url("versie", pk=document.pk, nummer=9)).status_code == 404


def test_redline_tussen_versie_en_concept_en_tussen_versies(client_als, adviseur, document):
    client = client_als(adviseur)
    services.versie_vastleggen(document=document, auteur=adviseur)
    sectie = secties(document)[1]
    services.sectie_bijwerken(
        sectie=sectie, revisie=1, auteur=adviseur, titel="Evaluatie", tekst="Wat ging heel goed."
    )
    services.versie_vastleggen(document=document, auteur=adviseur)

    html = client.get(url("vergelijken", document.pk) + "?van=1&naar=concept").content.decode()
    assert 'ging <ins><span class="visually-hidden">ingevoegd: </span>heel</ins> goed' in html
    assert "Legenda" in html and "Onderstreept" in html and "doorgestreept" in html
    html = client.get(url("vergelijken", document.pk) + "?van=1&naar=2").content.decode()
    assert "heel" in html
    html = client.get(url("vergelijken", document.pk) + "?van=2&naar=concept").content.decode()
    assert "Geen verschillen" in html
    assert client.get(url("vergelijken", document.pk) + "?van=7").status_code == 404


# ---------- Principles: list, inline editing, carry-over, per service ----------


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027", naam="Inkoop 2027")


def test_lijst_gegroepeerd_en_genummerd_met_filters(client_als, adviseur, traject):
    tv = TrajectVoorzieningFactory(traject=traject, voorziening__naam="Huishoudelijke hulp")
    UitgangspuntFactory(traject=traject, soort="strategisch", titel="Samen inkopen", volgorde=1)
    UitgangspuntFactory(traject=traject, soort="strategisch", titel="Minder aanbieders", volgorde=0)
    UitgangspuntFactory(
        traject=traject, soort="inkoopdoel", titel="Kwaliteit", status="aangescherpt"
    )
    UitgangspuntFactory(
        traject=traject, soort="voorziening", voorziening=tv.voorziening, titel="Tarieven herzien"
    )
    client = client_als(adviseur)
    html = client.get(url("lijst", "noord", "inkoop-2027")).content.decode()
    assert (
        html.index("Strategisch uitgangspunt")
        < html.index("Inkoopdoelstelling")
        < html.index("Per voorziening: Huishoudelijke hulp")
    )
    assert html.index("Minder aanbieders") < html.index("Samen inkopen")
    html = client.get(
        url("lijst", "noord", "inkoop-2027") + "?status=aangescherpt"
    ).content.decode()
    assert "Kwaliteit" in html and "Samen inkopen" not in html and "(gefilterd)" in html
    html = client.get(
        url("lijst", "noord", "inkoop-2027") + f"?voorziening={tv.voorziening.pk}"
    ).content.decode()
    assert "Tarieven herzien" in html and "Kwaliteit" not in html


def test_lijst_query_aantal_blijft_gelijk(client_als, adviseur, traject):
    from tests.utils import assert_constant_queries

    client = client_als(adviseur)
    tv = TrajectVoorzieningFactory(traject=traject)

    def maak(n):
        UitgangspuntFactory.create_batch(n, traject=traject)
        UitgangspuntFactory.create_batch(
            n, traject=traject, soort="voorziening", voorziening=tv.voorziening
        )

    assert_constant_queries(maak, lambda: client.get(url("lijst", "noord", "inkoop-2027")))


def test_uitgangspunt_toevoegen_bewerken_verwijderen_verplaatsen(client_als, adviseur, traject):
    client = client_als(adviseur)
    html = client.post(
        url("uitgangspunt_nieuw", "noord", "inkoop-2027"),
        {"soort": "strategisch", "titel": "Eerste", "uitleg": ""},
        **HTMX,
    ).content.decode()
    assert html.lstrip().startswith('<div id="uitgangspunten-lijst"') and "Eerste" in html
    client.post(
        url("uitgangspunt_nieuw", "noord", "inkoop-2027"),
        {"soort": "strategisch", "titel": "Tweede"},
    )
    eerste, tweede = Uitgangspunt.objects.filter(traject=traject).order_by("volgorde")

    # Per voorziening without a service: error in place.
    response = client.post(
        url("uitgangspunt_nieuw", "noord", "inkoop-2027"),
        {"soort": "voorziening", "titel": "X"},
        **HTMX,
    )
    assert "Kies de voorziening" in response.content.decode()
    assert response["HX-Retarget"] == "#nieuw"
    assert response.content.decode().lstrip().startswith('<details id="nieuw"')

    html = client.get(url("uitgangspunt_bewerken", eerste.uid), **HTMX).content.decode()
    assert (
        html.lstrip().startswith(f'<li id="up-{eerste.pk}"') and 'name="revisie" value="1"' in html
    )
    html = client.post(
        url("uitgangspunt_bewerken", eerste.uid),
        {"titel": "Eerste!", "uitleg": "Uitleg", "revisie": 1},
        **HTMX,
    ).content.decode()
    assert "Opgeslagen" in html and "Eerste!" in html and "1." in html
    html = client.post(
        url("uitgangspunt_bewerken", eerste.uid),
        {"titel": "Oud", "uitleg": "", "revisie": 1},
        **HTMX,
    ).content.decode()
    assert "Bewerkingsconflict" in html and "Eerste!" in html

    client.post(url("uitgangspunt_verplaatsen", tweede.uid), {"richting": "omhoog"})
    assert list(Uitgangspunt.objects.filter(traject=traject).order_by("volgorde")) == [
        tweede,
        eerste,
    ]

    assert (
        "Ja, verwijderen"
        in client.get(url("uitgangspunt_verwijderen", eerste.uid)).content.decode()
    )
    client.post(url("uitgangspunt_verwijderen", eerste.uid), **HTMX)
    assert not Uitgangspunt.objects.filter(pk=eerste.pk).exists()


def test_uitgangspunt_bewerken_vereist_rol(client_als, directeur, traject):
    up = UitgangspuntFactory(traject=traject)
    client = client_als(directeur)
    assert client.get(url("lijst", "noord", "inkoop-2027")).status_code == 200
    assert (
        client.post(url("uitgangspunt_bewerken", up.uid), {"titel": "x", "revisie": 1}).status_code
        == 403
    )
    assert client.post(url("uitgangspunt_verwijderen", up.uid)).status_code == 403


def test_overnemen_uit_vorig_traject(client_als, adviseur, regio):
    vorig = TrajectFactory(regio=regio, slug="inkoop-2021", naam="Inkoop 2021")
    nieuw = TrajectFactory(regio=regio, slug="inkoop-2027", naam="Inkoop 2027", vorige=vorig)
    a = UitgangspuntFactory(traject=vorig, titel="Lange contracten")
    b = UitgangspuntFactory(traject=vorig, titel="Open house")
    c = UitgangspuntFactory(traject=vorig, titel="Resultaatfinanciering")
    client = client_als(adviseur)
    html = client.get(url("overnemen", "noord", "inkoop-2027")).content.decode()
    assert all(t in html for t in ("Lange contracten", "Open house", "Resultaatfinanciering"))

    actie = url("overnemen_uitgangspunt", "noord", "inkoop-2027", a.uid)
    html = client.post(actie, {"actie": "herbevestigen"}, **HTMX).content.decode()
    assert html.lstrip().startswith(f'<li id="vorig-{a.pk}"') and "Herbevestigd" in html

    response = client.post(
        url("overnemen_uitgangspunt", "noord", "inkoop-2027", b.uid), {"actie": "aanscherpen"}
    )
    kopie = Uitgangspunt.objects.get(traject=nieuw, herkomst=b)
    assert kopie.status == UitgangspuntStatus.AANGESCHERPT
    assert response["Location"] == url("uitgangspunt_bewerken", kopie.uid)

    vervallen = url("overnemen_uitgangspunt", "noord", "inkoop-2027", c.uid)
    html = client.post(vervallen, {"actie": "vervallen", "reden": ""}, **HTMX).content.decode()
    assert "Geef een reden op" in html
    client.post(vervallen, {"actie": "vervallen", "reden": "Past niet meer"}, **HTMX)
    weg = Uitgangspunt.objects.get(traject=nieuw, herkomst=c)
    assert (weg.status, weg.vervallen_reden) == ("vervallen", "Past niet meer")

    # Lineage both ways.
    oud_html = client.get(c.get_absolute_url()).content.decode()
    assert "Inkoop 2027, vervallen" in oud_html
    nieuw_html = client.get(weg.get_absolute_url()).content.decode()
    assert (
        "Resultaatfinanciering</a> (Inkoop 2021)" in nieuw_html and "Past niet meer" in nieuw_html
    )


def test_per_voorziening_met_ontwikkelingen_inline(client_als, adviseur, traject):
    tv = TrajectVoorzieningFactory(
        traject=traject, voorziening__naam="Huishoudelijke hulp", ontwikkelingen="Meer vraag."
    )
    tv.voorziening.omschrijving = "Schoonmaken van het huis."
    tv.voorziening.save()
    UitgangspuntFactory(
        traject=traject,
        soort=UitgangspuntSoort.VOORZIENING,
        voorziening=tv.voorziening,
        titel="Tarieven herzien",
    )
    client = client_als(adviseur)
    html = client.get(url("per_voorziening", "noord", "inkoop-2027")).content.decode()
    assert (
        "Schoonmaken van het huis." in html and "Meer vraag." in html and "Tarieven herzien" in html
    )

    ontw = url("ontwikkelingen", "noord", "inkoop-2027", tv.pk)
    html = client.get(ontw, **HTMX).content.decode()
    assert html.lstrip().startswith(f'<div id="ontw-{tv.pk}"') and "<textarea" in html
    assert client.get(ontw).status_code == 302
    assert 'name="revisie" value="1"' in client.get(ontw, **HTMX).content.decode()
    data = {"ontwikkelingen": "Veel meer vraag.", "revisie": 1}
    html = client.post(ontw, data, **HTMX).content.decode()
    assert "Veel meer vraag." in html and "Opgeslagen" in html
    tv.refresh_from_db()
    assert tv.ontwikkelingen == "Veel meer vraag."
    # Too long without HTMX: the full page keeps the typed text and shows the error.
    html = client.post(ontw, {"ontwikkelingen": "b" * 20_001, "revisie": 2}).content.decode()
    assert "<html" in html and "De tekst is te lang" in html and "b" * 20_001 in html


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "pagina"])
def test_ontwikkelingen_verouderde_opslag_overschrijft_niets(
    htmx, adviseur, met_rol, regio, traject
):
    """Two people open the same ontwikkelingen: the later, stale save writes nothing and shows
    both texts; the typed text stays, and a deliberate second save goes through."""
    tv = TrajectVoorzieningFactory(traject=traject, ontwikkelingen="Meer vraag.")
    ontw = url("ontwikkelingen", "noord", "inkoop-2027", tv.pk)
    kop = HTMX if htmx else {}
    anna, bram = Client(), Client()
    anna.force_login(met_rol(Rol.BELEIDSADVISEUR, regio))
    bram.force_login(adviseur)
    pagina = url("per_voorziening", "noord", "inkoop-2027") + f"?bewerk={tv.pk}"
    for client in (anna, bram):
        html = (client.get(ontw, **kop) if htmx else client.get(pagina)).content.decode()
        assert formulier_waarden(html)["revisie"] == "1"

    anna.post(ontw, {"ontwikkelingen": "Veel meer vraag.", "revisie": 1}, **kop)
    response = bram.post(ontw, {"ontwikkelingen": "Minder vraag.", "revisie": 1}, **kop)
    html = response.content.decode()
    assert response.status_code == 200 and ("<html" in html) is not htmx
    assert "Bewerkingsconflict" in html and 'role="alert"' in html
    assert "Veel meer vraag." in html and "Minder vraag." in html
    waarden = formulier_waarden(html)
    assert waarden["ontwikkelingen"] == "Minder vraag." and waarden["revisie"] == "2"
    assert waarden["eigen_ontwikkelingen"] == "Minder vraag."
    tv.refresh_from_db()
    assert (tv.ontwikkelingen, tv.revisie) == ("Veel meer vraag.", 2)

    response = bram.post(ontw, {**waarden, "keuze": "samengevoegd"}, **kop)
    assert "Bewerkingsconflict" not in response.content.decode()
    tv.refresh_from_db()
    assert (tv.ontwikkelingen, tv.revisie) == ("Minder vraag.", 3)


def test_ontwikkelingen_zonder_revisie_slaat_niets_op_en_zegt_dat(client_als, adviseur, traject):
    """A form from a page opened before revisions existed: a message, nothing saved, the text
    kept, and the stored revision in the form so saving again goes through."""
    tv = TrajectVoorzieningFactory(traject=traject, ontwikkelingen="Meer vraag.")
    ontw = url("ontwikkelingen", "noord", "inkoop-2027", tv.pk)
    client = client_als(adviseur)
    html = client.post(ontw, {"ontwikkelingen": "Nieuw."}, **HTMX).content.decode()
    assert 'role="alert"' in html and "daarom is er niets opgeslagen" in html
    waarden = formulier_waarden(html)
    assert waarden == {**waarden, "ontwikkelingen": "Nieuw.", "revisie": "1"}
    tv.refresh_from_db()
    assert (tv.ontwikkelingen, tv.revisie) == ("Meer vraag.", 1)
    client.post(ontw, waarden, **HTMX)
    tv.refresh_from_db()
    assert (tv.ontwikkelingen, tv.revisie) == ("Nieuw.", 2)


def test_opmerkingen_factory_werkt(document):
    assert OpmerkingFactory(document=document).document == document


def test_lege_opmerking_zonder_htmx_toont_fout_alleen_bij_die_sectie(
    client_als, directeur, document
):
    sectie = secties(document)[1]
    html = (
        client_als(directeur)
        .post(url("opmerking_plaatsen", document.pk), {"sectie": sectie.pk, "tekst": ""})
        .content.decode()
    )
    # Once at the field and once in the error summary above its form, at no other section.
    assert "<html" in html and html.count("Dit veld is verplicht.") == 2
    assert html.count("data-foutoverzicht") == 1
    assert f'aria-describedby="opmerking-{sectie.pk}-fout"' in html


def test_per_voorziening_toont_uitgangspunten_van_het_perceel_eenmaal(
    client_als, adviseur, traject
):
    from tests.factories import PerceelFactory
    from uitgangspunten.inhoud import document_inhoud

    perceel = PerceelFactory(regio=traject.regio, nummer=1, naam="Wmo – Hulp bij het Huishouden")
    eerste = TrajectVoorzieningFactory(
        traject=traject, voorziening__naam="Huishoudelijke hulp", voorziening__perceel=perceel,
        voorziening__volgorde=1,
    )  # fmt: skip
    TrajectVoorzieningFactory(
        traject=traject, voorziening__naam="Wasservice", voorziening__perceel=perceel,
        voorziening__volgorde=2,
    )  # fmt: skip
    UitgangspuntFactory(
        traject=traject, soort=UitgangspuntSoort.VOORZIENING, perceel=perceel,
        titel="Eigen perceel voor hulp bij het huishouden",
    )  # fmt: skip
    html = client_als(adviseur).get(url("per_voorziening", "noord", "inkoop-2027")).content
    assert html.decode().count(">Eigen perceel voor hulp bij het huishouden</a>") == 1
    # The document block follows the same rule.
    document = DocumentFactory(traject=traject)
    SectieFactory(document=document, soort=SectieSoort.VOORZIENINGENTABEL, titel="Tabel")
    tabel = next(
        s for s in document_inhoud(document)["secties"] if s["soort"] == "voorzieningentabel"
    )
    rijen = {r["naam"]: [u["titel"] for u in r["uitgangspunten"]] for r in tabel["voorzieningen"]}
    assert rijen == {
        "Huishoudelijke hulp": ["Eigen perceel voor hulp bij het huishouden"],
        "Wasservice": [],
    }
    assert eerste.voorziening.perceel == perceel


@pytest.mark.parametrize("htmx", [False, True])
def test_verwijderen_na_wijziging_door_collega_verwijdert_niets(
    client_als, adviseur, document, htmx
):
    extra = HTMX if htmx else {}
    client = client_als(adviseur)
    sectie = document.secties.first()
    up = UitgangspuntFactory(traject=document.traject, titel="Reële tarieven")
    # The confirmation carries the revision that was shown.
    bevestiging = client.get(url("uitgangspunt_verwijderen", up.uid)).content.decode()
    assert f'name="revisie" value="{up.revisie}"' in bevestiging
    bevestiging = client.get(url("sectie_verwijderen", document.pk, sectie.pk)).content.decode()
    assert f'name="revisie" value="{sectie.revisie}"' in bevestiging
    # A colleague saves both after the confirmation was shown.
    services.uitgangspunt_bijwerken(
        uitgangspunt=up, revisie=up.revisie, auteur=adviseur, titel="Reële tarieven", uitleg="Nu."
    )
    services.sectie_bijwerken(
        sectie=sectie, revisie=sectie.revisie, auteur=adviseur, titel=sectie.titel, tekst="Nieuw."
    )
    for pad, obj in (
        (url("uitgangspunt_verwijderen", up.uid), up),
        (url("sectie_verwijderen", document.pk, sectie.pk), sectie),
    ):
        response = client.post(pad, {"revisie": obj.revisie - 1}, **extra)
        assert type(obj).objects.filter(pk=obj.pk).exists()
        doel = response.headers["HX-Redirect"] if htmx else response.url
        assert "er is niets verwijderd" in client.get(doel).content.decode()
        obj.refresh_from_db()
        client.post(pad, {"revisie": obj.revisie}, **extra)
        assert not type(obj).objects.filter(pk=obj.pk).exists()
