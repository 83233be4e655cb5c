"""The colleges of all participating municipalities decide on one version: recorded together.

Each row goes through the one service that records a decision (`services.besluit_vastleggen`),
so every rule of a single decision holds for each row. All rows are one transaction: when a row
is refused, nothing is kept and each refusal is returned with its row.
"""

from dataclasses import dataclass

from django.db import transaction

from inkoop.besluitvorming import services
from inkoop.besluitvorming.models import Besluit
from inkoop.core.fouten import DomeinFout


@dataclass
class CollegeBesluit:
    gremium: object
    datum: object
    uitkomst: str
    toelichting: str = ""


def collegebesluiten_vastleggen(
    *, versie, door, rijen: list[CollegeBesluit]
) -> tuple[list[Besluit], dict[int, DomeinFout]]:
    """(decisions, {}) when every row was recorded, or ([], {row index: refusal})."""
    besluiten, fouten = [], {}
    with transaction.atomic():
        for i, rij in enumerate(rijen):
            try:
                # besluit_vastleggen is atomic itself: a refused row rolls back to its savepoint
                besluiten.append(
                    services.besluit_vastleggen(
                        gremium=rij.gremium, door=door, datum=rij.datum, uitkomst=rij.uitkomst,
                        versie=versie, toelichting=rij.toelichting,
                    )
                )  # fmt: skip
            except DomeinFout as fout:
                fouten[i] = fout
        if fouten:
            transaction.set_rollback(True)
            return [], fouten
    return besluiten, {}
