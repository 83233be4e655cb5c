from django.db import transaction

from inkoop.core.fouten import DomeinFout
from inkoop.core.revisie import revisie_claimen, verwijderen
from inkoop.trajecten.models import Mijlpaal, Traject


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
