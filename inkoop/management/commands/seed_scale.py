from django.core.management.base import BaseCommand, CommandError

from inkoop.demo.schaal import WACHTWOORD, Omvang, SchaalBestaatAl, schaal_opbouwen
from inkoop.management.commands._ontwikkeling import alleen_in_ontwikkeling, force_argument


class Command(BaseCommand):
    help = (
        "Bouwt synthetische gegevens op landelijke schaal (standaard: 42 regio's, 342 "
        "gemeenten, 100.000 uitgangspunten met historie, 3000 sessies, 5000 besluiten). "
        "Weigert een tweede keer, en als DEBUG uit staat (tenzij --force)."
    )

    def add_arguments(self, parser):
        force_argument(parser)
        standaard = Omvang()
        for naam, hulp in (
            ("regios", "aantal regio's"),
            ("gemeenten", "aantal gemeenten"),
            ("uitgangspunten", "aantal uitgangspunten"),
            ("sessies", "aantal sessies"),
            ("besluiten", "aantal besluiten"),
            ("trajecten_per_regio", "trajecten per regio"),
            ("voorzieningen_per_regio", "voorzieningen per regio"),
        ):
            parser.add_argument(
                f"--{naam.replace('_', '-')}",
                dest=naam,
                type=int,
                default=getattr(standaard, naam),
                help=f"{hulp} (standaard {getattr(standaard, naam)})",
            )

    def handle(self, *args, **opties):
        alleen_in_ontwikkeling(opties, commando="seed_scale", wachtwoord=f"'{WACHTWOORD}'")
        velden = Omvang.__dataclass_fields__
        try:
            omvang = Omvang(**{k: opties[k] for k in velden})
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        melden = self.stdout.write if opties["verbosity"] >= 2 else (lambda tekst: None)
        try:
            aantallen = schaal_opbouwen(omvang, melden=melden)
        except SchaalBestaatAl as exc:
            raise CommandError(str(exc)) from exc
        if opties["verbosity"] >= 1:
            samenvatting = ", ".join(f"{k}: {v}" for k, v in aantallen.items())
            self.stdout.write(self.style.SUCCESS(f"Schaalgegevens gemaakt. {samenvatting}"))
