"""Enqueueing Celery tasks after commit, by task name.

Services name the task they start ("inkoop.pdf.export_maken") instead of importing the tasks
module: the task calls the service, so an import in both directions would be a cycle.
"""

import logging

from celery import current_app
from django.db import transaction

logger = logging.getLogger(__name__)


def na_commit_inplannen(taak: str, *args, on_sent=None, **kwargs) -> None:
    """Enqueue task `taak` once the transaction commits.

    When the queue (Redis) is away, the job is logged and left for the caller's status row to
    show ("in de wachtrij"); a page never fails because the broker is down.
    """

    def versturen():
        try:
            resultaat = current_app.tasks[taak].apply_async(args=args, kwargs=kwargs)
        except Exception as exc:  # kombu raises several kinds when the broker is away
            logger.warning("Taak %s niet ingepland: %s", taak, exc)
            return
        if on_sent is not None:
            on_sent(resultaat.id or "")

    transaction.on_commit(versturen)
