"""Input: what was done with it, the input list of a round and its response report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import SlugField
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render

from inkoop.core.fouten import naar_formulier
from inkoop.core.revisie import Conflict, conflict_tonen
from inkoop.core.velden import LokaalPad, parameter
from inkoop.sessies import forms, selectors, services
from inkoop.sessies.constants import Verwerking
from inkoop.sessies.models import Inbreng
from inkoop.trajecten.views import traject_of_404
from regions import permissions
from voorzieningen.models import Voorziening

from .verslag import sessie_url


@login_required
def inbreng_verwerking(request, pk):
    inbreng = get_object_or_404(
        Inbreng.objects.select_related("traject", "traject__regio", "sessie", "voorziening"),
        pk=pk,
    )
    permissions.vereis(request.user, "sessies_bewerken", inbreng)
    form = forms.VerwerkingForm(request.POST or None, instance=inbreng)
    if request.method == "POST" and form.is_valid():
        try:
            services.inbreng_verwerken(
                inbreng=inbreng,
                revisie=form.cleaned_data["revisie"],
                uitgangspunten=form.cleaned_data["uitgangspunten"],
                verwerking=form.cleaned_data["verwerking"] or Verwerking.OPEN,
                toelichting=form.cleaned_data["verwerking_toelichting"],
            )
        except Conflict as conflict:
            conflict_tonen(form, conflict)
        except ValidationError as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, "De verwerking van de inbreng is opgeslagen.")
            if volgende := parameter(request.POST, "volgende", LokaalPad()):
                return HttpResponseRedirect(volgende)
            if inbreng.sessie_id:
                return redirect(sessie_url(inbreng.sessie, f"inbreng-{inbreng.pk}"))
            return redirect("inkoop:inbreng_lijst", regio=inbreng.traject.regio.slug,
                            slug=inbreng.traject.slug)  # fmt: skip
    volgende = parameter(request.GET, "volgende", LokaalPad()) or ""
    return render(
        request,
        "inkoop/sessies/verwerking.html",
        {"form": form, "inbreng": inbreng, "traject": inbreng.traject,
         "regio": inbreng.traject.regio, "volgende": volgende},
    )  # fmt: skip


def _voorziening_filter(request, traject):
    slug = parameter(request.GET, "voorziening", SlugField(required=False))
    if not slug:
        return None
    return get_object_or_404(Voorziening, regio=traject.regio, slug=slug)


@login_required
def inbreng_lijst(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    voorziening = _voorziening_filter(request, traject)
    alleen_open = request.GET.get("open") == "1"
    qs = selectors.inbreng_queryset().filter(traject=traject)
    if alleen_open:
        qs = qs.filter(verwerking=Verwerking.OPEN)
    if voorziening is not None:
        qs = qs.filter(voorziening=voorziening)
    return render(
        request,
        "inkoop/sessies/inbreng_lijst.html",
        {"traject": traject, "regio": traject.regio, "voorziening": voorziening,
         "alleen_open": alleen_open,
         "inbreng": qs.order_by("sessie__datum", "volgorde", "pk"),
         "mag_bewerken": permissions.mag(request.user, "sessies_bewerken", traject)},
    )  # fmt: skip


@login_required
def reactienota(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    voorziening = _voorziening_filter(request, traject)
    return render(
        request,
        "inkoop/sessies/reactienota.html",
        {"traject": traject, "regio": traject.regio, "voorziening": voorziening,
         "nota": selectors.reactienota(traject, voorziening)},
    )  # fmt: skip
