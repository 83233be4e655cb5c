"""Reliability of the PDF export: with the task queue (Redis) unreachable, "PDF maken" gives no
server error, the job stays visibly waiting, and the page says in Dutch that the PDF is queued
and the processing service is not reachable now."""

import time

import pytest
from django.urls import reverse

from inkoop.pdf.constants import ExportStatus
from inkoop.pdf.models import Export
from tests.factories.export import document_met_inhoud, versie_vastleggen
from tests.test_betrouwbaarheid import broker_onbereikbaar

pytestmark = pytest.mark.django_db

WACHTRIJ = "In de wachtrij"
NIET_BEREIKBAAR = "verwerkingsdienst is nu niet bereikbaar"


@pytest.fixture
def versie(regio):
    return versie_vastleggen(document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1))


@pytest.mark.parametrize("htmx", [False, True], ids=["zonder-htmx", "htmx"])
def test_pdf_maken_zonder_wachtrij(
    versie, adviseur, client_als, django_capture_on_commit_callbacks, htmx
):
    client = client_als(adviseur)
    pagina = reverse("inkoop:versie_pdf", args=[versie.document_id, versie.nummer])
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    begin = time.monotonic()
    with broker_onbereikbaar(), django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            reverse("inkoop:export_starten", args=["versie", versie.pk]),
            {"volgende": pagina},
            **extra,
        )
    duur = time.monotonic() - begin
    # Among the commit hooks (the page cache adds its own): the one that plans the job.
    inplannen = [c for c in callbacks if c.__qualname__.startswith("na_commit_inplannen.")]
    assert inplannen, "het inplannen liep niet na de commit"
    assert duur < 10, f"de pagina wachtte {duur:.1f} s op de wachtrij"

    export = Export.objects.get()
    assert export.status == ExportStatus.WACHTRIJ
    assert not export.task_id and not export.bestand

    if htmx:
        assert response.status_code == 200
        widget = response.content.decode()
        assert "<html" not in widget and f'id="pdf-versie-{versie.pk}"' in widget
    else:
        assert response.status_code == 302 and response.url == pagina
        # The page the person returns to (queue still down) shows the same message.
        with broker_onbereikbaar():
            vervolg = client.get(pagina)
        assert vervolg.status_code == 200
        widget = vervolg.content.decode()
    assert WACHTRIJ in widget and NIET_BEREIKBAAR in widget
    assert "<progress" in widget and 'hx-trigger="every 1s"' in widget


def test_nogmaals_vragen_zonder_wachtrij_maakt_geen_tweede_taak(
    versie, adviseur, client_als, django_capture_on_commit_callbacks
):
    client = client_als(adviseur)
    url = reverse("inkoop:export_starten", args=["versie", versie.pk])
    with broker_onbereikbaar():
        for _ in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post(url, HTTP_HX_REQUEST="true")
            assert response.status_code == 200
        # Polling the job while the queue is down: the widget, still waiting, no 500.
        export = Export.objects.get()
        peiling = client.get(reverse("inkoop:export", args=[export.pk]), HTTP_HX_REQUEST="true")
        volledig = client.get(reverse("inkoop:export", args=[export.pk]))
    assert peiling.status_code == 200 and WACHTRIJ in peiling.content.decode()
    assert volledig.status_code == 200 and NIET_BEREIKBAAR in volledig.content.decode()
    assert Export.objects.get().status == ExportStatus.WACHTRIJ
    # Download of a job that is not ready: a clear 404, not a server error.
    download = client.get(reverse("inkoop:export_download", args=[export.pk]))
    assert download.status_code == 404
