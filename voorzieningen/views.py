from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from inkoop.selectors import sessies as sessie_selectors
from regions import permissions

from . import charts, selectors
from .constants import KengetalSoort
from .models import Voorziening


@login_required
def detail(request, regio, slug):
    try:
        voorziening = selectors.voorziening_detail(regio, slug)
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
            "deelname": selectors.deelname_per_gemeente(voorziening),
            "grafieken": grafieken,
            "bronnen": bronnen,
            # Unanswered input is draft work: not for readers.
            "open_inbreng": sessie_selectors.open_inbreng_bij_voorziening(voorziening)
            if permissions.mag(request.user, "concepten_bekijken", voorziening)
            else [],
        },
    )
