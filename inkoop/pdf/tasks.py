import socket

from celery import Task, shared_task
from celery.exceptions import TimeLimitExceeded
from django.conf import settings
from django.db import OperationalError

from . import services


class ExportTaak(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # The hard time limit kills the worker process; the pool calls this in the parent, so
        # the job ends as "mislukt" with an explanation instead of staying "bezig".
        if isinstance(exc, TimeLimitExceeded) and args:
            services.export_te_lang(export_id=args[0])


def _worker_naam(request) -> str:
    return request.hostname or f"webproces@{socket.gethostname()}"


@shared_task(
    name=services.EXPORT_TAAK,
    base=ExportTaak,
    bind=True,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=4,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
)
def export_maken(self, export_id: int) -> None:
    """Render one PDF export. Takes the id, re-fetches; a finished job returns at once, a job
    another run holds is left to it, and a job redelivered after a worker died runs again."""
    try:
        services.export_uitvoeren(
            export_id=export_id, task_id=self.request.id or "", worker=_worker_naam(self.request)
        )
    except (OSError, OperationalError) as exc:
        if self.request.retries >= self.max_retries:
            services.export_mislukt(export_id=export_id)
            return
        # Exponential backoff: 2, 4, 8, 16 s.
        raise self.retry(exc=exc, countdown=2 ** (self.request.retries + 1)) from exc


@shared_task(name=services.HERSTEL_TAAK, ignore_result=True)
def exports_herstellen() -> int:
    """The periodic sweep (celery beat, settings.CELERY_BEAT_SCHEDULE)."""
    return services.exports_herstellen()
