"""Profile one page in-process on the bench database (after `make bench-scale` made it):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/inkoop_bench \
        .venv/bin/python tests/benchmarks/profiel.py /documenten/20/ [n] [sortering]

The environment of bench_scale (`omgeving()`: its settings, Redis when it answers) and its user;
n requests (20) timed without and then with cProfile; prints the top 35 by `sortering`
(tottime) and our own functions. The page cache is off unless PAGINACACHE=1.
Counts work, not wall-clock speed: useful on a busy machine too.
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
ROOT = HIER.parents[1]
sys.path[:0] = [str(HIER), str(ROOT)]

import bench_scale  # noqa: E402 - found through the path above

# The same environment as bench_scale's gunicorn (settings, DEBUG off, Redis when it answers),
# with the page cache off: the profile is of rendering the page (PAGINACACHE=1: of a hit).
os.environ.update(bench_scale.omgeving())
os.environ.setdefault("PAGINACACHE", "0")


def main():
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    pad = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    sortering = sys.argv[3] if len(sys.argv) > 3 else "tottime"
    client = Client(headers={"host": "127.0.0.1", "x-forwarded-proto": "https"})
    client.force_login(get_user_model().objects.get(username=bench_scale.BENCH_USER))
    for _ in range(3):
        antwoord = client.get(pad)
    if antwoord.status_code != 200:
        sys.exit(f"{pad}: HTTP {antwoord.status_code}")
    begin = time.perf_counter()
    for _ in range(n):
        client.get(pad)
    ms = (time.perf_counter() - begin) / n * 1000
    print(f"{ms:.1f} ms per request zonder profiler, {len(antwoord.content)} bytes")
    profiel = cProfile.Profile()
    profiel.enable()
    for _ in range(n):
        client.get(pad)
    profiel.disable()
    stats = pstats.Stats(profiel).sort_stats(sortering)
    stats.print_stats(35)
    eigen = str(ROOT) + "/(inkoop|uitgangspunten|regions|voorzieningen)/"
    stats.sort_stats("cumtime").print_stats(eigen, 40)


if __name__ == "__main__":
    main()
