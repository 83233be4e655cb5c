from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from inkoop import selectors, services
from inkoop.constants import MijlpaalStatus
from inkoop.models import Statuscontrole, Traject
from regions import permissions


@login_required
def traject(request, regio, slug):
    try:
        traject = selectors.traject_detail(regio, slug)
    except Traject.DoesNotExist as exc:
        raise Http404 from exc
    permissions.vereis(request.user, "bekijken", traject)
    return render(
        request,
        "inkoop/traject.html",
        {
            "traject": traject,
            "regio": traject.regio,
            "scope": traject.scope.all(),
            "mijlpalen": traject.mijlpalen.all(),
            "documenten": traject.documenten.all(),
            "sessies": traject.sessies.all(),
            "concepten_zichtbaar": permissions.mag(request.user, "concepten_bekijken", traject),
            "MijlpaalStatus": MijlpaalStatus,
        },
    )


@login_required
def mijn_werk(request):
    return render(request, "inkoop/mijn_werk.html", selectors.mijn_werk(request.user))


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


@login_required
def status(request: HttpRequest):
    from django.conf import settings

    return render(
        request,
        "inkoop/status.html",
        {
            "database_ok": _database_ok(),
            "database_soort": connection.vendor,
            "wachtrij_extern": not settings.CELERY_TASK_ALWAYS_EAGER,
            "laatste": Statuscontrole.objects.first(),
        },
    )


@login_required
@require_POST
def statuscontrole_starten(request):
    controle = services.statuscontrole_starten()
    if request.htmx:
        return render(request, "inkoop/status.html#statuscontrole", {"laatste": controle})
    return redirect("inkoop:status")


@login_required
def statuscontrole(request, pk):
    controle = get_object_or_404(Statuscontrole, pk=pk)
    if request.htmx:
        return render(request, "inkoop/status.html#statuscontrole", {"laatste": controle})
    return redirect("inkoop:status")
