"""The decision route of a round: its steps, added, removed and moved."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from inkoop.besluitvorming import selectors, services
from inkoop.besluitvorming.forms import RouteStapForm
from inkoop.besluitvorming.models import RouteStap
from inkoop.core.eenmalig import AL_VERSTUURD, AlVerstuurd, eenmalig
from inkoop.core.fouten import DomeinFout
from inkoop.core.revisie import VERWIJDERCONFLICT, Conflict, revisie_uit
from inkoop.trajecten.views import traject_of_404
from regions import permissions

VERPLAATSCONFLICT = (
    "Een collega heeft de route intussen gewijzigd; er is niets verplaatst. Bekijk de volgorde "
    "hieronder en verplaats opnieuw als dat nog steeds nodig is."
)


@login_required
def route(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    stappen = selectors.route(traject)
    return render(
        request,
        "inkoop/besluitvorming/route.html",
        {
            "traject": traject,
            "regio": traject.regio,
            "stappen": stappen,
            "opgeslagen": any(s.pk for s in stappen),
            "deelnemers": selectors.deelnemende_gemeenten([traject])[traject.pk],
            "mag_bewerken": permissions.mag(request.user, "bewerken", traject),
            "form": RouteStapForm(regio=traject.regio),
        },
    )


@login_required
@require_POST
def routestap_toevoegen(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    form = RouteStapForm(request.POST, regio=traject.regio)
    if form.is_valid():
        try:
            with eenmalig(form):
                services.routestap_toevoegen(
                    traject=traject,
                    door=request.user,
                    gremium_soort=form.cleaned_data["gremium_soort"],
                    beoogde_uitkomst=form.cleaned_data["beoogde_uitkomst"],
                    gremium=form.cleaned_data["gremium"],
                )
        except AlVerstuurd:
            messages.info(request, AL_VERSTUURD)
        except DomeinFout as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, "De stap is aan de route toegevoegd.")
    else:
        messages.error(request, "De stap is niet toegevoegd: kies een soort gremium en uitkomst.")
    return redirect("inkoop:route", regio=regio, slug=slug)


def _stap(traject, stap):
    return get_object_or_404(RouteStap, traject=traject, pk=stap)


@login_required
@require_POST
def routestap_verwijderen(request, regio, slug, stap):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    try:
        services.routestap_verwijderen(
            stap=_stap(traject, stap), door=request.user, revisie=revisie_uit(request.POST)
        )
    except Conflict:
        messages.error(request, VERWIJDERCONFLICT)
    except DomeinFout as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, "De stap is uit de route verwijderd.")
    return redirect("inkoop:route", regio=regio, slug=slug)


@login_required
@require_POST
def routestap_verplaatsen(request, regio, slug, stap):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    richting = "op" if request.POST.get("richting") == "op" else "neer"
    try:
        services.routestap_verplaatsen(
            stap=_stap(traject, stap),
            door=request.user,
            richting=richting,
            revisie=revisie_uit(request.POST),
        )
    except Conflict:
        messages.error(request, VERPLAATSCONFLICT)
    except DomeinFout as fout:
        messages.error(request, str(fout))
    return redirect("inkoop:route", regio=regio, slug=slug)


@login_required
@require_POST
def route_vastleggen(request, regio, slug):
    """Store the default route so it can be changed step by step."""
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    services.route_aanmaken(traject)
    return redirect("inkoop:route", regio=regio, slug=slug)
