from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkoop.pdf.constants import ExportFormaat, ExportSoort, ExportStatus


class Export(models.Model):
    """A PDF export job and its file. Status lives here, not only in Celery's result backend."""

    soort = models.CharField(_("soort"), max_length=20, choices=ExportSoort.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    onderwerp = GenericForeignKey("content_type", "object_id")
    formaat = models.CharField(
        _("formaat"), max_length=10, choices=ExportFormaat.choices, default=ExportFormaat.PDF
    )
    variant = models.CharField(_("variant"), max_length=20, default="pdf/a-3b")
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    inhoud_hash = models.CharField(_("inhoudshash"), max_length=64, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ExportStatus.choices, default=ExportStatus.WACHTRIJ
    )
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    task_id = models.CharField(_("taak-id"), max_length=50, blank=True)
    # When the job was last handed to the queue (also when that failed: then task_id is empty),
    # and which worker runs it: the sweep tells stuck and orphaned jobs by these.
    ingepland = models.DateTimeField(_("ingepland"), null=True, blank=True)
    worker = models.CharField(_("worker"), max_length=200, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)
    bestand = models.FileField(_("bestand"), upload_to="pdf/%Y/%m/", blank=True)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    # The sha256 of the file as the export task wrote it: the download refuses a file that no
    # longer matches (a file replaced on disk or in storage is never served under this name).
    bestand_sha256 = models.CharField(
        _("sha256 van het bestand"), max_length=64, blank=True, editable=False
    )
    paginas = models.PositiveIntegerField(_("pagina's"), null=True, blank=True)
    duur = models.FloatField(_("rendertijd (s)"), null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exports",
        verbose_name=_("aangevraagd door"),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gestart = models.DateTimeField(_("gestart"), null=True, blank=True)
    gereed = models.DateTimeField(_("gereed"), null=True, blank=True)

    class Meta:
        verbose_name = _("PDF-export")
        verbose_name_plural = _("PDF-exports")
        ordering = ["-aangemaakt"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "soort"]),
            models.Index(fields=["status", "ingepland"], name="export_status_ingepland"),
        ]

    def __str__(self):
        return self.bestandsnaam or f"{self.get_soort_display()} #{self.pk}"


class Bijlage(models.Model):
    """An uploaded file attached to a document, a session or a proposal: listed in its PDF and
    embedded in it (PDF/A-3 associated file). Served only through a permission-checked view."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    onderwerp = GenericForeignKey("content_type", "object_id")
    bestand = models.FileField(_("bestand"), upload_to="bijlagen/%Y/%m/")
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)
    mime = models.CharField(_("soort bestand"), max_length=100)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(_("sha256"), max_length=64)
    geplaatst_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("geplaatst door"),
    )
    geplaatst = models.DateTimeField(_("geplaatst"), auto_now_add=True)
    # Taken off the draft while a frozen version still carries it: the row and the file stay
    # (that version prints it), later versions no longer get it.
    uit_concept = models.DateTimeField(_("uit het concept gehaald"), null=True, blank=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["content_type", "object_id", "geplaatst", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.naam


class VersieBijlage(models.Model):
    """An attachment a frozen document version carries, fixed when the version was frozen
    (`inkoop.pdf.bijlagen.versie_bijlagen_vastleggen`): that version's PDF lists and embeds
    exactly these, whatever the draft gets later. PROTECT: such an attachment stays."""

    versie = models.ForeignKey(
        "uitgangspunten.Versie",
        on_delete=models.CASCADE,
        related_name="versiebijlagen",
        verbose_name=_("versie"),
    )
    bijlage = models.ForeignKey(
        Bijlage, on_delete=models.PROTECT, related_name="versies", verbose_name=_("bijlage")
    )

    class Meta:
        verbose_name = _("bijlage van een versie")
        verbose_name_plural = _("bijlagen van versies")
        ordering = ["versie", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["versie", "bijlage"], name="versiebijlage_uniek")
        ]

    def __str__(self):
        return f"{self.versie}: {self.bijlage}"
