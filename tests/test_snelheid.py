"""Speed under load (issue 16): shared fragments that follow every edit, conditional GET per
user that keeps CSRF working, and one HTML render per PDF job."""

import datetime
import re
from unittest import mock

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from inkoop.core import fragmenten
from inkoop.pdf import render as pdf
from inkoop.pdf import services as export_services
from inkoop.pdf.constants import ExportSoort, ExportStatus
from inkoop.pdf.tasks import export_maken
from inkoop.templatetags import fragmenten as fragment_tags
from regions.constants import Rol
from tests.factories import (
    DocumentFactory,
    SectieFactory,
    TrajectFactory,
    UitgangspuntFactory,
    VoorzieningFactory,
)
from tests.factories.export import document_met_inhoud, versie_vastleggen
from tests.utils import cache_legen, formulier_waarden
from uitgangspunten import services
from uitgangspunten.constants import SectieSoort, UitgangspuntSoort
from uitgangspunten.templatetags import sectie_fragment

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(regio, adviseur):
    # These tests count what the shared cache holds: an earlier test in this process may have
    # left a fragment of exactly the same section (SQLite reuses ids after a rollback).
    cache_legen()
    fragmenten.lokaal_legen()
    traject = TrajectFactory(regio=regio)
    document = DocumentFactory(traject=traject, aangemaakt_door=adviseur)
    SectieFactory(document=document, soort=SectieSoort.TEKST, titel="Inleiding", tekst="Oud *a*.")
    SectieFactory(document=document, soort=SectieSoort.ALGEMENE_UITGANGSPUNTEN, titel="Kaders")
    UitgangspuntFactory(
        traject=traject, soort=UitgangspuntSoort.STRATEGISCH, titel="Eerste", uitleg="Oude uitleg."
    )
    return document


def editor(client, document):
    response = client.get(reverse("uitgangspunten:document", args=[document.pk]))
    assert response.status_code == 200
    return response


def renders_bij(client, document):
    """How many sections the editor renders anew (the shared cache answers the rest), with
    this process's own level emptied, as a request in another gunicorn worker would find it."""
    fragmenten.lokaal_legen()
    with mock.patch.object(sectie_fragment, "renderen", wraps=sectie_fragment.renderen) as spion:
        html = editor(client, document).content.decode()
    return spion.call_count, html


def test_secties_komen_uit_de_gedeelde_cache(client_als, adviseur, document):
    client = client_als(adviseur)
    eerste = editor(client, document).content.decode()
    aantal, tweede = renders_bij(client, document)
    assert aantal == 0
    assert "Oud <em>a</em>." in tweede and "Oude uitleg." in tweede
    token = re.compile(
        r'name="(?:csrfmiddlewaretoken|formulier_token)" value="[^"]+"|"X-CSRFToken": "[^"]+"'
    )
    assert token.sub("", eerste) == token.sub("", tweede)


def test_bewerking_geeft_een_nieuw_fragment(client_als, adviseur, document):
    client = client_als(adviseur)
    editor(client, document)
    sectie = document.secties.get(titel="Inleiding")
    services.sectie_bijwerken(
        sectie=sectie, revisie=sectie.revisie, auteur=adviseur, titel="Inleiding", tekst="Nieuw."
    )
    aantal, html = renders_bij(client, document)
    assert aantal == 1  # only the edited section is rendered again
    assert "Nieuw." in html and "Oud <em>a</em>." not in html

    up = document.traject.uitgangspunten.get()
    services.uitgangspunt_bijwerken(
        uitgangspunt=up, revisie=up.revisie, auteur=adviseur, titel="Eerste", uitleg="Scherper."
    )
    aantal, html = renders_bij(client, document)
    assert aantal == 1  # the block of general principles shows the principle
    assert "Scherper." in html and "Oude uitleg." not in html


def test_gewijzigd_sjabloon_is_een_nieuwe_sleutel(settings, tmp_path):
    voor = fragmenten.sleutel("sectie", ("x",))
    (tmp_path / "nieuw.html").write_text("<p>anders</p>")
    sjablonen = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**sjablonen, "DIRS": [*sjablonen["DIRS"], tmp_path]}]
    fragmenten._kenmerk["waarde"] = None
    try:
        assert fragmenten.sleutel("sectie", ("x",)) != voor
    finally:
        fragmenten._kenmerk["waarde"] = None


# Conditional GET


def test_pagina_304_zolang_niets_verandert(client_als, adviseur, document):
    client = client_als(adviseur)
    eerste = editor(client, document)
    etag = eerste["ETag"]
    pad = reverse("uitgangspunten:document", args=[document.pk])
    assert client.get(pad, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # The page the browser kept still posts: its CSRF token is of the same secret.
    velden = formulier_waarden(eerste.content.decode(), "uitgangspunt") | {"tekst": "Goed zo."}
    assert velden["csrfmiddlewaretoken"]
    client.handler.enforce_csrf_checks = True
    opmerking = reverse("uitgangspunten:opmerking_plaatsen", args=[document.pk])
    assert client.post(opmerking, velden).status_code == 302
    assert document.opmerkingen.filter(tekst="Goed zo.").exists()
    # That comment changes the page: no 304 any more.
    assert client.get(pad, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_etag_verschilt_per_gebruiker(client_als, adviseur, directeur, document):
    etag = editor(client_als(adviseur), document)["ETag"]
    pad = reverse("uitgangspunten:document", args=[document.pk])
    ander = client_als(directeur)
    assert ander.get(pad, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_pdf_304_op_zijn_sha256(client_als, adviseur, regio, django_capture_on_commit_callbacks):
    versie = versie_vastleggen(document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1))
    with django_capture_on_commit_callbacks(execute=True):
        export = export_services.export_aanvragen(onderwerp=versie, soort=ExportSoort.VERSIE)
    export.refresh_from_db()
    assert export.status == ExportStatus.KLAAR
    client = client_als(adviseur)
    pad = reverse("inkoop:export_download", args=[export.pk])
    eerste = client.get(pad)
    assert eerste.status_code == 200 and eerste["ETag"] == f'"{export.bestand_sha256}"'
    assert eerste["Last-Modified"]
    assert client.get(pad, HTTP_IF_NONE_MATCH=eerste["ETag"]).status_code == 304
    assert client.get(pad, HTTP_IF_MODIFIED_SINCE=eerste["Last-Modified"]).status_code == 304
    assert client.get(pad, HTTP_IF_NONE_MATCH='"anders"').status_code == 200


# The PDF job


def test_pdf_taak_rendert_de_html_een_keer(regio, django_capture_on_commit_callbacks):
    versie = versie_vastleggen(document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1))
    with mock.patch.object(export_maken, "apply_async", return_value=mock.Mock(id="t")):
        with django_capture_on_commit_callbacks(execute=True):
            export = export_services.export_aanvragen(onderwerp=versie, soort=ExportSoort.VERSIE)
    # The HTML rendered for the content hash when it was asked for is the HTML of the file.
    with mock.patch.object(pdf, "render_html", wraps=pdf.render_html) as spion:
        export_services.export_uitvoeren(export_id=export.pk)
    export.refresh_from_db()
    assert export.status == ExportStatus.KLAAR and export.bestand.read(5) == b"%PDF-"
    assert spion.call_count == 0
    # A job without that HTML (asked for long ago, planned again) renders it once itself.
    with mock.patch.object(export_maken, "apply_async", return_value=mock.Mock(id="t")):
        with django_capture_on_commit_callbacks(execute=True):
            word = export_services.export_aanvragen(
                onderwerp=versie, soort=ExportSoort.VERSIE, formaat="docx"
            )
    cache_legen()
    with mock.patch.object(pdf, "render_html", wraps=pdf.render_html) as spion:
        export_services.export_uitvoeren(export_id=word.pk)
    word.refresh_from_db()
    assert word.status == ExportStatus.KLAAR
    assert spion.call_count == 1


def regio_renders(client, regio):
    """How many shared fragments the region page renders anew, as another worker would."""
    fragmenten.lokaal_legen()
    with mock.patch.object(fragment_tags, "renderen", wraps=fragment_tags.renderen) as spion:
        response = client.get(regio.get_absolute_url())
    assert response.status_code == 200
    return spion.call_count, response.content.decode()


def test_regiopagina_uit_gedeelde_fragmenten_en_elke_wijziging_telt(client_als, adviseur, regio):
    voorziening = VoorzieningFactory(regio=regio, naam="Huishoudelijke hulp")
    TrajectFactory(regio=regio, naam="Inkoop 2028")
    client = client_als(adviseur)
    aantal, html = regio_renders(client, regio)
    assert aantal == 2 and "Huishoudelijke hulp" in html and "Inkoop 2028" in html
    assert regio_renders(client, regio)[0] == 0  # the shared cache answers

    voorziening.naam = "Hulp bij het huishouden"
    voorziening.save()
    aantal, html = regio_renders(client, regio)
    assert aantal == 1  # only the part with the services
    assert "Hulp bij het huishouden" in html and "Huishoudelijke hulp" not in html

    lid = regio.lidmaatschappen.select_related("gemeente").first()
    lid.einde = timezone.localdate() - datetime.timedelta(days=1)
    lid.save()
    aantal, html = regio_renders(client, regio)
    assert aantal == 1 and "Geen lid meer" in html


def test_regiofragment_volgt_de_rechten(client_als, met_rol, regio):
    # "Regio inrichten" is for the region's administrator: a reader must not get that fragment.
    beheerder = client_als(met_rol(Rol.REGIOBEHEERDER, regio))
    assert "Regio inrichten" in regio_renders(beheerder, regio)[1]
    lezer = client_als(met_rol(Rol.LEZER, regio))
    assert "Regio inrichten" not in regio_renders(lezer, regio)[1]


def test_fragment_toont_alleen_zijn_argumenten():
    sjabloon = Template(
        '{% load fragmenten %}{% fragment "proef" a=a %}[{{ a }}|{{ b }}]{% endfragment %}'
    )
    fragmenten.lokaal_legen()
    assert sjabloon.render(Context({"a": "zichtbaar", "b": "buiten de sleutel"})) == "[zichtbaar|]"


def test_ingelogde_paginas_ook_als_304_niet_bewaard(client_als, adviseur, regio):
    # The choice of docs/benchmarks.md: `private, no-store` for every answer to a logged-in
    # user, also the 304 of the ETag middleware, so no shared computer keeps a draft on disk.
    client = client_als(adviseur)
    url = regio.get_absolute_url()
    eerste = client.get(url)
    assert eerste["Cache-Control"].replace(" ", "").split(",") == [
        "max-age=0", "no-cache", "no-store", "must-revalidate", "private"
    ]  # fmt: skip
    opnieuw = client.get(url, headers={"if-none-match": eerste["ETag"]})
    assert opnieuw.status_code == 304
    assert "no-store" in opnieuw["Cache-Control"] and "private" in opnieuw["Cache-Control"]
    lijst = client.get(reverse("inkoop:mijn_werk_lijst", kwargs={"lijst": "te_beoordelen"}))
    assert "no-store" in lijst["Cache-Control"]
