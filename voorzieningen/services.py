"""Writes of services: a region's services created in one step (from the common list or typed)."""

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from inkoop.core.fouten import DomeinFout
from regions import permissions

from .constants import Inkoopniveau, Soort, Wet
from .models import Voorziening


@transaction.atomic
def voorzieningen_aanmaken(*, regio, door, voorzieningen) -> list[Voorziening]:
    """`voorzieningen`: (naam, wet, soort, inkoopniveau) tuples; a name the region already has
    is refused by name, so nothing is created twice."""
    permissions.vereis(door, "inrichten", regio)
    gevraagd = [(naam.strip(), wet, soort, niveau) for naam, wet, soort, niveau in voorzieningen]
    gevraagd = [v for v in gevraagd if v[0]]
    if not gevraagd:
        raise DomeinFout("Kies of typ minstens één voorziening.")
    bestaand = {n.lower() for n in regio.voorzieningen.values_list("naam", flat=True)}
    dubbel = sorted({naam for naam, *_ in gevraagd if naam.lower() in bestaand})
    if dubbel:
        raise DomeinFout(f"Deze regio heeft al: {', '.join(dubbel)}.")
    slugs = set(regio.voorzieningen.values_list("slug", flat=True))
    volgorde = regio.voorzieningen.aggregate(m=Max("volgorde"))["m"] or 0
    nieuw, namen = [], set()
    for naam, wet, soort, niveau in gevraagd:
        if naam.lower() in namen:
            continue
        namen.add(naam.lower())
        basis = slugify(naam)[:140] or "voorziening"
        slug, n = basis, 2
        while slug in slugs:
            slug, n = f"{basis}-{n}", n + 1
        slugs.add(slug)
        volgorde += 1
        voorziening = Voorziening(
            regio=regio, naam=naam, slug=slug, wet=wet or Wet.WMO, soort=soort or Soort.MAATWERK,
            inkoopniveau=niveau or Inkoopniveau.REGIONAAL, volgorde=volgorde,
        )  # fmt: skip
        voorziening.full_clean()
        nieuw.append(voorziening)
    return bulk_create_with_history(nieuw, Voorziening)
