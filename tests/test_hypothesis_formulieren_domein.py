"""Property: the domain forms (principles and documents, sessions, decision route) take random
and hostile input without a server error, with Dutch messages and nothing saved half; the HTMX
edit endpoints answer hostile text without a 500 and without an unsanitised <script>."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inkoop.besluitvorming import forms as bv_forms
from inkoop.sessies import forms as sessie_forms
from inkoop.sessies import services as sessie_services
from inkoop.sessies.models import Actiepunt, Agendapunt, Sessie
from inkoop.trajecten import forms as planning_forms
from regions.constants import Rol
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
)
from tests.factories.besluitvorming import BeslispuntFactory, VersieFactory, VoorstelFactory
from tests.factories.sessies import (
    ConclusieFactory,
    GastFactory,
    StellingFactory,
    TrajectSessieFactory,
)
from tests.hypothesis_helpers import assert_form_robust, hostile_text
from uitgangspunten import forms as up_forms
from uitgangspunten.models import Sectie, Uitgangspunt
from voorzieningen.models import Voorziening

pytestmark = pytest.mark.django_db

VOORBEELDEN = 25


@pytest.fixture
def traject(regio):
    traject = TrajectFactory(regio=regio)
    TrajectVoorzieningFactory(traject=traject)
    UitgangspuntFactory(traject=traject)
    return traject


@pytest.fixture
def sessie(traject, adviseur):
    sessie = TrajectSessieFactory(traject=traject)
    sessie.deelnemers.add(adviseur)
    return sessie


# ---------- uitgangspunten/forms.py ----------


@pytest.mark.parametrize(
    "form_class",
    [
        up_forms.SectieForm,
        up_forms.NieuweSectieForm,
        up_forms.KopForm,
        up_forms.UitgangspuntForm,
        up_forms.OvernemenForm,
        up_forms.OntwikkelingenForm,
        up_forms.VersieForm,
    ],
    ids=lambda f: f.__name__,
)
def test_opstelformulieren_robuust(form_class):
    assert_form_robust(form_class, max_examples=VOORBEELDEN)


@pytest.mark.parametrize(
    "form_class", [up_forms.NieuwUitgangspuntForm, up_forms.FilterForm], ids=lambda f: f.__name__
)
def test_formulieren_met_voorzieningen_robuust(form_class, traject):
    voorzieningen = Voorziening.objects.filter(in_trajecten__traject=traject)
    gezien = assert_form_robust(
        form_class, form_kwargs={"voorzieningen": voorzieningen}, max_examples=VOORBEELDEN
    )
    assert sum(gezien.values()) > 0


def test_opmerkingformulier_robuust(traject):
    up = traject.uitgangspunten.first()
    uitgangspunten = [{"id": up.pk, "nummer": 1, "titel": up.titel}]
    gezien = assert_form_robust(
        up_forms.OpmerkingForm,
        form_kwargs={"uitgangspunten": uitgangspunten},
        max_examples=VOORBEELDEN,
    )
    assert gezien["ongeldig"] > 0


# ---------- inkoop/sessies/forms.py ----------


def test_sessieformulier_robuust(sessie):
    gezien = assert_form_robust(
        sessie_forms.SessieForm,
        lambda: sessie,
        form_kwargs={"regio": sessie.regio},
        max_examples=VOORBEELDEN,
    )
    assert gezien["ongeldig"] > 0


def test_verslaginleiding_robuust(sessie):
    assert_form_robust(sessie_forms.VerslagInleidingForm, lambda: sessie, max_examples=VOORBEELDEN)


@pytest.mark.parametrize(
    ("form_class", "maak"),
    [
        (sessie_forms.GastForm, lambda s: GastFactory(sessie=s)),
        (sessie_forms.ConclusieForm, lambda s: ConclusieFactory(sessie=s)),
        (sessie_forms.StellingForm, lambda s: StellingFactory(sessie=s)),
        (sessie_forms.AgendapuntForm, lambda s: Agendapunt.objects.create(sessie=s, titel="Punt")),
        (sessie_forms.InbrengForm, lambda s: InbrengFactory(sessie=s, traject=s.traject)),
        (
            sessie_forms.ActiepuntForm,
            lambda s: Actiepunt.objects.create(sessie=s, omschrijving="Actie", eigenaar="Team"),
        ),
    ],
    ids=["gast", "conclusie", "stelling", "agendapunt", "inbreng", "actiepunt"],
)
def test_sessie_onderdelen_robuust(form_class, maak, sessie):
    """Items of a session, edited: random input never breaks them, a valid one saves."""
    gezien = assert_form_robust(
        form_class, lambda: maak(sessie), form_kwargs={"sessie": sessie}, max_examples=VOORBEELDEN
    )
    assert gezien["ongeldig"] > 0


def test_verslag_vaststellen_robuust(sessie):
    keuzes = Sessie.objects.filter(regio=sessie.regio)
    gezien = assert_form_robust(
        sessie_forms.VerslagVaststellenForm,
        form_kwargs={"keuzes": keuzes},
        max_examples=VOORBEELDEN,
    )
    assert gezien["ongeldig"] > 0


def test_verwerkingformulier_robuust(traject, sessie):
    inbreng = InbrengFactory(traject=traject, sessie=sessie)
    gezien = assert_form_robust(
        sessie_forms.VerwerkingForm, lambda: inbreng, max_examples=VOORBEELDEN
    )
    assert sum(gezien.values()) > 0


def test_mijlpaalformulier_robuust(traject):
    gezien = assert_form_robust(
        planning_forms.MijlpaalForm, lambda: MijlpaalFactory(traject=traject),
        max_examples=VOORBEELDEN,
    )  # fmt: skip
    assert gezien["ongeldig"] > 0


# ---------- inkoop/besluitvorming/forms.py ----------


@pytest.mark.parametrize(
    "form_class", [bv_forms.OvergangForm, bv_forms.TerugsturenForm], ids=lambda f: f.__name__
)
def test_beoordelingsformulieren_robuust(form_class):
    assert_form_robust(form_class, max_examples=VOORBEELDEN)


def test_routestapformulier_robuust(regio):
    GremiumFactory(regio=regio)
    gezien = assert_form_robust(
        bv_forms.RouteStapForm, form_kwargs={"regio": regio}, max_examples=VOORBEELDEN
    )
    assert gezien["ongeldig"] > 0


def test_voorstelformulier_robuust(traject):
    GremiumFactory(regio=traject.regio)
    VersieFactory(document=DocumentFactory(traject=traject))
    voorstel = VoorstelFactory(traject=traject)
    gezien = assert_form_robust(
        bv_forms.VoorstelForm,
        lambda: voorstel,
        form_kwargs={"traject": traject},
        max_examples=VOORBEELDEN,
    )
    assert gezien["ongeldig"] > 0


@pytest.mark.parametrize("met_voorstel", [False, True], ids=["los", "op-voorstel"])
def test_besluitformulier_robuust(traject, met_voorstel):
    GremiumFactory(regio=traject.regio)
    VersieFactory(document=DocumentFactory(traject=traject), beoordeling="goedgekeurd")
    kwargs = {"traject": traject}
    if met_voorstel:
        voorstel = VoorstelFactory(traject=traject)
        BeslispuntFactory(voorstel=voorstel, nummer=1)
        BeslispuntFactory(voorstel=voorstel, nummer=2)
        kwargs["voorstel"] = voorstel
    gezien = assert_form_robust(bv_forms.BesluitForm, form_kwargs=kwargs, max_examples=VOORBEELDEN)
    assert gezien["ongeldig"] > 0


# ---------- HTMX edit endpoints through the test client ----------

GEVAARLIJKE_TAGS = {"script", "iframe", "object", "embed", "base", "style"}


class _Controle(HTMLParser):
    """Collects what a browser would execute: script and other active tags, event-handler
    attributes, javascript:/vbscript:/data: addresses. Escaped text is not a tag, so it passes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.gevonden = []
        self.svg = 0

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg = max(self.svg - 1, 0)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.svg += 1
        # Our own server-side charts (pygal SVG) carry a <style>; user text never reaches an
        # <svg> (the markdown allow-list has none), so a style there is ours.
        eigen = (tag == "script" and (attrs.get("src") or "").startswith("/static/")) or (
            tag == "style" and self.svg
        )
        if tag in GEVAARLIJKE_TAGS and not eigen:
            self.gevonden.append(f"<{tag} {attrs}>")
        if tag == "meta" and "http-equiv" in attrs:
            self.gevonden.append(f"<meta {attrs}>")
        for naam, waarde in attrs.items():
            if naam.startswith("on"):
                self.gevonden.append(f"<{tag} {naam}=...>")
            if naam in ("href", "src", "action", "formaction", "xlink:href") and waarde:
                schoon = re.sub(r"[\s\x00-\x1f]", "", waarde).lower()
                if schoon.startswith(("javascript:", "vbscript:", "data:text")):
                    self.gevonden.append(f"<{tag} {naam}={waarde!r}>")


def test_controle_laat_grafiekstijl_toe_maar_geen_losse_stijl():
    controle = _Controle()
    controle.feed('<svg><style type="text/css">.x{}</style></svg><style>body{}</style>')
    assert controle.gevonden == ["<style {}>"]


def _geen_script(html: str):
    controle = _Controle()
    controle.feed(html)
    controle.close()
    assert controle.gevonden == [], controle.gevonden


HTMX = settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@pytest.fixture
def htmx_doelen(regio, traject, sessie, client_als):
    adviseur = RoltoewijzingFactory(regio=regio, rol=Rol.BELEIDSADVISEUR).gebruiker
    sessie.deelnemers.add(adviseur)
    document = DocumentFactory(traject=traject, aangemaakt_door=adviseur)
    sectie = SectieFactory(document=document)
    up = traject.uitgangspunten.first()
    return {"client": client_als(adviseur), "sectie": sectie, "up": up, "sessie": sessie}


@HTMX
@given(titel=hostile_text(4), tekst=hostile_text(8))
def test_htmx_sectie_bewerken_zonder_500_of_script(htmx_doelen, titel, tekst):
    sectie = Sectie.objects.get(pk=htmx_doelen["sectie"].pk)
    url = reverse("uitgangspunten:sectie_bewerken", args=[sectie.document_id, sectie.pk])
    response = htmx_doelen["client"].post(
        url, {"titel": titel, "tekst": tekst, "revisie": sectie.revisie}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    _geen_script(response.content.decode())


@HTMX
@given(
    titel=hostile_text(4),
    uitleg=hostile_text(8),
    revisie=st.sampled_from(["", "x", "-1", None]),
)
def test_htmx_uitgangspunt_bewerken_zonder_500_of_script(htmx_doelen, titel, uitleg, revisie):
    up = Uitgangspunt.objects.get(pk=htmx_doelen["up"].pk)
    data = {"titel": titel, "uitleg": uitleg, "revisie": up.revisie if revisie is None else revisie}
    response = htmx_doelen["client"].post(
        reverse("uitgangspunten:uitgangspunt_bewerken", args=[up.uid]),
        data,
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code < 500
    assert response.status_code != 403
    _geen_script(response.content.decode())


@HTMX
@given(
    soort=st.sampled_from(["inbreng", "conclusie", "gast", "stelling", "actiepunt"]),
    tekst=hostile_text(8),
    kort=hostile_text(3),
)
def test_htmx_sessie_onderdeel_nieuw_zonder_500_of_script(htmx_doelen, soort, tekst, kort):
    sessie = htmx_doelen["sessie"]
    data = {
        "soort": "vraag", "tekst": tekst, "antwoord": tekst, "bron_soort": "aanbieder",
        "bron_naam": kort, "naam": kort, "organisatie": kort, "rol": kort,
        "resultaat_soort": "woorden", "woorden": tekst, "toelichting": kort,
        "omschrijving": tekst, "eigenaar": kort,
    }  # fmt: skip
    response = htmx_doelen["client"].post(
        reverse("inkoop:onderdeel_nieuw", args=[sessie.pk, soort]), data, HTTP_HX_REQUEST="true"
    )
    assert response.status_code in (200, 422), response.status_code
    _geen_script(response.content.decode())
    # What was saved is shown on the full session page too: still no script there.
    _geen_script(htmx_doelen["client"].get(reverse("inkoop:sessie", args=[sessie.pk])).text)


@HTMX
@given(
    tekst=hostile_text(8),
    eerder=hostile_text(8),
    revisie=st.sampled_from(["", "x", "-1", "0", "1", "99", None]),
)
def test_htmx_sessie_onderdeel_bewerken_met_conflict_zonder_500_of_script(
    htmx_doelen, tekst, eerder, revisie
):
    """A colleague saved hostile text first; this save comes from a stale, missing or odd
    revision: the conflict view shows both texts and their diff without a 500 or a script."""
    sessie = htmx_doelen["sessie"]
    conclusie = ConclusieFactory(sessie=sessie, tekst="Begin")
    # The colleague's text came through a form, which refuses NUL characters.
    conclusie.tekst = eerder.replace("\x00", "") or "x"
    sessie_services.onderdeel_opslaan(sessie=sessie, onderdeel=conclusie, revisie=1)
    response = htmx_doelen["client"].post(
        reverse("inkoop:onderdeel_bewerken", args=[sessie.pk, "conclusie", conclusie.pk]),
        {"tekst": tekst, "revisie": "1" if revisie is None else revisie},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200, response.status_code
    _geen_script(response.content.decode())


@pytest.mark.parametrize("waarde", ["9223372036854775808", "-99999999999999999999999"])
def test_meerkeuze_weigert_te_grote_ids_met_een_melding(sessie, waarde):
    """SQLite raised OverflowError (a 500) on ids beyond 64 bits; now it is a Dutch message."""
    form = sessie_forms.SessieForm(
        {"titel": "Sessie", "soort": sessie.soort, "datum": "2026-12-01", "deelnemers": [waarde]},
        instance=sessie,
        regio=sessie.regio,
    )
    assert not form.is_valid()
    assert "Selecteer een geldige keuze" in form.errors["deelnemers"][0]


def test_sessiepagina_met_grafiek_en_vijandige_stelling(htmx_doelen):
    """The case hypothesis found: a page with a statement chart next to hostile text."""
    sessie = htmx_doelen["sessie"]
    StellingFactory(
        sessie=sessie, tekst="<script>alert(1)</script>", resultaat_soort="eens_oneens",
        eens=3, oneens=1,
    )  # fmt: skip
    html = htmx_doelen["client"].get(reverse("inkoop:sessie", args=[sessie.pk])).text
    assert "<svg" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    _geen_script(html)
