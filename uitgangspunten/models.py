import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import (
    Beoordeling,
    DocumentSoort,
    SectieSoort,
    UitgangspuntSoort,
    UitgangspuntStatus,
)


class Uitgangspunt(models.Model):
    """A principle of a procurement round: general, or for one service or lot."""

    regio_pad = "traject__regio"

    traject = models.ForeignKey(
        "inkoop.Traject",
        on_delete=models.CASCADE,
        related_name="uitgangspunten",
        verbose_name=_("traject"),
    )
    uid = models.UUIDField(_("vaste kenmerk"), default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField(_("soort"), max_length=20, choices=UitgangspuntSoort.choices)
    voorziening = models.ForeignKey(
        "voorzieningen.Voorziening",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uitgangspunten",
        verbose_name=_("voorziening"),
    )
    perceel = models.ForeignKey(
        "voorzieningen.Perceel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uitgangspunten",
        verbose_name=_("perceel"),
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("korte titel"), max_length=200)
    uitleg = models.TextField(_("uitleg"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=UitgangspuntStatus.choices,
        default=UitgangspuntStatus.NIEUW,
        db_index=True,
    )
    herkomst = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vervolgen",
        verbose_name=_("voortgekomen uit"),
        help_text=_("Het uitgangspunt uit het vorige traject dat dit uitgangspunt voortzet."),
    )
    vervallen_reden = models.TextField(_("reden van vervallen"), blank=True)
    # Optimistic locking: a save based on an older revision is refused (see services).
    revisie = models.PositiveIntegerField(_("revisie"), default=1)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("historie uitgangspunt"))

    class Meta:
        verbose_name = _("uitgangspunt")
        verbose_name_plural = _("uitgangspunten")
        ordering = ["traject", "soort", "voorziening", "volgorde", "pk"]
        indexes = [
            models.Index(fields=["traject", "soort", "volgorde"]),
            models.Index(fields=["traject", "voorziening", "volgorde"]),
        ]
        # One principle per place in its group (services.groep): partial constraints, because
        # NULL voorziening/perceel would otherwise never collide (NULLs are distinct in SQL).
        constraints = [
            models.UniqueConstraint(
                fields=["traject", "soort", "volgorde"],
                condition=Q(voorziening__isnull=True, perceel__isnull=True),
                name="uitgangspunt_volgorde_uniek",
                violation_error_message=_("Op deze plaats staat al een uitgangspunt."),
            ),
            models.UniqueConstraint(
                fields=["traject", "soort", "voorziening", "volgorde"],
                condition=Q(voorziening__isnull=False, perceel__isnull=True),
                name="uitgangspunt_volgorde_uniek_voorziening",
                violation_error_message=_("Op deze plaats staat al een uitgangspunt."),
            ),
            models.UniqueConstraint(
                fields=["traject", "soort", "voorziening", "perceel", "volgorde"],
                condition=Q(perceel__isnull=False),
                name="uitgangspunt_volgorde_uniek_perceel",
                violation_error_message=_("Op deze plaats staat al een uitgangspunt."),
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("uitgangspunten:uitgangspunt", kwargs={"uid": self.uid})


class Document(models.Model):
    """What is sent to a body: a memo header and ordered sections."""

    regio_pad = "traject__regio"

    traject = models.ForeignKey(
        "inkoop.Traject",
        on_delete=models.CASCADE,
        related_name="documenten",
        verbose_name=_("traject"),
    )
    soort = models.CharField(_("soort"), max_length=30, choices=DocumentSoort.choices)
    titel = models.CharField(_("titel"), max_length=250)
    aan = models.CharField(_("aan"), max_length=250, blank=True)
    van = models.CharField(_("van"), max_length=250, blank=True)
    betreft = models.CharField(_("betreft"), max_length=250, blank=True)
    datum = models.DateField(_("datum"), null=True, blank=True)
    kenmerk = models.CharField(_("kenmerk"), max_length=60, blank=True)
    zaaknummer = models.CharField(_("zaaknummer"), max_length=60, blank=True)
    # The labels the memo header prints where a document uses its own ("Betreffende",
    # "Ons kenmerk"), per field of KOP_VELDEN; a field without one prints its verbose name.
    kop_labels = models.JSONField(_("labels van de memokop"), default=dict, blank=True)
    # Layout choices (keys of constants.OPMAAK_STANDAARD) where the document differs from it.
    opmaak = models.JSONField(_("opmaak"), default=dict, blank=True)
    revisie = models.PositiveIntegerField(_("revisie"), default=1)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="documenten",
        verbose_name=_("aangemaakt door"),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("historie document"))

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["traject", "titel"]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("uitgangspunten:document", kwargs={"pk": self.pk})


class Sectie(models.Model):
    """A section of a document: markdown text, or a block that pulls live content in."""

    regio_pad = "document__traject__regio"

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="secties", verbose_name=_("document")
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    soort = models.CharField(
        _("soort"), max_length=30, choices=SectieSoort.choices, default=SectieSoort.TEKST
    )
    titel = models.CharField(_("titel"), max_length=200, blank=True)
    tekst = models.TextField(_("tekst"), blank=True)
    voorzieningen = models.ManyToManyField(
        "voorzieningen.Voorziening",
        blank=True,
        related_name="+",
        verbose_name=_("voorzieningen"),
        help_text=_("Voor het blok kengetallen: van welke voorzieningen."),
    )
    is_bijlage = models.BooleanField(_("bijlage"), default=False)
    revisie = models.PositiveIntegerField(_("revisie"), default=1)

    history = HistoricalRecords(verbose_name=_("historie sectie"))

    class Meta:
        verbose_name = _("sectie")
        verbose_name_plural = _("secties")
        ordering = ["document", "is_bijlage", "volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "is_bijlage", "volgorde"],
                name="sectie_volgorde_uniek",
                violation_error_message=_("Op deze plaats staat al een sectie."),
            )
        ]

    def __str__(self):
        return self.titel or self.get_soort_display()


class Versie(models.Model):
    """A frozen snapshot of a document. Once a body decided on it, it never changes."""

    regio_pad = "document__traject__regio"

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="versies", verbose_name=_("document")
    )
    nummer = models.PositiveIntegerField(_("versienummer"))
    inhoud = models.JSONField(_("inhoud"))
    inhoud_hash = models.CharField(_("inhoudshash"), max_length=64, db_index=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="versies",
        verbose_name=_("vastgelegd door"),
    )
    aangemaakt = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    toelichting = models.CharField(_("toelichting"), max_length=250, blank=True)
    beoordeling = models.CharField(
        _("beoordeling"),
        max_length=20,
        choices=Beoordeling.choices,
        default=Beoordeling.CONCEPT,
        db_index=True,
    )

    class Meta:
        verbose_name = _("versie")
        verbose_name_plural = _("versies")
        ordering = ["document", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["document", "nummer"], name="versie_nummer_uniek")
        ]

    def __str__(self):
        return f"{self.document} — versie {self.nummer}"

    def get_absolute_url(self):
        return reverse(
            "uitgangspunten:versie", kwargs={"pk": self.document_id, "nummer": self.nummer}
        )


class VersieOvergang(models.Model):
    """One step of the review of a version: who moved it from where to where, and why."""

    regio_pad = "versie__document__traject__regio"

    versie = models.ForeignKey(
        Versie, on_delete=models.CASCADE, related_name="overgangen", verbose_name=_("versie")
    )
    van = models.CharField(_("van"), max_length=20, choices=Beoordeling.choices)
    naar = models.CharField(_("naar"), max_length=20, choices=Beoordeling.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("door"),
    )
    op = models.DateTimeField(_("op"), auto_now_add=True)
    opmerking = models.TextField(_("opmerking"), blank=True)

    class Meta:
        verbose_name = _("beoordelingsstap")
        verbose_name_plural = _("beoordelingsstappen")
        ordering = ["versie", "op"]

    def __str__(self):
        return f"{self.versie}: {self.get_van_display()} → {self.get_naar_display()}"


class Opmerking(models.Model):
    """A review comment on a section or a principle of a document."""

    regio_pad = "document__traject__regio"

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="opmerkingen", verbose_name=_("document")
    )
    sectie = models.ForeignKey(
        Sectie,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="opmerkingen",
        verbose_name=_("sectie"),
    )
    uitgangspunt = models.ForeignKey(
        Uitgangspunt,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="opmerkingen",
        verbose_name=_("uitgangspunt"),
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="opmerkingen",
        verbose_name=_("auteur"),
    )
    tekst = models.TextField(_("opmerking"))
    aangemaakt = models.DateTimeField(_("geplaatst"), auto_now_add=True)
    opgelost_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opgelost door"),
    )
    opgelost_op = models.DateTimeField(_("opgelost op"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opmerking")
        verbose_name_plural = _("opmerkingen")
        ordering = ["document", "aangemaakt"]
        indexes = [models.Index(fields=["document", "opgelost_op"])]

    def __str__(self):
        return self.tekst[:60]
