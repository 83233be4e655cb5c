"""Render a version, proposal, session, decision list or response report to a PDF file,
through the same code as the export task (selectors.export.bron + pdf.render_pdf)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inkoop.pdf import render as pdf
from inkoop.pdf import selectors as export_selectors
from inkoop.pdf.constants import ExportSoort


class Command(BaseCommand):
    help = "Maak een PDF van een documentversie, voorstel, sessie, besluitenlijst of reactienota."

    def add_arguments(self, parser):
        groep = parser.add_mutually_exclusive_group(required=True)
        groep.add_argument("--versie", type=int, help="id van een documentversie")
        groep.add_argument("--voorstel", type=int, help="id van een voorstel")
        groep.add_argument("--sessie", type=int, help="id van een sessie (verslag)")
        groep.add_argument("--besluitenlijst", type=int, metavar="GREMIUM_ID")
        groep.add_argument("--reactienota", type=int, metavar="TRAJECT_ID")
        parser.add_argument(
            "--redline-tegen", type=int, metavar="VERSIE_ID",
            help="met --versie: de wijzigingen ten opzichte van deze versie",
        )  # fmt: skip
        parser.add_argument("--redline", action="store_true", help="met --versie: redline")
        parser.add_argument("--variant", default=pdf.STANDAARD_VARIANT, choices=pdf.VARIANTEN)
        parser.add_argument("-o", "--output", required=True, help="uitvoerbestand (.pdf)")

    def handle(self, *args, **opts):
        parameters = {}
        if opts["versie"]:
            soort = ExportSoort.VERSIE
            object_id = opts["versie"]
            if opts["redline"] or opts["redline_tegen"]:
                soort = ExportSoort.REDLINE
                if opts["redline_tegen"]:
                    parameters["tegen"] = opts["redline_tegen"]
        elif opts["redline_tegen"] or opts["redline"]:
            raise CommandError("--redline en --redline-tegen horen bij --versie.")
        else:
            soort, object_id = next(
                (s, opts[k])
                for k, s in (
                    ("voorstel", ExportSoort.VOORSTEL),
                    ("sessie", ExportSoort.VERSLAG),
                    ("besluitenlijst", ExportSoort.BESLUITENLIJST),
                    ("reactienota", ExportSoort.REACTIENOTA),
                )
                if opts[k]
            )
        try:
            onderwerp = export_selectors.onderwerp_ophalen(soort, object_id)
            bron = export_selectors.bron(soort, onderwerp, parameters)
        except Exception as exc:
            raise CommandError(f"Niet gevonden: {exc}") from exc
        begin = time.monotonic()
        resultaat = pdf.render_pdf(
            bron.template, bron.context, variant=opts["variant"], metadata=bron.metadata
        )
        Path(opts["output"]).write_bytes(resultaat[1])
        self.stdout.write(
            f"{opts['output']}: {resultaat.paginas} pagina's in {time.monotonic() - begin:.2f} s"
        )
