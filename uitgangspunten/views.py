"""Drafting views: principles, the document editor, versions, redline, history, comments.

Every view checks permissions through regions.permissions. HTMX requests get the partial that
replaces one element (named after its DOM id); the same URL without HTMX gives the full page or
redirects after a POST, so everything works without JavaScript.
"""

import datetime as dt
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from inkoop.core.diff import inhoud_diff, woord_diff
from inkoop.core.revisie import VERWIJDERCONFLICT, revisie_uit
from inkoop.sessies import selectors as sessie_selectors
from regions import permissions

from . import selectors, services
from .forms import (
    FilterForm,
    KopForm,
    NieuweSectieForm,
    NieuwUitgangspuntForm,
    OntwikkelingenForm,
    OpmerkingForm,
    OvernemenForm,
    SectieForm,
    UitgangspuntForm,
    VersieForm,
)
from .inhoud import (
    document_inhoud,
    kop_velden_uit_inhoud,
    per_voorziening_rijen,
    uitgangspunten_in_sectie,
)
from .models import Document, Opmerking, Uitgangspunt, Versie

DOCUMENT = "uitgangspunten/document.html"
LIJST = "uitgangspunten/lijst.html"
ITEM = "uitgangspunten/_uitgangspunt_item.html"


def kop_velden(document):
    """The memo header as (label, value) pairs, in the order a memo prints them."""
    return kop_velden_uit_inhoud(
        {
            "aan": document.aan,
            "van": document.van,
            "betreft": document.betreft,
            "datum": document.datum.isoformat() if document.datum else "",
            "kenmerk": document.kenmerk,
            "zaaknummer": document.zaaknummer,
        }
    )


# ---------- Editing with optimistic locking: shared by sections, header and principles ----------


def _formulier_opslaan(request, form_cls, opslaan, **form_kwargs):
    """Bind the edit form and save. Returns (status, form, conflict).

    status: "opgeslagen", "ongeldig", "conflict" or "behouden" (the user chose the stored text
    in a conflict view). In a conflict view "eigen" resubmits the user's own text, kept in
    hidden eigen_<veld> fields, against the current revision.
    """
    data = request.POST.copy()
    keuze = data.get("keuze")
    if keuze == "opgeslagen":
        return "behouden", None, None
    if keuze == "eigen":
        for naam in form_cls.base_fields:
            if naam != "revisie" and f"eigen_{naam}" in data:
                data[naam] = data[f"eigen_{naam}"]
    form = form_cls(data, **form_kwargs)
    if not form.is_valid():
        return "ongeldig", form, None
    velden = {k: v for k, v in form.cleaned_data.items() if k != "revisie"}
    try:
        opslaan(revisie=form.cleaned_data["revisie"], **velden)
    except services.Conflict as conflict:
        return "conflict", form, conflict
    return "opgeslagen", form, None


def _tekst(waarde):
    if waarde is None:
        return ""
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return str(waarde)


def _conflict_context(conflict, form_cls, labels, **form_kwargs):
    """Both texts side by side, their difference, and a merge form pre-filled with theirs."""
    rijen = [
        {
            "veld": labels.get(veld, veld),
            "opgeslagen": _tekst(conflict.opgeslagen[veld]),
            "eigen": _tekst(conflict.eigen[veld]),
            "diff": woord_diff(
                _tekst(conflict.opgeslagen[veld]), _tekst(conflict.eigen[veld]), True
            ),
        }
        for veld in conflict.velden
    ]
    form = form_cls(initial={**conflict.eigen, "revisie": conflict.revisie}, **form_kwargs)
    eigen = [(f"eigen_{veld}", _tekst(waarde)) for veld, waarde in conflict.eigen.items()]
    return {"conflict": conflict, "conflict_rijen": rijen, "form": form, "eigen_velden": eigen}


def _status_bericht(tekst):
    return {"opslagstatus": tekst}


# ---------- Principles ----------


@login_required
def uitgangspunt(request, uid):
    try:
        uitgangspunt = selectors.uitgangspunt_detail(uid)
    except Uitgangspunt.DoesNotExist as exc:
        raise Http404 from exc
    permissions.vereis(request.user, "concepten_bekijken", uitgangspunt)
    if request.htmx and request.GET.get("item"):
        return _item_render(request, uitgangspunt)  # the list item, e.g. after "Annuleren"
    return render(
        request,
        "uitgangspunten/uitgangspunt.html",
        {
            "uitgangspunt": uitgangspunt,
            "traject": uitgangspunt.traject,
            "regio": uitgangspunt.traject.regio,
            "vervolgen": uitgangspunt.vervolgen.all(),
            "mag_bewerken": permissions.mag(request.user, "bewerken", uitgangspunt),
            "inbreng_bij_uitgangspunt": sessie_selectors.inbreng_bij_uitgangspunt(uitgangspunt),
        },
    )


def _lijst_context(request, traject, **extra):
    voorzieningen = traject.voorzieningen.order_by("volgorde", "naam")
    filters = FilterForm(request.GET or None, voorzieningen=voorzieningen)
    items = selectors.genummerde_uitgangspunten(traject)
    if filters.is_bound and filters.is_valid():
        f = filters.cleaned_data
        items = [
            up
            for up in items
            if (not f["soort"] or up.soort == f["soort"])
            and (not f["status"] or up.status == f["status"])
            and (not f["voorziening"] or up.voorziening_id == f["voorziening"].pk)
        ]
    context = {
        "traject": traject,
        "regio": traject.regio,
        "groepen": selectors.uitgangspunten_gegroepeerd(items),
        "aantal": len(items),
        "filters": filters,
        "gefilterd": filters.is_bound and any(request.GET.get(k) for k in filters.fields),
        "nieuw_form": NieuwUitgangspuntForm(voorzieningen=voorzieningen, auto_id="nieuw_%s"),
        "mag_bewerken": permissions.mag(request.user, "bewerken", traject),
        "herordenen": True,
    }
    return context | extra


@login_required
def lijst(request, regio, slug):
    traject = selectors.traject(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    return render(request, LIJST, _lijst_context(request, traject))


@login_required
@require_POST
def uitgangspunt_nieuw(request, regio, slug):
    traject = selectors.traject(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    voorzieningen = traject.voorzieningen.order_by("volgorde", "naam")
    form = NieuwUitgangspuntForm(request.POST, voorzieningen=voorzieningen, auto_id="nieuw_%s")
    if not form.is_valid():
        context = _lijst_context(request, traject, nieuw_form=form)
        response = render(request, f"{LIJST}#nieuw" if request.htmx else LIJST, context)
        response["HX-Retarget"] = "#nieuw"  # the error belongs to the form, not the list
        return response
    up = services.uitgangspunt_aanmaken(traject=traject, auteur=request.user, **form.cleaned_data)
    if request.htmx:
        context = _lijst_context(request, traject, bewerkt_id=up.pk)
        return render(request, f"{LIJST}#lijst", context)
    messages.success(request, f"Uitgangspunt “{up.titel}” toegevoegd.")
    return redirect(reverse("uitgangspunten:lijst", args=[regio, slug]) + f"#up-{up.pk}")


def _uitgangspunt_of_404(uid, user, actie):
    up = get_object_or_404(
        Uitgangspunt.objects.select_related("traject", "traject__regio", "voorziening", "perceel"),
        uid=uid,
    )
    permissions.vereis(user, actie, up)
    return up


def _item_nummer(up):
    """The number of one principle within its group, for a single-item partial."""
    for item in selectors.genummerde_uitgangspunten(up.traject):
        if item.pk == up.pk:
            return item.nummer
    return None


def _item_render(request, up, **extra):
    up.nummer = _item_nummer(up)
    compact = request.GET.get("compact") or request.POST.get("compact")
    context = {
        "up": up,
        "mag_bewerken": permissions.mag(request.user, "bewerken", up),
        "herordenen": not compact,
        "compact": compact,
        **extra,
    }
    return render(request, ITEM, context)


def _lijst_url(up):
    traject = up.traject
    return reverse("uitgangspunten:lijst", args=[traject.regio.slug, traject.slug]) + f"#up-{up.pk}"


@login_required
def uitgangspunt_bewerken(request, uid):
    up = _uitgangspunt_of_404(uid, request.user, "bewerken")
    ids = f"up{up.pk}_%s"  # unique ids when several items are open at once
    if request.method == "GET":
        if request.htmx:
            return _item_render(
                request, up, bewerk_id=up.pk, form=UitgangspuntForm.voor(up, auto_id=ids)
            )
        context = _lijst_context(
            request, up.traject, bewerk_id=up.pk, form=UitgangspuntForm.voor(up, auto_id=ids)
        )
        return render(request, LIJST, context)

    def opslaan(revisie, titel, uitleg):
        services.uitgangspunt_bijwerken(
            uitgangspunt=up, revisie=revisie, auteur=request.user, titel=titel, uitleg=uitleg
        )

    status, form, conflict = _formulier_opslaan(request, UitgangspuntForm, opslaan, auto_id=ids)
    extra = {}
    if status == "ongeldig":
        extra = {"bewerk_id": up.pk, "form": form}
    elif status == "conflict":
        labels = {"titel": "Korte titel", "uitleg": "Uitleg"}
        extra = {
            "bewerk_id": up.pk,
            **_conflict_context(conflict, UitgangspuntForm, labels, auto_id=ids),
        }
    elif status == "opgeslagen":
        up.refresh_from_db()
        extra = {"opgeslagen": True}
    if request.htmx:
        return _item_render(request, up, **extra)
    if status in ("opgeslagen", "behouden"):
        messages.success(
            request, "Opgeslagen." if status == "opgeslagen" else "De opgeslagen tekst is behouden."
        )
        return redirect(_lijst_url(up))
    return render(request, LIJST, _lijst_context(request, up.traject, **extra))


@login_required
def uitgangspunt_verwijderen(request, uid):
    up = _uitgangspunt_of_404(uid, request.user, "bewerken")
    if request.method == "POST":
        traject = up.traject
        titel = up.titel
        try:
            services.uitgangspunt_verwijderen(
                uitgangspunt=up, auteur=request.user, revisie=revisie_uit(request.POST)
            )
        except services.Conflict:
            messages.error(request, VERWIJDERCONFLICT)
            url = up.get_absolute_url()
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
        if request.htmx:
            return render(request, f"{LIJST}#lijst", _lijst_context(request, traject))
        messages.success(request, f"Uitgangspunt “{titel}” verwijderd.")
        return redirect("uitgangspunten:lijst", traject.regio.slug, traject.slug)
    if request.htmx:
        return _item_render(request, up, verwijder_id=up.pk)
    return render(request, LIJST, _lijst_context(request, up.traject, verwijder_id=up.pk))


@login_required
@require_POST
def uitgangspunt_verplaatsen(request, uid):
    up = _uitgangspunt_of_404(uid, request.user, "bewerken")
    richting = request.POST.get("richting")
    if richting not in (services.OMHOOG, services.OMLAAG):
        return HttpResponseBadRequest("Onbekende richting")
    services.uitgangspunt_verplaatsen(uitgangspunt=up, richting=richting, auteur=request.user)
    if request.htmx:
        return render(
            request, f"{LIJST}#lijst", _lijst_context(request, up.traject, bewerkt_id=up.pk)
        )
    return redirect(_lijst_url(up))


# ---------- Carry-over from the previous round ----------


@login_required
def overnemen(request, regio, slug):
    traject = selectors.traject(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    return render(
        request,
        "uitgangspunten/overnemen.html",
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
    traject = selectors.traject(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    vorig = get_object_or_404(
        Uitgangspunt.objects.select_related("voorziening", "perceel"), uid=uid
    )
    if traject.vorige_id is None or vorig.traject_id != traject.vorige_id:
        raise Http404
    form = OvernemenForm(request.POST)
    if form.is_valid():
        actie = form.cleaned_data["actie"]
        if actie == "herbevestigen":
            services.uitgangspunt_herbevestigen(vorig=vorig, traject=traject, auteur=request.user)
        elif actie == "aanscherpen":
            kopie = services.uitgangspunt_aanscherpen(
                vorig=vorig, traject=traject, auteur=request.user
            )
            if not request.htmx:
                messages.success(request, "Overgenomen om aan te scherpen: pas de tekst nu aan.")
                return redirect("uitgangspunten:uitgangspunt_bewerken", kopie.uid)
        else:
            services.uitgangspunt_laten_vervallen(
                vorig=vorig, traject=traject, reden=form.cleaned_data["reden"], auteur=request.user
            )
        if not request.htmx:
            messages.success(request, f"“{vorig.titel}”: keuze vastgelegd.")
            return redirect(
                reverse("uitgangspunten:overnemen", args=[regio, slug]) + f"#vorig-{vorig.pk}"
            )
    vorig.overgenomen = Uitgangspunt.objects.filter(traject=traject, herkomst=vorig).first()
    vorig.nummer = None
    context = {
        "traject": traject,
        "regio": traject.regio,
        "up": vorig,
        "form": form,
        "mag_bewerken": True,
    }
    if request.htmx:
        return render(request, "uitgangspunten/overnemen.html#vorig", context)
    context["vorige"] = [vorig]
    return render(request, "uitgangspunten/overnemen.html", context)


# ---------- Per service: onderdeel, ontwikkelingen, uitgangspunten ----------


def _per_voorziening_context(request, traject, **extra):
    rijen = [
        {"item": item, "uitgangspunten": [*eigen, *perceel]}
        for item, eigen, perceel in per_voorziening_rijen(
            selectors.scope(traject), selectors.genummerde_uitgangspunten(traject)
        )
    ]
    bewerk = request.GET.get("bewerk")
    context = {
        "traject": traject,
        "regio": traject.regio,
        "rijen": rijen,
        "mag_bewerken": permissions.mag(request.user, "bewerken", traject),
        "bewerk_ontwikkelingen": int(bewerk) if bewerk and bewerk.isdigit() else None,
        "ontwikkelingen_form": None,
        "compact": True,
    }
    return context | extra


@login_required
def per_voorziening(request, regio, slug):
    traject = selectors.traject(regio, slug)
    permissions.vereis(request.user, "concepten_bekijken", traject)
    return render(
        request, "uitgangspunten/per_voorziening.html", _per_voorziening_context(request, traject)
    )


@login_required
def ontwikkelingen(request, regio, slug, pk):
    traject = selectors.traject(regio, slug)
    permissions.vereis(request.user, "bewerken", traject)
    item = get_object_or_404(selectors.scope(traject), pk=pk)
    pagina = reverse("uitgangspunten:per_voorziening", args=[regio, slug])
    ids = f"ontw{item.pk}_%s"
    if request.method != "POST":
        if not request.htmx:
            return redirect(f"{pagina}?bewerk={item.pk}#ontw-{item.pk}")
        form = OntwikkelingenForm(
            initial={"ontwikkelingen": item.ontwikkelingen, "revisie": item.revisie}, auto_id=ids
        )
        extra = {"bewerk_ontwikkelingen": item.pk, "ontwikkelingen_form": form}
        return _ontwikkelingen_render(request, traject, item, **extra)

    def opslaan(revisie, ontwikkelingen):
        services.ontwikkelingen_bijwerken(item=item, revisie=revisie, ontwikkelingen=ontwikkelingen)

    status, form, conflict = _formulier_opslaan(request, OntwikkelingenForm, opslaan, auto_id=ids)
    if status in ("opgeslagen", "behouden"):
        item.refresh_from_db()
        if not request.htmx:
            melding = "opgeslagen" if status == "opgeslagen" else "behouden zoals opgeslagen"
            messages.success(request, f"Ontwikkelingen bij {item.voorziening.naam} {melding}.")
            return redirect(f"{pagina}#ontw-{item.pk}")
        return _ontwikkelingen_render(request, traject, item, opgeslagen=status == "opgeslagen")
    extra = {"bewerk_ontwikkelingen": item.pk, "ontwikkelingen_form": form}
    if status == "conflict":
        labels = {"ontwikkelingen": f"Ontwikkelingen bij {item.voorziening.naam}"}
        context = _conflict_context(conflict, OntwikkelingenForm, labels, auto_id=ids)
        extra |= {
            "ontwikkelingen_conflict": True,
            "ontwikkelingen_form": context["form"],
            "conflict_rijen": context["conflict_rijen"],
            "eigen_velden": context["eigen_velden"],
        }
    return _ontwikkelingen_render(request, traject, item, **extra)


def _ontwikkelingen_render(request, traject, item, **extra):
    """One cell of the per-service table for HTMX, else the whole page (the typed text kept)."""
    if request.htmx:
        context = {"traject": traject, "regio": traject.regio, "mag_bewerken": True}
        context |= {"rij": {"item": item}, **extra}
        return render(request, "uitgangspunten/per_voorziening.html#ontwikkelingen", context)
    context = _per_voorziening_context(request, traject, **extra)
    return render(request, "uitgangspunten/per_voorziening.html", context)


# ---------- Document editor ----------


def _document_of_404(pk, user, actie):
    try:
        document = selectors.document_detail(pk)
    except Document.DoesNotExist as exc:
        raise Http404 from exc
    permissions.vereis(user, actie, document)
    return document


def _editor_context(request, document, **extra):
    inhoud = document_inhoud(document)
    opmerkingen = list(selectors.open_opmerkingen(document))
    per_sectie = defaultdict(list)
    for opmerking in opmerkingen:
        per_sectie[opmerking.sectie_id].append(opmerking)
    secties = inhoud["secties"]
    for bijlage in (False, True):
        groep = [s for s in secties if s["is_bijlage"] == bijlage]
        for i, sectie in enumerate(groep):
            sectie["kan_omhoog"] = i > 0
            sectie["kan_omlaag"] = i < len(groep) - 1
    for sectie in secties:
        sectie["opmerkingen"] = per_sectie.get(sectie["id"], [])
        sectie["uitgangspunten"] = uitgangspunten_in_sectie(sectie)
    context = {
        "document": document,
        "traject": document.traject,
        "regio": document.traject.regio,
        "inhoud": inhoud,
        "kop_velden": kop_velden(document),
        "opmerkingen": opmerkingen,
        "opmerkingen_los": per_sectie.get(None, []),
        "mag_bewerken": permissions.mag(request.user, "bewerken", document),
        "mag_opmerken": permissions.mag(request.user, "opmerken", document),
        "nieuwe_sectie_form": NieuweSectieForm(auto_id="nieuw_%s"),
        "versie_form": VersieForm(),
    }
    context |= extra
    if "sectie_id" in extra:
        context["sectie"] = next((s for s in secties if s["id"] == extra["sectie_id"]), None)
        if context["sectie"] is None:
            raise Http404
    return context


def _editor(request, document, partial=None, status=200, **extra):
    """The editor page, or (for HTMX) the one partial that changed."""
    template = f"{DOCUMENT}#{partial}" if partial and request.htmx else DOCUMENT
    return render(request, template, _editor_context(request, document, **extra), status=status)


def _terug(document, anker=""):
    return redirect(
        reverse("uitgangspunten:document", args=[document.pk]) + (f"#{anker}" if anker else "")
    )


@login_required
def document(request, pk):
    document = _document_of_404(pk, request.user, "concepten_bekijken")
    return _editor(request, document)


@login_required
def kop_bewerken(request, pk):
    document = _document_of_404(pk, request.user, "bewerken")
    if request.method == "GET":
        return _editor(
            request,
            document,
            "kop",
            bewerk="kop",
            kop_form=KopForm.voor(document, auto_id="kop_%s"),
        )

    def opslaan(revisie, **velden):
        services.document_kop_bijwerken(
            document=document, revisie=revisie, auteur=request.user, **velden
        )

    status, form, conflict = _formulier_opslaan(request, KopForm, opslaan, auto_id="kop_%s")
    if status == "ongeldig":
        return _editor(request, document, "kop", bewerk="kop", kop_form=form)
    if status == "conflict":
        labels = {naam: str(veld.label) for naam, veld in KopForm.base_fields.items()}
        context = _conflict_context(conflict, KopForm, labels, auto_id="kop_%s")
        context["kop_form"] = context.pop("form")
        document.refresh_from_db()
        return _editor(request, document, "kop", bewerk="kop", **context)
    document.refresh_from_db()
    if not request.htmx:
        messages.success(request, "Documentkop opgeslagen.")
        return _terug(document, "kop")
    return _editor(request, document, "kop", kop_opgeslagen=status == "opgeslagen")


@login_required
def sectie(request, pk, sectie_pk):
    """One section as shown in the editor (the cancel button of the edit form lands here)."""
    document = _document_of_404(pk, request.user, "concepten_bekijken")
    selectors.sectie_van_document(document, sectie_pk)
    if not request.htmx:
        return _terug(document, f"s-{sectie_pk}")
    return _editor(request, document, "sectie", sectie_id=sectie_pk)


@login_required
def sectie_bewerken(request, pk, sectie_pk):
    document = _document_of_404(pk, request.user, "bewerken")
    sectie = selectors.sectie_van_document(document, sectie_pk)
    ids = f"sectie{sectie.pk}_%s"  # unique ids when several sections are open at once
    if request.method == "GET":
        form = SectieForm(
            initial={"titel": sectie.titel, "tekst": sectie.tekst, "revisie": sectie.revisie},
            auto_id=ids,
        )
        return _editor(
            request, document, "sectie", sectie_id=sectie.pk, bewerk_id=sectie.pk, form=form
        )

    def opslaan(revisie, titel, tekst):
        services.sectie_bijwerken(
            sectie=sectie, revisie=revisie, auteur=request.user, titel=titel, tekst=tekst
        )

    status, form, conflict = _formulier_opslaan(request, SectieForm, opslaan, auto_id=ids)
    if status == "ongeldig":
        return _editor(
            request, document, "sectie", sectie_id=sectie.pk, bewerk_id=sectie.pk, form=form
        )
    if status == "conflict":
        labels = {"titel": "Titel", "tekst": "Tekst"}
        context = _conflict_context(conflict, SectieForm, labels, auto_id=ids)
        return _editor(
            request, document, "sectie", sectie_id=sectie.pk, bewerk_id=sectie.pk, **context
        )
    if not request.htmx:
        messages.success(
            request, "Opgeslagen." if status == "opgeslagen" else "De opgeslagen tekst is behouden."
        )
        return _terug(document, f"s-{sectie.pk}")
    return _editor(
        request,
        document,
        "sectie",
        sectie_id=sectie.pk,
        opgeslagen_id=sectie.pk if status == "opgeslagen" else None,
        oob_status="Opgeslagen" if status == "opgeslagen" else "Opgeslagen tekst behouden",
    )


@login_required
def sectie_verwijderen(request, pk, sectie_pk):
    document = _document_of_404(pk, request.user, "bewerken")
    sectie = selectors.sectie_van_document(document, sectie_pk)
    if request.method == "POST":
        titel = sectie.titel or sectie.get_soort_display()
        try:
            services.sectie_verwijderen(
                sectie=sectie, auteur=request.user, revisie=revisie_uit(request.POST)
            )
        except services.Conflict:
            messages.error(request, VERWIJDERCONFLICT)
            url = reverse("uitgangspunten:document", args=[document.pk]) + f"#s-{sectie.pk}"
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
        if request.htmx:
            return _editor(request, document, "secties", oob_status=f"Sectie “{titel}” verwijderd")
        messages.success(request, f"Sectie “{titel}” verwijderd.")
        return _terug(document)
    return _editor(request, document, "sectie", sectie_id=sectie.pk, verwijder_id=sectie.pk)


@login_required
@require_POST
def sectie_nieuw(request, pk):
    document = _document_of_404(pk, request.user, "bewerken")
    form = NieuweSectieForm(request.POST, auto_id="nieuw_%s")
    if not form.is_valid():
        response = _editor(request, document, "nieuwe-sectie", nieuwe_sectie_form=form)
        response["HX-Retarget"] = "#nieuwe-sectie"
        return response
    sectie = services.sectie_aanmaken(document=document, auteur=request.user, **form.cleaned_data)
    if not request.htmx:
        messages.success(request, f"Sectie “{sectie.titel}” toegevoegd.")
        return _terug(document, f"s-{sectie.pk}")
    form = SectieForm(
        initial={"titel": sectie.titel, "tekst": sectie.tekst, "revisie": sectie.revisie},
        auto_id=f"sectie{sectie.pk}_%s",
    )
    return _editor(
        request, document, "secties", bewerk_id=sectie.pk, form=form, oob_status="Sectie toegevoegd"
    )


@login_required
@require_POST
def sectie_verplaatsen(request, pk, sectie_pk):
    document = _document_of_404(pk, request.user, "bewerken")
    sectie = selectors.sectie_van_document(document, sectie_pk)
    richting = request.POST.get("richting")
    if richting not in (services.OMHOOG, services.OMLAAG):
        return HttpResponseBadRequest("Onbekende richting")
    services.sectie_verplaatsen(sectie=sectie, richting=richting, auteur=request.user)
    if not request.htmx:
        return _terug(document, f"s-{sectie.pk}")
    titel = sectie.titel or sectie.get_soort_display()
    return _editor(
        request, document, "secties", oob_status=f"Sectie “{titel}” {richting} verplaatst"
    )


@login_required
@require_POST
def secties_ordenen(request, pk):
    """The new order after drag and drop: volgorde=3,1,2 (section ids)."""
    document = _document_of_404(pk, request.user, "bewerken")
    try:
        volgorde = [int(x) for x in request.POST.get("volgorde", "").split(",") if x.strip()]
    except ValueError:
        return HttpResponseBadRequest("Ongeldige volgorde")
    services.secties_ordenen(document=document, volgorde=volgorde, auteur=request.user)
    if not request.htmx:
        return _terug(document)
    return _editor(request, document, "secties", oob_status="Nieuwe volgorde opgeslagen")


@login_required
def voorbeeld(request, pk):
    document = _document_of_404(pk, request.user, "concepten_bekijken")
    return render(
        request,
        "uitgangspunten/voorbeeld.html",
        {
            "document": document,
            "traject": document.traject,
            "regio": document.traject.regio,
            "inhoud": document_inhoud(document),
            "kop_velden": kop_velden(document),
        },
    )


@login_required
def historie(request, pk):
    document = _document_of_404(pk, request.user, "concepten_bekijken")
    return render(
        request,
        "uitgangspunten/historie.html",
        {
            "document": document,
            "traject": document.traject,
            "regio": document.traject.regio,
            "regels": selectors.historie(document),
        },
    )


# ---------- Review comments ----------


@login_required
@require_POST
def opmerking_plaatsen(request, pk):
    document = _document_of_404(pk, request.user, "opmerken")
    form = OpmerkingForm(request.POST)
    sectie_id = request.POST.get("sectie")
    if not (sectie_id or "").isdigit():
        return HttpResponseBadRequest("Geen sectie")
    sectie = selectors.sectie_van_document(document, int(sectie_id))
    if form.is_valid():
        up = None
        if form.cleaned_data["uitgangspunt"]:
            up = get_object_or_404(
                Uitgangspunt, pk=form.cleaned_data["uitgangspunt"], traject=document.traject
            )
        services.opmerking_plaatsen(
            document=document,
            auteur=request.user,
            tekst=form.cleaned_data["tekst"],
            sectie=sectie,
            uitgangspunt=up,
        )
        if not request.htmx:
            messages.success(request, "Opmerking geplaatst.")
            return _terug(document, f"s-{sectie.pk}")
        return _editor(
            request, document, "sectie", sectie_id=sectie.pk, oob_status="Opmerking geplaatst"
        )
    return _editor(
        request,
        document,
        "sectie",
        sectie_id=sectie.pk,
        opmerking_form=form,
        opmerking_bij=sectie.pk,
    )


@login_required
@require_POST
def opmerking_oplossen(request, pk):
    opmerking = get_object_or_404(
        Opmerking.objects.select_related("document__traject__regio"), pk=pk
    )
    permissions.vereis(request.user, "bewerken", opmerking)
    services.opmerking_oplossen(opmerking=opmerking, door=request.user)
    document = opmerking.document
    if request.htmx and opmerking.sectie_id:
        return _editor(
            request,
            document,
            "sectie",
            sectie_id=opmerking.sectie_id,
            oob_status="Opmerking opgelost",
        )
    messages.success(request, "Opmerking opgelost.")
    return _terug(document, f"s-{opmerking.sectie_id}" if opmerking.sectie_id else "opmerkingen")


# ---------- Versions and redline ----------


@login_required
def versies(request, pk):
    document = _document_of_404(pk, request.user, "concepten_bekijken")
    return render(
        request,
        "uitgangspunten/versies.html",
        {
            "document": document,
            "traject": document.traject,
            "regio": document.traject.regio,
            "versies": selectors.versies(document),
            "versie_form": VersieForm(),
            "mag_bewerken": permissions.mag(request.user, "bewerken", document),
        },
    )


@login_required
@require_POST
def versie_vastleggen(request, pk):
    document = _document_of_404(pk, request.user, "bewerken")
    form = VersieForm(request.POST)
    toelichting = form.cleaned_data["toelichting"] if form.is_valid() else ""
    versie = services.versie_vastleggen(
        document=document, auteur=request.user, toelichting=toelichting
    )
    messages.success(
        request, f"Versie {versie.nummer} vastgelegd. Het concept gaat verder als volgende versie."
    )
    return redirect(versie.get_absolute_url())


@login_required
def versie(request, pk, nummer):
    document = _document_of_404(pk, request.user, "concepten_bekijken")
    versie = get_object_or_404(
        Versie.objects.select_related("auteur"), document=document, nummer=nummer
    )
    return render(
        request,
        "uitgangspunten/versie.html",
        {
            "document": document,
            "traject": document.traject,
            "regio": document.traject.regio,
            "versie": versie,
            "inhoud": versie.inhoud,
            "kop_velden": kop_velden_uit_inhoud(versie.inhoud["kop"]),
        },
    )


CONCEPT = "concept"


@login_required
def vergelijken(request, pk):
    """Redline between two versions, or a version and the current draft (?van=1&naar=concept)."""
    document = _document_of_404(pk, request.user, "concepten_bekijken")
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

    diff = inhoud_diff(inhoud(van), inhoud(naar), labels=True)
    kop_labels = {naam: str(veld.label) for naam, veld in KopForm.base_fields.items()} | {
        "soort": "Soort"
    }
    for item in diff["kop"]:
        item["label"] = kop_labels.get(item["veld"], item["veld"])
    return render(
        request,
        "uitgangspunten/vergelijken.html",
        {
            "document": document,
            "traject": document.traject,
            "regio": document.traject.regio,
            "keuzes": keuzes,
            "van": van,
            "naar": naar,
            "van_label": label(van),
            "naar_label": label(naar),
            "diff": diff,
        },
    )
