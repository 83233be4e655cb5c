"""gunicorn for 2 cores (docs/benchmarks.md, "Workers"): read by `gunicorn inkoop.wsgi` from the
working directory, by the Dockerfile, docker-compose.yml and `make bench-scale`.

The time of a request is Python (templates, markdown), not waiting: one process per core plus
one, so a core is busy while another process waits on PostgreSQL or Redis; two threads each
(gthread) keep connections alive and let a short request pass a long one. More processes only
add memory and split the local-memory cache (without Redis) into more cold parts.
"""

import multiprocessing
import os

workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
keepalive = 5
timeout = 60
