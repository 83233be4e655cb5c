from html.parser import HTMLParser

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def cache_legen() -> None:
    """Empty this test process's part of the cache. In CI one Redis serves every xdist worker
    (each with its own KEY_PREFIX, tests/conftest.py) and the Celery broker: FLUSHDB there would
    empty another worker's cache in the middle of its test, so only our own keys go."""
    cache = caches["default"]
    if not isinstance(cache, RedisCache):
        cache.clear()
        return
    client = cache._cache.get_client(write=True)
    for sleutel in client.scan_iter(match=cache.make_key("*"), count=1000):
        client.delete(sleutel)


def aantal_queries(functie) -> int:
    with CaptureQueriesContext(connection) as ctx:
        functie()
    return len(ctx.captured_queries)


def assert_constant_queries(maak_data, opvragen, klein=1, groot=12):
    """A page's query count must not grow with the data: measure at two sizes."""
    maak_data(klein)
    opvragen()  # warm up process-wide caches (content types, site settings) first
    voor = aantal_queries(opvragen)
    maak_data(groot - klein)
    na = aantal_queries(opvragen)
    assert voor == na, f"queries groeien mee met de data: {voor} bij {klein}, {na} bij {groot}"
    return na


class _Formulieren(HTMLParser):
    """What a browser would submit for each <form> of a page: (name, value) pairs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.formulieren = []
        self._huidig = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._huidig = []
            self.formulieren.append(self._huidig)
        if self._huidig is None:
            return
        soort = a.get("type", "text")
        if "disabled" in a:
            return
        if tag == "input" and a.get("name") and soort not in ("submit", "button"):
            if soort not in ("checkbox", "radio") or "checked" in a:
                self._huidig.append((a["name"], a.get("value") or ""))
        elif tag == "textarea":
            self._textarea = [a.get("name"), ""]
        elif tag == "select":
            self._select = {
                "naam": a.get("name"), "meervoud": "multiple" in a, "eerste": None, "gekozen": [],
            }  # fmt: skip
        elif tag == "option" and self._select is not None:
            if self._select["eerste"] is None:
                self._select["eerste"] = a.get("value", "")
            if "selected" in a:
                self._select["gekozen"].append(a.get("value", ""))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            naam, tekst = self._textarea
            # Browsers drop the newline Django puts right after <textarea>.
            if naam:
                self._huidig.append((naam, tekst.removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            s = self._select
            # A single select without a selected option submits its first option.
            standaard = [] if s["meervoud"] else [s["eerste"] or ""]
            for waarde in (s["gekozen"] or standaard) if s["naam"] else []:
                self._huidig.append((s["naam"], waarde))
            self._select = None
        elif tag == "form":
            self._huidig = None


def formulier_waarden(html: str, met_veld: str = "revisie") -> dict:
    """The values of the page's form that has a field `met_veld`, as a browser would post them
    (lists for fields that occur more than once, e.g. checkboxes)."""
    parser = _Formulieren()
    parser.feed(html)
    parser.close()
    for paren in parser.formulieren:
        if any(naam == met_veld for naam, _ in paren):
            waarden = {}
            for naam, waarde in paren:
                waarden.setdefault(naam, []).append(waarde)
            return {k: v[0] if len(v) == 1 else v for k, v in waarden.items()}
    raise AssertionError(f"geen formulier met een veld {met_veld!r} op de pagina")


def tegelijk_opslaan(opslaan, aantal=2) -> tuple[list[int], list]:
    """Run `opslaan(i)` in `aantal` threads that start at the same moment, each on its own
    database connection (real transactions). Returns the winners' numbers and the `Conflict`s
    of the others. Skips on in-memory SQLite, which shares no write lock between threads."""
    import threading

    import pytest
    from django.db import close_old_connections

    from inkoop.core.revisie import Conflict

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        "file:memorydb"
    ):
        pytest.skip("in-memory SQLite deelt geen schrijfvergrendeling tussen threads")
    start = threading.Barrier(aantal)
    uitkomsten = {}

    def draad(i):
        try:
            start.wait()
            opslaan(i)
            uitkomsten[i] = "opgeslagen"
        except Conflict as conflict:
            uitkomsten[i] = conflict
        finally:
            close_old_connections()
            connection.close()

    draden = [threading.Thread(target=draad, args=(i,)) for i in range(aantal)]
    for t in draden:
        t.start()
    for t in draden:
        t.join()
    winnaars = [i for i, u in uitkomsten.items() if u == "opgeslagen"]
    return winnaars, [u for u in uitkomsten.values() if isinstance(u, Conflict)]
