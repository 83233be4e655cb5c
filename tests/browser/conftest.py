"""Browser tests: Debian's headless Chromium driven by Playwright, axe-core for WCAG 2.1 AA.

Never `playwright install`: the browser is /usr/bin/chromium (`make test` installs it). Without it
the browser tests are skipped locally, but CI sets REQUIRE_BROWSER=1 and then they fail instead.
"""

import json
import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WACHTWOORD = "test-wachtwoord-123"

# Playwright's sync API runs an event loop in this thread; the ORM calls in the tests are
# ordinary blocking calls, so Django's async-safety guard does not apply here. The variable is
# set only while a browser runs (per module), so it never leaks into other tests' subprocesses
# (`check --deploy` rightly warns about it).
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if not Path(CHROMIUM).exists() and not os.environ.get("REQUIRE_BROWSER"):
                item.add_marker(pytest.mark.skip(reason="geen /usr/bin/chromium"))


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    vorige = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        yield from _chromium(sync_playwright)
    finally:
        if vorige is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = vorige


def _chromium(sync_playwright):
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        )  # fmt: skip
        yield browser
        browser.close()


@pytest.fixture
def pagina(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL")
    context.set_default_timeout(10_000)
    page = context.new_page()
    fouten = []
    page.on("pageerror", lambda exc: fouten.append(str(exc)))
    yield page
    context.close()
    assert fouten == [], f"JavaScript-fouten in de pagina: {fouten}"


@pytest.fixture
def inloggen(pagina):
    def login(username, password=WACHTWOORD):
        pagina.goto("/account/inloggen/")
        pagina.get_by_label("Gebruikersnaam").fill(username)
        pagina.get_by_label("Wachtwoord").fill(password)
        pagina.get_by_role("button", name="Inloggen").click()
        pagina.wait_for_url(lambda url: "/account/inloggen/" not in url)
        return pagina

    return login


def axe_overtredingen(page) -> list[dict]:
    """axe-core's violations on the current page (WCAG 2.1 A and AA, and axe's best practices)."""
    if page.evaluate("() => typeof window.axe") == "undefined":
        # evaluate runs through the DevTools protocol, so the page's CSP does not block it.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
        }"""
    )


def toegankelijk(page, context: str = ""):
    """Run axe-core on the current page (`axe_overtredingen`); fail with a readable list."""
    resultaat = axe_overtredingen(page)
    assert resultaat == [], (
        f"axe-overtredingen op {context or page.url}:\n{json.dumps(resultaat, indent=2)}"
    )


def datum_invullen(page, groep: str, datum: str):
    """Type an ISO date into a date field (Datumveld: day, month and year in the group `groep`)."""
    jaar, maand, dag = datum.split("-")
    velden = page.get_by_role("group", name=groep, exact=True)
    for label, waarde in [("Dag", dag), ("Maand", maand), ("Jaar", jaar)]:
        velden.get_by_label(label, exact=True).fill(waarde)
