"""The college decisions of all participating municipalities on one version, in one table."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils import timezone

from inkoop.besluitvorming import selectors
from inkoop.besluitvorming.collegebesluiten import CollegeBesluit, collegebesluiten_vastleggen
from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.forms import CollegeBesluitenFormSet
from inkoop.core.htmx import pagina
from inkoop.trajecten.constants import GremiumSoort
from inkoop.trajecten.views import traject_of_404
from regions import permissions

GEWIJZIGD = "De tabel is veranderd sinds u haar opende. Laad de pagina opnieuw."


def _beoogd(traject) -> str:
    stap = next(
        (s for s in selectors.route(traject) if s.gremium_soort == GremiumSoort.COLLEGE), None
    )
    return stap.beoogde_uitkomst if stap else Uitkomst.VASTGESTELD


@login_required
def collegebesluiten(request, regio, slug):
    traject = traject_of_404(regio, slug)
    permissions.vereis(request.user, "besluiten_vastleggen", traject)
    versies = list(selectors.goedgekeurde_versies(traject))
    gevraagd = request.POST.get("versie") or request.GET.get("versie", "")
    versie = next((v for v in versies if str(v.pk) == gevraagd), None)
    if versie is None and len(versies) == 1:
        versie = versies[0]
    context = {"traject": traject, "regio": traject.regio, "versies": versies, "versie": versie}
    if versie is None:
        return pagina(request, "inkoop/besluitvorming/collegebesluiten.html", context)
    rijen = selectors.collegerijen(traject, versie)
    open_rijen = [r for r in rijen if r.gremium is not None and r.besluit is None]
    initial = [
        {
            "gremium": r.gremium.pk,
            "vastleggen": True,
            "datum": timezone.localdate(),
            "uitkomst": _beoogd(traject),
        }
        for r in open_rijen
    ]
    formset = CollegeBesluitenFormSet(request.POST or None, initial=initial, prefix="college")
    if request.method == "POST" and formset.is_valid():
        if len(formset.forms) != len(open_rijen) or any(
            f.cleaned_data.get("gremium") != r.gremium.pk
            for f, r in zip(formset.forms, open_rijen, strict=True)
        ):
            messages.error(request, GEWIJZIGD)
            return redirect(request.get_full_path())
        gekozen = [
            (f, r)
            for f, r in zip(formset.forms, open_rijen, strict=True)
            if f.cleaned_data["vastleggen"]
        ]
        if not gekozen:
            formset._non_form_errors = formset.error_class(["Vink minstens één college aan."])
        else:
            besluiten, fouten = collegebesluiten_vastleggen(
                versie=versie,
                door=request.user,
                rijen=[
                    CollegeBesluit(
                        r.gremium,
                        f.cleaned_data["datum"],
                        f.cleaned_data["uitkomst"],
                        f.cleaned_data["toelichting"],
                    )
                    for f, r in gekozen
                ],
            )
            for i, fout in fouten.items():
                gekozen[i][0].add_error(None, fout.messages)
            if not fouten:
                messages.success(
                    request,
                    f"{len(besluiten)} collegebesluiten over {versie.document.titel}, "
                    f"versie {versie.nummer}, zijn vastgelegd.",
                )
                return redirect("inkoop:document_besluitvorming", pk=versie.document_id)
    context.update(
        rijen=rijen,
        formset=formset,
        regels=list(zip(formset.forms, open_rijen, strict=False)),
        zonder_college=[r.gemeente for r in rijen if r.gremium is None],
        besloten=[r for r in rijen if r.besluit is not None],
    )
    return pagina(request, "inkoop/besluitvorming/collegebesluiten.html", context)
