"""The house style of a region, set by its administrator."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect

from inkoop.core.fouten import DomeinFout, naar_formulier
from inkoop.core.htmx import pagina
from inkoop.core.revisie import Conflict, conflict_tonen
from regions import permissions, services
from regions.forms import HuisstijlForm
from regions.models import Huisstijl, Regio


@login_required
def huisstijl(request, slug):
    regio = get_object_or_404(Regio, slug=slug)
    permissions.vereis(request.user, "inrichten", regio)
    huidig = Huisstijl.objects.filter(regio=regio).first() or Huisstijl(
        regio=regio, naam=regio.naam
    )
    form = HuisstijlForm(request.POST or None, request.FILES or None, instance=huidig)
    if request.method == "POST" and form.is_valid():
        try:
            services.huisstijl_opslaan(
                huisstijl=form.save(commit=False),
                door=request.user,
                revisie=form.cleaned_data.get("revisie"),
                logo=form.cleaned_data["logo_bestand"],
                logo_weg=form.cleaned_data["logo_weg"],
            )
        except Conflict as conflict:
            conflict_tonen(form, conflict)
        except DomeinFout as fout:
            naar_formulier(form, fout)
        else:
            messages.success(request, "De huisstijl is opgeslagen; nieuwe PDF's gebruiken hem.")
            return redirect("inkoop:huisstijl", slug=regio.slug)
    huidig = Huisstijl.objects.filter(regio=regio).first()
    return pagina(
        request,
        "inrichting/huisstijl.html",
        {"regio": regio, "form": form, "huisstijl": huidig},
    )
