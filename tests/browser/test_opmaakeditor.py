"""The opmaakeditor (docs/editor.md): typing with toolbar and keyboard only, pasting from Word,
accessibility at 1280 and 390 px, the plain textarea without JavaScript, and the markdown
round trip of the demo texts."""

import io
import re
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import expect

from inkoop.besluitvorming import pdf as besluitvorming_pdf
from inkoop.core.markdown import naar_html
from inkoop.pdf import render as pdf
from regions.constants import Rol
from tests.browser.conftest import toegankelijk
from tests.factories import (
    DocumentFactory,
    RegioFactory,
    RoltoewijzingFactory,
    SectieFactory,
    TrajectFactory,
    UserFactory,
)
from uitgangspunten import services
from uitgangspunten.models import Sectie

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def document():
    regio = RegioFactory(naam="Regio Gooi en Vechtstreek", slug="gv")
    adviseur = UserFactory(username="adviseur", first_name="Anna", last_name="de Vries")
    RoltoewijzingFactory(gebruiker=adviseur, regio=regio, rol=Rol.BELEIDSADVISEUR)
    traject = TrajectFactory(regio=regio, naam="Inkoop 2027", slug="inkoop-2027")
    document = DocumentFactory(
        traject=traject, titel="Uitgangspuntennotitie", aangemaakt_door=adviseur
    )
    SectieFactory(document=document, titel="Visie", tekst="Oude tekst.", volgorde=0)
    return document


def bewerken(pagina, document, titel="Visie"):
    pagina.goto(f"/documenten/{document.pk}/")
    pagina.get_by_role("link", name=re.compile(rf"^Bewerken ?: {titel}$")).click()
    editor = pagina.get_by_role("textbox", name=re.compile(r"^Tekst"))
    expect(editor).to_be_focused()
    return editor


def markdown(pagina):
    """What the form will send: the (hidden) textarea the editor keeps filled."""
    return pagina.locator("textarea[data-opmaak]").input_value()


def knop(pagina, tekst):
    """A toolbar button by keyboard only: Alt+F10 from the text to the toolbar (one tab stop,
    roving focus; Shift+Tab too, except in a table), Home, ArrowRight to the button, Enter;
    focus goes back to the text."""
    pagina.keyboard.press("Alt+F10")
    assert pagina.evaluate("document.activeElement.closest('[role=toolbar]') !== null"), (
        pagina.evaluate("document.activeElement.outerHTML.slice(0, 300)")
    )
    pagina.keyboard.press("Home")
    for _ in range(20):
        if pagina.evaluate("document.activeElement.textContent") == tekst:
            break
        pagina.keyboard.press("ArrowRight")
    assert pagina.evaluate("document.activeElement.textContent") == tekst
    pagina.keyboard.press("Enter")
    assert pagina.evaluate("document.activeElement.closest('.app-opmaak__tekst') !== null"), (
        tekst,
        pagina.evaluate("document.activeElement.outerHTML.slice(0, 200)"),
    )


def typ(pagina, *stukken):
    for stuk in stukken:
        if stuk.startswith("<") and stuk.endswith(">"):
            pagina.keyboard.press(stuk[1:-1])
        else:
            pagina.keyboard.type(stuk)


def structuur(tekst_html):
    """The structure to find on the page, in the preview (and, as text, in the PDF)."""
    return {
        "kop": "Onze visie" in tekst_html,
        "genest": bool(re.search(r"<li>Eerst\s*<ul>\s*<li>Genest</li>", tekst_html)),
        "tabel": "<th>Jaar</th>" in tekst_html and "<td>2026</td>" in tekst_html,
    }


def test_typen_met_werkbalk_en_toetsenbord_tot_in_de_pdf(inloggen, document):
    # An introduction with a footnote before the text: the PDF numbers over the whole
    # document, so the page and the editor number this text's footnotes 2 and 3.
    Sectie.objects.filter(document=document).update(volgorde=1)
    SectieFactory(
        document=document, titel="Inleiding", volgorde=0,
        tekst="Vooraf.[^1]\n\n[^1]: Een noot vooraf.",
    )  # fmt: skip
    pagina = inloggen("adviseur")
    bewerken(pagina, document)
    toegankelijk(pagina, "editor open")

    pagina.keyboard.press("Control+A")
    typ(pagina, "Onze visie")
    knop(pagina, "Kop")
    typ(pagina, "<Enter>", "Wat we doen:", "<Enter>")
    knop(pagina, "Opsomming")
    typ(pagina, "Eerst", "<Enter>", "Genest")
    knop(pagina, "Inspringen")
    typ(pagina, "<Enter>", "<Control+BracketLeft>", "Daarna", "<Enter>", "<Enter>")
    knop(pagina, "Tabel")
    # The header cell's text is selected: type over it, Tab to the next cell.
    typ(pagina, "Jaar", "<Tab>", "Bedrag", "<Tab>", "2026", "<Tab>", "10")
    knop(pagina, "Rij erbij")
    typ(pagina, "2027", "<Tab>", "12", "<ArrowDown>")
    typ(pagina, "Dit is ")
    pagina.keyboard.press("Control+B")
    typ(pagina, "vet")
    pagina.keyboard.press("Control+B")
    typ(pagina, " met een noot")
    knop(pagina, "Voetnoot")
    typ(pagina, "Eerste bron.", "<Enter>", " en nog een")
    knop(pagina, "Voetnoot")
    typ(pagina, "Tweede bron.", "<Escape>", ".")

    nummers = pagina.locator(".app-opmaak__tekst .app-voetnoot")
    expect(nummers).to_have_count(2)
    assert [nummers.nth(i).get_attribute("data-nummer") for i in range(2)] == ["2", "3"]
    assert markdown(pagina) == (
        "## Onze visie\n\nWat we doen:\n\n- Eerst\n  - Genest\n- Daarna\n\n"
        "| Jaar | Bedrag |\n| --- | --- |\n| 2026 | 10 |\n| 2027 | 12 |\n\n"
        "Dit is **vet** met een noot[^1] en nog een[^2].\n\n"
        "[^1]: Eerste bron.\n[^2]: Tweede bron."
    )

    # Save with the keyboard: Tab leaves the text for "Opslaan".
    for _ in range(6):
        pagina.keyboard.press("Tab")
        if pagina.evaluate("document.activeElement.textContent.trim()") == "Opslaan":
            break
    pagina.keyboard.press("Enter")
    expect(pagina.locator("#opslagstatus")).to_have_text("Opgeslagen")
    sectie = Sectie.objects.get(document=document, titel="Visie")
    assert "[^2]: Tweede bron." in sectie.tekst

    # On the page after a reload, in the preview, and in the PDF: the same structure, the
    # same footnote numbers.
    pagina.reload()
    tekst = pagina.locator(f"#s-{sectie.pk} .app-tekst").inner_html()
    assert structuur(tekst) == {"kop": True, "genest": True, "tabel": True}
    refs = pagina.locator(f"#s-{sectie.pk} sup a[href^='#fn']")
    expect(refs).to_have_text(["[2]", "[3]"])

    pagina.goto(f"/documenten/{document.pk}/voorbeeld/")
    voorbeeld = pagina.locator("main").inner_html()
    assert structuur(voorbeeld) == {"kop": True, "genest": True, "tabel": True}
    toegankelijk(pagina, "voorbeeld")

    versie = services.versie_vastleggen(document=document, auteur=document.aangemaakt_door)
    bron = besluitvorming_pdf.versie_bron(versie)
    html, pdf_bytes = pdf.render_pdf(bron.template, bron.context, metadata=bron.metadata)
    assert structuur(html) == {"kop": True, "genest": True, "tabel": True}
    assert re.search(r'<span class="footnote"[^>]*>Eerste bron\.</span>', html)
    alles = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert "Onze visie" in alles and "Genest" in alles and "2027" in alles
    # The footnote numbers of the PDF (WeasyPrint's footnote counter over the whole document)
    # are 2 and 3, as on the page and in the editor.
    assert re.search(r"1\.\s*Een noot vooraf\.", alles)
    assert re.search(r"2\.\s*Eerste bron\.", alles) and re.search(r"3\.\s*Tweede bron\.", alles)
    pagina.goto(f"/documenten/{document.pk}/voorbeeld/")
    expect(pagina.locator(f"#sectie-{sectie.pk} sup a[href^='#fn']")).to_have_text(["[2]", "[3]"])

    # Opened again, the editor shows the same: numbers 2 and 3, the text unchanged.
    bewerken(pagina, document)
    nummers = pagina.locator(".app-opmaak__tekst .app-voetnoot")
    expect(nummers).to_have_count(2)
    assert [nummers.nth(i).get_attribute("data-nummer") for i in range(2)] == ["2", "3"]
    expect(pagina.locator(".app-opmaak__tekst table th").first).to_have_text("Jaar")
    assert markdown(pagina) == sectie.tekst


def test_een_voetnoot_erbij_hernummert_de_latere_secties_zonder_herladen(inloggen, document):
    slot = SectieFactory(
        document=document, titel="Slot", volgorde=1, tekst="Tot slot.[^1]\n\n[^1]: Slotnoot."
    )
    pagina = inloggen("adviseur")
    bewerken(pagina, document)
    pagina.keyboard.press("End")
    knop(pagina, "Voetnoot")
    typ(pagina, "Nieuwe noot.", "<Escape>")
    pagina.get_by_role("button", name="Opslaan").click()
    expect(pagina.locator("#opslagstatus")).to_have_text("Opgeslagen")
    # The later section came along out of band: its note is now number 2, as in the PDF.
    expect(pagina.locator(f"#sectie-{slot.pk} sup a[href^='#fn']")).to_have_text(["[2]"])
    expect(pagina.locator(f"#sectie-{slot.pk} ol")).to_have_attribute("start", "2")


# What Word (Office 365, Windows) puts on the clipboard: mso- styles and classes, spans, fonts,
# colours, an image, list paragraphs and a footnote at the end.
WORD_KLEMBORD = (Path(__file__).parent.parent / "fixtures" / "word_klembord.html").read_text()


def plakken(pagina, html, tekst="platte tekst"):
    pagina.evaluate(
        """([html, tekst]) => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', tekst);
            document.querySelector('.app-opmaak__tekst').dispatchEvent(
                new ClipboardEvent('paste',
                    {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        [html, tekst],
    )


def test_plakken_uit_word_geeft_schone_inhoud(inloggen, document):
    pagina = inloggen("adviseur")
    bewerken(pagina, document)
    pagina.keyboard.press("Control+A")
    plakken(pagina, WORD_KLEMBORD)
    waarde = markdown(pagina)
    assert waarde == (
        "# Ontwikkelingen\n\n"
        "De regio kiest voor **minder aanbieders** en *meer* samenwerking[^1].\n\n"
        "- Eerste punt\n  - Onderpunt\n\n"
        "| **Jaar** | Bedrag |\n| --- | --- |\n| 2026 | 10 |\n\n"
        "[^1]: Bron: jaarverslag 2025."
    ), waarde
    editor_html = pagina.locator(".app-opmaak__tekst").inner_html()
    for vuil in ("mso-", "style=", "<span>", "Calibri", "color", "<img", 'class="Mso', "o:p"):
        assert vuil not in editor_html, vuil

    pagina.get_by_role("button", name="Opslaan", exact=True).click()
    expect(pagina.locator("#opslagstatus")).to_have_text("Opgeslagen")
    assert Sectie.objects.get(document=document).tekst == waarde


def test_plakken_van_een_webpagina_met_voetnoten(inloggen, document):
    pagina = inloggen("adviseur")
    bewerken(pagina, document)
    pagina.keyboard.press("Control+A")
    # What a page rendered by markdown-it (ours, or a wiki) puts on the clipboard.
    plakken(pagina, str(naar_html("Zie *hier*[^1] en [daar](https://overheid.nl).\n\n[^1]: Noot.")))
    assert markdown(pagina) == "Zie *hier*[^1] en [daar](https://overheid.nl).\n\n[^1]: Noot."


@pytest.mark.parametrize("breedte", [1280, 390])
def test_editor_toegankelijk(inloggen, document, breedte):
    sectie = Sectie.objects.get(document=document)
    sectie.tekst = (
        "## Kop\n\n- een\n  - twee\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n"
        "Noot[^1].\n\n[^1]: Tekst."
    )
    sectie.save()
    pagina = inloggen("adviseur")
    pagina.set_viewport_size({"width": breedte, "height": 900})
    bewerken(pagina, document)
    # Inside the table the table buttons show; the page never scrolls sideways.
    pagina.locator(".app-opmaak__tekst td").first.click()
    expect(pagina.get_by_role("button", name=re.compile("^Rij erbij"))).to_be_visible()
    toegankelijk(pagina, f"editor op {breedte} px")
    assert pagina.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    werkbalk = pagina.get_by_role("toolbar", name=re.compile("^Opmaak van Tekst"))
    expect(werkbalk).to_be_visible()
    # One tab stop for the whole toolbar.
    assert werkbalk.locator("button[tabindex='0']").count() == 1


def test_zonder_javascript_een_gewoon_tekstvak(chromium, live_server, document):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    pagina = context.new_page()
    try:
        pagina.goto("/account/inloggen/")
        pagina.get_by_label("Gebruikersnaam").fill("adviseur")
        pagina.get_by_label("Wachtwoord").fill("test-wachtwoord-123")
        pagina.get_by_role("button", name="Inloggen").click()
        sectie = Sectie.objects.get(document=document)
        pagina.goto(f"/documenten/{document.pk}/secties/{sectie.pk}/bewerken/")
        vak = pagina.get_by_role("textbox", name=re.compile(r"^Tekst"))
        expect(vak).to_be_visible()
        vak.fill("Zonder script, **vet** en een noot[^1].\n\n[^1]: Bron.")
        pagina.get_by_role("button", name="Opslaan", exact=True).click()
        pagina.wait_for_load_state()
        sectie.refresh_from_db()
        assert (
            sectie.tekst.replace("\r\n", "\n")
            == "Zonder script, **vet** en een noot[^1].\n\n[^1]: Bron."
        )
    finally:
        context.close()


def test_markdown_heen_en_terug_verandert_de_weergave_niet(pagina, live_server):
    """Every demo text, read into the editor and written back, renders to the same HTML on the
    server: the editor's markdown is faithful for what the app holds."""
    from django.core.management import call_command

    from inkoop.besluitvorming.models import Voorstel
    from inkoop.sessies.models import Sessie, Stelling
    from inkoop.trajecten.models import TrajectVoorziening
    from uitgangspunten.models import Uitgangspunt

    call_command("load_demo", verbosity=0, force=True)
    teksten = [
        *Sectie.objects.values_list("tekst", flat=True),
        *Uitgangspunt.objects.values_list("uitleg", flat=True),
        *TrajectVoorziening.objects.values_list("ontwikkelingen", flat=True),
        *Sessie.objects.values_list("doel", flat=True),
        *Sessie.objects.values_list("verslag_inleiding", flat=True),
        *Stelling.objects.values_list("toelichting", flat=True),
        *[
            getattr(v, veld)
            for v in Voorstel.objects.all()
            for veld in ("aanleiding", "argumenten", "kanttekeningen", "financien")
        ],
        # What a Word import writes (pandoc), and the notations the server reads.
        "1. een\n2. twee\n\n    * diep\n\n10) tien",
        "Tekst met [onderstreept]{.underline} en `code` en een\\\nharde regel.",
        "> citaat met **vet**\n\n***\n\n| links | midden | rechts |\n|:--|:-:|--:|\n| a | b | c |",
        "Noot[^a] en inline noot^[Binnen de tekst] en weer[^b].\n\n[^b]: Twee.\n[^a]: Een.",
    ]
    teksten = [t for t in teksten if t]
    assert len(teksten) > 20
    pagina.goto("/account/inloggen/")
    terug = pagina.evaluate(
        "ts => ts.map(t => opmaakeditor.naarMarkdown(opmaakeditor.vanMarkdown(t)))", teksten
    )
    verschillen = [
        (t, u)
        for t, u in zip(teksten, terug, strict=True)
        if naar_html(t, "k") != naar_html(u, "k")
    ]
    assert verschillen == []
