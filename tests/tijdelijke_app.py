"""The app in a temporary folder, for the scripts beside the tests (benchmarks, screenshots):
its own SQLite database and media, development settings, tasks in-process (no Redis)."""

import os
import tempfile
from pathlib import Path


def opzetten(prefix: str, **omgeving: str) -> Path:
    """Set the environment and start Django; returns the folder. Call before any Django import."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inkoop.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")  # production is the default of the settings
    os.environ["VAR_DIR"] = str(tmp)
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'app.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(tmp / "media")
    os.environ.pop("REDIS_URL", None)
    os.environ.update(omgeving)

    import django

    django.setup()
    return tmp
