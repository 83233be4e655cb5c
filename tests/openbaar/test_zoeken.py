"""Search: Dutch stemming, grouped by kind, highlighted, filtered by region and role."""

import pytest
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection

from inkoop.besluitvorming.models import Voorstel
from inkoop.openbaar import services
from inkoop.openbaar.zoeken import JsonTekstVector, _zoek, openbaar_zoeken, zoeken, zoekwoorden
from inkoop.sessies.models import Actiepunt, Conclusie, Inbreng, Stelling
from regions.constants import Rol
from tests.factories import UitgangspuntFactory
from tests.factories.sessies import ActiepuntFactory, ConclusieFactory, StellingFactory
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


def test_verslagpunten_vindbaar_met_rol_en_regio(met_rol, ronde, andere_regio):
    """Conclusions, statements (text and explanation) and action points of a session are
    found by who sees sessions in that region; not by a reader, not from another region."""
    sessie = ronde.eerder
    ConclusieFactory(sessie=sessie, tekst="De wachtlijsten voor dagbesteding worden korter.")
    StellingFactory(sessie=sessie, tekst="Kernaanbieders werken beter samen.",
                    toelichting="De meeste deelnemers wilden minder wachtlijsten.")  # fmt: skip
    ActiepuntFactory(sessie=sessie, omschrijving="Wachtlijsten per aanbieder in kaart brengen")
    ActiepuntFactory(sessie__regio=andere_regio, sessie__traject__regio=andere_regio,
                     omschrijving="Wachtlijsten elders")  # fmt: skip
    adviseur = met_rol(Rol.SECRETARIS, ronde.regio)
    gevonden = _codes(zoeken(adviseur, "wachtlijst"))
    titel = f"{sessie.titel} ({sessie.datum:%d-%m-%Y})"
    assert gevonden == {"sessies": [titel], "stellingen": [titel], "actiepunten": [titel]}
    soort = next(s for s in zoeken(adviseur, "wachtlijst") if s.code == "stellingen")
    assert "<mark>wachtlijsten</mark>" in soort.treffers[0].fragment
    assert soort.treffers[0].url == f"/sessies/{sessie.pk}/"
    assert _codes(zoeken(met_rol(Rol.LEZER, ronde.regio), "wachtlijst")) == {}


def test_vastgestelde_versie_op_de_tekst_van_haar_blokken(met_rol, ronde):
    """The frozen text counts, also what blocks pulled in (the principles in the version);
    the JSON keys of the stored content do not ("secties" is in every version)."""
    lezer = met_rol(Rol.LEZER, ronde.regio)
    up = ronde.versie.inhoud
    woord = next(
        w for sectie in up["secties"] for w in str(sectie.get("titel", "")).split() if len(w) > 3
    )
    assert _codes(zoeken(lezer, woord))["versies"] == [f"{ronde.document.titel}, versie 1"]
    assert _codes(zoeken(lezer, "secties")) == {}


# Simple queries: every word required (stop words ignored, Dutch stems), the same on SQLite
# and PostgreSQL. Run with DATABASE_URL=postgres://... for the PostgreSQL half.
TEKSTEN = {
    "a": "Langdurige contracten met aanbieders van zorg",
    "b": "Zorg en ondersteuning voor cliënten dicht bij huis",
    "c": "De aanbieder levert ondersteuning; contract voor onbepaalde tijd",
    "d": "Reëel tarief voor huishoudelijke hulp",
}


@pytest.mark.parametrize(
    ("zoekvraag", "verwacht"),
    [
        ("aanbieders contracten", {"a", "c"}),
        ("zorg en ondersteuning", {"b"}),
        ("de ondersteuning van cliënt", {"b"}),
        ("clienten huis", {"b"}),
        ("reeel tarief", {"d"}),
        ("contract zorg huis", set()),
        ("Aanbieder ONDERSTEUNING", {"c"}),
    ],
)
def test_meerdere_woorden_zelfde_uitkomst_op_elke_database(ronde, zoekvraag, verwacht):
    for code, tekst in TEKSTEN.items():
        UitgangspuntFactory(traject=ronde.traject, titel=code, uitleg=tekst)
    qs = Uitgangspunt.objects.filter(titel__in=TEKSTEN)
    gevonden = {up.titel for up in _zoek(qs, ["titel", "uitleg"], zoekwoorden(zoekvraag))}
    assert gevonden == verwacht, connection.vendor


ZOEKVELDEN = [
    (Uitgangspunt, ["titel", "uitleg"], "zoek_up_nl"),
    (Sectie, ["titel", "tekst"], "zoek_sectie_nl"),
    (Voorstel, ["onderwerp", "aanleiding", "argumenten"], "zoek_voorstel_nl"),
    (Conclusie, ["tekst"], "zoek_conclusie_nl"),
    (Inbreng, ["tekst", "antwoord"], "zoek_inbreng_nl"),
    (Stelling, ["tekst", "toelichting"], "zoek_stelling_nl"),
    (Actiepunt, ["omschrijving"], "zoek_actiepunt_nl"),
    (Versie, None, "zoek_versie_nl"),
]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN-indexen: PostgreSQL")
@pytest.mark.parametrize(("model", "velden", "index"), ZOEKVELDEN)
def test_zoekvraag_gebruikt_de_gin_index(ronde, model, velden, index):
    """The query the search sends can use its GIN index (the same expression). With sequential
    and plain index scans off (a full scan of another index would otherwise do, on few rows),
    the planner takes the GIN index, through a bitmap scan, whenever it can use it at all."""
    vector = JsonTekstVector("inhoud") if velden is None else SearchVector(*velden, config="dutch")
    qs = model.objects.annotate(_zv=vector).filter(
        _zv=SearchQuery("reëel tarief", config="dutch", search_type="plain")
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = qs.explain()
    assert index in plan, plan
