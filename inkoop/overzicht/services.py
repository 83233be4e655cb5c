"""The status check: a ping through the queue that a worker answers."""

import socket

from django.db import transaction
from django.utils import timezone

from inkoop.core.taken import na_commit_inplannen

from .models import Statuscontrole

STATUSCONTROLE_TAAK = "inkoop.overzicht.statuscontrole_beantwoorden"


@transaction.atomic
def statuscontrole_starten() -> Statuscontrole:
    controle = Statuscontrole.objects.create()
    na_commit_inplannen(
        STATUSCONTROLE_TAAK,
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
