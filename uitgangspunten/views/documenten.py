"""The document editor: memo header, sections, order, preview, history and review comments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from inkoop.core.eenmalig import AlVerstuurd, al_verstuurd, eenmalig, zonder_token
from inkoop.core.fouten import DomeinFout, naar_formulier
from inkoop.core.htmx import pagina
from inkoop.core.markdown import voetnoten_aantal
from inkoop.core.paginacache import gecachet
from inkoop.core.revisie import (
    CONFLICT,
    ONGELDIG,
    OPGESLAGEN,
    VERWIJDERCONFLICT,
    Conflict,
    conflict_tonen,
    formulier_opslaan,
    revisie_uit,
)
from inkoop.core.velden import parameter
from regions import permissions
from uitgangspunten import selectors, services
from uitgangspunten.forms import (
    KopForm,
    NieuweSectieForm,
    OpmaakForm,
    OpmerkingForm,
    SectieForm,
    VersieForm,
)
from uitgangspunten.inhoud import (
    document_inhoud,
    kop_velden_uit_inhoud,
    opmaak_van,
    voetnoot_begin,
)
from uitgangspunten.models import Document, Opmerking, Sectie, Uitgangspunt

DOCUMENT = "uitgangspunten/document.html"


def document_of_404(pk, user, actie) -> Document:
    try:
        document = selectors.document_detail(pk)
    except Document.DoesNotExist as exc:
        raise Http404 from exc
    permissions.vereis(user, actie, document)
    return document


def _sectie_of_404(document, pk) -> Sectie:
    return get_object_or_404(Sectie, pk=pk, document=document)


def _editor(request, document, partial=None, status=200, **extra):
    """The editor page, or (for HTMX) the one partial that changed."""
    context = selectors.editor(document, request.user)
    context |= {"nieuwe_sectie_form": NieuweSectieForm(auto_id="nieuw_%s")}
    context |= {"versie_form": VersieForm()} | extra
    secties = context["inhoud"]["secties"]
    if "sectie_id" in extra:
        context["sectie"] = next((s for s in secties if s["id"] == extra["sectie_id"]), None)
        if context["sectie"] is None:
            raise Http404
    if extra.get("voetnoten_verschoven"):
        # The saved text has more or fewer footnotes: the numbers of every later section with
        # footnotes change too, and go along out of band (document.html, partial "sectie").
        plek = next(i for i, s in enumerate(secties) if s["id"] == extra["sectie_id"])
        context["verschoven_secties"] = [s for s in secties[plek + 1 :] if s["voetnoten"]]
    if "form" in extra:
        # The editor numbers the text's footnotes on from those before it, as the PDF does.
        extra["form"].voetnoten_vanaf(voetnoot_begin(secties, extra.get("bewerk_id")))
    return pagina(request, DOCUMENT, context, partial=partial, status=status)


def _terug(document, anker=""):
    return redirect(
        reverse("uitgangspunten:document", args=[document.pk]) + (f"#{anker}" if anker else "")
    )


@login_required
@gecachet
def document(request, pk):
    document = document_of_404(pk, request.user, "concepten_bekijken")
    return _editor(request, document)


@login_required
def kop_bewerken(request, pk):
    document = document_of_404(pk, request.user, "bewerken")
    if request.method == "GET":
        form = KopForm.voor(document, auto_id="kop_%s")
        return _editor(request, document, "kop", bewerk="kop", kop_form=form)

    def opslaan(revisie, **velden):
        services.document_kop_bijwerken(
            document=document, revisie=revisie, auteur=request.user, **velden
        )

    status, form = formulier_opslaan(request.POST, KopForm, opslaan, auto_id="kop_%s")
    document.refresh_from_db()
    if status in (ONGELDIG, CONFLICT):
        return _editor(request, document, "kop", bewerk="kop", kop_form=form)
    if not request.htmx:
        messages.success(request, "Documentkop opgeslagen.")
        return _terug(document, "kop")
    return _editor(request, document, "kop", kop_opgeslagen=status == OPGESLAGEN)


@login_required
def sectie(request, pk, sectie_pk):
    """One section as shown in the editor (the cancel button of the edit form lands here)."""
    document = document_of_404(pk, request.user, "concepten_bekijken")
    _sectie_of_404(document, sectie_pk)
    if not request.htmx:
        return _terug(document, f"s-{sectie_pk}")
    return _editor(request, document, "sectie", sectie_id=sectie_pk)


@login_required
def sectie_bewerken(request, pk, sectie_pk):
    document = document_of_404(pk, request.user, "bewerken")
    sectie = _sectie_of_404(document, sectie_pk)
    ids = f"sectie{sectie.pk}_%s"  # unique ids when several sections are open at once
    bewerken = {"sectie_id": sectie.pk, "bewerk_id": sectie.pk}
    if request.method == "GET":
        form = SectieForm(
            initial={"titel": sectie.titel, "tekst": sectie.tekst, "revisie": sectie.revisie},
            auto_id=ids,
        )
        return _editor(request, document, "sectie", form=form, **bewerken)

    voetnoten_voor = voetnoten_aantal(sectie.tekst)

    def opslaan(revisie, titel, tekst):
        services.sectie_bijwerken(
            sectie=sectie, revisie=revisie, auteur=request.user, titel=titel, tekst=tekst
        )

    status, form = formulier_opslaan(request.POST, SectieForm, opslaan, auto_id=ids)
    if status in (ONGELDIG, CONFLICT):
        return _editor(request, document, "sectie", form=form, **bewerken)
    if not request.htmx:
        messages.success(
            request, "Opgeslagen." if status == OPGESLAGEN else "De opgeslagen tekst is behouden."
        )
        return _terug(document, f"s-{sectie.pk}")
    return _editor(
        request,
        document,
        "sectie",
        sectie_id=sectie.pk,
        opgeslagen_id=sectie.pk if status == OPGESLAGEN else None,
        oob_status="Opgeslagen" if status == OPGESLAGEN else "Opgeslagen tekst behouden",
        voetnoten_verschoven=voetnoten_aantal(sectie.tekst) != voetnoten_voor,
    )


@login_required
def sectie_verwijderen(request, pk, sectie_pk):
    document = document_of_404(pk, request.user, "bewerken")
    sectie = _sectie_of_404(document, sectie_pk)
    if request.method != "POST":
        return _editor(request, document, "sectie", sectie_id=sectie.pk, verwijder_id=sectie.pk)
    titel = sectie.titel or sectie.get_soort_display()
    try:
        services.sectie_verwijderen(
            sectie=sectie, auteur=request.user, revisie=revisie_uit(request.POST)
        )
    except Conflict:
        messages.error(request, VERWIJDERCONFLICT)
        url = reverse("uitgangspunten:document", args=[document.pk]) + f"#s-{sectie.pk}"
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    if request.htmx:
        return _editor(request, document, "secties", oob_status=f"Sectie “{titel}” verwijderd")
    messages.success(request, f"Sectie “{titel}” verwijderd.")
    return _terug(document)


@login_required
@require_POST
def sectie_nieuw(request, pk):
    document = document_of_404(pk, request.user, "bewerken")
    form = NieuweSectieForm(request.POST, auto_id="nieuw_%s")
    if not form.is_valid():
        response = _editor(request, document, "nieuwe-sectie", nieuwe_sectie_form=form)
        response["HX-Retarget"] = "#nieuwe-sectie"
        return response
    try:
        with eenmalig(form):
            sectie = services.sectie_aanmaken(
                document=document, auteur=request.user, **zonder_token(form)
            )
    except AlVerstuurd:
        return al_verstuurd(request, reverse("uitgangspunten:document", args=[document.pk]))
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
    document = document_of_404(pk, request.user, "bewerken")
    sectie = _sectie_of_404(document, sectie_pk)
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
    document = document_of_404(pk, request.user, "bewerken")
    delen = [x for x in request.POST.get("volgorde", "").split(",") if x.strip()]
    volgorde = [parameter({"id": x}, "id") for x in delen]
    if None in volgorde:
        return HttpResponseBadRequest("Ongeldige volgorde")
    services.secties_ordenen(document=document, volgorde=volgorde, auteur=request.user)
    if not request.htmx:
        return _terug(document)
    return _editor(request, document, "secties", oob_status="Nieuwe volgorde opgeslagen")


def _document_pagina(request, document, template, **extra):
    context = {"document": document, "traject": document.traject, "regio": document.traject.regio}
    return pagina(request, template, context | extra)


@login_required
def voorbeeld(request, pk):
    document = document_of_404(pk, request.user, "concepten_bekijken")
    inhoud = document_inhoud(document)
    return _document_pagina(
        request,
        document,
        "uitgangspunten/voorbeeld.html",
        inhoud=inhoud,
        kop_velden=kop_velden_uit_inhoud(inhoud["kop"], opmaak=opmaak_van(inhoud)),
    )


@login_required
def opmaak(request, pk):
    """The document's layout settings: how its PDF prints (kept by each frozen version)."""
    document = document_of_404(pk, request.user, "bewerken")
    form = OpmaakForm.voor(document)
    if request.method == "POST":
        form = OpmaakForm(request.POST)
        if form.is_valid():
            try:
                services.document_opmaak_bijwerken(
                    document=document,
                    revisie=form.cleaned_data["revisie"],
                    auteur=request.user,
                    opmaak=form.opmaak(),
                    kop_labels=form.kop_labels(),
                )
            except Conflict as conflict:
                conflict_tonen(form, conflict)
            except DomeinFout as fout:
                naar_formulier(form, fout)
            else:
                messages.success(request, "Opmaak opgeslagen; de volgende versie neemt haar over.")
                return redirect("uitgangspunten:opmaak", pk=document.pk)
    return _document_pagina(request, document, "uitgangspunten/opmaak.html", form=form)


@login_required
def historie(request, pk):
    document = document_of_404(pk, request.user, "concepten_bekijken")
    return _document_pagina(
        request, document, "uitgangspunten/historie.html", regels=selectors.historie(document)
    )


# ---------- Review comments ----------


@login_required
@require_POST
def opmerking_plaatsen(request, pk):
    document = document_of_404(pk, request.user, "opmerken")
    sectie_id = parameter(request.POST, "sectie")
    if sectie_id is None:
        return HttpResponseBadRequest("Geen sectie")
    form = OpmerkingForm(request.POST, auto_id=f"opmerking-{sectie_id}-%s")  # _opmerkingen.html
    sectie = _sectie_of_404(document, sectie_id)
    if not form.is_valid():
        return _editor(
            request, document, "sectie", sectie_id=sectie.pk, opmerking_form=form,
            opmerking_bij=sectie.pk,
        )  # fmt: skip
    up = None
    if form.cleaned_data["uitgangspunt"]:
        up = get_object_or_404(
            Uitgangspunt, pk=form.cleaned_data["uitgangspunt"], traject=document.traject
        )
    try:
        with eenmalig(form):
            services.opmerking_plaatsen(
                document=document,
                auteur=request.user,
                tekst=form.cleaned_data["tekst"],
                sectie=sectie,
                uitgangspunt=up,
            )
    except AlVerstuurd:
        return al_verstuurd(
            request, reverse("uitgangspunten:document", args=[document.pk]) + f"#s-{sectie.pk}"
        )
    if not request.htmx:
        messages.success(request, "Opmerking geplaatst.")
        return _terug(document, f"s-{sectie.pk}")
    return _editor(
        request, document, "sectie", sectie_id=sectie.pk, oob_status="Opmerking geplaatst"
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
