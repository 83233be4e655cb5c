import calendar
import datetime as dt
import re

from django.utils import timezone

from inkoop.core.velden import EERSTE_DATUM, LAATSTE_DATUM
from inkoop.trajecten.constants import MijlpaalStatus
from inkoop.trajecten.models import Mijlpaal, Traject

MAANDEN = {
    m: i
    for i, m in enumerate(
        "januari februari maart april mei juni juli augustus september oktober november "
        "december".split(),
        start=1,
    )
}


ONBEKEND = dt.date.max


def _periode(periode: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a period such as "Q1 2020", "maart 2020", "H2 2021" or "2022".

    Years outside the range of the forms (inkoop.core.velden, 2000 to 2100) or in other
    digits than 0-9 are not a period: "Q1 0000" sorts last, as "nog te bepalen" does."""
    tekst = (periode or "").strip().lower()
    jaren = re.findall(r"\d+", tekst)
    if not tekst.isascii() or any(
        not EERSTE_DATUM.year <= int(j) <= LAATSTE_DATUM.year for j in jaren[-1:]
    ):
        return None
    if m := re.fullmatch(r"q([1-4])\s*(\d{4})", tekst):
        jaar, eerste = int(m[2]), 3 * int(m[1]) - 2
        return dt.date(jaar, eerste, 1), _maand_einde(jaar, eerste + 2)
    if m := re.fullmatch(r"h([12])\s*(\d{4})", tekst):
        jaar, eerste = int(m[2]), 1 if m[1] == "1" else 7
        return dt.date(jaar, eerste, 1), _maand_einde(jaar, eerste + 5)
    if (m := re.fullmatch(r"([a-z]+)\s+(\d{4})", tekst)) and m[1] in MAANDEN:
        jaar, maand = int(m[2]), MAANDEN[m[1]]
        return dt.date(jaar, maand, 1), _maand_einde(jaar, maand)
    if m := re.fullmatch(r"(\d{4})", tekst):
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    return None


def _maand_einde(jaar: int, maand: int) -> dt.date:
    return dt.date(jaar, maand, calendar.monthrange(jaar, maand)[1])


def periode_begin(periode: str) -> dt.date:
    """Where a period starts on a timeline; "nog te bepalen" and anything unreadable go last."""
    grenzen = _periode(periode)
    return grenzen[0] if grenzen else ONBEKEND


def is_verlopen(mijlpaal: Mijlpaal, vandaag=None) -> bool:
    """Still planned after its date, or after the end of its period ("Q1 2020" is overdue
    from 1 April 2020)."""
    if mijlpaal.status != MijlpaalStatus.GEPLAND:
        return False
    vandaag = vandaag or timezone.localdate()
    if mijlpaal.datum:
        return mijlpaal.datum < vandaag
    grenzen = _periode(mijlpaal.periode)
    return bool(grenzen and grenzen[1] < vandaag)


def tijdlijn(traject: Traject, vandaag=None) -> list[dict]:
    """The round's milestones in time order: dates, then periods by their start, then the
    undetermined ones; with `verlopen` for planned milestones whose date has passed."""
    vandaag = vandaag or timezone.localdate()
    mijlpalen = list(Mijlpaal.objects.filter(traject=traject))

    def sleutel(m):
        begin = m.datum or periode_begin(m.periode)
        # On the same day a dated milestone comes before a period that starts then.
        return (begin, m.datum is None, m.volgorde, m.pk)

    return [
        {
            "mijlpaal": m,
            "wanneer": m.datum if m.datum else (m.periode or "nog te bepalen"),
            "verlopen": is_verlopen(m, vandaag),
        }
        for m in sorted(mijlpalen, key=sleutel)
    ]
