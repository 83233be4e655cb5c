"""The steps of setting up a region, in order, with how far each is (reads only)."""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from inkoop.trajecten.constants import GremiumSoort
from regions.models import Regio


@dataclass
class Stap:
    naam: str
    url: str
    aantal: int
    gedaan: str  # what the step holds once done
    leeg: str  # what to do while it is empty

    @property
    def klaar(self) -> bool:
        return self.aantal > 0


def _telling(n: int, een: str, meer: str) -> str:
    return f"{n} {een if n == 1 else meer}"


def stappen(regio: Regio) -> list[Stap]:
    vandaag = timezone.localdate()
    leden = regio.lidmaatschappen.filter(Q(einde__isnull=True) | Q(einde__gte=vandaag)).count()
    gremia = regio.gremia.exclude(soort=GremiumSoort.COLLEGE).count()
    colleges = regio.gremia.filter(soort=GremiumSoort.COLLEGE).count()
    voorzieningen = regio.voorzieningen.count()
    trajecten = regio.trajecten.count()
    rollen = regio.rollen.count()
    documenten = sum(t.documenten.count() for t in regio.trajecten.all())

    def url(naam):
        return reverse(f"inkoop:{naam}", kwargs={"slug": regio.slug})

    return [
        Stap(
            "Deelnemende gemeenten",
            url("inrichten_gemeenten"),
            leden,
            _telling(leden, "gemeente", "gemeenten"),
            "Kies de gemeenten die samen inkopen uit de landelijke lijst.",
        ),
        Stap(
            "Gremia",
            url("inrichten_gremia"),
            gremia + colleges,
            _telling(gremia, "gremium", "gremia")
            + " en "
            + _telling(colleges, "college", "colleges"),
            "Maak het DO, het PFHO, de adviesraden en de colleges aan.",
        ),
        Stap(
            "Voorzieningen",
            url("inrichten_voorzieningen"),
            voorzieningen,
            _telling(voorzieningen, "voorziening", "voorzieningen"),
            "Kies de voorzieningen die de regio inkoopt.",
        ),
        Stap(
            "Inkooptraject",
            url("inrichten_traject"),
            trajecten,
            _telling(trajecten, "traject", "trajecten"),
            "Begin een inkooptraject met de voorzieningen in scope.",
        ),
        Stap(
            "Gebruikers en rollen",
            url("inrichten_gebruikers"),
            rollen,
            _telling(rollen, "roltoewijzing", "roltoewijzingen"),
            "Nodig de beleidsadviseurs, directeuren en secretarissen uit.",
        ),
        Stap(
            "Eerste document",
            url("inrichten_document"),
            documenten,
            _telling(documenten, "document", "documenten"),
            "Maak een leeg document aan om mee te beginnen.",
        ),
    ]


def volgende(regio: Regio, na: str | None = None) -> Stap | None:
    """The first step not done yet (after step `na`, by name, when given)."""
    lijst = stappen(regio)
    if na is not None:
        namen = [s.naam for s in lijst]
        lijst = lijst[namen.index(na) + 1 :] if na in namen else lijst
    return next((s for s in lijst if not s.klaar), None)
