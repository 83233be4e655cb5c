"""Public pages (no login) under /openbaar/, the sitemap for the Woo-index, robots.txt, the
search pages, and the publish/withdraw actions of advisors and secretaries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from inkoop.core.fouten import DomeinFout
from inkoop.core.paginacache import gecachet
from inkoop.pdf import services as pdf_services
from inkoop.pdf.constants import ExportSoort
from inkoop.pdf.views import bestand_antwoord
from inkoop.sessies.models import Sessie
from inkoop.trajecten.models import Traject
from regions import permissions
from regions.models import Regio
from uitgangspunten.models import Versie

from . import selectors, services, sitemap, zoeken
from .constants import PublicatieSoort
from .forms import IntrekkenForm


def _regio(slug):
    return get_object_or_404(Regio, slug=slug)


def _basis(regio=None):
    return {"regio": regio, "huisstijl": selectors.huisstijl_van(regio) if regio else None}


@require_GET
@gecachet
def index(request):
    return render(request, "openbaar/index.html", {"regios": selectors.regios_met_publicaties()})


@require_GET
@gecachet
def regio(request, regio):
    regio = _regio(regio)
    pubs = list(selectors.publicaties().filter(regio=regio))
    if not pubs:
        raise Http404
    trajecten = {}
    for p in pubs:
        trajecten.setdefault(p.traject, []).append(p)
    return render(request, "openbaar/regio.html", _basis(regio) | {"trajecten": trajecten})


@require_GET
@gecachet
def traject(request, regio, slug):
    regio = _regio(regio)
    traject = get_object_or_404(Traject, regio=regio, slug=slug)
    pubs = list(selectors.publicaties().filter(traject=traject))
    if not pubs:
        raise Http404
    return render(
        request, "openbaar/traject.html", _basis(regio) | {"traject": traject, "publicaties": pubs}
    )


def _publicatie(regio, pk):
    return get_object_or_404(selectors.publicaties(), regio__slug=regio, pk=pk)


@require_GET
@gecachet
def publicatie(request, regio, pk):
    pub = _publicatie(regio, pk)
    context = _basis(pub.regio) | {"publicatie": pub, "traject": pub.traject}
    if not pub.is_ingetrokken and pub.soort == PublicatieSoort.BESLUITENLIJST:
        gepubliceerd = selectors.gepubliceerde_versie_ids(pub.traject)
        besluiten = list(selectors.openbare_besluiten(pub))
        for besluit in besluiten:
            besluit.publicatie = gepubliceerd.get(besluit.versie_id)
        context["besluiten"] = besluiten
    return render(request, "openbaar/publicatie.html", context)


@require_GET
def publicatie_pdf(request, regio, pk):
    pub = _publicatie(regio, pk)
    if pub.is_ingetrokken:
        return render(request, "openbaar/ingetrokken.html",
                      _basis(pub.regio) | {"publicatie": pub}, status=410)  # fmt: skip
    if pub.soort == PublicatieSoort.VERSIE:
        export = pdf_services.pdf_klaar(onderwerp=pub.versie, soort=ExportSoort.VERSIE)
    elif pub.soort == PublicatieSoort.VERSLAG:
        export = pdf_services.pdf_klaar(onderwerp=pub.sessie, soort=ExportSoort.VERSLAG)
    else:
        export = pdf_services.pdf_klaar(onderwerp=pub, soort=ExportSoort.OPENBARE_BESLUITENLIJST)
    return bestand_antwoord(request, export)


@require_GET
@gecachet
def sitemap_xml(request):
    xml = sitemap.sitemap(selectors.actuele_publicaties(), request.build_absolute_uri("/"))
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")


@require_GET
def robots_txt(request):
    regels = [
        "User-agent: *",
        "Allow: /openbaar/",
        "Disallow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('openbaar:sitemap'))}",
    ]
    return HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@gecachet
def openbaar_zoeken(request):
    term = request.GET.get("q", "")[:200]
    return render(request, "openbaar/zoeken.html",
                  {"zoekterm": term, "treffers": zoeken.openbaar_zoeken(term)})  # fmt: skip


@login_required
@require_GET
@gecachet
def zoekpagina(request):
    term = request.GET.get("q", "")[:200]
    soorten = [s for s in zoeken.zoeken(request.user, term) if s.treffers]
    return render(request, "openbaar/zoeken_intern.html", {"zoekterm": term, "soorten": soorten})


# Publishing (logged in: advisor or secretary of the region)


@login_required
@require_GET
def beheer(request, regio, slug):
    traject = get_object_or_404(Traject.objects.select_related("regio"), regio__slug=regio,
                                slug=slug)  # fmt: skip
    permissions.vereis(request.user, "publiceren", traject)
    return render(request, "openbaar/beheer.html",
                  {"traject": traject, "regio": traject.regio,
                   **selectors.te_publiceren(traject)})  # fmt: skip


def _terug(traject):
    return redirect("openbaar:beheer", regio=traject.regio.slug, slug=traject.slug)


@login_required
@require_POST
def publiceren(request, soort, pk):
    traject = None
    try:
        if soort == PublicatieSoort.VERSIE:
            onderwerp = get_object_or_404(
                Versie.objects.select_related("document__traject__regio"), pk=pk
            )
            traject = onderwerp.document.traject
            pub = services.versie_publiceren(versie=onderwerp, door=request.user)
        elif soort == PublicatieSoort.VERSLAG:
            onderwerp = get_object_or_404(Sessie.objects.select_related("traject__regio"), pk=pk)
            traject = onderwerp.traject
            pub = services.verslag_publiceren(sessie=onderwerp, door=request.user)
        elif soort == PublicatieSoort.BESLUITENLIJST:
            traject = get_object_or_404(Traject.objects.select_related("regio"), pk=pk)
            pub = services.besluitenlijst_publiceren(traject=traject, door=request.user)
        else:
            raise Http404
    except DomeinFout as fout:
        messages.error(request, str(fout))
        if traject is None:
            raise PermissionDenied from fout
        return _terug(traject)
    messages.success(request, f"“{pub.titel}” staat nu op de openbare pagina's.")
    return _terug(pub.traject)


@login_required
def intrekken(request, pk):
    pub = get_object_or_404(selectors.publicaties(), pk=pk)
    permissions.vereis(request.user, "publiceren", pub)
    form = IntrekkenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.intrekken(publicatie=pub, door=request.user, reden=form.cleaned_data["reden"])
        except DomeinFout as fout:
            form.add_error(None, fout.messages)
        else:
            messages.success(request, f"“{pub.titel}” is ingetrokken.")
            return _terug(pub.traject)
    return render(request, "openbaar/intrekken.html",
                  {"publicatie": pub, "form": form, "traject": pub.traject,
                   "regio": pub.regio})  # fmt: skip
