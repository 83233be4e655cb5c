"""The session page and its minutes: introduction, items per agenda item, adopting the minutes.

Items of the minutes are edited in the page with HTMX. The minutes follow the meeting: per
agenda item (and last, the items under none) one section per item kind (`onderdelen`), and
each item its own block (partials "item" and "item_formulier"). An item that moves to another
agenda item reloads the page. Without JavaScript the same links and forms lead to full pages
and redirects, so everything also works as ordinary requests.

Edits carry the revision they were based on: when a colleague saved in the meantime the service
raises `Conflict`, nothing is written, and the same form comes back as typed, with the stored
values beside it and the revision moved on, so saving again is a deliberate choice.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from inkoop.core.eenmalig import AlVerstuurd, al_verstuurd, eenmalig
from inkoop.core.fouten import naar_formulier
from inkoop.core.revisie import VERWIJDERCONFLICT, Conflict, conflict_tonen, revisie_uit
from inkoop.sessies import charts, forms, selectors, services
from inkoop.sessies.models import Sessie
from regions import permissions

from . import onderdelen


def _sessie(pk) -> Sessie:
    try:
        return selectors.sessie_detail(pk)
    except Sessie.DoesNotExist as exc:
        raise Http404 from exc


def _soort(soort) -> onderdelen.Soort:
    if soort not in onderdelen.SOORTEN:
        raise Http404
    return onderdelen.SOORTEN[soort]


def _opslaan(form, sessie):
    """Bind, call the service, and put service errors or a conflict back on the form."""
    if not form.is_valid():
        return None
    try:
        return services.onderdeel_opslaan(
            sessie=sessie,
            onderdeel=form.save(commit=False),
            revisie=form.cleaned_data.get("revisie"),
        )
    except Conflict as conflict:
        conflict_tonen(form, conflict, sessie=sessie)
        return None
    except ValidationError as fout:
        naar_formulier(form, fout)
        return None


def sessie_url(sessie, anker=""):
    return reverse("inkoop:sessie", kwargs={"pk": sessie.pk}) + (f"#{anker}" if anker else "")


# ---------- Lists and the session form ----------


# ---------- The session page and its minutes ----------


@login_required
def sessie(request, pk):
    sessie = _sessie(pk)
    permissions.vereis(request.user, "concepten_bekijken", sessie)
    mag_verwerken = permissions.mag(request.user, "sessies_bewerken", sessie)
    # Adopted minutes do not change (services.verslag_wijzigbaar_controleren): no edit
    # buttons then; what was done with the input can still be recorded.
    mag_bewerken = mag_verwerken and not (sessie.vastgesteld_in or sessie.verslag_vastgesteld_op)
    mag_besluiten = permissions.mag(request.user, "besluiten_vastleggen", sessie)
    return render(
        request,
        "inkoop/sessies/sessie.html",
        {
            "sessie": sessie,
            "regio": sessie.regio,
            "traject": sessie.traject,
            "mag_bewerken": mag_bewerken,
            "mag_verwerken": mag_verwerken,
            "gasten": onderdelen.sectie(sessie, "gast", mag_bewerken),
            "agenda": onderdelen.sectie(sessie, "agendapunt", mag_bewerken),
            "verslag_groepen": onderdelen.verslag_groepen(sessie, mag_bewerken),
            "vaststellen_form": (
                forms.VerslagVaststellenForm(keuzes=services.verslag_vaststelbaar(sessie))
                if mag_besluiten
                else None
            ),
            "mag_besluiten": mag_besluiten,
        },
    )


@login_required
def verslag_inleiding(request, pk):
    sessie = get_object_or_404(Sessie.objects.select_related("regio"), pk=pk)
    permissions.vereis(request.user, "sessies_bewerken", sessie)
    form = forms.VerslagInleidingForm(request.POST or None, instance=sessie)
    if request.method == "POST" and form.is_valid():
        try:
            services.verslag_inleiding_opslaan(
                sessie=sessie,
                revisie=form.cleaned_data["revisie"],
                tekst=form.cleaned_data["verslag_inleiding"],
            )
        except Conflict as conflict:
            conflict_tonen(form, conflict)
        else:
            if request.htmx:
                return render(
                    request,
                    "inkoop/sessies/sessie.html#inleiding",
                    {"sessie": sessie, "mag_bewerken": True, "opgeslagen": True},
                )
            messages.success(request, "De inleiding is opgeslagen.")
            return redirect(sessie_url(sessie, "verslag-inleiding"))
    if request.htmx and request.GET.get("weergave"):
        return render(
            request,
            "inkoop/sessies/sessie.html#inleiding",
            {"sessie": sessie, "mag_bewerken": True},
        )
    context = {"sessie": sessie, "inleiding_form": form, "mag_bewerken": True}
    if request.htmx:
        return render(request, "inkoop/sessies/sessie.html#inleiding", context)
    return render(
        request,
        "inkoop/sessies/formulier.html",
        {"form": form, "titel": "Inleiding van het verslag", "sessie": sessie,
         "regio": sessie.regio, "traject": sessie.traject,
         "annuleren": sessie_url(sessie, "verslag-inleiding")},
    )  # fmt: skip


def _sectie_antwoord(request, sessie, soort, form=None, agendapunt_id=None):
    sessie = _sessie(sessie.pk)  # fresh prefetch after the change
    groep = None
    if soort in onderdelen.VERSLAG_SOORTEN:
        groepen = selectors.onderdelen_per_agendapunt(sessie)
        # The agenda item's group; the one under none (last) if the item went meanwhile.
        punten = [g["agendapunt"] and g["agendapunt"].pk for g in groepen]
        groep = groepen[punten.index(agendapunt_id) if agendapunt_id in punten else -1]
    return render(
        request,
        "inkoop/sessies/sessie.html#sectie",
        {"s": onderdelen.sectie(sessie, soort, True, form, groep=groep), "sessie": sessie,
         "mag_bewerken": True},
    )  # fmt: skip


@login_required
@require_POST
def onderdeel_nieuw(request, pk, soort):
    info = _soort(soort)
    sessie = get_object_or_404(Sessie.objects.select_related("regio", "traject"), pk=pk)
    permissions.vereis(request.user, "sessies_bewerken", sessie)
    # The agenda item whose form was sent: its section is what an HTMX request gets back.
    groep = onderdelen.groep_uit(request, sessie) if soort in onderdelen.VERSLAG_SOORTEN else None
    herkomst = f"sectie-{soort}-{groep}" if groep else f"sectie-{soort}"
    form = onderdelen.nieuw_form(sessie, soort, request.POST, agendapunt_id=groep)
    try:
        with eenmalig(form):
            opgeslagen = _opslaan(form, sessie)
            if not opgeslagen:  # shown again with its errors: the token must stay usable
                transaction.set_rollback(True)
    except AlVerstuurd:
        # The whole page again (also for HTMX): the item made by the first send, and the message.
        return al_verstuurd(request, sessie_url(sessie, herkomst))
    anker = onderdelen.sectie_anker(sessie, soort, opgeslagen) if opgeslagen else herkomst
    if request.htmx and not (opgeslagen and onderdelen.elders(soort, anker, herkomst)):
        return _sectie_antwoord(request, sessie, soort, None if opgeslagen else form, groep)
    if opgeslagen:
        messages.success(request, f"De {info.enkelvoud} is toegevoegd.")
        url = sessie_url(sessie, anker)
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    actie = reverse("inkoop:onderdeel_nieuw", kwargs={"pk": pk, "soort": soort})
    return render(
        request,
        "inkoop/sessies/formulier.html",
        {"form": form, "titel": f"Nieuwe {info.enkelvoud}", "sessie": sessie,
         "regio": sessie.regio, "traject": sessie.traject,
         "actie": f"{actie}?agendapunt={groep}" if groep else actie,
         "annuleren": sessie_url(sessie, herkomst)},
    )  # fmt: skip


def _item(sessie, soort, item_pk):
    info = onderdelen.SOORTEN[soort]
    return get_object_or_404(info.model, pk=item_pk, sessie=sessie)


def _item_context(sessie, soort, item, form=None, opgeslagen=False):
    if soort == "stelling":
        item.resultaat_tekst = charts.stelling_tekst(item)
        item.resultaat_svg = charts.stelling_grafiek(item)
    return {"sessie": sessie, "soort": soort, "item": item, "item_form": form,
            "mag_bewerken": True, "opgeslagen": opgeslagen, "s": {"soort": soort}}  # fmt: skip


@login_required
def onderdeel_bewerken(request, pk, soort, item):
    info = _soort(soort)
    sessie = get_object_or_404(Sessie.objects.select_related("regio", "traject"), pk=pk)
    permissions.vereis(request.user, "sessies_bewerken", sessie)
    item = _item(sessie, soort, item)
    if request.method == "GET" and request.GET.get("weergave"):
        if request.htmx:
            item = onderdelen.verse_item(sessie, soort, item.pk)
            return render(
                request, "inkoop/sessies/sessie.html#item", _item_context(sessie, soort, item)
            )
        return redirect(sessie_url(sessie, f"{soort}-{item.pk}"))
    anker = onderdelen.sectie_anker(sessie, soort, item)
    form = onderdelen.bewerk_form(sessie, soort, item, request.POST or None)
    if request.method == "POST" and _opslaan(form, sessie):
        if request.htmx and onderdelen.elders(
            soort, onderdelen.sectie_anker(sessie, soort, item), anker
        ):
            messages.success(request, f"De {info.enkelvoud} is opgeslagen.")
            return HttpResponseClientRedirect(sessie_url(sessie, f"{soort}-{item.pk}"))
        if request.htmx:
            item = onderdelen.verse_item(sessie, soort, item.pk)
            return render(
                request, "inkoop/sessies/sessie.html#item",
                _item_context(sessie, soort, item, opgeslagen=True),
            )  # fmt: skip
        messages.success(request, f"De {info.enkelvoud} is opgeslagen.")
        return redirect(sessie_url(sessie, f"{soort}-{item.pk}"))
    if request.htmx:
        return render(
            request, "inkoop/sessies/sessie.html#item_formulier",
            _item_context(sessie, soort, item, form),
        )  # fmt: skip
    return render(
        request,
        "inkoop/sessies/formulier.html",
        {"form": form, "titel": f"{capfirst(info.enkelvoud)} bewerken", "sessie": sessie,
         "regio": sessie.regio, "traject": sessie.traject,
         "annuleren": sessie_url(sessie, f"{soort}-{item.pk}")},
    )  # fmt: skip


@login_required
@require_POST
def onderdeel_verwijderen(request, pk, soort, item):
    info = _soort(soort)
    sessie = get_object_or_404(Sessie.objects.select_related("regio", "traject"), pk=pk)
    permissions.vereis(request.user, "sessies_bewerken", sessie)
    onderdeel = _item(sessie, soort, item)
    groep = onderdelen.groep_van(sessie, onderdeel) if soort in onderdelen.VERSLAG_SOORTEN else None
    try:
        services.onderdeel_verwijderen(onderdeel=onderdeel, revisie=revisie_uit(request.POST))
    except Conflict:
        # The whole page again (also for HTMX), so the colleague's change and the message show.
        messages.error(request, VERWIJDERCONFLICT)
        url = sessie_url(sessie, f"{soort}-{item}")
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    if request.htmx and soort != "agendapunt":
        return _sectie_antwoord(request, sessie, soort, agendapunt_id=groep)
    messages.success(request, f"De {info.enkelvoud} is verwijderd.")
    url = sessie_url(sessie, f"sectie-{soort}-{groep}" if groep else f"sectie-{soort}")
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_POST
def verslag_vaststellen(request, pk):
    sessie = get_object_or_404(Sessie.objects.select_related("regio", "gremium"), pk=pk)
    permissions.vereis(request.user, "besluiten_vastleggen", sessie)
    form = forms.VerslagVaststellenForm(request.POST, keuzes=services.verslag_vaststelbaar(sessie))
    if form.is_valid():
        try:
            with eenmalig(form):
                besluit = services.verslag_vaststellen(
                    sessie=sessie,
                    verslag_van=form.cleaned_data["verslag_van"],
                    door=request.user,
                    toelichting=form.cleaned_data["toelichting"],
                )
        except AlVerstuurd:
            return al_verstuurd(request, sessie_url(sessie, "vaststellen"))
        except ValidationError as exc:
            form.add_error("verslag_van", exc.messages)
        else:
            messages.success(
                request, f"Het verslag van {besluit.verslag_van.titel} is vastgesteld."
            )
            return redirect(sessie_url(sessie, "vaststellen"))
    return render(
        request,
        "inkoop/sessies/formulier.html",
        {"form": form, "titel": "Verslag vaststellen", "sessie": sessie,
         "regio": sessie.regio, "traject": sessie.traject,
         "actie": reverse("inkoop:verslag_vaststellen", kwargs={"pk": pk}),
         "knop": "Verslag vaststellen", "annuleren": sessie_url(sessie, "vaststellen")},
    )  # fmt: skip


@login_required
def eigen_verslag_vaststellen(request, pk):
    """Adopt this session's minutes by a body's decision or by the secretary."""
    sessie = get_object_or_404(Sessie.objects.select_related("regio", "gremium"), pk=pk)
    permissions.vereis(request.user, "besluiten_vastleggen", sessie)
    form = forms.EigenVerslagVaststellenForm(request.POST or None, sessie=sessie)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with eenmalig(form):
                if data["wijze"] == form.DOOR_GREMIUM:
                    services.verslag_vaststellen_door_gremium(
                        verslag_van=sessie, gremium=data["gremium"], datum=data["datum"],
                        door=request.user, toelichting=data["notitie"],
                    )  # fmt: skip
                else:
                    services.verslag_vaststellen_door_secretaris(
                        sessie=sessie, datum=data["datum"], notitie=data["notitie"],
                        door=request.user,
                    )  # fmt: skip
        except AlVerstuurd:
            return al_verstuurd(request, sessie_url(sessie, "verslagstatus"))
        except ValidationError as fout:
            naar_formulier(form, fout)
        except PermissionDenied:
            form.add_error("wijze", "Alleen de secretaris stelt een verslag zo vast.")
        else:
            messages.success(request, "Het verslag van deze sessie is vastgesteld.")
            return redirect(sessie_url(sessie, "verslagstatus"))
    return render(
        request,
        "inkoop/sessies/formulier.html",
        {"form": form, "titel": "Verslag van deze sessie vaststellen", "sessie": sessie,
         "regio": sessie.regio, "traject": sessie.traject,
         "actie": reverse("inkoop:eigen_verslag_vaststellen", kwargs={"pk": pk}),
         "knop": "Verslag vaststellen", "annuleren": sessie_url(sessie, "verslagstatus")},
    )  # fmt: skip


# ---------- Input: what was done with it ----------


# ---------- Planning ----------
