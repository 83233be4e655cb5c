from celery import shared_task

from . import services


@shared_task(name=services.LEES_TAAK, ignore_result=True, acks_late=True, max_retries=3)
def voorstel_lezen(opdracht_id: int) -> None:
    """Read one large .docx into its proposal; a job already read returns at once."""
    services.leesopdracht_uitvoeren(opdracht_id=opdracht_id)
