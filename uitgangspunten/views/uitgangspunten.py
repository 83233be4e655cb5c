"""Principles of a round: list and filter, inline editing, carry-over, the per-service table."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from inkoop.core.eenmalig import AlVerstuurd, al_verstuurd, eenmalig, zonder_token
from inkoop.core.htmx import pagina
from inkoop.core.paginacache import gecachet
from inkoop.core.revisie import (
    BEHOUDEN,
    CONFLICT,
    ONGELDIG,
    OPGESLAGEN,
    VERWIJDERCONFLICT,
    Conflict,
    formulier_opslaan,
    revisie_uit,
)
from inkoop.core.velden import parameter
from inkoop.trajecten.views import traject_of_404
from regions import permissions
from uitgangspunten import selectors, services
from uitgangspunten.forms import (
    FilterForm,
    NieuwUitgangspuntForm,
    OntwikkelingenForm,
    OvernemenForm,
    UitgangspuntForm,
)
from uitgangspunten.models import Uitgangspunt

LIJST = "uitgangspunten/lijst.html"
ITEM = "uitgangspunten/_uitgangspunt_item.html"
PER_VOORZIENING = "uitgangspunten/per_voorziening.html"
OVERNEMEN = "uitgangspunten/overnemen.html"


@login_required
def uitgangspunt(request, uid):
    try:
        uitgangspunt = selectors.uitgangspunt_detail(uid)
    except Uitgangspunt.DoesNotExist as exc:
        raise Http404 from exc
    permissions.vereis(request.user, "concepten_bekijken", uitgangspunt)
    if request.htmx and request.GET.get("item"):
        return _item(request, uitgangspunt)  # the list item, e.g. after "Annuleren"
    return pagina(
        request,
        "uitgangspunten/uitgangspunt.html",
        {
            "uitgangspunt": uitgangspunt,
            "traject": uitgangspunt.traject,
            "regio": uitgangspunt.traject.regio,
            "vervolgen": uitgangspunt.vervolgen.all(),
            "mag_bewerken": permissions.mag(request.user, "bewerken", uitgangspunt),
            "inbreng_bij_uitgangspunt": selectors.inbreng_bij_uitgangspunt(uitgangspunt),
        },
    )


def _voorzieningen(traject):
    return traject.voorzieningen.order_by("volgorde", "naam")


def _lijst(request, traject, partial=None, **extra):
    filters = FilterForm(request.GET or None, voorzieningen=_voorzieningen(traject))
    context = selectors.lijst(traject, request.user, filters)
    context["nieuw_form"] = NieuwUitgangspuntForm(
        voorzieningen=_voorzieningen(traject), auto_id="nieuw_%s"
    )
    return pagina(request, LIJST, context | extra, partial=partial)


@login_required
@gecachet
def lijst(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    return _lijst(request, traject)


@login_required
@require_POST
def uitgangspunt_nieuw(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    form = NieuwUitgangspuntForm(
        request.POST, voorzieningen=_voorzieningen(traject), auto_id="nieuw_%s"
    )
    if not form.is_valid():
        response = _lijst(request, traject, "nieuw", nieuw_form=form)
        response["HX-Retarget"] = "#nieuw"  # the error belongs to the form, not the list
        return response
    lijst = reverse("uitgangspunten:lijst", args=[regio, slug])
    try:
        with eenmalig(form):
            up = services.uitgangspunt_aanmaken(
                traject=traject, auteur=request.user, **zonder_token(form)
            )
    except AlVerstuurd:
        return al_verstuurd(request, lijst)
    if request.htmx:
        return _lijst(request, traject, "lijst", bewerkt_id=up.pk)
    messages.success(request, f"Uitgangspunt “{up.titel}” toegevoegd.")
    return redirect(reverse("uitgangspunten:lijst", args=[regio, slug]) + f"#up-{up.pk}")


def _uitgangspunt_of_404(uid, user, actie):
    up = get_object_or_404(
        Uitgangspunt.objects.select_related("traject", "traject__regio", "voorziening", "perceel"),
        uid=uid,
    )
    permissions.vereis(user, actie, up)
    return up


def _item(request, up, **extra):
    """One list item (HTMX); its number is looked up within its group."""
    up.nummer = selectors.uitgangspunt_nummer(up)
    compact = request.GET.get("compact") or request.POST.get("compact")
    context = {
        "up": up,
        "mag_bewerken": permissions.mag(request.user, "bewerken", up),
        "herordenen": not compact,
        "compact": compact,
        **extra,
    }
    return pagina(request, ITEM, context)


def _item_of_lijst(request, up, **extra):
    """The item for HTMX, the whole list (with the item in the given state) otherwise."""
    return _item(request, up, **extra) if request.htmx else _lijst(request, up.traject, **extra)


def _lijst_url(up):
    traject = up.traject
    return reverse("uitgangspunten:lijst", args=[traject.regio.slug, traject.slug]) + f"#up-{up.pk}"


@login_required
def uitgangspunt_bewerken(request, uid):
    up = _uitgangspunt_of_404(uid, request.user, "bewerken")
    ids = f"up{up.pk}_%s"  # unique ids when several items are open at once
    if request.method == "GET":
        return _item_of_lijst(
            request, up, bewerk_id=up.pk, form=UitgangspuntForm.voor(up, auto_id=ids)
        )

    def opslaan(revisie, titel, uitleg):
        services.uitgangspunt_bijwerken(
            uitgangspunt=up, revisie=revisie, auteur=request.user, titel=titel, uitleg=uitleg
        )

    status, form = formulier_opslaan(request.POST, UitgangspuntForm, opslaan, auto_id=ids)
    extra = {}
    if status in (ONGELDIG, CONFLICT):
        extra = {"bewerk_id": up.pk, "form": form}
    elif status == OPGESLAGEN:
        up.refresh_from_db()
        extra = {"opgeslagen": True}
    if request.htmx:
        return _item(request, up, **extra)
    if status in (OPGESLAGEN, BEHOUDEN):
        messages.success(
            request, "Opgeslagen." if status == OPGESLAGEN else "De opgeslagen tekst is behouden."
        )
        return redirect(_lijst_url(up))
    return _lijst(request, up.traject, **extra)


@login_required
def uitgangspunt_verwijderen(request, uid):
    up = _uitgangspunt_of_404(uid, request.user, "bewerken")
    if request.method != "POST":
        return _item_of_lijst(request, up, verwijder_id=up.pk)
    traject, titel = up.traject, up.titel
    try:
        services.uitgangspunt_verwijderen(
            uitgangspunt=up, auteur=request.user, revisie=revisie_uit(request.POST)
        )
    except Conflict:
        messages.error(request, VERWIJDERCONFLICT)
        url = up.get_absolute_url()
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    if request.htmx:
        return _lijst(request, traject, "lijst")
    messages.success(request, f"Uitgangspunt “{titel}” verwijderd.")
    return redirect("uitgangspunten:lijst", traject.regio.slug, traject.slug)


@login_required
@require_POST
def uitgangspunt_verplaatsen(request, uid):
    up = _uitgangspunt_of_404(uid, request.user, "bewerken")
    richting = request.POST.get("richting")
    if richting not in (services.OMHOOG, services.OMLAAG):
        return HttpResponseBadRequest("Onbekende richting")
    services.uitgangspunt_verplaatsen(uitgangspunt=up, richting=richting, auteur=request.user)
    if request.htmx:
        return _lijst(request, up.traject, "lijst", bewerkt_id=up.pk)
    return redirect(_lijst_url(up))


# ---------- Carry-over from the previous round ----------


@login_required
def overnemen(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    return pagina(
        request,
        OVERNEMEN,
        {
            "traject": traject,
            "regio": traject.regio,
            "vorige": selectors.vorige_uitgangspunten(traject),
            "mag_bewerken": permissions.mag(request.user, "bewerken", traject),
        },
    )


@login_required
@require_POST
def overnemen_uitgangspunt(request, regio, slug, uid):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    vorig = get_object_or_404(
        Uitgangspunt.objects.select_related("voorziening", "perceel"), uid=uid
    )
    if traject.vorige_id is None or vorig.traject_id != traject.vorige_id:
        raise Http404
    form = OvernemenForm(request.POST, auto_id=f"%s-{vorig.pk}")  # the ids in overnemen.html
    if form.is_valid():
        # Carrying over twice gives one copy: the service locks the round (no token needed).
        kopie = _overnemen(form, vorig, traject, request.user)
        actie = form.cleaned_data["actie"]
        if actie == "aanscherpen" and not request.htmx:
            messages.success(request, "Overgenomen om aan te scherpen: pas de tekst nu aan.")
            return redirect("uitgangspunten:uitgangspunt_bewerken", kopie.uid)
        if not request.htmx:
            messages.success(request, f"“{vorig.titel}”: keuze vastgelegd.")
            return redirect(
                reverse("uitgangspunten:overnemen", args=[regio, slug]) + f"#vorig-{vorig.pk}"
            )
    vorig.overgenomen = Uitgangspunt.objects.filter(traject=traject, herkomst=vorig).first()
    vorig.nummer = None
    context = {"traject": traject, "regio": traject.regio, "up": vorig, "form": form}
    context |= {"mag_bewerken": True, "vorige": [vorig]}
    return pagina(request, OVERNEMEN, context, partial="vorig")


def _overnemen(form, vorig, traject, auteur):
    """Carry one principle of the previous round over as the form chose (the copy, if any)."""
    actie = form.cleaned_data["actie"]
    if actie == "herbevestigen":
        return services.uitgangspunt_herbevestigen(vorig=vorig, traject=traject, auteur=auteur)
    if actie == "aanscherpen":
        return services.uitgangspunt_aanscherpen(vorig=vorig, traject=traject, auteur=auteur)
    services.uitgangspunt_laten_vervallen(
        vorig=vorig, traject=traject, reden=form.cleaned_data["reden"], auteur=auteur
    )
    return None


# ---------- Per service: onderdeel, ontwikkelingen, uitgangspunten ----------


def _per_voorziening(request, traject, **extra):
    context = selectors.per_voorziening(traject, request.user)
    context["bewerk_ontwikkelingen"] = parameter(request.GET, "bewerk")
    return pagina(request, PER_VOORZIENING, context | extra)


@login_required
def per_voorziening(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    return _per_voorziening(request, traject)


@login_required
def ontwikkelingen(request, regio, slug, pk):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    item = get_object_or_404(selectors.scope(traject), pk=pk)
    adres = reverse("uitgangspunten:per_voorziening", args=[regio, slug])
    ids = f"ontw{item.pk}_%s"
    if request.method != "POST":
        if not request.htmx:
            return redirect(f"{adres}?bewerk={item.pk}#ontw-{item.pk}")
        form = OntwikkelingenForm(
            initial={"ontwikkelingen": item.ontwikkelingen, "revisie": item.revisie}, auto_id=ids
        )
        return _ontwikkelingen(
            request, traject, item, bewerk_ontwikkelingen=item.pk, ontwikkelingen_form=form
        )

    def opslaan(revisie, ontwikkelingen):
        services.ontwikkelingen_bijwerken(item=item, revisie=revisie, ontwikkelingen=ontwikkelingen)

    status, form = formulier_opslaan(request.POST, OntwikkelingenForm, opslaan, auto_id=ids)
    if status in (OPGESLAGEN, BEHOUDEN):
        item.refresh_from_db()
        if not request.htmx:
            melding = "opgeslagen" if status == OPGESLAGEN else "behouden zoals opgeslagen"
            messages.success(request, f"Ontwikkelingen bij {item.voorziening.naam} {melding}.")
            return redirect(f"{adres}#ontw-{item.pk}")
        return _ontwikkelingen(request, traject, item, opgeslagen=status == OPGESLAGEN)
    return _ontwikkelingen(
        request, traject, item, bewerk_ontwikkelingen=item.pk, ontwikkelingen_form=form
    )


def _ontwikkelingen(request, traject, item, **extra):
    """One cell of the per-service table for HTMX, else the whole page (the typed text kept)."""
    if not request.htmx:
        return _per_voorziening(request, traject, **extra)
    context = {"traject": traject, "regio": traject.regio, "mag_bewerken": True}
    context |= {"rij": {"item": item}, **extra}
    return pagina(request, PER_VOORZIENING, context, partial="ontwikkelingen")
