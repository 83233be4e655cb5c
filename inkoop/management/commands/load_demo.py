from django.core.management.base import BaseCommand

from inkoop.demo import demodata as demo


class Command(BaseCommand):
    help = "Laadt de demogegevens en demogebruikers (idempotent: mag vaker draaien)."

    def handle(self, *args, **options):
        resultaat = demo.demo_laden()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demogegevens geladen: {len(resultaat['regios'])} regio's, "
                f"{len(resultaat['gebruikers'])} gebruikers (wachtwoord: {demo.DEMO_WACHTWOORD})."
            )
        )
