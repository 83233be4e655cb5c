from django.apps import AppConfig


class InkoopConfig(AppConfig):
    name = "inkoop"
    verbose_name = "Inkoopproces"

    def ready(self):
        # The project package wires its sub-packages: the guards that keep a decided version
        # frozen on every ORM save path, the PDF document kinds, the Celery tasks, and the
        # search functions on SQLite (the fallback of PostgreSQL's full-text search), and the
        # page cache's watch on every write.
        from django.db.backends.signals import connection_created

        from inkoop.besluitvorming import pdf as _besluitvorming_pdf  # noqa: F401
        from inkoop.besluitvorming import services as _besluitvorming  # noqa: F401
        from inkoop.core import paginacache
        from inkoop.openbaar import pdf as _openbaar_pdf  # noqa: F401
        from inkoop.openbaar.zoeken import sqlite_functies
        from inkoop.overzicht import tasks as _overzicht_tasks  # noqa: F401
        from inkoop.pdf import tasks as _pdf_tasks  # noqa: F401
        from inkoop.sessies import pdf as _sessies_pdf  # noqa: F401
        from inkoop.uitwisseling import tasks as _uitwisseling_tasks  # noqa: F401
        from regions import tasks as _regions_tasks  # noqa: F401

        connection_created.connect(sqlite_functies, dispatch_uid="inkoop_zoek_sqlite")
        # Every write raises the generation of its table, for the page cache.
        connection_created.connect(paginacache.aansluiten, dispatch_uid="inkoop_paginacache")
