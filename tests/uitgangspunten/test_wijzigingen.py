"""Changes as tracked changes (issue 12): the compare page, the history page and the redline PDF
of the demo document show rendered text with <ins>/<del>, never the stored markup."""

import io
import re

import pypdf
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse
from lxml import html as lxml_html

from inkoop.core.diff import tekst_diff
from inkoop.pdf import render as pdf
from inkoop.pdf import selectors as export_selectors
from tests.factories.export import document_met_inhoud, versie_vastleggen
from uitgangspunten import services
from uitgangspunten.models import Document

pytestmark = pytest.mark.django_db

# The stored format's markup, as a reader would see it if it leaked: bold, a footnote
# reference, a table's separator row, and an HTML tag shown as text.
MARKUP = ("**", "[^", "| ---", "|---", "<p>", "&lt;p&gt;")
TABEL = "| Perceel | Budget |\n| --- | --- |\n| Jeugd | 12 |\n| Wmo | 9 |"


@pytest.fixture
def demo_document():
    call_command("load_demo", force=True, verbosity=0)
    document = Document.objects.get(titel="Inkoopstrategie Wmo en Jeugdhulp 2027 e.v.")
    # The draft after version 2: bold changed, a footnote and a table added.
    sectie = document.secties.get(titel="Inleiding")
    sectie.tekst = (
        sectie.tekst.replace("**visie**", "**toekomstvisie**")
        + "\n\nDe percelen met hun budget[^2]:\n\n"
        + TABEL
        + "\n\n[^2]: In miljoenen euro per jaar."
    )
    sectie.save()
    return document


def _zichtbare_tekst(html: str) -> str:
    main = lxml_html.fromstring(html).find(".//main")
    return main.text_content()


def _geen_markup(tekst: str, waar: str):
    gevonden = [m for m in MARKUP if m in tekst]
    assert gevonden == [], f"opmaaktekens in {waar}: {gevonden}"


def test_vergelijken_historie_en_redline_tonen_geen_opmaaktekens(client, demo_document):
    document = demo_document
    client.force_login(get_user_model().objects.get(username="adviseur"))
    url = reverse("uitgangspunten:vergelijken", args=[document.pk])
    for query in ("?van=1&naar=2", "?van=2&naar=concept", "?van=1&naar=concept"):
        response = client.get(url + query)
        assert response.status_code == 200
        html = response.content.decode()
        _geen_markup(_zichtbare_tekst(html), f"vergelijken {query}")
        assert "<ins>" in html  # marked, with the hidden label for screen readers
        assert '<span class="visually-hidden">ingevoegd: </span>' in html
    # Version 2 against the draft: the bold word changed, and the table is a table.
    html = client.get(url + "?van=2&naar=concept").content.decode()
    assert re.search(r"<strong> ?<del><span[^>]*>verwijderd: </span><strong>visie</strong>", html)
    assert re.search(r"<ins><span[^>]*>ingevoegd: </span>toekomstvisie</ins> ?</strong>", html)
    assert "<table>" in html and "<td><ins>" in html

    response = client.get(reverse("uitgangspunten:historie", args=[document.pk]))
    html = response.content.decode()
    _geen_markup(_zichtbare_tekst(html), "historie")
    assert "<table>" in html and "<ins>" in html

    tweede = document.versies.get(nummer=2)
    bron = export_selectors.bron("redline", tweede)
    html, pdf_bytes = pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)
    tekst = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages)
    _geen_markup(tekst, "redline-PDF")
    assert "Na het PFHO is de paragraaf over de percelen aangescherpt." in tekst
    assert "<ins>" in html and "visie" in tekst


def test_tekst_diff_per_blok_en_woord_en_ingeklapt():
    oud = "Eén.\n\nTwee.\n\nDrie.\n\nVier.\n\nVijf **oud**.\n\n" + TABEL
    nieuw = "Eén.\n\nTwee.\n\nDrie.\n\nVier.\n\nVijf **nieuw**.\n\n" + TABEL.replace("9", "10")
    html = tekst_diff(oud, nieuw, "t", inklappen=True)
    # Three unchanged paragraphs fold away; the one before the change stays in view.
    assert html.startswith('<details class="app-diff__ongewijzigd"><summary>3 ongewijzigde')
    assert "<p>Vier.</p>" in html.split("</details>")[1]
    assert "<del><strong>oud</strong></del> <ins>nieuw</ins> </strong>" in html
    # The deletion stays in the cell the new value is in: deletion first, as in Word.
    assert "<td> <del>9</del> <ins>10</ins> </td>" in html
    assert "<p><ins>Eén.</ins></p>" in tekst_diff("", oud)


def test_tekst_diff_houdt_de_structuur_geldig_bij_verwijderde_cellen_en_alineas():
    html = tekst_diff("Eerste.\n\nWeg.\n\n" + TABEL, "Eerste.\n\n" + TABEL.split("\n| Wmo")[0])
    assert "<del>Weg.</del>" in html
    # The deleted row's text is marked, and never leaves a cell outside its table.
    assert not re.search(r"</table>\s*<td", html) and "Wmo" in html
    lxml_html.fragments_fromstring(html)  # parses


def test_sectie_zonder_titel_heeft_geen_kop_en_geen_inhoudsregel(client, regio, adviseur):
    from inkoop.besluitvorming import pdf as besluitvorming_pdf

    document = document_met_inhoud(regio)
    # The introduction comes first: the other sections make room (places are unique).
    document.secties.update(volgorde=F("volgorde") + 100)
    document.secties.create(soort="tekst", titel="", tekst="Een inleiding zonder kop.", volgorde=0)
    versie = versie_vastleggen(document)
    bron = besluitvorming_pdf.versie_bron(versie)
    html, pdf_bytes = pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)
    assert "Zonder titel" not in html and "Een inleiding zonder kop." in html
    # The first titled chapter is still chapter 1, in the contents and at its heading.
    assert '<span class="pdf-toc__nummer">1.</span> Hoofdstuk 1' in html
    client.force_login(adviseur)
    pagina = client.get(reverse("uitgangspunten:voorbeeld", args=[document.pk])).content.decode()
    assert "Zonder titel" not in pagina and "Een inleiding zonder kop." in pagina


def test_tabel_in_tekst_staat_in_een_scrollgebied_met_label():
    from uitgangspunten.templatetags.markdown import markdown_filter

    html = markdown_filter(TABEL, "t")
    assert (
        '<div class="app-table-scroll" role="region" tabindex="0" aria-label="Tabel"><table>'
        in html
    )
    assert html.count("</table></div>") == 1


def test_alleen_opmaak_gewijzigd_is_een_eigen_markering():
    """A word that becomes bold (same text) is marked, in its own style, with hidden text for
    screen readers; so are a word that is no longer bold, a link, a heading and indenting."""
    html = tekst_diff("Een visie op zorg.\n\nTwee.", "Een **visie** op zorg.\n\nTwee.", "t", True)
    assert (
        '<p>Een <strong><span class="app-diff__opmaak"><span class="visually-hidden">'
        "opmaak gewijzigd: </span>visie</span></strong> op zorg.</p><p>Twee.</p>"
    ) == html
    assert "<ins>" not in html and "<del>" not in html
    weg = tekst_diff("Een **visie** op zorg.", "Een visie op zorg.", "t")
    assert '<p>Een <span class="app-diff__opmaak">visie </span>op zorg.</p>' == weg
    link = tekst_diff("Lees de nota hier.", "Lees de [nota](https://example.org) hier.", "t")
    assert '<span class="app-diff__opmaak">nota</span></a>' in link
    assert '<h3><span class="app-diff__opmaak">Kop</span></h3>' in tekst_diff("Kop", "# Kop", "t")
    genest = tekst_diff("- a\n- b", "- a\n  - b", "t")
    assert '<li><span class="app-diff__opmaak">b</span></li>' in genest
    assert "app-diff__opmaak" not in tekst_diff(
        "Een **visie**.\n\nOud.", "Een **visie**.\n\nNieuw."
    )
    lxml_html.fragments_fromstring(link)  # still valid HTML


def test_redline_pdf_zegt_in_woorden_wat_er_veranderde(regio):
    """Colour and lines do not survive a black-and-white print or a copy of the text: the
    redline PDF's text carries every mark in words, between brackets."""
    document = document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1)
    sectie = document.secties.get(titel="Hoofdstuk 1")
    sectie.tekst = "Wij kopen zorg in voor de regio samen. Dit vervalt."
    sectie.save()
    versie_vastleggen(document)
    sectie.tekst = "Wij kopen goede zorg in voor de **regio** samen."
    sectie.save()
    document.secties.filter(titel="Planning").update(titel="Planning en mijlpalen")
    tweede = versie_vastleggen(document, nummer=2)
    bron = export_selectors.bron("redline", tweede)
    _html, pdf_bytes = pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)
    tekst = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages)
    tekst = re.sub(r"\s+", " ", tekst)
    assert "kopen [ingevoegd: goede] zorg" in tekst
    assert "[opmaak gewijzigd: regio]" in tekst
    assert "Planning [ingevoegd: en mijlpalen]" in tekst
    assert re.search(r"\[verwijderd: [^\]]*vervalt[^\]]*\]", tekst), tekst
    # The legend explains the words; its own examples carry none.
    assert "[ingevoegd: …], [verwijderd: …], [opmaak gewijzigd: …]" in tekst
    assert "[ingevoegd: Onderstreept" not in tekst


def test_verplaatste_alinea_staat_er_een_keer_met_links_heen_en_terug():
    oud = "Eerste alinea met wat woorden.\n\nTweede blijft staan.\n\nDerde blijft ook.\n\nJa."
    nieuw = "Tweede blijft staan.\n\nDerde blijft ook.\n\nEerste alinea met wat woorden.\n\nJa."
    html = tekst_diff(oud, nieuw, "d7-tekst", True)
    assert "<del>" not in html and "<ins>" not in html
    boom = lxml_html.fragment_fromstring(html, create_parent="div")
    van = boom.get_element_by_id("verplaatst-d7-tekst-1-van")
    naar = boom.get_element_by_id("verplaatst-d7-tekst-1")
    assert van.xpath(".//a/@href") == ["#verplaatst-d7-tekst-1"]
    assert van.text_content() == "Verplaatst naar beneden: “Eerste alinea met wat woorden.”"
    assert naar.xpath(".//a/@href") == ["#verplaatst-d7-tekst-1-van"]
    assert naar.text_content() == "Verplaatst, stond hierbovenEerste alinea met wat woorden."
    # The old place comes first, the new place after the paragraphs it moved past.
    assert html.index("-1-van") < html.index("Tweede") < html.index('id="verplaatst-d7-tekst-1"')
    # A short paragraph that happens to recur is no move.
    kort = tekst_diff("Ja.\n\nEen lange alinea hier.", "Een lange alinea hier.\n\nJa.", "k")
    assert "<del>Ja.</del>" in kort and "app-diff__verplaatst" not in kort


def test_verplaatste_sectie_en_de_vergelijkpagina(client, regio, adviseur):
    document = document_met_inhoud(regio, voorzieningen=1, hoofdstukken=3)
    versie_vastleggen(document)
    derde = document.secties.get(titel="Hoofdstuk 3")
    volgorde = list(
        document.secties.order_by("is_bijlage", "volgorde").values_list("pk", flat=True)
    )
    volgorde.remove(derde.pk)
    services.secties_ordenen(document=document, volgorde=[derde.pk, *volgorde], auteur=adviseur)
    client.force_login(adviseur)
    url = reverse("uitgangspunten:vergelijken", args=[document.pk]) + "?van=1&naar=concept"
    response = client.get(url)
    assert response.context["diff"]["secties"] == [
        {
            "id": derde.pk, "status": "verplaatst", "titel": "Hoofdstuk 3",
            "verplaatst": {"van": 3, "naar": 1}, "titel_html": "Hoofdstuk 3", "tekst_html": "",
        }
    ]  # fmt: skip
    assert "Verplaatst: was sectie 3, nu sectie 1." in response.content.decode()
