"""Who a history record (django-simple-history) names as its author outside a request.

In a request `HistoryRequestMiddleware` gives every record the logged-in user (also the
application account of an API token: Django REST framework sets it on the same request). Code
without a request (the demo builder, commands, tasks) says who acts with `als_auteur(user)`;
a service that knows the author sets `obj._history_user`, which wins over both.
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import QuerySet
from simple_history.models import HistoricalRecords

from .diff import OPGEMAAKT, Begrenzing, tekst_diff, woord_diff

_GEEN = object()


@contextmanager
def als_auteur(user):
    """Every history record written inside the block names `user` (unless it names its own)."""
    context = HistoricalRecords.context
    vorige = getattr(context, "request", _GEEN)
    context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        if vorige is _GEEN:
            del context.request
        else:
            context.request = vorige


HISTORIE_SOORT = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}
# Bookkeeping, not content: never shown as a change.
NIET_TONEN = {"id", "revisie", "gewijzigd", "aangemaakt"}


@dataclass
class Bron:
    """One kind of history record on a page: a label, the model, and the records to read."""

    wat: str
    model: type
    records: QuerySet
    velden: list[str] | None = None  # default: every concrete field but bookkeeping
    titel: Callable | None = None  # record -> str, from the record's own columns only


def _weergave(veld, waarde) -> str:
    if waarde is None:
        return ""
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    return str(waarde)


def _titel(record) -> str:
    for naam in ("titel", "naam", "omschrijving", "tekst", "onderwerp"):
        waarde = getattr(record, naam, None)
        if waarde:
            return str(waarde)[:80]
    return ""


def regels(bronnen: list[Bron], limiet: int = 150) -> list[dict]:
    """Who changed what when, newest first, over the records of every source.

    A fixed number of queries (one per source): the latest `limiet` records of each, each
    compared in memory with the record before it of the same object (when that falls in the
    window too). Changed fields come as a word diff, formatted text (OPGEMAAKT) as its rendered
    text with insertions and deletions marked (HTML-safe)."""
    uit = []
    grens = Begrenzing()  # one time budget for every comparison on the page
    for bron in bronnen:
        opts = bron.model._meta
        velden = bron.velden or [
            v.name for v in opts.concrete_fields if v.name not in NIET_TONEN and not v.primary_key
        ]
        records = list(
            bron.records.select_related("history_user").order_by("-history_date", "-history_id")[
                :limiet
            ]
        )
        vorige_per_id = {}
        for record in reversed(records):  # oldest first, so the previous one is known
            vorige = vorige_per_id.get(record.id)
            vorige_per_id[record.id] = record
            wijzigingen = []
            if record.history_type == "~" and vorige is not None:
                delta = record.diff_against(vorige, included_fields=velden)
                for change in delta.changes:
                    veld = opts.get_field(change.field)
                    oud, nieuw = _weergave(veld, change.old), _weergave(veld, change.new)
                    opgemaakt = change.field in OPGEMAAKT  # markdown: compared as rendered text
                    html = (
                        tekst_diff(
                            oud, nieuw, f"h{record.history_id}", True, grens=grens, inklappen=True
                        )
                        if opgemaakt
                        else woord_diff(oud, nieuw, True, grens=grens)
                    )
                    wijzigingen.append(
                        {"veld": veld.verbose_name, "html": html, "opgemaakt": opgemaakt}
                    )
                if not wijzigingen:
                    continue
            uit.append(
                {
                    "wat": bron.wat,
                    "titel": (bron.titel or _titel)(record) or bron.wat,
                    "soort": HISTORIE_SOORT.get(record.history_type, record.history_type),
                    "wie": record.history_user,
                    "wanneer": record.history_date,
                    "wijzigingen": wijzigingen,
                }
            )
    uit.sort(key=lambda r: r["wanneer"], reverse=True)
    return uit[:limiet]
