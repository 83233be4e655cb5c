"""Rendered HTML fragments, cached by what they show and shared between worker processes.

A fragment's key is a hash of everything it shows (the fields of the rows, the flags of the
page) plus a fingerprint of the templates: a changed title, text, status, number or permission is
another key, never stale HTML, so nothing has to be deleted when a row changes (an edit gives the
fragment a new key; the old one ages out). Two levels:

- a bounded dictionary in the process (no network round trip for the ~120 items of a page);
- Django's cache (Redis when REDIS_URL is set, so every gunicorn worker and every machine shares
  what one of them rendered; local memory per process otherwise), for a day.

Per-request parts (the CSRF token) never enter a fragment: callers render with a placeholder and
fill it in per request (see uitgangspunten/templatetags/uitgangspunt_weergave.py).
"""

import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from threading import Lock

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model, QuerySet

logger = logging.getLogger(__name__)

LEVENSDUUR_S = 24 * 60 * 60
LOKAAL_MAX = 8192  # fragments per process (a few kB each)

_lokaal: OrderedDict[str, str] = OrderedDict()
_slot = Lock()


def sjablonen_kenmerk() -> str:
    """A fingerprint of every template file: a deploy with changed templates is a new key
    space, so a shared cache never serves HTML of the previous templates. Computed once per
    process; with DEBUG (runserver reloads edited templates) again after two seconds."""
    nu = time.monotonic()
    if _kenmerk["waarde"] is None or (settings.DEBUG and nu - _kenmerk["tijd"] > 2):
        _kenmerk["waarde"], _kenmerk["tijd"] = _kenmerk_berekenen(), nu
    return _kenmerk["waarde"]


_kenmerk = {"waarde": None, "tijd": 0.0}


def _kenmerk_berekenen() -> str:
    h = hashlib.sha256()
    mappen = [Path(d) for t in settings.TEMPLATES for d in t.get("DIRS", [])]
    for map_ in mappen:
        for pad in sorted(map_.rglob("*.html")):
            h.update(str(pad.relative_to(map_)).encode())
            h.update(pad.read_bytes())
    return h.hexdigest()[:16]


def sleutel(soort: str, delen) -> str:
    h = hashlib.sha256(repr(delen).encode()).hexdigest()
    return f"fragment:{soort}:{sjablonen_kenmerk()}:{h}"


def waarden(obj):
    """What a fragment can show of `obj`, as plain data for its key: every column of a row and
    of the rows loaded with it (select_related, or a foreign key read before), every row of a
    list or queryset; other values as they are. A prefetched list is not followed: a fragment
    that shows one gets it as an argument of its own."""
    if isinstance(obj, Model):
        kolommen = tuple(getattr(obj, f.attname) for f in obj._meta.concrete_fields)
        geladen = tuple((n, waarden(v)) for n, v in sorted(obj._state.fields_cache.items()))
        return (obj._meta.label, kolommen, geladen)
    if isinstance(obj, (list, tuple, QuerySet)):
        return tuple(waarden(o) for o in obj)
    return obj


def fragment(soort: str, delen, maken: Callable[[], str]) -> str:
    """The HTML of `maken()`, cached under a key made of `delen` (what the fragment shows)."""
    k = sleutel(soort, delen)
    with _slot:
        html = _lokaal.get(k)
        if html is not None:
            _lokaal.move_to_end(k)
            return html
    try:
        html = cache.get(k)
    except Exception:  # the shared cache is away (Redis down): render, as without a cache
        logger.warning("Fragmentcache niet bereikbaar", exc_info=True)
        return str(maken())
    if html is None:
        html = str(maken())
        try:
            cache.set(k, html, LEVENSDUUR_S)
        except Exception:
            logger.warning("Fragment niet bewaard", exc_info=True)
    with _slot:
        _lokaal[k] = html
        if len(_lokaal) > LOKAAL_MAX:
            _lokaal.popitem(last=False)
    return html


def lokaal_legen() -> None:
    """Empty this process's level (tests: to show the shared level answers)."""
    with _slot:
        _lokaal.clear()
