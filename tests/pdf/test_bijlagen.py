"""Attachments of documents, sessions and proposals: checked by content and size, served by a
permission-checked view, listed in the PDF and embedded as PDF/A-3 associated files."""

import datetime as dt
import importlib
import io
import zipfile

import pikepdf
import pypdf
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.urls import reverse

from inkoop.besluitvorming import pdf as besluitvorming_pdf
from inkoop.core.fouten import DomeinFout
from inkoop.pdf import bijlagen
from inkoop.pdf import render as pdf
from inkoop.pdf import selectors as export_selectors
from inkoop.pdf import services as export_services
from inkoop.pdf.models import Bijlage, VersieBijlage
from inkoop.sessies import services as sessie_services
from regions.constants import Rol
from tests.factories import UserFactory
from tests.factories.besluitvorming import VoorstelFactory
from tests.factories.export import document_met_inhoud, vaststellen, versie_vastleggen
from tests.factories.sessies import TrajectSessieFactory
from tests.utils import assert_constant_queries, formulier_waarden
from uitgangspunten import services as uitgangspunten_services
from uitgangspunten.models import Versie

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes(deel="word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(deel, "<x/>")
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload(naam, inhoud):
    return SimpleUploadedFile(naam, inhoud, content_type="application/octet-stream")


def test_soort_naar_inhoud_niet_naar_naam():
    assert bijlagen.soort_van(PDF) == "application/pdf"
    assert bijlagen.soort_van(PNG) == "image/png"
    assert bijlagen.soort_van(docx_bytes()).endswith("wordprocessingml.document")
    assert bijlagen.soort_van(docx_bytes("xl/workbook.xml")).endswith("spreadsheetml.sheet")
    assert bijlagen.soort_van(docx_bytes("iets/anders.xml")) is None
    assert bijlagen.soort_van(b"MZ\x90\x00 een programma") is None
    assert bijlagen.soort_van(b"<html><script>") is None


def test_bijlage_weigert_verkeerd_soort_te_groot_en_zonder_recht(media, met_rol, regio):
    sessie = TrajectSessieFactory(traject__regio=regio)
    secretaris = met_rol(Rol.SECRETARIS, regio, username="sec")
    with pytest.raises(DomeinFout, match="Dit soort bestand kan niet"):
        bijlagen.bijlage_toevoegen(onderwerp=sessie, bestand=upload("lijst.pdf", b"MZ..."),
                                   door=secretaris)  # fmt: skip
    groot = upload("groot.pdf", PDF + b"0" * bijlagen.MAX_GROOTTE)
    with pytest.raises(DomeinFout, match="te groot"):
        bijlagen.bijlage_toevoegen(onderwerp=sessie, bestand=groot, door=secretaris)
    with pytest.raises(PermissionDenied):
        bijlagen.bijlage_toevoegen(onderwerp=sessie, bestand=upload("a.pdf", PDF),
                                   door=met_rol(Rol.LEZER, regio, username="lezer"))  # fmt: skip
    bijlage = bijlagen.bijlage_toevoegen(
        onderwerp=sessie, bestand=upload("../../Presentielijst 18 dec.exe", PDF), door=secretaris
    )
    assert bijlage.naam == "Presentielijst_18_dec.pdf" and bijlage.mime == "application/pdf"
    assert (media / bijlage.bestand.name).read_bytes() == PDF


def test_bijlage_alleen_voor_wie_het_onderwerp_mag_zien(client_als, media, met_rol, regio,
                                                        andere_regio):  # fmt: skip
    sessie = TrajectSessieFactory(traject__regio=regio)
    secretaris = met_rol(Rol.SECRETARIS, regio, username="sec")
    bijlage = bijlagen.bijlage_toevoegen(
        onderwerp=sessie, bestand=upload("lijst.pdf", PDF), door=secretaris
    )
    url = reverse("inkoop:bijlage", args=[bijlage.pk])
    antwoord = client_als(secretaris).get(url)
    assert antwoord.status_code == 200 and b"".join(antwoord.streaming_content) == PDF
    assert antwoord["Content-Type"] == "application/pdf"
    vreemde = met_rol(Rol.SECRETARIS, andere_regio, username="vreemd")
    assert client_als(vreemde).get(url).status_code == 403
    assert client_als(met_rol(Rol.LEZER, regio, username="lz")).get(url).status_code == 403


def test_uploaden_in_de_app_met_nederlandse_fout(client_als, media, met_rol, regio):
    sessie = TrajectSessieFactory(traject__regio=regio)
    client = client_als(met_rol(Rol.SECRETARIS, regio, username="sec"))
    url = reverse("inkoop:bijlagen", args=["sessie", sessie.pk])
    fout = client.post(url, {"bestand": upload("x.pdf", b"geen pdf"), "omschrijving": "Lijst"})
    assert "Dit soort bestand kan niet" in fout.content.decode()
    assert 'value="Lijst"' in fout.content.decode()
    goed = client.post(url, {"bestand": upload("lijst.pdf", PDF), "omschrijving": "Lijst"})
    assert goed.status_code == 302
    assert "lijst.pdf" in client.get(url).content.decode()


def ingesloten(pdf_bytes) -> dict[str, bytes]:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as document:
        assert "/AF" in document.Root  # PDF/A-3 associated files
        for bestand in document.Root.AF:
            assert str(bestand.AFRelationship) == "/Supplement"
        return {naam: spec.get_file().read_bytes() for naam, spec in document.attachments.items()}


@pytest.mark.parametrize("soort", ["document", "sessie", "voorstel"])
def test_bijlagen_in_de_pdf_genoemd_en_ingesloten(media, regio, soort):
    adviseur = UserFactory(is_superuser=True)
    if soort == "document":
        document = document_met_inhoud(regio, hoofdstukken=1, voorzieningen=1)
        onderwerp = document
    elif soort == "sessie":
        onderwerp = TrajectSessieFactory(traject__regio=regio)
    else:
        onderwerp = VoorstelFactory(traject__regio=regio)
    bijlagen.bijlage_toevoegen(onderwerp=onderwerp, bestand=upload("lijst.pdf", PDF),
                               door=adviseur, omschrijving="Presentielijst")  # fmt: skip
    xlsx = docx_bytes("xl/workbook.xml")
    bijlagen.bijlage_toevoegen(onderwerp=onderwerp, bestand=upload("cijfers.xlsx", xlsx),
                               door=adviseur)  # fmt: skip
    if soort == "document":
        bron = besluitvorming_pdf.versie_bron(versie_vastleggen(document))
    else:
        bron = export_selectors.bron("verslag" if soort == "sessie" else "voorstel", onderwerp)
    _, pdf_bytes = pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)
    tekst = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert "Bijlagen" in tekst and "lijst.pdf: Presentielijst" in tekst
    assert "cijfers.xlsx" in tekst
    assert ingesloten(pdf_bytes) == {
        "lijst.pdf": PDF, "cijfers.xlsx": xlsx,
    }  # fmt: skip


# ---------- Attachments belong to the frozen version ----------


def _versie_pdf(versie):
    bron = besluitvorming_pdf.versie_bron(versie)
    return pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)


def test_bevroren_versie_houdt_de_bijlagen_van_toen(media, regio):
    adviseur = UserFactory(is_superuser=True)
    document = document_met_inhoud(regio, hoofdstukken=1, voorzieningen=1)
    a = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("a.pdf", PDF), door=adviseur)
    v1 = uitgangspunten_services.versie_vastleggen(document=document, auteur=adviseur)
    html_voor = _versie_pdf(v1)[0]
    export_voor = export_services.export_aanvragen(onderwerp=v1, soort="versie")

    b = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("b.png", PNG), door=adviseur)
    html_na, pdf_na = _versie_pdf(v1)
    assert ingesloten(pdf_na) == {"a.pdf": PDF}
    # The same HTML, so the same content hash: the cached file of v1 (its bytes) is the one
    # handed out again. (WeasyPrint writes the render time into the file, so two renders
    # differ in those bytes only.)
    assert html_na == html_voor
    assert export_services.export_aanvragen(onderwerp=v1, soort="versie").pk == export_voor.pk

    v2 = uitgangspunten_services.versie_vastleggen(document=document, auteur=adviseur)
    assert ingesloten(_versie_pdf(v2)[1]) == {"a.pdf": PDF, "b.png": PNG}
    assert bijlagen.bijlagen_van_versie(v1) == [a]
    assert bijlagen.bijlagen_van_versie(v2) == [a, b]


def test_bijlage_van_een_versie_blijft_en_verlaat_alleen_het_concept(
    media, regio, django_capture_on_commit_callbacks
):
    adviseur = UserFactory(is_superuser=True)
    document = document_met_inhoud(regio, hoofdstukken=1, voorzieningen=1)
    a = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("a.pdf", PDF), door=adviseur)
    v1 = uitgangspunten_services.versie_vastleggen(document=document, auteur=adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        assert bijlagen.bijlage_verwijderen(bijlage=a, door=adviseur) is False
    a.refresh_from_db()
    assert a.uit_concept is not None and (media / a.bestand.name).read_bytes() == PDF
    assert bijlagen.bijlagen_van(document) == []
    assert bijlagen.bijlagen_van_versie(v1) == [a]
    v2 = uitgangspunten_services.versie_vastleggen(document=document, auteur=adviseur)
    assert bijlagen.bijlagen_van_versie(v2) == []
    with pytest.raises(DomeinFout, match="al uit het concept"):
        bijlagen.bijlage_verwijderen(bijlage=a, door=adviseur)
    with pytest.raises(ProtectedError):
        a.delete()  # the database keeps it too

    c = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("c.pdf", PDF), door=adviseur)
    pad = media / c.bestand.name
    with django_capture_on_commit_callbacks(execute=True):
        assert bijlagen.bijlage_verwijderen(bijlage=c, door=adviseur) is True
    assert not pad.exists() and not Bijlage.objects.filter(pk=c.pk).exists()


def test_vastgesteld_verslag_houdt_zijn_bijlagen(media, met_rol, regio):
    sessie = TrajectSessieFactory(traject__regio=regio, datum=dt.date(2026, 3, 1))
    secretaris = met_rol(Rol.SECRETARIS, regio, username="sec")
    lijst = bijlagen.bijlage_toevoegen(
        onderwerp=sessie, bestand=upload("lijst.pdf", PDF), door=secretaris
    )
    sessie = sessie_services.verslag_vaststellen_door_secretaris(
        sessie=sessie, datum=dt.date(2026, 3, 8), notitie="Per e-mail", door=secretaris
    )
    with pytest.raises(DomeinFout, match="vastgesteld"):
        bijlagen.bijlage_toevoegen(onderwerp=sessie, bestand=upload("b.pdf", PDF), door=secretaris)
    with pytest.raises(DomeinFout, match="vastgesteld"):
        bijlagen.bijlage_verwijderen(bijlage=lijst, door=secretaris)


def test_bijlage_verwijderen_in_de_app(client_als, media, met_rol, regio):
    adviseur = met_rol(Rol.BELEIDSADVISEUR, regio, username="adv")
    document = document_met_inhoud(regio, hoofdstukken=1, voorzieningen=1)
    a = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("a.pdf", PDF), door=adviseur)
    b = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("b.pdf", PDF), door=adviseur)
    uitgangspunten_services.versie_vastleggen(document=document, auteur=adviseur)
    c = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("c.pdf", PDF), door=adviseur)
    pagina = reverse("inkoop:bijlagen", args=["document", document.pk])
    client = client_als(adviseur)
    html = client.get(pagina).content.decode()
    assert html.count("data-bevestig=") == 3
    assert 'aria-label="Verwijderen: c.pdf"' in html
    assert "De bijlage a.pdf uit het concept halen? Versie 1 houdt haar." in html
    assert "Weet u zeker dat u de bijlage c.pdf wilt verwijderen?" in html

    lezer = client_als(met_rol(Rol.LEZER, regio, username="lz"))
    assert lezer.post(reverse("inkoop:bijlage_verwijderen", args=[c.pk])).status_code == 403
    assert Bijlage.objects.filter(pk=c.pk).exists()

    client = client_als(adviseur)  # the one test client, logged in again
    antwoord = client.post(reverse("inkoop:bijlage_verwijderen", args=[c.pk]), follow=True)
    assert antwoord.redirect_chain[-1][0] == pagina
    html = antwoord.content.decode()
    assert "De bijlage c.pdf is verwijderd." in html and "c.pdf</a>" not in html
    assert not Bijlage.objects.filter(pk=c.pk).exists()

    html = client.post(reverse("inkoop:bijlage_verwijderen", args=[a.pk]), follow=True)
    html = html.content.decode()
    assert "De bijlage a.pdf is uit het concept gehaald" in html and "a.pdf</a>" not in html
    assert "b.pdf</a>" in html
    # Taken off the draft already: a second request says so instead of failing.
    html = client.post(reverse("inkoop:bijlage_verwijderen", args=[a.pk]), follow=True)
    assert "al uit het concept gehaald" in html.content.decode()
    assert client.get(reverse("inkoop:bijlage", args=[a.pk])).status_code == 200
    assert b.versies.count() == 1


def test_datamigratie_geeft_bestaande_versies_de_bijlagen_van_hun_document(media, regio):
    from django.apps import apps

    migratie = importlib.import_module("inkoop.migrations.0021_bijlagen_versie")
    adviseur = UserFactory(is_superuser=True)
    document = document_met_inhoud(regio, hoofdstukken=1, voorzieningen=1)
    v1 = versie_vastleggen(document)  # before the migration: no attachments recorded
    a = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("a.pdf", PDF), door=adviseur)
    ander = bijlagen.bijlage_toevoegen(
        onderwerp=TrajectSessieFactory(traject__regio=regio), bestand=upload("s.pdf", PDF),
        door=adviseur,
    )  # fmt: skip
    migratie.bestaande_versies(apps, None)
    assert bijlagen.bijlagen_van_versie(v1) == [a]
    assert not ander.versies.exists()


def test_demo_strategie_drukt_haar_opmaak_en_bijlage_af(media):
    from inkoop.demo import demodata

    demodata.demo_laden()
    versie = Versie.objects.get(
        document__titel="Inkoopstrategie Wmo en Jeugdhulp 2027 e.v.", nummer=1
    )
    assert versie.inhoud["opmaak"] == {
        "hoofdstuknummers": False, "datum_voluit": True, "uitgangspunten": "doorlopend",
    }  # fmt: skip
    _, pdf_bytes = _versie_pdf(versie)
    tekst = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert "12 oktober 2026" in tekst and "Ons kenmerk" in tekst
    assert "1. Inleiding" not in tekst and "Inleiding" in tekst
    bestanden = ingesloten(pdf_bytes)
    assert list(bestanden) == ["evaluatie-inkoop-2022-2026.pdf"]
    bijlage = pypdf.PdfReader(io.BytesIO(bestanden["evaluatie-inkoop-2022-2026.pdf"]))
    assert "Evaluatie inkoop Wmo en Jeugdhulp" in bijlage.pages[0].extract_text()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigger bestaat alleen op PostgreSQL"
)
def test_database_houdt_de_bijlagen_van_een_besloten_versie(media, regio):
    with connection.cursor() as cursor:  # the suite may empty its test database; not here
        cursor.execute("SET LOCAL inkoop.opruimen = 'nee'")
    adviseur = UserFactory(is_superuser=True)
    document = document_met_inhoud(regio, hoofdstukken=1, voorzieningen=1)
    a = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("a.pdf", PDF), door=adviseur)
    b = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("b.pdf", PDF), door=adviseur)
    versie = versie_vastleggen(document)
    vaststellen(versie)
    rijen = VersieBijlage.objects.filter(versie=versie)
    with pytest.raises(DatabaseError, match="besloten"), transaction.atomic():
        rijen.delete()
    with pytest.raises(DatabaseError, match="besloten"), transaction.atomic():
        VersieBijlage.objects.create(versie=versie, bijlage=b)  # already there: any insert
    with pytest.raises(DatabaseError, match="veranderen nooit meer"), transaction.atomic():
        rijen.filter(bijlage=a).update(bijlage=b)
    with pytest.raises(DatabaseError, match="verandert niet meer"), transaction.atomic():
        Bijlage.objects.filter(pk=a.pk).update(sha256="0" * 64)
    # Leaving the draft is what may still happen to it.
    assert bijlagen.bijlage_verwijderen(bijlage=a, door=adviseur) is False
    assert rijen.count() == 2


def test_bijlagenpagina_queries_groeien_niet_mee(client_als, media, met_rol, regio):
    adviseur = met_rol(Rol.BELEIDSADVISEUR, regio, username="adv")
    document = document_met_inhoud(regio, hoofdstukken=1, voorzieningen=1)
    client = client_als(adviseur)
    pagina = reverse("inkoop:bijlagen", args=["document", document.pk])

    def maak(n):
        for i in range(n):
            bijlagen.bijlage_toevoegen(
                onderwerp=document, bestand=upload(f"b{i}.pdf", PDF), door=adviseur
            )
            uitgangspunten_services.versie_vastleggen(document=document, auteur=adviseur)

    assert_constant_queries(maak, lambda: client.get(pagina), klein=1, groot=4)


def test_beheer_verwijdert_via_dezelfde_service(client_als, media, regio):
    beheerder = UserFactory(is_superuser=True, is_staff=True)
    document = document_met_inhoud(regio, hoofdstukken=1, voorzieningen=1)
    a = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("a.pdf", PDF), door=beheerder)
    versie_vastleggen(document)
    b = bijlagen.bijlage_toevoegen(onderwerp=document, bestand=upload("b.pdf", PDF), door=beheerder)
    client = client_als(beheerder)
    for bijlage in (a, b):
        url = reverse("admin:inkoop_bijlage_delete", args=[bijlage.pk])
        data = formulier_waarden(client.get(url).content.decode(), met_veld="post")
        assert client.post(url, data).status_code == 302
    a.refresh_from_db()
    assert a.uit_concept is not None  # a version carries it: it only left the draft
    assert not Bijlage.objects.filter(pk=b.pk).exists()
    # Off the draft already: nothing left to remove here.
    assert client.get(reverse("admin:inkoop_bijlage_delete", args=[a.pk])).status_code == 403
