"""Word in: minutes (.docx or pasted text) become the session's items, every pair and figure
right."""

import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from inkoop.core.fouten import DomeinFout
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Inbreng, Stelling
from inkoop.uitwisseling import verslag_in
from tests.factories import SessieFactory, TrajectFactory, UitgangspuntFactory

FIXTURES = Path(__file__).parent / "fixtures" / "docx"
sys.path.insert(0, str(FIXTURES))
from verslag_inhoud import (  # noqa: E402
    ACTIEPUNT,
    AGENDA,
    NOTITIE,
    OPMERKINGEN,
    STELLINGEN,
    VRAGEN,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessie(regio):
    return SessieFactory(regio=regio, traject=TrajectFactory(regio=regio))


def controleer_verslag(sessie):
    agenda = list(Agendapunt.objects.filter(sessie=sessie).order_by("volgorde"))
    assert [a.titel for a in agenda] == AGENDA
    huishouden, stellingen_punt, afspraken = agenda[1], agenda[2], agenda[3]

    vragen = list(Inbreng.objects.filter(sessie=sessie, soort="vraag").order_by("volgorde"))
    assert len(vragen) == len(VRAGEN) >= 20
    for inbreng, (_, vraag, _, antwoord, bron) in zip(vragen, VRAGEN, strict=True):
        assert (inbreng.tekst, inbreng.antwoord, inbreng.bron_soort) == (vraag, antwoord, bron)
        assert inbreng.agendapunt == huishouden

    opmerkingen = list(
        Inbreng.objects.filter(sessie=sessie, soort="opmerking").order_by("volgorde")
    )
    assert [(o.tekst, o.bron_soort) for o in opmerkingen] == [(t, b) for _, t, b in OPMERKINGEN]
    assert {o.bron_soort for o in opmerkingen} == {"aanbieder", "gemeente"}

    stellingen = list(Stelling.objects.filter(sessie=sessie).order_by("volgorde"))
    assert len(stellingen) == len(STELLINGEN)
    for stelling, (_, tekst, velden) in zip(stellingen, STELLINGEN, strict=True):
        assert stelling.tekst == tekst
        assert stelling.agendapunt == stellingen_punt
        for veld, waarde in velden.items():
            verwacht = Decimal(waarde) if veld == "schaal_gemiddelde" else waarde
            assert getattr(stelling, veld) == verwacht, (tekst, veld)
    assert len({s.resultaat_soort for s in stellingen}) == 3

    (actie,) = Actiepunt.objects.filter(sessie=sessie)
    assert actie.omschrijving == ACTIEPUNT.split(": ", 1)[1]
    assert actie.eigenaar == "Team inkoop" and str(actie.deadline) == "2020-03-01"
    assert actie.agendapunt == afspraken
    assert Conclusie.objects.get(sessie=sessie).tekst.startswith("De uitgangspunten voor hulp")
    sessie.refresh_from_db()
    assert sessie.verslag_inleiding == f"{AGENDA[0]}: {NOTITIE}"


@pytest.mark.parametrize("bestand", ["verslag.docx", "verslag.txt"])
def test_verslag_met_elk_paar_elke_bron_en_elk_cijfer(sessie, bestand):
    data = (FIXTURES / bestand).read_bytes()
    if bestand.endswith(".docx"):
        voorstel = verslag_in.verslag_uit_docx(data, bestand)
    else:
        voorstel = verslag_in.verslag_uit_tekst(data.decode())
    resultaat = verslag_in.verslag_importeren(sessie=sessie, voorstel=voorstel)
    assert (resultaat.vragen, resultaat.opmerkingen, resultaat.stellingen) == (21, 4, 6)
    controleer_verslag(sessie)


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("12 deelnemers, 75% eens", {"eens": 9, "oneens": 3}),
        ("3 voor / 14 tegen", {"eens": 3, "oneens": 14}),
        ("eens: 9, oneens: 4", {"eens": 9, "oneens": 4}),
        ("60% eens (n=10)", {"eens": 6, "oneens": 4}),
        ("3,4", {"schaal_gemiddelde": Decimal("3.4"), "schaal_n": None}),
        ("gemiddeld 4", {"schaal_gemiddelde": Decimal("4"), "schaal_n": None}),
        ("2.9 (15 antwoorden)", {"schaal_gemiddelde": Decimal("2.9"), "schaal_n": 15}),
        ("3,8 (n = 20)", {"schaal_gemiddelde": Decimal("3.8"), "schaal_n": 20}),
        ("woorden: samen, lef", {"woorden": "samen\nlef"}),
        ("geen cijfers hier", None),
        ("gemiddeld 7", None),
    ],
)
def test_resultaat_lezen(tekst, verwacht):
    resultaat = verslag_in.resultaat_lezen(tekst)
    if verwacht is None:
        assert resultaat is None
    else:
        assert {k: v for k, v in resultaat.items() if k != "resultaat_soort"} == verwacht


def test_reviewscherm_wijzigt_soort_bron_koppeling_en_regels_weg(client_als, sessie, adviseur):
    up = UitgangspuntFactory(traject=sessie.traject, titel="Minder aanbieders")
    client = client_als(adviseur)
    url = reverse("inkoop:verslag_importeren", kwargs={"pk": sessie.pk})
    plakken = "\n".join([
        "Agendapunt: Inkoop", "Vraag aanbieder: Komt er een overgangsperiode?",
        "Antwoord: Ja, een jaar.", "Opmerking gemeenten: Graag eenvoud.", "Losse notitie.",
        "Stelling: Eén contract per aanbieder – 5 voor / 2 tegen", "Veel discussie.",
    ])  # fmt: skip
    pagina = client.post(url, {"plakken": plakken})
    assert pagina.status_code == 200
    assert "Komt er een overgangsperiode?" in pagina.content.decode()
    assert not Inbreng.objects.exists()
    regels = pagina.context["voorstel"]["regels"]
    assert [r["soort"] for r in regels] == [
        "agendapunt",
        "vraag",
        "opmerking",
        "notitie",
        "stelling",
    ]
    data = {"token": pagina.context["token"], "regel-TOTAL_FORMS": 5, "regel-INITIAL_FORMS": 5}
    for i, regel in enumerate(regels):
        data |= {f"regel-{i}-soort": regel["soort"], f"regel-{i}-bron": "overig",
                 f"regel-{i}-opnemen": "on"}  # fmt: skip
    data |= {"regel-1-bron": "adviesraad", "regel-1-uitgangspunten": [str(up.pk)]}
    data |= {"regel-2-soort": "advies", "regel-2-bron": "gemeente"}
    del data["regel-3-opnemen"]
    antwoord = client.post(url, data, follow=True)
    assert antwoord.redirect_chain[-1][0] == reverse("inkoop:sessie", kwargs={"pk": sessie.pk})
    assert "Verslag geïmporteerd: 1 agendapunt(en), 1 vraag/vragen" in antwoord.content.decode()
    vraag = Inbreng.objects.get(soort="vraag")
    assert vraag.bron_soort == "adviesraad" and list(vraag.uitgangspunten.all()) == [up]
    assert vraag.antwoord == "Ja, een jaar."
    assert Inbreng.objects.get(soort="advies").bron_soort == "gemeente"
    stelling = Stelling.objects.get()
    assert (stelling.eens, stelling.oneens, stelling.toelichting) == (5, 2, "Veel discussie.")
    sessie.refresh_from_db()
    assert sessie.verslag_inleiding == ""


def test_stelling_zonder_resultaat_maakt_niets(sessie):
    voorstel = verslag_in.verslag_uit_tekst("Vraag: Een vraag?\nStelling: Zonder uitslag.")
    with pytest.raises(Exception, match="geen resultaat"):
        verslag_in.verslag_importeren(sessie=sessie, voorstel=voorstel)
    assert not Inbreng.objects.exists() and not Stelling.objects.exists()


def test_te_lange_regel_wordt_niet_afgekapt_maar_gemeld(sessie):
    """A line longer than its field once went in cut without a word (issue 11, item 4)."""
    lang = "Wie betaalt de vervoerskosten " + "en nog meer " * 60 + "?"
    voorstel = verslag_in.verslag_uit_tekst(f"Vraag: Een vraag?\nActiepunt: {lang}")
    with pytest.raises(DomeinFout, match="te lang voor"):
        verslag_in.verslag_importeren(sessie=sessie, voorstel=voorstel)
    assert not Inbreng.objects.exists() and not Actiepunt.objects.exists()


def test_slecht_bestand_geeft_melding(client_als, sessie, adviseur):
    url = reverse("inkoop:verslag_importeren", kwargs={"pk": sessie.pk})
    pagina = client_als(adviseur).post(url, {"bestand": SimpleUploadedFile("v.docx", b"kapot")})
    assert pagina.status_code == 400
    assert "Dit is geen Word-bestand (.docx)" in pagina.content.decode()


def test_commando_import_docx_verslag(sessie, adviseur, capsys):
    call_command("import_docx", str(FIXTURES / "verslag.docx"), "--sessie", str(sessie.pk),
                 "--user", adviseur.username)  # fmt: skip
    laatste = capsys.readouterr().out.strip().splitlines()[-1]
    assert laatste == f"sessie={sessie.pk} vragen=21 opmerkingen=4 stellingen=6"
    controleer_verslag(sessie)
