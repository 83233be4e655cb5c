from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from . import permissions, selectors
from .models import Regio


@login_required
def overzicht(request):
    regios = selectors.regios_voor(request.user)
    return render(request, "regions/overzicht.html", {"regios": regios})


@login_required
def regio(request, slug):
    try:
        regio = selectors.regio_detail(slug)
    except Regio.DoesNotExist as exc:
        raise Http404 from exc
    permissions.vereis(request.user, "bekijken", regio)
    lidmaatschappen = list(regio.lidmaatschappen.all())
    return render(
        request,
        "regions/regio.html",
        {
            "regio": regio,
            "actuele_leden": [lid for lid in lidmaatschappen if lid.is_actueel],
            "lidmaatschappen": lidmaatschappen,
            "voorzieningen": regio.voorzieningen.all(),
            "trajecten": regio.trajecten.all(),
            "percelen": regio.percelen.all(),
            "gremia": regio.gremia.all(),
        },
    )
