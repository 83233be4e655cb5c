"""PDF export jobs: ask for one (cached by content hash), run one (the Celery task calls this).

The cache key is the sha256 of the template fingerprint (template sources, print stylesheet,
pipeline version), the variant and the rendered HTML: the same version with the same template
gives the same file without rendering again.
"""

import hashlib
import logging
import os
import time

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from inkoop.core.taken import na_commit_inplannen
from inkoop.pdf import docx as word
from inkoop.pdf import render as pdf
from inkoop.pdf import selectors as export_selectors
from inkoop.pdf.constants import ExportFormaat, ExportSoort, ExportStatus
from inkoop.pdf.models import Export

logger = logging.getLogger(__name__)

EXPORT_TAAK = "inkoop.pdf.export_maken"

FOUT_ALGEMEEN = (
    "De PDF kon niet worden gemaakt. Probeer het opnieuw met ‘PDF maken’; lukt het dan nog niet, "
    "meld het bij functioneel beheer en vermeld exportnummer {pk}."
)
FOUT_ONDERWERP_WEG = (
    "Het document of onderwerp van deze PDF bestaat niet meer. Open het opnieuw en maak een "
    "nieuwe PDF."
)
# Makes a job slow on purpose, for the worker-kill test; only honoured when the worker's
# environment allows it, never in production.
TESTVERTRAGING_ENV = "INKOOP_PDF_TESTVERTRAGING"


def inhoud_hash(template: str, variant: str, html: str) -> str:
    h = hashlib.sha256()
    for deel in (pdf.sjabloon_kenmerk(template), variant, html):
        h.update(deel.encode())
        h.update(b"\0")
    return h.hexdigest()


def _html_en_hash(bron, variant, formaat=ExportFormaat.PDF):
    html = pdf.render_html(bron.template, {"metadata": bron.metadata, **bron.context})
    # A Word file of the same HTML is another file: the format is part of the key.
    sleutel_variant = variant if formaat == ExportFormaat.PDF else f"{formaat}:{word.VERSIE}"
    return html, inhoud_hash(bron.template, sleutel_variant, html)


def renderer(formaat: str):
    """How a format is made from the same template and context: (html, bytes), see render.py.
    Looked up at call time, so a test can stand in for either."""
    return word.render_docx if formaat == ExportFormaat.DOCX else pdf.render_pdf


def bestandsnaam(bron, datum=None, formaat=ExportFormaat.PDF) -> str:
    datum = datum or timezone.localdate()
    delen = [f"{datum:%Y-%m-%d}", slugify(bron.titel)[:120] or "document"]
    if bron.versie:
        delen.append(slugify(bron.versie))
    return "-".join(delen) + f".{formaat}"


@transaction.atomic
def export_aanvragen(
    *, onderwerp, soort, user=None, parameters=None, variant=None, formaat=ExportFormaat.PDF
) -> Export:
    """A finished or pending export of this content if one exists, else a new queued job.

    The job is enqueued after commit; when the queue is down the row stays "in de wachtrij"
    and the widget says so.
    """
    soort = ExportSoort(soort)
    formaat = ExportFormaat(formaat)
    parameters = dict(parameters or {})
    variant = variant or pdf.STANDAARD_VARIANT
    if variant not in pdf.VARIANTEN:
        raise ValueError(f"Onbekende PDF-variant: {variant}")
    bron = export_selectors.bron(soort, onderwerp, parameters)
    if soort == ExportSoort.REDLINE and bron.extra.get("tegen"):
        parameters.setdefault("tegen", bron.extra["tegen"])
    _, sleutel = _html_en_hash(bron, variant, formaat)
    ct = ContentType.objects.get_for_model(type(onderwerp))
    bestaand = (
        Export.objects.filter(
            content_type=ct,
            object_id=onderwerp.pk,
            soort=soort,
            formaat=formaat,
            inhoud_hash=sleutel,
            status__in=[ExportStatus.KLAAR, ExportStatus.WACHTRIJ, ExportStatus.BEZIG],
        )
        .order_by("-aangemaakt")
        .first()
    )
    if bestaand is not None and (bestaand.status != ExportStatus.KLAAR or bestaand.bestand):
        return bestaand
    export = Export.objects.create(
        soort=soort,
        formaat=formaat,
        content_type=ct,
        object_id=onderwerp.pk,
        variant=variant,
        parameters=parameters,
        inhoud_hash=sleutel,
        aangevraagd_door=user,
        bestandsnaam=bestandsnaam(bron, formaat=formaat),
    )
    inplannen(export)
    return export


def inplannen(export: Export) -> None:
    na_commit_inplannen(
        EXPORT_TAAK,
        export.pk,
        on_sent=lambda task_id: Export.objects.filter(pk=export.pk).update(task_id=task_id),
    )


def versie_pdf_inplannen(versie, user=None) -> Export:
    """Called when a version is frozen: its PDF is usually ready before anyone asks."""
    return export_aanvragen(onderwerp=versie, soort=ExportSoort.VERSIE, user=user)


def _bijwerken(export_id, **velden):
    Export.objects.filter(pk=export_id).update(**velden)


def export_uitvoeren(*, export_id: int, renderen=None) -> Export | None:
    """Run one job: idempotent (a finished job returns at once), progress on the row.

    Transient errors (OSError, database OperationalError) propagate so the task retries;
    anything else marks the job failed with a Dutch message saying what to do.
    """
    export = Export.objects.filter(pk=export_id).first()
    if export is None or export.status == ExportStatus.KLAAR:
        return export
    renderen = renderen or renderer(export.formaat)
    begin = time.monotonic()
    _bijwerken(
        export_id,
        status=ExportStatus.BEZIG,
        gestart=timezone.now(),
        voortgang=5,
        pogingen=export.pogingen + 1,
        fout="",
    )
    onderwerp = export.onderwerp
    if onderwerp is None:
        _bijwerken(export_id, status=ExportStatus.MISLUKT, fout=FOUT_ONDERWERP_WEG)
        return Export.objects.get(pk=export_id)
    try:
        bron = export_selectors.bron(export.soort, onderwerp, export.parameters)
        html, sleutel = _html_en_hash(bron, export.variant, export.formaat)
        _bijwerken(export_id, voortgang=10)
        vertraging = export.parameters.get("testvertraging_s")
        if vertraging and os.environ.get(TESTVERTRAGING_ENV) == "1":
            time.sleep(float(vertraging))
        resultaat = renderen(bron.template, bron.context, variant=export.variant,
                             metadata=bron.metadata)  # fmt: skip
        _, pdf_bytes = resultaat
        _bijwerken(export_id, voortgang=90)
        export.refresh_from_db()
        naam = export.bestandsnaam or bestandsnaam(bron, formaat=export.formaat)
        export.bestand.save(naam, ContentFile(pdf_bytes), save=False)
        export.inhoud_hash = sleutel
        export.bestandsnaam = naam
        export.paginas = getattr(resultaat, "paginas", None)
        export.duur = round(time.monotonic() - begin, 3)
        export.status = ExportStatus.KLAAR
        export.voortgang = 100
        export.gereed = timezone.now()
        export.fout = ""
        export.save()
        return export
    except OSError:
        raise
    except Exception as exc:
        from django.db import OperationalError

        if isinstance(exc, OperationalError):
            raise
        logger.exception("PDF-export %s mislukt", export_id)
        export_mislukt(export_id=export_id)
        return Export.objects.get(pk=export_id)


def export_mislukt(*, export_id: int, melding: str | None = None) -> None:
    _bijwerken(
        export_id,
        status=ExportStatus.MISLUKT,
        fout=melding or FOUT_ALGEMEEN.format(pk=export_id),
        gereed=timezone.now(),
    )
