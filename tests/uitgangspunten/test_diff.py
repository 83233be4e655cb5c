import random
import time

import pytest

from inkoop.core import diff as diff_module
from inkoop.core.diff import inhoud_diff, woord_diff
from tests.factories import DocumentFactory, SectieFactory, UitgangspuntFactory
from uitgangspunten import selectors
from uitgangspunten.constants import SectieSoort
from uitgangspunten.inhoud import document_inhoud


def test_woord_diff_markeert_op_woordniveau():
    html = woord_diff("Wij kopen samen in.", "Wij kopen regionaal samen in.")
    assert html == "Wij kopen <ins>regionaal </ins>samen in."
    assert woord_diff("een twee", "een drie") == "een <del>twee</del><ins>drie</ins>"


def test_woord_diff_escapet_invoer():
    html = woord_diff("", "<script>alert(1)</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.django_db
def test_inhoud_diff_per_sectie_en_uitgangspunt():
    document = DocumentFactory()
    sectie = SectieFactory(document=document, tekst="Oude tekst")
    SectieFactory(document=document, soort=SectieSoort.ALGEMENE_UITGANGSPUNTEN, tekst="")
    up = UitgangspuntFactory(traject=document.traject, titel="Minder aanbieders")
    oud = document_inhoud(document)

    sectie.tekst = "Nieuwe tekst"
    sectie.save()
    up.uitleg = "Aangepaste uitleg"
    up.save()
    UitgangspuntFactory(traject=document.traject, titel="Nieuw punt")
    diff = inhoud_diff(oud, document_inhoud(document))

    assert [s["id"] for s in diff["secties"]] == [sectie.pk]
    # Rendered text (a paragraph), with the marks inside it: never the stored markup.
    html = diff["secties"][0]["tekst_html"]
    assert html.startswith("<p>") and "<ins>Nieuwe</ins>" in html and "<del>Oude</del>" in html
    statussen = {u["titel"]: u["status"] for u in diff["uitgangspunten"]}
    assert statussen == {"Minder aanbieders": "gewijzigd", "Nieuw punt": "toegevoegd"}
    assert diff["aantal"] == 3
    assert inhoud_diff(oud, oud)["aantal"] == 0


# Issue 11, punt 14: a big document must never take the compare page down.
WOORDEN = (
    "de het een regio gemeente zorg aanbieder inkoop contract tarief toegang jeugd wmo "
    "ondersteuning samen beleid"
).split()


def _willekeurige_tekst(zaad: int, tekens: int) -> str:
    rnd = random.Random(zaad)
    woorden, lengte = [], 0
    while lengte < tekens:
        woord = rnd.choice(WOORDEN)
        woorden.append(woord)
        lengte += len(woord) + 1
    return " ".join(woorden)[:tekens]


def _inhoud(teksten):
    return {
        "kop": {},
        "secties": [{"id": i, "titel": f"Sectie {i}", "tekst": t} for i, t in enumerate(teksten)],
    }


def test_diff_van_een_groot_herschreven_document_is_begrensd_in_tijd():
    # Three sections of 20,000 characters, each rewritten completely, in one line without
    # punctuation: the worst case for a word diff (took over 6 s before the limit).
    oud = _inhoud([_willekeurige_tekst(i, 20_000) for i in range(3)])
    nieuw = _inhoud([_willekeurige_tekst(100 + i, 20_000) for i in range(3)])
    begin = time.process_time()
    diff = inhoud_diff(oud, nieuw)
    duur = time.process_time() - begin
    assert duur < 2.5, duur
    assert diff["begrensd"] is True
    assert diff["melding"].startswith("Niet alle verschillen")
    # Nothing is dropped: the old and the new text are both shown in full.
    html = diff["secties"][0]["tekst_html"]
    assert html.count(">" + oud["secties"][0]["tekst"] + "<") == 1
    assert html.count(">" + nieuw["secties"][0]["tekst"] + "<") == 1
    assert "woord voor woord" in html


def test_kleine_wijziging_in_een_lange_tekst_blijft_woord_voor_woord():
    tekst = _willekeurige_tekst(7, 20_000)
    woorden = tekst.split(" ")
    woorden[1000] = "NIEUWWOORD"
    del woorden[2000]
    diff = inhoud_diff(_inhoud([tekst]), _inhoud([" ".join(woorden)]))
    html = diff["secties"][0]["tekst_html"]
    assert diff["begrensd"] is False
    assert "<ins>NIEUWWOORD</ins>" in html
    assert html.count("<del>") == 2 and html.count("<ins>") == 1
    assert "woord voor woord" not in html


def test_woord_diff_zonder_tijd_toont_alles_met_een_melding():
    html = woord_diff("een twee drie", "een vier drie", tijd_s=0)
    assert "<del>een twee drie</del>" in html and "<ins>een vier drie</ins>" in html
    assert "woord voor woord" in html


def test_gelijke_teksten_kosten_geen_tijd_en_geven_geen_melding():
    tekst = _willekeurige_tekst(3, 100_000)
    assert woord_diff(tekst, tekst, tijd_s=0) == tekst


def test_tekst_boven_de_grens_wordt_niet_woord_voor_woord_vergeleken(monkeypatch):
    monkeypatch.setattr(diff_module, "MAX_TEKENS", 1000)
    html = woord_diff("a " * 300, "b " * 300)
    assert "woord voor woord" in html
    assert html.endswith("<ins>" + "b " * 300 + "</ins>")


@pytest.mark.django_db
def test_historie_van_veel_grote_wijzigingen_deelt_een_tijdsgrens():
    # The history page compares every change with the one before it: ten rewrites of a long
    # section must share one time budget, not get one each.
    sectie = SectieFactory(tekst=_willekeurige_tekst(0, 20_000))
    for i in range(1, 11):
        sectie.tekst = _willekeurige_tekst(i, 20_000)
        sectie.save()
    begin = time.process_time()
    regels = selectors.historie(sectie.document)
    duur = time.process_time() - begin
    assert duur < 2.5, duur
    gewijzigd = [r for r in regels if r["soort"] == "gewijzigd"]
    assert len(gewijzigd) == 10
    assert all(r["wijzigingen"] for r in gewijzigd)
