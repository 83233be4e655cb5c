"""Word out: version, proposal and minutes as .docx through the export job, opened in
LibreOffice."""

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from django.urls import reverse

from inkoop.pdf import services as export_services
from inkoop.pdf.constants import ExportFormaat, ExportSoort, ExportStatus
from inkoop.pdf.models import Export
from inkoop.uitwisseling import word_in
from tests.factories import SessieFactory, TrajectFactory
from tests.factories.besluitvorming import VoorstelFactory
from uitgangspunten import services as uitgangspunt_services

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "docx"
SOFFICE = shutil.which("soffice")


@pytest.fixture
def versie(regio, adviseur):
    traject = TrajectFactory(regio=regio)
    voorstel = word_in.document_voorstel((FIXTURES / "memo.docx").read_bytes(), "memo.docx")
    document = word_in.document_importeren(
        traject=traject, auteur=adviseur, voorstel=voorstel
    ).document
    return uitgangspunt_services.versie_vastleggen(document=document, auteur=adviseur)


def word_export(onderwerp, soort, capture, user=None):
    with capture(execute=True):
        export = export_services.export_aanvragen(
            onderwerp=onderwerp, soort=soort, user=user, formaat=ExportFormaat.DOCX
        )
    export.refresh_from_db()
    return export


def tekst_van(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    delen = [p.text for p in document.paragraphs]
    delen += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(delen)


def test_versie_als_docx_met_kop_lijsten_tabel_voetnoten_en_concept(
    versie, adviseur, django_capture_on_commit_callbacks
):
    export = word_export(versie, ExportSoort.VERSIE, django_capture_on_commit_callbacks, adviseur)
    assert export.status == ExportStatus.KLAAR, export.fout
    assert export.bestandsnaam.endswith(".docx")
    data = export.bestand.read()
    document = docx.Document(io.BytesIO(data))
    stijlen = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2"} <= stijlen
    assert document.sections[0].header.paragraphs[0].text == "CONCEPT"
    tekst = tekst_van(data)
    assert "Betreffende" in tekst and "Uitgangspunten voor de nieuwe inkoop" in tekst
    assert "Hulp bij het huishouden" in tekst and "Tarieven herijken" in tekst
    # Real Word footnotes, not text in the body.
    with __import__("zipfile").ZipFile(io.BytesIO(data)) as z:
        noten = z.read("word/footnotes.xml").decode()
        lichaam = z.read("word/document.xml").decode()
        nummering = z.read("word/numbering.xml").decode()
    assert "Overgangsrecht van een jaar." in noten and "Besproken in het DO" in noten
    assert lichaam.count("<w:footnoteReference") == 3
    assert "Overgangsrecht van een jaar." not in lichaam
    assert 'w:ilvl w:val="1"' in lichaam and "decimal" in nummering  # nested numbering


def test_tweede_aanvraag_hergebruikt_het_bestand_en_pdf_blijft_apart(
    versie, django_capture_on_commit_callbacks
):
    eerste = word_export(versie, ExportSoort.VERSIE, django_capture_on_commit_callbacks)
    tweede = word_export(versie, ExportSoort.VERSIE, django_capture_on_commit_callbacks)
    assert tweede.pk == eerste.pk
    pdf = Export.objects.filter(formaat=ExportFormaat.PDF).get()  # made when frozen
    assert pdf.inhoud_hash != eerste.inhoud_hash


def test_voorstel_en_verslag_als_docx(regio, django_capture_on_commit_callbacks):
    voorstel = VoorstelFactory(traject__regio=regio, onderwerp="Vrijgeven uitgangspunten")
    export = word_export(voorstel, ExportSoort.VOORSTEL, django_capture_on_commit_callbacks)
    assert export.status == ExportStatus.KLAAR, export.fout
    assert "Vrijgeven uitgangspunten" in tekst_van(export.bestand.read())
    sessie = SessieFactory(regio=regio, titel="Marktconsultatie Wmo")
    export = word_export(sessie, ExportSoort.VERSLAG, django_capture_on_commit_callbacks)
    assert export.status == ExportStatus.KLAAR, export.fout
    data = export.bestand.read()
    assert "Marktconsultatie Wmo" in tekst_van(data)
    assert docx.Document(io.BytesIO(data)).sections[0].header.paragraphs[0].text == "CONCEPT"


def test_knop_en_download(client_als, versie, adviseur, django_capture_on_commit_callbacks):
    client = client_als(adviseur)
    pagina = client.get(reverse("inkoop:versie_pdf", args=[versie.document_id, versie.nummer]))
    assert 'name="formaat" value="docx"' in pagina.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("inkoop:export_starten", args=["versie", versie.pk]),
                    {"formaat": "docx"})  # fmt: skip
    export = Export.objects.get(formaat=ExportFormaat.DOCX)
    antwoord = client.get(reverse("inkoop:export_download", args=[export.pk]))
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    assert antwoord["Content-Disposition"].endswith('.docx"')


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice ontbreekt (make libreoffice)")
def test_docx_opent_in_libreoffice_met_voetnoten(
    versie, django_capture_on_commit_callbacks, tmp_path
):
    export = word_export(versie, ExportSoort.VERSIE, django_capture_on_commit_callbacks)
    bestand = tmp_path / "versie.docx"
    bestand.write_bytes(export.bestand.read())
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profiel",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(bestand)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    tekst = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "versie.pdf"), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert "CONCEPT" in tekst
    assert "Evaluatie" in tekst and "Algemene uitgangspunten" in tekst
    for noot in ("Besproken in het DO van 7 maart 2019.", "Zie de evaluatie van januari 2019.",
                 "Overgangsrecht van een jaar."):  # fmt: skip
        assert noot in tekst
