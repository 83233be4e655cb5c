from django.db import models
from django.utils.translation import gettext_lazy as _


class UitgangspuntSoort(models.TextChoices):
    STRATEGISCH = "strategisch", _("Strategisch uitgangspunt")
    INKOOPDOEL = "inkoopdoel", _("Inkoopdoelstelling")
    TOEGANG = "toegang", _("Sturingsinstrument: toegang")
    BEKOSTIGING = "bekostiging", _("Sturingsinstrument: bekostiging")
    CONTRACTMANAGEMENT = "contractmanagement", _("Sturingsinstrument: contractmanagement")
    OVEREENKOMST = "overeenkomst", _("Sturingsinstrument: overeenkomst")
    VOORZIENING = "voorziening", _("Uitgangspunt per voorziening of perceel")


class UitgangspuntStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    HERBEVESTIGD = "herbevestigd", _("Herbevestigd")
    AANGESCHERPT = "aangescherpt", _("Aangescherpt")
    VERVALLEN = "vervallen", _("Vervallen")


class DocumentSoort(models.TextChoices):
    UITGANGSPUNTENNOTITIE = "uitgangspuntennotitie", _("Uitgangspuntennotitie")
    INKOOPSTRATEGIE = "inkoopstrategie", _("Inkoopstrategie")
    BESPREEKDOCUMENT = "bespreekdocument", _("Bespreekdocument")
    NOTITIE = "notitie", _("Notitie")


class SectieSoort(models.TextChoices):
    TEKST = "tekst", _("Tekst")
    ALGEMENE_UITGANGSPUNTEN = "algemene_uitgangspunten", _("Blok: algemene uitgangspunten")
    VOORZIENINGENTABEL = "voorzieningentabel", _("Blok: uitgangspunten per voorziening")
    KENGETALLEN = "kengetallen", _("Blok: kengetallen van voorzieningen")
    PLANNING = "planning", _("Blok: planning")


class Beoordeling(models.TextChoices):
    """Where a frozen version stands in the directors' review (four eyes)."""

    CONCEPT = "concept", _("Vastgelegd, niet ingediend")
    INGEDIEND = "ingediend", _("Ter beoordeling")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    TERUGGESTUURD = "teruggestuurd", _("Teruggestuurd")


# The memo header of a document, in the order a memo prints it (title first). Forms, services,
# history, the editor and the PDF all read this one list.
KOP_VELDEN = ("titel", "aan", "van", "betreft", "datum", "kenmerk", "zaaknummer")


class UitgangspuntWeergave(models.TextChoices):
    KOP = "kop", _("Titel als kop boven de uitleg")
    DOORLOPEND = "doorlopend", _("Vetgedrukte titel doorlopend in de alinea")


# The layout choices of a document (Document.opmaak) and what they are when nobody chose. A
# version keeps the choices it was frozen with (Versie.inhoud["opmaak"]), so it always prints the
# same; the PDF reads them through `inhoud.opmaak_van`.
OPMAAK_STANDAARD = {
    "hoofdstuknummers": True,
    "lege_kopregels_weglaten": False,
    "datum_voluit": False,
    "uitgangspunten": UitgangspuntWeergave.KOP.value,
    "soortkoppen": True,
    "inhoudsopgave": True,
}

# The outcome that adopts a version (inkoop.besluitvorming.constants.Uitkomst.VASTGESTELD; the
# decisions live a layer higher and reach a version by its reverse relation `besluiten`).
UITKOMST_VASTGESTELD = "vastgesteld"
