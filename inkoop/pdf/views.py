"""PDF exports: start a job, follow it (HTMX polling), download, and the HTML preview."""

import io

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from inkoop.core.eenmalig import AlVerstuurd, al_verstuurd, eenmalig
from inkoop.core.fouten import naar_formulier
from inkoop.core.velden import LokaalPad, parameter
from inkoop.pdf import bijlagen as bijlagen_services
from inkoop.pdf import render as pdf
from inkoop.pdf import selectors as export_selectors
from inkoop.pdf import services as export_services
from inkoop.pdf.constants import ExportFormaat, ExportStatus
from inkoop.pdf.forms import BijlageForm
from inkoop.pdf.models import Bijlage, Export
from regions import permissions

MIMETYPES = {
    ExportFormaat.PDF: "application/pdf",
    ExportFormaat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _onderwerp(request, soort, object_id):
    try:
        onderwerp = export_selectors.onderwerp_ophalen(soort, object_id)
    except (ValueError, KeyError, ObjectDoesNotExist) as exc:
        raise Http404 from exc
    permissions.vereis(request.user, export_selectors.leesrecht(soort, onderwerp), onderwerp)
    return onderwerp


def _export(request, pk):
    export = get_object_or_404(Export.objects.select_related("content_type"), pk=pk)
    onderwerp = export.onderwerp
    if onderwerp is None:
        raise Http404
    permissions.vereis(request.user, export_selectors.leesrecht(export.soort, onderwerp), onderwerp)
    return export, onderwerp


def _widget(request, onderwerp, soort, parameters, status=200):
    return render(
        request,
        "inkoop/export/_pdf.html",
        {
            "onderwerp": onderwerp,
            "soort": soort,
            "parameters": parameters,
            "volgende": parameter(request.POST, "volgende", LokaalPad()) or "",
        },
        status=status,
    )


@login_required
@require_POST
def export_starten(request, soort, object_id):
    onderwerp = _onderwerp(request, soort, object_id)
    parameters = export_selectors.parameters_uit(soort, request.POST, onderwerp)
    formaat = request.POST.get("formaat", ExportFormaat.PDF)
    if formaat not in ExportFormaat.values:
        formaat = ExportFormaat.PDF
    export = export_services.export_aanvragen(
        onderwerp=onderwerp, soort=soort, user=request.user, parameters=parameters, formaat=formaat
    )
    if request.htmx:
        return _widget(request, onderwerp, soort, parameters)
    if volgende := parameter(request.POST, "volgende", LokaalPad()):
        return HttpResponseRedirect(volgende)
    return redirect("inkoop:export", pk=export.pk)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def export_detail(request, pk):
    """One job: a page without JavaScript, the widget partial for HTMX polling."""
    export, onderwerp = _export(request, pk)
    if request.htmx:
        return _widget(request, onderwerp, export.soort, export.parameters)
    return render(
        request,
        "inkoop/export/export.html",
        {
            "export": export,
            "onderwerp": onderwerp,
            "soort": export.soort,
            "parameters": export.parameters,
        },
    )


def bestand_antwoord(request, export):
    """The file of a finished export as a download, checked against its recorded hash."""
    if export.status != ExportStatus.KLAAR or not export.bestand:
        raise Http404("Dit bestand is nog niet klaar.")
    # A finished file never changes: its sha256 is its ETag; a client that has it gets a 304
    # without the file being read or checked again.
    etag = quote_etag(export.bestand_sha256) if export.bestand_sha256 else None
    gewijzigd = int(export.gereed.timestamp()) if export.gereed else None
    if niet_gewijzigd := get_conditional_response(request, etag=etag, last_modified=gewijzigd):
        return niet_gewijzigd
    try:
        inhoud = export_selectors.gecontroleerd_bestand(export)
    except export_selectors.BestandAfwijkend as fout:
        return render(
            request, "inkoop/export/afwijkend.html", {"export": export, "melding": str(fout)},
            status=409,
        )  # fmt: skip
    response = FileResponse(
        io.BytesIO(inhoud),
        as_attachment=True,
        filename=export.bestandsnaam or f"document.{export.formaat}",
        content_type=MIMETYPES[export.formaat],
    )
    if etag:
        response["ETag"] = etag
    if gewijzigd:
        response["Last-Modified"] = http_date(gewijzigd)
    return response


@login_required
@require_GET
def export_download(request, pk):
    export, _ = _export(request, pk)
    return bestand_antwoord(request, export)


@login_required
@require_GET
def pdf_downloaden(request, soort, object_id):
    """The PDF of what the user may read, by a plain link: no "PDF maken" for a reader."""
    onderwerp = _onderwerp(request, soort, object_id)
    parameters = export_selectors.parameters_uit(soort, request.GET, onderwerp)
    export = export_services.pdf_klaar(onderwerp=onderwerp, soort=soort, parameters=parameters)
    return bestand_antwoord(request, export)


@login_required
@require_GET
def export_voorbeeld(request, soort, object_id):
    """The print template as HTML (screen): the same template and data as the PDF."""
    onderwerp = _onderwerp(request, soort, object_id)
    parameters = export_selectors.parameters_uit(soort, request.GET, onderwerp)
    bron = export_selectors.bron(soort, onderwerp, parameters)
    html = pdf.render_html(bron.template, {"metadata": bron.metadata, **bron.context})
    return HttpResponse(html)


# ---------- Attachments (bijlagen) ----------

BIJLAGE_ONDERWERPEN = {
    "document": "uitgangspunten.Document",
    "sessie": "inkoop.Sessie",
    "voorstel": "inkoop.Voorstel",
}


def _bijlage_onderwerp(soort, pk):
    if soort not in BIJLAGE_ONDERWERPEN:
        raise Http404
    model = apps.get_model(BIJLAGE_ONDERWERPEN[soort])
    return get_object_or_404(model, pk=pk)


@login_required
def bijlagen(request, soort, pk):
    """The attachments of a document, session or proposal, and the upload form."""
    onderwerp = _bijlage_onderwerp(soort, pk)
    permissions.vereis(request.user, bijlagen_services.LEESACTIE, onderwerp)
    vergrendeld = bijlagen_services.vergrendeld(onderwerp)
    mag_plaatsen = not vergrendeld and permissions.mag(
        request.user, bijlagen_services.SCHRIJFACTIE[soort], onderwerp
    )
    form = BijlageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            with eenmalig(form):
                bijlagen_services.bijlage_toevoegen(
                    onderwerp=onderwerp, bestand=form.cleaned_data["bestand"],
                    door=request.user, omschrijving=form.cleaned_data["omschrijving"],
                )  # fmt: skip
        except AlVerstuurd:
            return al_verstuurd(request, request.path)
        except ValidationError as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, "De bijlage is toegevoegd.")
            return redirect(request.path)
    return render(
        request,
        "pdf/bijlagen.html",
        {
            "onderwerp": onderwerp,
            "soort": soort,
            "bijlagen": bijlagen_services.bijlagen_met_versies(onderwerp),
            "form": form if mag_plaatsen else None,
            "mag_verwijderen": mag_plaatsen,
            "vergrendeld": vergrendeld,
        },
    )


@login_required
@require_POST
def bijlage_verwijderen(request, pk):
    """Remove an attachment of the draft (the form asks for confirmation first); the rules are
    in `bijlagen.bijlage_verwijderen`, which the admin calls too."""
    bijlage = get_object_or_404(Bijlage.objects.select_related("content_type"), pk=pk)
    soort = bijlage.content_type.model  # the model names are the keys of BIJLAGE_ONDERWERPEN
    if soort not in BIJLAGE_ONDERWERPEN or bijlage.onderwerp is None:
        raise Http404
    terug = reverse("inkoop:bijlagen", args=[soort, bijlage.object_id])
    try:
        verwijderd = bijlagen_services.bijlage_verwijderen(bijlage=bijlage, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request,
            f"De bijlage {bijlage.naam} is verwijderd."
            if verwijderd
            else f"De bijlage {bijlage.naam} is uit het concept gehaald; de versies die haar "
            "al hebben, houden haar.",
        )
    return redirect(terug)


@login_required
@require_GET
def bijlage(request, pk):
    """One attachment, for whoever may read its subject."""
    try:
        gevonden = bijlagen_services.leesbare_bijlage(pk, request.user)
    except Bijlage.DoesNotExist as exc:
        raise Http404 from exc
    response = FileResponse(
        gevonden.bestand.open("rb"), as_attachment=True, filename=gevonden.naam,
        content_type=gevonden.mime,
    )  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    return response
