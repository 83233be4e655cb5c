from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import Inkoopniveau, KengetalSoort, Soort, Wet

PERCENTAGE = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


class Perceel(models.Model):
    """A lot: a group of services bought under one agreement."""

    regio_pad = "regio"

    regio = models.ForeignKey(
        "regions.Regio", on_delete=models.CASCADE, related_name="percelen", verbose_name=_("regio")
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    naam = models.CharField(_("naam"), max_length=120)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    aandeel_financien = models.DecimalField(
        _("aandeel financiën (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=PERCENTAGE,
        help_text=_("Aandeel in de uitgaven binnen het wettelijk domein."),
    )
    aandeel_clienten = models.DecimalField(
        _("aandeel cliënten (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=PERCENTAGE,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perceel")
        verbose_name_plural = _("percelen")
        ordering = ["regio", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "nummer"], name="perceel_nummer_uniek")
        ]

    def __str__(self):
        return f"Perceel {self.nummer}. {self.naam}"


class Voorziening(models.Model):
    regio_pad = "regio"

    regio = models.ForeignKey(
        "regions.Regio",
        on_delete=models.CASCADE,
        related_name="voorzieningen",
        verbose_name=_("regio"),
    )
    naam = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("korte naam"), max_length=150)
    wet = models.CharField(_("wet"), max_length=20, choices=Wet.choices, db_index=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    inkoopniveau = models.CharField(
        _("inkoopniveau"), max_length=20, choices=Inkoopniveau.choices, db_index=True
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="modules",
        verbose_name=_("onderdeel van"),
    )
    perceel = models.ForeignKey(
        Perceel,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorzieningen",
        verbose_name=_("perceel"),
    )
    omschrijving = models.TextField(
        _("onderdeel"), blank=True, help_text=_("Wat de voorziening is en voor wie.")
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")
        ordering = ["regio", "volgorde", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "slug"], name="voorziening_slug_uniek")
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("inkoop:voorziening", kwargs={"regio": self.regio.slug, "slug": self.slug})


class Deelname(models.Model):
    """Whether a member municipality takes part in a service. No row means it takes part."""

    regio_pad = "voorziening__regio"

    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.CASCADE,
        related_name="deelnames",
        verbose_name=_("voorziening"),
    )
    gemeente = models.ForeignKey(
        "regions.Gemeente",
        on_delete=models.CASCADE,
        related_name="deelnames",
        verbose_name=_("gemeente"),
    )
    neemt_deel = models.BooleanField(_("neemt deel"), default=True)
    toelichting = models.CharField(_("toelichting"), max_length=250, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        constraints = [
            models.UniqueConstraint(fields=["voorziening", "gemeente"], name="deelname_uniek")
        ]

    def __str__(self):
        status = _("neemt deel") if self.neemt_deel else _("neemt niet deel")
        return f"{self.gemeente}: {status} aan {self.voorziening}"


class Kengetal(models.Model):
    """One figure of a service in one year, with where it comes from."""

    regio_pad = "voorziening__regio"

    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.CASCADE,
        related_name="kengetallen",
        verbose_name=_("voorziening"),
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    soort = models.CharField(_("soort"), max_length=20, choices=KengetalSoort.choices)
    waarde = models.DecimalField(_("waarde"), max_digits=14, decimal_places=2)
    bron = models.CharField(_("bron"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kengetal")
        verbose_name_plural = _("kengetallen")
        ordering = ["voorziening", "soort", "jaar"]
        constraints = [
            models.UniqueConstraint(fields=["voorziening", "soort", "jaar"], name="kengetal_uniek")
        ]

    def __str__(self):
        return f"{self.voorziening} {self.jaar}: {self.get_soort_display()}"
