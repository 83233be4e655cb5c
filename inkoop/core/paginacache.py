"""Whole pages from the shared cache, for as long as no table they read has changed.

A page is a function of the rows it reads, the user it is for and the day. Every write to a
table (INSERT, UPDATE, DELETE, TRUNCATE; through the ORM, the admin, a command, a Celery task or
raw SQL: all of it passes a database cursor) raises that table's generation, a counter in the
shared cache, once the write is committed. A cached page keeps the tables its rendering read
and their generations at the start; it is served again only while each of those generations is
unchanged, so a change to anything it read makes the next request render it anew. Nothing has
to know which page shows what, and nothing is deleted: an outdated entry is never looked at again
and ages out.

Why this is safe:

- The generations are read *before* the view runs, and raised *after* the commit: a page
  rendered from data that a concurrent write then replaces carries the older generation.
- A page is stored only when it was rendered in autocommit (outside a transaction, so from
  committed data), wrote nothing, set no cookie, left the session unchanged, had no pending
  message and answered 200.
- The key holds the user and their session's auth hash (another user, or the same user after a
  password change, is another key), the host, the day (deadlines and "today"), the database and
  a fingerprint of the code (templates, Python sources, the manifest of hashed static files), so
  a deploy never serves a page of the previous release. Role changes are writes to the role
  tables, which every permission check reads: the next request runs the view, and its check.
- The per-request parts never enter the cache: CSRF tokens and one-time form tokens are stored as
  placeholders and filled in for each response.
- A missing generation (an evicted or restarted cache) is created from the clock, never reused.
- A cache that does not answer costs the cache, never the page: the view runs, and a raise
  that failed is tried again by this process before it serves anything from the cache.
- Only with a cache that all processes share (Redis): with local memory per process, one
  process would not see another's writes, so `PAGINACACHE` is off without REDIS_URL
  (inkoop/settings.py).

Views opt in with `@gecachet` (under `@login_required`); a view that reads anything but the
database (the session, a file) stays out.
"""

import hashlib
import logging
import re
import time
import uuid
import zlib
from collections import OrderedDict
from functools import cache as eenmaal
from functools import wraps
from pathlib import Path
from threading import Lock

from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from inkoop.core.fragmenten import sjablonen_kenmerk
from inkoop.core.voorwaardelijk import tokens_vervangen

logger = logging.getLogger(__name__)

ALLES = "*"  # the generation of "everything": a write whose tables are unknown raises it
LEVENSDUUR_S = 60 * 60  # a page per user and address: an hour, so Redis does not fill up
LOKAAL_MAX = 64  # pages per process (each validated against the shared generations)
# Reads and writes that say nothing about what a page shows: the session row (the user is in
# the key) and the login bookkeeping of django-axes.
NIET_GEVOLGD = frozenset(
    {"django_session", "axes_accessattempt", "axes_accesslog", "axes_accessfailurelog"}
)
# Logging in writes last_login; no page shows it, and every login would empty every cache.
_LAATSTE_LOGIN = re.compile(r'^UPDATE "auth_user" SET "last_login" = \S+ WHERE "auth_user"')
_SCHRIJF = re.compile(r'^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"([^"]+)"', re.IGNORECASE)
_LEES = frozenset(
    {"SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "SET", "SHOW", "EXPLAIN", "ANALYZE", "VACUUM"}
)
_NAAM = re.compile(r'"([A-Za-z0-9_]+)"')
_CSRF_PH = b"\x00csrf\x00"
_EENMALIG_PH = b"\x00eenmalig\x00"
_GETOONDE_INSTELLINGEN = ("APP_VERSIE", "CONTACT_EMAIL", "SITE_URL", "STATIC_URL", "MEDIA_URL")
_BEWAARDE_KOPPEN = ("Content-Type", "Vary", "Cache-Control", "Content-Disposition")

_lokaal: OrderedDict[str, tuple] = OrderedDict()
_slot = Lock()
_achterstand: set[str] = set()  # raises that did not reach the cache, tried again


def aan() -> bool:
    return getattr(settings, "PAGINACACHE", False)


@eenmaal
def _tabellen() -> frozenset:
    """Every table of the project's models (with their many-to-many tables)."""
    namen = {m._meta.db_table for m in apps.get_models(include_auto_created=True)}
    return frozenset(namen - NIET_GEVOLGD)


def _db() -> str:
    return str(connection.settings_dict["NAME"])


def _gen_sleutel(tabel: str) -> str:
    return f"paginagen:{_db()}:{tabel}"


# --- writes: every connection raises the generations of the tables it writes -------------------


def geschreven_tabellen(sql: str) -> set[str] | None:
    """The tables a statement writes: an empty set for a read, None when it may write something
    we cannot name (DDL, a statement we do not recognise): that raises ALLES."""
    begin = sql.lstrip()[:12].split(None, 1)
    woord = begin[0].upper() if begin else ""
    if woord in _LEES or woord in ("BEGIN", "COMMIT", "PRAGMA"):
        return set()
    if _LAATSTE_LOGIN.match(sql):
        return set()
    if m := _SCHRIJF.match(sql):
        return {m.group(1)} - NIET_GEVOLGD
    if woord == "TRUNCATE":
        return set(_NAAM.findall(sql)) - NIET_GEVOLGD or None
    return None


def _verhogen(k: str) -> None:
    try:
        cache.incr(k)
    except ValueError:  # missing: start from the clock, so no old value comes back
        if not cache.add(k, time.time_ns(), None):
            cache.incr(k)


def ophogen(tabellen) -> None:
    """Raise the generation of each table (ALLES for "anything"). Runs after a commit, so it
    never fails the request: what does not reach the cache waits in `_achterstand`."""
    with _slot:
        tabellen = set(tabellen) | _achterstand
        _achterstand.clear()
    for tabel in tabellen:
        try:
            _verhogen(_gen_sleutel(tabel))
        except Exception:  # the cache is away (Redis down): try again before serving
            logger.warning("Paginacache: generatie van %s niet verhoogd", tabel, exc_info=True)
            with _slot:
                _achterstand.add(tabel)


def schrijven_volgen(execute, sql, params, many, context):
    """Execute wrapper on every connection (inkoop/apps.py): after a write, raise the written
    tables' generations when the transaction commits (at once in autocommit)."""
    resultaat = execute(sql, params, many, context)
    tabellen = geschreven_tabellen(sql)
    if tabellen is None:
        tabellen = {ALLES}
    if tabellen:
        db = context["connection"]
        if (lezen := getattr(db, "_paginacache_lezen", None)) is not None:
            lezen.schreef = True
        if db.in_atomic_block or db.get_autocommit():
            db.on_commit(lambda: ophogen(tabellen))  # the wrapper, not an alias: also '__no_db__'
        else:  # manual transaction management (no commit hook): raise it now
            ophogen(tabellen)
    return resultaat


def aansluiten(sender, connection, **kwargs):
    """connection_created: follow the writes of this connection (once per connection)."""
    if schrijven_volgen not in connection.execute_wrappers:
        connection.execute_wrappers.append(schrijven_volgen)


# --- reads: which tables did the view read ------------------------------------------------------


class _Lezen:
    def __init__(self):
        self.tabellen = set()
        self.schreef = False

    def __call__(self, execute, sql, params, many, context):
        self.tabellen.update(_NAAM.findall(sql))
        return execute(sql, params, many, context)


def _stand(tabellen) -> dict[str, int]:
    """The current generation of each table, creating missing ones."""
    sleutels = {_gen_sleutel(t): t for t in tabellen}
    gevonden = cache.get_many(list(sleutels))
    ontbrekend = [k for k in sleutels if k not in gevonden]
    for k in ontbrekend:
        cache.add(k, time.time_ns(), None)
    if ontbrekend:
        gevonden |= cache.get_many(ontbrekend)
    return {sleutels[k]: v for k, v in gevonden.items()}


# --- the decorator ------------------------------------------------------------------------------


@eenmaal
def _code_kenmerk() -> str:
    """The Python sources of the project, the static manifest and the settings pages show, once
    per process (a deploy starts new processes); the templates: fragmenten.sjablonen_kenmerk."""
    h = hashlib.sha256()
    basis = Path(settings.BASE_DIR)
    for pakket in ("inkoop", "regions", "voorzieningen", "uitgangspunten"):
        for pad in sorted((basis / pakket).rglob("*.py")):
            h.update(str(pad.relative_to(basis)).encode())
            h.update(pad.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        h.update(manifest.read_bytes())
    # What pages show from the environment (the footer, links in the page).
    h.update(repr([getattr(settings, n, None) for n in _GETOONDE_INSTELLINGEN]).encode())
    return h.hexdigest()[:16]


def _sleutel(request) -> str:
    user = request.user
    persoon = (user.pk, user.get_session_auth_hash()) if user.is_authenticated else None
    delen = (
        request.scheme,
        request.get_host(),  # absolute URLs (the sitemap) hold the host
        request.get_full_path(),
        persoon,
        timezone.localdate().isoformat(),
        settings.LANGUAGE_CODE,
    )
    h = hashlib.sha256(repr(delen).encode()).hexdigest()
    return f"pagina:{_db()}:{sjablonen_kenmerk()}:{_code_kenmerk()}:{h}"


def _bruikbaar(request) -> bool:
    return (
        aan()
        and request.method == "GET"
        and not getattr(request, "htmx", False)
        and not connection.in_atomic_block
        and not len(get_messages(request))
    )


def _geldig(entry) -> bool:
    tabellen, stand = entry[0], entry[1]
    return _stand(tabellen) == stand


def _opzoeken(k):
    with _slot:
        entry = _lokaal.get(k)
    if entry is None and (gedeeld := cache.get(k)) is not None:
        entry = (*gedeeld[:2], zlib.decompress(gedeeld[2]), gedeeld[3])
    if entry is not None and _geldig(entry):
        with _slot:
            _lokaal[k] = entry
            _lokaal.move_to_end(k)
            if len(_lokaal) > LOKAAL_MAX:
                _lokaal.popitem(last=False)
        return entry
    return None


def _antwoord(request, entry) -> HttpResponse:
    html = entry[2]
    if _CSRF_PH in html:
        html = html.replace(_CSRF_PH, get_token(request).encode())
    if _EENMALIG_PH in html:
        html = re.sub(re.escape(_EENMALIG_PH), lambda _: str(uuid.uuid4()).encode(), html)
    response = HttpResponse(html)
    for kop, waarde in entry[3]:
        response[kop] = waarde
    return response


def gecachet(view):
    """Serve the page from the shared cache while no table it read has changed."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _bruikbaar(request):
            return view(request, *args, **kwargs)
        try:
            if _achterstand:
                ophogen(())
            if _achterstand:  # still not raised: what the cache holds may be outdated
                return view(request, *args, **kwargs)
            k = _sleutel(request)
            if (entry := _opzoeken(k)) is not None:
                return _antwoord(request, entry)
            stand = _stand(_tabellen() | {ALLES})
        except Exception:  # the cache is away: the page as without it
            logger.warning("Paginacache niet bereikbaar", exc_info=True)
            return view(request, *args, **kwargs)
        lezen = _Lezen()
        connection._paginacache_lezen = lezen
        sessie = getattr(request, "session", None)
        sessie_gewijzigd = getattr(sessie, "modified", False)
        try:
            with connection.execute_wrapper(lezen):
                response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        finally:
            connection._paginacache_lezen = None
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not lezen.schreef
            and getattr(sessie, "modified", False) == sessie_gewijzigd
            and not connection.in_atomic_block
        ):
            gelezen = (lezen.tabellen & _tabellen()) | {ALLES}
            html = tokens_vervangen(response.content, _CSRF_PH, _EENMALIG_PH)
            koppen = tuple((h, response[h]) for h in _BEWAARDE_KOPPEN if response.has_header(h))
            # Compressed in Redis (an editor page of 200 kB becomes ~20 kB), as is here.
            html = zlib.compress(html, 1)
            entry = (tuple(sorted(gelezen)), {t: stand[t] for t in gelezen}, html, koppen)
            try:
                cache.set(k, entry, LEVENSDUUR_S)
            except Exception:
                logger.warning("Paginacache: pagina niet bewaard", exc_info=True)
        return response

    return wrapper


def lokaal_legen() -> None:
    """Empty this process's level (tests: to show the shared level answers)."""
    with _slot:
        _lokaal.clear()
