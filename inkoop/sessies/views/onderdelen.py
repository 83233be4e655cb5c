"""The sections of the session page: the kinds of items, their forms, and the minutes per
agenda item (`verslag_groepen`). Each kind has a section (partial "sectie" of
inkoop/sessies/sessie.html); under an agenda item its id is `sectie-<kind>-<agenda item>`, under
none `sectie-<kind>`."""

from dataclasses import dataclass

from django.forms import ModelChoiceField

from inkoop.sessies import charts, forms, selectors
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Gast, Inbreng, Stelling


@dataclass(frozen=True)
class Soort:
    model: type
    form: type
    relatie: str
    titel: str
    enkelvoud: str
    leeg: str
    kop: int = 3


SOORTEN = {
    "gast": Soort(Gast, forms.GastForm, "gasten", "Gasten", "gast",
                  "Er zijn geen gasten vastgelegd."),
    "agendapunt": Soort(Agendapunt, forms.AgendapuntForm, "agendapunten", "Agenda", "agendapunt",
                        "Er zijn nog geen agendapunten.", kop=2),
    "conclusie": Soort(Conclusie, forms.ConclusieForm, "conclusies", "Conclusies", "conclusie",
                       "Er zijn nog geen conclusies."),
    "inbreng": Soort(Inbreng, forms.InbrengForm, "inbreng", "Vragen, opmerkingen en adviezen",
                     "inbreng", "Er is nog geen inbreng vastgelegd."),
    "stelling": Soort(Stelling, forms.StellingForm, "stellingen", "Stellingen", "stelling",
                      "Er zijn nog geen stellingen."),
    "actiepunt": Soort(Actiepunt, forms.ActiepuntForm, "actiepunten", "Actiepunten",
                       "actiepunt", "Er zijn geen actiepunten."),
}  # fmt: skip
# Within an agenda item, in the order of the meeting (and of the PDF).
VERSLAG_SOORTEN = ("inbreng", "stelling", "conclusie", "actiepunt")


def nieuw_form(sessie, soort, data=None, agendapunt_id=None):
    """The add form of a kind; under an agenda item it starts with that agenda item."""
    if agendapunt_id is None:
        return SOORTEN[soort].form(data, sessie=sessie, auto_id=f"id_nieuw_{soort}_%s")
    return SOORTEN[soort].form(
        data, sessie=sessie, auto_id=f"id_nieuw_{soort}_{agendapunt_id}_%s",
        initial={"agendapunt": agendapunt_id},
    )  # fmt: skip


def keuzes_delen(formulieren) -> None:
    """The add forms of one kind under every agenda item offer the same choices: read them once
    (a constant number of queries however many agenda items there are)."""
    eerste, *rest = formulieren
    for naam, veld in eerste.fields.items():
        if isinstance(veld, ModelChoiceField):
            keuzes = list(veld.choices)
            for form in (eerste, *rest):
                form.fields[naam].choices = keuzes


def bewerk_form(sessie, soort, item, data=None):
    return SOORTEN[soort].form(
        data, instance=item, sessie=sessie, auto_id=f"id_{soort}_{item.pk}_%s"
    )


def items(sessie, soort, items=None):
    items = list(getattr(sessie, SOORTEN[soort].relatie).all() if items is None else items)
    if soort == "stelling":
        for s in items:
            s.resultaat_tekst = charts.stelling_tekst(s)
            s.resultaat_svg = charts.stelling_grafiek(s)
    return items


def sectie(sessie, soort, mag_bewerken, form=None, groep=None):
    """One section of a kind: of the whole session, or (`groep`, from
    selectors.onderdelen_per_agendapunt) of one agenda item of the minutes."""
    punt = groep["agendapunt"] if groep else None
    return {
        "soort": soort,
        # Under no agenda item the section keeps the plain id (links and anchors stay valid).
        "id": f"{soort}-{punt.pk}" if punt else soort,
        "agendapunt": punt,
        "info": SOORTEN[soort],
        "items": items(sessie, soort, groep[soort] if groep else None),
        "form": (form or nieuw_form(sessie, soort, agendapunt_id=punt and punt.pk))
        if mag_bewerken
        else None,
        "kan_toevoegen": soort != "inbreng" or bool(sessie.traject_id),
        "kop": 4 if groep else SOORTEN[soort].kop,
        "gegroepeerd": groep is not None,
    }


def verslag_groepen(sessie, mag_bewerken):
    """The minutes per agenda item, each with a section per kind; the add forms share choices."""
    groepen = []
    for groep in selectors.onderdelen_per_agendapunt(sessie):
        secties = [sectie(sessie, s, mag_bewerken, groep=groep) for s in VERSLAG_SOORTEN]
        groepen.append({"agendapunt": groep["agendapunt"], "secties": secties})
    if mag_bewerken:
        for i in range(len(VERSLAG_SOORTEN)):
            keuzes_delen([g["secties"][i]["form"] for g in groepen])
    return groepen


def groep_uit(request, sessie):
    """The agenda item an add form was sent from (`?agendapunt=`), if it is one of the session."""
    try:
        punt = int(request.GET.get("agendapunt", ""))
    except ValueError:
        return None
    return punt if any(p.pk == punt for p in sessie.agendapunten.all()) else None


def groep_van(sessie, item):
    return selectors.agendapunt_van(item, {st.pk: st for st in sessie.stellingen.all()})


def elders(soort, anker, herkomst) -> bool:
    """Whether a saved item belongs somewhere else on the page than the section it was edited
    in: then the whole page comes back (an HX redirect), with the item in its place. An agenda
    item always: the minutes are grouped by it."""
    return soort == "agendapunt" or anker != herkomst


def sectie_anker(sessie, soort, item) -> str:
    """The id of the section where `item` stands on the session page."""
    punt = groep_van(sessie, item) if soort in VERSLAG_SOORTEN else None
    return f"sectie-{soort}-{punt}" if punt else f"sectie-{soort}"


def verse_item(sessie, soort, item_pk):
    """The item re-read with what its display needs (one or two queries)."""
    qs = SOORTEN[soort].model.objects.filter(sessie=sessie)
    if soort == "inbreng":
        qs = selectors.inbreng_queryset().filter(sessie=sessie)
    elif soort == "actiepunt":
        qs = qs.select_related("eigenaar_gebruiker")
    elif soort == "agendapunt":
        qs = qs.select_related("document", "versie", "voorziening", "voorstel")
    elif soort in ("conclusie", "stelling"):
        qs = qs.select_related("voorziening")
    return qs.get(pk=item_pk)
