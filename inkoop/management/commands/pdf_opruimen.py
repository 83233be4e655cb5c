"""Plan stuck PDF jobs again: never sent (the queue was away), lost, or orphaned by a worker that
died. Every worker runs this when it starts (inkoop/celery.py), celery beat every minute; run it
by hand (or from cron, without beat) after an outage."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from inkoop.core.taken import achtergrond_wachten
from inkoop.pdf import services


class Command(BaseCommand):
    help = "Vastgelopen PDF-taken opnieuw inplannen (wachtrij was weg, worker gestorven)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker",
            default="",
            help="Naam van een worker die net start: wat die naam 'bezig' had, is verweesd.",
        )
        parser.add_argument(
            "--direct",
            action="store_true",
            help="Ook taken die zojuist zijn aangevraagd en nog onderweg kunnen zijn.",
        )

    def handle(self, *args, worker="", direct=False, **options):
        extra = {"grens": timedelta(0)} if direct else {}
        aantal = services.exports_herstellen(worker=worker, **extra)
        achtergrond_wachten()  # without Redis the jobs run in this process: let them finish
        self.stdout.write(f"{aantal} PDF-taak/taken opnieuw ingepland of afgesloten.")
