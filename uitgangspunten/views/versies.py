"""Versions of a document: the list, freezing one, one version, and the redline between two."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from inkoop.core.diff import inhoud_diff
from inkoop.core.htmx import pagina
from regions import permissions
from uitgangspunten import selectors, services
from uitgangspunten.forms import KopForm, VersieForm
from uitgangspunten.inhoud import document_inhoud, kop_velden_uit_inhoud, opmaak_van
from uitgangspunten.models import Versie

from .documenten import document_of_404

CONCEPT = "concept"


def _context(document):
    return {"document": document, "traject": document.traject, "regio": document.traject.regio}


def _versies_pagina(request, document, versie_form):
    context = _context(document) | {
        "versies": selectors.versies(document),
        "versie_form": versie_form,
        "mag_bewerken": permissions.mag(request.user, "bewerken", document),
    }
    return pagina(request, "uitgangspunten/versies.html", context)


@login_required
def versies(request, pk):
    document = document_of_404(pk, request.user, "concepten_bekijken")
    return _versies_pagina(request, document, VersieForm())


@login_required
@require_POST
def versie_vastleggen(request, pk):
    document = document_of_404(pk, request.user, "bewerken")
    form = VersieForm(request.POST)
    if not form.is_valid():
        # Nothing is frozen: the note would otherwise be lost without a word.
        return _versies_pagina(request, document, form)
    versie = services.versie_vastleggen(
        document=document, auteur=request.user, toelichting=form.cleaned_data["toelichting"]
    )
    messages.success(
        request, f"Versie {versie.nummer} vastgelegd. Het concept gaat verder als volgende versie."
    )
    return redirect(versie.get_absolute_url())


@login_required
def versie(request, pk, nummer):
    """One frozen version: for every role once adopted (the same right as its PDF), drafts
    only for those who may see drafts."""
    document = document_of_404(pk, request.user, "bekijken")
    versie = get_object_or_404(
        Versie.objects.select_related("auteur"), document=document, nummer=nummer
    )
    mag_concepten = permissions.mag(request.user, "concepten_bekijken", document)
    if not mag_concepten and not selectors.versie_is_vastgesteld(versie):
        raise PermissionDenied
    context = _context(document) | {
        "versie": versie,
        "mag_concepten": mag_concepten,
        "inhoud": versie.inhoud,
        "kop_velden": kop_velden_uit_inhoud(versie.inhoud["kop"], opmaak=opmaak_van(versie.inhoud)),
    }
    return pagina(request, "uitgangspunten/versie.html", context)


@login_required
def vergelijken(request, pk):
    """Redline between two versions, or a version and the current draft (?van=1&naar=concept)."""
    document = document_of_404(pk, request.user, "concepten_bekijken")
    alle = list(selectors.versies(document))
    nummers = {str(v.nummer): v for v in alle}
    keuzes = [(CONCEPT, "Huidig concept")] + [(str(v.nummer), f"Versie {v.nummer}") for v in alle]
    van = request.GET.get("van") or (str(alle[0].nummer) if alle else CONCEPT)
    naar = request.GET.get("naar") or CONCEPT
    if van not in nummers and van != CONCEPT or naar not in nummers and naar != CONCEPT:
        raise Http404

    def inhoud(keuze):
        return document_inhoud(document) if keuze == CONCEPT else nummers[keuze].inhoud

    def label(keuze):
        return "het huidige concept" if keuze == CONCEPT else f"versie {keuze}"

    diff = inhoud_diff(inhoud(van), inhoud(naar), labels=True, inklappen=True)
    kop_labels = {naam: str(veld.label) for naam, veld in KopForm.base_fields.items()} | {
        "soort": "Soort"
    }
    for item in diff["kop"]:
        item["label"] = kop_labels.get(item["veld"], item["veld"])
    context = _context(document) | {
        "keuzes": keuzes,
        "van": van,
        "naar": naar,
        "van_label": label(van),
        "naar_label": label(naar),
        "diff": diff,
    }
    return pagina(request, "uitgangspunten/vergelijken.html", context)
