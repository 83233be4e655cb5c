"""Public publication under the Wet open overheid: what an advisor or secretary made public."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .constants import PublicatieSoort


class Publicatie(models.Model):
    """One published item: an adopted version, a round's decision list or adopted minutes.
    Withdrawing keeps the row: the public page then shows the notice and the reason."""

    regio_pad = "regio"

    regio = models.ForeignKey(
        "regions.Regio", on_delete=models.CASCADE, related_name="publicaties",
        verbose_name=_("regio"),
    )  # fmt: skip
    traject = models.ForeignKey(
        "inkoop.Traject", on_delete=models.CASCADE, related_name="publicaties",
        verbose_name=_("traject"),
    )  # fmt: skip
    soort = models.CharField(_("soort"), max_length=20, choices=PublicatieSoort.choices)
    versie = models.ForeignKey(
        "uitgangspunten.Versie", on_delete=models.CASCADE, null=True, blank=True,
        related_name="publicaties", verbose_name=_("versie"),
    )  # fmt: skip
    sessie = models.ForeignKey(
        "inkoop.Sessie", on_delete=models.CASCADE, null=True, blank=True,
        related_name="publicaties", verbose_name=_("sessie (verslag)"),
    )  # fmt: skip
    titel = models.CharField(_("titel"), max_length=300)
    documentdatum = models.DateField(_("documentdatum"))
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("gepubliceerd door"),
    )  # fmt: skip
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), auto_now_add=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("ingetrokken door"),
    )  # fmt: skip
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    intrekkingsreden = models.TextField(_("reden van intrekking"), blank=True)

    class Meta:
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")
        ordering = ["-documentdatum", "-pk"]
        constraints = [
            # One live publication per item (a withdrawn one may be followed by a new one).
            models.UniqueConstraint(
                fields=["soort", "versie"],
                condition=models.Q(ingetrokken_op__isnull=True, versie__isnull=False),
                name="publicatie_versie_eenmaal",
            ),
            models.UniqueConstraint(
                fields=["soort", "sessie"],
                condition=models.Q(ingetrokken_op__isnull=True, sessie__isnull=False),
                name="publicatie_verslag_eenmaal",
            ),
            models.UniqueConstraint(
                fields=["soort", "traject"],
                condition=models.Q(
                    ingetrokken_op__isnull=True, soort=PublicatieSoort.BESLUITENLIJST
                ),
                name="publicatie_besluitenlijst_eenmaal",
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("openbaar:publicatie", kwargs={"regio": self.regio.slug, "pk": self.pk})

    @property
    def is_ingetrokken(self) -> bool:
        return self.ingetrokken_op is not None
