"""Issue 11, item 7: a PDF is downloaded only as it was made. The export task records the
sha256 of the file; the download refuses (409, logged) a file that no longer matches."""

import hashlib
import logging

import pytest
from django.urls import reverse

from inkoop.pdf import services as export_services
from inkoop.pdf.constants import ExportSoort
from inkoop.pdf.models import Export
from tests.factories.export import document_met_inhoud, versie_vastleggen

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(regio, django_capture_on_commit_callbacks):
    versie = versie_vastleggen(document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1))
    with django_capture_on_commit_callbacks(execute=True):
        export = export_services.export_aanvragen(onderwerp=versie, soort=ExportSoort.VERSIE)
    export.refresh_from_db()
    return export


def test_export_legt_sha256_van_het_bestand_vast(export):
    with export.bestand.open("rb") as bestand:
        assert export.bestand_sha256 == hashlib.sha256(bestand.read()).hexdigest()


def test_vervangen_bestand_wordt_niet_gedownload(export, adviseur, client_als, caplog):
    download = reverse("inkoop:export_download", args=[export.pk])
    assert client_als(adviseur).get(download).status_code == 200
    # Someone replaces the file in storage by another PDF under the same name.
    with export.bestand.storage.open(export.bestand.name, "wb") as bestand:
        bestand.write(b"%PDF-1.7 een ander document")
    with caplog.at_level(logging.ERROR):
        antwoord = client_als(adviseur).get(download)
    assert antwoord.status_code == 409
    assert "niet gedownload" in antwoord.content.decode()
    assert b"een ander document" not in antwoord.content
    assert f"PDF-export {export.pk}" in caplog.text


def test_bestand_zonder_vastgelegde_som_wordt_niet_gedownload(export, adviseur, client_als):
    Export.objects.filter(pk=export.pk).update(bestand_sha256="")
    download = reverse("inkoop:export_download", args=[export.pk])
    assert client_als(adviseur).get(download).status_code == 409
