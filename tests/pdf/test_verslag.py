"""The minutes as the meeting went: per agenda item, every poll kind with its figures,
attendance, and adoption without a later session (issue 14)."""

import datetime as dt
import io
import re
from decimal import Decimal

import pypdf
import pytest
from django.core.exceptions import PermissionDenied

from inkoop.core.fouten import DomeinFout
from inkoop.pdf import render as pdf
from inkoop.pdf import selectors as export_selectors
from inkoop.sessies import charts, selectors, services
from inkoop.sessies.constants import Aanwezigheid, InbrengSoort, ResultaatSoort
from inkoop.sessies.models import Agendapunt, Stelling
from regions.constants import Rol
from tests.factories import GremiumFactory, UserFactory
from tests.factories.sessies import (
    ActiepuntFactory,
    ConclusieFactory,
    GastFactory,
    SessieInbrengFactory,
    StellingFactory,
    TrajectSessieFactory,
)

pytestmark = pytest.mark.django_db


def pdf_tekst(sessie) -> str:
    bron = export_selectors.bron("verslag", sessie)
    _, pdf_bytes = pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)
    pagina_s = pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pagina_s))


@pytest.fixture
def sessie(regio):
    return TrajectSessieFactory(traject__regio=regio, titel="Marktconsultatie begeleiding",
                                datum=dt.date(2026, 3, 5))  # fmt: skip


def stelling(sessie, **velden):
    velden = {"eens": None, "oneens": None, **velden}
    return StellingFactory(sessie=sessie, **velden)


def test_elke_soort_peiling_compleet_en_waar(sessie):
    gevallen = [
        (dict(resultaat_soort=ResultaatSoort.EENS_ONEENS, eens=3, oneens=14),
         "17 reacties: 3 eens (18%), 14 oneens (82%)."),
        (dict(resultaat_soort=ResultaatSoort.MEERKEUZE,
              keuzes="Drie jaar: 2\nVijf jaar: 6\nOnbepaald: 9"),
         "17 reacties: Drie jaar 2 (12%), Vijf jaar 6 (35%), Onbepaald 9 (53%)."),
        (dict(resultaat_soort=ResultaatSoort.SCHAAL, schaal_gemiddelde=Decimal("3.8"),
              schaal_label_min="helemaal oneens", schaal_label_max="helemaal eens"),
         "Gemiddeld 3,8 op een schaal van 1 (helemaal oneens) tot en met 5 (helemaal eens)."),
        (dict(resultaat_soort=ResultaatSoort.SCHAAL, schaal_gemiddelde=Decimal("6.25"),
              schaal_min=1, schaal_max=10, schaal_n=9),
         "Gemiddeld 6,3 op een schaal van 1 tot en met 10 (n = 9)."),
        (dict(resultaat_soort=ResultaatSoort.WOORDEN, woorden="vertrouwen (5), samen\nsamen"),
         "Genoemd: vertrouwen (5×), samen (2×)."),
        (dict(resultaat_soort=ResultaatSoort.OPEN), "Open vraag, zonder cijfers."),
        (dict(resultaat_soort=ResultaatSoort.EXTERN, verwijzing="bijlage 2"),
         "De uitslag staat in het verslag van de peiling: bijlage 2."),
    ]  # fmt: skip
    for velden, verwacht in gevallen:
        st = stelling(sessie, **velden)
        services.stelling_controleren(st)
        st.save()
        assert charts.stelling_tekst(st) == verwacht
    tekst = pdf_tekst(sessie)
    for _, verwacht in gevallen:
        assert verwacht in tekst, verwacht
    # Free words as a list with counts, one a line.
    assert "vertrouwen (5×) samen (2×)" in tekst


def test_grafiek_heeft_een_tekstequivalent_en_een_as_vanaf_het_minimum(sessie):
    st = stelling(sessie, resultaat_soort=ResultaatSoort.SCHAAL, schaal_gemiddelde=Decimal("2.6"))
    svg = charts.stelling_grafiek(st, breed=True)
    assert "Pygal" not in svg
    assert "<title>Gemiddeld 2,6 op een schaal van 1 tot en met 5.</title>" in svg
    # The axis labels start at the scale's minimum, not at 0.
    labels = re.findall(r'<text[^>]*class="(?:major)?">(\d+)</text>', svg)
    assert labels == ["1", "2", "3", "4", "5"]


def test_regels_van_een_resultaat(sessie):
    with pytest.raises(DomeinFout) as fout:
        services.stelling_controleren(
            Stelling(sessie=sessie, tekst="x", resultaat_soort=ResultaatSoort.MEERKEUZE,
                     keuzes="Ja\nNee: 3")
        )  # fmt: skip
    assert "Zet het aantal achter elk antwoord" in str(fout.value)
    with pytest.raises(DomeinFout, match="tussen 1 en 10"):
        services.stelling_controleren(
            Stelling(sessie=sessie, tekst="x", resultaat_soort=ResultaatSoort.SCHAAL,
                     schaal_min=1, schaal_max=10, schaal_gemiddelde=Decimal("11"))
        )  # fmt: skip
    # n is optional for a mean; an open question needs no figures.
    services.stelling_controleren(
        Stelling(sessie=sessie, tekst="x", resultaat_soort=ResultaatSoort.SCHAAL,
                 schaal_gemiddelde=Decimal("3.1"))
    )  # fmt: skip
    services.stelling_controleren(
        Stelling(sessie=sessie, tekst="x", resultaat_soort=ResultaatSoort.OPEN)
    )


def test_stellingformulier_markeert_niet_verplichte_velden(client_als, adviseur, regio):
    sessie = TrajectSessieFactory(traject__regio=regio)
    from django.urls import reverse

    url = reverse("inkoop:onderdeel_nieuw", kwargs={"pk": sessie.pk, "soort": "stelling"})
    pagina = client_als(adviseur).get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk}))
    assert pagina.status_code == 200
    antwoord = client_als(adviseur).post(
        url, {"tekst": "Looptijd?", "resultaat_soort": "meerkeuze", "keuzes": "Ja: 3"},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    html = antwoord.content.decode()
    assert "Een meerkeuzevraag heeft minstens twee antwoorden." in html
    assert "Aantal antwoorden (n)" in html and "(niet verplicht)" in html


def test_verslag_volgt_de_vergadering_per_agendapunt(sessie):
    eerste = Agendapunt.objects.create(sessie=sessie, volgorde=1, titel="Terugblik",
                                       inleiding="We blikten terug op maart.")  # fmt: skip
    tweede = Agendapunt.objects.create(sessie=sessie, volgorde=2, titel="Looptijd contracten")
    st = stelling(sessie, agendapunt=tweede, tekst="Langjarige contracten helpen.",
                  resultaat_soort=ResultaatSoort.EENS_ONEENS, eens=9, oneens=1,
                  toelichting="Aanbieders willen investeren.")  # fmt: skip
    SessieInbrengFactory(sessie=sessie, traject=sessie.traject, stelling=st,
                         soort=InbrengSoort.VRAAG, tekst="Geldt dit ook voor nieuwe aanbieders?",
                         antwoord="Ja, na toelating.")  # fmt: skip
    SessieInbrengFactory(
        sessie=sessie,
        traject=sessie.traject,
        agendapunt=eerste,
        soort=InbrengSoort.VRAGEN_EN_OPMERKINGEN,
        tekst="Het verslag klopt.",
    )
    ConclusieFactory(sessie=sessie, agendapunt=tweede, tekst="Looptijd van vijf jaar of langer.")
    ConclusieFactory(sessie=sessie, agendapunt=eerste, tekst="Verslag van maart vastgesteld.")
    ActiepuntFactory(sessie=sessie, agendapunt=tweede, omschrijving="Looptijd uitwerken")
    sessie = selectors.sessie_detail(sessie.pk)
    verloop = selectors.verslag_per_agendapunt(sessie)
    assert [g["agendapunt"] for g in verloop] == [eerste, tweede]
    tekst = pdf_tekst(sessie)
    volgorde = [
        "1. Terugblik", "We blikten terug op maart.", "Vragen en opmerkingen",
        "Het verslag klopt.", "Verslag van maart vastgesteld.", "2. Looptijd contracten",
        "Stelling: Langjarige contracten helpen.", "10 reacties: 9 eens (90%), 1 oneens (10%).",
        "Aanbieders willen investeren.", "Geldt dit ook voor nieuwe aanbieders?",
        "Ja, na toelating.", "Looptijd van vijf jaar of langer.", "Looptijd uitwerken",
    ]  # fmt: skip
    posities = [tekst.index(stuk) for stuk in volgorde]
    assert posities == sorted(posities)


def test_verslag_per_agendapunt_zonder_extra_queries(sessie, django_assert_max_num_queries):
    for i in range(5):
        punt = Agendapunt.objects.create(sessie=sessie, volgorde=i, titel=f"Punt {i}")
        stelling(sessie, agendapunt=punt, resultaat_soort=ResultaatSoort.OPEN)
        ConclusieFactory(sessie=sessie, agendapunt=punt)
    sessie = selectors.sessie_detail(sessie.pk)
    with django_assert_max_num_queries(0):
        assert len(selectors.verslag_per_agendapunt(sessie)) == 5


def test_aanwezigheid_gebruikers_gasten_notitie_en_afgemeld(sessie):
    aanwezig = UserFactory(first_name="Anouk", last_name="de Vries")
    afgemeld = UserFactory(first_name="Peter", last_name="Jansen")
    services.sessie_opslaan(sessie=sessie, deelnemers=[aanwezig], afgemeld=[afgemeld])
    GastFactory(sessie=sessie, naam="Mira Bakker", organisatie="Zorggroep Gooi")
    GastFactory(sessie=sessie, naam="Sven Aydin", organisatie="Cliëntenraad",
                aanwezigheid=Aanwezigheid.AFWEZIG)  # fmt: skip
    sessie.aanwezigheid_notitie = "zie bijlage voor de lijst"
    sessie.save()
    tekst = pdf_tekst(sessie)
    assert (
        "Aanwezig Anouk de Vries, Mira Bakker (Zorggroep Gooi); zie bijlage voor de lijst" in tekst
    )
    assert "Afwezig met kennisgeving Peter Jansen, Sven Aydin (Cliëntenraad)" in tekst
    with pytest.raises(DomeinFout):
        services.sessie_opslaan(sessie=sessie, deelnemers=[aanwezig], afgemeld=[aanwezig])


def test_alleen_een_notitie_bij_de_aanwezigen(sessie):
    sessie.aanwezigheid_notitie = "zie bijlage voor de lijst"
    sessie.save()
    assert "Aanwezig zie bijlage voor de lijst" in pdf_tekst(sessie)


def test_verslag_vaststellen_door_de_secretaris(met_rol, regio, sessie):
    secretaris = met_rol(Rol.SECRETARIS, regio, username="secretaris-test")
    adviseur = met_rol(Rol.BELEIDSADVISEUR, regio, username="adviseur-x")
    with pytest.raises(PermissionDenied):
        services.verslag_vaststellen_door_secretaris(
            sessie=sessie, datum=dt.date(2026, 3, 20), notitie="Na reacties per mail.",
            door=adviseur,
        )  # fmt: skip
    with pytest.raises(DomeinFout, match="hoe het verslag"):
        services.verslag_vaststellen_door_secretaris(
            sessie=sessie, datum=dt.date(2026, 3, 20), notitie=" ", door=secretaris
        )
    assert "CONCEPT" in pdf_tekst(sessie).replace(" ", "")
    services.verslag_vaststellen_door_secretaris(
        sessie=sessie, datum=dt.date(2026, 3, 20), notitie="Na reacties per mail.",
        door=secretaris,
    )  # fmt: skip
    sessie.refresh_from_db()
    assert selectors.verslag_is_vastgesteld(sessie)
    tekst = pdf_tekst(sessie)
    assert "CONCEPT" not in tekst.replace(" ", "")
    assert "Vastgesteld 20 maart 2026 door de secretaris: Na reacties per mail." in tekst
    with pytest.raises(DomeinFout, match="al vastgesteld"):
        services.verslag_vaststellen_door_secretaris(
            sessie=sessie, datum=dt.date(2026, 3, 21), notitie="Nog eens.", door=secretaris
        )


def test_secretaris_niet_als_er_een_latere_sessie_is(met_rol, regio, sessie):
    secretaris = met_rol(Rol.SECRETARIS, regio, username="secretaris-test")
    TrajectSessieFactory(traject=sessie.traject, gremium=sessie.gremium, datum=dt.date(2026, 4, 1))
    with pytest.raises(DomeinFout, match="latere sessie"):
        services.verslag_vaststellen_door_secretaris(
            sessie=sessie, datum=dt.date(2026, 3, 20), notitie="x", door=secretaris
        )


def test_verslag_vaststellen_door_besluit_van_een_gremium(met_rol, regio, sessie):
    secretaris = met_rol(Rol.SECRETARIS, regio, username="secretaris-test")
    gremium = GremiumFactory(regio=regio, naam="Directieoverleg")
    besluit = services.verslag_vaststellen_door_gremium(
        verslag_van=sessie, gremium=gremium, datum=dt.date(2026, 3, 12), door=secretaris
    )
    assert besluit.sessie is None and selectors.verslag_is_vastgesteld(sessie)
    with pytest.raises(PermissionDenied):
        services.verslag_vaststellen_door_gremium(
            verslag_van=TrajectSessieFactory(traject=sessie.traject), gremium=gremium,
            datum=dt.date(2026, 12, 12), door=UserFactory(),
        )  # fmt: skip


def test_eigen_verslag_vaststellen_in_de_app(client_als, met_rol, regio, sessie):
    secretaris = met_rol(Rol.SECRETARIS, regio, username="secretaris-test")
    from django.urls import reverse

    url = reverse("inkoop:eigen_verslag_vaststellen", kwargs={"pk": sessie.pk})
    client = client_als(secretaris)
    assert "Vastgesteld door" in client.get(url).content.decode()
    fout = client.post(url, {"wijze": "secretaris", "datum": "20-03-2026", "notitie": ""})
    assert "Schrijf erbij hoe het verslag is vastgesteld." in fout.content.decode()
    goed = client.post(url, {"wijze": "secretaris", "datum": "20-03-2026", "notitie": "Per mail."})
    assert goed.status_code == 302
    sessie.refresh_from_db()
    assert sessie.verslag_vastgesteld_op == dt.date(2026, 3, 20)


def test_sessiepagina_toont_het_verslag_per_agendapunt(client_als, adviseur, regio):
    sessie = TrajectSessieFactory(traject__regio=regio)
    punt = Agendapunt.objects.create(sessie=sessie, volgorde=1, titel="Looptijd",
                                     inleiding="Over de looptijd.")  # fmt: skip
    stelling(sessie, agendapunt=punt, tekst="Lang is beter.",
             resultaat_soort=ResultaatSoort.EENS_ONEENS, eens=3, oneens=14)  # fmt: skip
    from django.urls import reverse

    html = client_als(adviseur).get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).text
    verloop = html[html.index('id="kop-verslag"') :]
    assert verloop.index("1. Looptijd") < verloop.index("Lang is beter.")
    assert "17 reacties: 3 eens (18%), 14 oneens (82%)." in verloop
