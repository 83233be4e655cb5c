"""The key page of a region's administrator: issue a key (shown once) and revoke one.
The rules are in `services` (the same as for the command and the admin)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from inkoop.core.fouten import DomeinFout, naar_formulier
from regions import permissions
from regions.models import Regio

from . import selectors, services
from .forms import SleutelForm


def _regio(request, slug) -> Regio:
    regio = get_object_or_404(Regio, slug=slug)
    permissions.vereis(request.user, "inrichten", regio)
    return regio


def _formulier(request, regio, data=None):
    return SleutelForm(data, regios=selectors.beheerde_regios(request.user),
                       initial={"regios": [regio]})  # fmt: skip


@never_cache  # the new key is in this response, and only here
@login_required
def sleutels(request, slug):
    regio = _regio(request, slug)
    form = _formulier(request, regio, request.POST or None)
    nieuw, sleutel = None, None
    if request.method == "POST" and form.is_valid():
        try:
            nieuw, sleutel = services.sleutel_uitgeven(door=request.user, **form.cleaned_data)
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            form = _formulier(request, regio)
    return render(
        request,
        "api/sleutels.html",
        {
            "regio": regio,
            "paginatitel": "API-sleutels",
            "form": form,
            "nieuw": nieuw,
            "sleutel": sleutel,
            "sleutels": selectors.sleutels_van_regio(regio),
        },
    )


@login_required
@require_POST
def intrekken(request, slug, pk):
    regio = _regio(request, slug)
    token = get_object_or_404(selectors.sleutels_van_regio(regio), pk=pk)
    services.sleutel_intrekken(door=request.user, token=token)
    messages.success(request, f"De sleutel van {token.naam} is ingetrokken; hij werkt niet meer.")
    return redirect("inkoop:api_sleutels", slug=regio.slug)


urlpatterns = [
    path("regio/<slug:slug>/inrichten/api-sleutels/", sleutels, name="api_sleutels"),
    path("regio/<slug:slug>/inrichten/api-sleutels/<int:pk>/intrekken/", intrekken,
         name="api_sleutel_intrekken"),
]  # fmt: skip
