"""Who a history record (django-simple-history) names as its author outside a request.

In a request `HistoryRequestMiddleware` gives every record the logged-in user (also the
application account of an API token: Django REST framework sets it on the same request). Code
without a request (the demo builder, commands, tasks) says who acts with `als_auteur(user)`;
a service that knows the author sets `obj._history_user`, which wins over both.
"""

from contextlib import contextmanager
from types import SimpleNamespace

from simple_history.models import HistoricalRecords

_GEEN = object()


@contextmanager
def als_auteur(user):
    """Every history record written inside the block names `user` (unless it names its own)."""
    context = HistoricalRecords.context
    vorige = getattr(context, "request", _GEEN)
    context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        if vorige is _GEEN:
            del context.request
        else:
            context.request = vorige
