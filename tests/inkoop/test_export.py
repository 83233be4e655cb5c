"""Export jobs: cache by content hash, idempotent task, failures in Dutch, views and widget."""

from unittest import mock

import pytest
from django.urls import reverse

from inkoop.pdf import render as pdf
from inkoop.pdf import selectors as export_selectors
from inkoop.pdf import services as export_services
from inkoop.pdf.constants import ExportSoort, ExportStatus
from inkoop.pdf.models import Export
from inkoop.pdf.tasks import export_maken
from regions.constants import Rol
from tests.factories.export import document_met_inhoud, vaststellen, versie_vastleggen

pytestmark = pytest.mark.django_db


@pytest.fixture
def versie(regio):
    return versie_vastleggen(document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1))


def aanvragen(versie, capture, user=None, soort=ExportSoort.VERSIE):
    with capture(execute=True):
        export = export_services.export_aanvragen(onderwerp=versie, soort=soort, user=user)
    export.refresh_from_db()
    return export


def test_export_maakt_bestand_met_naam_paginas_en_duur(
    versie, adviseur, django_capture_on_commit_callbacks
):
    export = aanvragen(versie, django_capture_on_commit_callbacks, adviseur)
    assert export.status == ExportStatus.KLAAR
    assert export.voortgang == 100
    assert export.paginas >= 2 and export.duur > 0
    assert export.bestand.read(5) == b"%PDF-"
    assert export.bestandsnaam.endswith("-uitgangspuntennotitie-inkoop-2027-v1.pdf")
    assert export.bestandsnaam[:4].isdigit()
    assert len(export.inhoud_hash) == 64


def test_tweede_export_rendert_niets_nieuws(versie, django_capture_on_commit_callbacks):
    eerste = aanvragen(versie, django_capture_on_commit_callbacks)
    with mock.patch.object(pdf, "render_pdf", wraps=pdf.render_pdf) as spion:
        tweede = aanvragen(versie, django_capture_on_commit_callbacks)
    assert spion.call_count == 0
    assert tweede.pk == eerste.pk and tweede.bestand.name == eerste.bestand.name
    assert Export.objects.count() == 1


def test_vaststellen_geeft_nieuwe_inhoud_dus_nieuwe_pdf(versie, django_capture_on_commit_callbacks):
    eerste = aanvragen(versie, django_capture_on_commit_callbacks)
    vaststellen(versie)
    tweede = aanvragen(versie, django_capture_on_commit_callbacks)
    assert tweede.pk != eerste.pk and tweede.inhoud_hash != eerste.inhoud_hash


def test_taak_twee_keer_is_idempotent(versie, django_capture_on_commit_callbacks):
    export = aanvragen(versie, django_capture_on_commit_callbacks)
    bestand = export.bestand.name
    with mock.patch.object(pdf, "render_pdf") as spion:
        export_maken.delay(export.pk)
        export_maken.delay(export.pk)
    assert spion.call_count == 0
    export.refresh_from_db()
    assert export.status == ExportStatus.KLAAR and export.bestand.name == bestand
    assert export.pogingen == 1


def test_mislukte_render_meldt_nederlands_wat_te_doen(versie, django_capture_on_commit_callbacks):
    with mock.patch.object(pdf, "render_pdf", side_effect=ValueError("kapot")):
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    assert export.status == ExportStatus.MISLUKT
    assert "Probeer het opnieuw" in export.fout and str(export.pk) in export.fout


def test_tijdelijke_fout_wordt_opnieuw_geprobeerd(versie, django_capture_on_commit_callbacks):
    echt = pdf.render_pdf
    pogingen = []

    def soms(*args, **kwargs):
        pogingen.append(1)
        if len(pogingen) == 1:
            raise OSError("schijf even weg")
        return echt(*args, **kwargs)

    with mock.patch.object(export_maken, "apply_async", return_value=mock.Mock(id="taak-1")):
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    with mock.patch.object(pdf, "render_pdf", side_effect=soms):
        # apply() runs the retry eagerly too (the worker would requeue it with backoff).
        export_maken.apply(args=(export.pk,), throw=False)
    export.refresh_from_db()
    assert len(pogingen) == 2
    assert export.status == ExportStatus.KLAAR and export.pogingen == 2


def test_tijdelijke_fout_te_vaak_wordt_mislukt(versie, django_capture_on_commit_callbacks):
    with mock.patch.object(export_maken, "apply_async", return_value=mock.Mock(id="taak-1")):
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    with mock.patch.object(pdf, "render_pdf", side_effect=OSError("weg")) as spion:
        # The last allowed attempt: no further retry, the job is marked failed.
        export_maken.apply(args=(export.pk,), retries=export_maken.max_retries, throw=False)
    export.refresh_from_db()
    assert spion.call_count == 1
    assert export.status == ExportStatus.MISLUKT and "Probeer het opnieuw" in export.fout


def test_redis_weg_geeft_geen_500_en_zegt_wachtrij(
    versie, adviseur, client_als, django_capture_on_commit_callbacks
):
    client = client_als(adviseur)
    url = reverse("inkoop:export_starten", args=["versie", versie.pk])
    with mock.patch.object(export_maken, "apply_async", side_effect=ConnectionError("weg")):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    export = Export.objects.get()
    assert export.status == ExportStatus.WACHTRIJ and not export.task_id
    inhoud = response.content.decode()
    assert "verwerkingsdienst is nu niet bereikbaar" in inhoud
    assert 'hx-trigger="every 1s"' in inhoud


def test_htmx_widget_voortgang_en_klaar(
    versie, adviseur, client_als, django_capture_on_commit_callbacks
):
    client = client_als(adviseur)
    with mock.patch.object(export_maken, "apply_async", return_value=mock.Mock(id="taak-1")):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("inkoop:export_starten", args=["versie", versie.pk]), HTTP_HX_REQUEST="true"
            )
    inhoud = response.content.decode()
    assert "<html" not in inhoud and f'id="pdf-versie-{versie.pk}"' in inhoud
    assert 'hx-trigger="every 1s"' in inhoud and "<progress" in inhoud
    export = Export.objects.get()
    export_services.export_uitvoeren(export_id=export.pk)
    response = client.get(reverse("inkoop:export", args=[export.pk]), HTTP_HX_REQUEST="true")
    inhoud = response.content.decode()
    assert "<html" not in inhoud and "every 1s" not in inhoud
    assert reverse("inkoop:export_download", args=[export.pk]) in inhoud
    # Without HTMX the same URL is a full page.
    assert "<html" in client.get(reverse("inkoop:export", args=[export.pk])).content.decode()


def test_zonder_js_redirect_naar_volgende(
    versie, adviseur, client_als, django_capture_on_commit_callbacks
):
    client = client_als(adviseur)
    pagina = reverse("inkoop:versie_pdf", args=[versie.document_id, versie.nummer])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("inkoop:export_starten", args=["versie", versie.pk]), {"volgende": pagina}
        )
    assert response.status_code == 302 and response.url == pagina
    response = client.post(
        reverse("inkoop:export_starten", args=["versie", versie.pk]),
        {"volgende": "https://elders.example/"},
    )
    assert response.url == reverse("inkoop:export", args=[Export.objects.get().pk])
    inhoud = client.get(pagina).content.decode()
    assert "PDF maken" in inhoud and ".pdf" in inhoud and "Wijzigingen (redline)" in inhoud


def test_download_met_content_disposition(
    versie, adviseur, client_als, django_capture_on_commit_callbacks
):
    export = aanvragen(versie, django_capture_on_commit_callbacks)
    response = client_als(adviseur).get(reverse("inkoop:export_download", args=[export.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{export.bestandsnaam}"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content)[:5] == b"%PDF-"


def test_lezer_ziet_concept_niet_maar_vastgestelde_wel(
    versie, lezer, client_als, django_capture_on_commit_callbacks
):
    export = aanvragen(versie, django_capture_on_commit_callbacks)
    client = client_als(lezer)
    download = reverse("inkoop:export_download", args=[export.pk])
    assert client.get(download).status_code == 403
    assert (
        client.post(reverse("inkoop:export_starten", args=["versie", versie.pk])).status_code == 403
    )
    assert (
        client.get(reverse("inkoop:export_voorbeeld", args=["versie", versie.pk])).status_code
        == 403
    )
    vaststellen(versie)
    vastgesteld = aanvragen(versie, django_capture_on_commit_callbacks)
    assert client.get(reverse("inkoop:export_download", args=[vastgesteld.pk])).status_code == 200
    # Still no redline (a process paper) for a reader.
    redline = reverse("inkoop:export_voorbeeld", args=["redline", versie.pk])
    assert client.get(redline).status_code == 403


def test_andere_regio_krijgt_403(
    versie, met_rol, andere_regio, client_als, django_capture_on_commit_callbacks
):
    export = aanvragen(versie, django_capture_on_commit_callbacks)
    buitenstaander = met_rol(Rol.BELEIDSADVISEUR, andere_regio)
    client = client_als(buitenstaander)
    assert client.get(reverse("inkoop:export_download", args=[export.pk])).status_code == 403
    assert client.get(reverse("inkoop:export", args=[export.pk])).status_code == 403
    pagina = reverse("inkoop:versie_pdf", args=[versie.document_id, versie.nummer])
    assert client.get(pagina).status_code == 403


def test_niet_ingelogd_naar_login(versie, client):
    response = client.get(reverse("inkoop:export_voorbeeld", args=["versie", versie.pk]))
    assert response.status_code == 302 and "inloggen" in response.url


def test_voorbeeld_is_hetzelfde_sjabloon(versie, adviseur, client_als):
    response = client_als(adviseur).get(
        reverse("inkoop:export_voorbeeld", args=["versie", versie.pk])
    )
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in inhoud and "css/print.css" in inhoud
    assert "Minder aanbieders, meer partnerschap" in inhoud and "CONCEPT" in inhoud


def test_versie_pdf_inplannen(versie, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export = export_services.versie_pdf_inplannen(versie)
    export.refresh_from_db()
    assert export.soort == ExportSoort.VERSIE and export.status == ExportStatus.KLAAR


@pytest.fixture
def drie_versies(versie):
    """Versions 1 (adopted), 2 and 3 of one document."""
    vaststellen(versie)
    document = versie.document
    tweede = versie_vastleggen(document, nummer=2)
    derde = versie_vastleggen(document, nummer=3)
    return versie, tweede, derde


def test_redline_parameters_standaard_gekozen_en_vreemd(drie_versies, regio):
    eerste, tweede, derde = drie_versies
    assert export_selectors.parameters_uit("redline", {}, derde) == {"tegen": eerste.pk}
    assert export_selectors.parameters_uit("redline", {"tegen": tweede.pk}, derde) == {
        "tegen": tweede.pk
    }
    vreemd = versie_vastleggen(document_met_inhoud(regio), nummer=1)
    # Another document's version, the version itself or rubbish: back to the default.
    for waarde in (vreemd.pk, derde.pk, "abc", ""):
        assert export_selectors.parameters_uit("redline", {"tegen": waarde}, derde) == {
            "tegen": eerste.pk
        }
    # The first version of a document has nothing to compare with.
    assert export_selectors.parameters_uit("redline", {}, vreemd) == {}


def test_voorbeeld_met_vreemde_vergelijkingsversie_geeft_geen_serverfout(
    drie_versies, regio, adviseur, client_als
):
    _, _, derde = drie_versies
    vreemd = versie_vastleggen(document_met_inhoud(regio), nummer=1)
    url = reverse("inkoop:export_voorbeeld", args=["redline", derde.pk])
    response = client_als(adviseur).get(url, {"tegen": vreemd.pk})
    assert response.status_code == 200
    assert "versie 1" in response.content.decode()


def test_versie_pdf_pagina_kiest_vergelijkingsversie(
    drie_versies, adviseur, client_als, django_capture_on_commit_callbacks
):
    eerste, tweede, derde = drie_versies
    client = client_als(adviseur)
    pagina = reverse("inkoop:versie_pdf", args=[derde.document_id, derde.nummer])
    standaard = client.get(pagina).content.decode()
    assert f'<option value="{eerste.pk}" selected>Versie 1' in standaard
    assert "(vastgesteld)" in standaard
    gekozen = client.get(pagina, {"tegen": tweede.pk}).content.decode()
    assert f'<option value="{tweede.pk}" selected>Versie 2' in gekozen
    assert f'name="tegen" value="{tweede.pk}"' in gekozen
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("inkoop:export_starten", args=["redline", derde.pk]), {"tegen": tweede.pk}
        )
    export = Export.objects.get(soort="redline")
    assert export.parameters == {"tegen": tweede.pk} and export.bestandsnaam.endswith("v2-v3.pdf")
    # The widget shows the export against version 2 only where version 2 is chosen.
    assert export.bestandsnaam in client.get(pagina, {"tegen": tweede.pk}).content.decode()
    assert export.bestandsnaam not in client.get(pagina).content.decode()
