from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from inkoop.core.fouten import DomeinFout
from inkoop.core.revisie import revisie_claimen, verwijderen
from inkoop.trajecten.constants import GremiumSoort
from inkoop.trajecten.models import Gremium, Mijlpaal, Traject, TrajectVoorziening
from regions import permissions
from regions.models import Lidmaatschap


@transaction.atomic
def mijlpaal_opslaan(
    *, traject: Traject, mijlpaal: Mijlpaal, revisie: int | None = None
) -> Mijlpaal:
    mijlpaal.traject = traject
    mijlpaal.periode = (mijlpaal.periode or "").strip()
    if not mijlpaal.datum and not mijlpaal.periode:
        raise DomeinFout({"periode": "Vul een datum of een periode in."})
    mijlpaal.full_clean()
    if mijlpaal.pk:
        revisie_claimen(mijlpaal, revisie=revisie)
    mijlpaal.save()
    return mijlpaal


@transaction.atomic
def mijlpaal_verwijderen(*, mijlpaal: Mijlpaal, revisie: int | None = None) -> None:
    verwijderen(mijlpaal, revisie=revisie)


# --- Setting up a region ----------------------------------------------------------------------


@transaction.atomic
def traject_aanmaken(
    *, regio, door, naam: str, startjaar: int, slug: str = "", vorige: Traject | None = None,
    voorzieningen=(),
) -> Traject:  # fmt: skip
    """A new round of the region, with the services in scope."""
    permissions.vereis(door, "inrichten", regio)
    slug = slugify(slug or naam)
    if Traject.objects.filter(regio=regio, slug=slug).exists():
        raise DomeinFout({"naam": f"Deze regio heeft al een traject met de korte naam '{slug}'."})
    if vorige is not None and vorige.regio_id != regio.pk:
        raise DomeinFout({"vorige": "Het vorige traject hoort bij een andere regio."})
    voorzieningen = list(voorzieningen)
    if any(v.regio_id != regio.pk for v in voorzieningen):
        raise DomeinFout({"voorzieningen": "Een voorziening hoort bij een andere regio."})
    traject = Traject(regio=regio, naam=naam.strip(), slug=slug, startjaar=startjaar, vorige=vorige)
    traject.full_clean()
    traject.save()
    bulk_create_with_history(
        [TrajectVoorziening(traject=traject, voorziening=v) for v in voorzieningen],
        TrajectVoorziening,
    )
    return traject


def college_naam(gemeente) -> str:
    return f"College van B&W {gemeente.naam}"


@transaction.atomic
def gremia_aanmaken(*, regio, door, gremia=(), colleges: bool = False) -> list[Gremium]:
    """Create the region's bodies in one step: `gremia` as (soort, naam) pairs, and with
    `colleges` the college of every current or future member that has none yet. A body that
    already exists (same kind and name) is left as it is."""
    permissions.vereis(door, "inrichten", regio)
    bestaand = set(Gremium.objects.filter(regio=regio).values_list("soort", "naam"))
    nieuw = []
    for soort, naam in gremia:
        naam = naam.strip()
        if soort in (GremiumSoort.COLLEGE, GremiumSoort.RAAD):
            raise DomeinFout("Colleges en raden horen bij een gemeente: kies 'colleges'.")
        if naam and (soort, naam) not in bestaand:
            bestaand.add((soort, naam))
            nieuw.append(Gremium(regio=regio, soort=soort, naam=naam))
    if colleges:
        met_college = set(
            Gremium.objects.filter(regio=regio, soort=GremiumSoort.COLLEGE).values_list(
                "gemeente_id", flat=True
            )
        )
        leden = (
            Lidmaatschap.objects.filter(regio=regio)
            .filter(Q(einde__isnull=True) | Q(einde__gte=timezone.localdate()))
            .select_related("gemeente")
            .order_by("gemeente__naam")
        )
        for lid in leden:
            if lid.gemeente_id not in met_college:
                met_college.add(lid.gemeente_id)
                nieuw.append(
                    Gremium(
                        regio=regio, soort=GremiumSoort.COLLEGE, naam=college_naam(lid.gemeente),
                        gemeente=lid.gemeente,
                    )
                )  # fmt: skip
    if not nieuw:
        raise DomeinFout("Er is niets nieuws om aan te maken: deze gremia bestaan al.")
    return bulk_create_with_history(nieuw, Gremium)
