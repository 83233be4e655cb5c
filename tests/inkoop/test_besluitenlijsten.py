"""Decision lists: of a round, of one body across rounds (paged), and the PDF of exactly what
the page shows."""

import datetime as dt

import pytest
from django.urls import reverse

from inkoop.besluitvorming import selectors
from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.views.voorstellen import BESLUITEN_PER_PAGINA
from inkoop.pdf import selectors as export_selectors
from inkoop.pdf.constants import ExportSoort
from inkoop.pdf.models import Export
from inkoop.trajecten.constants import GremiumSoort
from tests.factories import GremiumFactory, TrajectFactory
from tests.factories.besluitvorming import (
    BeslispuntFactory,
    BesluitFactory,
    VersieFactory,
    VoorstelFactory,
)
from tests.factories.sessies import TrajectSessieFactory
from tests.utils import assert_constant_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def pfho(regio):
    return GremiumFactory(regio=regio, soort=GremiumSoort.PFHO, naam="PFHO Sociaal Domein")


@pytest.fixture
def twee_trajecten(regio, pfho):
    """Decisions of the PFHO in two rounds, and one of another body."""
    oud = TrajectFactory(regio=regio, naam="Inkoop 2021")
    nieuw = TrajectFactory(regio=regio, naam="Inkoop 2027", vorige=oud)
    BesluitFactory(
        gremium=pfho,
        voorstel=VoorstelFactory(traject=oud, onderwerp="Verlenging hulp bij het huishouden"),
    )
    BesluitFactory(
        gremium=pfho,
        versie=VersieFactory(document__traject=nieuw, document__titel="Uitgangspunten 2027"),
        datum=dt.date(2027, 2, 1),
    )
    do = GremiumFactory(regio=regio, soort=GremiumSoort.DO, naam="Directieoverleg")
    BesluitFactory(gremium=do, voorstel=VoorstelFactory(traject=nieuw, onderwerp="Alleen DO"))
    return oud, nieuw


def test_gremium_besluitenlijst_toont_alle_trajecten_met_hun_naam(
    client_als, lezer, regio, pfho, twee_trajecten
):
    url = reverse("inkoop:gremium_besluitenlijst", kwargs={"regio": regio.slug, "pk": pfho.pk})
    inhoud = client_als(lezer).get(url).content.decode()
    assert "Verlenging hulp bij het huishouden" in inhoud
    assert "Uitgangspunten 2027, versie" in inhoud
    assert "Inkoop 2021" in inhoud and "Inkoop 2027" in inhoud
    assert "Alleen DO" not in inhoud
    # A reader sees the list, not links into drafts and proposals, and no PDF widget.
    assert reverse("inkoop:voorstel", kwargs={"pk": 1}).rsplit("/", 2)[0] not in inhoud
    assert "PDF maken" not in inhoud


def test_gremium_besluitenlijst_filtert_op_traject(
    client_als, adviseur, regio, pfho, twee_trajecten
):
    oud, _ = twee_trajecten
    url = reverse("inkoop:gremium_besluitenlijst", kwargs={"regio": regio.slug, "pk": pfho.pk})
    inhoud = client_als(adviseur).get(url, {"traject": oud.pk}).content.decode()
    assert "Verlenging hulp bij het huishouden" in inhoud
    assert "Uitgangspunten 2027" not in inhoud
    # The PDF widget carries the same round, so the PDF shows what the page shows.
    assert f'name="traject" value="{oud.pk}"' in inhoud


def test_gremium_van_andere_regio_is_404(client_als, adviseur, andere_regio, regio):
    vreemd = GremiumFactory(regio=andere_regio)
    url = reverse("inkoop:gremium_besluitenlijst", kwargs={"regio": regio.slug, "pk": vreemd.pk})
    assert client_als(adviseur).get(url).status_code == 404


def test_regiopagina_linkt_naar_besluiten_per_gremium(client_als, lezer, regio, pfho):
    inhoud = client_als(lezer).get(reverse("inkoop:regio", kwargs={"slug": regio.slug})).content
    url = reverse("inkoop:gremium_besluitenlijst", kwargs={"regio": regio.slug, "pk": pfho.pk})
    assert url.encode() in inhoud and b"PFHO Sociaal Domein" in inhoud


@pytest.mark.parametrize("lijst", ["gremium", "traject"])
def test_besluitenlijst_pagineert_en_queries_groeien_niet(client_als, adviseur, regio, pfho, lijst):
    client = client_als(adviseur)
    traject = TrajectFactory(regio=regio)
    naam, kwargs = {
        "gremium": ("inkoop:gremium_besluitenlijst", {"regio": regio.slug, "pk": pfho.pk}),
        "traject": ("inkoop:besluitenlijst", {"regio": regio.slug, "slug": traject.slug}),
    }[lijst]
    url = reverse(naam, kwargs=kwargs)

    def maak(n):
        for _ in range(n):
            voorstel = VoorstelFactory(traject=traject, gremium=pfho)
            besluit = BesluitFactory(gremium=pfho, voorstel=voorstel)
            besluit.punten.create(
                beslispunt=BeslispuntFactory(voorstel=voorstel), uitkomst=Uitkomst.INGESTEMD
            )

    assert_constant_queries(maak, lambda: client.get(url), klein=2, groot=BESLUITEN_PER_PAGINA + 3)
    eerste = client.get(url).content.decode()
    assert "Pagina 1 van 2" in eerste and 'rel="next"' in eerste
    tweede = client.get(url, {"pagina": 2}).content.decode()
    assert "Pagina 2 van 2" in tweede and tweede.count("Beslispunt ") == 3
    # A page number out of range shows the last page rather than an error.
    assert client.get(url, {"pagina": 99}).status_code == 200


def test_besluitenlijst_traject_toont_vaststelling_van_verslag(client_als, adviseur, regio, pfho):
    traject = TrajectFactory(regio=regio)
    sessie = TrajectSessieFactory(traject=traject, titel="Marktconsultatie Wmo")
    BesluitFactory(gremium=pfho, verslag_van=sessie)
    andere = TrajectSessieFactory(regio=regio, traject=TrajectFactory(regio=regio), titel="Elders")
    BesluitFactory(gremium=pfho, verslag_van=andere)
    url = reverse("inkoop:besluitenlijst", kwargs={"regio": regio.slug, "slug": traject.slug})
    inhoud = client_als(adviseur).get(url).content.decode()
    assert "Verslag van Marktconsultatie Wmo" in inhoud
    assert "Elders" not in inhoud


def test_pdf_besluitenlijst_van_traject_bevat_alleen_dat_traject(pfho, twee_trajecten):
    oud, nieuw = twee_trajecten
    parameters = export_selectors.parameters_uit(
        ExportSoort.BESLUITENLIJST, {"traject": str(nieuw.pk)}, pfho
    )
    assert parameters == {"traject": nieuw.pk}
    bron = export_selectors.bron(ExportSoort.BESLUITENLIJST, pfho, parameters)
    assert [b.versie.document.titel for b in bron.context["besluiten"]] == ["Uitgangspunten 2027"]
    assert "Inkoop 2027" in bron.titel
    alles = export_selectors.bron(ExportSoort.BESLUITENLIJST, pfho, {})
    assert len(alles.context["besluiten"]) == 2


def test_traject_van_andere_regio_wordt_genegeerd(pfho, andere_regio):
    vreemd = TrajectFactory(regio=andere_regio)
    assert (
        export_selectors.parameters_uit(ExportSoort.BESLUITENLIJST, {"traject": vreemd.pk}, pfho)
        == {}
    )
    assert export_selectors.parameters_uit(ExportSoort.BESLUITENLIJST, {"traject": "x"}, pfho) == {}


def test_export_starten_bewaart_traject_en_widget_toont_alleen_die_exports(
    client_als, adviseur, regio, pfho, twee_trajecten, django_capture_on_commit_callbacks
):
    oud, nieuw = twee_trajecten
    client = client_als(adviseur)
    starten = reverse("inkoop:export_starten", args=[ExportSoort.BESLUITENLIJST, pfho.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(starten, {"traject": oud.pk}, HTTP_HX_REQUEST="true")
    export = Export.objects.get()
    assert export.parameters == {"traject": oud.pk}
    lijst = reverse("inkoop:besluitenlijst", kwargs={"regio": regio.slug, "slug": nieuw.slug})
    # The round 2027 page with the PFHO filter knows no export of its own yet.
    inhoud = client.get(lijst, {"gremium": pfho.pk}).content.decode()
    assert export.bestandsnaam not in inhoud
    lijst_oud = reverse("inkoop:besluitenlijst", kwargs={"regio": regio.slug, "slug": oud.slug})
    assert export.bestandsnaam in client.get(lijst_oud, {"gremium": pfho.pk}).content.decode()


def test_selector_besluitenlijst_zonder_filters_is_per_gremium_en_traject(pfho, twee_trajecten):
    oud, nieuw = twee_trajecten
    assert selectors.besluitenlijst(traject=nieuw).count() == 2
    assert selectors.besluitenlijst(gremium=pfho).count() == 2
    assert selectors.besluitenlijst(traject=nieuw, gremium=pfho).count() == 1
    assert [b.traject for b in selectors.besluitenlijst(gremium=pfho)] == [oud, nieuw]


def test_pdf_besluitenlijst_over_trajecten_noemt_het_traject(pfho, twee_trajecten):
    from inkoop.pdf import render as pdf

    bron = export_selectors.bron(ExportSoort.BESLUITENLIJST, pfho, {})
    html = pdf.render_html(bron.template, {"metadata": bron.metadata, **bron.context})
    assert '<th scope="col">Traject</th>' in html and "Inkoop 2021" in html
    _, nieuw = twee_trajecten
    bron = export_selectors.bron(ExportSoort.BESLUITENLIJST, pfho, {"traject": nieuw.pk})
    html = pdf.render_html(bron.template, {"metadata": bron.metadata, **bron.context})
    assert '<th scope="col">Traject</th>' not in html
