"""National-scale benchmark: gunicorn on PostgreSQL, the key pages under load from loopback.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/inkoop_bench make bench-scale

1. Migrates, collects static files and seeds national-scale data (`seed_scale`) unless present.
2. Creates a bench user with roles in one region and a database session for it (no login form,
   so login throttling and password hashing stay out of the measurement).
3. Starts gunicorn (2 workers, DEBUG off, production settings without the HTTPS redirect).
4. Finds the pages: the fixed key pages plus every GET page of the app's namespaces whose URL
   needs nothing but a region or a round (lists that other features add are picked up too).
5. Per page: warm-up, then requests from BENCH_THREADS threads with keep-alive connections,
   bounded by BENCH_REQUESTS and BENCH_SECONDS; p50/p95 over the measured requests.
6. Queries per page: the same view called in-process under CaptureQueriesContext.

The last line reads `pages=N p95_ms_max=X queries_max=Y`.
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

ROOT = Path(__file__).resolve().parents[2]
BENCH_KEY = "bench-" + "q7Wm3Xr9Lp2Zt6Vn8Bk4Hc1Jd5Fg0Ys" * 2
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
BENCH_USER = "bench-adviseur"

# Pages every installation has; (label, url name, how to fill the URL).
VASTE_PAGINAS = [
    ("regio-overzicht", "inkoop:regios", "geen"),
    ("regiopagina", "inkoop:regio", "regio"),
    ("voorziening", "inkoop:voorziening", "voorziening"),
    ("traject", "inkoop:traject", "traject"),
    ("document (editor)", "uitgangspunten:document", "document"),
    ("uitgangspunt", "uitgangspunten:uitgangspunt", "uitgangspunt"),
    ("mijn werk", "inkoop:mijn_werk", "geen"),
    ("status", "inkoop:status", "geen"),
    ("zoeken", "openbaar:zoeken_intern", "geen"),
    ("openbaar overzicht", "openbaar:index", "geen"),
    ("openbaar zoeken", "openbaar:zoeken", "geen"),
    ("openbare sitemap", "openbaar:sitemap", "geen"),
]
NAMESPACES = {"regions", "voorzieningen", "inkoop", "uitgangspunten"}


def omgeving() -> dict:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("bench-scale: zet DATABASE_URL op een PostgreSQL-database (postgres://…).")
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="inkoop.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=BENCH_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        VAR_DIR=str(ROOT / "var" / "bench"),
        LOG_LEVEL="ERROR",
    )
    return env


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def voorbereiden():
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


def paginas(regio) -> list[tuple[str, str]]:
    """(label, path) of the fixed key pages plus discovered region/round pages."""
    from django.urls import NoReverseMatch, get_resolver, reverse

    traject = regio.trajecten.order_by("-startjaar").first()
    voorziening = regio.voorzieningen.order_by("volgorde").first()
    document = traject.documenten.order_by("pk").first()
    uitgangspunt = traject.uitgangspunten.order_by("volgorde").first()
    vullingen = {
        "geen": {},
        "regio": {"slug": regio.slug},
        "voorziening": {"regio": regio.slug, "slug": voorziening.slug},
        "traject": {"regio": regio.slug, "slug": traject.slug},
        "document": {"pk": document.pk},
        "uitgangspunt": {"uid": uitgangspunt.uid},
    }
    gevonden, gezien = [], set()
    for label, naam, vulling in VASTE_PAGINAS:
        try:
            pad = reverse(naam, kwargs=vullingen[vulling])
        except NoReverseMatch:
            print(f"overgeslagen (bestaat niet): {naam}", flush=True)
            continue
        gevonden.append((label, pad))
        gezien.add(pad)

    # Discovery: every named route of our namespaces whose parameters are exactly a region
    # (regio) or a region plus round (regio, slug under /trajecten/), or the document (pk
    # under /documenten/).
    for ns, route, naam in _routes(get_resolver()):
        params = set(re.findall(r"<(?:\w+:)?(\w+)>", route))
        if params == {"regio", "slug"} and "trajecten/" in route:
            kwargs = vullingen["traject"]
        elif params == {"regio"}:
            kwargs = {"regio": regio.slug}
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
            gevonden.append((f"{ns}:{naam}", pad))
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
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={"host": "127.0.0.1", "x-forwarded-proto": "https"})
    client.force_login(user)
    client.get(pad)  # warm caches (templates, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(pad)
    return response.status_code, len(ctx.captured_queries)


def start_gunicorn(env, poort):
    gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
    proces = subprocess.Popen(
        [str(gunicorn if gunicorn.exists() else shutil.which("gunicorn")), "inkoop.wsgi",
         "-w", str(WORKERS), "-b", f"127.0.0.1:{poort}", "--log-level", "warning"],
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


def meten(poort, pad, cookie) -> dict:
    koppen = {"Cookie": cookie, "X-Forwarded-Proto": "https", "Host": "127.0.0.1"}
    tijden, fouten = [], []
    slot = threading.Lock()
    teller = {"n": 0}
    eind = time.monotonic() + SECONDS

    def werker():
        conn = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
        for _ in range(3):  # warm-up per connection
            conn.request("GET", pad, headers=koppen)
            conn.getresponse().read()
        while time.monotonic() < eind:
            with slot:
                if teller["n"] >= REQUESTS:
                    break
                teller["n"] += 1
            begin = time.perf_counter()
            try:
                conn.request("GET", pad, headers=koppen)
                antwoord = conn.getresponse()
                antwoord.read()
            except (http.client.HTTPException, OSError) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
                fouten.append(str(exc))
                continue
            duur = (time.perf_counter() - begin) * 1000
            with slot:
                if antwoord.status == 200:
                    tijden.append(duur)
                else:
                    fouten.append(f"HTTP {antwoord.status}")
        conn.close()

    draden = [threading.Thread(target=werker) for _ in range(THREADS)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    tijden.sort()
    if not tijden:
        return {"n": 0, "p50": 0.0, "p95": 0.0, "fouten": fouten}
    p95 = tijden[min(len(tijden) - 1, int(round(0.95 * len(tijden))) - 1)]
    return {"n": len(tijden), "p50": statistics.median(tijden), "p95": p95, "fouten": fouten}


def main():
    env = omgeving()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    voorbereiden()
    user, regio = bench_gebruiker()
    cookie = sessiecookie(user)
    lijst = paginas(regio)

    from django.db import connection

    connection.close()  # gunicorn's workers make their own connections
    poort = vrije_poort()
    proces = start_gunicorn(env, poort)
    resultaten = []
    last = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"belasting van de machine vooraf (load average 1/5/15 min): {last}; "
        f"{os.cpu_count()} cores, {WORKERS} gunicorn-workers, {THREADS} clientdraden"
    )
    try:
        print(f"{'pagina':<34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  pad")
        for label, pad in lijst:
            status, queries = queries_per_pagina(pad, user)
            if status != 200:
                print(f"overgeslagen (HTTP {status}): {label} {pad}", flush=True)
                continue
            r = meten(poort, pad, cookie)
            if r["fouten"]:
                print(f"fouten op {pad}: {sorted(set(r['fouten']))[:3]}", flush=True)
            if r["n"] == 0:
                continue
            resultaten.append((label, pad, r, queries))
            print(
                f"{label:<34} {r['n']:>5} {r['p50']:>8.1f} {r['p95']:>8.1f} {queries:>8}  {pad}",
                flush=True,
            )
    finally:
        proces.terminate()
        proces.wait(timeout=10)
    if not resultaten:
        sys.exit("geen pagina's gemeten")
    last = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"belasting van de machine achteraf: {last}")
    p95_max = max(r["p95"] for _, _, r, _ in resultaten)
    queries_max = max(q for *_, q in resultaten)
    print(f"pages={len(resultaten)} p95_ms_max={p95_max:.1f} queries_max={queries_max}")


if __name__ == "__main__":
    main()
