"""Setting up a region through the app's own pages, step by step, as its administrator."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from inkoop.trajecten.constants import GremiumSoort
from regions.constants import Rol
from regions.indeling import MEEGELEVERD, indeling_lezen
from regions.models import Gemeente, Lidmaatschap, Regio, Roltoewijzing
from regions.services import gemeentelijke_indeling_verwerken, uitnodiging_versturen
from tests.factories import RegioFactory, RoltoewijzingFactory, TrajectFactory, UserFactory
from uitgangspunten.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeenten():
    gemeentelijke_indeling_verwerken(
        rijen=indeling_lezen(MEEGELEVERD.read_bytes()), peildatum=dt.date(2026, 1, 1)
    )


@pytest.fixture
def beheerder(client):
    regio = RegioFactory(naam="Regio Gooi en Vechtstreek", slug="gv")
    user = UserFactory(username="beheerder")
    RoltoewijzingFactory(gebruiker=user, regio=regio, rol=Rol.REGIOBEHEERDER)
    client.force_login(user)
    return regio


def _url(naam, regio):
    return reverse(f"inkoop:{naam}", kwargs={"slug": regio.slug})


def test_alleen_de_superuser_maakt_een_nieuwe_regio(client):
    gewoon = UserFactory()
    RoltoewijzingFactory(gebruiker=gewoon, regio=RegioFactory(), rol=Rol.REGIOBEHEERDER)
    client.force_login(gewoon)
    assert client.post(reverse("inkoop:regio_nieuw"), {"naam": "X"}).status_code == 403
    client.force_login(UserFactory(is_superuser=True))
    antwoord = client.post(reverse("inkoop:regio_nieuw"), {"naam": "Regio Eemland"})
    assert antwoord.status_code == 302
    assert antwoord.url == "/regio/regio-eemland/inrichten/"
    antwoord = client.post(reverse("inkoop:regio_nieuw"), {"naam": "Regio Eemland"})
    assert "Er is al een regio met de korte naam" in antwoord.content.decode()
    assert Regio.objects.filter(slug="regio-eemland").count() == 1


def test_lege_stappen_zeggen_wat_de_volgende_stap_is(client, beheerder):
    html = client.get(_url("inrichten", beheerder)).content.decode()
    assert "Nog te doen" in html
    assert 'href="/regio/gv/inrichten/gemeenten/"' in html
    html = client.get(_url("inrichten_gremia", beheerder)).content.decode()
    assert "kies eerst de gemeenten" in html
    assert "Volgende stap" in html and "/regio/gv/inrichten/gemeenten/" in html


def test_gemeenten_zoeken_tijdens_typen_geeft_alleen_het_partial(client, beheerder, gemeenten):
    antwoord = client.get(
        _url("inrichten_gemeenten", beheerder), {"q": "hil"}, headers={"HX-Request": "true"}
    )
    html = antwoord.content.decode()
    assert html.lstrip().startswith('<div id="keuze"')
    assert "Hilversum" in html and "Hillegom" in html and "Hilvarenbeek" in html
    assert "<html" not in html
    # chosen ones stay ticked while the search changes
    blaricum = Gemeente.objects.get(cbs_code="GM0376")
    html = client.get(
        _url("inrichten_gemeenten", beheerder),
        {"q": "huiz", "gemeenten": blaricum.pk},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert f'value="{blaricum.pk}" checked' in html and "Huizen" in html


def test_meerdere_gemeenten_tegelijk_met_startdatum_van_het_traject(client, beheerder, gemeenten):
    TrajectFactory(regio=beheerder, naam="Inkoop 2026", startjaar=2026)
    html = client.get(_url("inrichten_gemeenten", beheerder)).content.decode()
    assert 'value="2026-01-01"' in html
    codes = ["GM0376", "GM1942", "GM0402", "GM0406", "GM0417", "GM1696"]
    ids = list(Gemeente.objects.filter(cbs_code__in=codes).values_list("pk", flat=True))
    antwoord = client.post(
        _url("inrichten_gemeenten", beheerder), {"gemeenten": ids, "begin": "2026-01-01"}
    )
    assert antwoord.status_code == 302
    leden = Lidmaatschap.objects.filter(regio=beheerder)
    assert leden.count() == 6 and {str(lid.begin) for lid in leden} == {"2026-01-01"}
    # once more: refused per field, nothing added twice
    antwoord = client.post(
        _url("inrichten_gemeenten", beheerder), {"gemeenten": ids[:1], "begin": "2026-01-01"}
    )
    assert antwoord.status_code == 200 and "Deze gemeente is al lid" in antwoord.content.decode()
    assert leden.count() == 6


def test_gremia_met_colleges_in_een_stap(client, beheerder, gemeenten):
    for code in ("GM0376", "GM0402", "GM0406"):
        Lidmaatschap.objects.create(
            regio=beheerder, gemeente=Gemeente.objects.get(cbs_code=code), begin="2026-01-01"
        )
    antwoord = client.post(
        _url("inrichten_gremia", beheerder),
        {
            "do": "on",
            "do_naam": "DO Sociaal Domein",
            "pfho": "on",
            "pfho_naam": "PFHO Sociaal",
            "adviesraden": "Adviesraad Hilversum\nAdviesraad Huizen",
            "colleges": "on",
        },
    )
    assert antwoord.status_code == 302
    gremia = beheerder.gremia
    assert gremia.count() == 7
    assert sorted(gremia.filter(soort=GremiumSoort.COLLEGE).values_list("naam", flat=True)) == [
        "College van B&W Blaricum",
        "College van B&W Hilversum",
        "College van B&W Huizen",
    ]
    antwoord = client.post(_url("inrichten_gremia", beheerder), {"colleges": "on"})
    assert "deze gremia bestaan al" in antwoord.content.decode()


def test_voorzieningen_uit_de_lijst_en_getypt_en_traject(client, beheerder):
    antwoord = client.post(
        _url("inrichten_voorzieningen", beheerder),
        {
            "gangbaar": ["Huishoudelijke hulp", "Jeugd-ggz"],
            "eigen": "Schuldhulpverlening",
            "wet": "participatiewet",
            "soort": "algemeen",
            "inkoopniveau": "lokaal",
        },
    )
    assert antwoord.status_code == 302
    namen = dict(beheerder.voorzieningen.values_list("naam", "wet"))
    assert namen == {
        "Huishoudelijke hulp": "wmo",
        "Jeugd-ggz": "jeugdwet",
        "Schuldhulpverlening": "participatiewet",
    }
    antwoord = client.post(
        _url("inrichten_voorzieningen", beheerder),
        {"gangbaar": ["Jeugd-ggz"], "wet": "wmo", "soort": "maatwerk", "inkoopniveau": "lokaal"},
    )
    assert "Deze regio heeft al: Jeugd-ggz." in antwoord.content.decode()
    ids = list(beheerder.voorzieningen.values_list("pk", flat=True))
    antwoord = client.post(
        _url("inrichten_traject", beheerder),
        {"naam": "Inkoop 2028", "startjaar": 2028, "voorzieningen": ids},
    )
    assert antwoord.status_code == 302
    traject = beheerder.trajecten.get()
    assert traject.slug == "inkoop-2028" and traject.scope.count() == 3


def test_uitnodiging_per_mail_met_link_om_een_wachtwoord_te_kiezen(
    client, beheerder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            _url("inrichten_gebruikers", beheerder),
            {"naam": "Anna de Vries", "email": "Anna@Gooi.example", "rol": Rol.BELEIDSADVISEUR},
        )
    assert antwoord.status_code == 302
    anna = get_user_model().objects.get(email="anna@gooi.example")
    assert not anna.has_usable_password() and anna.first_name == "Anna"
    assert Roltoewijzing.objects.get(gebruiker=anna).uitnodiging_verstuurd is not None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@gooi.example"]
    link = re.search(r"http://[^/]+(/account/wachtwoord/\S+/)", mail.outbox[0].body).group(1)
    client.logout()
    antwoord = client.get(link, follow=True)
    assert "Wachtwoord kiezen" in antwoord.content.decode()
    antwoord = client.post(
        antwoord.redirect_chain[-1][0],
        {"new_password1": "Een-lang-wachtwoord-2026", "new_password2": "Een-lang-wachtwoord-2026"},
    )
    assert antwoord.status_code == 302
    anna.refresh_from_db()
    assert anna.check_password("Een-lang-wachtwoord-2026")
    # the task again: sent once only
    assert uitnodiging_versturen(Roltoewijzing.objects.get(gebruiker=anna).pk) is False
    assert len(mail.outbox) == 1


def test_leeg_document_van_gekozen_soort(client, beheerder):
    traject = TrajectFactory(regio=beheerder)
    antwoord = client.post(
        _url("inrichten_document", beheerder),
        {"traject": traject.pk, "soort": "inkoopstrategie", "titel": "Inkoopstrategie 2028"},
    )
    assert antwoord.status_code == 302
    document = Document.objects.get(traject=traject)
    assert (document.soort, document.titel, document.secties.count()) == (
        "inkoopstrategie",
        "Inkoopstrategie 2028",
        0,
    )


def test_naam_en_omschrijving_wijzigen_en_een_verouderde_pagina_overschrijft_niets(
    client, beheerder
):
    url = _url("inrichten_regio", beheerder)
    assert client.get(url).status_code == 200
    antwoord = client.post(url, {"naam": "Regio Gooi en Vecht", "omschrijving": "Acht gemeenten",
                                 "revisie": "1"})  # fmt: skip
    assert antwoord.status_code == 302
    beheerder.refresh_from_db()
    assert (beheerder.naam, beheerder.omschrijving, beheerder.slug) == (
        "Regio Gooi en Vecht", "Acht gemeenten", "gv"
    )  # fmt: skip
    # A page opened before that save (revision 1) writes nothing and shows the conflict.
    antwoord = client.post(url, {"naam": "Oude naam", "omschrijving": "", "revisie": "1"})
    assert antwoord.status_code == 200
    beheerder.refresh_from_db()
    assert beheerder.naam == "Regio Gooi en Vecht"
    assert "Regio Gooi en Vecht" in antwoord.content.decode()  # the stored value is shown


def test_regio_wijzigen_alleen_voor_wie_inricht(client):
    regio = RegioFactory(slug="ander")
    client.force_login(UserFactory())
    assert (
        client.post(_url("inrichten_regio", regio), {"naam": "X", "revisie": "1"}).status_code
        == 403
    )


def test_tooi_organisatie_instellen_met_controle_van_de_vorm(client, beheerder):
    """The region administrator sets the TOOI reference (the publisher in the DiWoo sitemap);
    a malformed one is refused at the field in Dutch, with what was typed kept."""
    url = _url("inrichten_regio", beheerder)
    fout = "https://identifier.overheid.nl/tooi/gemeente/GM0297"
    antwoord = client.post(url, {"naam": beheerder.naam, "tooi": fout, "revisie": "1"})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200 and "Een TOOI-verwijzing ziet eruit als" in html
    assert f'value="{fout}"' in html
    beheerder.refresh_from_db()
    assert beheerder.tooi == ""
    goed = "https://identifier.overheid.nl/tooi/id/oorg/oorg10103"
    antwoord = client.post(url, {"naam": beheerder.naam, "tooi": goed, "revisie": "1"})
    assert antwoord.status_code == 302
    beheerder.refresh_from_db()
    assert beheerder.tooi == goed
    assert beheerder.history.first().history_user.username == "beheerder"
