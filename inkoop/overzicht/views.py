from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from inkoop.besluitvorming import selectors as besluit_selectors
from inkoop.core.paginacache import gecachet
from inkoop.sessies import selectors as sessie_selectors
from inkoop.trajecten.constants import MijlpaalStatus
from inkoop.trajecten.models import Traject
from regions import permissions
from regions.models import Regio
from voorzieningen import charts
from voorzieningen import selectors as voorziening_selectors
from voorzieningen.constants import KengetalSoort
from voorzieningen.models import Voorziening

from . import historie as historie_module
from . import selectors, services
from .models import Statuscontrole


@login_required
@gecachet
def traject(request, regio, slug):
    try:
        traject = selectors.traject_detail(regio, slug)
    except Traject.DoesNotExist as exc:
        raise Http404 from exc
    permissions.vereis(request.user, "bekijken", traject)
    vastgesteld = list(besluit_selectors.vastgestelde_versies(traject))
    return render(
        request,
        "inkoop/traject.html",
        {
            "traject": traject,
            "regio": traject.regio,
            "scope": traject.scope.all(),
            "mijlpalen": traject.mijlpalen.all(),
            "documenten": traject.documenten.all(),
            "sessies": traject.sessies.all(),
            "vastgestelde_versies": vastgesteld,
            "vastgestelde_verslagen": sessie_selectors.vastgestelde_verslagen(traject),
            "ronde_gesloten": bool(vastgesteld),
            "concepten_zichtbaar": permissions.mag(request.user, "concepten_bekijken", traject),
            "mag_bewerken": permissions.mag(request.user, "bewerken", traject),
            "mag_publiceren": permissions.mag(request.user, "publiceren", traject),
            "MijlpaalStatus": MijlpaalStatus,
        },
    )


@login_required
@gecachet
def mijn_werk(request):
    return render(request, "inkoop/mijn_werk.html", selectors.mijn_werk(request.user))


@login_required
def mijn_werk_lijst(request, lijst):
    """One list of "mijn werk" in full, in pages."""
    if lijst not in selectors.LIJSTEN:
        raise Http404
    pagina = Paginator(selectors.werklijst(request.user, lijst), selectors.PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "inkoop/mijn_werk_lijst.html",
        {"lijst": lijst, "label": selectors.LIJSTEN[lijst], "pagina": pagina},
    )


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


@login_required
def status(request: HttpRequest):
    from django.conf import settings

    return render(
        request,
        "inkoop/status.html",
        {
            "database_ok": _database_ok(),
            "database_soort": connection.vendor,
            "wachtrij_extern": not settings.CELERY_TASK_ALWAYS_EAGER,
            "laatste": Statuscontrole.objects.first(),
        },
    )


@login_required
@require_POST
def statuscontrole_starten(request):
    controle = services.statuscontrole_starten()
    if request.htmx:
        return render(request, "inkoop/status.html#statuscontrole", {"laatste": controle})
    return redirect("inkoop:status")


@login_required
def statuscontrole(request, pk):
    controle = get_object_or_404(Statuscontrole, pk=pk)
    if request.htmx:
        return render(request, "inkoop/status.html#statuscontrole", {"laatste": controle})
    return redirect("inkoop:status")


@login_required
@gecachet
def regios(request):
    regios = selectors.regios_voor(request.user)
    return render(
        request,
        "regions/overzicht.html",
        {"regios": regios, "mag_regio_aanmaken": permissions.mag_regio_aanmaken(request.user)},
    )


@login_required
@gecachet
def regio(request, slug):
    try:
        regio = selectors.regio_detail(slug)
    except Regio.DoesNotExist as exc:
        raise Http404 from exc
    permissions.vereis(request.user, "bekijken", regio)
    lidmaatschappen = list(regio.lidmaatschappen.all())
    return render(
        request,
        "regions/regio.html",
        {
            "regio": regio,
            "actuele_leden": [lid for lid in lidmaatschappen if lid.is_actueel],
            "lidmaatschappen": lidmaatschappen,
            "voorzieningen": regio.voorzieningen.all(),
            "trajecten": regio.trajecten.all(),
            "percelen": regio.percelen.all(),
            "gremia": regio.gremia.all(),
            "mag_inrichten": permissions.mag(request.user, "inrichten", regio),
            "sessies_zichtbaar": permissions.mag(request.user, "concepten_bekijken", regio),
        },
    )


@login_required
@gecachet
def voorziening(request, regio, slug):
    try:
        voorziening = voorziening_selectors.voorziening_detail(regio, slug)
    except Voorziening.DoesNotExist as exc:
        raise Http404 from exc
    permissions.vereis(request.user, "bekijken", voorziening)
    grafieken = [
        {
            "soort": soort,
            "label": str(KengetalSoort(soort).label),
            "is_bedrag": KengetalSoort.is_bedrag(soort),
            "punten": punten,
        }
        for soort, punten in charts.reeksen(voorziening.kengetallen.all()).items()
    ]
    bronnen = sorted({k.bron for k in voorziening.kengetallen.all() if k.bron})
    return render(
        request,
        "voorzieningen/detail.html",
        {
            "voorziening": voorziening,
            "regio": voorziening.regio,
            "deelname": voorziening_selectors.deelname_per_gemeente(voorziening),
            "grafieken": grafieken,
            "bronnen": bronnen,
            # Unanswered input is draft work: not for readers.
            "open_inbreng": sessie_selectors.open_inbreng_bij_voorziening(voorziening)
            if permissions.mag(request.user, "concepten_bekijken", voorziening)
            else [],
        },
    )


@login_required
def historie(request, soort, pk):
    """Who changed what when, for one object of any kind in `historie.SOORTEN`."""
    gegevens = historie_module.SOORTEN.get(soort)
    if gegevens is None:
        raise Http404
    obj = get_object_or_404(gegevens.model, pk=pk)
    permissions.vereis(request.user, gegevens.actie, obj)
    return render(
        request,
        "inkoop/historie.html",
        {
            "soort": gegevens,
            "obj": obj,
            "terug": gegevens.terug(obj) if gegevens.terug else None,
            "regels": historie_module.historie(gegevens, obj),
        },
    )
