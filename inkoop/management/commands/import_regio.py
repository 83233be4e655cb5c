import json

from django.core.management.base import BaseCommand, CommandError

from inkoop.uitwisseling.regio import ImportFout, regio_importeren


class Command(BaseCommand):
    help = (
        "Leest een regio-export (export_regio) in: in een lege database, of naast het origineel "
        "onder een nieuwe korte naam (--slug)."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="JSON-bestand van export_regio")
        parser.add_argument("--slug", help="nieuwe korte naam voor de regio")
        parser.add_argument("--naam", help="nieuwe naam voor de regio")

    def handle(self, *args, bestand, slug=None, naam=None, **opties):
        try:
            with open(bestand, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as exc:
            raise CommandError(f"Kan {bestand} niet lezen: {exc}") from exc
        try:
            resultaat = regio_importeren(data, slug=slug, naam=naam)
        except ImportFout as exc:
            raise CommandError(str(exc)) from exc
        rijen = sum(len(m) for m in resultaat.mapping.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Regio {resultaat.regio.naam} ({resultaat.regio.slug}) ingelezen: {rijen} rijen."
            )
        )
