"""PDF benchmark: a document the size of seed 002 through the app's pipeline vs bare WeasyPrint.

Run: .venv/bin/python tests/benchmarks/bench_pdf.py   (make bench-pdf)
Builds the document in a temporary SQLite database, then measures in one process:
- app_s:    export_aanvragen → task (eager) → selectors, HTML, content hash, WeasyPrint, file
- bare_s:   the same HTML rendered by bare WeasyPrint (same PDF/A-3b + tags options)
- cached_s: a second export of the same version (cache hit on the content hash)
Last line: pages=N app_s=X bare_s=Y ratio=Z cached_s=W
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.tijdelijke_app import opzetten  # noqa: E402

# Tasks in-process and in the request: the pipeline is measured, not a queue or a thread.
opzetten("bench-pdf-", TAKEN_MODUS="sync")

from decimal import Decimal  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

ALINEA = (
    "De regiogemeenten kopen de ondersteuning gezamenlijk in. In de afgelopen periode is "
    "gebleken dat het aantal aanbieders groot is en dat de samenwerking met aanbieders beter "
    "kan. Daarom kiezen we voor minder aanbieders en meer partnerschap, met langjarige "
    "contracten en aandacht voor de toegang, de bekostiging en het contractmanagement."
)


def document_bouwen():
    from inkoop.trajecten.constants import MijlpaalStatus
    from tests.factories import (
        DocumentFactory,
        KengetalFactory,
        MijlpaalFactory,
        RegioFactory,
        SectieFactory,
        TrajectFactory,
        TrajectVoorzieningFactory,
        UitgangspuntFactory,
    )
    from uitgangspunten.constants import SectieSoort, UitgangspuntSoort
    from voorzieningen.constants import KengetalSoort

    regio = RegioFactory(naam="Regio Gooi en Vechtstreek", slug="bench")
    traject = TrajectFactory(regio=regio, naam="Inkoop 2021 e.v.")
    document = DocumentFactory(
        traject=traject, titel="Uitgangspuntennotitie inkoop sociaal domein 2021 e.v.",
        aan="Portefeuillehoudersoverleg Sociaal Domein", van="Directieoverleg Sociaal Domein",
        betreft="Evaluatie en uitgangspunten inkoop 2021 e.v.", kenmerk="20.0001234",
        zaaknummer="Z-2020-0815",
    )  # fmt: skip
    for i in range(12):
        tekst = "\n\n".join(
            f"{ALINEA} Zie ook de toelichting.[^{j}]" for j in range(1, 5)
        ) + "\n\n" + "\n".join(f"[^{j}]: Voetnoot {j} bij hoofdstuk {i + 1}: bron en toelichting."
                              for j in range(1, 5))  # fmt: skip
        SectieFactory(document=document, volgorde=i, titel=f"Evaluatie onderdeel {i + 1}",
                      tekst=tekst)  # fmt: skip
    SectieFactory(document=document, volgorde=20, soort=SectieSoort.ALGEMENE_UITGANGSPUNTEN,
                  titel="Algemene uitgangspunten", tekst=ALINEA)  # fmt: skip
    for i, soort in enumerate(list(UitgangspuntSoort.values)[:-1] * 5):
        UitgangspuntFactory(traject=traject, soort=soort, titel=f"Algemeen uitgangspunt {i + 1}",
                            uitleg=ALINEA)  # fmt: skip
    SectieFactory(document=document, volgorde=30, soort=SectieSoort.VOORZIENINGENTABEL,
                  titel="Uitgangspunten per voorziening", tekst="")  # fmt: skip
    items = []
    for i in range(30):
        item = TrajectVoorzieningFactory(
            traject=traject, voorziening__naam=f"Voorziening {i + 1}",
            ontwikkelingen=ALINEA + f" Zie de toelichting.[^1]\n\n[^1]: Bron voorziening {i + 1}.",
        )  # fmt: skip
        items.append(item)
        for j in range(2):
            UitgangspuntFactory(traject=traject, soort=UitgangspuntSoort.VOORZIENING,
                                voorziening=item.voorziening,
                                titel=f"Uitgangspunt {j + 1} voor voorziening {i + 1}",
                                uitleg="Inhoud ongewijzigd; tarieven opnieuw bezien.")  # fmt: skip
    kengetallen = SectieFactory(document=document, volgorde=40, soort=SectieSoort.KENGETALLEN,
                                titel="Kengetallen", tekst="")  # fmt: skip
    for item in items[:8]:
        kengetallen.voorzieningen.add(item.voorziening)
        for jaar in range(2016, 2020):
            KengetalFactory(voorziening=item.voorziening, jaar=jaar, soort=KengetalSoort.UITGAVEN,
                            waarde=Decimal(1_000_000 + jaar * 37))  # fmt: skip
    SectieFactory(document=document, volgorde=50, soort=SectieSoort.PLANNING, titel="Planning",
                  tekst="")  # fmt: skip
    for i in range(14):
        periode = f"Q{i % 4 + 1} {2020 + i // 4}"
        MijlpaalFactory(traject=traject, volgorde=i, omschrijving=f"Mijlpaal {i + 1}",
                        periode=periode, status=MijlpaalStatus.GEPLAND)  # fmt: skip
    SectieFactory(document=document, volgorde=60, titel="Overzicht aanbieders", is_bijlage=True,
                  tekst="\n".join(f"- Aanbieder {i}" for i in range(60)))  # fmt: skip
    from tests.factories.export import versie_vastleggen

    return versie_vastleggen(document)


def bare_render(html):
    """Bare WeasyPrint: the same HTML with file URLs, the same options."""
    import weasyprint

    static = (ROOT / "static").as_uri() + "/"
    html = html.replace('href="/static/', f'href="{static}')
    return weasyprint.HTML(string=html, base_url=static).write_pdf(
        pdf_variant="pdf/a-3b", pdf_tags=True
    )


def main():
    call_command("migrate", verbosity=0)
    from inkoop.pdf import render as pdf
    from inkoop.pdf.constants import ExportSoort
    from inkoop.pdf.models import Export
    from inkoop.pdf.selectors import bron as export_bron
    from inkoop.pdf.services import export_aanvragen

    versie = document_bouwen()
    # Warm-up: imports and font loading, paid once per worker process.
    bron = export_bron(ExportSoort.VERSIE, versie)
    html = pdf.render_html(bron.template, {"metadata": bron.metadata, **bron.context})
    bare_render("<html lang='nl'><body><p>warm</p></body></html>")
    pdf.render_pdf("pdf/besluitenlijst.html", {"gremium": {"naam": "x"}, "besluiten": []})

    app_tijden, bare_tijden = [], []
    for ronde in range(2):
        begin = time.perf_counter()
        bare_render(html)
        bare_tijden.append(time.perf_counter() - begin)
        Export.objects.all().delete()
        begin = time.perf_counter()
        export = export_aanvragen(onderwerp=versie, soort=ExportSoort.VERSIE)
        app_tijden.append(time.perf_counter() - begin)
        export.refresh_from_db()
        assert export.status == "klaar", export.fout
        print(f"ronde {ronde + 1}: app {app_tijden[-1]:.2f} s, bare {bare_tijden[-1]:.2f} s")

    begin = time.perf_counter()
    nogmaals = export_aanvragen(onderwerp=versie, soort=ExportSoort.VERSIE)
    cached = time.perf_counter() - begin
    assert nogmaals.pk == export.pk, "tweede export rendert opnieuw"
    connection.close()
    app, bare = min(app_tijden), min(bare_tijden)
    print(f"pages={export.paginas} app_s={app:.2f} bare_s={bare:.2f} ratio={app / bare:.2f} "
          f"cached_s={cached:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
