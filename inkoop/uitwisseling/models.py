from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import LeesSoort, LeesStatus


class Leesopdracht(models.Model):
    """A large .docx read in the worker (services.leesopdracht_uitvoeren): the status lives
    here, and the proposal once it is read; the review and the save then go as for a small one."""

    soort = models.CharField(_("soort"), max_length=20, choices=LeesSoort.choices)
    # The round (document) or session (minutes) the import is for.
    object_id = models.PositiveBigIntegerField(_("traject of sessie"))
    bestand = models.FileField(_("bestand"), upload_to="word-import/%Y/%m/", blank=True)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=LeesStatus.choices, default=LeesStatus.WACHTRIJ
    )
    voorstel = models.JSONField(_("voorstel"), null=True, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)
    duur = models.FloatField(_("leestijd (s)"), null=True, blank=True)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("aangevraagd door"),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("leesopdracht Word-import")
        verbose_name_plural = _("leesopdrachten Word-import")
        ordering = ["-aangemaakt"]

    def __str__(self):
        return f"{self.bestandsnaam} ({self.get_status_display()})"
