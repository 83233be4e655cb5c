from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions.constants import Rol


class ApiToken(models.Model):
    """A key an administrator gives one application (a consultation tool), for some regions.

    Only the SHA-256 of the key is stored; the key itself is shown once, when issued. The
    application acts as its own account (`gebruiker`, without password) with the role `rol` in
    the regions `regios`, and nowhere else: the permission module applies as for a person."""

    naam = models.CharField(_("naam van de toepassing"), max_length=120)
    prefix = models.CharField(_("begin van de sleutel"), max_length=12, editable=False)
    sleutel_hash = models.CharField(
        _("hash van de sleutel"), max_length=64, unique=True, editable=False
    )
    regios = models.ManyToManyField("regions.Regio", related_name="+", verbose_name=_("regio's"))
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices, default=Rol.LEZER)
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="api_token",
        verbose_name=_("account van de toepassing"),
        editable=False,
    )
    uitgegeven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uitgegeven door"),
        editable=False,
    )
    uitgegeven_op = models.DateTimeField(_("uitgegeven op"), auto_now_add=True)
    ingetrokken_op = models.DateTimeField(
        _("ingetrokken op"), null=True, blank=True, editable=False
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["naam"]

    def __str__(self):
        return f"{self.naam} ({self.prefix}…)"

    @property
    def actief(self) -> bool:
        return self.ingetrokken_op is None
