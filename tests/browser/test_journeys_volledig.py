"""Journeys not covered elsewhere, with axe-core (WCAG 2.1 AA) on every page visited:

- keyboard only: an advisor logs in, edits a section (toolbar included), saves and moves a
  section, with visible and logical focus after every step that matters;
- freeze a version, make its PDF, download it and read it (pypdf); a reader gets no draft PDF;
- the portefeuillehouder reads the decision status and the planning; the secretary records a
  session with a conclusion and an action item.
"""

import datetime as dt
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.trajecten.constants import GremiumSoort
from regions.constants import Rol
from tests.browser.conftest import WACHTWOORD, datum_invullen, toegankelijk
from tests.factories import (
    DocumentFactory,
    GremiumFactory,
    LidmaatschapFactory,
    MijlpaalFactory,
    RegioFactory,
    RoltoewijzingFactory,
    SectieFactory,
    TrajectFactory,
    UserFactory,
)
from tests.factories.besluitvorming import BesluitFactory, CollegeFactory, VersieFactory
from tests.factories.export import document_met_inhoud
from uitgangspunten.models import Sectie, Versie

pytestmark = pytest.mark.django_db(transaction=True)


def _gebruiker(regio, username, rol, **kwargs):
    gebruiker = UserFactory(username=username, **kwargs)
    RoltoewijzingFactory(gebruiker=gebruiker, regio=regio, rol=rol)
    return gebruiker


# ---------- keyboard only ----------


def _focus(pagina) -> dict:
    """What has the focus: its accessible text, tag, id, section and whether it shows focus."""
    return pagina.evaluate(
        """() => {
            const el = document.activeElement;
            const stijl = getComputedStyle(el);
            const li = el.closest('li[data-sectie-id]');
            return {
                tekst: (el.textContent || el.value || el.getAttribute('aria-label') || '')
                       .replace(/\\s+/g, ' ').trim(),
                tag: el.tagName.toLowerCase(),
                id: el.id,
                sectie: li ? li.getAttribute('data-sectie-id') : null,
                zichtbaar: (stijl.outlineStyle !== 'none' && parseFloat(stijl.outlineWidth) > 0)
                           || stijl.boxShadow !== 'none',
            };
        }"""
    )


def _tab_naar(pagina, tekst, *, terug=False, max_stappen=60) -> dict:
    """Press Tab (or Shift+Tab) until the focused element's text is `tekst`; every stop on the
    way must show its focus."""
    toets = "Shift+Tab" if terug else "Tab"
    onderweg = []
    for _ in range(max_stappen):
        pagina.keyboard.press(toets)
        focus = _focus(pagina)
        onderweg.append(focus["tekst"])
        if focus["tag"] != "body":
            assert focus["zichtbaar"], f"geen zichtbare focus op {focus}"
        if focus["tekst"] == tekst:
            return focus
    raise AssertionError(f"{tekst!r} niet bereikt met {toets}; onderweg: {onderweg}")


def _wacht_op_focus(pagina, element_id):
    try:
        pagina.wait_for_function(
            "id => document.activeElement && document.activeElement.id === id",
            arg=element_id,
            timeout=3_000,
        )
    except Exception as exc:
        raise AssertionError(f"focus niet op #{element_id} maar op {_focus(pagina)}") from exc


@pytest.fixture
def editordocument():
    regio = RegioFactory(naam="Regio Gooi en Vechtstreek", slug="gv")
    adviseur = _gebruiker(regio, "adviseur", Rol.BELEIDSADVISEUR, first_name="Anna")
    traject = TrajectFactory(regio=regio, naam="Inkoop 2027", slug="inkoop-2027")
    document = DocumentFactory(
        traject=traject, titel="Uitgangspuntennotitie", aangemaakt_door=adviseur
    )
    SectieFactory(document=document, titel="Inleiding", tekst="De oude inleiding.", volgorde=0)
    SectieFactory(document=document, titel="Evaluatie", tekst="Wat ging goed.", volgorde=1)
    return document


def test_bewerken_alleen_met_toetsenbord(pagina, editordocument):
    document = editordocument
    inleiding = Sectie.objects.get(document=document, titel="Inleiding")
    evaluatie = Sectie.objects.get(document=document, titel="Evaluatie")

    # Log in with the keyboard.
    pagina.goto("/account/inloggen/")
    toegankelijk(pagina, "inlogpagina")
    # The user name field has the focus from the start (autofocus), else Tab reaches it.
    for _ in range(10):
        if _focus(pagina)["id"] == "id_username":
            break
        pagina.keyboard.press("Tab")
    assert _focus(pagina)["id"] == "id_username"
    pagina.keyboard.type("adviseur")
    pagina.keyboard.press("Tab")
    assert _focus(pagina)["id"] == "id_password"
    pagina.keyboard.type(WACHTWOORD)
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_role("heading", name="Mijn regio's")).to_be_visible()

    pagina.goto(document.get_absolute_url())
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Uitgangspuntennotitie")
    toegankelijk(pagina, "documenteditor")

    # Open the first section: the cursor lands in its text.
    _tab_naar(pagina, "Bewerken: Inleiding")
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_role("heading", name="Bewerken: Inleiding")).to_be_visible()
    tekstvak = pagina.get_by_role("textbox", name=re.compile(r"^Tekst"))
    expect(tekstvak).to_be_focused()
    toegankelijk(pagina, "documenteditor met open sectie")

    pagina.keyboard.press("Control+A")
    pagina.keyboard.type("De nieuwe inleiding, alleen getypt.")
    # Shift+Tab reaches the editor's toolbar (one tab stop); the arrow keys go to "Voetnoot",
    # Space inserts it and the cursor is in the footnote's text, selected to be typed over.
    pagina.keyboard.press("Shift+Tab")
    for _ in range(20):
        if _focus(pagina)["tekst"] == "Voetnoot":
            break
        pagina.keyboard.press("ArrowRight")
    pagina.keyboard.press("Space")
    pagina.keyboard.type("Bron: jaarrekening 2025.")
    pagina.keyboard.press("Enter")  # back in the text, after the footnote
    # And a shortcut the toolbar announces (aria-keyshortcuts): Ctrl+B on a selection.
    pagina.keyboard.press("Control+End")
    pagina.keyboard.press("Enter")
    pagina.keyboard.type("Let op")
    for _ in range(len("Let op")):
        pagina.keyboard.press("Shift+ArrowLeft")
    pagina.keyboard.press("Control+B")
    waarde = pagina.locator("textarea[data-opmaak]").input_value()
    assert waarde.startswith("De nieuwe inleiding, alleen getypt.[^1]")
    assert "[^1]: Bron: jaarrekening 2025." in waarde and "**Let op**" in waarde

    # Save with the keyboard: Tab leaves the text for "Opslaan".
    _tab_naar(pagina, "Opslaan", max_stappen=3)
    pagina.keyboard.press("Enter")
    expect(pagina.locator("#opslagstatus")).to_have_text("Opgeslagen")
    item = pagina.locator(f"#s-{inleiding.pk}")
    expect(item.get_by_text("Opgeslagen", exact=True)).to_be_visible()
    expect(item.get_by_text("Bron: jaarrekening 2025.")).to_be_visible()
    # Focus is not lost after the swap: it is on the saved section's first control.
    pagina.wait_for_function(
        "id => document.activeElement.closest('#s-' + id)", arg=inleiding.pk, timeout=3_000
    )
    focus = _focus(pagina)
    assert focus["sectie"] == str(inleiding.pk) and focus["tekst"] == "Bewerken: Inleiding", focus
    assert focus["zichtbaar"], focus
    toegankelijk(pagina, "na opslaan")

    # Move "Evaluatie" up with its button; the focus stays on that section's move button.
    _tab_naar(pagina, "Omhoog: Evaluatie")
    pagina.keyboard.press("Enter")
    expect(pagina.locator("#opslagstatus")).to_contain_text("verplaatst")
    expect(pagina.locator("li[data-sectie-id] section > h2")).to_have_text(
        ["Evaluatie", "Inleiding"]
    )
    # First now, it has only "Omlaag" left: the focus goes there (after htmx settles).
    _wacht_op_focus(pagina, f"omlaag-{evaluatie.pk}")
    focus = _focus(pagina)
    assert focus["zichtbaar"], focus
    toegankelijk(pagina, "na verplaatsen")

    # Enter on the focused button moves it back down; Enter again, up: order as intended.
    pagina.keyboard.press("Enter")
    expect(pagina.locator("li[data-sectie-id] section > h2")).to_have_text(
        ["Inleiding", "Evaluatie"]
    )
    _wacht_op_focus(pagina, f"omhoog-{evaluatie.pk}")
    pagina.keyboard.press("Enter")
    expect(pagina.locator("li[data-sectie-id] section > h2")).to_have_text(
        ["Evaluatie", "Inleiding"]
    )

    pagina.reload()
    expect(pagina.locator("li[data-sectie-id] section > h2")).to_have_text(
        ["Evaluatie", "Inleiding"]
    )
    expect(pagina.get_by_text("De nieuwe inleiding, alleen getypt.")).to_be_visible()
    expect(pagina.locator(f"#s-{inleiding.pk} strong")).to_have_text("Let op")
    inleiding.refresh_from_db()
    assert "Bron: jaarrekening 2025." in inleiding.tekst
    assert list(
        Sectie.objects.filter(document=document)
        .order_by("volgorde")
        .values_list("titel", flat=True)
    ) == ["Evaluatie", "Inleiding"]
    toegankelijk(pagina, "documenteditor na herladen")


# ---------- freeze a version, make and download its PDF ----------


@pytest.fixture
def pdfdocument():
    regio = RegioFactory(naam="Regio Zuid-Kennemerland", slug="zk")
    document = document_met_inhoud(regio, voorzieningen=1, hoofdstukken=1)
    _gebruiker(regio, "adviseur", Rol.BELEIDSADVISEUR)
    _gebruiker(regio, "lezer", Rol.LEZER)
    return document


def test_versie_vastleggen_en_pdf_downloaden(inloggen, pdfdocument, tmp_path):
    document = pdfdocument
    pagina = inloggen("adviseur")
    pagina.goto(document.get_absolute_url())
    toegankelijk(pagina, "documenteditor")
    pagina.get_by_label("Toelichting bij deze versie").fill("Voor het directieoverleg")
    pagina.get_by_role("button", name="Versie vastleggen").click()
    expect(pagina.get_by_text("Versie 1 vastgelegd.")).to_be_visible()
    expect(pagina).to_have_url(re.compile(rf"/documenten/{document.pk}/versies/1/$"))
    toegankelijk(pagina, "versiepagina")

    pagina.get_by_role("link", name="PDF van deze versie").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(
        f"PDF's van {document.titel}, versie 1"
    )
    expect(pagina.get_by_text("De PDF draagt op elke pagina het merk CONCEPT.")).to_be_visible()
    toegankelijk(pagina, "PDF-pagina van de versie")

    notitie = pagina.get_by_role("region", name="Notitie")
    notitie.get_by_role("button", name="PDF maken").click()
    link = notitie.get_by_role("link", name=re.compile(r"\.pdf$"))
    expect(link).to_be_visible(timeout=60_000)  # made at once, or the widget polls until ready
    expect(notitie.get_by_text("Klaar")).to_be_visible()
    toegankelijk(pagina, "PDF-pagina met downloadlink")

    with pagina.expect_download() as wacht:
        link.click()
    download = wacht.value
    assert download.suggested_filename.endswith(".pdf")
    pad = tmp_path / download.suggested_filename
    download.save_as(pad)
    inhoud = pad.read_bytes()
    assert inhoud.startswith(b"%PDF-")
    paginas = [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(inhoud)).pages]
    assert re.sub(r"\s+", "", document.titel) in paginas[0]
    # The CONCEPT mark on every page (letter-spaced in print, hence without spaces here).
    assert all("CONCEPT" in p for p in paginas), paginas

    # A reader of the same region does not get the draft's PDF page.
    versie = Versie.objects.get(document=document, nummer=1)
    pagina = inloggen("lezer")
    antwoord = pagina.goto(f"/documenten/{document.pk}/versies/{versie.nummer}/pdf/")
    assert antwoord.status == 403
    toegankelijk(pagina, "lezer: geen toegang tot concept-PDF")


# ---------- the other roles ----------


@pytest.fixture
def regiodocument():
    regio = RegioFactory(naam="Regio Gooi en Vechtstreek", slug="gv")
    gemeenten = []
    for naam in ("Blaricum", "Huizen"):
        gemeente = LidmaatschapFactory(regio=regio, gemeente__naam=naam).gemeente
        CollegeFactory(regio=regio, gemeente=gemeente)
        gemeenten.append(gemeente)
    pfho = GremiumFactory(regio=regio, soort=GremiumSoort.PFHO, naam="PFHO Sociaal Domein")
    traject = TrajectFactory(regio=regio, naam="Inkoop 2027", slug="inkoop-2027")
    wethouder = UserFactory(username="wethouder", first_name="Wilma", last_name="Bakker")
    RoltoewijzingFactory(
        gebruiker=wethouder, regio=regio, rol=Rol.PORTEFEUILLEHOUDER, gemeente=gemeenten[0]
    )
    _gebruiker(regio, "secretaris", Rol.SECRETARIS, first_name="Sanne", last_name="Visser")
    document = DocumentFactory(traject=traject, titel="Uitgangspuntennotitie 2027")
    versie = VersieFactory(document=document, nummer=1, goedgekeurd=True)
    BesluitFactory(
        gremium=pfho, versie=versie, uitkomst=Uitkomst.VRIJGEGEVEN, datum=dt.date(2027, 2, 1)
    )
    MijlpaalFactory(traject=traject, omschrijving="Besluit colleges", periode="Q2 2027")
    return document


def test_portefeuillehouder_leest_stand_van_besluitvorming_en_planning(inloggen, regiodocument):
    document = regiodocument
    pagina = inloggen("wethouder")
    pagina.goto("/regio/gv/trajecten/inkoop-2027/")
    toegankelijk(pagina, "portefeuillehouder: traject")
    pagina.get_by_role("link", name=document.titel).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(document.titel)
    # Not an editor: no edit controls for this role.
    expect(pagina.get_by_role("link", name=re.compile(r"^Bewerken"))).to_have_count(0)
    expect(pagina.get_by_role("button", name="Versie vastleggen")).to_have_count(0)
    toegankelijk(pagina, "portefeuillehouder: document")

    pagina.get_by_role("link", name="Besluitvorming", exact=True).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(f"Besluitvorming: {document.titel}")
    expect(pagina.locator("#samenvatting")).to_contain_text("(versie 1)")
    expect(pagina.get_by_text("Goedgekeurd").first).to_be_visible()
    expect(pagina.get_by_role("link", name="Besluit vastleggen")).to_have_count(0)
    toegankelijk(pagina, "portefeuillehouder: besluitvorming")

    pagina.get_by_role("link", name="Besluitenlijst").click()
    expect(pagina.get_by_role("row", name=re.compile("PFHO Sociaal Domein"))).to_contain_text(
        "Vrijgegeven voor advies"
    )
    toegankelijk(pagina, "portefeuillehouder: besluitenlijst")
    # The PFHO's own decision list, across rounds.
    pagina.get_by_label("Gremium").select_option(label="PFHO Sociaal Domein")
    pagina.get_by_role("button", name="Tonen").click()
    pagina.get_by_role("link", name="Alle besluiten van PFHO Sociaal Domein").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(
        "Besluitenlijst PFHO Sociaal Domein"
    )
    expect(pagina.get_by_role("row", name=re.compile("Inkoop 2027"))).to_contain_text(
        "Vrijgegeven voor advies"
    )
    toegankelijk(pagina, "portefeuillehouder: besluitenlijst van het PFHO")

    pagina.goto("/regio/gv/trajecten/inkoop-2027/planning/")
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Planning — Inkoop 2027")
    expect(pagina.get_by_text("Besluit colleges")).to_be_visible()
    expect(pagina.get_by_role("link", name=re.compile("Mijlpaal toevoegen"))).to_have_count(0)
    toegankelijk(pagina, "portefeuillehouder: planning")


def test_secretaris_legt_sessie_vast(inloggen, regiodocument):
    pagina = inloggen("secretaris")
    pagina.goto("/regio/gv/trajecten/inkoop-2027/sessies/")
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Sessies")
    toegankelijk(pagina, "secretaris: sessielijst")

    pagina.get_by_role("link", name="Nieuwe sessie").click()
    pagina.get_by_label("Soort", exact=True).select_option(index=1)
    pagina.get_by_label("Gremium").select_option(label="PFHO Sociaal Domein")
    pagina.get_by_label("Titel").fill("PFHO 12 maart")
    datum_invullen(pagina, "Datum", "2027-03-12")
    pagina.get_by_role("group", name="Deelnemers").get_by_label("Sanne Visser").check()
    toegankelijk(pagina, "secretaris: sessieformulier")
    pagina.get_by_role("button", name="Sessie opslaan").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("PFHO 12 maart")
    toegankelijk(pagina, "secretaris: sessiepagina")

    conclusie = pagina.locator("#sectie-conclusie")
    conclusie.locator("summary").click()
    conclusie.get_by_label("Conclusie", exact=True).fill("Het PFHO geeft de notitie vrij.")
    conclusie.get_by_role("button", name="Conclusie toevoegen").click()
    expect(pagina.locator("#sectie-conclusie")).to_contain_text("Het PFHO geeft de notitie vrij.")

    actie = pagina.locator("#sectie-actiepunt")
    actie.locator("summary").click()
    actie.get_by_label("Omschrijving").fill("Notitie naar de colleges sturen")
    actie.get_by_role("button", name="Actiepunt toevoegen").click()
    expect(pagina.locator("#sectie-actiepunt")).to_contain_text(
        "Kies een gebruiker of vul een eigenaar in."
    )
    toegankelijk(pagina, "secretaris: actiepunt met fout")
    actie = pagina.locator("#sectie-actiepunt")
    actie.get_by_label("Eigenaar (gebruiker)").select_option(label="Sanne Visser")
    actie.get_by_role("button", name="Actiepunt toevoegen").click()
    expect(pagina.locator("#sectie-actiepunt")).to_contain_text("Notitie naar de colleges sturen")
    toegankelijk(pagina, "secretaris: sessiepagina met verslag")

    pagina.reload()
    expect(pagina.locator("#sectie-conclusie")).to_contain_text("Het PFHO geeft de notitie vrij.")
    expect(pagina.locator("#sectie-actiepunt")).to_contain_text("Sanne Visser")
