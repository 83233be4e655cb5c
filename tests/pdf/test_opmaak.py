"""Layout choices per document, kept by the frozen version; footnotes on the page of their
reference; no page half empty for a block kept together."""

import io
import re

import pypdf
import pytest

from inkoop.besluitvorming import pdf as besluitvorming_pdf
from inkoop.pdf import render as pdf
from tests.factories import DocumentFactory, SectieFactory, UserFactory
from tests.factories.export import document_met_inhoud, versie_vastleggen
from uitgangspunten import services
from uitgangspunten.constants import UitgangspuntWeergave
from uitgangspunten.inhoud import document_inhoud

pytestmark = pytest.mark.django_db


def pagina_teksten(pdf_bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages]


def render_versie(versie):
    bron = besluitvorming_pdf.versie_bron(versie)
    return pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)


EIGEN_OPMAAK = {
    "hoofdstuknummers": False,
    "lege_kopregels_weglaten": True,
    "datum_voluit": True,
    "uitgangspunten": UitgangspuntWeergave.DOORLOPEND,
    "soortkoppen": False,
    "inhoudsopgave": False,
}


def test_standaardopmaak_verandert_de_inhoud_van_een_document_niet(regio):
    document = document_met_inhoud(regio)
    assert "opmaak" not in document_inhoud(document)


def test_elke_opmaakkeuze_in_de_pdf_en_bevroren_met_de_versie(regio):
    document = document_met_inhoud(regio, kenmerk="", zaaknummer="")
    document.opmaak = EIGEN_OPMAAK
    document.kop_labels = {"betreft": "Betreffende"}
    document.save()
    SectieFactory(document=document, volgorde=40, titel="", tekst="Alinea zonder titel erboven.")
    versie = versie_vastleggen(document)
    assert versie.inhoud["opmaak"]["datum_voluit"] is True

    # Changing the draft afterwards does not change how the frozen version prints.
    document.opmaak = {}
    document.kop_labels = {}
    document.save()
    html, pdf_bytes = render_versie(versie)
    teksten = pagina_teksten(pdf_bytes)
    alles = "\n".join(teksten)
    eerste = teksten[0]
    assert "Betreffende" in eerste and "Betreft" not in eerste
    assert "2 november 2026" in eerste and "02-11-2026" not in eerste
    assert "Kenmerk" not in eerste and "Zaaknummer" not in eerste  # empty rows left out
    assert "Inhoud" not in [r.strip() for r in eerste.splitlines()]  # no contents page
    assert "Hoofdstuk 1" in alles and "1. Hoofdstuk 1" not in alles
    assert "Strategisch uitgangspunt" not in alles  # no kind heading
    assert "pdf-kop__soort" not in html  # no kind line above the title
    # The bold lead runs into the paragraph of its explanation.
    assert re.search(r"1\. Minder aanbieders, meer partnerschap\. Een uitleg", alles)
    assert "<p><strong><span" in html
    assert "Alinea zonder titel erboven." in alles and "Zonder titel" not in alles


def test_standaardopmaak_in_de_pdf(regio):
    versie = versie_vastleggen(document_met_inhoud(regio, zaaknummer=""))
    teksten = pagina_teksten(render_versie(versie)[1])
    alles = "\n".join(teksten)
    assert "Inhoud" in [r.strip() for r in teksten[0].splitlines()]
    assert "02-11-2026" in teksten[0]
    assert "Zaaknummer" in teksten[0]  # an empty row stays by default
    assert "1. Hoofdstuk 1" in alles and "Strategisch uitgangspunt" in alles


def test_opmaak_instellen_in_de_app(client, regio):
    from tests.factories import RoltoewijzingFactory

    adviseur = UserFactory()
    RoltoewijzingFactory(gebruiker=adviseur, regio=regio, rol="beleidsadviseur")
    document = document_met_inhoud(regio)
    client.force_login(adviseur)
    url = f"/documenten/{document.pk}/opmaak/"
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert "Hoofdstukken nummeren" in pagina.text and "Datum voluit schrijven" in pagina.text
    data = {
        "revisie": document.revisie, "uitgangspunten": "doorlopend", "datum_voluit": "on",
        "label_betreft": "Betreffende", "label_kenmerk": "x" * 41,
    }  # fmt: skip
    fout = client.post(url, data)
    assert fout.status_code == 200 and "Het label is te lang" in fout.text
    assert "Betreffende" in fout.text  # what was typed stays
    data["label_kenmerk"] = "Ons kenmerk"
    assert client.post(url, data).status_code == 302
    document.refresh_from_db()
    assert document.opmaak == {
        "hoofdstuknummers": False, "inhoudsopgave": False, "datum_voluit": True,
        "uitgangspunten": "doorlopend", "soortkoppen": False,
    }  # fmt: skip
    assert document.kop_labels == {"betreft": "Betreffende", "kenmerk": "Ons kenmerk"}


def test_opmaak_alleen_door_wie_mag_bewerken(regio):
    document = document_met_inhoud(regio)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.document_opmaak_bijwerken(
            document=document, revisie=document.revisie, auteur=UserFactory(),
            opmaak={}, kop_labels={},
        )  # fmt: skip


# ---------- Footnotes on the page of their reference ----------

VULTEKST = (
    "Het inkoopteam bespreekt met de aanbieders hoe de zorg dichter bij de inwoner komt en "
    "welke afspraken over tarieven en verantwoording daarvoor nodig zijn. "
)


def _voetnotendocument(regio, verschuiving: int, nootlengte: int):
    """One long section whose references fall on different lines of the pages: each paragraph
    is a few lines long (varying with `verschuiving`), and every third one ends with a
    reference; the notes have `nootlengte` sentences."""
    alineas, noten = [], []
    for k in range(1, 31):
        alinea = VULTEKST * (1 + (k + verschuiving) % 4)
        if k % 3 == 0 or k % 7 == verschuiving % 7:
            alinea += f"Zie ref{k:02d}.[^{k}]"
            noten.append(f"[^{k}]: Noot{k:02d} " + "met uitleg over de bron. " * nootlengte)
        alineas.append(alinea)
    document = DocumentFactory(traject__regio=regio, kenmerk="")
    SectieFactory(document=document, titel="Lange tekst", tekst="\n\n".join(alineas + noten))
    return versie_vastleggen(document)


@pytest.mark.parametrize(("verschuiving", "nootlengte"), [(0, 1), (1, 3), (2, 6), (3, 2)])
def test_voetnoot_staat_op_de_pagina_van_haar_verwijzing(regio, verschuiving, nootlengte):
    versie = _voetnotendocument(regio, verschuiving, nootlengte)
    teksten = pagina_teksten(render_versie(versie)[1])
    assert len(teksten) >= 3
    gecontroleerd = 0
    for nummer, tekst in enumerate(teksten, start=1):
        for ref in re.findall(r"ref(\d\d)\.", tekst):
            assert f"Noot{ref}" in tekst, f"noot {ref} niet op pagina {nummer} van haar verwijzing"
            gecontroleerd += 1
    assert gecontroleerd >= 10
    # Every note printed once, none lost.
    assert sum(len(re.findall(r"Noot\d\d", t)) for t in teksten) == gecontroleerd


def test_geen_pagina_half_leeg_door_een_lang_uitgangspunt(regio):
    document = document_met_inhoud(regio, hoofdstukken=1)
    from tests.factories import UitgangspuntFactory

    UitgangspuntFactory(
        traject=document.traject,
        titel="Een lang uitgangspunt",
        uitleg="\n\n".join([VULTEKST * 4] * 12),
    )
    teksten = pagina_teksten(render_versie(versie_vastleggen(document))[1])
    # The page before the long principle is not cut short: the principle starts on it.
    pagina = next(i for i, t in enumerate(teksten) if "Een lang uitgangspunt" in t)
    assert "Het inkoopteam bespreekt" in teksten[pagina]
    assert len(teksten[pagina]) > 1500
