"""Session lists, the session form and a round's calendar."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import SlugField
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from inkoop.core.eenmalig import AlVerstuurd, al_verstuurd, eenmalig
from inkoop.core.fouten import naar_formulier
from inkoop.core.revisie import Conflict, conflict_tonen
from inkoop.core.velden import parameter
from inkoop.sessies import forms, selectors, services
from inkoop.sessies.models import Sessie
from inkoop.trajecten.models import Traject
from inkoop.trajecten.views import traject_of_404
from regions import permissions
from regions.models import Regio


@login_required
def sessies_regio(request, regio):
    regio = get_object_or_404(Regio, slug=regio)
    permissions.vereis(request.user, "concepten_bekijken", regio)
    return render(
        request,
        "inkoop/sessies/lijst.html",
        {
            "regio": regio,
            "traject": None,
            "sessies": selectors.sessies_lijst(Sessie.objects.filter(regio=regio)),
            "mag_bewerken": permissions.mag(request.user, "sessies_bewerken", regio),
        },
    )


@login_required
def sessies_traject(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    return render(
        request,
        "inkoop/sessies/lijst.html",
        {
            "regio": traject.regio,
            "traject": traject,
            "sessies": selectors.sessies_lijst(Sessie.objects.filter(traject=traject)),
            "mag_bewerken": permissions.mag(request.user, "sessies_bewerken", traject),
        },
    )


def _sessie_formulier(request, regio, sessie, initial=None):
    form = forms.SessieForm(
        request.POST or None, instance=sessie, regio=regio, initial=initial or {}
    )
    if request.method == "POST" and form.is_valid():
        nieuw = form.save(commit=False)
        nieuw.regio = regio
        try:
            with eenmalig(form):
                nieuw = services.sessie_opslaan(
                    sessie=nieuw,
                    deelnemers=form.cleaned_data["deelnemers"],
                    afgemeld=form.cleaned_data["afgemeld"],
                    revisie=form.cleaned_data.get("revisie"),
                )
        except AlVerstuurd:
            return al_verstuurd(request, reverse("inkoop:sessies_regio", args=[regio.slug]))
        except Conflict as conflict:
            conflict_tonen(form, conflict, regio=regio)
        except ValidationError as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, "De sessie is opgeslagen.")
            return redirect("inkoop:sessie", pk=nieuw.pk)
    return render(
        request,
        "inkoop/sessies/sessie_formulier.html",
        {"form": form, "regio": regio, "sessie": sessie if sessie.pk else None,
         "traject": sessie.traject if sessie.pk else initial.get("traject") if initial else None},
    )  # fmt: skip


@login_required
def sessie_nieuw(request, regio):
    regio = get_object_or_404(Regio, slug=regio)
    permissions.vereis(request.user, "sessies_bewerken", regio)
    initial = {}
    if slug := parameter(request.GET, "traject", SlugField(required=False)):
        initial["traject"] = Traject.objects.filter(regio=regio, slug=slug).first()
    return _sessie_formulier(request, regio, Sessie(regio=regio), initial)


@login_required
def sessie_bewerken(request, pk):
    sessie = get_object_or_404(Sessie.objects.select_related("regio", "traject"), pk=pk)
    permissions.vereis(request.user, "sessies_bewerken", sessie)
    return _sessie_formulier(request, sessie.regio, sessie)


@login_required
def agenda(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    response = HttpResponse(
        selectors.agenda_ics(traject), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{traject.slug}.ics"'
    return response
