from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicatieSoort(models.TextChoices):
    VERSIE = "versie", _("Vastgesteld document")
    BESLUITENLIJST = "besluitenlijst", _("Besluitenlijst")
    VERSLAG = "verslag", _("Vastgesteld verslag")


# DiWoo (Woo-index) information categories, TOOI thesaurus "kern" (waardelijst
# informatiecategorieën). A round's documents and minutes are meeting documents of a local
# government; a decision list is a decision of general scope.
INFORMATIECATEGORIE = {
    PublicatieSoort.VERSIE: (
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_89ee6784",
        "vergaderstukken decentrale overheden",
    ),
    PublicatieSoort.VERSLAG: (
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_89ee6784",
        "vergaderstukken decentrale overheden",
    ),
    PublicatieSoort.BESLUITENLIJST: (
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_99a836c7",
        "overige besluiten van algemene strekking",
    ),
}
TAAL_NL = ("http://publications.europa.eu/resource/authority/language/NLD", "Nederlands")
FORMAAT_PDF = ("http://publications.europa.eu/resource/authority/file-type/PDF", "pdf")
HANDELING_VASTSTELLING = (
    "https://identifier.overheid.nl/tooi/def/thes/kern/c_641ecd76",
    "vaststelling",
)
