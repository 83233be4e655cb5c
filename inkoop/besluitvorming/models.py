from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.trajecten.constants import GremiumSoort
from inkoop.trajecten.models import Gremium, Traject


class RouteStap(models.Model):
    """One step of a round's decision route (besluitvormingsroute)."""

    regio_pad = "traject__regio"

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="route", verbose_name=_("traject")
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    gremium_soort = models.CharField(
        _("soort gremium"), max_length=20, choices=GremiumSoort.choices
    )
    gremium = models.ForeignKey(
        Gremium,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gremium"),
        help_text=_("Leeg bij colleges en raden: dan geldt het voor elke deelnemende gemeente."),
    )
    beoogde_uitkomst = models.CharField(
        _("beoogde uitkomst"), max_length=20, choices=Uitkomst.choices
    )
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stap in besluitvormingsroute")
        verbose_name_plural = _("besluitvormingsroute")
        ordering = ["traject", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["traject", "volgorde"], name="routestap_volgorde_uniek")
        ]

    def __str__(self):
        naam = self.gremium.naam if self.gremium_id else self.get_gremium_soort_display()
        return f"{self.volgorde}. {naam}"


class Voorstel(models.Model):
    """A request to a body to decide: the notitie for the college or the PFHO."""

    regio_pad = "traject__regio"

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="voorstellen", verbose_name=_("traject")
    )
    gremium = models.ForeignKey(
        Gremium, on_delete=models.PROTECT, related_name="voorstellen", verbose_name=_("aan")
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=250)
    portefeuillehouder = models.CharField(_("portefeuillehouder"), max_length=150, blank=True)
    aanleiding = models.TextField(_("aanleiding"), blank=True)
    argumenten = models.TextField(_("argumenten"), blank=True)
    kanttekeningen = models.TextField(_("kanttekeningen"), blank=True)
    financien = models.TextField(_("financiën"), blank=True)
    communicatie = models.TextField(_("communicatie"), blank=True)
    vervolg = models.TextField(_("vervolgstappen"), blank=True)
    versies = models.ManyToManyField(
        "uitgangspunten.Versie",
        blank=True,
        related_name="voorstellen",
        verbose_name=_("bijgevoegde versies"),
    )
    opgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="voorstellen",
        verbose_name=_("opgesteld door"),
    )
    revisie = models.PositiveIntegerField(_("revisie"), default=1)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")
        ordering = ["-aangemaakt"]

    def __str__(self):
        return self.onderwerp


class Beslispunt(models.Model):
    regio_pad = "voorstel__traject__regio"

    voorstel = models.ForeignKey(
        Voorstel, on_delete=models.CASCADE, related_name="beslispunten", verbose_name=_("voorstel")
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    tekst = models.TextField(_("beslispunt"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beslispunt")
        verbose_name_plural = _("beslispunten")
        ordering = ["voorstel", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["voorstel", "nummer"], name="beslispunt_nummer_uniek")
        ]

    def __str__(self):
        return f"{self.nummer}. {self.tekst[:60]}"


class Besluit(models.Model):
    """A body's decision on a date: on a proposal, a document version, or earlier minutes."""

    regio_pad = "gremium__regio"

    gremium = models.ForeignKey(
        Gremium, on_delete=models.PROTECT, related_name="besluiten", verbose_name=_("gremium")
    )
    datum = models.DateField(_("datum"), db_index=True)
    sessie = models.ForeignKey(
        "inkoop.Sessie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="besluiten",
        verbose_name=_("in vergadering"),
    )
    voorstel = models.ForeignKey(
        Voorstel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten",
        verbose_name=_("voorstel"),
    )
    versie = models.ForeignKey(
        "uitgangspunten.Versie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten",
        verbose_name=_("documentversie"),
    )
    verslag_van = models.ForeignKey(
        "inkoop.Sessie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verslag_besluiten",
        verbose_name=_("verslag van sessie"),
    )
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    afwijking = models.TextField(
        _("afwijking van de route"),
        blank=True,
        help_text=_("Waarom dit gremium besloot terwijl een eerdere stap van de route openstond."),
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="vastgelegde_besluiten",
        verbose_name=_("vastgelegd door"),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["-datum", "-vastgelegd_op"]
        indexes = [models.Index(fields=["gremium", "datum"])]
        constraints = [
            # A body takes its step on a version once (a college is one municipality's body, so
            # this is one decision per body, municipality and version); postponing or
            # rejecting first stays possible.
            models.UniqueConstraint(
                fields=["gremium", "versie"],
                condition=models.Q(versie__isnull=False)
                & ~models.Q(uitkomst__in=[Uitkomst.AANGEHOUDEN, Uitkomst.AFGEWEZEN]),
                name="besluit_eenmaal_per_gremium_en_versie",
            ),
        ]

    def __str__(self):
        return f"{self.gremium} {self.datum:%d-%m-%Y}: {self.get_uitkomst_display()}"

    @property
    def traject(self):
        """The round this decision belongs to, through what it decided on (select the
        relations, as inkoop.besluitvorming.selectors.besluitenlijst does, to avoid queries)."""
        if self.voorstel_id:
            return self.voorstel.traject
        if self.versie_id:
            return self.versie.document.traject
        if self.verslag_van_id:
            return self.verslag_van.traject
        return None


class BesluitPunt(models.Model):
    """The outcome of one decision point of the proposal."""

    regio_pad = "besluit__gremium__regio"

    besluit = models.ForeignKey(
        Besluit, on_delete=models.CASCADE, related_name="punten", verbose_name=_("besluit")
    )
    beslispunt = models.ForeignKey(
        Beslispunt,
        on_delete=models.PROTECT,
        related_name="uitkomsten",
        verbose_name=_("beslispunt"),
    )
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("uitkomst per beslispunt")
        verbose_name_plural = _("uitkomsten per beslispunt")
        ordering = ["besluit", "beslispunt__nummer"]
        constraints = [
            models.UniqueConstraint(fields=["besluit", "beslispunt"], name="besluitpunt_uniek")
        ]

    def __str__(self):
        return f"{self.beslispunt.nummer}: {self.get_uitkomst_display()}"
