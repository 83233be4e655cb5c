"""Issue 11: nothing is thrown away without a word. One regression test per hole; each failed
on the code before its fix."""

import inspect
import logging
import re
from html import escape, unescape

import pytest
from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.urls import reverse

from inkoop.besluitvorming import forms as bv_forms
from inkoop.besluitvorming import services as bv_services
from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit
from inkoop.core.markdown import naar_html, sanitise
from inkoop.core.regels import EenRegelFilter, een_regel
from inkoop.core.velden import MAX_LANGE_TEKST, LangeTekst
from inkoop.inrichting import forms as inrichting_forms
from inkoop.sessies import forms as sessie_forms
from inkoop.trajecten import forms as planning_forms
from inkoop.trajecten.constants import GremiumSoort
from inkoop.uitwisseling import forms as uitwisseling_forms
from inkoop.uitwisseling.forms import MAX_PLAKTEKST
from regions import forms as regio_forms
from regions.constants import Rol
from tests.factories import DocumentFactory, GremiumFactory, SectieFactory, TrajectFactory
from tests.factories.besluitvorming import BeslispuntFactory, VersieFactory, VoorstelFactory
from tests.formulier_html import formulieren
from tests.hypothesis_helpers import is_nederlands
from uitgangspunten import forms as up_forms
from uitgangspunten.models import Versie

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(regio, adviseur):
    document = DocumentFactory(traject=TrajectFactory(regio=regio), aangemaakt_door=adviseur)
    SectieFactory(document=document, titel="Inleiding", tekst="De inleiding.")
    return document


# ---------- 3. Freezing a version keeps its note or says why not ----------


def test_versie_vastleggen_met_ongeldige_toelichting_bevriest_niet(client_als, adviseur, document):
    client = client_als(adviseur)
    response = client.post(
        reverse("uitgangspunten:versie_vastleggen", args=[document.pk]), {"toelichting": "x" * 300}
    )
    assert not Versie.objects.filter(document=document).exists()
    assert response.status_code == 200
    assert "x" * 300 in response.text  # what was typed stays
    assert "De toelichting is te lang: maximaal 250 tekens, nu 300." in response.text


# ---------- 4. One limit for every long text; nothing cut without a word ----------

FORMULIERMODULES = [
    up_forms, bv_forms, sessie_forms, planning_forms, regio_forms, inrichting_forms,
    uitwisseling_forms,
]  # fmt: skip


def _formulierklassen():
    for module in FORMULIERMODULES:
        for naam, klasse in inspect.getmembers(module, inspect.isclass):
            if issubclass(klasse, forms.BaseForm) and klasse.__module__ == module.__name__:
                yield f"{module.__name__}.{naam}", klasse


def test_elk_lang_tekstveld_heeft_de_ene_limiet():
    zonder = []
    for naam, klasse in _formulierklassen():
        for veld_naam, veld in klasse.base_fields.items():
            if not isinstance(veld.widget, forms.Textarea):
                continue
            limieten = [v.limit_value for v in veld.validators if isinstance(v, MaxLengthValidator)]
            if (naam, veld_naam) == ("inkoop.uitwisseling.forms.VerslagForm", "plakken"):
                assert limieten == [MAX_PLAKTEKST]  # an import: its own limit (see the form)
                continue
            if not isinstance(veld, LangeTekst) or not limieten or max(limieten) > MAX_LANGE_TEKST:
                zonder.append(f"{naam}.{veld_naam}")
            # The browser must not cut pasted text: no maxlength on the textarea.
            assert "maxlength" not in veld.widget_attrs(veld.widget), f"{naam}.{veld_naam}"
    assert zonder == []


def test_voorstelvelden_weigeren_te_lange_tekst_met_nederlandse_melding(regio):
    traject = TrajectFactory(regio=regio)
    gremium = GremiumFactory(regio=regio)
    te_lang = "a" * (MAX_LANGE_TEKST + 1)
    form = bv_forms.VoorstelForm(
        {"gremium": gremium.pk, "onderwerp": "Notitie", "beslispunten": "Instemmen",
         "argumenten": te_lang, "revisie": 1},
        traject=traject,
    )  # fmt: skip
    assert not form.is_valid()
    assert form.errors["argumenten"] == ["De tekst is te lang: maximaal 20.000 tekens, nu 20001."]


def test_markdown_kapt_niets_af():
    lang = "woord " * 12_000 + "HET-EINDE"
    assert "HET-EINDE" in naar_html(lang)


def test_editor_toont_en_pdf_drukt_een_lange_sectie_helemaal(client_als, adviseur, document):
    """A section longer than the old cut (50.000 characters, set outside the form) is shown
    whole in the editor and the preview."""
    sectie = document.secties.get()
    sectie.tekst = "alinea " * 8_000 + "HET-EINDE"
    sectie.save()
    client = client_als(adviseur)
    for naam in ("document", "voorbeeld"):
        html = client.get(reverse(f"uitgangspunten:{naam}", args=[document.pk])).text
        assert "HET-EINDE" in html, naam


# ---------- 9. A decision from a stale form is refused ----------


@pytest.fixture
def voorstel_met_punt(regio, adviseur):
    traject = TrajectFactory(regio=regio)
    versie = VersieFactory(document=DocumentFactory(traject=traject), goedgekeurd=True)
    pfho = GremiumFactory(regio=regio, soort=GremiumSoort.PFHO, naam="PFHO")
    voorstel = VoorstelFactory(traject=traject, gremium=pfho, opgesteld_door=adviseur)
    voorstel.versies.add(versie)
    BeslispuntFactory(voorstel=voorstel, nummer=1, tekst="In te stemmen met de notitie.")
    return voorstel


def _besluit_url(voorstel):
    traject = voorstel.traject
    return reverse(
        "inkoop:besluit_nieuw", kwargs={"regio": traject.regio.slug, "slug": traject.slug}
    )


def test_besluit_uit_verouderd_formulier_wordt_geweigerd(
    client_als, met_rol, regio, adviseur, voorstel_met_punt
):
    voorstel = voorstel_met_punt
    secretaris = met_rol(Rol.SECRETARIS, regio)
    client = client_als(secretaris)
    pagina = client.get(_besluit_url(voorstel), {"voorstel": voorstel.pk})
    formulier = next(f for f in formulieren(pagina.text) if "uitkomst" in f.namen)
    data = formulier.data() | {"datum": ["2027-02-06"], "uitkomst": [Uitkomst.VRIJGEGEVEN]}
    # Meanwhile the advisor rewrites the decision point.
    bv_services.voorstel_opslaan(
        traject=voorstel.traject, door=adviseur, voorstel=voorstel, revisie=voorstel.revisie,
        gegevens={"gremium": voorstel.gremium, "onderwerp": voorstel.onderwerp},
        beslispunten=["Af te wijzen."], versies=list(voorstel.versies.all()),
    )  # fmt: skip
    antwoord = client.post(_besluit_url(voorstel), data)
    assert antwoord.status_code == 200
    assert not Besluit.objects.exists()
    assert "Het voorstel is gewijzigd nadat u dit formulier opende" in antwoord.text, (
        antwoord.context["form"].errors
    )
    assert "Af te wijzen." in antwoord.text and "In te stemmen" not in antwoord.text
    # The form shown again is based on the current revision: saving it now records.
    opnieuw = next(f for f in formulieren(antwoord.text) if "uitkomst" in f.namen)
    assert client.post(_besluit_url(voorstel), opnieuw.data()).status_code == 302
    assert Besluit.objects.get().punten.get().beslispunt.tekst == "Af te wijzen."


def test_besluit_op_voorstel_zonder_revisie_toont_eerst_de_beslispunten(
    client_als, met_rol, regio, voorstel_met_punt
):
    """A proposal chosen in the list (the page showed no decision points) is not decided
    blindly: the form comes back with its decision points."""
    voorstel = voorstel_met_punt
    client = client_als(met_rol(Rol.SECRETARIS, regio))
    data = {"gremium": voorstel.gremium_id, "datum": "2027-02-06",
            "uitkomst": Uitkomst.VRIJGEGEVEN, "voorstel": voorstel.pk}  # fmt: skip
    antwoord = client.post(_besluit_url(voorstel), data)
    assert antwoord.status_code == 200 and not Besluit.objects.exists()
    assert "Controleer de beslispunten" in antwoord.text
    assert "In te stemmen met de notitie." in antwoord.text


# ---------- 24. Sanitiser, passwords, caching, one-line subjects and log lines ----------


PROTOCOL_RELATIEF = [
    "//evil.example/x", "/\\evil.example", "\\\\evil.example", "/\t/evil.example",
    " //evil.example", "//evil.example:443/x", "/\n/evil.example",
]  # fmt: skip


def _naar_andere_host(html: str) -> list[str]:
    """The hrefs a browser would follow to another host: it drops tabs and newlines from an
    address and reads a backslash as a slash."""
    hrefs = re.findall(r'href="([^"]*)"', html)
    return [h for h in hrefs if re.sub(r"[\x00-\x20]", "", unescape(h)).replace("\\", "/")
            .startswith("//")]  # fmt: skip


@pytest.mark.parametrize("link", PROTOCOL_RELATIEF)
def test_protocol_relatieve_link_verdwijnt(link):
    html = naar_html(f"[klik]({link})")
    assert _naar_andere_host(html) == [], html
    # Also when the HTML reaches the sanitiser directly (not through markdown's own encoding).
    schoon = sanitise(f'<a href="{escape(link)}">klik</a>')
    assert _naar_andere_host(schoon) == [] and ">klik</a>" in schoon, schoon


def test_gewone_links_en_voetnoten_blijven():
    html = naar_html("[a](https://overheid.nl) [b](/documenten/1/) voet[^1]\n\n[^1]: n")
    assert 'href="https://overheid.nl"' in html and 'href="/documenten/1/"' in html
    assert 'href="#fn1"' in html


@pytest.mark.parametrize(
    "wachtwoord",
    ["aaaaaaaaaaaa", "wachtwoord123", "Wachtwoord2026!", "welkomwelkom1", "abababababab",
     "123412341234", "Feyenoord1908"],
)  # fmt: skip
def test_zwakke_wachtwoorden_geweigerd_met_nederlandse_melding(wachtwoord):
    with pytest.raises(ValidationError) as fout:
        validate_password(wachtwoord)
    assert all(is_nederlands(m) for m in fout.value.messages), fout.value.messages


def test_sterk_wachtwoord_geaccepteerd():
    validate_password("Kraanvogel-Eemnes-Ronde-7")


def test_ingelogde_paginas_worden_niet_bewaard(client_als, adviseur, document):
    client = client_als(adviseur)
    for url in (reverse("inkoop:regios"), reverse("uitgangspunten:document", args=[document.pk])):
        cache = client.get(url)["Cache-Control"]
        assert "private" in cache and "no-store" in cache, (url, cache)


def test_inlogpagina_mag_gewoon_geen_private_nodig(client):
    # The login page itself is the same for everyone; it must not be stored either (CSRF).
    assert "no-store" in client.get(reverse("login"))["Cache-Control"]


@pytest.mark.parametrize("titel", ["Notitie\r\nBcc: iemand@evil.example", "Notitie\nregel 2"])
def test_titel_met_regeleinde_wordt_geweigerd_met_melding(titel):
    form = up_forms.KopForm({"titel": titel, "revisie": 1})
    assert not form.is_valid()
    assert form.errors["titel"] == ["Dit veld past op één regel: haal de regeleinden weg."]


def test_elk_eenregelig_veld_weigert_regeleinden():
    """Every single-line text field of every form (the fields a subject or a log line is made
    of) refuses a line break, as the browser would never send one."""
    zonder = []
    for naam, klasse in _formulierklassen():
        for veld_naam, veld in klasse.base_fields.items():
            if type(veld) is forms.CharField and not isinstance(
                veld.widget, forms.Textarea | forms.HiddenInput | forms.PasswordInput
            ):
                try:
                    veld.clean("a\r\nb")
                except ValidationError:
                    continue
                zonder.append(f"{naam}.{veld_naam}")
    assert zonder == []


def test_een_regel_voor_onderwerp_en_log():
    assert een_regel("Notitie\r\nBcc: x@evil.example") == "Notitie Bcc: x@evil.example"
    record = logging.LogRecord("x", logging.WARNING, "", 0, "Mail '%s' weg", ("a\nb",), None)
    assert EenRegelFilter().filter(record) and record.getMessage() == "Mail 'a\\nb' weg"


# ---------- 13. Dates and periods have a sensible range ----------


@pytest.mark.parametrize("datum", ["1999-12-31", "2101-01-01", "0001-01-01", "9999-12-31"])
def test_datum_buiten_bereik_geweigerd(datum):
    form = up_forms.KopForm({"titel": "Notitie", "datum": datum, "revisie": 1})
    assert not form.is_valid()
    assert form.errors["datum"] == ["Kies een datum tussen 01-01-2000 en 31-12-2100."]


@pytest.mark.parametrize("periode", ["Q1 0000", "maart 1999", "Q4 2101", "Q1 ٢٠٢٠"])
def test_periode_buiten_bereik_geweigerd(periode):
    form = planning_forms.MijlpaalForm(
        {"omschrijving": "Mijlpaal", "periode": periode, "status": "gepland", "volgorde": 1}
    )
    assert not form.is_valid()
    assert "Gebruik een jaar van 2000 tot en met 2100" in form.errors["periode"][0]
