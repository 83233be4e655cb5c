import pytest

from inkoop.core.diff import inhoud_diff, woord_diff
from tests.factories import DocumentFactory, SectieFactory, UitgangspuntFactory
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
    assert "<del>Oude</del><ins>Nieuwe</ins>" in diff["secties"][0]["tekst_html"]
    statussen = {u["titel"]: u["status"] for u in diff["uitgangspunten"]}
    assert statussen == {"Minder aanbieders": "gewijzigd", "Nieuw punt": "toegevoegd"}
    assert diff["aantal"] == 3
    assert inhoud_diff(oud, oud)["aantal"] == 0
