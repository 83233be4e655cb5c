"""Property: no request parameter, whatever its value, brings a page down (issue 11, item 13).

Generated, not listed: every URL pattern of the project (walked from the URLconf, as in
tests/test_autorisatie.py) gets GET and POST requests whose parameters are every name the code
reads from a request (found in the source) and every field of the forms on that page, with
values drawn from whole classes of bad input (tests.hypothesis_helpers.vijandige_parameter:
Unicode digits, NUL bytes, ids beyond 64 bits, dates and periods outside any calendar, addresses
that are no path, random text). Sometimes the page's own form is sent back with one to three
fields poisoned, so input also reaches the code behind a valid form. The answer is never a 5xx.

A second property stores extreme values directly (as the admin or an import could): every date
of every row at the edges of the calendar, periods such as "Q1 0000"; every page still renders.

Runs on SQLite here and on PostgreSQL (NUL bytes in a filter are a DataError there only):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/inkoop_vorm \
        pytest tests/test_hypothesis_parameters.py
"""

import datetime as dt
import inspect
import itertools
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models, transaction
from django.urls import resolve, reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from inkoop.besluitvorming.models import Besluit
from inkoop.trajecten.models import Mijlpaal
from regions.constants import Rol
from tests.factories import RoltoewijzingFactory, UserFactory
from tests.formulier_html import formulieren
from tests.hypothesis_helpers import (
    EIGEN_APPS,
    parameterklassen,
    parameternamen_in_bestand,
)
from tests.test_autorisatie import URLS, VERWACHTINGEN, _url, wereld  # noqa: F401

pytestmark = pytest.mark.django_db

# Random examples per URL after the sweep (and stored periods tried).
VOORBEELDEN = int(os.environ.get("PARAMETER_VOORBEELDEN", "8"))
# Rounds of the sweep: each gives every parameter of every URL a value of every class.
RONDES = int(os.environ.get("PARAMETER_RONDES", "1"))
ROLLEN = (Rol.BELEIDSADVISEUR, Rol.SECRETARIS, Rol.DIRECTEUR, Rol.REGIOBEHEERDER)


PAD = Path(__file__).resolve().parent.parent
# Read by shared code (the revision of a delete button, the page after a PDF, paging).
ALTIJD = {"revisie", "volgende", "pagina"}


def resolve_naam(naam):
    return resolve(reverse_lazy_naam(naam)).func


def reverse_lazy_naam(naam):
    _, route, kwarg_namen = next(u for u in URLS if u[0] == naam)
    return reverse(naam, kwargs={k: VOORBEELD_KWARGS[k] for k in kwarg_namen})


VOORBEELD_KWARGS = {
    "regio": "r", "slug": "s", "pk": 1, "nummer": 1, "stap": 1, "sectie_pk": 1,
    "soort": "versie", "item": 1, "object_id": 1, "lijst": "te_beoordelen",
    "uid": "00000000-0000-0000-0000-000000000000", "uidb64": "MQ", "token": "set-password",
}  # fmt: skip


class _Terugdraaien(Exception):
    pass


@pytest.fixture
def ingelogd(client, wereld):  # noqa: F811
    user = UserFactory()
    for rol in ROLLEN:
        RoltoewijzingFactory(gebruiker=user, regio=wereld.regio, rol=rol)
    client.force_login(user)
    return client


def _ids(w) -> list[int]:
    return sorted({getattr(w, naam).pk for naam in vars(w) if hasattr(getattr(w, naam), "pk")})


def _eigen_formulieren(client, url) -> list[dict]:
    """The forms the page itself renders (edit views show their own form), as a browser sends
    them."""
    try:
        antwoord = client.get(url, HTTP_HX_REQUEST="true")
    except Exception:  # noqa: BLE001 - the sweep below reports the error with its input
        return []
    if not antwoord.get("Content-Type", "").startswith("text/html"):
        return []
    return [f.data() for f in formulieren(antwoord.text) if f.methode == "post" and f.velden]


def _verzoek(client, methode, url, params, htmx):
    kop = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    if methode == "GET":
        return client.get(url, params, **kop)
    return client.post(url, params, **kop)


def _namen_van_view(naam) -> set[str]:
    """The names the view's own module reads from the request; the PDF views read theirs
    through the registry of document kinds, so every module that registers one counts."""
    callback = resolve_naam(naam)
    bron = inspect.getsourcefile(inspect.unwrap(callback))
    namen = parameternamen_in_bestand(bron)
    if "/pdf/" in bron:
        for pdf in PAD.glob("inkoop/*/pdf.py"):
            namen |= parameternamen_in_bestand(pdf)
    return namen


def _geen_serverfout(client, methode, url, params, htmx):
    try:
        with transaction.atomic():
            antwoord = _verzoek(client, methode, url, params, htmx)
            assert antwoord.status_code < 500, (methode, url, params)
            raise _Terugdraaien
    except _Terugdraaien:
        pass


def _hyp(max_examples):
    # No shrinking: one failing request is already a minimal report (URL, method, parameters),
    # and shrinking a sweep re-sends it hundreds of times.
    return settings(
        phases=(Phase.explicit, Phase.generate),
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )


@pytest.mark.parametrize(("naam", "route", "kwarg_namen"), URLS, ids=[u[0] for u in URLS])
def test_geen_parameter_geeft_een_serverfout(ingelogd, wereld, naam, route, kwarg_namen):  # noqa: F811
    """Sweep, then search. Every parameter of the URL (read by its view, or a field of its
    page's forms) first gets a value of each class of bad input at once, one request per
    class (the values drawn by hypothesis); then hypothesis poisons one to three parameters of
    the page's own form at random, so a check that stops early cannot hide a later one."""
    regel = VERWACHTINGEN[naam]
    url = _url(naam, kwarg_namen, regel, wereld)
    eigen = _eigen_formulieren(ingelogd, url) if regel.methode == "GET" else []
    namen = sorted(_namen_van_view(naam) | {n for f in eigen for n in f} | ALTIJD)
    klassen = parameterklassen(_ids(wereld))
    # A page with its own form takes GET and POST; other URLs their own method.
    methodes = ["GET", "POST"] if eigen else [regel.methode]

    @_hyp(RONDES)
    @given(data=st.data())
    def sweep(data):
        for klasse, methode in itertools.product(klassen, methodes):
            params = {veld: data.draw(klasse, label=veld) for veld in namen}
            _geen_serverfout(ingelogd, methode, url, params, htmx=methode == "POST")

    @_hyp(VOORBEELDEN)
    @given(
        basis=st.sampled_from([{}, *eigen]),
        vergiftigd=st.dictionaries(
            st.sampled_from(namen), st.one_of(*klassen), min_size=1, max_size=3
        ),
        methode=st.sampled_from(methodes),
        htmx=st.booleans(),
    )
    def zoeken(basis, vergiftigd, methode, htmx):
        _geen_serverfout(ingelogd, methode, url, {**basis, **vergiftigd}, htmx)

    sweep()
    zoeken()


# ---------- Stored values at the edges ----------

GRENZEN = {
    "min": {models.DateField: dt.date.min, models.DateTimeField: None},
    "max": {models.DateField: dt.date.max, models.DateTimeField: None},
}
PERIODES = ["Q1 0000", "H2 0000", "maart 0000", "0000", "Q4 9999", "9999", "Q1 99999", "Q٣ ٢٠٢٠"]
PAGINAS = [u for u in URLS if VERWACHTINGEN[u[0]].methode == "GET"]


def _datumvelden():
    for model in apps.get_models():
        if model._meta.app_label not in EIGEN_APPS or model._meta.app_label == "auth":
            continue
        for veld in model._meta.concrete_fields:
            if type(veld) is models.DateField:
                yield model, veld.name


@pytest.mark.parametrize("rand", ["min", "max"])
def test_opgeslagen_datums_aan_de_rand_breken_geen_pagina(ingelogd, wereld, rand):  # noqa: F811
    """Every date column of every row at date.min or date.max: every page renders."""
    datum = GRENZEN[rand][models.DateField]
    for model, veld in _datumvelden():
        if model is Besluit:
            # A decision is never updated (on PostgreSQL the database refuses, migration
            # 0014); its date was checked against the range when it was recorded.
            continue
        model._default_manager.update(**{veld: datum})
    fouten = []
    for naam, _, kwarg_namen in PAGINAS:
        url = _url(naam, kwarg_namen, VERWACHTINGEN[naam], wereld)
        status = ingelogd.get(url).status_code
        if status >= 500:
            fouten.append((url, status))
    assert fouten == []


@given(
    periode=st.sampled_from(PERIODES) | st.from_regex(r"[QqHh][0-9٣]\s?[0-9]{1,6}", fullmatch=True)
)
@settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
def test_opgeslagen_periode_breekt_planning_en_agenda_niet(ingelogd, wereld, periode):  # noqa: F811
    Mijlpaal.objects.filter(pk=wereld.mijlpaal.pk).update(periode=periode, datum=None)
    for naam in ("inkoop:planning", "inkoop:agenda", "inkoop:traject", "inkoop:mijn_werk"):
        _, _, kwarg_namen = next(u for u in URLS if u[0] == naam)
        url = _url(naam, kwarg_namen, VERWACHTINGEN[naam], wereld)
        assert ingelogd.get(url).status_code == 200, (naam, periode)
