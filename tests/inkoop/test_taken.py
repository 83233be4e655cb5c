"""Jobs (issue 11, punten 15-18): limits on what one PDF job renders, the time limit, stuck and
orphaned jobs planned again, and the embedded default running jobs off the request."""

import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import inkoop.celery as celery_module
from inkoop.core import taken
from inkoop.pdf import render as pdf
from inkoop.pdf import services as export_services
from inkoop.pdf.constants import ExportSoort, ExportStatus
from inkoop.pdf.models import Export
from inkoop.pdf.tasks import export_maken
from tests.factories.export import document_met_inhoud, versie_vastleggen
from tests.test_betrouwbaarheid import broker_onbereikbaar
from tests.test_project import _django

pytestmark = pytest.mark.django_db


@pytest.fixture
def versie(regio):
    return versie_vastleggen(document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1))


def aanvragen(versie, capture, **kwargs):
    with capture(execute=True):
        export = export_services.export_aanvragen(
            onderwerp=versie, soort=ExportSoort.VERSIE, **kwargs
        )
    export.refresh_from_db()
    return export


def vastgelopen_aanvragen(versie, capture):
    """A job asked for while the queue was away."""
    with broker_onbereikbaar():
        export = aanvragen(versie, capture)
    assert export.status == ExportStatus.WACHTRIJ and not export.task_id
    return export


# ---------- 15: limits and the time limit ----------


def test_te_veel_html_wordt_geweigerd_voordat_weasyprint_begint(
    versie, settings, django_capture_on_commit_callbacks
):
    settings.PDF_MAX_HTML_TEKENS = 1000
    with mock.patch.object(pdf, "render_pdf") as render:
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    assert render.call_count == 0
    assert export.status == ExportStatus.MISLUKT
    assert "te groot om te maken" in export.fout and "1.000" in export.fout


def test_te_veel_paginas_wordt_geweigerd_voordat_het_bestand_wordt_geschreven(
    versie, settings, django_capture_on_commit_callbacks
):
    settings.PDF_MAX_PAGINAS = 1
    with mock.patch("weasyprint.document.Document.write_pdf") as schrijven:
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    assert schrijven.call_count == 0
    assert export.status == ExportStatus.MISLUKT
    assert "pagina's tellen" in export.fout and "hoogstens 1 hebben" in export.fout
    assert not export.bestand


def test_zachte_tijdslimiet_eindigt_als_mislukt_met_uitleg(
    versie, django_capture_on_commit_callbacks
):
    with mock.patch.object(pdf, "render_pdf", side_effect=SoftTimeLimitExceeded()):
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    assert export.status == ExportStatus.MISLUKT
    assert "duurde langer dan" in export.fout and "afgebroken" in export.fout


def test_harde_tijdslimiet_eindigt_als_mislukt(versie, django_capture_on_commit_callbacks):
    with mock.patch.object(export_maken, "apply_async", return_value=mock.Mock(id="t1")):
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    # What the pool calls in the worker's parent process when it kills the child.
    export_maken.on_failure(TimeLimitExceeded(150), "t1", (export.pk,), {}, None)
    export.refresh_from_db()
    assert export.status == ExportStatus.MISLUKT and "duurde langer dan" in export.fout


def test_taak_heeft_tijdslimieten_en_zichtbaarheid_past_erbij():
    assert export_maken.soft_time_limit == django_settings.CELERY_TASK_SOFT_TIME_LIMIT
    assert export_maken.time_limit == django_settings.CELERY_TASK_TIME_LIMIT
    assert export_maken.soft_time_limit < export_maken.time_limit <= 10 * 60
    zichtbaar = django_settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert export_maken.time_limit < zichtbaar <= export_maken.time_limit + 5 * 60


# ---------- 16: stuck in the queue, then the queue is back ----------


def test_opnieuw_vragen_na_storing_plant_opnieuw_in_en_maakt_de_pdf(
    versie, adviseur, client_als, django_capture_on_commit_callbacks
):
    client = client_als(adviseur)
    url = reverse("inkoop:export_starten", args=["versie", versie.pk])
    with broker_onbereikbaar(), django_capture_on_commit_callbacks(execute=True):
        client.post(url, HTTP_HX_REQUEST="true")
    export = Export.objects.get()
    assert export.status == ExportStatus.WACHTRIJ and not export.task_id
    # The queue is back (the tests' in-process Celery): asking again makes the same job.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, HTTP_HX_REQUEST="true")
    export.refresh_from_db()
    assert Export.objects.count() == 1
    assert export.status == ExportStatus.KLAAR and export.bestand
    widget = client.get(reverse("inkoop:export", args=[export.pk]), HTTP_HX_REQUEST="true")
    assert "Klaar" in widget.content.decode() and "every 1s" not in widget.content.decode()


def test_sweep_na_storing_maakt_de_pdf(versie, django_capture_on_commit_callbacks):
    export = vastgelopen_aanvragen(versie, django_capture_on_commit_callbacks)
    # Just asked: may still be on its way, the sweep leaves it alone.
    with django_capture_on_commit_callbacks(execute=True):
        assert export_services.exports_herstellen() == 0
    Export.objects.filter(pk=export.pk).update(ingepland=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("pdf_opruimen", verbosity=0)
    export.refresh_from_db()
    assert export.status == ExportStatus.KLAAR and export.bestand
    # Nothing left to do: a second sweep plans nothing.
    assert export_services.exports_herstellen() == 0


def test_sweep_bij_storing_laat_de_rij_wachten_en_verliest_niets(
    versie, django_capture_on_commit_callbacks
):
    export = vastgelopen_aanvragen(versie, django_capture_on_commit_callbacks)
    Export.objects.filter(pk=export.pk).update(ingepland=timezone.now() - timedelta(minutes=1))
    with broker_onbereikbaar(), django_capture_on_commit_callbacks(execute=True):
        assert export_services.exports_herstellen() == 1
    export.refresh_from_db()
    assert export.status == ExportStatus.WACHTRIJ and not export.task_id
    assert export.ingepland > timezone.now() - timedelta(seconds=30)


def test_widget_belooft_alleen_wat_waar_is_en_biedt_opnieuw_proberen(
    versie, adviseur, client_als, django_capture_on_commit_callbacks
):
    client = client_als(adviseur)
    url = reverse("inkoop:export_starten", args=["versie", versie.pk])
    with broker_onbereikbaar(), django_capture_on_commit_callbacks(execute=True):
        widget = client.post(url, HTTP_HX_REQUEST="true").content.decode()
    assert "vanzelf alsnog gemaakt" in widget
    assert "Opnieuw proberen" in widget and "PDF maken" not in widget


def test_celery_beat_veegt_elke_minuut():
    schema = django_settings.CELERY_BEAT_SCHEDULE["pdf-opruimen"]
    assert schema["task"] == export_services.HERSTEL_TAAK and schema["schedule"] <= 60


# ---------- 17: orphaned by a worker that died ----------


def _bezig_op(export, worker, gestart):
    Export.objects.filter(pk=export.pk).update(
        status=ExportStatus.BEZIG, worker=worker, gestart=gestart, task_id="oud", pogingen=1
    )


def test_worker_die_herstart_pakt_zijn_eigen_verweesde_taak_direct_op(
    versie, django_capture_on_commit_callbacks
):
    with mock.patch.object(export_maken, "apply_async", return_value=mock.Mock(id="oud")):
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    _bezig_op(export, "celery@host", timezone.now() - timedelta(seconds=5))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("pdf_opruimen", worker="celery@host", verbosity=0)
    export.refresh_from_db()
    assert export.status == ExportStatus.KLAAR and export.pogingen == 2


def test_start_laat_de_taak_van_een_andere_worker_binnen_de_tijdslimiet_aan_redis(
    versie, django_capture_on_commit_callbacks
):
    with mock.patch.object(export_maken, "apply_async", return_value=mock.Mock(id="oud")):
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    _bezig_op(export, "eerste@host", timezone.now() - timedelta(seconds=5))
    with mock.patch.object(export_maken, "apply_async") as versturen:
        with django_capture_on_commit_callbacks(execute=True):
            assert export_services.exports_herstellen(worker="tweede@host") == 0
    assert versturen.call_count == 0
    # Redis hands the unacked message back (same task id): that run may take the job.
    export_maken.apply(args=(export.pk,), task_id="oud")
    export.refresh_from_db()
    assert export.status == ExportStatus.KLAAR and export.pogingen == 2


def test_tweede_bericht_voor_een_lopende_taak_doet_niets(
    versie, django_capture_on_commit_callbacks
):
    with mock.patch.object(export_maken, "apply_async", return_value=mock.Mock(id="oud")):
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    _bezig_op(export, "eerste@host", timezone.now() - timedelta(seconds=5))
    with mock.patch.object(pdf, "render_pdf") as render:
        export_maken.apply(args=(export.pk,), task_id="ander")
    assert render.call_count == 0
    export.refresh_from_db()
    assert export.status == ExportStatus.BEZIG and export.task_id == "oud"


def test_taak_langer_bezig_dan_de_tijdslimiet_wordt_opgepakt(
    versie, django_capture_on_commit_callbacks
):
    with mock.patch.object(export_maken, "apply_async", return_value=mock.Mock(id="oud")):
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    te_oud = timedelta(seconds=django_settings.TAAK_VERWEESD_NA_S + 1)
    _bezig_op(export, "eerste@host", timezone.now() - te_oud)
    with django_capture_on_commit_callbacks(execute=True):
        assert export_services.exports_herstellen() == 1
    export.refresh_from_db()
    assert export.status == ExportStatus.KLAAR


def test_taak_die_workers_steeds_onderuit_haalt_eindigt_als_mislukt(
    versie, django_capture_on_commit_callbacks
):
    with mock.patch.object(export_maken, "apply_async", return_value=mock.Mock(id="oud")):
        export = aanvragen(versie, django_capture_on_commit_callbacks)
    _bezig_op(export, "celery@host", timezone.now())
    Export.objects.filter(pk=export.pk).update(pogingen=export_services.MAX_POGINGEN)
    with django_capture_on_commit_callbacks(execute=True):
        export_services.exports_herstellen(worker="celery@host")
    export.refresh_from_db()
    assert export.status == ExportStatus.MISLUKT and "pogingen" in export.fout


def test_worker_start_ruimt_op_en_overleeft_een_databasefout():
    with mock.patch.object(celery_module, "call_command") as opruimen:
        celery_module._bij_start_opruimen(sender=mock.Mock(hostname="w@host"))
    opruimen.assert_called_once_with("pdf_opruimen", worker="w@host", verbosity=0)
    with mock.patch.object(celery_module, "call_command", side_effect=RuntimeError("geen db")):
        celery_module._bij_start_opruimen(sender=mock.Mock(hostname="w@host"))


# ---------- 18: the embedded default runs jobs off the request ----------


@pytest.mark.django_db(transaction=True)
def test_thread_modus_request_komt_terug_voordat_de_taak_klaar_is(
    regio, adviseur, client_als, settings
):
    settings.TAKEN_MODUS = "thread"
    versie = versie_vastleggen(document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1))
    taken.achtergrond_wachten(timeout=60)  # the version's own PDF, planned when it was frozen
    Export.objects.all().delete()
    client = client_als(adviseur)
    poort = threading.Event()
    echt = export_maken.apply

    def na_de_poort(*args, **kwargs):
        poort.wait(timeout=15)
        return echt(*args, **kwargs)

    with mock.patch.object(export_maken, "apply", side_effect=na_de_poort):
        begin = time.monotonic()
        antwoord = client.post(
            reverse("inkoop:export_starten", args=["versie", versie.pk]), HTTP_HX_REQUEST="true"
        )
        duur = time.monotonic() - begin
        export = Export.objects.get()
        # The request is back while the job has not even started; the widget shows progress
        # and polls, without the "queue not reachable" warning.
        assert antwoord.status_code == 200 and duur < 10
        assert export.status == ExportStatus.WACHTRIJ and export.task_id
        widget = antwoord.content.decode()
        assert "<progress" in widget and 'hx-trigger="every 1s"' in widget
        assert "niet bereikbaar" not in widget
        poort.set()
        assert taken.achtergrond_wachten(timeout=120)
    export.refresh_from_db()
    assert export.status == ExportStatus.KLAAR and export.bestand


def test_standaard_zonder_redis_is_thread_modus(monkeypatch):
    uit = _django("from django.conf import settings as s; print(s.TAKEN_MODUS)", DJANGO_DEBUG="1")
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == ["thread"]
