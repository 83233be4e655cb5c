"""A new region (superuser), the setup overview, its members and its bodies."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone

from inkoop.core.fouten import DomeinFout, naar_formulier
from inkoop.core.htmx import pagina
from inkoop.core.revisie import Conflict, conflict_tonen
from inkoop.core.velden import parameter
from inkoop.inrichting import stappen
from inkoop.inrichting.forms import GremiaForm, LedenForm, RegioBewerkenForm, RegioForm
from inkoop.trajecten import services as traject_services
from regions import permissions
from regions import services as regio_services
from regions.models import Regio

ZOEKRESULTATEN = 25


def regio_voor_inrichten(request, slug) -> Regio:
    """The region a setup URL names, for someone who may set it up (else 403)."""
    regio = get_object_or_404(Regio, slug=slug)
    permissions.vereis(request.user, "inrichten", regio)
    return regio


@login_required
def regio_nieuw(request):
    permissions.vereis_regio_aanmaken(request.user)
    form = RegioForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            regio = regio_services.regio_aanmaken(door=request.user, **form.cleaned_data)
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, f"De regio {regio.naam} is aangemaakt. Richt haar nu in.")
            return redirect("inkoop:inrichten", slug=regio.slug)
    return pagina(request, "inrichting/regio_nieuw.html", {"form": form})


@login_required
def inrichten(request, slug):
    regio = regio_voor_inrichten(request, slug)
    lijst = stappen.stappen(regio)
    return pagina(
        request,
        "inrichting/overzicht.html",
        {
            "regio": regio,
            "stappen": lijst,
            "volgende": next((s for s in lijst if not s.klaar), None),
        },
    )


@login_required
def regio_bewerken(request, slug):
    regio = regio_voor_inrichten(request, slug)
    form = RegioBewerkenForm(request.POST or None, instance=regio)
    if request.method == "POST" and form.is_valid():
        try:
            regio = regio_services.regio_bijwerken(
                regio=Regio.objects.get(pk=regio.pk),
                door=request.user,
                revisie=form.cleaned_data["revisie"],
                naam=form.cleaned_data["naam"],
                omschrijving=form.cleaned_data["omschrijving"],
                tooi=form.cleaned_data["tooi"],
            )
        except Conflict as conflict:
            conflict_tonen(form, conflict)
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, f"De regio heet nu {regio.naam}.")
            return redirect("inkoop:inrichten", slug=regio.slug)
    return pagina(
        request,
        "inrichting/regio_bewerken.html",
        {
            "regio": Regio.objects.get(pk=regio.pk),
            "form": form,
            "paginatitel": "Naam, omschrijving en uitgever",
        },
    )


def _standaard_begin(regio) -> tuple[dt.date, str]:
    """Membership starts with the round: 1 January of the newest round's first contract year."""
    traject = regio.trajecten.order_by("-startjaar").first()
    if traject is None:
        return timezone.localdate(), "Standaard vandaag: de regio heeft nog geen traject."
    return dt.date(traject.startjaar, 1, 1), f"Standaard het begin van {traject.naam}."


@login_required
def gemeenten(request, slug):
    regio = regio_voor_inrichten(request, slug)
    vandaag = timezone.localdate()
    leden = list(
        regio.lidmaatschappen.filter(Q(einde__isnull=True) | Q(einde__gte=vandaag))
        .select_related("gemeente")
        .order_by("gemeente__naam")
    )
    kiesbaar = regio_services.kiesbare_gemeenten().exclude(
        pk__in=[lid.gemeente_id for lid in leden]
    )
    begin, uitleg = _standaard_begin(regio)
    bron = request.POST if request.method == "POST" else request.GET
    form = LedenForm(request.POST or None, kiesbaar=kiesbaar, initial={"begin": begin})
    form.fields["begin"].help_text = uitleg
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = regio_services.leden_toevoegen(
                regio=regio,
                door=request.user,
                gemeenten=form.cleaned_data["gemeenten"],
                begin=form.cleaned_data["begin"],
            )
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, f"{len(nieuw)} gemeenten zijn lid geworden van {regio}.")
            return redirect("inkoop:inrichten_gemeenten", slug=regio.slug)
    gekozen_ids = [
        i for i in (parameter({"id": w}, "id") for w in bron.getlist("gemeenten")[:400]) if i
    ]
    gekozen = list(kiesbaar.filter(pk__in=gekozen_ids))
    zoek = parameter(bron, "q", forms.CharField(required=False, max_length=100)) or ""
    treffers = []
    if zoek:
        treffers = list(
            kiesbaar.filter(
                Q(naam__icontains=zoek) | Q(cbs_code__iexact=zoek) | Q(provincie__iexact=zoek)
            ).exclude(pk__in=gekozen_ids)[:ZOEKRESULTATEN]
        )
    return pagina(
        request,
        "inrichting/gemeenten.html",
        {
            "regio": regio,
            "paginatitel": "Deelnemende gemeenten",
            "leden": leden,
            "form": form,
            "zoek": zoek,
            "gekozen": gekozen,
            "treffers": treffers,
            "max_treffers": ZOEKRESULTATEN,
            "volgende": stappen.volgende(regio, na="Deelnemende gemeenten"),
        },
        partial="keuze",
    )


@login_required
def gremia(request, slug):
    regio = regio_voor_inrichten(request, slug)
    form = GremiaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = traject_services.gremia_aanmaken(
                regio=regio,
                door=request.user,
                gremia=form.gremia(),
                colleges=form.cleaned_data["colleges"],
            )
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, f"{len(nieuw)} gremia zijn aangemaakt.")
            return redirect("inkoop:inrichten_gremia", slug=regio.slug)
    return pagina(
        request,
        "inrichting/gremia.html",
        {
            "regio": regio,
            "paginatitel": "Gremia",
            "form": form,
            "gremia": regio.gremia.select_related("gemeente").order_by("soort", "naam"),
            "heeft_leden": regio.lidmaatschappen.exists(),
            "volgende": stappen.volgende(regio, na="Gremia"),
        },
    )
