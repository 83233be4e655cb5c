import pytest
from django.apps import apps
from django.core.management import call_command

from inkoop.demo import demodata as demo
from regions.models import Regio

pytestmark = pytest.mark.django_db


def _tellingen():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"regions", "voorzieningen", "inkoop", "uitgangspunten", "auth"}
    }


def test_load_demo_is_idempotent_en_overschrijft_niets():
    call_command("load_demo", force=True, verbosity=0)
    eerste = _tellingen()
    from uitgangspunten.models import Uitgangspunt

    up = Uitgangspunt.objects.get(titel="Langdurige contracten")
    up.uitleg = "Door een gebruiker aangepast."
    up.save()
    call_command("load_demo", force=True, verbosity=0)
    assert _tellingen() == {**eerste, "uitgangspunten.HistoricalUitgangspunt":
                            eerste["uitgangspunten.HistoricalUitgangspunt"] + 1}  # fmt: skip
    up.refresh_from_db()
    assert up.uitleg == "Door een gebruiker aangepast."


def test_demo_bevat_de_seeds():
    demo.demo_laden()
    gv = Regio.objects.get(slug="gooi-en-vechtstreek")
    assert gv.lidmaatschappen.op().count() == 7
    assert gv.voorzieningen.get(naam="Huishoudelijke hulp").kengetallen.filter(jaar=2018).exists()
    bw = Regio.objects.get(slug="bommelerwaard")
    assert list(bw.percelen.values_list("nummer", flat=True)) == [1, 2, 3, 4, 5]
    assert bw.percelen.get(nummer=1).aandeel_financien == 53
    assert gv.trajecten.count() == 2 and bw.trajecten.count() == 1
    # Seed 000 plus the session before it and the PFHO that adopted its minutes (issue 5).
    assert gv.sessies.count() == 3


def test_demo_gebruikers_kunnen_inloggen(client):
    demo.demo_laden()
    for username in demo.DEMO_GEBRUIKERS:
        response = client.post(
            "/account/inloggen/", {"username": username, "password": demo.DEMO_WACHTWOORD}
        )
        assert response.status_code == 302, username
        assert client.get("/").status_code == 200
        client.post("/account/uitloggen/")


def test_demo_geeft_elke_rol_werk(client):
    """The strategy of the Bommelerwaard is in the route: the director has a version to
    review, the secretary a proposal to record a decision on."""
    from django.urls import reverse

    from inkoop.overzicht.selectors import mijn_werk

    gebruikers = demo.demo_laden()["gebruikers"]
    werk = mijn_werk(gebruikers["directeur"])
    assert [(v.document.titel, v.nummer) for v in werk["te_beoordelen"]] == [
        ("Inkoopstrategie Wmo en Jeugdhulp 2027 e.v.", 2)
    ]
    voorstellen = mijn_werk(gebruikers["secretaris"])["vast_te_leggen"]
    assert [v.gremium.naam for v in voorstellen] == ["Portefeuillehoudersoverleg Sociaal Domein"]
    client.force_login(gebruikers["secretaris"])
    html = client.get(reverse("inkoop:mijn_werk")).content.decode()
    assert "Inkoopstrategie Wmo en Jeugdhulp 2027 e.v. vrijgeven" in html


def test_demo_publiceert_het_vastgestelde_verslag(client):
    demo.demo_laden()
    demo.demo_laden()  # idempotent: one publication
    from inkoop.openbaar.models import Publicatie

    pub = Publicatie.objects.get(soort="verslag")
    assert pub.sessie.titel == "Bestuurlijke sessie algemene uitgangspunten"
    assert client.get("/openbaar/gooi-en-vechtstreek/").status_code == 200
    assert pub.get_absolute_url().encode() in client.get("/openbaar/sitemap.xml").content


def test_demo_publiceert_een_vastgestelde_versie_met_pdf_en_besluitenlijst(client):
    """A visitor of `make run` sees a real public region page: the adopted principles document
    (adopted by the seven colleges), its PDF, and the decision list linking to it."""
    from inkoop.openbaar.constants import PublicatieSoort
    from inkoop.openbaar.models import Publicatie

    demo.demo_laden()
    demo.demo_laden()  # idempotent: no second version, no second publication
    versie_pub = Publicatie.objects.get(soort=PublicatieSoort.VERSIE)
    lijst = Publicatie.objects.get(soort=PublicatieSoort.BESLUITENLIJST)
    assert versie_pub.versie.nummer == 1 and versie_pub.versie.document.versies.count() == 1
    assert len(versie_pub.versie.besluiten.filter(uitkomst="vastgesteld")) == 7
    regiopagina = client.get("/openbaar/gooi-en-vechtstreek/").content.decode()
    assert "Uitgangspunten inkoop zorg en ondersteuning 2021 e.v., versie 1" in regiopagina
    assert versie_pub.get_absolute_url() in regiopagina and lijst.get_absolute_url() in regiopagina
    pagina = client.get(versie_pub.get_absolute_url()).content.decode()
    pdf_url = f"/openbaar/gooi-en-vechtstreek/publicaties/{versie_pub.pk}/pdf/"
    assert pdf_url in pagina and "College van B&amp;W Hilversum op 26 mei 2020" in pagina
    pdf = client.get(pdf_url)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    besluiten = client.get(lijst.get_absolute_url()).content.decode()
    assert besluiten.count(f'href="{versie_pub.get_absolute_url()}"') == 10
