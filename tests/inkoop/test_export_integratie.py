"""Export jobs through Redis and real Celery workers (CI: .ci/run starts one on CELERY_QUEUE).

The second test starts its own worker, kills it with SIGKILL while it renders, starts another,
and sees the job complete: acks_late keeps the message in Redis until the job is done, and it
comes back after the broker's visibility timeout (CELERY_VISIBILITY_TIMEOUT, short here).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings

from inkoop.celery import app as celery_app
from inkoop.pdf import services as export_services
from inkoop.pdf.constants import ExportSoort, ExportStatus
from inkoop.pdf.models import Export
from inkoop.pdf.tasks import export_maken
from tests.factories.export import document_met_inhoud, versie_vastleggen
from tests.test_betrouwbaarheid import broker_onbereikbaar

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
ZICHTBAARHEID_S = 5


@pytest.fixture(autouse=True)
def _alleen_met_gedeelde_database():
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        pytest.skip(
            "Een worker in een ander proces ziet de SQLite-testdatabase in het geheugen niet"
        )


def wacht_op(export, status, timeout):
    einde = time.monotonic() + timeout
    while time.monotonic() < einde:
        export.refresh_from_db()
        if export.status in status:
            return export
        time.sleep(0.25)
    raise AssertionError(f"Export {export.pk} bleef {export.status} ({export.voortgang}%)")


def test_export_van_begin_tot_eind_via_worker(regio):
    versie = versie_vastleggen(document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1))
    export = export_services.export_aanvragen(onderwerp=versie, soort=ExportSoort.VERSIE)
    export = wacht_op(export, {ExportStatus.KLAAR, ExportStatus.MISLUKT}, timeout=120)
    assert export.status == ExportStatus.KLAAR, export.fout
    assert export.task_id and export.paginas >= 2
    assert export.bestand.open("rb").read(5) == b"%PDF-"


def test_redis_weg_en_terug_de_pdf_komt_alsnog_via_de_worker(regio):
    """Issue 11, punt 16: asked while the broker is unreachable, the job waits; once the broker
    is back, asking again plans the same job again and the real worker makes it."""
    versie = versie_vastleggen(document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1))
    Export.objects.all().delete()  # the version's own PDF, planned when it was frozen
    with broker_onbereikbaar():
        export = export_services.export_aanvragen(onderwerp=versie, soort=ExportSoort.VERSIE)
    export.refresh_from_db()
    assert export.status == ExportStatus.WACHTRIJ and not export.task_id
    weer = export_services.export_aanvragen(onderwerp=versie, soort=ExportSoort.VERSIE)
    assert weer.pk == export.pk
    export = wacht_op(export, {ExportStatus.KLAAR, ExportStatus.MISLUKT}, timeout=120)
    assert export.status == ExportStatus.KLAAR, export.fout
    assert export.task_id and Export.objects.count() == 1


def worker_env(queue):
    db = settings.DATABASES["default"]
    wachtwoord = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    url = f"postgres://{db['USER']}{wachtwoord}@{host}/{db['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_CONN_MAX_AGE": "0",
        "CELERY_QUEUE": queue,
        "CELERY_VISIBILITY_TIMEOUT": str(ZICHTBAARHEID_S),
        "INKOOP_PDF_TESTVERTRAGING": "1",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }


def start_worker(queue, naam, log):
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "celery"), "-A", "inkoop", "worker", "-Q", queue,
         "-n", f"{naam}@%h", "--concurrency=1", "--pool=prefork", "--loglevel=INFO"],
        cwd=ROOT, env=worker_env(queue), stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip


def stop(proces, sig=signal.SIGTERM):
    if proces.poll() is None:
        os.killpg(proces.pid, sig)
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()


def test_worker_sterft_midden_in_een_taak_en_de_taak_komt_af(regio, tmp_path):
    queue = f"pdf-kill-{os.getpid()}-{time.time_ns()}"
    versie = versie_vastleggen(document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1))
    with mock.patch.object(export_maken, "apply_async", side_effect=ConnectionError("later")):
        export = export_services.export_aanvragen(
            onderwerp=versie, soort=ExportSoort.VERSIE, parameters={"testvertraging_s": 6}
        )
    transport = dict(celery_app.conf.broker_transport_options or {})
    celery_app.conf.broker_transport_options = {**transport, "visibility_timeout": ZICHTBAARHEID_S}
    log = (tmp_path / "workers.log").open("w")
    eerste = start_worker(queue, "eerste", log)
    tweede = None
    try:
        export_maken.apply_async(args=(export.pk,), queue=queue)
        wacht_op(export, {ExportStatus.BEZIG}, timeout=60)
        time.sleep(1)  # inside the (slowed) render
        stop(eerste, signal.SIGKILL)
        export.refresh_from_db()
        assert export.status == ExportStatus.BEZIG
        # The unacked message is restored once its visibility timeout has passed; kombu checks
        # when a worker starts consuming, so the second worker starts after that.
        time.sleep(ZICHTBAARHEID_S + 1)
        tweede = start_worker(queue, "tweede", log)
        export = wacht_op(export, {ExportStatus.KLAAR, ExportStatus.MISLUKT}, timeout=120)
        assert export.status == ExportStatus.KLAAR, export.fout
        assert export.pogingen >= 2
        assert export.bestand.open("rb").read(5) == b"%PDF-"
    finally:
        stop(eerste, signal.SIGKILL)
        if tweede is not None:
            stop(tweede)
        celery_app.conf.broker_transport_options = transport
        log.close()
