"""The Celery app: reads the CELERY_* settings and finds tasks.py in every app and package."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inkoop.settings")

app = Celery("inkoop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["inkoop.pdf", "inkoop.overzicht", "inkoop.uitwisseling"])
