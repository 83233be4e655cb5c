"""Settings of the benchmark's gunicorn: the app's own, plus the floor view (bench_vloer.py)."""

from inkoop.settings import *  # noqa: F403

ROOT_URLCONF = "bench_vloer"
