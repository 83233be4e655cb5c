"""Enqueueing Celery tasks after commit, by task name, in the way the installation runs them.

Services name the task they start ("inkoop.pdf.export_maken") instead of importing the tasks
module: the task calls the service, so an import in both directions would be a cycle.

`settings.TAKEN_MODUS` says where a task runs:
- "celery": through the broker (Redis) to a worker process;
- "thread": the embedded default without Redis. One background thread in the web process runs
  the tasks one by one after the commit, so a request never waits for a PDF (issue 11, punt 18);
  the page shows the job's progress as it would with a worker;
- "sync": in the request itself, once committed (the tests: deterministic, no threads).
"""

import logging
import threading
import uuid
from concurrent.futures import Future, ThreadPoolExecutor, wait

from celery import current_app
from django.conf import settings
from django.db import connections, transaction

logger = logging.getLogger(__name__)

_uitvoerder: ThreadPoolExecutor | None = None
_lopend: set[Future] = set()
_slot = threading.Lock()


def _achtergrond() -> ThreadPoolExecutor:
    global _uitvoerder
    with _slot:
        if _uitvoerder is None:
            # One thread: PDF rendering is CPU-bound, and jobs run in the order they came.
            _uitvoerder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inkoop-taken")
        return _uitvoerder


def _in_thread_draaien(taak: str, task_id: str, args, kwargs) -> None:
    try:
        current_app.tasks[taak].apply(args=args, kwargs=kwargs, task_id=task_id, throw=True)
    except Exception:
        logger.exception("Taak %s (%s) in de achtergrondthread mislukt", taak, task_id)
    finally:
        connections.close_all()  # this thread's own connections


def achtergrond_wachten(timeout: float | None = None) -> bool:
    """Wait until the background thread has finished the tasks handed to it so far (tests,
    commands). True when all are done."""
    with _slot:
        lopend = set(_lopend)
    klaar, niet_klaar = wait(lopend, timeout=timeout)
    return not niet_klaar


def na_commit_inplannen(taak: str, *args, on_sent=None, **kwargs) -> None:
    """Run or enqueue task `taak` once the transaction commits.

    When the queue (Redis) is away, the job is logged and left for the caller's status row to
    show ("in de wachtrij") and for the sweep to plan again; a page never fails because the
    broker is down. `on_sent(task_id)` is called once the job is handed on.
    """

    def versturen():
        try:
            resultaat = current_app.tasks[taak].apply_async(args=args, kwargs=kwargs)
        except Exception as exc:  # kombu raises several kinds when the broker is away
            logger.warning("Taak %s niet ingepland: %s", taak, exc)
            return
        if on_sent is not None:
            on_sent(resultaat.id or "")

    def in_achtergrond():
        task_id = str(uuid.uuid4())
        if on_sent is not None:
            on_sent(task_id)
        toekomst = _achtergrond().submit(_in_thread_draaien, taak, task_id, args, kwargs)
        with _slot:
            _lopend.add(toekomst)
        toekomst.add_done_callback(_afgerond)

    modus = getattr(settings, "TAKEN_MODUS", "celery")
    transaction.on_commit(in_achtergrond if modus == "thread" else versturen)


def _afgerond(toekomst: Future) -> None:
    with _slot:
        _lopend.discard(toekomst)
