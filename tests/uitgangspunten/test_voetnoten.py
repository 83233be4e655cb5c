"""Footnote numbers on the page, in the editor, in the preview and in the PDF are the same: one
count over the whole document, in the order the PDF prints its texts (issue 12)."""

import io
import re

import pypdf
import pytest
from django.urls import reverse
from lxml import html as lxml_html

from inkoop.besluitvorming import pdf as besluitvorming_pdf
from inkoop.besluitvorming.models import Voorstel
from inkoop.core.fragmenten import lokaal_legen
from inkoop.core.markdown import naar_html, voetnoten_aantal
from inkoop.pdf import render as pdf
from tests.factories import (
    DocumentFactory,
    GremiumFactory,
    SectieFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
    UitgangspuntFactory,
)
from tests.factories.export import versie_vastleggen
from uitgangspunten.constants import SectieSoort, UitgangspuntSoort
from uitgangspunten.inhoud import voetnoot_begin, voetnoten_nummeren
from uitgangspunten.models import Sectie

pytestmark = pytest.mark.django_db

# In the order the PDF prints them: section text, general principles, the per-service table
# (developments, then the service's principles), and a last section of text.
NOTEN = ["Noot inleiding een", "Noot inleiding twee", "Noot visie", "Noot partnerschap",
         "Noot contracten", "Noot ontwikkeling", "Noot hulp thuis", "Noot slot"]  # fmt: skip


@pytest.fixture
def document(regio, adviseur):
    traject = TrajectFactory(regio=regio)
    document = DocumentFactory(traject=traject, aangemaakt_door=adviseur)
    SectieFactory(
        document=document, volgorde=0, titel="Inleiding",
        tekst="Eerst[^a] en dan[^b] en weer de eerste[^a].\n\n"
        "[^a]: Noot inleiding een\n[^b]: Noot inleiding twee\n[^c]: Zonder verwijzing",
    )  # fmt: skip
    SectieFactory(document=document, volgorde=1, titel="Visie", tekst="Visie.^[Noot visie]")
    SectieFactory(
        document=document, volgorde=2, soort=SectieSoort.ALGEMENE_UITGANGSPUNTEN,
        titel="Algemene uitgangspunten", tekst="",
    )  # fmt: skip
    UitgangspuntFactory(traject=traject, titel="Partnerschap", uitleg="Samen.^[Noot partnerschap]")
    UitgangspuntFactory(traject=traject, titel="Zonder noot", uitleg="Gewoon.")
    UitgangspuntFactory(
        traject=traject, titel="Contracten", uitleg="Lang.[^1]\n\n[^1]: Noot contracten"
    )
    SectieFactory(
        document=document, volgorde=3, soort=SectieSoort.VOORZIENINGENTABEL,
        titel="Per voorziening", tekst="",
    )  # fmt: skip
    item = TrajectVoorzieningFactory(
        traject=traject, voorziening__naam="Hulp thuis", ontwikkelingen="Markt.^[Noot ontwikkeling]"
    )
    UitgangspuntFactory(
        traject=traject, soort=UitgangspuntSoort.VOORZIENING, voorziening=item.voorziening,
        titel="Hulp", uitleg="Thuis.^[Noot hulp thuis]",
    )  # fmt: skip
    SectieFactory(document=document, volgorde=4, titel="Slot", tekst="Tot slot.^[Noot slot]")
    return document


def noten_op_pagina(pagina_html: str) -> list[tuple[int, str]]:
    """(number, text) of every footnote shown, in page order: the numbers of the references
    and the numbers their lists give the notes must agree."""
    boom = lxml_html.fromstring(pagina_html)
    gevonden = []
    for lijst in boom.xpath("//section[@class='footnotes']/ol"):
        begin = int(lijst.get("start", "1"))
        for i, item in enumerate(lijst.findall("li")):
            tekst = item.text_content().replace("\u21a9\ufe0e", "").strip()
            gevonden.append((begin + i, tekst))
    verwijzingen = [
        int(a.text_content().strip("[]").split(":")[0])
        for a in boom.xpath("//sup/a[starts-with(@href, '#fn')]")
    ]
    assert sorted(set(verwijzingen)) == [n for n, _ in gevonden]
    return gevonden


def verwacht():
    return list(enumerate(NOTEN, start=1))


def test_aantal_voetnoten_zoals_de_pdf_ze_telt():
    assert voetnoten_aantal("") == 0
    assert voetnoten_aantal("Geen noot.") == 0
    # Referenced twice: one note; a definition without a reference is not shown.
    assert voetnoten_aantal("a[^1] b[^1] c^[inline]\n\n[^1]: Een\n[^2]: Los") == 2
    assert '<ol start="4">' in naar_html("a[^1]\n\n[^1]: Een", "x", 3)
    assert ">[4]</a></sup>" in naar_html("a[^1]\n\n[^1]: Een", "x", 3)


def test_tekst_zonder_voetnoten_krijgt_geen_nummer():
    """So an extra footnote early on renews only the cached fragments whose numbers change."""
    secties = [
        {"id": 1, "tekst": "Een.^[a] Twee.^[b]"},
        {"id": 2, "tekst": "Geen noot."},
        {"id": 3, "tekst": "Drie.^[c]"},
    ]
    genummerd = voetnoten_nummeren(secties)
    assert genummerd[1] == {"id": 2, "tekst": "Geen noot.", "voetnoten": 0}
    assert [s.get("voetnoot_begin") for s in genummerd] == [0, None, 2]
    assert voetnoot_begin(genummerd, 2) == 2 and voetnoot_begin(genummerd, 3) == 2
    assert "voetnoten" not in secties[0]  # the content itself stays as it was


def test_nummers_op_de_pagina_gelijk_aan_de_pdf(client_als, adviseur, document):
    client = client_als(adviseur)
    editor = client.get(reverse("uitgangspunten:document", args=[document.pk]))
    voorbeeld = client.get(reverse("uitgangspunten:voorbeeld", args=[document.pk]))
    versie = versie_vastleggen(document)
    bevroren = client.get(versie.get_absolute_url())
    for response in (editor, voorbeeld, bevroren):
        assert response.status_code == 200
        assert noten_op_pagina(response.content.decode()) == verwacht()
        # A section and a principle may have the same id: their footnote ids differ anyway.
        ids = lxml_html.fromstring(response.content.decode()).xpath("//@id")
        noot_ids = [i for i in ids if i.startswith("fn")]
        assert len(ids) == len(set(ids)) and len(noot_ids) > len(NOTEN)
        assert {i.split("-")[1][0] for i in noot_ids} == {"s", "u", "v"}

    bron = besluitvorming_pdf.versie_bron(versie)
    _html, pdf_bytes = pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)
    tekst = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages)
    for nummer, noot in verwacht():
        assert re.search(rf"(?m)^{nummer}\.\s*{noot}$", tekst), (nummer, noot, tekst)


def test_editor_begint_bij_de_nummers_van_de_pdf(client_als, adviseur, document):
    client = client_als(adviseur)
    for titel, begin in (("Inleiding", "0"), ("Visie", "2"), ("Slot", "7")):
        sectie = Sectie.objects.get(document=document, titel=titel)
        url = reverse("uitgangspunten:sectie_bewerken", args=[document.pk, sectie.pk])
        response = client.get(url, headers={"HX-Request": "true"})
        veld = lxml_html.fromstring(response.content.decode()).xpath("//textarea[@data-opmaak]")
        assert veld[0].get("data-voetnoot-begin") == begin, titel


def test_gedeelde_cache_kent_het_beginnummer(client_als, adviseur, document):
    """The same section, cached with its numbers; an extra footnote before it gives it new
    numbers, not the cached HTML of the old ones."""
    client = client_als(adviseur)
    pagina = reverse("uitgangspunten:document", args=[document.pk])
    client.get(pagina)
    lokaal_legen()
    visie = Sectie.objects.get(document=document, titel="Visie")
    Sectie.objects.filter(document=document, titel="Inleiding").update(
        tekst="Nu met drie.[^a][^b][^c]\n\n[^a]: Noot inleiding een\n[^b]: Noot inleiding twee\n"
        "[^c]: Noot inleiding drie"
    )
    html = client.get(pagina).content.decode()
    sectie = lxml_html.fromstring(html).get_element_by_id(f"sectie-{visie.pk}")
    assert noten_op_pagina(lxml_html.tostring(sectie, encoding="unicode")) == [(4, "Noot visie")]


def test_opslaan_werkt_de_nummers_van_latere_secties_bij(client_als, adviseur, document):
    """HTMX saves one section: later sections with footnotes come along out of band, so the
    page keeps the numbers of the PDF without a reload."""
    client = client_als(adviseur)
    visie = Sectie.objects.get(document=document, titel="Visie")
    slot = Sectie.objects.get(document=document, titel="Slot")
    url = reverse("uitgangspunten:sectie_bewerken", args=[document.pk, visie.pk])
    tekst = "Visie.^[Noot visie] Meer.^[Nog een noot]"
    data = {"titel": "Visie", "tekst": tekst, "revisie": visie.revisie}
    response = client.post(url, data, headers={"HX-Request": "true"})
    boom = lxml_html.fromstring(f"<div>{response.content.decode()}</div>")
    oob = {s.get("id"): s for s in boom.xpath("//section[@hx-swap-oob]")}
    # The later sections with footnotes (principles, table, slot); not those before.
    verwacht_ids = [
        f"sectie-{s.pk}" for s in Sectie.objects.filter(document=document, volgorde__gt=1)
    ]
    assert sorted(oob) == sorted(verwacht_ids)
    slot_html = lxml_html.tostring(oob[f"sectie-{slot.pk}"], encoding="unicode")
    assert noten_op_pagina(slot_html) == [(9, "Noot slot")]
    # A save that keeps the number of footnotes sends nothing extra.
    visie.refresh_from_db()
    data = {"titel": "Visie", "tekst": tekst.replace("Meer", "Veel meer"), "revisie": visie.revisie}
    response = client.post(url, data, headers={"HX-Request": "true"})
    assert 'hx-swap-oob="true"' not in response.content.decode().replace(
        'id="opslagstatus" hx-swap-oob', ""
    )


def test_voorstel_nummert_zijn_voetnoten_door_zoals_de_pdf(client_als, adviseur, regio):
    voorstel = Voorstel.objects.create(
        traject=TrajectFactory(regio=regio), gremium=GremiumFactory(regio=regio),
        onderwerp="Vrijgeven", opgesteld_door=adviseur,
        aanleiding="Het contract eindigt.^[Noot aanleiding]",
        argumenten="Het werkt.[^1] Echt.[^2]\n\n[^1]: Noot argument een\n[^2]: Noot argument twee",
        vervolg="Daarna.^[Noot vervolg]",
    )  # fmt: skip
    html = client_als(adviseur).get(reverse("inkoop:voorstel", args=[voorstel.pk])).content
    noten = ["Noot aanleiding", "Noot argument een", "Noot argument twee", "Noot vervolg"]
    assert noten_op_pagina(html.decode()) == list(enumerate(noten, start=1))
    bron = besluitvorming_pdf.voorstel_bron(voorstel)
    _html, pdf_bytes = pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)
    tekst = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages)
    for nummer, noot in enumerate(noten, start=1):
        assert re.search(rf"(?m)^{nummer}\.\s*{noot}$", tekst), (nummer, noot, tekst)
