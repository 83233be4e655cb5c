import json
import sys

from django.core.management.base import BaseCommand, CommandError

from inkoop.uitwisseling.regio import regio_exporteren
from regions.models import Regio


class Command(BaseCommand):
    help = "Schrijft alle gegevens van één regio als JSON (naar een bestand of standaarduitvoer)."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="korte naam van de regio")
        parser.add_argument("-o", "--uitvoer", help="bestand (standaard: standaarduitvoer)")

    def handle(self, *args, slug, uitvoer=None, **opties):
        try:
            regio = Regio.objects.get(slug=slug)
        except Regio.DoesNotExist as exc:
            raise CommandError(f"Geen regio met korte naam '{slug}'.") from exc
        data = regio_exporteren(regio)
        tekst = json.dumps(data, ensure_ascii=False, indent=1)
        if uitvoer:
            with open(uitvoer, "w", encoding="utf-8") as bestand:
                bestand.write(tekst)
            rijen = sum(len(r) for r in data["modellen"].values())
            self.stderr.write(f"Regio {regio.naam}: {rijen} rijen geschreven naar {uitvoer}.")
        else:
            sys.stdout.write(tekst + "\n")
