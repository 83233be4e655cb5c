from django.db import connection
from django.test.utils import CaptureQueriesContext


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
