"""Search: Dutch stemming, grouped by kind, highlighted, filtered by region and role."""

import pytest
from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast

from inkoop.besluitvorming.models import Voorstel
from inkoop.openbaar import services
from inkoop.openbaar.zoeken import openbaar_zoeken, volledige_tekst, zoeken
from inkoop.sessies.models import Conclusie, Inbreng
from regions.constants import Rol
from tests.factories import UitgangspuntFactory
from uitgangspunten.models import Sectie, Uitgangspunt, Versie

pytestmark = pytest.mark.django_db


def _codes(soorten):
    return {s.code: [t.titel for t in s.treffers] for s in soorten if s.treffers}


def test_stemming_groepen_en_markering(met_rol, ronde, andere_regio):
    UitgangspuntFactory(traject=ronde.traject, titel="Ruimte voor aanbieders",
                        uitleg="Aanbieders krijgen ruimte.")  # fmt: skip
    UitgangspuntFactory(traject__regio=andere_regio, titel="Aanbieders elders")
    adviseur = met_rol(Rol.BELEIDSADVISEUR, ronde.regio)
    soorten = zoeken(adviseur, "aanbieder")
    gevonden = _codes(soorten)
    assert "Ruimte voor aanbieders" in gevonden["uitgangspunten"]
    assert "Aanbieders elders" not in gevonden["uitgangspunten"]  # another region
    up = next(t for s in soorten for t in s.treffers if t.titel == "Ruimte voor aanbieders")
    assert "<mark>aanbieders</mark>" in up.fragment and "<mark>Aanbieders</mark>" in up.fragment


def test_lezer_vindt_alleen_vastgesteld(met_rol, ronde):
    UitgangspuntFactory(traject=ronde.traject, titel="Geheim concept zorgcontinuïteit")
    lezer = met_rol(Rol.LEZER, ronde.regio)
    woord = ronde.document.titel.split()[0]
    gevonden = _codes(zoeken(lezer, woord))
    assert set(gevonden) == {"versies"}
    assert gevonden["versies"] == [f"{ronde.document.titel}, versie 1"]


def test_zoekpagina_vaste_query_telling(client_als, met_rol, ronde, django_assert_max_num_queries):
    adviseur = met_rol(Rol.BELEIDSADVISEUR, ronde.regio)
    client = client_als(adviseur)
    client.get("/zoeken/?q=uitgangspunt")
    with django_assert_max_num_queries(15) as een:
        antwoord = client.get("/zoeken/?q=uitgangspunt")
    assert antwoord.status_code == 200
    UitgangspuntFactory.create_batch(5, traject=ronde.traject, titel="Nog een uitgangspunt")
    with django_assert_max_num_queries(len(een.captured_queries)):
        client.get("/zoeken/?q=uitgangspunt")


def test_openbaar_zoeken_alleen_gepubliceerd(client, met_rol, ronde):
    woord = ronde.document.titel.split()[0]
    assert openbaar_zoeken(woord) == []
    pub = services.versie_publiceren(
        versie=ronde.versie, door=met_rol(Rol.BELEIDSADVISEUR, ronde.regio)
    )
    html = client.get(f"/openbaar/zoeken/?q={woord}").content.decode()
    assert pub.get_absolute_url() in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN-indexen alleen op PostgreSQL")
@pytest.mark.parametrize(
    ("model", "velden", "index"),
    [
        (Uitgangspunt, ["titel", "uitleg"], "zoek_up_nl"),
        (Sectie, ["titel", "tekst"], "zoek_sectie_nl"),
        (Voorstel, ["onderwerp", "aanleiding", "argumenten"], "zoek_voorstel_nl"),
        (Conclusie, ["tekst"], "zoek_conclusie_nl"),
        (Inbreng, ["tekst", "antwoord"], "zoek_inbreng_nl"),
        (Versie.objects.annotate(_tekst=Cast("inhoud", TextField())), ["_tekst"], "zoek_versie_nl"),
    ],
)
def test_zoekvraag_kan_haar_gin_index_gebruiken(model, velden, index):
    # An expression index serves only the very same expression: the search's own query must
    # be able to use it. Only a bitmap scan is left to the planner (on these near-empty tables
    # it would scan them whole): it can only take an index whose expression is the query's.
    qs = (model if hasattr(model, "query") else model.objects.all()).order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off; SET enable_indexscan = off")
    try:
        plan = volledige_tekst(qs, velden, ["jeugdhulp"]).explain()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET enable_seqscan; RESET enable_indexscan")
    assert index in plan, plan
