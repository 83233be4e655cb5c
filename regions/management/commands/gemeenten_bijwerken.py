"""Bring the municipalities in line with CBS's "Gemeentelijke indeling op 1 januari JJJJ".

    python manage.py gemeenten_bijwerken                       # the list the app ships (2026)
    python manage.py gemeenten_bijwerken indeling-2027.csv --peildatum 2027-01-01 \
        --fusie GM0501=GM1992 --fusie GM0530=GM1992

The last line of the output is `nieuw=N hernoemd=N opgeheven=N lidmaatschappen_beeindigd=N
lidmaatschappen_begonnen=N`.
"""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inkoop.core.fouten import DomeinFout
from regions import services
from regions.indeling import MEEGELEVERD, indeling_lezen


def _fusie(waarde: str) -> tuple[str, str]:
    oud, _, nieuw = waarde.partition("=")
    if not oud or not nieuw:
        raise CommandError(f"Geef een fusie als OUDECODE=NIEUWECODE, niet {waarde!r}.")
    return oud.strip().upper(), nieuw.strip().upper()


class Command(BaseCommand):
    help = "Werk de gemeenten bij uit de gemeentelijke indeling van het CBS (CSV)."

    def add_arguments(self, parser):
        parser.add_argument("bestand", nargs="?", default=str(MEEGELEVERD))
        parser.add_argument(
            "--peildatum",
            type=dt.date.fromisoformat,
            help="Datum waarop de indeling geldt (standaard 1 januari van het jaar in de "
            "bestandsnaam, anders vandaag).",
        )
        parser.add_argument("--fusie", action="append", default=[], type=_fusie)

    def handle(self, *args, bestand, peildatum, fusie, **options):
        pad = Path(bestand)
        if not pad.is_file():
            raise CommandError(f"Bestand niet gevonden: {pad}")
        if peildatum is None:
            jaren = [int(d) for d in pad.stem.replace("_", "-").split("-") if d.isdigit()]
            jaar = next((j for j in jaren if 1800 < j < 2200), None)
            peildatum = dt.date(jaar, 1, 1) if jaar else dt.date.today()
        try:
            resultaat = services.gemeentelijke_indeling_verwerken(
                rijen=indeling_lezen(pad.read_bytes()), peildatum=peildatum, fusies=dict(fusie)
            )
        except DomeinFout as fout:
            raise CommandError(str(fout)) from fout
        for lid in resultaat.beeindigd:
            self.stdout.write(f"{lid.regio}: {lid.gemeente} {lid.toelichting.lower()}")
        self.stdout.write(resultaat.samenvatting())
