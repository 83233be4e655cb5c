from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from inkoop.sessies.constants import (
    BEANTWOORD_IN_SESSIE,
    Aanwezigheid,
    BronSoort,
    InbrengSoort,
    ResultaatSoort,
    SessieSoort,
    Verwerking,
)
from inkoop.trajecten.models import Gremium, Traject


class Sessie(models.Model):
    """A meeting of a body, or a consultation, with its minutes (verslag)."""

    regio_pad = "regio"

    regio = models.ForeignKey(
        "regions.Regio", on_delete=models.CASCADE, related_name="sessies", verbose_name=_("regio")
    )
    traject = models.ForeignKey(
        Traject,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessies",
        verbose_name=_("traject"),
    )
    gremium = models.ForeignKey(
        Gremium,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessies",
        verbose_name=_("gremium"),
    )
    soort = models.CharField(_("soort"), max_length=20, choices=SessieSoort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    doel = models.TextField(_("doel"), blank=True)
    datum = models.DateField(_("datum"), db_index=True)
    begintijd = models.TimeField(_("begintijd"), null=True, blank=True)
    eindtijd = models.TimeField(_("eindtijd"), null=True, blank=True)
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    deelnemers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="sessies", verbose_name=_("deelnemers")
    )
    afgemeld = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="afgemelde_sessies",
        verbose_name=_("afwezig met kennisgeving"),
    )
    aanwezigheid_notitie = models.CharField(
        _("notitie bij de aanwezigen"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: zie bijlage voor de lijst van aanwezigen."),
    )
    # Minutes adopted without a later session (a one-off consultation): by the secretary, with
    # a date and a note. Adoption by a session or a body's decision is a Besluit.
    verslag_vastgesteld_op = models.DateField(_("verslag vastgesteld op"), null=True, blank=True)
    verslag_vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verslag vastgesteld door"),
    )
    verslag_vaststelling_notitie = models.TextField(_("notitie bij de vaststelling"), blank=True)
    verslag_inleiding = models.TextField(_("inleiding verslag"), blank=True)
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        ordering = ["-datum", "begintijd"]

    def __str__(self):
        return f"{self.titel} ({self.datum:%d-%m-%Y})"


class Gast(models.Model):
    regio_pad = "sessie__regio"

    sessie = models.ForeignKey(
        Sessie, on_delete=models.CASCADE, related_name="gasten", verbose_name=_("sessie")
    )
    naam = models.CharField(_("naam"), max_length=150)
    organisatie = models.CharField(_("organisatie"), max_length=150, blank=True)
    rol = models.CharField(_("rol"), max_length=150, blank=True)
    aanwezigheid = models.CharField(
        _("aanwezigheid"),
        max_length=20,
        choices=Aanwezigheid.choices,
        default=Aanwezigheid.AANWEZIG,
    )
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gast")
        verbose_name_plural = _("gasten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Agendapunt(models.Model):
    regio_pad = "sessie__regio"

    sessie = models.ForeignKey(
        Sessie, on_delete=models.CASCADE, related_name="agendapunten", verbose_name=_("sessie")
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("titel"), max_length=200)
    inleiding = models.TextField(_("inleiding"), blank=True)
    document = models.ForeignKey(
        "uitgangspunten.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agendapunten",
        verbose_name=_("document"),
    )
    versie = models.ForeignKey(
        "uitgangspunten.Versie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agendapunten",
        verbose_name=_("versie"),
    )
    voorziening = models.ForeignKey(
        "voorzieningen.Voorziening",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agendapunten",
        verbose_name=_("voorziening"),
    )
    voorstel = models.ForeignKey(
        "Voorstel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agendapunten",
        verbose_name=_("voorstel"),
    )
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["sessie", "volgorde"]

    def __str__(self):
        return self.titel


class Conclusie(models.Model):
    """A conclusion of the minutes, for one service or for the session as a whole."""

    regio_pad = "sessie__regio"

    sessie = models.ForeignKey(
        Sessie, on_delete=models.CASCADE, related_name="conclusies", verbose_name=_("sessie")
    )
    voorziening = models.ForeignKey(
        "voorzieningen.Voorziening",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conclusies",
        verbose_name=_("voorziening"),
    )
    agendapunt = models.ForeignKey(
        Agendapunt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agendapunt"),
        help_text=_("Het agendapunt waaronder dit in het verslag staat."),
    )
    stelling = models.ForeignKey(
        "Stelling",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conclusies",
        verbose_name=_("bij stelling"),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    tekst = models.TextField(_("conclusie"))
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("conclusie")
        verbose_name_plural = _("conclusies")
        ordering = ["sessie", "volgorde"]

    def __str__(self):
        return self.tekst[:60]


class Stelling(models.Model):
    """A statement put to the attendees, with its poll result."""

    regio_pad = "sessie__regio"

    sessie = models.ForeignKey(
        Sessie, on_delete=models.CASCADE, related_name="stellingen", verbose_name=_("sessie")
    )
    voorziening = models.ForeignKey(
        "voorzieningen.Voorziening",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stellingen",
        verbose_name=_("voorziening"),
    )
    agendapunt = models.ForeignKey(
        Agendapunt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agendapunt"),
        help_text=_("Het agendapunt waaronder dit in het verslag staat."),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    tekst = models.CharField(_("stelling"), max_length=500)
    resultaat_soort = models.CharField(
        _("soort resultaat"), max_length=20, choices=ResultaatSoort.choices
    )
    eens = models.PositiveIntegerField(_("eens"), null=True, blank=True)
    oneens = models.PositiveIntegerField(_("oneens"), null=True, blank=True)
    schaal_gemiddelde = models.DecimalField(
        _("gemiddelde"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    schaal_n = models.PositiveIntegerField(_("aantal antwoorden"), null=True, blank=True)
    schaal_min = models.PositiveSmallIntegerField(_("laagste score"), default=1)
    schaal_max = models.PositiveSmallIntegerField(_("hoogste score"), default=5)
    schaal_label_min = models.CharField(_("betekenis laagste score"), max_length=60, blank=True)
    schaal_label_max = models.CharField(_("betekenis hoogste score"), max_length=60, blank=True)
    keuzes = models.TextField(
        _("antwoorden met aantallen"),
        blank=True,
        help_text=_("Eén antwoord per regel met het aantal erachter, zoals 'Ja: 12'."),
    )
    woorden = models.TextField(_("genoemde woorden"), blank=True)
    verwijzing = models.CharField(
        _("verwijzing naar het verslag van de peiling"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: zie bijlage 2, het verslag van de peiling in Mentimeter."),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stelling")
        verbose_name_plural = _("stellingen")
        ordering = ["sessie", "volgorde"]

    def __str__(self):
        return self.tekst[:60]


class Actiepunt(models.Model):
    regio_pad = "sessie__regio"

    sessie = models.ForeignKey(
        Sessie, on_delete=models.CASCADE, related_name="actiepunten", verbose_name=_("sessie")
    )
    agendapunt = models.ForeignKey(
        Agendapunt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agendapunt"),
        help_text=_("Het agendapunt waaronder dit in het verslag staat."),
    )
    stelling = models.ForeignKey(
        Stelling,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actiepunten",
        verbose_name=_("bij stelling"),
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    eigenaar = models.CharField(_("eigenaar"), max_length=150, blank=True)
    eigenaar_gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actiepunten",
        verbose_name=_("eigenaar (gebruiker)"),
    )
    deadline = models.DateField(_("uiterlijk"), null=True, blank=True)
    afgerond = models.BooleanField(_("afgerond"), default=False)
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")
        ordering = ["sessie", "deadline"]

    def __str__(self):
        return self.omschrijving

    @property
    def is_te_laat(self) -> bool:
        return bool(self.deadline and not self.afgerond and self.deadline < timezone.localdate())


class Inbreng(models.Model):
    """One question, remark or advice, where it came from, and what was done with it."""

    regio_pad = "traject__regio"

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="inbreng", verbose_name=_("traject")
    )
    sessie = models.ForeignKey(
        Sessie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbreng",
        verbose_name=_("sessie"),
    )
    voorziening = models.ForeignKey(
        "voorzieningen.Voorziening",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbreng",
        verbose_name=_("voorziening"),
    )
    agendapunt = models.ForeignKey(
        Agendapunt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agendapunt"),
        help_text=_("Het agendapunt waaronder dit in het verslag staat."),
    )
    stelling = models.ForeignKey(
        Stelling,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbreng",
        verbose_name=_("bij stelling"),
        help_text=_("De stelling waarbij dit gevraagd of opgemerkt is."),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    soort = models.CharField(_("soort"), max_length=20, choices=InbrengSoort.choices)
    tekst = models.TextField(_("inbreng"))
    antwoord = models.TextField(_("antwoord in de sessie"), blank=True)
    bron_soort = models.CharField(_("afkomstig van"), max_length=20, choices=BronSoort.choices)
    bron_naam = models.CharField(_("naam bron"), max_length=150, blank=True)
    uitgangspunten = models.ManyToManyField(
        "uitgangspunten.Uitgangspunt",
        blank=True,
        related_name="inbreng",
        verbose_name=_("betreft uitgangspunten"),
    )
    verwerking = models.CharField(
        _("wat is ermee gedaan"),
        max_length=20,
        choices=Verwerking.choices,
        blank=True,
        default=Verwerking.OPEN,
        db_index=True,
    )
    verwerking_toelichting = models.TextField(_("toelichting op verwerking"), blank=True)
    revisie = models.PositiveIntegerField(_("revisie"), default=1)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inbreng")
        verbose_name_plural = _("inbreng")
        ordering = ["traject", "sessie", "volgorde", "pk"]
        indexes = [models.Index(fields=["traject", "verwerking"])]

    def __str__(self):
        return self.tekst[:60]

    # The one rule for "is this input answered": in the session (`antwoord`) or in writing
    # afterwards (`verwerking`). inkoop.sessies.selectors.ONBEANTWOORD is the same rule as a
    # filter; the session page, the response report (page and PDF) and "Mijn werk" read these.
    @property
    def beantwoord(self) -> bool:
        return bool(self.verwerking) or bool(self.antwoord)

    @property
    def antwoord_status(self) -> str:
        if self.verwerking:
            return str(self.get_verwerking_display())
        if self.antwoord:
            return BEANTWOORD_IN_SESSIE
        return str(Verwerking.OPEN.label)
