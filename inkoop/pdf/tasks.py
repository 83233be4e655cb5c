from celery import shared_task
from django.db import OperationalError

from . import services


@shared_task(
    name=services.EXPORT_TAAK,
    bind=True,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=4,
)
def export_maken(self, export_id: int) -> None:
    """Render one PDF export. Takes the id, re-fetches; a finished job returns at once, and a
    job redelivered after a worker died simply runs again."""
    try:
        services.export_uitvoeren(export_id=export_id)
    except (OSError, OperationalError) as exc:
        if self.request.retries >= self.max_retries:
            services.export_mislukt(export_id=export_id)
            return
        # Exponential backoff: 2, 4, 8, 16 s.
        raise self.retry(exc=exc, countdown=2 ** (self.request.retries + 1)) from exc
