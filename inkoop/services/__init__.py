"""Writes and rules of the procurement process. Views, admin, commands and tasks call these."""

import logging
import socket

from django.db import transaction
from django.utils import timezone

from inkoop.models import Statuscontrole

logger = logging.getLogger(__name__)


def na_commit_inplannen(task, *args, on_sent=None, **kwargs) -> None:
    """Enqueue a task once the transaction commits.

    When the queue (Redis) is away, the job is logged and left for the caller's status row to
    show ("in de wachtrij"); a page never fails because the broker is down.
    """

    def versturen():
        try:
            resultaat = task.apply_async(args=args, kwargs=kwargs)
        except Exception as exc:  # kombu raises several kinds when the broker is away
            logger.warning("Taak %s niet ingepland: %s", task.name, exc)
            return
        if on_sent is not None:
            on_sent(resultaat.id or "")

    transaction.on_commit(versturen)


@transaction.atomic
def statuscontrole_starten() -> Statuscontrole:
    from inkoop.tasks import statuscontrole_beantwoorden

    controle = Statuscontrole.objects.create()
    na_commit_inplannen(
        statuscontrole_beantwoorden,
        controle.pk,
        on_sent=lambda task_id: Statuscontrole.objects.filter(pk=controle.pk).update(
            task_id=task_id
        ),
    )
    return controle


def statuscontrole_beantwoorden(*, statuscontrole_id: int) -> None:
    # Idempotent: a redelivered ping changes nothing once answered.
    Statuscontrole.objects.filter(pk=statuscontrole_id, beantwoord_op__isnull=True).update(
        beantwoord_op=timezone.now(), worker=socket.gethostname()
    )
