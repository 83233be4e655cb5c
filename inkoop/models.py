"""The procurement process: rounds, planning, bodies, sessions, input, proposals, decisions,
and the PDF export jobs every document kind shares."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import (
    BronSoort,
    ExportSoort,
    ExportStatus,
    GremiumSoort,
    InbrengSoort,
    MijlpaalStatus,
    ResultaatSoort,
    SessieSoort,
    Uitkomst,
    Verwerking,
)


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
    # Optimistic locking: a save based on an older revision is refused (inkoop/gelijktijdig.py).
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

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

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("planning")
        ordering = ["traject", "volgorde", "datum"]

    def __str__(self):
        return self.omschrijving


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
    verslag_inleiding = models.TextField(_("inleiding verslag"), blank=True)
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

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
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

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
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    tekst = models.TextField(_("conclusie"))
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

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
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    tekst = models.CharField(_("stelling"), max_length=500)
    resultaat_soort = models.CharField(
        _("soort resultaat"), max_length=20, choices=ResultaatSoort.choices
    )
    eens = models.PositiveIntegerField(_("eens"), null=True, blank=True)
    oneens = models.PositiveIntegerField(_("oneens"), null=True, blank=True)
    schaal_gemiddelde = models.DecimalField(
        _("gemiddelde (1–5)"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    schaal_n = models.PositiveIntegerField(_("aantal antwoorden"), null=True, blank=True)
    woorden = models.TextField(_("genoemde woorden"), blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

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

    class Meta:
        verbose_name = _("inbreng")
        verbose_name_plural = _("inbreng")
        ordering = ["traject", "sessie", "volgorde", "pk"]
        indexes = [models.Index(fields=["traject", "verwerking"])]

    def __str__(self):
        return self.tekst[:60]


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
        Sessie,
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
        Sessie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verslag_besluiten",
        verbose_name=_("verslag van sessie"),
    )
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="vastgelegde_besluiten",
        verbose_name=_("vastgelegd door"),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["-datum", "-vastgelegd_op"]
        indexes = [models.Index(fields=["gremium", "datum"])]

    def __str__(self):
        return f"{self.gremium} {self.datum:%d-%m-%Y}: {self.get_uitkomst_display()}"

    @property
    def traject(self):
        """The round this decision belongs to, through what it decided on (select the
        relations, as inkoop.selectors.besluitvorming.besluitenlijst does, to avoid queries)."""
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

    class Meta:
        verbose_name = _("uitkomst per beslispunt")
        verbose_name_plural = _("uitkomsten per beslispunt")
        ordering = ["besluit", "beslispunt__nummer"]
        constraints = [
            models.UniqueConstraint(fields=["besluit", "beslispunt"], name="besluitpunt_uniek")
        ]

    def __str__(self):
        return f"{self.beslispunt.nummer}: {self.get_uitkomst_display()}"


class Export(models.Model):
    """A PDF export job and its file. Status lives here, not only in Celery's result backend."""

    soort = models.CharField(_("soort"), max_length=20, choices=ExportSoort.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    onderwerp = GenericForeignKey("content_type", "object_id")
    variant = models.CharField(_("variant"), max_length=20, default="pdf/a-3b")
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    inhoud_hash = models.CharField(_("inhoudshash"), max_length=64, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ExportStatus.choices, default=ExportStatus.WACHTRIJ
    )
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    task_id = models.CharField(_("taak-id"), max_length=50, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)
    bestand = models.FileField(_("bestand"), upload_to="pdf/%Y/%m/", blank=True)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
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
        indexes = [models.Index(fields=["content_type", "object_id", "soort"])]

    def __str__(self):
        return self.bestandsnaam or f"{self.get_soort_display()} #{self.pk}"


class Statuscontrole(models.Model):
    """A ping through the task queue: proves the worker answers (see the status page)."""

    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    task_id = models.CharField(_("taak-id"), max_length=50, blank=True)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    worker = models.CharField(_("worker"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("statuscontrole")
        verbose_name_plural = _("statuscontroles")
        ordering = ["-aangemaakt"]

    def __str__(self):
        return f"Statuscontrole {self.aangemaakt:%d-%m-%Y %H:%M:%S}"
