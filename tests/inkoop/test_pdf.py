"""The PDFs themselves: text, footnotes, page numbers, CONCEPT mark, metadata, PDF/A."""

import io

import pypdf
import pytest
from django.core.management import call_command

from inkoop.besluitvorming import pdf as besluitvorming_pdf
from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Beslispunt, Besluit, Voorstel
from inkoop.pdf import render as pdf
from inkoop.pdf import selectors as export_selectors
from inkoop.sessies.constants import BronSoort, ResultaatSoort
from inkoop.sessies.models import Inbreng, Stelling
from tests.factories import GremiumFactory, SessieFactory, UserFactory
from tests.factories.export import document_met_inhoud, vaststellen, versie_vastleggen

pytestmark = pytest.mark.django_db


def lees(pdf_bytes):
    return pypdf.PdfReader(io.BytesIO(pdf_bytes))


def teksten(reader):
    return [pagina.extract_text() for pagina in reader.pages]


@pytest.fixture
def versie(regio):
    return versie_vastleggen(document_met_inhoud(regio))


def render(bron):
    return pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)


def test_notitie_kop_uitgangspunten_voetnoot_en_paginering(versie):
    html, pdf_bytes = resultaat = render(besluitvorming_pdf.versie_bron(versie))
    reader = lees(pdf_bytes)
    pagina_teksten = teksten(reader)
    alles = "\n".join(pagina_teksten)
    assert resultaat.paginas == len(reader.pages) >= 3
    for veld in ("Portefeuillehoudersoverleg Sociaal Domein", "Directieoverleg Sociaal Domein",
                 "Uitgangspunten voor de inkoop vanaf 2027", "02-11-2026", "26.0012345",
                 "Z-2026-0042"):  # fmt: skip
        assert veld in pagina_teksten[0]
    assert "1. Minder aanbieders, meer partnerschap" in alles
    assert "2. Langjarige contracten" in alles
    assert "<strong>Minder aanbieders, meer partnerschap</strong>" in html
    assert f"Pagina 1 van {len(reader.pages)}" in pagina_teksten[0]
    assert "Kenmerk 26.0012345" in pagina_teksten[-1]
    # The footnote is on the same page as its reference, not at the end of the document.
    referentie = next(
        i for i, t in enumerate(pagina_teksten) if "hoofdstuk 1 met een voetnoot" in t
    )
    assert "Voetnoottekst 1 bij de inleiding." in pagina_teksten[referentie]
    assert '<span class="footnote" data-noot="1">Voetnoottekst 1 bij de inleiding.</span>' in html
    assert 'class="footnotes"' not in html
    # Table of contents with page numbers, bijlage, chart.
    assert "Bijlage 1. Overzicht aanbieders" in pagina_teksten[0]
    assert "<svg" in html and "Figuur: Voorziening 1" in alles


def test_kengetallen_in_de_pdf_grafiek_met_tekstalternatief_en_een_jaar_als_zin(regio):
    from tests.factories import KengetalFactory
    from uitgangspunten.constants import SectieSoort
    from voorzieningen.constants import KengetalSoort

    document = document_met_inhoud(regio)
    voorziening = document.secties.get(soort=SectieSoort.KENGETALLEN).voorzieningen.get()
    KengetalFactory(voorziening=voorziening, jaar=2024, soort=KengetalSoort.CLIENTEN, waarde=1456)
    html, pdf_bytes = render(besluitvorming_pdf.versie_bron(versie_vastleggen(document)))
    alles = "\n".join(teksten(lees(pdf_bytes)))
    assert "Aantal cliënten Voorziening 1 in 2024: 1.456." in alles
    assert html.count("<svg") == 1  # the three years of spending; the one year is a sentence
    assert 'aria-label="Uitgaven (declaratie) Voorziening 1, 2022–2024: van € 1.002.022' in html
    assert "<title>Pygal</title>" not in html


def test_concept_op_elke_pagina_van_een_concept(versie):
    _, pdf_bytes = render(besluitvorming_pdf.versie_bron(versie))
    pagina_teksten = teksten(lees(pdf_bytes))
    assert all("CONCEPT" in t.replace(" ", "") for t in pagina_teksten)


def test_geen_concept_op_een_vastgestelde_versie(versie):
    vaststellen(versie)
    _, pdf_bytes = render(besluitvorming_pdf.versie_bron(versie))
    assert not any("CONCEPT" in t.replace(" ", "") for t in teksten(lees(pdf_bytes)))


def test_metadata_taal_en_pdfa_identificatie(versie):
    _, pdf_bytes = render(besluitvorming_pdf.versie_bron(versie))
    reader = lees(pdf_bytes)
    assert reader.metadata.title == "Uitgangspuntennotitie Inkoop 2027 (versie 1)"
    assert reader.metadata.author == "Directieoverleg Sociaal Domein"
    assert reader.metadata.subject == "Uitgangspunten voor de inkoop vanaf 2027"
    catalogus = reader.trailer["/Root"]
    assert catalogus["/Lang"] == "nl"
    assert "/StructTreeRoot" in catalogus  # tagged for accessibility
    xmp = reader.xmp_metadata
    ns = "http://www.aiim.org/pdfa/ns/id/"
    beschrijving = xmp.rdf_root.getElementsByTagNameNS(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "Description"
    )
    deel = {d.getAttributeNS(ns, "part") for d in beschrijving} - {""}
    conformiteit = {d.getAttributeNS(ns, "conformance") for d in beschrijving} - {""}
    assert deel == {"3"} and conformiteit == {"B"}
    assert xmp.dc_title == {"x-default": "Uitgangspuntennotitie Inkoop 2027 (versie 1)"}


def test_fonts_ingebed(versie):
    _, pdf_bytes = render(besluitvorming_pdf.versie_bron(versie))
    fonts = set()
    for pagina in lees(pdf_bytes).pages:
        for font in pagina["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            descendant = font.get("/DescendantFonts")
            beschrijving = (descendant[0].get_object() if descendant else font)["/FontDescriptor"]
            assert any(k in beschrijving for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all("SourceSans3" in f.replace("-", "") for f in fonts), fonts


def test_url_fetcher_weigert_netwerk_en_bestanden_buiten_static():
    assert pdf.bestand_voor_url(pdf.BASIS_URL + "static/css/print.css").name == "print.css"
    assert pdf.bestand_voor_url("https://example.org/static/css/print.css") is None
    assert pdf.bestand_voor_url("file:///etc/passwd") is None
    assert pdf.bestand_voor_url(pdf.BASIS_URL + "static/../../inkoop/settings.py") is None
    fetcher = pdf.url_fetcher()
    from weasyprint.urls import URLFetchingError

    with pytest.raises(URLFetchingError):
        fetcher.fetch("https://example.org/tracker.png")


def test_voetnoten_inline():
    from inkoop.core.markdown import naar_html

    html = pdf.voetnoten_inline(
        naar_html("Tekst[^1] en meer[^2].\n\n[^1]: Eén.\n[^2]: **Twee**.", "x")
    )
    assert html.count('class="footnote"') == 2
    assert '<span class="footnote"><strong>Twee</strong>.</span>' in html
    assert "fnref" not in html and "↩" not in html


def test_redline_tegen_laatst_vastgestelde_versie(versie):
    vaststellen(versie)
    document = versie.document
    document.titel = "Uitgangspuntennotitie Inkoop 2028"
    document.save()
    sectie = document.secties.get(titel="Hoofdstuk 1")
    sectie.tekst = "Nieuwe inleidende tekst."
    sectie.save()
    tweede = versie_vastleggen(document, nummer=2)
    bron = export_selectors.bron("redline", tweede)
    assert bron.context["tegen"] == versie
    html, pdf_bytes = render(bron)
    assert "<ins>" in html and "<del>" in html
    alles = "\n".join(teksten(lees(pdf_bytes)))
    assert "Legenda" in alles and "laatst vastgestelde versie" in alles
    assert "CONCEPT" in alles.replace(" ", "")


def test_voorstel_verslag_besluitenlijst_reactienota(regio, versie):
    gremium = GremiumFactory(regio=regio, naam="PFHO Sociaal Domein")
    voorstel = Voorstel.objects.create(
        traject=versie.document.traject, gremium=gremium, onderwerp="Vaststellen uitgangspunten",
        portefeuillehouder="Wethouder De Vries", aanleiding="Er is een nieuwe inkoopronde.",
        financien="Binnen de begroting.", opgesteld_door=UserFactory(),
    )  # fmt: skip
    voorstel.versies.add(versie)
    punt = Beslispunt.objects.create(
        voorstel=voorstel, nummer=1, tekst="De uitgangspunten vast te stellen."
    )
    besluit = Besluit.objects.create(
        gremium=gremium, datum="2026-12-10", voorstel=voorstel, uitkomst=Uitkomst.INGESTEMD,
        vastgelegd_door=UserFactory(),
    )  # fmt: skip
    besluit.punten.create(beslispunt=punt, uitkomst=Uitkomst.INGESTEMD)
    sessie = SessieFactory(regio=regio, titel="Bestuurlijk overleg inkoop")
    Stelling.objects.create(
        sessie=sessie,
        tekst="Minder aanbieders is beter",
        resultaat_soort=ResultaatSoort.EENS_ONEENS,
        eens=7,
        oneens=3,
    )
    Inbreng.objects.create(
        traject=versie.document.traject,
        sessie=sessie,
        soort="vraag",
        tekst="Hoe lang duren contracten?",
        bron_soort=BronSoort.AANBIEDER,
        verwerking="overgenomen",
        verwerking_toelichting="Zeven jaar.",
    )

    tekst = "\n".join(teksten(lees(render(export_selectors.bron("voorstel", voorstel))[1])))
    assert "Wethouder De Vries" in tekst and "1. De uitgangspunten vast te stellen" in tekst
    assert "versie 1" in tekst
    html, pdf_bytes = render(export_selectors.bron("verslag", sessie))
    assert "<svg" in html and "10 reacties: 7 eens (70%), 3 oneens (30%)" in "\n".join(
        teksten(lees(pdf_bytes))
    )
    html, pdf_bytes = render(export_selectors.bron("besluitenlijst", gremium))
    tekst = "\n".join(teksten(lees(pdf_bytes)))
    assert "Vaststellen uitgangspunten" in tekst and "Ingestemd" in tekst
    # The decision point's full stop does not stand before the colon (".:").
    assert "De uitgangspunten vast te stellen: ingestemd" in html and ".:" not in html
    tekst = "\n".join(
        teksten(lees(render(export_selectors.bron("reactienota", versie.document.traject))[1]))
    )
    assert "Hoe lang duren contracten?" in tekst and "Overgenomen" in tekst


def test_render_pdf_commando(versie, tmp_path):
    uit = tmp_path / "notitie.pdf"
    call_command("render_pdf", "--versie", str(versie.pk), "-o", str(uit))
    assert "Uitgangspuntennotitie" in lees(uit.read_bytes()).pages[0].extract_text()
    uit2 = tmp_path / "redline.pdf"
    call_command(
        "render_pdf", "--versie", str(versie.pk), "--redline-tegen", str(versie.pk), "-o", str(uit2)
    )
    assert "Geen wijzigingen" in lees(uit2.read_bytes()).pages[0].extract_text()
