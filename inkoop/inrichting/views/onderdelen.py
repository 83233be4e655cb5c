"""Setup steps after the members and bodies: services, a round, people, a first document."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from inkoop.core.fouten import DomeinFout, naar_formulier
from inkoop.core.htmx import pagina
from inkoop.inrichting import stappen
from inkoop.inrichting.forms import DocumentForm, TrajectForm, UitnodigingForm, VoorzieningenForm
from inkoop.inrichting.views.regio import regio_voor_inrichten
from inkoop.trajecten import services as traject_services
from regions import permissions
from regions import services as regio_services
from uitgangspunten import services as document_services
from voorzieningen import services as voorziening_services


@login_required
def voorzieningen(request, slug):
    regio = regio_voor_inrichten(request, slug)
    form = VoorzieningenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = voorziening_services.voorzieningen_aanmaken(
                regio=regio, door=request.user, voorzieningen=form.voorzieningen()
            )
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, f"{len(nieuw)} voorzieningen zijn aangemaakt.")
            return redirect("inkoop:inrichten_voorzieningen", slug=regio.slug)
    return pagina(
        request,
        "inrichting/voorzieningen.html",
        {
            "regio": regio,
            "paginatitel": "Voorzieningen",
            "form": form,
            "voorzieningen": regio.voorzieningen.all(),
            "volgende": stappen.volgende(regio, na="Voorzieningen"),
        },
    )


@login_required
def traject(request, slug):
    regio = regio_voor_inrichten(request, slug)
    form = TrajectForm(request.POST or None, regio=regio)
    if request.method == "POST" and form.is_valid():
        try:
            traject = traject_services.traject_aanmaken(
                regio=regio, door=request.user, **form.cleaned_data
            )
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, f"Het traject {traject.naam} is aangemaakt.")
            return redirect("inkoop:inrichten_traject", slug=regio.slug)
    return pagina(
        request,
        "inrichting/traject.html",
        {
            "regio": regio,
            "paginatitel": "Inkooptraject",
            "form": form,
            "trajecten": regio.trajecten.all(),
            "heeft_voorzieningen": regio.voorzieningen.exists(),
            "volgende": stappen.volgende(regio, na="Inkooptraject"),
        },
    )


@login_required
def gebruikers(request, slug):
    regio = regio_voor_inrichten(request, slug)
    form = UitnodigingForm(request.POST or None, regio=regio)
    if request.method == "POST" and form.is_valid():
        try:
            toewijzing = regio_services.gebruiker_uitnodigen(
                regio=regio, door=request.user, **form.cleaned_data
            )
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            messages.success(
                request,
                f"{toewijzing.gebruiker.email} is {toewijzing.get_rol_display().lower()} "
                "en krijgt een uitnodiging per e-mail.",
            )
            return redirect("inkoop:inrichten_gebruikers", slug=regio.slug)
    return pagina(
        request,
        "inrichting/gebruikers.html",
        {
            "regio": regio,
            "paginatitel": "Gebruikers en rollen",
            "form": form,
            "rollen": regio.rollen.select_related("gebruiker", "gemeente").order_by(
                "gebruiker__email", "rol"
            ),
            "volgende": stappen.volgende(regio, na="Gebruikers en rollen"),
        },
    )


@login_required
def document(request, slug):
    regio = regio_voor_inrichten(request, slug)
    form = DocumentForm(request.POST or None, regio=regio)
    if request.method == "POST" and form.is_valid():
        try:
            document = document_services.document_aanmaken(auteur=request.user, **form.cleaned_data)
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, f"Het document {document.titel} is aangemaakt.")
            if permissions.mag(request.user, "bewerken", document):
                return redirect(document.get_absolute_url())
            return redirect("inkoop:inrichten_document", slug=regio.slug)
    documenten = [
        d for t in regio.trajecten.prefetch_related("documenten") for d in t.documenten.all()
    ]
    return pagina(
        request,
        "inrichting/document.html",
        {
            "regio": regio,
            "paginatitel": "Eerste document",
            "form": form,
            "documenten": documenten,
            "heeft_traject": regio.trajecten.exists(),
        },
    )
