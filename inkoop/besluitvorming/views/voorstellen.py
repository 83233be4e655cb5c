"""Proposals to a body, decisions on them, and the decision lists."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from inkoop.besluitvorming import selectors, services
from inkoop.besluitvorming.forms import BesluitForm, VoorstelForm
from inkoop.besluitvorming.models import Voorstel
from inkoop.core.eenmalig import AlVerstuurd, al_verstuurd, eenmalig
from inkoop.core.fouten import DomeinFout, naar_formulier
from inkoop.core.paginacache import gecachet
from inkoop.core.revisie import VERWIJDERCONFLICT, Conflict, conflict_tonen, revisie_uit
from inkoop.core.velden import parameter
from inkoop.trajecten.constants import GremiumSoort
from inkoop.trajecten.models import Gremium
from inkoop.trajecten.views import traject_of_404
from regions import permissions

# --- Decision page of a document ------------------------------------------------------------


# --- Decision route -------------------------------------------------------------------------


# --- Proposals ------------------------------------------------------------------------------


@login_required
def voorstellen(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    return render(
        request,
        "inkoop/besluitvorming/voorstellen.html",
        {
            "traject": traject,
            "regio": traject.regio,
            "voorstellen": selectors.voorstellen(traject),
            "mag_bewerken": permissions.mag(request.user, "bewerken", traject),
        },
    )


def _voorstel_formulier(request, traject, voorstel=None):
    form = VoorstelForm(request.POST or None, instance=voorstel, traject=traject)
    if request.method == "POST" and form.is_valid():
        gegevens = {veld: form.cleaned_data[veld] for veld in services.VOORSTEL_VELDEN}
        try:
            with eenmalig(form):
                voorstel = services.voorstel_opslaan(
                    traject=traject,
                    door=request.user,
                    gegevens=gegevens,
                    beslispunten=form.beslispunt_teksten(),
                    versies=form.cleaned_data["versies"],
                    voorstel=voorstel,
                    revisie=form.cleaned_data.get("revisie"),
                )
        except AlVerstuurd:
            return al_verstuurd(
                request, reverse("inkoop:voorstellen", args=[traject.regio.slug, traject.slug])
            )
        except Conflict as conflict:
            conflict_tonen(form, conflict, traject=traject)
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, "Het voorstel is opgeslagen.")
            return redirect("inkoop:voorstel", pk=voorstel.pk)
    return render(
        request,
        "inkoop/besluitvorming/voorstel_form.html",
        {"traject": traject, "regio": traject.regio, "form": form, "voorstel": voorstel},
    )


@login_required
def voorstel_nieuw(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    return _voorstel_formulier(request, traject)


def _voorstel(pk):
    try:
        return selectors.voorstel_detail(pk)
    except Voorstel.DoesNotExist as exc:
        raise Http404 from exc


@login_required
def voorstel(request, pk):
    voorstel = _voorstel(pk)
    permissions.vereis(request.user, "concepten_bekijken", voorstel)
    return render(
        request,
        "inkoop/besluitvorming/voorstel.html",
        {
            "voorstel": voorstel,
            "traject": voorstel.traject,
            "regio": voorstel.traject.regio,
            "mag_bewerken": permissions.mag(request.user, "bewerken", voorstel),
            "mag_besluiten": permissions.mag(request.user, "besluiten_vastleggen", voorstel),
        },
    )


@login_required
def voorstel_bewerken(request, pk):
    voorstel = _voorstel(pk)
    permissions.vereis(request.user, "bewerken", voorstel)
    if voorstel.besluiten.all():
        messages.error(request, services.BESLOTEN_VOORSTEL)
        return redirect("inkoop:voorstel", pk=pk)
    return _voorstel_formulier(request, voorstel.traject, voorstel)


@login_required
@require_POST
def voorstel_verwijderen(request, pk):
    voorstel = _voorstel(pk)
    permissions.vereis(request.user, "bewerken", voorstel)
    traject = voorstel.traject
    try:
        services.voorstel_verwijderen(
            voorstel=voorstel, door=request.user, revisie=revisie_uit(request.POST)
        )
    except DomeinFout as fout:
        messages.error(request, str(fout))
        return redirect("inkoop:voorstel", pk=pk)
    except Conflict:
        messages.error(request, VERWIJDERCONFLICT)
        return redirect("inkoop:voorstel", pk=pk)
    messages.success(request, "Het voorstel is verwijderd.")
    return redirect("inkoop:voorstellen", regio=traject.regio.slug, slug=traject.slug)


# --- Decisions ------------------------------------------------------------------------------

# A decision list grows with every meeting: pages of this many (the PDF keeps all of them).
BESLUITEN_PER_PAGINA = 50


@login_required
@gecachet
def besluitenlijst(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bekijken", traject)
    gremia = list(selectors.gremia_van(traject.regio))
    gekozen = parameter(request.GET, "gremium")
    gremium = next((g for g in gremia if g.pk == gekozen), None)
    pagina = Paginator(
        selectors.besluitenlijst(traject=traject, gremium=gremium), BESLUITEN_PER_PAGINA
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "inkoop/besluitvorming/besluitenlijst.html",
        {
            "traject": traject,
            "regio": traject.regio,
            "gremia": gremia,
            "gremium": gremium,
            "pagina": pagina,
            "besluiten": pagina.object_list,
            "pdf_parameters": {"traject": traject.pk},
            "concepten_zichtbaar": permissions.mag(request.user, "concepten_bekijken", traject),
            "mag_besluiten": permissions.mag(request.user, "besluiten_vastleggen", traject),
        },
    )


@login_required
def gremium_besluitenlijst(request, regio, pk):
    """One body's decisions across rounds (the PFHO's own decision list), newest last, paged."""
    gremium = get_object_or_404(
        Gremium.objects.select_related("regio", "gemeente"), regio__slug=regio, pk=pk
    )
    permissions.vereis(request.user, "bekijken", gremium)
    trajecten = list(gremium.regio.trajecten.all())
    gekozen = parameter(request.GET, "traject")
    traject = next((t for t in trajecten if t.pk == gekozen), None)
    pagina = Paginator(
        selectors.besluitenlijst(gremium=gremium, traject=traject), BESLUITEN_PER_PAGINA
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "inkoop/besluitvorming/gremium_besluitenlijst.html",
        {
            "gremium": gremium,
            "regio": gremium.regio,
            "trajecten": trajecten,
            "traject": traject,
            "pagina": pagina,
            "besluiten": pagina.object_list,
            "pdf_parameters": {"traject": traject.pk} if traject else {},
            "concepten_zichtbaar": permissions.mag(request.user, "concepten_bekijken", gremium),
        },
    )


@login_required
def besluit_nieuw(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "besluiten_vastleggen", traject)
    voorstel = None
    voorstel_id = parameter(request.POST, "voorstel") or parameter(request.GET, "voorstel")
    if voorstel_id:
        voorstel = Voorstel.objects.filter(traject=traject, pk=voorstel_id).first()
    # Presets from a link (?versie=, ?gremium=): a bad one is ignored, the form checks the rest.
    initial = {
        naam: waarde
        for naam in ("versie", "gremium")
        if (waarde := parameter(request.GET, naam)) is not None
    }
    form = BesluitForm(request.POST or None, traject=traject, voorstel=voorstel, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with eenmalig(form):
                besluit = services.besluit_vastleggen(
                    gremium=data["gremium"],
                    door=request.user,
                    datum=data["datum"],
                    uitkomst=data["uitkomst"],
                    versie=data["versie"],
                    voorstel=data["voorstel"],
                    sessie=data["sessie"],
                    toelichting=data["toelichting"],
                    punten=form.punten(),
                    afwijking=data["afwijking"],
                    voorstel_revisie=data.get("revisie"),
                )
        except AlVerstuurd:
            if data["versie"] is not None:
                terug = reverse("inkoop:document_besluitvorming", args=[data["versie"].document_id])
            else:
                terug = reverse("inkoop:besluitenlijst", kwargs={"regio": regio, "slug": slug})
            return al_verstuurd(request, terug)
        except DomeinFout as fout:
            if getattr(fout, "code", None) == "voorstel_gewijzigd":  # a dict error has none
                # Show the decision points as they read now, based on the current revision.
                voorstel.refresh_from_db()
                vers = request.POST.copy()
                vers["revisie"] = str(voorstel.revisie)
                form = BesluitForm(vers, traject=traject, voorstel=voorstel, initial=initial)
                form.is_valid()
            naar_formulier(form, fout)
        else:
            messages.success(request, f"Het besluit van {besluit.gremium} is vastgelegd.")
            if besluit.versie_id:
                return redirect("inkoop:document_besluitvorming", pk=besluit.versie.document_id)
            return redirect(reverse("inkoop:besluitenlijst", kwargs={"regio": regio, "slug": slug}))
    return render(
        request,
        "inkoop/besluitvorming/besluit_form.html",
        {
            "traject": traject,
            "regio": traject.regio,
            "form": form,
            "voorstel": voorstel,
            "zonder_college": not Gremium.objects.filter(
                regio=traject.regio, soort=GremiumSoort.COLLEGE
            ).exists(),
        },
    )
