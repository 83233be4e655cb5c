"""National-scale benchmark: gunicorn on PostgreSQL, the key pages under load from loopback.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/inkoop_bench make bench-scale

1. Creates the database when missing, migrates, collects static files and seeds national-scale
   data (`seed_scale`) unless present.
2. Creates a bench user with roles in one region and a database session for it (no login form,
   so login throttling and password hashing stay out of the measurement).
3. Starts gunicorn with the project's gunicorn.conf.py (the worker count and class recommended
   for 2 cores, docs/benchmarks.md), DEBUG off, production settings without the HTTPS redirect,
   and the shared cache in Redis when one answers on BENCH_REDIS_URL (local memory otherwise).
   The settings are the app's plus one URL: the floor (tests/benchmarks/bench_vloer.py), a bare
   Django view that runs the editor's queries and renders the same content minimally.
4. Per key page (SLEUTELPAGINAS below): p50/p95 at 1 connection (BENCH_REQUESTS requests, at most
   BENCH_SECONDS), then throughput and p95 at BENCH_CONNECTIONS (16) concurrent keep-alive
   connections for BENCH_SECONDS_LOAD seconds. BENCH_ALLE=1 adds every other GET page of the
   app's namespaces whose URL needs only a region, a round or a document (1 connection only).
5. Queries per page: the same URL rendered in-process under CaptureQueriesContext (without the
   page cache: what a page costs when it is rendered anew).

Pages come from the page cache (inkoop/core/paginacache.py) while nothing they read changes, as
in production with Redis. `PAGINACACHE=0 make bench-scale` measures every request rendered anew.

The last line reads `pages=N p95_ms_max=X queries_max=Y rps16_min=Z floor_ratio=R`
(p95 at 1 connection; rps at 16 connections; floor_ratio = editor p50 / floor p50).
"""

import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
HIER = Path(__file__).resolve().parent
BENCH_KEY = "bench-" + "q7Wm3Xr9Lp2Zt6Vn8Bk4Hc1Jd5Fg0Ys" * 2
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
SECONDS_LOAD = float(os.environ.get("BENCH_SECONDS_LOAD", "6"))
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
BENCH_USER = "bench-adviseur"


class Pagina(NamedTuple):
    label: str
    url_naam: str
    vulling: str  # how to fill the URL: a key of `vullingen` in paginas()
    query: str = ""  # query string, e.g. "?q=zorg" for a search page
    anoniem: bool = False  # public pages: measured without the session cookie


# The key pages, measured at 1 and at 16 connections. Add a page with one line, e.g. search:
#     Pagina("zoeken", "inkoop:zoeken", "geen", "?q=jeugdhulp"),
# or a public page (no login):
#     Pagina("publiek: regio", "publiek:regio", "regio", anoniem=True),
# A name that does not (yet) exist is reported as skipped, so the list may run ahead of the app.
SLEUTELPAGINAS = [
    Pagina("regio-overzicht", "inkoop:regios", "geen"),
    Pagina("regiopagina", "inkoop:regio", "regio"),
    Pagina("voorziening", "inkoop:voorziening", "voorziening"),
    Pagina("traject", "inkoop:traject", "traject"),
    Pagina("document (editor)", "uitgangspunten:document", "document"),
    Pagina("uitgangspunten", "uitgangspunten:lijst", "traject"),
    Pagina("uitgangspunten (filter)", "uitgangspunten:lijst", "traject", "?soort=voorziening"),
    Pagina("mijn werk", "inkoop:mijn_werk", "geen"),
    Pagina("besluitenlijst", "inkoop:besluitenlijst", "traject"),
    Pagina("zoeken", "openbaar:zoeken_intern", "geen", "?q=jeugdhulp"),
    Pagina("openbaar: overzicht", "openbaar:index", "geen", anoniem=True),
    Pagina("openbaar: zoeken", "openbaar:zoeken", "geen", "?q=jeugdhulp", anoniem=True),
    Pagina("openbaar: sitemap", "openbaar:sitemap", "geen", anoniem=True),
]
EDITOR = "document (editor)"
VLOER = Pagina("vloer (kale Django-view)", "bench_vloer", "document")
NAMESPACES = {"regions", "voorzieningen", "inkoop", "uitgangspunten"}


def omgeving() -> dict:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("bench-scale: zet DATABASE_URL op een PostgreSQL-database (postgres://…).")
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    if redis_antwoordt(REDIS):
        env["REDIS_URL"] = REDIS
    env.update(
        DJANGO_SETTINGS_MODULE="bench_instellingen",
        PYTHONPATH=os.pathsep.join([str(HIER), str(ROOT), env.get("PYTHONPATH", "")]).rstrip(
            os.pathsep
        ),
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=BENCH_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        VAR_DIR=str(ROOT / "var" / "bench"),
        LOG_LEVEL="ERROR",
    )
    return env


def redis_antwoordt(url: str) -> bool:
    deel = urlsplit(url)
    try:
        with socket.create_connection((deel.hostname, deel.port or 6379), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def database_aanmaken(url: str):
    """CREATE DATABASE when the bench database does not exist yet."""
    import psycopg

    deel = urlsplit(url)
    naam = deel.path.lstrip("/")
    beheer = deel._replace(path="/postgres").geturl()
    with psycopg.connect(beheer, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam]).fetchone():
            print(f"Database {naam} aanmaken…", flush=True)
            conn.execute(f'CREATE DATABASE "{naam}"')


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def voorbereiden():
    database_aanmaken(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    from inkoop.demo.schaal import bestaat_al

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    if not bestaat_al():
        print("Schaalgegevens opbouwen (landelijke omvang; enkele minuten)…", flush=True)
        begin = time.monotonic()
        call_command("seed_scale", force=True, verbosity=1)
        print(f"Opgebouwd in {time.monotonic() - begin:.0f} s", flush=True)


def bench_gebruiker():
    from django.contrib.auth import get_user_model

    from regions.constants import Rol
    from regions.models import Regio, Roltoewijzing

    regio = Regio.objects.get(slug="schaal-01")
    user, _ = get_user_model().objects.get_or_create(
        username=BENCH_USER, defaults={"first_name": "Bench", "last_name": "Adviseur"}
    )
    for rol in (Rol.BELEIDSADVISEUR, Rol.DIRECTEUR):
        Roltoewijzing.objects.get_or_create(gebruiker=user, regio=regio, rol=rol)
    return user, regio


def sessiecookie(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    sessie = SessionStore()
    sessie[SESSION_KEY] = str(user.pk)
    sessie[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    sessie[HASH_SESSION_KEY] = user.get_session_auth_hash()
    sessie.create()
    return f"{settings.SESSION_COOKIE_NAME}={sessie.session_key}"


def vullingen_voor(regio) -> dict:
    traject = regio.trajecten.order_by("-startjaar").first()
    voorziening = regio.voorzieningen.order_by("volgorde").first()
    document = traject.documenten.order_by("pk").first()
    uitgangspunt = traject.uitgangspunten.order_by("volgorde").first()
    return {
        "geen": {},
        "regio": {"slug": regio.slug},
        "voorziening": {"regio": regio.slug, "slug": voorziening.slug},
        "traject": {"regio": regio.slug, "slug": traject.slug},
        "document": {"pk": document.pk},
        "uitgangspunt": {"uid": uitgangspunt.uid},
    }


def pad_van(pagina: Pagina, vullingen) -> str | None:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(pagina.url_naam, kwargs=vullingen[pagina.vulling]) + pagina.query
    except NoReverseMatch:
        print(f"overgeslagen (bestaat niet): {pagina.url_naam}", flush=True)
        return None


def ontdekte_paginas(vullingen, gezien: set) -> list[tuple[Pagina, str]]:
    """Every named route of our namespaces whose parameters are exactly a region (regio), a
    region plus round (regio, slug under /trajecten/), or the document (pk under /documenten/)."""
    from django.urls import NoReverseMatch, get_resolver, reverse

    gevonden = []
    for ns, route, naam in _routes(get_resolver()):
        params = set(re.findall(r"<(?:\w+:)?(\w+)>", route))
        if params == {"regio", "slug"} and "trajecten/" in route:
            kwargs = vullingen["traject"]
        elif params == {"regio"}:
            kwargs = {"regio": vullingen["regio"]["slug"]}
        elif params == {"pk"} and route.startswith("documenten/"):
            kwargs = vullingen["document"]
        elif not params:
            kwargs = {}
        else:
            continue
        try:
            pad = reverse(f"{ns}:{naam}", kwargs=kwargs)
        except NoReverseMatch:
            continue
        if pad not in gezien:
            gezien.add(pad)
            gevonden.append((Pagina(f"{ns}:{naam}", f"{ns}:{naam}", "geen"), pad))
    return gevonden


def _routes(resolver, prefix="", ns=None):
    """(namespace, full route, name) of every named URL pattern under our namespaces."""
    from django.urls import URLPattern, URLResolver

    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from _routes(p, prefix + str(p.pattern), p.namespace or ns)
        elif isinstance(p, URLPattern) and p.name and ns in NAMESPACES:
            yield ns, prefix + str(p.pattern), p.name


def queries_per_pagina(pad: str, user) -> tuple[int, int]:
    """The queries of rendering the page (the page cache off: from it, every page costs the
    session and the user, 2 queries)."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={"host": "127.0.0.1", "x-forwarded-proto": "https"})
    if user is not None:
        client.force_login(user)
    with override_settings(PAGINACACHE=False):
        client.get(pad)  # warm caches (templates, content types)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(pad)
    return response.status_code, len(ctx.captured_queries)


def start_gunicorn(env, poort):
    """gunicorn with the project's gunicorn.conf.py (workers, worker class, threads)."""
    gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
    proces = subprocess.Popen(
        [str(gunicorn if gunicorn.exists() else shutil.which("gunicorn")), "inkoop.wsgi",
         "-c", str(ROOT / "gunicorn.conf.py"), "-b", f"127.0.0.1:{poort}",
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=0.2):
                return proces
        except OSError:
            time.sleep(0.1)
    proces.terminate()
    sys.exit("gunicorn startte niet")


def p95(tijden: list[float]) -> float:
    tijden = sorted(tijden)
    return tijden[min(len(tijden) - 1, int(round(0.95 * len(tijden))) - 1)]


def meten(poort, pad, koppen, draden: int, max_requests: int | None, seconden: float) -> dict:
    """`draden` keep-alive connections in parallel, each after 2 warm-up requests; stops after
    `max_requests` (None: no bound) or `seconden`. Returns n, p50, p95, rps and errors."""
    tijden, fouten = [], []
    slot = threading.Lock()
    teller = {"n": 0}
    venster = {}

    def start():  # runs once, when every connection has warmed up
        venster["begin"] = time.monotonic()
        venster["eind"] = venster["begin"] + seconden

    klaar = threading.Barrier(draden + 1, action=start)

    def werker():
        conn = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
        for _ in range(2):
            conn.request("GET", pad, headers=koppen)
            conn.getresponse().read()
        klaar.wait()
        while time.monotonic() < venster["eind"]:
            with slot:
                if max_requests is not None and teller["n"] >= max_requests:
                    break
                teller["n"] += 1
            begin = time.perf_counter()
            try:
                try:
                    conn.request("GET", pad, headers=koppen)
                    antwoord = conn.getresponse()
                except http.client.RemoteDisconnected:
                    # The server closed an idle keep-alive connection: the client reconnects.
                    conn.close()
                    begin = time.perf_counter()
                    conn.request("GET", pad, headers=koppen)
                    antwoord = conn.getresponse()
                antwoord.read()
            except (http.client.HTTPException, OSError) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
                fouten.append(str(exc))
                continue
            duur = (time.perf_counter() - begin) * 1000
            with slot:
                if antwoord.status == 200:
                    tijden.append(duur)
                else:
                    fouten.append(f"HTTP {antwoord.status}")
        conn.close()

    werkers = [threading.Thread(target=werker) for _ in range(draden)]
    for w in werkers:
        w.start()
    klaar.wait()
    for w in werkers:
        w.join()
    duur = time.monotonic() - venster["begin"]
    if not tijden:
        return {"n": 0, "p50": 0.0, "p95": 0.0, "rps": 0.0, "fouten": fouten}
    return {
        "n": len(tijden),
        "p50": statistics.median(tijden),
        "p95": p95(tijden),
        "rps": len(tijden) / duur,
        "fouten": fouten,
    }


def main():
    env = omgeving()
    os.environ.update(env)
    sys.path[:0] = [str(HIER), str(ROOT)]
    voorbereiden()
    user, regio = bench_gebruiker()
    cookie = sessiecookie(user)
    vullingen = vullingen_voor(regio)
    te_meten = []  # (Pagina, path, under load)
    for pagina in [*SLEUTELPAGINAS, VLOER]:
        if pad := pad_van(pagina, vullingen):
            te_meten.append((pagina, pad, True))
    if os.environ.get("BENCH_ALLE") == "1":
        gezien = {pad for _, pad, _ in te_meten}
        te_meten += [(p, pad, False) for p, pad in ontdekte_paginas(vullingen, gezien)]

    from django.db import connection

    connection.close()  # gunicorn's workers make their own connections
    poort = vrije_poort()
    proces = start_gunicorn(env, poort)
    resultaten = {}
    last = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    cache = "Redis" if env.get("REDIS_URL") else "lokaal geheugen per proces"
    print(
        f"belasting van de machine vooraf (load average 1/5/15 min): {last}; "
        f"{os.cpu_count()} cores; gunicorn.conf.py: {gunicorn_instelling(env)}; cache: {cache}"
    )
    kop = f"{'pagina':<28} {'n':>4} {'p50 ms':>7} {'p95 ms':>7} {'rps16':>6} {'p95@16':>7}"
    try:
        print(f"{kop} {'queries':>7}  pad")
        for pagina, pad, onder_last in te_meten:
            status, queries = queries_per_pagina(pad, None if pagina.anoniem else user)
            if status != 200:
                print(f"overgeslagen (HTTP {status}): {pagina.label} {pad}", flush=True)
                continue
            koppen = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}
            if not pagina.anoniem:
                koppen["Cookie"] = cookie
            r = meten(poort, pad, koppen, 1, REQUESTS, SECONDS)
            last16 = (
                meten(poort, pad, koppen, CONNECTIONS, None, SECONDS_LOAD) if onder_last else None
            )
            fouten = r["fouten"] + (last16["fouten"] if last16 else [])
            if fouten:
                print(f"fouten op {pad}: {sorted(set(fouten))[:3]}", flush=True)
            if r["n"] == 0:
                continue
            resultaten[pagina.label] = (pagina, r, last16, queries)
            belast = f"{last16['rps']:>6.1f} {last16['p95']:>7.1f}" if last16 else f"{'':>14}"
            print(
                f"{pagina.label:<28} {r['n']:>4} {r['p50']:>7.1f} {r['p95']:>7.1f} {belast} "
                f"{queries:>7}  {pad}",
                flush=True,
            )
    finally:
        proces.terminate()
        proces.wait(timeout=10)
    vloer = resultaten.pop(VLOER.label, None)
    if not resultaten:
        sys.exit("geen pagina's gemeten")
    last = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"belasting van de machine achteraf: {last}")
    p95_max = max(r["p95"] for _, r, _, _ in resultaten.values())
    queries_max = max(q for *_, q in resultaten.values())
    rps16_min = min(b["rps"] for _, _, b, _ in resultaten.values() if b)
    ratio = float("nan")
    if vloer and EDITOR in resultaten:
        editor_p50, vloer_p50 = resultaten[EDITOR][1]["p50"], vloer[1]["p50"]
        ratio = editor_p50 / vloer_p50
        print(f"editor p50 {editor_p50:.1f} ms / vloer p50 {vloer_p50:.1f} ms = {ratio:.2f}")
    print(
        f"pages={len(resultaten)} p95_ms_max={p95_max:.1f} queries_max={queries_max} "
        f"rps16_min={rps16_min:.1f} floor_ratio={ratio:.2f}"
    )


def gunicorn_instelling(env) -> str:
    sys.path.insert(0, str(ROOT))
    oud = dict(os.environ)
    os.environ.update(env)
    try:
        namen = {}
        exec((ROOT / "gunicorn.conf.py").read_text(), namen)  # noqa: S102 - our own config
    finally:
        os.environ.clear()
        os.environ.update(oud)
    return f"{namen['workers']} workers, {namen['worker_class']}, {namen.get('threads', 1)} threads"


if __name__ == "__main__":
    main()
