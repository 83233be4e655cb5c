"""Reading a large .docx off the request path: the upload makes a job, the worker reads it.

A memo of a few pages reads in well under a second (measured in docs/word.md), so the page reads
it at once; a file whose text parts are larger (`docx_bestand.is_groot`) is read by the Celery
task "inkoop.uitwisseling.voorstel_lezen", which takes the id, re-fetches, and returns at once
for a job already done. The page follows the job and then shows the same review.
"""

import time

from django.core.files.base import ContentFile
from django.db import transaction

from inkoop.core.fouten import DomeinFout
from inkoop.core.taken import na_commit_inplannen

from . import verslag_in, word_in
from .constants import LeesSoort, LeesStatus
from .models import Leesopdracht

LEES_TAAK = "inkoop.uitwisseling.voorstel_lezen"
FOUT_ONVERWACHT = (
    "Het bestand kon niet worden gelezen. Sla het in Word opnieuw op als .docx en probeer het nog "
    "eens; lukt het dan niet, meld het bij functioneel beheer (leesopdracht {pk})."
)


def voorstel_maken(soort: str, data: bytes, naam: str) -> dict:
    if soort == LeesSoort.VERSLAG:
        return verslag_in.verslag_uit_docx(data, naam)
    return word_in.document_voorstel(data, naam)


@transaction.atomic
def leesopdracht_aanmaken(*, soort, object_id, data: bytes, naam: str, door) -> Leesopdracht:
    opdracht = Leesopdracht(soort=soort, object_id=object_id, bestandsnaam=naam[:200],
                            aangevraagd_door=door)  # fmt: skip
    opdracht.bestand.save("import.docx", ContentFile(data), save=False)
    opdracht.save()
    na_commit_inplannen(LEES_TAAK, opdracht.pk)
    return opdracht


def leesopdracht_uitvoeren(*, opdracht_id: int) -> Leesopdracht | None:
    opdracht = Leesopdracht.objects.filter(pk=opdracht_id).first()
    if opdracht is None or opdracht.status in (LeesStatus.KLAAR, LeesStatus.MISLUKT):
        return opdracht
    Leesopdracht.objects.filter(pk=opdracht_id).update(status=LeesStatus.BEZIG)
    begin = time.monotonic()
    try:
        with opdracht.bestand.open("rb") as f:
            data = f.read()
        opdracht.voorstel = voorstel_maken(opdracht.soort, data, opdracht.bestandsnaam)
        opdracht.status = LeesStatus.KLAAR
    except DomeinFout as fout:
        opdracht.status, opdracht.fout = LeesStatus.MISLUKT, str(fout)
    except OSError:
        raise
    except Exception:
        opdracht.status, opdracht.fout = LeesStatus.MISLUKT, FOUT_ONVERWACHT.format(pk=opdracht.pk)
    opdracht.duur = round(time.monotonic() - begin, 3)
    # The upload is only needed to read it once: the proposal holds what the review shows.
    opdracht.bestand.delete(save=False)
    opdracht.save()
    return opdracht
