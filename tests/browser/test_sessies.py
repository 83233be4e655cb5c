"""Journey: record a session with a question, its answer and a polled statement, link the
question to a principle with what was done with it, and find it in the response report.
axe-core on every page visited."""

import pytest
from playwright.sync_api import expect

from regions.constants import Rol
from tests.browser.conftest import datum_invullen, toegankelijk
from tests.factories import (
    GremiumFactory,
    RegioFactory,
    RoltoewijzingFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
    UitgangspuntFactory,
    UserFactory,
    VoorzieningFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def gegevens():
    regio = RegioFactory(naam="Regio Gooi en Vechtstreek", slug="gv")
    traject = TrajectFactory(regio=regio, naam="Inkoop 2021 e.v.", slug="inkoop-2021")
    hh = VoorzieningFactory(regio=regio, naam="Huishoudelijke hulp", slug="hh")
    TrajectVoorzieningFactory(traject=traject, voorziening=hh)
    UitgangspuntFactory(traject=traject, titel="Langdurige contracten")
    UitgangspuntFactory(traject=traject, titel="Reële tarieven")
    GremiumFactory(regio=regio, naam="Bestuurlijke sessie zorginkoop", soort="bestuurlijk")
    user = UserFactory(username="adviseur", first_name="Anouk", last_name="de Vries")
    RoltoewijzingFactory(gebruiker=user, regio=regio, rol=Rol.BELEIDSADVISEUR)
    return traject


def test_sessie_vastleggen_tot_reactienota(inloggen, gegevens):
    pagina = inloggen("adviseur")
    pagina.goto("/regio/gv/trajecten/inkoop-2021/")
    toegankelijk(pagina, "trajectpagina")
    pagina.get_by_role("link", name="Alle sessies").click()
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Sessies")
    toegankelijk(pagina, "sessielijst")

    pagina.get_by_role("link", name="Nieuwe sessie").click()
    pagina.get_by_label("Soort", exact=True).select_option(label="Bestuurlijk overleg")
    pagina.get_by_label("Gremium").select_option(label="Bestuurlijke sessie zorginkoop")
    pagina.get_by_label("Titel").fill("Bestuurlijke sessie 18 december")
    datum_invullen(pagina, "Datum", "2019-12-18")
    pagina.get_by_label("Begintijd").fill("14:00")
    pagina.get_by_label("Eindtijd").fill("17:00")
    deelnemers = pagina.get_by_role("group", name="Deelnemers (niet verplicht)")
    deelnemers.get_by_label("Anouk de Vries").check()
    toegankelijk(pagina, "sessieformulier")
    pagina.get_by_role("button", name="Sessie opslaan").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Bestuurlijke sessie 18 december")
    toegankelijk(pagina, "sessiepagina")

    # A question with its answer, added inline (HTMX).
    inbreng = pagina.locator("#sectie-inbreng")
    inbreng.locator("summary").click()
    inbreng.get_by_label("Soort").select_option(label="Vraag")
    inbreng.get_by_label("Voorziening").select_option(label="Huishoudelijke hulp")
    inbreng.get_by_label("Inbreng", exact=True).fill("Wat betekent een langer contract voor ons?")
    inbreng.get_by_label("Antwoord in de sessie").fill("Meer zekerheid om te investeren.")
    inbreng.get_by_label("Afkomstig van").select_option(label="Aanbieder")
    inbreng.get_by_label("Naam bron").fill("Zorg BV")
    inbreng.get_by_role("button", name="Inbreng toevoegen").click()
    expect(pagina.locator("#sectie-inbreng")).to_contain_text("Meer zekerheid om te investeren.")
    toegankelijk(pagina, "sessiepagina met inbreng")

    # A polled statement: first an invalid mean, the error shows in place.
    stelling = pagina.locator("#sectie-stelling")
    stelling.locator("summary").click()
    stelling.get_by_label("Stelling", exact=True).fill("We sluiten langdurige contracten.")
    # Only the fields of the chosen kind of result show.
    stelling.get_by_label("Eens / oneens").check()
    expect(stelling.get_by_label("Aantal eens")).to_be_visible()
    expect(stelling.get_by_label("Gemiddelde score")).to_be_hidden()
    stelling.get_by_label("Schaal (bijvoorbeeld 1–5)").check()
    expect(stelling.get_by_label("Aantal eens")).to_be_hidden()
    stelling.get_by_label("Gemiddelde score").fill("7")
    stelling.get_by_label("Aantal antwoorden (n)").fill("12")
    stelling.get_by_role("button", name="Stelling toevoegen").click()
    expect(pagina.locator("#sectie-stelling")).to_contain_text("Het gemiddelde ligt tussen 1 en 5.")
    toegankelijk(pagina, "stelling met fout")
    stelling = pagina.locator("#sectie-stelling")
    # The form came back with the error: still only the scale's fields.
    expect(stelling.get_by_label("Aantal eens")).to_be_hidden()
    stelling.get_by_label("Gemiddelde score").fill("4,2")
    stelling.get_by_role("button", name="Stelling toevoegen").click()
    expect(pagina.locator("#sectie-stelling")).to_contain_text(
        "Gemiddeld 4,2 op een schaal van 1 tot en met 5 (n = 12)."
    )
    toegankelijk(pagina, "sessiepagina met stelling")

    # Link the question to a principle, with what was done with it.
    pagina.get_by_role("link", name="Verwerking vastleggen").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(
        "Wat is er met deze inbreng gedaan?"
    )
    pagina.get_by_label("Zoek een uitgangspunt").fill("langdurig")
    expect(pagina.get_by_label("Reële tarieven")).to_be_hidden()
    pagina.get_by_label("Langdurige contracten").check()
    pagina.get_by_label("Overgenomen", exact=True).check()
    toegankelijk(pagina, "verwerking")
    pagina.get_by_role("button", name="Verwerking opslaan").click()
    expect(
        pagina.locator(".app-error-line", has_text="Leg uit waarom, behalve bij 'kennisgenomen'.")
    ).to_be_visible()
    pagina.get_by_label("Waarom").fill("De looptijd wordt vijf jaar met verlenging.")
    pagina.get_by_role("button", name="Verwerking opslaan").click()
    expect(pagina.locator("#sectie-inbreng")).to_contain_text("Overgenomen")

    # The response report lists it under its service, with its source and answer.
    pagina.goto("/regio/gv/trajecten/inkoop-2021/reactienota/")
    expect(pagina.get_by_role("heading", name="Huishoudelijke hulp")).to_be_visible()
    rij = pagina.get_by_role("row").filter(has_text="Wat betekent een langer contract voor ons?")
    expect(rij).to_contain_text("Aanbieder: Zorg BV")
    expect(rij).to_contain_text("Overgenomen: De looptijd wordt vijf jaar met verlenging.")
    expect(rij.get_by_role("link", name="Langdurige contracten")).to_be_visible()
    toegankelijk(pagina, "reactienota")

    pagina.goto("/regio/gv/trajecten/inkoop-2021/planning/")
    toegankelijk(pagina, "planning")


def test_gelijktijdig_bewerken_verliest_niets(inloggen, gegevens):
    """A colleague saves a conclusion while it is open here (HTMX): nothing is overwritten, the
    form keeps what was typed with the colleague's text beside it, and saving again keeps it."""
    from inkoop.sessies import services
    from inkoop.sessies.models import Conclusie
    from tests.factories import SessieFactory

    sessie = SessieFactory(regio=gegevens.regio, traject=gegevens, titel="Bestuurlijke sessie")
    conclusie = Conclusie.objects.create(sessie=sessie, tekst="We kopen samen in.")
    pagina = inloggen("adviseur")
    pagina.goto(f"/sessies/{sessie.pk}/")
    item = pagina.locator(f"#conclusie-{conclusie.pk}")
    item.get_by_role("link", name="Bewerken").click()
    tekstvak = item.get_by_label("Conclusie", exact=True)
    expect(tekstvak).to_be_visible()

    collega = Conclusie.objects.get(pk=conclusie.pk)
    collega.tekst = "We kopen samen in, in twee percelen."
    services.onderdeel_opslaan(sessie=sessie, onderdeel=collega, revisie=1)

    tekstvak.fill("We kopen gezamenlijk in.")
    item.get_by_role("button", name="Opslaan").click()
    melding = item.get_by_role("alert")
    expect(melding).to_contain_text("een collega heeft dit opgeslagen")
    expect(item).to_contain_text("We kopen samen in, in twee percelen.")
    expect(tekstvak).to_have_value("We kopen gezamenlijk in.")
    conclusie.refresh_from_db()
    assert conclusie.tekst == "We kopen samen in, in twee percelen."
    toegankelijk(pagina, "conflict bij een conclusie")

    item.get_by_role("button", name="Opslaan").click()
    expect(item.get_by_role("status")).to_have_text("Opgeslagen")
    conclusie.refresh_from_db()
    assert (conclusie.tekst, conclusie.revisie) == ("We kopen gezamenlijk in.", 3)


def test_verslag_per_agendapunt_en_bijlage_verwijderen(inloggen, gegevens, tmp_path, settings):
    """The minutes are written per agenda item (HTMX adds under the item whose form was used),
    and an attachment is removed from the attachments page after confirming."""
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile

    from inkoop.pdf.bijlagen import bijlage_toevoegen
    from inkoop.sessies.models import Agendapunt, Sessie
    from regions.models import Roltoewijzing

    settings.MEDIA_ROOT = tmp_path
    sessie = Sessie.objects.create(
        regio=gegevens.regio, traject=gegevens, titel="Bestuurlijke sessie 18 december",
        datum=dt.date(2019, 12, 18), soort="bestuurlijk",
    )  # fmt: skip
    looptijd = Agendapunt.objects.create(sessie=sessie, volgorde=1, titel="Looptijd")
    Agendapunt.objects.create(sessie=sessie, volgorde=2, titel="Tarieven")
    adviseur = Roltoewijzing.objects.get(regio=gegevens.regio).gebruiker
    bijlage_toevoegen(
        onderwerp=sessie, door=adviseur,
        bestand=SimpleUploadedFile("presentielijst.pdf", b"%PDF-1.4\n%%EOF\n"),
    )  # fmt: skip

    pagina = inloggen("adviseur")
    pagina.goto(f"/sessies/{sessie.pk}/")
    punt = pagina.locator(f"#punt-{looptijd.pk}")
    expect(punt.get_by_role("heading", level=3)).to_have_text("1. Looptijd")
    conclusies = pagina.locator(f"#sectie-conclusie-{looptijd.pk}")
    conclusies.locator("summary").click()
    expect(conclusies.get_by_label("Agendapunt")).to_have_value(str(looptijd.pk))
    conclusies.get_by_label("Conclusie").fill("Vijf jaar met verlenging.")
    conclusies.get_by_role("button", name="Conclusie toevoegen").click()
    expect(pagina.locator(f"#sectie-conclusie-{looptijd.pk}")).to_contain_text(
        "Vijf jaar met verlenging."
    )
    toegankelijk(pagina, "sessiepagina per agendapunt")

    pagina.goto(f"/bijlagen/sessie/{sessie.pk}/")
    toegankelijk(pagina, "bijlagen")
    pagina.once("dialog", lambda dialoog: dialoog.accept())
    pagina.get_by_role("button", name="Verwijderen: presentielijst.pdf").click()
    expect(pagina.get_by_text("De bijlage presentielijst.pdf is verwijderd.")).to_be_visible()
    expect(pagina.get_by_text("Er zijn nog geen bijlagen.")).to_be_visible()
