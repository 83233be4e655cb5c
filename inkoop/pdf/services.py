"""PDF export jobs: ask for one (cached by content hash), run one (the Celery task calls this).

The cache key is the sha256 of the template fingerprint (template sources, print stylesheet,
pipeline version), the variant and the rendered HTML: the same version with the same template
gives the same file without rendering again.
"""

import hashlib
import logging
import os
import time
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import OperationalError, transaction
from django.db.models import F, Q
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
HERSTEL_TAAK = "inkoop.pdf.exports_herstellen"
# An unsent job younger than this may still be on its way (the commit of its request): the
# sweep leaves it alone. Asking for the PDF again sends it at once.
WACHTRIJ_GRENS = timedelta(seconds=30)
# A job that brought its worker down this often (killed at the hard time limit, out of memory)
# is not planned again: it ends as "mislukt" (the task's own retries stay below this).
MAX_POGINGEN = 6

FOUT_ALGEMEEN = (
    "De PDF kon niet worden gemaakt. Probeer het opnieuw met ‘PDF maken’; lukt het dan nog niet, "
    "meld het bij functioneel beheer en vermeld exportnummer {pk}."
)
FOUT_ONDERWERP_WEG = (
    "Het document of onderwerp van deze PDF bestaat niet meer. Open het opnieuw en maak een "
    "nieuwe PDF."
)
FOUT_TE_GROOT_HTML = (
    "Deze PDF is te groot om te maken: de inhoud telt {tekens} tekens, en één PDF mag er "
    "hoogstens {max} bevatten. Maak de teksten korter of verdeel ze over meer documenten, en "
    "maak de PDF dan opnieuw."
)
FOUT_TE_VEEL_PAGINAS = (
    "Deze PDF is te groot om te maken: hij zou {paginas} pagina's tellen, en één PDF mag er "
    "hoogstens {max} hebben. Maak de teksten korter of verdeel ze over meer documenten, en maak "
    "de PDF dan opnieuw."
)
FOUT_TE_LANG = (
    "Het maken van deze PDF duurde langer dan {seconden} seconden en is afgebroken, zodat de PDF's "
    "van anderen niet hoeven te wachten. Maak de teksten korter of verdeel ze over meer "
    "documenten, of probeer het later opnieuw met ‘PDF maken’."
)
FOUT_TE_VAAK = (
    "De PDF kon na {pogingen} pogingen niet worden gemaakt: de verwerking stopte telkens "
    "voordat hij klaar was. Meld het bij functioneel beheer en vermeld exportnummer {pk}."
)


class TeGroot(Exception):
    """The job asks more than one PDF may render; the message says what and what to do."""


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


# The HTML that export_aanvragen rendered for the content hash waits here for the job, under
# that hash (so it is exactly the content asked for): the whole pipeline renders it once.
HTML_BEWAREN_S = 15 * 60


def _html_sleutel(inhoud_hash: str) -> str:
    return f"pdf-html:{inhoud_hash}"


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
    html, sleutel = _html_en_hash(bron, variant, formaat)
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
        # Asking again for a job that is stuck (never reached the queue, or lost its worker)
        # plans it again instead of returning the same stuck row.
        if bestaand.status != ExportStatus.KLAAR and _vastgelopen(bestaand, grens=timedelta(0)):
            opnieuw_inplannen(bestaand)
            bestaand.refresh_from_db()
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
    cache.set(_html_sleutel(sleutel), html, HTML_BEWAREN_S)
    inplannen(export)
    return export


def inplannen(export: Export) -> None:
    """Hand the job to the queue after commit; the row records when (and, once sent, the task
    id), so a job whose sending failed shows and is found by the sweep."""
    Export.objects.filter(pk=export.pk).update(ingepland=timezone.now())
    na_commit_inplannen(
        EXPORT_TAAK,
        export.pk,
        on_sent=lambda task_id: Export.objects.filter(
            pk=export.pk, status=ExportStatus.WACHTRIJ
        ).update(task_id=task_id),
    )


def _verweesd_na() -> timedelta:
    return timedelta(seconds=settings.TAAK_VERWEESD_NA_S)


def _vastgelopen_filter(*, nu, grens: timedelta, worker: str = "") -> Q:
    """Jobs that nothing will finish without help:
    - waiting, never sent (the queue was away when asked), older than `grens`;
    - waiting, sent longer ago than a job may run (the message was lost with the queue);
    - busy since longer than the time limit plus a margin (its worker died: a live one would
      have been stopped at the hard limit);
    - busy on `worker`, the name of a worker that just started: whatever that name held before
      died with the previous process.
    A job that another worker started within the time limit is left to the broker, which hands
    it back itself (acks_late) once its visibility timeout has passed."""
    oud = nu - _verweesd_na()
    filter_ = (
        Q(status=ExportStatus.WACHTRIJ, task_id="", ingepland__lte=nu - grens)
        | Q(status=ExportStatus.WACHTRIJ, task_id="", ingepland__isnull=True)
        | Q(status=ExportStatus.WACHTRIJ, ingepland__lte=oud)
        | Q(status=ExportStatus.BEZIG, gestart__lte=oud)
        | Q(status=ExportStatus.BEZIG, gestart__isnull=True)
    )
    if worker:
        filter_ |= Q(status=ExportStatus.BEZIG, worker=worker)
    return filter_


def _vastgelopen(export: Export, *, grens: timedelta) -> bool:
    filter_ = _vastgelopen_filter(nu=timezone.now(), grens=grens)
    return Export.objects.filter(filter_, pk=export.pk).exists()


def opnieuw_inplannen(export: Export) -> None:
    """Put a stuck job back in the queue, or end it when it has brought workers down too often."""
    if export.pogingen >= MAX_POGINGEN:
        export_mislukt(
            export_id=export.pk, melding=FOUT_TE_VAAK.format(pogingen=export.pogingen, pk=export.pk)
        )
        return
    bijgewerkt = Export.objects.filter(
        pk=export.pk, status__in=[ExportStatus.WACHTRIJ, ExportStatus.BEZIG]
    ).update(status=ExportStatus.WACHTRIJ, task_id="", worker="", voortgang=0)
    if bijgewerkt:
        logger.warning("PDF-export %s opnieuw ingepland (was %s)", export.pk, export.status)
        inplannen(export)


def exports_herstellen(*, worker: str = "", grens: timedelta = WACHTRIJ_GRENS) -> int:
    """The sweep: plan every stuck or orphaned job again (see `_vastgelopen_filter`). Runs when
    a worker starts (with its name), every minute (celery beat) and as `manage.py pdf_opruimen`.
    Returns how many jobs it planned again or ended."""
    vastgelopen = list(
        Export.objects.filter(_vastgelopen_filter(nu=timezone.now(), grens=grens, worker=worker))
    )
    for export in vastgelopen:
        with transaction.atomic():
            opnieuw_inplannen(export)
    return len(vastgelopen)


def versie_pdf_inplannen(versie, user=None) -> Export:
    """Called when a version is frozen: its PDF is usually ready before anyone asks."""
    return export_aanvragen(onderwerp=versie, soort=ExportSoort.VERSIE, user=user)


def _bijwerken(export_id, **velden):
    Export.objects.filter(pk=export_id).update(**velden)


def _claimen(export_id: int, *, task_id: str, worker: str) -> bool:
    """Mark the job busy for this run, unless another run holds it. A run may take a job that is
    waiting, one that its own message already held (the broker redelivered it after its worker
    died, or a retry), and one orphaned past the time limit."""
    nu = timezone.now()
    vrij = Q(status=ExportStatus.WACHTRIJ) | Q(
        status=ExportStatus.BEZIG, gestart__lte=nu - _verweesd_na()
    )
    if task_id:
        vrij |= Q(status=ExportStatus.BEZIG, task_id=task_id)
    return bool(
        Export.objects.filter(vrij, pk=export_id).update(
            status=ExportStatus.BEZIG,
            gestart=nu,
            voortgang=5,
            pogingen=F("pogingen") + 1,
            fout="",
            task_id=task_id or F("task_id"),
            worker=worker,
        )
    )


def _grenzen_bewaken(html: str) -> None:
    if len(html) > settings.PDF_MAX_HTML_TEKENS:
        raise TeGroot(
            FOUT_TE_GROOT_HTML.format(
                tekens=f"{len(html):,}".replace(",", "."),
                max=f"{settings.PDF_MAX_HTML_TEKENS:,}".replace(",", "."),
            )
        )


def export_uitvoeren(
    *, export_id: int, renderen=None, task_id: str = "", worker: str = ""
) -> Export | None:
    """Run one job: idempotent (a finished job, or one another run holds, returns at once),
    progress on the row, bounded in what it may render.

    Transient errors (OSError, database OperationalError) propagate so the task retries;
    anything else marks the job failed with a Dutch message saying what to do.
    """
    export = Export.objects.filter(pk=export_id).first()
    if export is None or export.status == ExportStatus.KLAAR:
        return export
    if export.pogingen >= MAX_POGINGEN and export.status != ExportStatus.MISLUKT:
        export_mislukt(
            export_id=export_id, melding=FOUT_TE_VAAK.format(pogingen=export.pogingen, pk=export_id)
        )
        return Export.objects.get(pk=export_id)
    if not _claimen(export_id, task_id=task_id, worker=worker):
        return Export.objects.get(pk=export_id)
    renderen = renderen or renderer(export.formaat)
    begin = time.monotonic()
    onderwerp = export.onderwerp
    if onderwerp is None:
        _bijwerken(export_id, status=ExportStatus.MISLUKT, fout=FOUT_ONDERWERP_WEG)
        return Export.objects.get(pk=export_id)
    try:
        bron = export_selectors.bron(export.soort, onderwerp, export.parameters)
        html, sleutel = cache.get(_html_sleutel(export.inhoud_hash)), export.inhoud_hash
        if html is None:  # asked for long ago, or planned again by the sweep: render it here
            html, sleutel = _html_en_hash(bron, export.variant, export.formaat)
        _grenzen_bewaken(html)
        _bijwerken(export_id, voortgang=10)
        vertraging = export.parameters.get("testvertraging_s")
        if vertraging and os.environ.get(TESTVERTRAGING_ENV) == "1":
            time.sleep(float(vertraging))
        # The HTML of the content hash is the HTML of the file: rendered once per job.
        resultaat = renderen(bron.template, bron.context, variant=export.variant,
                             metadata=bron.metadata, html=html,
                             max_paginas=settings.PDF_MAX_PAGINAS)  # fmt: skip
        _, pdf_bytes = resultaat
        _bijwerken(export_id, voortgang=90)
        export.refresh_from_db()
        naam = export.bestandsnaam or bestandsnaam(bron, formaat=export.formaat)
        export.bestand.save(naam, ContentFile(pdf_bytes), save=False)
        export.bestand_sha256 = hashlib.sha256(pdf_bytes).hexdigest()
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
    except (OSError, OperationalError):
        raise
    except TeGroot as exc:
        logger.warning("PDF-export %s geweigerd: %s", export_id, exc)
        export_mislukt(export_id=export_id, melding=str(exc))
    except pdf.TeVeelPaginas as exc:
        logger.warning("PDF-export %s geweigerd: %s pagina's", export_id, exc.paginas)
        export_mislukt(
            export_id=export_id,
            melding=FOUT_TE_VEEL_PAGINAS.format(paginas=exc.paginas, max=exc.max),
        )
    except SoftTimeLimitExceeded:
        logger.warning("PDF-export %s afgebroken: tijdslimiet", export_id)
        export_te_lang(export_id=export_id)
    except Exception:
        logger.exception("PDF-export %s mislukt", export_id)
        export_mislukt(export_id=export_id)
    return Export.objects.get(pk=export_id)


def export_te_lang(*, export_id: int) -> None:
    export_mislukt(
        export_id=export_id,
        melding=FOUT_TE_LANG.format(seconden=settings.CELERY_TASK_SOFT_TIME_LIMIT),
    )


def export_mislukt(*, export_id: int, melding: str | None = None) -> None:
    _bijwerken(
        export_id,
        status=ExportStatus.MISLUKT,
        fout=melding or FOUT_ALGEMEEN.format(pk=export_id),
        gereed=timezone.now(),
    )


def pdf_klaar(*, onderwerp, soort, parameters=None) -> Export:
    """The finished PDF of this content for a reader or a visitor who may only download: the
    ready export when there is one, else it is made now, in this request (at most once per
    content: the next request finds it ready). Returns the row, "klaar" or "mislukt"."""
    export = export_aanvragen(onderwerp=onderwerp, soort=soort, parameters=parameters)
    if export.status != ExportStatus.KLAAR:
        export = export_uitvoeren(export_id=export.pk, worker="webproces") or export
    return export
