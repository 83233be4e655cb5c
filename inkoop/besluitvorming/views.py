"""Review, decision route, proposals and decisions. Views bind a form, call a service, redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from inkoop.besluitvorming import pdf, selectors, services
from inkoop.besluitvorming.forms import (
    BesluitForm,
    OvergangForm,
    RouteStapForm,
    TerugsturenForm,
    VoorstelForm,
)
from inkoop.besluitvorming.models import RouteStap, Voorstel
from inkoop.core.revisie import VERWIJDERCONFLICT, Conflict, conflict_tonen, revisie_uit
from inkoop.trajecten.constants import GremiumSoort
from inkoop.trajecten.models import Gremium
from inkoop.trajecten.views import traject_of_404
from regions import permissions
from uitgangspunten.constants import Beoordeling
from uitgangspunten.models import Document, Versie


def _versie(pk, nummer):
    try:
        return Versie.objects.select_related("document", "document__traject").get(
            document_id=pk, nummer=nummer
        )
    except Versie.DoesNotExist as exc:
        raise Http404 from exc


# --- Decision page of a document ------------------------------------------------------------


@login_required
def document_besluitvorming(request, pk):
    try:
        context = selectors.document_besluitvorming(pk)
    except Document.DoesNotExist as exc:
        raise Http404 from exc
    document = context["document"]
    permissions.vereis(request.user, "concepten_bekijken", document)
    user = request.user
    context.update(
        {
            "mag_indienen": permissions.mag(user, "bewerken", document),
            "mag_beoordelen": permissions.mag(user, "beoordelen", document),
            "mag_besluiten": permissions.mag(user, "besluiten_vastleggen", document),
            "overgang_form": OvergangForm(),
            "terugsturen_form": TerugsturenForm(),
            "Beoordeling": Beoordeling,
        }
    )
    return render(request, "inkoop/besluitvorming/document.html", context)


def _overgang_view(request, pk, nummer, actie, recht, form_class):
    versie = _versie(pk, nummer)
    permissions.vereis(request.user, recht, versie)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, "Geef bij terugsturen aan wat er moet veranderen.")
    else:
        functie = getattr(services, f"versie_{actie}")
        try:
            functie(versie=versie, door=request.user, opmerking=form.cleaned_data["opmerking"])
        except services.BesluitvormingFout as fout:
            messages.error(request, str(fout))
        else:
            woorden = {"indienen": "ingediend", "goedkeuren": "goedgekeurd",
                       "terugsturen": "teruggestuurd"}  # fmt: skip
            messages.success(request, f"Versie {versie.nummer} is {woorden[actie]}.")
    return redirect("inkoop:document_besluitvorming", pk=pk)


@login_required
@require_POST
def versie_indienen(request, pk, nummer):
    return _overgang_view(request, pk, nummer, "indienen", "bewerken", OvergangForm)


@login_required
@require_POST
def versie_goedkeuren(request, pk, nummer):
    return _overgang_view(request, pk, nummer, "goedkeuren", "beoordelen", OvergangForm)


@login_required
@require_POST
def versie_terugsturen(request, pk, nummer):
    return _overgang_view(request, pk, nummer, "terugsturen", "beoordelen", TerugsturenForm)


# --- Decision route -------------------------------------------------------------------------


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
            services.routestap_toevoegen(traject=traject, door=request.user, **form.cleaned_data)
        except services.BesluitvormingFout as fout:
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
    services.routestap_verwijderen(stap=_stap(traject, stap), door=request.user)
    messages.success(request, "De stap is uit de route verwijderd.")
    return redirect("inkoop:route", regio=regio, slug=slug)


@login_required
@require_POST
def routestap_verplaatsen(request, regio, slug, stap):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    richting = "op" if request.POST.get("richting") == "op" else "neer"
    services.routestap_verplaatsen(stap=_stap(traject, stap), door=request.user, richting=richting)
    return redirect("inkoop:route", regio=regio, slug=slug)


@login_required
@require_POST
def route_vastleggen(request, regio, slug):
    """Store the default route so it can be changed step by step."""
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    services.route_aanmaken(traject)
    return redirect("inkoop:route", regio=regio, slug=slug)


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
            voorstel = services.voorstel_opslaan(
                traject=traject,
                door=request.user,
                gegevens=gegevens,
                beslispunten=form.beslispunt_teksten(),
                versies=form.cleaned_data["versies"],
                voorstel=voorstel,
                revisie=form.cleaned_data.get("revisie"),
            )
        except Conflict as conflict:
            conflict_tonen(form, conflict, traject=traject)
        except services.BesluitvormingFout as fout:
            form.add_error(None, str(fout))
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
    except services.BesluitvormingFout as fout:
        messages.error(request, str(fout))
        return redirect("inkoop:voorstel", pk=pk)
    except Conflict:
        messages.error(request, VERWIJDERCONFLICT)
        return redirect("inkoop:voorstel", pk=pk)
    messages.success(request, "Het voorstel is verwijderd.")
    return redirect("inkoop:voorstellen", regio=traject.regio.slug, slug=traject.slug)


# --- Decisions ------------------------------------------------------------------------------


@login_required
def besluitenlijst(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bekijken", traject)
    gremia = list(selectors.gremia_van(traject.regio))
    gremium = None
    if request.GET.get("gremium", "").isdigit():
        gremium = next((g for g in gremia if g.pk == int(request.GET["gremium"])), None)
    return render(
        request,
        "inkoop/besluitvorming/besluitenlijst.html",
        {
            "traject": traject,
            "regio": traject.regio,
            "gremia": gremia,
            "gremium": gremium,
            "besluiten": selectors.besluitenlijst(traject=traject, gremium=gremium),
            "pdf_parameters": {"traject": traject.pk},
            "concepten_zichtbaar": permissions.mag(request.user, "concepten_bekijken", traject),
            "mag_besluiten": permissions.mag(request.user, "besluiten_vastleggen", traject),
        },
    )


BESLUITEN_PER_PAGINA = 50


@login_required
def gremium_besluitenlijst(request, regio, pk):
    """One body's decisions across rounds (the PFHO's own decision list), newest last, paged."""
    gremium = get_object_or_404(
        Gremium.objects.select_related("regio", "gemeente"), regio__slug=regio, pk=pk
    )
    permissions.vereis(request.user, "bekijken", gremium)
    trajecten = list(gremium.regio.trajecten.all())
    traject = None
    if request.GET.get("traject", "").isdigit():
        traject = next((t for t in trajecten if t.pk == int(request.GET["traject"])), None)
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
    voorstel_id = request.POST.get("voorstel") or request.GET.get("voorstel")
    if voorstel_id and str(voorstel_id).isdigit():
        voorstel = Voorstel.objects.filter(traject=traject, pk=voorstel_id).first()
    initial = {}
    if request.GET.get("versie", "").isdigit():
        initial["versie"] = int(request.GET["versie"])
    if request.GET.get("gremium", "").isdigit():
        initial["gremium"] = int(request.GET["gremium"])
    form = BesluitForm(request.POST or None, traject=traject, voorstel=voorstel, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
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
            )
        except services.BesluitvormingFout as fout:
            form.add_error(None, str(fout))
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


@login_required
@require_GET
def versie_pdf(request, pk, nummer):
    """The PDFs of one document version: the notitie, the redline, earlier exports."""
    versie = get_object_or_404(
        Versie.objects.select_related("document", "document__traject", "document__traject__regio"),
        document_id=pk,
        nummer=nummer,
    )
    permissions.vereis(request.user, pdf.leesrecht(versie), versie)
    mag_concepten = permissions.mag(request.user, "concepten_bekijken", versie)
    redline = {}
    if mag_concepten:
        parameters = pdf.redline_parameters(request.GET, versie)
        versies = list(pdf.vergelijkbare_versies(versie))
        redline = {
            "parameters": parameters,
            "versies": versies,
            "tegen": next((v for v in versies if v.pk == parameters.get("tegen")), None),
        }
    return render(
        request,
        "inkoop/export/versie_pdf.html",
        {
            "versie": versie,
            "document": versie.document,
            "traject": versie.document.traject,
            "regio": versie.document.traject.regio,
            "vastgesteld": pdf.is_vastgesteld(versie),
            "mag_concepten": mag_concepten,
            "redline": redline,
            "hier": request.get_full_path(),
        },
    )
