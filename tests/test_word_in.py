"""Word in: the committed .docx fixtures become a draft document with every element in place."""

import datetime
import io
import time
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from inkoop.core.fouten import DomeinFout
from inkoop.core.markdown import naar_html
from inkoop.core.velden import MAX_LANGE_TEKST
from inkoop.uitwisseling import docx_bestand, services, word_in
from inkoop.uitwisseling.constants import LeesStatus
from inkoop.uitwisseling.docx_bestand import FOUT_CORRUPT, FOUT_GEEN_DOCX, FOUT_VERSLEUTELD
from inkoop.uitwisseling.models import Leesopdracht
from tests.factories import TrajectFactory
from uitgangspunten.constants import UitgangspuntSoort
from uitgangspunten.inhoud import document_inhoud, kop_velden_uit_inhoud
from uitgangspunten.models import Document, Sectie, Uitgangspunt

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "docx"


def lees(naam):
    return (FIXTURES / naam).read_bytes()


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio)


# ---------- The proposal ----------


def test_memokop_met_labels_en_geschreven_datum():
    voorstel = word_in.document_voorstel(lees("memo.docx"), "memo.docx")
    assert voorstel["titel"] == "Uitgangspunten inkoop Wmo 2021"
    assert [(r["veld"], r["label"], r["waarde"]) for r in voorstel["kop"]] == [
        ("aan", "Aan", "Portefeuillehoudersoverleg Sociaal Domein"),
        ("van", "Van", "Beleidsadviseurs inkoop Regio Eemland"),
        ("betreft", "Betreffende", "Uitgangspunten voor de nieuwe inkoop"),
        ("datum", "Datum", "14 maart 2019"),
        ("kenmerk", "Kenmerk", "RE/2019/0312"),
        ("zaaknummer", "Zaaknummer", "Z-2019-00417"),
    ]
    assert voorstel["datum"] == "2019-03-14"


def test_inleiding_zonder_titel_koppen_en_tussenkoppen():
    voorstel = word_in.document_voorstel(lees("memo.docx"), "memo.docx")
    secties = voorstel["secties"]
    assert [(s["titel"], s["niveau"]) for s in secties] == [
        ("", 0),
        ("Evaluatie", 1),
        ("Algemene uitgangspunten", 1),
    ]
    assert secties[0]["tekst"].startswith("Deze notitie vraagt het PFHO")
    # The level-2 heading stays a sub-heading inside its section.
    assert "\n# Wat ging goed\n" in secties[1]["tekst"]


def test_opmaak_links_lijsten_tabel_voetnoten():
    voorstel = word_in.document_voorstel(lees("memo.docx"), "memo.docx")
    intro, evaluatie, algemeen = (s["tekst"] for s in voorstel["secties"])
    assert "**vet**" in intro and "*cursief*" in intro
    assert "[onderstreept]{.underline}" in intro
    assert "[de regiowebsite](https://www.example.org/regio)" in intro
    html = naar_html(intro)
    assert '<span class="underline">onderstreept</span>' in html
    # Nested numbering and nested bullets.
    assert (
        "1.  Samenwerking met aanbieders\n    1.  in de regiotafel\n    2.  in de wijkteams\n2."
        in evaluatie
    )
    assert "- Hulp bij het huishouden\n  - ondersteuning thuis" in evaluatie
    html = naar_html(evaluatie)
    assert "<ol>\n<li>Samenwerking met aanbieders\n<ol>\n<li>in de regiotafel</li>" in html
    assert "<ul>\n<li>Hulp bij het huishouden\n<ul>" in html
    # A list that starts at 4 keeps its number.
    assert "4.  **Resultaatgericht werken.**" in algemeen
    assert '<ol start="4">' in naar_html(algemeen)
    # The table with its header row.
    html = naar_html(algemeen)
    assert "<thead>" in html and "<th>Voorziening</th>" in html
    assert "<td>Begeleiding</td>" in html
    # Footnotes in place, numbered per section from 1.
    assert voorstel["voetnoten"] == 3
    assert intro.endswith("[^1]: Besproken in het DO van 7 maart 2019.")
    assert "lopen tot 2021.[^1]" in evaluatie
    assert "[^1]: Zie de evaluatie van januari 2019." in evaluatie
    assert "de overgang.[^1]" in algemeen
    assert 'class="footnotes"' in naar_html(algemeen)


def test_uitgangspunten_met_vette_aanloop_in_volgorde_en_nummer():
    voorstel = word_in.document_voorstel(lees("memo.docx"), "memo.docx")
    assert [(u["nummer"], u["titel"]) for u in voorstel["uitgangspunten"]] == [
        (1, "Continuïteit van zorg"),
        (2, "Minder aanbieders, meer partnerschap"),
        (3, "Eenvoud"),
        (4, "Resultaatgericht werken"),
        (5, "Lokaal waar het kan"),  # typed "5." rather than Word numbering
    ]
    eerste = voorstel["uitgangspunten"][0]
    assert eerste["uitleg"] == (
        "Cliënten houden hun zorg tijdens de overgang.[^1]\n\n[^1]: Overgangsrecht van een jaar."
    )


def test_meldt_wat_niet_overgenomen_kon_worden():
    meldingen = word_in.document_voorstel(lees("memo.docx"), "memo.docx")["niet_overgenomen"]
    assert "1 afbeelding(en): niet overgenomen" in meldingen
    assert "1 opmerking(en) in de kantlijn: niet overgenomen" in meldingen
    assert any(m.startswith("2 bijgehouden wijziging(en)") for m in meldingen)
    tekst = word_in.document_voorstel(lees("memo.docx"))["secties"][-1]["tekst"]
    assert "toegevoegde tekst" in tekst and "verwijderde tekst" not in tekst


def test_kop_in_een_tabel_en_koppen_op_niveau_2():
    voorstel = word_in.document_voorstel(lees("memo_tabelkop.docx"), "memo_tabelkop.docx")
    assert {r["veld"]: r["label"] for r in voorstel["kop"]}["betreft"] == "Onderwerp"
    assert voorstel["datum"] == "2020-02-03"
    assert voorstel["titel"] == "Verlenging contracten begeleiding"
    assert [(s["titel"], s["niveau"]) for s in voorstel["secties"]] == [
        ("", 0),
        ("Voorstel", 2),
        ("Toelichting", 2),
    ]
    assert voorstel["secties"][2]["tekst"].startswith("# Financiën")
    assert "[verlengen]{.underline}" in voorstel["secties"][1]["tekst"]


def test_bestand_van_libreoffice_met_voetnoot_en_eindnoot():
    voorstel = word_in.document_voorstel(lees("libreoffice.docx"), "libreoffice.docx")
    assert voorstel["titel"] == "Inkoopstrategie Jeugd 2022"
    assert {r["label"]: r["waarde"] for r in voorstel["kop"]} == {
        "Aan": "Directieoverleg Sociaal Domein", "Van": "Team inkoop",
        "Onderwerp": "Inkoopstrategie jeugdhulp", "Datum": "donderdag 3 februari 2022",
        "Ons kenmerk": "JGD-2022-07",
    }  # fmt: skip
    assert voorstel["datum"] == "2022-02-03"
    intro, strategie, planning = voorstel["secties"]
    assert intro["titel"] == "" and "[^1]: Evaluatie inkoop jeugd" in intro["tekst"]
    # The endnote is a footnote at its reference.
    assert "bij het gezin.[^1]" in strategie["tekst"]
    assert "[^1]: Zie ook het beleidsplan jeugd." in strategie["tekst"]
    assert "[eenvoud]{.underline}" in strategie["tekst"]
    assert "    1.  looptijd vijf jaar" in strategie["tekst"]
    assert "# Percelen" in strategie["tekst"]
    assert "| Mijlpaal" in planning["tekst"]
    assert [u["titel"] for u in voorstel["uitgangspunten"]] == [
        "Het kind centraal",
        "Minder aanbieders, meer partnerschap",
        "Resultaatgericht bekostigen",
    ]


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("14 maart 2019", datetime.date(2019, 3, 14)),
        ("donderdag 3 februari 2022", datetime.date(2022, 2, 3)),
        ("1 mei 2020", datetime.date(2020, 5, 1)),
        ("3-2-2020", datetime.date(2020, 2, 3)),
        ("2021-12-31", datetime.date(2021, 12, 31)),
        ("31 februari 2020", None),
        ("binnenkort", None),
    ],
)
def test_datum_lezen(tekst, verwacht):
    assert word_in.datum_lezen(tekst) == verwacht


def test_lezen_is_snel():
    begin = time.monotonic()
    voorstel = word_in.document_voorstel(lees("memo.docx"), "memo.docx")
    assert time.monotonic() - begin < 2
    assert voorstel["duur_ms"] < 2000


# ---------- Saving ----------


def test_import_maakt_document_secties_en_uitgangspunten(traject, adviseur):
    voorstel = word_in.document_voorstel(lees("memo.docx"), "memo.docx")
    keuzes = word_in.standaard_keuzes(voorstel)
    keuzes["uitgangspunten"][3]["soort"] = UitgangspuntSoort.INKOOPDOEL
    keuzes["uitgangspunten"][4]["opnemen"] = False
    resultaat = word_in.document_importeren(
        traject=traject, auteur=adviseur, voorstel=voorstel, keuzes=keuzes
    )
    document = resultaat.document
    assert document.titel == "Uitgangspunten inkoop Wmo 2021"
    assert document.betreft == "Uitgangspunten voor de nieuwe inkoop"
    assert document.datum == datetime.date(2019, 3, 14)
    assert document.kenmerk == "RE/2019/0312" and document.zaaknummer == "Z-2019-00417"
    assert document.kop_labels["betreft"] == "Betreffende"
    assert [s.titel for s in Sectie.objects.filter(document=document)] == [
        "",
        "Evaluatie",
        "Algemene uitgangspunten",
    ]
    ups = Uitgangspunt.objects.filter(traject=traject).order_by("soort", "volgorde")
    assert [(u.soort, u.titel) for u in ups] == [
        (UitgangspuntSoort.INKOOPDOEL, "Resultaatgericht werken"),
        (UitgangspuntSoort.STRATEGISCH, "Continuïteit van zorg"),
        (UitgangspuntSoort.STRATEGISCH, "Minder aanbieders, meer partnerschap"),
        (UitgangspuntSoort.STRATEGISCH, "Eenvoud"),
    ]
    assert resultaat.melding() == (
        "Geïmporteerd: document ‘Uitgangspunten inkoop Wmo 2021’ met 3 sectie(s), "
        "3 voetnoot/voetnoten en 4 uitgangspunt(en)."
    )
    # The memo header prints the document's own label.
    kop = dict(kop_velden_uit_inhoud(document_inhoud(document)["kop"], betreft="Onderwerp"))
    assert kop["Betreffende"] == "Uitgangspunten voor de nieuwe inkoop"
    assert kop["Datum"] == "14-03-2019"


def test_samenvoegen_maakt_tussenkop_en_nummert_voetnoten_door(traject, adviseur):
    voorstel = word_in.document_voorstel(lees("memo.docx"), "memo.docx")
    keuzes = word_in.standaard_keuzes(voorstel)
    keuzes["secties"][2]["samenvoegen"] = True
    keuzes["secties"][0]["opnemen"] = False
    document = word_in.document_importeren(
        traject=traject, auteur=adviseur, voorstel=voorstel, keuzes=keuzes
    ).document
    (sectie,) = Sectie.objects.filter(document=document)
    assert sectie.titel == "Evaluatie"
    assert "\n# Algemene uitgangspunten\n" in sectie.tekst
    assert "de overgang.[^2]" in sectie.tekst and "[^2]: Overgangsrecht" in sectie.tekst


def _slecht_bestanden():
    goed = lees("memo.docx")
    kapot = io.BytesIO()
    with zipfile.ZipFile(kapot, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><niet-af")
    return [
        ("afgebroken.docx", goed[: len(goed) // 2], FOUT_CORRUPT),
        ("kapot.docx", kapot.getvalue(), FOUT_CORRUPT),
        ("versleuteld.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, FOUT_VERSLEUTELD),
        ("notitie.txt", b"Aan: iedereen", FOUT_GEEN_DOCX),
        ("notitie.docx", b"Aan: iedereen", FOUT_GEEN_DOCX),
    ]


@pytest.mark.parametrize(("naam", "data", "melding"), _slecht_bestanden())
def test_slecht_bestand_geeft_melding_en_maakt_niets(naam, data, melding):
    with pytest.raises(DomeinFout) as fout:
        word_in.document_voorstel(data, naam)
    assert fout.value.message_dict["bestand"] == [melding]


def test_te_groot_bestand(settings):
    with pytest.raises(DomeinFout, match="groter dan 10 MB"):
        word_in.document_voorstel(b"PK" + b"\0" * (10 * 1024 * 1024), "groot.docx")


def test_import_is_een_transactie_en_kapt_niets_af(traject, adviseur):
    """A chapter longer than the editor takes is refused with a message, never cut; the
    sections before it are not kept either (one transaction)."""
    voorstel = word_in.document_voorstel(lees("memo.docx"), "memo.docx")
    assert len(voorstel["secties"]) > 1
    voorstel["secties"][-1]["tekst"] = "woord " * (MAX_LANGE_TEKST // 6 + 1)
    with pytest.raises(DomeinFout, match="Splits het in Word"):
        word_in.document_importeren(traject=traject, auteur=adviseur, voorstel=voorstel)
    assert not Document.objects.exists() and not Sectie.objects.exists()

    voorstel = word_in.document_voorstel(lees("memo.docx"), "memo.docx")
    keuzes = word_in.standaard_keuzes(voorstel)
    keuzes["secties"][-1]["titel"] = "Lange kop " * 30
    with pytest.raises(DomeinFout, match="Maak de kop in Word korter"):
        word_in.document_importeren(
            traject=traject, auteur=adviseur, voorstel=voorstel, keuzes=keuzes
        )
    assert not Document.objects.exists() and not Sectie.objects.exists()


# ---------- The pages and the command ----------


def test_upload_review_en_opslaan(client_als, traject, adviseur):
    client = client_als(adviseur)
    url = reverse("inkoop:word_importeren", kwargs={"regio": traject.regio.slug,
                                                    "slug": traject.slug})  # fmt: skip
    pagina = client.post(url, {"bestand": SimpleUploadedFile("memo.docx", lees("memo.docx"))})
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Controleer wat er wordt gemaakt" in html
    assert "Betreffende (in de app: betreft)" in html
    assert "Minder aanbieders, meer partnerschap" in html
    assert "1 afbeelding(en): niet overgenomen" in html
    assert not Document.objects.exists()
    token = pagina.context["token"]
    data = {
        "token": token, "soort": "notitie", "titel": "Uitgangspunten Wmo", "aan": "PFHO",
        "van": "", "betreft": "Uitgangspunten", "datum": "2019-03-14", "kenmerk": "",
        "zaaknummer": "",
        "sectie-TOTAL_FORMS": 3, "sectie-INITIAL_FORMS": 3,
        "up-TOTAL_FORMS": 5, "up-INITIAL_FORMS": 5,
    }  # fmt: skip
    for i in range(3):
        data |= {f"sectie-{i}-opnemen": "on", f"sectie-{i}-titel": f"Sectie {i}"}
    for i in range(5):
        data |= {f"up-{i}-soort": "strategisch"} | ({f"up-{i}-opnemen": "on"} if i < 2 else {})
    antwoord = client.post(url, data, follow=True)
    document = Document.objects.get()
    assert antwoord.redirect_chain[-1][0] == document.get_absolute_url()
    assert (
        "Geïmporteerd: document ‘Uitgangspunten Wmo’ met 3 sectie(s)" in antwoord.content.decode()
    )
    assert document.aan == "PFHO" and Uitgangspunt.objects.count() == 2
    # The same review cannot be saved twice.
    client.post(url, data)
    assert Document.objects.count() == 1


def test_upload_van_slecht_bestand_toont_melding_bij_het_veld(client_als, traject, adviseur):
    client = client_als(adviseur)
    url = reverse("inkoop:word_importeren", kwargs={"regio": traject.regio.slug,
                                                    "slug": traject.slug})  # fmt: skip
    pagina = client.post(url, {"bestand": SimpleUploadedFile("x.docx", b"geen zip")})
    assert pagina.status_code == 400
    assert "Dit is geen Word-bestand (.docx)" in pagina.content.decode()
    assert not Document.objects.exists()


def test_commando_import_docx(traject, adviseur, capsys):
    call_command("import_docx", str(FIXTURES / "libreoffice.docx"), "--regio", traject.regio.slug,
                 "--traject", traject.slug, "--user", adviseur.username)  # fmt: skip
    laatste = capsys.readouterr().out.strip().splitlines()[-1]
    document = Document.objects.get()
    assert laatste == f"document={document.pk}"
    assert document.kop_labels == {"aan": "Aan", "van": "Van", "betreft": "Onderwerp",
                                   "datum": "Datum", "kenmerk": "Ons kenmerk"}  # fmt: skip
    assert Uitgangspunt.objects.filter(traject=traject).count() == 3


# ---------- A large file is read in the worker ----------


def test_groot_bestand_wordt_op_de_achtergrond_gelezen(
    client_als, traject, adviseur, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(docx_bestand, "GROOT_XML_BYTES", 1000)
    client = client_als(adviseur)
    url = reverse("inkoop:word_importeren", kwargs={"regio": traject.regio.slug,
                                                    "slug": traject.slug})  # fmt: skip
    with django_capture_on_commit_callbacks(execute=False) as taken:
        antwoord = client.post(url, {"bestand": SimpleUploadedFile("memo.docx", lees("memo.docx"))})
    opdracht = Leesopdracht.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == reverse("inkoop:leesopdracht",
                                                                   args=[opdracht.pk])  # fmt: skip
    wachten = client.get(antwoord.url)
    assert "wordt gelezen" in wachten.content.decode() and 'hx-trigger="every 1s"' in (
        wachten.content.decode()
    )
    assert client.get(antwoord.url, HTTP_HX_REQUEST="true").status_code == 200
    for taak in taken:  # the worker reads it; a second run does nothing more
        taak()
    services.leesopdracht_uitvoeren(opdracht_id=opdracht.pk)
    opdracht.refresh_from_db()
    assert opdracht.status == LeesStatus.KLAAR and not opdracht.bestand
    assert client.get(antwoord.url, HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"
    review = client.get(antwoord.url)
    assert "Controleer wat er wordt gemaakt" in review.content.decode()
    assert len(review.context["voorstel"]["uitgangspunten"]) == 5
    assert not Document.objects.exists()


def test_groot_kapot_bestand_geeft_melding(adviseur, traject, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        opdracht = services.leesopdracht_aanmaken(
            soort="document", object_id=traject.pk, data=b"PK kapot", naam="x.docx", door=adviseur
        )
    opdracht.refresh_from_db()
    assert opdracht.status == LeesStatus.MISLUKT
    assert opdracht.fout == FOUT_CORRUPT


def test_tekstvak_eenmaal_gemeld_en_zijn_tekst_staat_erin():
    voorstel = word_in.document_voorstel(lees("tekstvak.docx"), "tekstvak.docx")
    (melding,) = [m for m in voorstel["niet_overgenomen"] if "tekstvak" in m]
    assert melding.startswith("1 tekstvak(ken): de tekst staat als gewone alinea")
    assert any("Tekst in een tekstvak." in s["tekst"] for s in voorstel["secties"])
