from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicatieSoort(models.TextChoices):
    VERSIE = "versie", _("Vastgesteld document")
    BESLUITENLIJST = "besluitenlijst", _("Besluitenlijst")
    VERSLAG = "verslag", _("Vastgesteld verslag")


# DiWoo (Woo-index) information categories, TOOI thesaurus "kern" (waardelijst
# informatiecategorieën, DiWoo metadata lijsten 0.9.x: c_db4862c3 "vergaderstukken decentrale
# overheden", c_aab6bfc7 "overige besluiten van algemene strekking"; the codes are opaque, so a
# test holds each to its label). A round's documents and minutes are meeting documents of a
# local government; a decision list is a decision of general scope.
INFORMATIECATEGORIE = {
    PublicatieSoort.VERSIE: (
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3",
        "vergaderstukken decentrale overheden",
    ),
    PublicatieSoort.VERSLAG: (
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3",
        "vergaderstukken decentrale overheden",
    ),
    PublicatieSoort.BESLUITENLIJST: (
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_aab6bfc7",
        "overige besluiten van algemene strekking",
    ),
}
TAAL_NL = ("http://publications.europa.eu/resource/authority/language/NLD", "Nederlands")
FORMAAT_PDF = ("http://publications.europa.eu/resource/authority/file-type/PDF", "pdf")
HANDELING_VASTSTELLING = (
    "https://identifier.overheid.nl/tooi/def/thes/kern/c_641ecd76",
    "vaststelling",
)
