"""Dutch in the admin where a translation alone is not enough.

Django's Dutch says "De {name} ‘…’ is met succes gewijzigd." for every model; a neuter noun
needs "Het" ("Het inkooptraject", "Het document"). And permissions keep the English name
Django stored when it made them ("Can add access attempt"): the admin shows them by their
codename in Dutch instead.
"""

import re

from django.utils.safestring import SafeData, mark_safe

# Neuter nouns (het-woorden) of the models' verbose names; a compound takes the article of its
# last part (uitgangspunt, kengetal, inkooptraject).
HET = (
    "besluit", "document", "formulier", "getal", "gremium", "lidmaatschap", "perceel", "punt",
    "traject", "verslag", "voorstel",
)  # fmt: skip
ACTIES = {"add": "toevoegen", "change": "wijzigen", "delete": "verwijderen", "view": "bekijken"}


def lidwoord(verbose_name) -> str:
    """ "het" or "de": the head noun decides ("stap in besluitvormingsroute" → de stap)."""
    kern = re.split(r" (?:in|per|van|bij) ", str(verbose_name))[0].split()[-1].lower()
    return "het" if kern.endswith(HET) else "de"


def met_lidwoord(bericht, verbose_name):
    """An admin message that starts with "De <verbose_name> " gets "Het" for a neuter noun."""
    tekst = str(bericht)
    if lidwoord(verbose_name) == "het" and tekst.startswith(f"De {verbose_name} "):
        tekst = "Het" + tekst[2:]
        return mark_safe(tekst) if isinstance(bericht, SafeData) else tekst  # noqa: S308
    return bericht


def recht_label(permission) -> str:
    """ "Axes | inlogpoging | toevoegen" for Django's four default permissions; a permission
    of our own keeps its (Dutch) name."""
    actie, _, model = permission.codename.partition("_")
    if actie in ACTIES and model == permission.content_type.model:
        return f"{permission.content_type} | {ACTIES[actie]}"
    return str(permission)
