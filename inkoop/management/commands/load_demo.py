from django.core.management.base import BaseCommand

from inkoop.demo import demodata as demo
from inkoop.management.commands._ontwikkeling import alleen_in_ontwikkeling, force_argument


class Command(BaseCommand):
    help = (
        "Laadt de demogegevens en demogebruikers (idempotent: mag vaker draaien). Weigert als "
        "DEBUG uit staat, tenzij --force."
    )

    def add_arguments(self, parser):
        force_argument(parser)

    def handle(self, *args, **options):
        alleen_in_ontwikkeling(
            options, commando="load_demo", wachtwoord="uit de README",
            extra=", onder wie de superuser 'beheerder'",
        )  # fmt: skip
        resultaat = demo.demo_laden()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demogegevens geladen: {len(resultaat['regios'])} regio's, "
                f"{len(resultaat['gebruikers'])} gebruikers (wachtwoord: {demo.DEMO_WACHTWOORD})."
            )
        )
