"""The Celery app: reads the CELERY_* settings and finds tasks.py in every app and package.

When a worker is ready it sweeps the PDF jobs (`manage.py pdf_opruimen --worker NAME`): jobs that
never reached the queue, and jobs its own name held before it restarted, are planned again at
once instead of waiting for the broker's visibility timeout. Jobs another worker started within
the time limit are left to the broker, which redelivers them itself (acks_late).
"""

import logging
import os

from celery import Celery
from celery.signals import worker_ready
from django.core.management import call_command

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inkoop.settings")

logger = logging.getLogger(__name__)

app = Celery("inkoop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["inkoop.pdf", "inkoop.overzicht", "inkoop.uitwisseling"])


@worker_ready.connect
def _bij_start_opruimen(sender=None, **kwargs):
    naam = getattr(sender, "hostname", "") or ""
    try:
        call_command("pdf_opruimen", worker=naam, verbosity=0)
    except Exception:  # a worker must start even when the database is not there yet
        logger.warning("PDF-taken opruimen bij de start van %s mislukt", naam, exc_info=True)
