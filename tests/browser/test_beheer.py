"""The admin's main pages (login, index, a list, a form) pass axe at both widths."""

import json

import pytest

from tests.browser.conftest import WACHTWOORD, axe_overtredingen
from tests.factories import RegioFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("breedte", [1280, 390])
def test_beheer_is_toegankelijk(pagina, breedte):
    regio = RegioFactory(naam="Regio Gooi en Vechtstreek", slug="gv")
    UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    pagina.set_viewport_size({"width": breedte, "height": 900})
    overtredingen = {}

    pagina.goto("/beheer/login/")
    overtredingen["inloggen"] = axe_overtredingen(pagina)
    pagina.get_by_label("Gebruikersnaam").fill("beheerder")
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.locator("input[type=submit]").click()
    pagina.wait_for_url(lambda url: "/login/" not in url)
    overtredingen["index"] = axe_overtredingen(pagina)
    for naam, pad in [("lijst", "/beheer/regions/regio/"),
                      ("formulier", f"/beheer/regions/regio/{regio.pk}/change/")]:  # fmt: skip
        pagina.goto(pad)
        overtredingen[naam] = axe_overtredingen(pagina)

    overtredingen = {naam: lijst for naam, lijst in overtredingen.items() if lijst}
    assert overtredingen == {}, f"axe in het beheer ({breedte} px):\n" + json.dumps(
        overtredingen, indent=2
    )
