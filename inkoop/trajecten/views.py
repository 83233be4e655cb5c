"""Planning views: the milestones of a round."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from inkoop.core.eenmalig import AlVerstuurd, al_verstuurd, eenmalig
from inkoop.core.revisie import VERWIJDERCONFLICT, Conflict, conflict_tonen, revisie_uit
from regions import permissions

from . import forms, selectors, services
from .models import Mijlpaal, Traject


def traject_of_404(regio, slug) -> Traject:
    """The round a URL names (regio slug, round slug), for every view under a round."""
    return get_object_or_404(Traject.objects.select_related("regio"), regio__slug=regio, slug=slug)


@login_required
def planning(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bekijken", traject)
    return render(
        request,
        "inkoop/sessies/planning.html",
        {"traject": traject, "regio": traject.regio,
         "tijdlijn": selectors.tijdlijn(traject),
         "concepten_zichtbaar": permissions.mag(request.user, "concepten_bekijken", traject),
         "mag_bewerken": permissions.mag(request.user, "bewerken", traject)},
    )  # fmt: skip


def _mijlpaal_formulier(request, traject, mijlpaal):
    form = forms.MijlpaalForm(request.POST or None, instance=mijlpaal)
    if request.method == "POST" and form.is_valid():
        planning = reverse("inkoop:planning", kwargs={"regio": traject.regio.slug,
                                                      "slug": traject.slug})  # fmt: skip
        try:
            with eenmalig(form):
                services.mijlpaal_opslaan(
                    traject=traject,
                    mijlpaal=form.save(commit=False),
                    revisie=form.cleaned_data.get("revisie"),
                )
        except AlVerstuurd:
            return al_verstuurd(request, planning)
        except Conflict as conflict:
            conflict_tonen(form, conflict)
        except ValidationError as exc:
            for veld, fouten in exc.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            messages.success(request, "De mijlpaal is opgeslagen.")
            return redirect("inkoop:planning", regio=traject.regio.slug, slug=traject.slug)
    return render(
        request,
        "inkoop/sessies/formulier.html",
        {"form": form, "titel": "Mijlpaal bewerken" if mijlpaal.pk else "Nieuwe mijlpaal",
         "regio": traject.regio, "traject": traject,
         "annuleren": reverse("inkoop:planning", kwargs={"regio": traject.regio.slug,
                                                         "slug": traject.slug})},
    )  # fmt: skip


@login_required
def mijlpaal_nieuw(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    return _mijlpaal_formulier(request, traject, Mijlpaal(traject=traject))


@login_required
def mijlpaal_bewerken(request, regio, slug, pk):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    return _mijlpaal_formulier(
        request, traject, get_object_or_404(Mijlpaal, pk=pk, traject=traject)
    )


@login_required
@require_POST
def mijlpaal_verwijderen(request, regio, slug, pk):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    try:
        services.mijlpaal_verwijderen(
            mijlpaal=get_object_or_404(Mijlpaal, pk=pk, traject=traject),
            revisie=revisie_uit(request.POST),
        )
    except Conflict:
        messages.error(request, VERWIJDERCONFLICT)
    else:
        messages.success(request, "De mijlpaal is verwijderd.")
    return redirect("inkoop:planning", regio=traject.regio.slug, slug=traject.slug)
