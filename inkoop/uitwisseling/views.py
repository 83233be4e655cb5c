"""Word in: upload a .docx (or paste minutes), review what will be made, save it in one step.

The proposal travels in the session between the upload and the save (under a token in the
form), so nothing is written before the user confirms, and a second save of the same review is
refused instead of importing twice.
"""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from inkoop.core.fouten import DomeinFout, foutregels, naar_formulier
from inkoop.sessies.models import Sessie
from inkoop.trajecten.models import Traject
from inkoop.trajecten.views import traject_of_404
from regions import permissions

from . import docx_bestand, services, verslag_in, word_in
from .constants import LeesSoort, LeesStatus
from .forms import (
    DocumentKeuzeForm,
    DocxForm,
    RegelKeuzes,
    SectieKeuzes,
    UitgangspuntKeuzes,
    VerslagForm,
)
from .models import Leesopdracht

SESSIE_SLEUTEL = "uitwisseling:{}"
VERLOPEN = "Deze import is al opgeslagen of verlopen. Kies het bestand opnieuw."


def _bewaren(request, voorstel) -> str:
    token = secrets.token_urlsafe(12)
    request.session[SESSIE_SLEUTEL.format(token)] = voorstel
    return token


def _ophalen(request, token):
    return request.session.get(SESSIE_SLEUTEL.format(token)) if token else None


# ---------- Documents ----------


def _document_formulieren(voorstel, data=None):
    keuzes = word_in.standaard_keuzes(voorstel)
    kop = DocumentKeuzeForm(
        data,
        labels={r["veld"]: r["label"] for r in voorstel["kop"]},
        initial={"soort": keuzes["soort"], "titel": keuzes["titel"], "datum": keuzes["datum"]}
        | keuzes["kop"],
    )
    secties = SectieKeuzes(data, prefix="sectie", initial=keuzes["secties"])
    ups = UitgangspuntKeuzes(data, prefix="up", initial=keuzes["uitgangspunten"])
    return kop, secties, ups


def _document_review(request, traject, voorstel, token, formulieren, status=200):
    kop, secties, ups = formulieren
    return render(
        request,
        "uitwisseling/word_import.html",
        {
            "traject": traject, "regio": traject.regio, "voorstel": voorstel, "token": token,
            "kop_form": kop, "fouten": foutregels(kop, Sectie=secties, Uitgangspunt=ups),
            "secties": list(zip(voorstel["secties"], secties.forms, strict=True)),
            "sectie_formset": secties,
            "uitgangspunten": list(zip(voorstel["uitgangspunten"], ups.forms, strict=True)),
            "up_formset": ups,
        },
        status=status,
    )  # fmt: skip


@login_required
def word_importeren(request, regio, slug):
    """GET: the upload form. POST with a file: the review. POST with a token: save."""
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    context = {"traject": traject, "regio": traject.regio}
    if request.method == "POST" and "token" in request.POST:
        return _document_opslaan(request, traject)
    form = DocxForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        data = bestand.read()
        try:
            if docx_bestand.is_groot(data, bestand.name):
                return _in_de_achtergrond(request, LeesSoort.DOCUMENT, traject, data, bestand.name)
            voorstel = word_in.document_voorstel(data, bestand.name)
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            token = _bewaren(request, voorstel)
            return _document_review(request, traject, voorstel, token,
                                    _document_formulieren(voorstel))  # fmt: skip
    status = 400 if form.errors else 200
    return render(request, "uitwisseling/word_upload.html", context | {"form": form}, status=status)


def _document_opslaan(request, traject):
    token = request.POST["token"]
    voorstel = _ophalen(request, token)
    if voorstel is None:
        messages.error(request, VERLOPEN)
        return redirect("inkoop:word_importeren", regio=traject.regio.slug, slug=traject.slug)
    formulieren = _document_formulieren(voorstel, request.POST)
    kop, secties, ups = formulieren
    if kop.is_valid() and secties.is_valid() and ups.is_valid():
        data = kop.cleaned_data
        keuzes = {
            "soort": data["soort"],
            "titel": data["titel"],
            "datum": data["datum"].isoformat() if data["datum"] else "",
            "kop": {v: data[v] for v in ("aan", "van", "betreft", "kenmerk", "zaaknummer")},
            "secties": [f.cleaned_data for f in secties.forms],
            "uitgangspunten": [f.cleaned_data for f in ups.forms],
        }
        try:
            resultaat = word_in.document_importeren(
                traject=traject, auteur=request.user, voorstel=voorstel, keuzes=keuzes
            )
        except DomeinFout as fout:
            naar_formulier(kop, fout)
        else:
            request.session.pop(SESSIE_SLEUTEL.format(token), None)
            messages.success(request, resultaat.melding())
            return redirect(resultaat.document.get_absolute_url())
    return _document_review(request, traject, voorstel, token, formulieren, status=400)


# ---------- Minutes ----------


def _sessie_of_404(pk, user) -> Sessie:
    sessie = get_object_or_404(Sessie.objects.select_related("regio", "traject"), pk=pk)
    permissions.vereis(user, "sessies_bewerken", sessie)
    return sessie


def _verslag_formulieren(sessie, voorstel, data=None):
    keuzes = RegelKeuzes(
        data,
        prefix="regel",
        initial=verslag_in.standaard_keuzes(voorstel),
        form_kwargs={
            "soorten": verslag_in.SOORTEN,
            "uitgangspunten": verslag_in.uitgangspunt_keuzes(sessie),
        },
    )
    return keuzes


def _verslag_review(request, sessie, voorstel, token, keuzes, status=200):
    return render(
        request,
        "uitwisseling/verslag_import.html",
        {"sessie": sessie, "regio": sessie.regio, "voorstel": voorstel, "token": token,
         "regels": list(zip(voorstel["regels"], keuzes.forms, strict=True)),
         "formset": keuzes},
        status=status,
    )  # fmt: skip


@login_required
def verslag_importeren(request, pk):
    """GET: upload or paste. POST with a file or text: the review. POST with a token: save."""
    sessie = _sessie_of_404(pk, request.user)
    if request.method == "POST" and "token" in request.POST:
        return _verslag_opslaan(request, sessie)
    form = VerslagForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data.get("bestand")
        try:
            data = bestand.read() if bestand else b""
            if bestand and docx_bestand.is_groot(data, bestand.name):
                return _in_de_achtergrond(request, LeesSoort.VERSLAG, sessie, data, bestand.name)
            if bestand:
                voorstel = verslag_in.verslag_uit_docx(data, bestand.name)
            else:
                voorstel = verslag_in.verslag_uit_tekst(form.cleaned_data["plakken"])
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            token = _bewaren(request, voorstel)
            return _verslag_review(request, sessie, voorstel, token,
                                   _verslag_formulieren(sessie, voorstel))  # fmt: skip
    status = 400 if form.errors else 200
    context = {"sessie": sessie, "regio": sessie.regio, "form": form}
    return render(request, "uitwisseling/verslag_upload.html", context, status=status)


def _verslag_opslaan(request, sessie):
    token = request.POST["token"]
    voorstel = _ophalen(request, token)
    if voorstel is None:
        messages.error(request, VERLOPEN)
        return redirect("inkoop:verslag_importeren", pk=sessie.pk)
    keuzes = _verslag_formulieren(sessie, voorstel, request.POST)
    if keuzes.is_valid():
        try:
            resultaat = verslag_in.verslag_importeren(
                sessie=sessie, voorstel=voorstel, keuzes=[f.cleaned_data for f in keuzes.forms]
            )
        except DomeinFout as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            request.session.pop(SESSIE_SLEUTEL.format(token), None)
            messages.success(request, resultaat.melding())
            return redirect("inkoop:sessie", pk=sessie.pk)
    return _verslag_review(request, sessie, voorstel, token, keuzes, status=400)


# ---------- A large file, read in the worker ----------


def _in_de_achtergrond(request, soort, onderwerp, data, naam):
    opdracht = services.leesopdracht_aanmaken(
        soort=soort, object_id=onderwerp.pk, data=data, naam=naam, door=request.user
    )
    return redirect("inkoop:leesopdracht", pk=opdracht.pk)


@login_required
def leesopdracht(request, pk):
    """Follow the reading of a large file; once read, the same review as for a small one."""
    opdracht = get_object_or_404(Leesopdracht, pk=pk)
    if opdracht.soort == LeesSoort.DOCUMENT:
        onderwerp = get_object_or_404(
            Traject.objects.select_related("regio"), pk=opdracht.object_id
        )
        permissions.vereis(request.user, "bewerken", onderwerp)
    else:
        onderwerp = _sessie_of_404(opdracht.object_id, request.user)
    klaar = opdracht.status in (LeesStatus.KLAAR, LeesStatus.MISLUKT)
    if request.htmx and klaar:
        return HttpResponse(headers={"HX-Refresh": "true"})
    if opdracht.status == LeesStatus.KLAAR:
        voorstel, token = opdracht.voorstel, _bewaren(request, opdracht.voorstel)
        if opdracht.soort == LeesSoort.DOCUMENT:
            formulieren = _document_formulieren(voorstel)
            return _document_review(request, onderwerp, voorstel, token, formulieren)
        keuzes = _verslag_formulieren(onderwerp, voorstel)
        return _verslag_review(request, onderwerp, voorstel, token, keuzes)
    if opdracht.status == LeesStatus.MISLUKT:
        messages.error(request, opdracht.fout)
        if opdracht.soort == LeesSoort.DOCUMENT:
            return redirect("inkoop:word_importeren", regio=onderwerp.regio.slug,
                            slug=onderwerp.slug)  # fmt: skip
        return redirect("inkoop:verslag_importeren", pk=onderwerp.pk)
    return render(request, "uitwisseling/leesopdracht.html",
                  {"opdracht": opdracht, "regio": onderwerp.regio})  # fmt: skip
