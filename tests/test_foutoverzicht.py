"""Every form that can fail shows the error summary (includes/foutoverzicht.html) above it, and
each of its links goes to a field that is on the page."""

import re
from pathlib import Path

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import (
    DocumentFactory,
    SectieFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
    UitgangspuntFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
SJABLONEN = Path(__file__).resolve().parent.parent / "templates"
FIXTURES = Path(__file__).parent / "fixtures" / "docx"
# Forms of their own kind: the admin has its own error note; the conflict form is the answer to
# a failed save and shows both texts.
EIGEN = {"includes/conflict.html"}
TOONT_FOUTEN = re.compile(r"\.errors|includes/form_field\.html|\{\{ *form *\}\}")
HEEFT_OVERZICHT = re.compile(r"includes/foutoverzicht\.html|inkoop/sessies/_formvelden\.html")


def test_elk_formulier_met_fouten_heeft_het_foutoverzicht():
    zonder = []
    for pad in sorted(SJABLONEN.rglob("*.html")):
        naam = pad.relative_to(SJABLONEN).as_posix()
        tekst = pad.read_text()
        if naam.startswith("admin/") or naam in EIGEN or "<form" not in tekst:
            continue
        if TOONT_FOUTEN.search(tekst) and not HEEFT_OVERZICHT.search(tekst):
            zonder.append(naam)
    assert zonder == []


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


def overzicht(html):
    """The summary's lines, after checking that every link in it has its field on the page."""
    boom = lxml.html.fromstring(html)
    (blok,) = boom.xpath("//*[@data-foutoverzicht]")
    for link in blok.iter("a"):
        doel = link.get("href").removeprefix("#")
        assert boom.get_element_by_id(doel).tag in ("input", "select", "textarea", "div")
    return [li.text_content().strip() for li in blok.iter("li")]


def test_overnemen_zonder_reden(client_als, adviseur, regio):
    vorig = TrajectFactory(regio=regio, slug="inkoop-2021")
    TrajectFactory(regio=regio, slug="inkoop-2027", vorige=vorig)
    up = UitgangspuntFactory(traject=vorig)
    adres = reverse("uitgangspunten:overnemen_uitgangspunt", args=["noord", "inkoop-2027", up.uid])
    for kop in (HTMX, {}):
        html = client_als(adviseur).post(adres, {"actie": "vervallen"}, **kop).content.decode()
        assert any("Geef een reden op" in r for r in overzicht(html))


def test_ontwikkelingen_te_lang(client_als, adviseur, traject):
    tv = TrajectVoorzieningFactory(traject=traject)
    adres = reverse("uitgangspunten:ontwikkelingen", args=["noord", traject.slug, tv.pk])
    data = {"ontwikkelingen": "b" * 20_001, "revisie": 1}
    for kop in (HTMX, {}):
        html = client_als(adviseur).post(adres, data, **kop).content.decode()
        assert any("De tekst is te lang" in r for r in overzicht(html))


def test_lege_opmerking(client_als, directeur, regio):
    document = DocumentFactory(traject=TrajectFactory(regio=regio))
    sectie = SectieFactory(document=document)
    adres = reverse("uitgangspunten:opmerking_plaatsen", args=[document.pk])
    for kop in (HTMX, {}):
        antwoord = client_als(directeur).post(adres, {"sectie": sectie.pk, "tekst": ""}, **kop)
        assert overzicht(antwoord.content.decode()) == ["Opmerking: Dit veld is verplicht."]


def test_word_import_fout_in_een_regel(client_als, adviseur, traject):
    client = client_als(adviseur)
    adres = reverse("inkoop:word_importeren", kwargs={"regio": "noord", "slug": traject.slug})
    memo = SimpleUploadedFile("memo.docx", (FIXTURES / "memo.docx").read_bytes())
    pagina = client.post(adres, {"bestand": memo})
    assert "data-foutoverzicht" not in pagina.content.decode()
    data = {
        "token": pagina.context["token"], "soort": "notitie", "titel": "Notitie",
        "sectie-TOTAL_FORMS": 3, "sectie-INITIAL_FORMS": 3,
        "up-TOTAL_FORMS": 5, "up-INITIAL_FORMS": 5,
    }  # fmt: skip
    for i in range(3):
        data[f"sectie-{i}-titel"] = "Te lang " * 30 if i == 1 else f"Sectie {i}"
    for i in range(5):
        data[f"up-{i}-soort"] = "onzin" if i == 4 else "strategisch"
    regels = overzicht(client.post(adres, data).content.decode())
    assert len(regels) == 2
    assert regels[0].startswith("Sectie 2, titel van de sectie: ")
    assert regels[1].startswith("Uitgangspunt 5, soort uitgangspunt: ")
