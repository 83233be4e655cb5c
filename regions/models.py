from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import BetreftLabel, Rol


class Gemeente(models.Model):
    naam = models.CharField(_("naam"), max_length=100)
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^GM\d{4}$", _("Een CBS-code ziet eruit als GM0402."))],
        help_text=_("Gemeentecode van het CBS, bijvoorbeeld GM0402."),
    )
    provincie = models.CharField(_("provincie"), max_length=40, blank=True)
    opgeheven_op = models.DateField(
        _("opgeheven op"),
        null=True,
        blank=True,
        help_text=_("Eerste dag waarop de gemeente niet meer bestaat (herindeling)."),
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    @property
    def bestaat(self):
        return self.opgeheven_op is None or self.opgeheven_op > timezone.localdate()


# A TOOI organisation: https://identifier.overheid.nl/tooi/id/<kind>/<code>, such as
# gemeente/gm0297, provincie/pv26, waterschap/ws0155 or oorg/oorg10103 (the value lists).
TOOI_ORGANISATIE = RegexValidator(
    r"^https://identifier\.overheid\.nl/tooi/id/[a-z_]+/[a-z]{2,5}\d{2,8}$",
    _(
        "Een TOOI-verwijzing ziet eruit als "
        "https://identifier.overheid.nl/tooi/id/gemeente/gm0297: "
        "de soort organisatie en haar code, in kleine letters."
    ),
    code="tooi",  # not "invalid": a URL field shows its own message for that code
)


class Regio(models.Model):
    naam = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam"), unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    tooi = models.URLField(
        _("TOOI-organisatie"),
        blank=True,
        validators=[TOOI_ORGANISATIE],
        help_text=_(
            "De verwijzing naar de organisatie in TOOI, de uitgever van de openbare stukken, "
            "bijvoorbeeld https://identifier.overheid.nl/tooi/id/gemeente/gm0297."
        ),
    )
    revisie = models.PositiveIntegerField(_("revisie"), default=1, editable=False)
    gemeenten = models.ManyToManyField(
        Gemeente, through="Lidmaatschap", related_name="regios", verbose_name=_("gemeenten")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("inkoop:regio", kwargs={"slug": self.slug})


class LidmaatschapQuerySet(models.QuerySet):
    def op(self, datum=None):
        """Memberships in force on a date (today by default)."""
        datum = datum or timezone.localdate()
        return self.filter(Q(begin__lte=datum), Q(einde__isnull=True) | Q(einde__gte=datum))


class Lidmaatschap(models.Model):
    """A municipality's membership of a region, over time."""

    regio_pad = "regio"

    regio = models.ForeignKey(
        Regio, on_delete=models.CASCADE, related_name="lidmaatschappen", verbose_name=_("regio")
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="lidmaatschappen",
        verbose_name=_("gemeente"),
    )
    begin = models.DateField(_("lid sinds"))
    einde = models.DateField(_("lid tot en met"), null=True, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)

    objects = LidmaatschapQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["gemeente__naam", "begin"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gte=models.F("begin")),
                name="lidmaatschap_einde_na_begin",
                violation_error_message=_("Het einde van een lidmaatschap ligt na het begin."),
            ),
            models.UniqueConstraint(
                fields=["regio", "gemeente", "begin"], name="lidmaatschap_uniek"
            ),
        ]

    def __str__(self):
        return f"{self.gemeente} in {self.regio}"

    @property
    def is_actueel(self):
        vandaag = timezone.localdate()
        return self.begin <= vandaag and (self.einde is None or self.einde >= vandaag)


class Roltoewijzing(models.Model):
    """A person's role in one region: the basis of every permission check."""

    regio_pad = "regio"

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="roltoewijzingen",
        verbose_name=_("gebruiker"),
    )
    regio = models.ForeignKey(
        Regio, on_delete=models.CASCADE, related_name="rollen", verbose_name=_("regio")
    )
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("namens gemeente"),
        help_text=_("Voor portefeuillehouders en secretarissen van één gemeente."),
    )
    uitnodiging_verstuurd = models.DateTimeField(
        _("uitnodiging verstuurd"), null=True, blank=True, editable=False
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("roltoewijzing")
        verbose_name_plural = _("roltoewijzingen")
        ordering = ["regio__naam", "rol"]
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "regio", "rol"], name="roltoewijzing_uniek"
            )
        ]

    def __str__(self):
        return f"{self.gebruiker} — {self.get_rol_display()} ({self.regio})"


KLEUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Geef een kleur als #RRGGBB, bijvoorbeeld #154273."))


class Huisstijl(models.Model):
    """How a region's documents look: letterhead, colours, footer, the label of the subject
    line. Every PDF of the region prints with it (templates/pdf/base_pdf.html)."""

    regio_pad = "regio"

    regio = models.OneToOneField(
        Regio, on_delete=models.CASCADE, related_name="huisstijl", verbose_name=_("regio")
    )
    naam = models.CharField(
        _("naam in het briefhoofd"), max_length=160, help_text=_("Zoals de regio hem drukt.")
    )
    logo = models.FileField(_("logo"), upload_to="huisstijl/", blank=True)
    kleur_koppen = models.CharField(
        _("kleur van de koppen"), max_length=7, default="#154273", validators=[KLEUR]
    )
    kleur_accent = models.CharField(
        _("accentkleur"), max_length=7, default="#154273", validators=[KLEUR]
    )
    lijn_onder_briefhoofd = models.BooleanField(_("lijn onder het briefhoofd"), default=True)
    voettekst = models.CharField(
        _("voettekst"), max_length=300, blank=True, help_text=_("Bijvoorbeeld het adres.")
    )
    label_betreft = models.CharField(
        _("label van de onderwerpregel"),
        max_length=20,
        choices=BetreftLabel.choices,
        default=BetreftLabel.BETREFT,
    )
    revisie = models.PositiveIntegerField(_("revisie"), default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("huisstijl")
        verbose_name_plural = _("huisstijlen")

    def __str__(self):
        return f"Huisstijl {self.regio}"
