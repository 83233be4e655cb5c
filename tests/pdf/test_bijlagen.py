"""Attachments of documents, sessions and proposals: checked by content and size, served by a
permission-checked view, listed in the PDF and embedded as PDF/A-3 associated files."""

import io
import zipfile

import pikepdf
import pypdf
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inkoop.besluitvorming import pdf as besluitvorming_pdf
from inkoop.core.fouten import DomeinFout
from inkoop.pdf import bijlagen
from inkoop.pdf import render as pdf
from inkoop.pdf import selectors as export_selectors
from regions.constants import Rol
from tests.factories import UserFactory
from tests.factories.besluitvorming import VoorstelFactory
from tests.factories.export import document_met_inhoud, versie_vastleggen
from tests.factories.sessies import TrajectSessieFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes(deel="word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(deel, "<x/>")
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload(naam, inhoud):
    return SimpleUploadedFile(naam, inhoud, content_type="application/octet-stream")


def test_soort_naar_inhoud_niet_naar_naam():
    assert bijlagen.soort_van(PDF) == "application/pdf"
    assert bijlagen.soort_van(PNG) == "image/png"
    assert bijlagen.soort_van(docx_bytes()).endswith("wordprocessingml.document")
    assert bijlagen.soort_van(docx_bytes("xl/workbook.xml")).endswith("spreadsheetml.sheet")
    assert bijlagen.soort_van(docx_bytes("iets/anders.xml")) is None
    assert bijlagen.soort_van(b"MZ\x90\x00 een programma") is None
    assert bijlagen.soort_van(b"<html><script>") is None


def test_bijlage_weigert_verkeerd_soort_te_groot_en_zonder_recht(media, met_rol, regio):
    sessie = TrajectSessieFactory(traject__regio=regio)
    secretaris = met_rol(Rol.SECRETARIS, regio, username="sec")
    with pytest.raises(DomeinFout, match="Dit soort bestand kan niet"):
        bijlagen.bijlage_toevoegen(onderwerp=sessie, bestand=upload("lijst.pdf", b"MZ..."),
                                   door=secretaris)  # fmt: skip
    groot = upload("groot.pdf", PDF + b"0" * bijlagen.MAX_GROOTTE)
    with pytest.raises(DomeinFout, match="te groot"):
        bijlagen.bijlage_toevoegen(onderwerp=sessie, bestand=groot, door=secretaris)
    with pytest.raises(PermissionDenied):
        bijlagen.bijlage_toevoegen(onderwerp=sessie, bestand=upload("a.pdf", PDF),
                                   door=met_rol(Rol.LEZER, regio, username="lezer"))  # fmt: skip
    bijlage = bijlagen.bijlage_toevoegen(
        onderwerp=sessie, bestand=upload("../../Presentielijst 18 dec.exe", PDF), door=secretaris
    )
    assert bijlage.naam == "Presentielijst_18_dec.pdf" and bijlage.mime == "application/pdf"
    assert (media / bijlage.bestand.name).read_bytes() == PDF


def test_bijlage_alleen_voor_wie_het_onderwerp_mag_zien(client_als, media, met_rol, regio,
                                                        andere_regio):  # fmt: skip
    sessie = TrajectSessieFactory(traject__regio=regio)
    secretaris = met_rol(Rol.SECRETARIS, regio, username="sec")
    bijlage = bijlagen.bijlage_toevoegen(
        onderwerp=sessie, bestand=upload("lijst.pdf", PDF), door=secretaris
    )
    url = reverse("inkoop:bijlage", args=[bijlage.pk])
    antwoord = client_als(secretaris).get(url)
    assert antwoord.status_code == 200 and b"".join(antwoord.streaming_content) == PDF
    assert antwoord["Content-Type"] == "application/pdf"
    vreemde = met_rol(Rol.SECRETARIS, andere_regio, username="vreemd")
    assert client_als(vreemde).get(url).status_code == 403
    assert client_als(met_rol(Rol.LEZER, regio, username="lz")).get(url).status_code == 403


def test_uploaden_in_de_app_met_nederlandse_fout(client_als, media, met_rol, regio):
    sessie = TrajectSessieFactory(traject__regio=regio)
    client = client_als(met_rol(Rol.SECRETARIS, regio, username="sec"))
    url = reverse("inkoop:bijlagen", args=["sessie", sessie.pk])
    fout = client.post(url, {"bestand": upload("x.pdf", b"geen pdf"), "omschrijving": "Lijst"})
    assert "Dit soort bestand kan niet" in fout.content.decode()
    assert 'value="Lijst"' in fout.content.decode()
    goed = client.post(url, {"bestand": upload("lijst.pdf", PDF), "omschrijving": "Lijst"})
    assert goed.status_code == 302
    assert "lijst.pdf" in client.get(url).content.decode()


def ingesloten(pdf_bytes) -> dict[str, bytes]:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as document:
        assert "/AF" in document.Root  # PDF/A-3 associated files
        for bestand in document.Root.AF:
            assert str(bestand.AFRelationship) == "/Supplement"
        return {naam: spec.get_file().read_bytes() for naam, spec in document.attachments.items()}


@pytest.mark.parametrize("soort", ["document", "sessie", "voorstel"])
def test_bijlagen_in_de_pdf_genoemd_en_ingesloten(media, regio, soort):
    adviseur = UserFactory(is_superuser=True)
    if soort == "document":
        document = document_met_inhoud(regio, hoofdstukken=1, voorzieningen=1)
        onderwerp = document
    elif soort == "sessie":
        onderwerp = TrajectSessieFactory(traject__regio=regio)
    else:
        onderwerp = VoorstelFactory(traject__regio=regio)
    bijlagen.bijlage_toevoegen(onderwerp=onderwerp, bestand=upload("lijst.pdf", PDF),
                               door=adviseur, omschrijving="Presentielijst")  # fmt: skip
    xlsx = docx_bytes("xl/workbook.xml")
    bijlagen.bijlage_toevoegen(onderwerp=onderwerp, bestand=upload("cijfers.xlsx", xlsx),
                               door=adviseur)  # fmt: skip
    if soort == "document":
        bron = besluitvorming_pdf.versie_bron(versie_vastleggen(document))
    else:
        bron = export_selectors.bron("verslag" if soort == "sessie" else "voorstel", onderwerp)
    _, pdf_bytes = pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)
    tekst = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert "Bijlagen" in tekst and "lijst.pdf: Presentielijst" in tekst
    assert "cijfers.xlsx" in tekst
    assert ingesloten(pdf_bytes) == {
        "lijst.pdf": PDF, "cijfers.xlsx": xlsx,
    }  # fmt: skip
