"""A region's house style: set up in the app by its functional administrator, checked and
sanitised, and printed by every PDF of the region (letterhead, running header, footer, colours,
the label of the subject line)."""

import io

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from inkoop.besluitvorming import pdf as besluitvorming_pdf
from inkoop.core.fouten import DomeinFout
from inkoop.core.kleur import contrast
from inkoop.pdf import render as pdf
from inkoop.sessies import pdf as sessie_pdf
from regions import services
from regions.constants import BetreftLabel, Rol
from regions.models import Huisstijl
from tests.factories import SessieFactory
from tests.factories.export import document_met_inhoud, versie_vastleggen

pytestmark = pytest.mark.django_db

SVG_AANVAL = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10" onload="alert(1)">'
    "<script>alert(1)</script>"
    '<a href="javascript:alert(1)"><rect width="10" height="10" fill="#154273"/></a>'
    '<image href="https://evil.example/x.png"/><foreignObject><p>x</p></foreignObject>'
    '<text x="12" y="8" style="fill:red">Regio Noord</text></svg>'
)


def _png(breed=20, hoog=10):
    buf = io.BytesIO()
    Image.new("RGB", (breed, hoog), "#154273").save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture
def beheerder(met_rol, regio):
    return met_rol(Rol.REGIOBEHEERDER, regio, username="regiobeheerder-test")


@pytest.fixture
def huisstijl(regio, beheerder):
    return services.huisstijl_opslaan(
        huisstijl=Huisstijl(
            regio=regio,
            naam="Samenwerkende gemeenten Noord",
            kleur_koppen="#7a1f2b",
            voettekst="Postbus 12, 1200 AA Noordstad",
            label_betreft=BetreftLabel.BETREFFENDE,
        ),
        door=beheerder,
        revisie=None,
        logo=SimpleUploadedFile("logo.svg", SVG_AANVAL.encode(), "image/svg+xml"),
    )


def _teksten(pdf_bytes):
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages]


def test_svg_logo_houdt_alleen_de_tekening(huisstijl):
    svg = huisstijl.logo.read().decode()
    assert "<rect" in svg and "Regio Noord" in svg and 'viewBox="0 0 40 10"' in svg
    for verboden in ("script", "onload", "javascript", "evil.example", "foreignObject", "style"):
        assert verboden not in svg


def test_png_logo_wordt_gecontroleerd(regio, beheerder):
    stijl = services.huisstijl_opslaan(
        huisstijl=Huisstijl(regio=regio, naam="Noord"),
        door=beheerder,
        revisie=None,
        logo=SimpleUploadedFile("logo.png", _png(), "image/png"),
    )
    assert stijl.logo.name.endswith(".png")
    for bestand, melding in [
        (SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\nkapot", "image/png"), "beschadigd"),
        (SimpleUploadedFile("x.png", _png(5000, 10), "image/png"), "4000 pixels"),
        (SimpleUploadedFile("x.gif", b"GIF89a....", "image/gif"), "SVG of PNG"),
        (SimpleUploadedFile("x.svg", b"<svg>" + b" " * 600_000 + b"</svg>"), "te groot"),
    ]:
        with pytest.raises(DomeinFout, match=melding):
            services.logo_controleren(bestand)


def test_alleen_de_regiobeheerder_richt_de_huisstijl_in(client_als, regio, adviseur, beheerder):
    url = reverse("inkoop:huisstijl", kwargs={"slug": regio.slug})
    assert client_als(adviseur).get(url).status_code == 403
    antwoord = client_als(beheerder).post(
        url,
        {
            "naam": "Gemeenten Noord",
            "kleur_koppen": "#154273",
            "kleur_accent": "#154273",
            "lijn_onder_briefhoofd": "on",
            "voettekst": "Markt 1, Noordstad",
            "label_betreft": BetreftLabel.BETREFT,
            "logo_bestand": SimpleUploadedFile("logo.png", _png(), "image/png"),
        },
    )
    assert antwoord.status_code == 302
    stijl = Huisstijl.objects.get(regio=regio)
    assert stijl.naam == "Gemeenten Noord" and stijl.logo.name.endswith(".png")


def test_te_lichte_kleur_krijgt_een_melding_en_het_getypte_blijft(client_als, regio, beheerder):
    assert contrast("#ffff00") < 4.5 < contrast("#154273")
    url = reverse("inkoop:huisstijl", kwargs={"slug": regio.slug})
    antwoord = client_als(beheerder).post(
        url,
        {"naam": "Mijn getypte naam", "kleur_koppen": "#ffff00", "kleur_accent": "#154273",
         "label_betreft": BetreftLabel.BETREFT},
    )  # fmt: skip
    html = antwoord.content.decode()
    assert antwoord.status_code == 200 and "te licht voor tekst op wit papier" in html
    assert 'value="Mijn getypte naam"' in html
    assert not Huisstijl.objects.filter(regio=regio).exists()


def test_notitie_drukt_briefhoofd_kopregel_voettekst_en_label(regio, huisstijl):
    versie = versie_vastleggen(document_met_inhoud(regio, hoofdstukken=6))
    bron = besluitvorming_pdf.versie_bron(versie)
    html, pdf_bytes = pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)
    assert "--pdf-kop: #7a1f2b" in html
    paginas = _teksten(pdf_bytes)
    assert len(paginas) > 1
    assert "Samenwerkende gemeenten Noord" in paginas[0]  # the letterhead
    assert "Betreffende" in paginas[0] and "Betreft\n" not in paginas[0]
    for pagina in paginas:
        assert "Postbus 12, 1200 AA Noordstad" in pagina  # the footer on every page
    for pagina in paginas[1:]:
        assert "Samenwerkende gemeenten Noord" in pagina  # the running header


def test_ook_het_verslag_draagt_de_huisstijl(regio, huisstijl):
    bron = sessie_pdf.verslag_bron(SessieFactory(regio=regio))
    _, pdf_bytes = pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)
    eerste = _teksten(pdf_bytes)[0]
    assert "Samenwerkende gemeenten Noord" in eerste and "Postbus 12" in eerste


def test_zonder_huisstijl_de_neutrale_opmaak(regio):
    versie = versie_vastleggen(document_met_inhoud(regio))
    bron = besluitvorming_pdf.versie_bron(versie)
    html = pdf.render_html(bron.template, {"metadata": bron.metadata, **bron.context})
    assert "pdf-briefhoofd" not in html and "Betreft" in html
