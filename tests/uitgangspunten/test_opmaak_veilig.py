"""Whatever the client sends for a formatted text (docs/editor.md): a post that bypasses the
editor stores text, and nothing of it renders to script, an event handler, a javascript: or
protocol-relative address or a style attribute, on the page, in the preview or in the PDF."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from inkoop.besluitvorming import pdf as besluitvorming_pdf
from inkoop.core.markdown import naar_html
from inkoop.core.velden import OpmaakInvoer
from tests.factories import DocumentFactory, SectieFactory, TrajectFactory
from uitgangspunten import forms, services
from uitgangspunten.models import Sectie

pytestmark = pytest.mark.django_db

# What a hostile client could post instead of the editor's markdown: raw HTML as the editor
# would never write it, markdown links and images with dangerous addresses, and the footnote,
# table and underline notations carrying them.
VIJANDIG = "\n\n".join(
    [
        '<script>alert("x")</script><img src=x onerror="alert(1)">',
        '<p style="color:red" onclick="alert(2)">stijl</p><a href="javascript:alert(3)">a</a>',
        "[klik](javascript:alert(4)) [ander](//evil.example/x) [tab](/\t/evil.example)",
        "[bs](\\\\evil.example) ![plaatje](javascript:alert(5)) <javascript:alert(6)>",
        "| kop | <b onmouseover=alert(7)>b</b> |\n| --- | --- |\n| [x](javascript:alert(8)) | c |",
        "[onder]{.underline onclick=alert(9) style=color:red} noot[^1]",
        "[^1]: <svg onload=alert(10)> [n](javascript:alert(11)) [m](data:text/html,x)",
    ]
)


def gevaarlijk(html: str) -> list[str]:
    """The dangerous things that would work in a browser: tags, attributes and addresses."""
    gevonden = []
    for patroon in (
        r"<script",
        r"<img",
        r"<svg",
        r"<[a-z][^>]*\son[a-z]+\s*=",
        r"<[a-z][^>]*\sstyle\s*=\s*\"(?!text-align:\s*(left|right|center);?\")",
        r"<a\s[^>]*href=\"\s*javascript:",
        r"<a\s[^>]*href=\"\s*data:",
        r"<a\s[^>]*href=\"\s*//",
        r"<a\s[^>]*href=\"/\s+/",
        r"<a\s[^>]*href=\"\\\\",
    ):
        gevonden += re.findall(patroon, html, flags=re.IGNORECASE)
    return gevonden


@pytest.fixture
def sectie(regio, adviseur):
    traject = TrajectFactory(regio=regio, slug="inkoop-2027")
    document = DocumentFactory(traject=traject, titel="Notitie", aangemaakt_door=adviseur)
    return SectieFactory(document=document, titel="Visie", tekst="Oud.", volgorde=0)


def _weergaven(client, document, auteur):
    """The document page, the preview and the print HTML of a fresh version."""
    pagina = client.get(reverse("uitgangspunten:document", args=[document.pk])).content.decode()
    voorbeeld = client.get(reverse("uitgangspunten:voorbeeld", args=[document.pk]))
    versie = services.versie_vastleggen(document=document, auteur=auteur)
    bron = besluitvorming_pdf.versie_bron(versie)
    return {
        "pagina": pagina,
        "voorbeeld": voorbeeld.content.decode(),
        "pdf": render_to_string(bron.template, bron.context),
    }


def test_vijandige_post_zonder_editor_wordt_nergens_gevaarlijk(client_als, adviseur, sectie):
    document = sectie.document
    client = client_als(adviseur)
    # The pages' own scripts and styles, before the hostile text: nothing may be added to them.
    voor = {waar: gevaarlijk(html) for waar, html in _weergaven(client, document, adviseur).items()}
    response = client.post(
        reverse("uitgangspunten:sectie_bewerken", args=[document.pk, sectie.pk]),
        {"titel": "Visie", "tekst": VIJANDIG, "revisie": 1},
    )
    assert response.status_code == 302
    sectie.refresh_from_db()
    assert sectie.tekst == VIJANDIG  # stored as typed: text, only ever shown through nh3

    na = _weergaven(client, document, adviseur)
    for waar, html in na.items():
        assert gevaarlijk(html) == voor[waar], waar
        assert "stijl" in html and "noot" in html, waar
    assert gevaarlijk(str(naar_html(VIJANDIG, "s"))) == []
    # The check itself sees what it looks for.
    for kwaad in (
        '<a href="javascript:x">',
        '<p style="color:red">',
        '<b onclick="x">',
        '<a href="//e">',
    ):
        assert gevaarlijk(kwaad), kwaad
    assert "&lt;script&gt;" in na["pagina"]


def test_elke_opgemaakte_tekst_heeft_de_editor():
    """The long formatted texts (those shown through |markdown) get the opmaakeditor."""
    from inkoop.besluitvorming.forms import VoorstelForm
    from inkoop.sessies.forms import SessieForm, StellingForm, VerslagInleidingForm

    velden = [
        (forms.SectieForm, "tekst"),
        (forms.UitgangspuntForm, "uitleg"),
        (forms.NieuwUitgangspuntForm, "uitleg"),
        (forms.OntwikkelingenForm, "ontwikkelingen"),
        (SessieForm, "doel"),
        (VerslagInleidingForm, "verslag_inleiding"),
        (StellingForm, "toelichting"),
        *[
            (VoorstelForm, v)
            for v in ("aanleiding", "argumenten", "kanttekeningen", "financien", "communicatie")
        ],
        (VoorstelForm, "vervolg"),
    ]
    for form, veld in velden:
        widget = form.base_fields[veld].widget
        assert isinstance(widget, OpmaakInvoer), (form, veld)
        assert 'data-opmaak="markdown"' in widget.render(veld, "tekst")


def test_sectie_zonder_javascript_blijft_een_tekstvak(client_als, adviseur, sectie):
    html = client_als(adviseur).get(
        reverse("uitgangspunten:sectie_bewerken", args=[sectie.document.pk, sectie.pk])
    )
    html = html.content.decode()
    assert re.search(r'<textarea[^>]*name="tekst"[^>]*data-opmaak="markdown"', html) or re.search(
        r'<textarea[^>]*data-opmaak="markdown"[^>]*name="tekst"', html
    )
    assert "Oud.</textarea>" in html
    assert Sectie.objects.get(pk=sectie.pk).tekst == "Oud."
