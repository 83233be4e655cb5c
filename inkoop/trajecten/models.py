from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from inkoop.trajecten.constants import GremiumSoort, MijlpaalStatus


class Traject(models.Model):
    """A procurement round of one region."""

    regio_pad = "regio"

    regio = models.ForeignKey(
        "regions.Regio", on_delete=models.CASCADE, related_name="trajecten", verbose_name=_("regio")
    )
    naam = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("korte naam"), max_length=150)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    startjaar = models.PositiveSmallIntegerField(
        _("ingangsjaar contracten"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    vorige = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volgende",
        verbose_name=_("vorig traject"),
        help_text=_("Uitgangspunten worden uit dit traject overgenomen."),
    )
    voorzieningen = models.ManyToManyField(
        "voorzieningen.Voorziening",
        through="TrajectVoorziening",
        related_name="trajecten",
        verbose_name=_("voorzieningen in scope"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inkooptraject")
        verbose_name_plural = _("inkooptrajecten")
        ordering = ["regio", "-startjaar", "naam"]
        constraints = [models.UniqueConstraint(fields=["regio", "slug"], name="traject_slug_uniek")]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("inkoop:traject", kwargs={"regio": self.regio.slug, "slug": self.slug})


class TrajectVoorziening(models.Model):
    """A service in scope of a round, with what is happening around it in this round."""

    regio_pad = "traject__regio"

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="scope", verbose_name=_("traject")
    )
    voorziening = models.ForeignKey(
        "voorzieningen.Voorziening",
        on_delete=models.CASCADE,
        related_name="in_trajecten",
        verbose_name=_("voorziening"),
    )
    ontwikkelingen = models.TextField(_("ontwikkelingen"), blank=True)
    # Optimistic locking: a save based on an older revision is refused (inkoop/core/revisie.py).
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("voorziening in traject")
        verbose_name_plural = _("voorzieningen in traject")
        constraints = [
            models.UniqueConstraint(
                fields=["traject", "voorziening"], name="trajectvoorziening_uniek"
            )
        ]

    def __str__(self):
        return f"{self.voorziening} in {self.traject}"


class Gremium(models.Model):
    """A body that discusses or decides: DO, PFHO, a council, one municipality's college."""

    regio_pad = "regio"

    regio = models.ForeignKey(
        "regions.Regio", on_delete=models.CASCADE, related_name="gremia", verbose_name=_("regio")
    )
    naam = models.CharField(_("naam"), max_length=150)
    soort = models.CharField(_("soort"), max_length=20, choices=GremiumSoort.choices)
    gemeente = models.ForeignKey(
        "regions.Gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gremia",
        verbose_name=_("gemeente"),
        help_text=_("Voor het college of de raad van één gemeente."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gremium")
        verbose_name_plural = _("gremia")
        ordering = ["regio", "soort", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(soort__in=["college", "raad"])
                | models.Q(gemeente__isnull=False),
                name="gremium_college_raad_heeft_gemeente",
                violation_error_message=_("Een college of raad hoort bij een gemeente."),
            )
        ]

    def __str__(self):
        return self.naam


class Mijlpaal(models.Model):
    """A milestone of a round's planning: a date, or a period such as "Q1 2020"."""

    regio_pad = "traject__regio"

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="mijlpalen", verbose_name=_("traject")
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    omschrijving = models.CharField(_("omschrijving"), max_length=250)
    datum = models.DateField(_("datum"), null=True, blank=True)
    periode = models.CharField(
        _("periode"),
        max_length=40,
        blank=True,
        help_text=_('Als er nog geen datum is: bijvoorbeeld "Q1 2020" of "nog te bepalen".'),
    )
    gremium_soort = models.CharField(
        _("gremium"), max_length=20, choices=GremiumSoort.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MijlpaalStatus.choices, default=MijlpaalStatus.GEPLAND
    )
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("planning")
        ordering = ["traject", "volgorde", "datum"]

    def __str__(self):
        return self.omschrijving
