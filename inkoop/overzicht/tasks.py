from celery import shared_task

from . import services


@shared_task(name=services.STATUSCONTROLE_TAAK, ignore_result=True)
def statuscontrole_beantwoorden(statuscontrole_id: int) -> None:
    """The worker's answer to a ping from the status page."""
    services.statuscontrole_beantwoorden(statuscontrole_id=statuscontrole_id)
