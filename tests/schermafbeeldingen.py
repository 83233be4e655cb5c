"""Screenshots of the main pages at 1280 and 390 px for docs/interface.md.

Run: make schermafbeeldingen   (or .venv/bin/python tests/schermafbeeldingen.py)
Loads the demo into a temporary SQLite database, serves the app from a thread on a free port
(as the browser tests do), and lets Debian's Chromium (never a Playwright download) capture one
screen of each page as the demo user who works on it. Each PNG is reduced to a palette with
Pillow, so the set stays small in the repository: docs/afbeeldingen/schermen/<pagina>-<breedte>.png.
"""

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.tijdelijke_app import opzetten  # noqa: E402

opzetten("schermen-", EMAIL_URL="memorymail://")  # the demo sends mail; nobody reads it here

from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test.testcases import LiveServerThread  # noqa: E402
from django.urls import reverse  # noqa: E402
from PIL import Image  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
DOEL = ROOT / "docs" / "afbeeldingen" / "schermen"
WACHTWOORD = "demo-inkoop-2026"  # of the demo users (README)
# One screen: a laptop at 1280 px, a phone at 390 px (iPhone 12–15).
BREEDTES = {1280: 800, 390: 844}
KLEUREN = 64  # palette size: text stays sharp, a screen stays around 20–60 kB


def paginas() -> list[tuple[str, str, str | None]]:
    """(name, URL, demo user or None for the public) of each main page, found in the demo."""
    from django.db.models import Count

    from inkoop.sessies.models import Sessie
    from inkoop.trajecten.models import Traject
    from uitgangspunten.constants import Beoordeling
    from uitgangspunten.models import Document, Versie
    from voorzieningen.models import Kengetal

    # The region of the session with the most statements: its pages show the most.
    sessie = Sessie.objects.annotate(n=Count("stellingen")).order_by("-n", "pk").first()
    regio = sessie.regio
    traject = Traject.objects.filter(regio=regio).order_by("-pk").first()
    # A service with figures over more years, so its page shows a chart.
    kengetal = (
        Kengetal.objects.filter(voorziening__regio=regio, jaar__lt=2018)
        .select_related("voorziening")
        .first()
    ) or Kengetal.objects.select_related("voorziening").filter(voorziening__regio=regio).first()
    document = Document.objects.filter(traject__regio=regio).order_by("pk").first()
    versie = (
        Versie.objects.filter(beoordeling=Beoordeling.INGEDIEND).order_by("pk").first()
        or Versie.objects.order_by("pk").first()
    )
    return [
        ("regios", reverse("inkoop:regios"), "adviseur"),
        ("regio", reverse("inkoop:regio", args=[regio.slug]), "adviseur"),
        ("voorziening", kengetal.voorziening.get_absolute_url(), "adviseur"),
        ("traject", reverse("inkoop:traject", args=[regio.slug, traject.slug]), "adviseur"),
        ("document", document.get_absolute_url(), "adviseur"),
        (
            "beoordeling",
            reverse("inkoop:versie_beoordelen", args=[versie.document_id, versie.nummer]),
            "directeur",
        ),
        ("sessie", reverse("inkoop:sessie", args=[sessie.pk]), "secretaris"),
        ("mijn-werk", reverse("inkoop:mijn_werk"), "directeur"),
        ("openbaar", reverse("openbaar:index"), None),
    ]


def klein_opslaan(png: bytes, pad: Path) -> int:
    """A screenshot as a palette PNG (no dithering: flat UI colours and crisp text)."""
    beeld = Image.open(io.BytesIO(png)).convert("RGB")
    palet = beeld.quantize(
        colors=KLEUREN, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    palet.save(pad, optimize=True)
    return pad.stat().st_size


def vastleggen(basis: str, lijst) -> None:
    from playwright.sync_api import sync_playwright

    DOEL.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for breedte, hoogte in BREEDTES.items():
            contexten = {}
            for naam, url, gebruiker in lijst:
                if gebruiker not in contexten:
                    contexten[gebruiker] = context = browser.new_context(
                        base_url=basis,
                        locale="nl-NL",
                        viewport={"width": breedte, "height": hoogte},
                    )
                    if gebruiker:
                        inloggen(context.new_page(), gebruiker)
                pagina = contexten[gebruiker].new_page()
                pagina.goto(url, wait_until="networkidle")
                pad = DOEL / f"{naam}-{breedte}.png"
                grootte = klein_opslaan(pagina.screenshot(), pad)
                wie = gebruiker or "openbaar"
                print(f"{pad.relative_to(ROOT)}  {url}  ({wie}, {grootte // 1024} kB)")
                pagina.close()
            for context in contexten.values():
                context.close()
        browser.close()


def inloggen(pagina, gebruiker: str) -> None:
    pagina.goto("/account/inloggen/")
    pagina.get_by_label("Gebruikersnaam").fill(gebruiker)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_url(lambda url: "/account/inloggen/" not in url)
    pagina.close()


def main() -> None:
    if not Path(CHROMIUM).exists():
        sys.exit(f"Geen {CHROMIUM}: installeer Debians chromium (make browser).")
    call_command("migrate", interactive=False, verbosity=0)
    stil = io.StringIO()  # the demo's tour of links is for `make run`, not for this
    call_command("gemeenten_bijwerken", stdout=stil)
    call_command("load_demo", stdout=stil)
    lijst = paginas()  # before the browser: the ORM stays out of Playwright's event loop
    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    try:
        vastleggen(f"http://127.0.0.1:{server.port}", lijst)
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
