"""Review of a version (four eyes) and the PDFs of one version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from inkoop.besluitvorming import pdf, selectors, services
from inkoop.besluitvorming.forms import BeoordelingForm, OvergangForm, TerugsturenForm
from inkoop.core.fouten import DomeinFout, naar_formulier
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


@login_required
def document_besluitvorming(request, pk):
    try:
        context = selectors.document_besluitvorming(pk)
    except Document.DoesNotExist as exc:
        raise Http404 from exc
    document = context["document"]
    permissions.vereis(request.user, "concepten_bekijken", document)
    user = request.user
    for versie in context["versies"]:
        versie.goedkeuren_geweigerd = versie.niet_goedkeuren.get(user.pk)
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
        except DomeinFout as fout:
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


@login_required
def versie_beoordelen(request, pk, nummer):
    """The review page: the version's text, its changes against the last approved (or
    adopted) version, the open comments, and one decision form. The author sees the outcome."""
    versie = _versie(pk, nummer)
    permissions.vereis(request.user, "concepten_bekijken", versie)
    form = BeoordelingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        besluit, opmerking = form.cleaned_data["besluit"], form.cleaned_data["opmerking"]
        functie = getattr(services, f"versie_{besluit}")
        try:
            # The service checks the right to review and four eyes (never a co-author).
            functie(versie=versie, door=request.user, opmerking=opmerking)
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            woord = "goedgekeurd" if besluit == BeoordelingForm.GOEDKEUREN else "teruggestuurd"
            messages.success(request, f"Versie {versie.nummer} is {woord}.")
            return redirect("inkoop:versie_beoordelen", pk=pk, nummer=nummer)
    context = selectors.beoordeling(versie)
    document = versie.document
    geweigerd = context["niet_goedkeuren"].get(request.user.pk)
    context.update(
        {
            "document": document,
            "traject": document.traject,
            "regio": document.traject.regio,
            "form": form,
            "Beoordeling": Beoordeling,
            "kan_beslissen": versie.beoordeling == Beoordeling.INGEDIEND
            and permissions.mag(request.user, "beoordelen", versie)
            and versie.auteur_id != request.user.pk,
            "goedkeuren_geweigerd": geweigerd,
            "van_label": f"versie {context['tegen'].nummer}" if context["tegen"] else "niets",
            "naar_label": f"versie {versie.nummer}",
        }
    )
    return render(request, "inkoop/besluitvorming/beoordelen.html", context)


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
