"""Rule for every form: submitting an edit form unchanged changes nothing.

Each edit form is fetched as a user's browser gets it, its fields are read from the HTML the
way a browser submits them (tests/formulier_html.py: a date input with a value that is not
yyyy-mm-dd is sent empty), posted back, and the edited row must be exactly what it was. The
regression it guards: the memo header rendered its date as "23-01-2020" into a date input, so
saving the header unchanged wiped the date.

A second check walks every page of the project: whatever a page renders into a date or time
input must be a value the browser accepts (the default date of the decision form was the same
fault).
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from inkoop.sessies.constants import ResultaatSoort
from inkoop.sessies.models import Actiepunt, Agendapunt
from regions.constants import Rol
from regions.models import Huisstijl
from tests.factories import (
    DocumentFactory,
    GremiumFactory,
    InbrengFactory,
    MijlpaalFactory,
    RoltoewijzingFactory,
    SectieFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
    UitgangspuntFactory,
    UserFactory,
)
from tests.factories.besluitvorming import BeslispuntFactory, VersieFactory, VoorstelFactory
from tests.factories.sessies import (
    ConclusieFactory,
    GastFactory,
    StellingFactory,
    TrajectSessieFactory,
)
from tests.formulier_html import GELDIG, browserwaarde, formulieren
from tests.test_autorisatie import URLS, VERWACHTINGEN, _url, wereld  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def gebruiker(regio):
    user = UserFactory(first_name="Alex", last_name="Adviseur")
    for rol in (Rol.BELEIDSADVISEUR, Rol.SECRETARIS, Rol.REGIOBEHEERDER):
        RoltoewijzingFactory(gebruiker=user, regio=regio, rol=rol)
    return user


@pytest.fixture
def objecten(regio, gebruiker):
    """One of every editable row, with every field filled in (dates and times too)."""
    traject = TrajectFactory(regio=regio)
    tv = TrajectVoorzieningFactory(traject=traject, ontwikkelingen="Meer vraag.\nMinder aanbod.")
    up = UitgangspuntFactory(traject=traject, uitleg="Regel een.\n\nRegel **twee**.")
    document = DocumentFactory(traject=traject, datum=dt.date(2020, 1, 23), zaaknummer="Z-1")
    sectie = SectieFactory(document=document, tekst="  Inspringen\n\n- een\n- twee\n")
    gremium = GremiumFactory(regio=regio)
    versie = VersieFactory(document=document, nummer=1)
    voorstel = VoorstelFactory(
        traject=traject, gremium=gremium, aanleiding="Omdat.", financien="Binnen budget."
    )
    voorstel.versies.add(versie)
    BeslispuntFactory(voorstel=voorstel, nummer=1, tekst="In te stemmen met de notitie.")
    sessie = TrajectSessieFactory(
        traject=traject, regio=regio, doel="Bespreken.", datum=dt.date(2026, 3, 9),
        verslag_inleiding="Welkom.",
    )  # fmt: skip
    sessie.deelnemers.add(gebruiker)
    inbreng = InbrengFactory(
        traject=traject, sessie=sessie, voorziening=tv.voorziening, antwoord="Ja.",
        verwerking="overgenomen", verwerking_toelichting="Past bij het doel.",
    )  # fmt: skip
    inbreng.uitgangspunten.add(up)
    onderdelen = {
        "gast": GastFactory(sessie=sessie),
        "conclusie": ConclusieFactory(sessie=sessie, voorziening=tv.voorziening),
        "stelling": StellingFactory(
            sessie=sessie,
            resultaat_soort=ResultaatSoort.SCHAAL,
            eens=None,
            oneens=None,
            schaal_gemiddelde=Decimal("3.80"),
            schaal_n=12,
            toelichting="Ruim eens.",
        ),  # fmt: skip
        "agendapunt": Agendapunt.objects.create(
            sessie=sessie, volgorde=1, titel="Notitie", document=document, versie=versie
        ),
        "inbreng": inbreng,
        "actiepunt": Actiepunt.objects.create(
            sessie=sessie,
            omschrijving="Nabellen",
            eigenaar_gebruiker=gebruiker,
            deadline=dt.date(2026, 4, 1),
        ),  # fmt: skip
    }
    mijlpaal = MijlpaalFactory(traject=traject, datum=dt.date(2027, 2, 1), periode="")
    huisstijl, _ = Huisstijl.objects.get_or_create(regio=regio, defaults={"naam": "Regio Noord"})
    return {
        "traject": traject, "tv": tv, "up": up, "document": document, "sectie": sectie,
        "voorstel": voorstel, "sessie": sessie, "onderdelen": onderdelen,
        "mijlpaal": mijlpaal, "huisstijl": huisstijl, "inbreng": inbreng,
    }  # fmt: skip


def _bewerkformulieren(o):
    """(name, URL, row, HTMX?) of every edit form in the app."""
    t = o["traject"]
    traject = {"regio": t.regio.slug, "slug": t.slug}
    doc = o["document"]
    rijen = [
        ("kop", reverse("uitgangspunten:kop_bewerken", args=[doc.pk]), doc, True),
        (
            "sectie",
            reverse("uitgangspunten:sectie_bewerken", args=[doc.pk, o["sectie"].pk]),
            o["sectie"],
            True,
        ),
        (
            "uitgangspunt",
            reverse("uitgangspunten:uitgangspunt_bewerken", args=[o["up"].uid]),
            o["up"],
            True,
        ),
        (
            "ontwikkelingen",
            reverse("uitgangspunten:ontwikkelingen", kwargs={**traject, "pk": o["tv"].pk}),
            o["tv"],
            True,
        ),
        (
            "voorstel",
            reverse("inkoop:voorstel_bewerken", args=[o["voorstel"].pk]),
            o["voorstel"],
            False,
        ),
        ("sessie", reverse("inkoop:sessie_bewerken", args=[o["sessie"].pk]), o["sessie"], False),
        (
            "verslaginleiding",
            reverse("inkoop:verslag_inleiding", args=[o["sessie"].pk]),
            o["sessie"],
            True,
        ),
        (
            "verwerking",
            reverse("inkoop:inbreng_verwerking", args=[o["inbreng"].pk]),
            o["inbreng"],
            False,
        ),
        (
            "mijlpaal",
            reverse("inkoop:mijlpaal_bewerken", kwargs={**traject, "pk": o["mijlpaal"].pk}),
            o["mijlpaal"],
            False,
        ),
        ("huisstijl", reverse("inkoop:huisstijl", args=[t.regio.slug]), o["huisstijl"], False),
        ("regio", reverse("inkoop:inrichten_regio", args=[t.regio.slug]), t.regio, False),
    ]
    for soort, rij in o["onderdelen"].items():
        url = reverse("inkoop:onderdeel_bewerken", args=[o["sessie"].pk, soort, rij.pk])
        rijen.append((f"onderdeel-{soort}", url, rij, True))
    return rijen


BEWERKFORMULIEREN = [
    "kop", "sectie", "uitgangspunt", "ontwikkelingen", "voorstel", "sessie", "verslaginleiding",
    "verwerking", "mijlpaal", "huisstijl", "regio", "onderdeel-gast", "onderdeel-conclusie",
    "onderdeel-stelling", "onderdeel-agendapunt", "onderdeel-inbreng", "onderdeel-actiepunt",
]  # fmt: skip


def _toestand(rij):
    vers = type(rij)._default_manager.get(pk=rij.pk)
    waarden = model_to_dict(vers)
    waarden.pop("revisie", None)
    if hasattr(vers, "beslispunten"):
        waarden["beslispunten"] = [b.tekst for b in vers.beslispunten.all()]
    return {k: (list(v) if isinstance(v, list | tuple) else v) for k, v in waarden.items()}


def test_lijst_bewerkformulieren_is_volledig(objecten):
    assert [r[0] for r in _bewerkformulieren(objecten)] == BEWERKFORMULIEREN


@pytest.mark.parametrize("naam", BEWERKFORMULIEREN)
def test_ongewijzigd_opslaan_verandert_niets(client, gebruiker, objecten, naam):
    _, url, rij, htmx = next(r for r in _bewerkformulieren(objecten) if r[0] == naam)
    client.force_login(gebruiker)
    kop = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    pagina = client.get(url, **kop)
    assert pagina.status_code == 200, pagina.status_code
    kandidaten = [
        f for f in formulieren(pagina.text) if f.methode == "post" and "revisie" in f.namen
    ]
    assert kandidaten, f"{naam}: geen bewerkformulier met revisie op {url}"
    formulier = kandidaten[0]
    voor = _toestand(rij)
    antwoord = client.post(formulier.actie or url, formulier.data(), **kop)
    assert antwoord.status_code in (200, 302), antwoord.status_code
    assert "errorlist" not in antwoord.text and "app-veld--fout" not in antwoord.text, (
        f"{naam}: ongewijzigd versturen gaf een foutmelding"
    )
    assert _toestand(rij) == voor


def test_browserwaarde_leegt_een_datum_die_geen_iso_is():
    """The parser does what the browser did to the memo header."""
    assert browserwaarde("date", "23-01-2020") == ""
    assert browserwaarde("date", "2020-01-23") == "2020-01-23"
    assert browserwaarde("time", "14:00") == "14:00"
    assert browserwaarde("time", "14.00") == ""


PAGINAS = [u for u in URLS if VERWACHTINGEN[u[0]].methode == "GET"]


@pytest.mark.parametrize(("naam", "route", "kwarg_namen"), PAGINAS, ids=[u[0] for u in PAGINAS])
def test_elke_pagina_geeft_datums_in_browservorm(client, wereld, naam, route, kwarg_namen):  # noqa: F811
    """Every date and time input on every page carries a value the browser accepts."""
    regel = VERWACHTINGEN[naam]
    user = UserFactory()
    for rol in (Rol.BELEIDSADVISEUR, Rol.SECRETARIS, Rol.REGIOBEHEERDER):
        RoltoewijzingFactory(gebruiker=user, regio=wereld.regio, rol=rol)
    client.force_login(user)
    antwoord = client.get(_url(naam, kwarg_namen, regel, wereld))
    if antwoord.get("Content-Type", "").startswith("text/html"):
        for formulier in formulieren(antwoord.text):
            for veld, soort, waarde in formulier.invoer:
                if soort in GELDIG and soort != "number" and waarde:
                    assert GELDIG[soort].fullmatch(waarde), f"{naam}: {veld}={waarde!r} ({soort})"
