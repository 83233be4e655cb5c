"""The principle list reuses each item's rendered HTML (templatetags/uitgangspunt_weergave.py).

Whatever changes — text, status, number, the user's rights, the page variant — the page must
never show stale HTML, and every user must get their own CSRF token in the cached forms.
"""

import re
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from inkoop.core.fragmenten import lokaal_legen
from regions.constants import Rol
from tests.factories import TrajectFactory, TrajectVoorzieningFactory, UitgangspuntFactory
from uitgangspunten import services
from uitgangspunten.constants import UitgangspuntSoort
from uitgangspunten.models import Uitgangspunt
from uitgangspunten.templatetags import uitgangspunt_weergave

pytestmark = pytest.mark.django_db

# The page's own tokens: CSRF, and the one-time token of its create form.
TOKEN = re.compile(r'name="(?:csrfmiddlewaretoken|formulier_token)" value="([^"]+)"')


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027", naam="Inkoop 2027")


def item(html, up):
    """The HTML of one principle's list item."""
    begin = html.index(f'<li id="up-{up.pk}"')
    einde = html.find('<li id="up-', begin + 1)
    return html[begin : einde if einde != -1 else None]


def lijst(client):
    response = client.get(reverse("uitgangspunten:lijst", args=["noord", "inkoop-2027"]))
    assert response.status_code == 200
    return response.content.decode()


def test_de_lijst_gebruikt_de_cache(client_als, adviseur, traject):
    UitgangspuntFactory.create_batch(3, traject=traject)
    client = client_als(adviseur)
    eerste = lijst(client)
    # The second page comes from the shared cache (Django's), even with this process's own
    # level emptied, as in another gunicorn worker: not one item is rendered again.
    lokaal_legen()
    echt = uitgangspunt_weergave._weergave
    with mock.patch.object(uitgangspunt_weergave, "_weergave", wraps=echt) as renders:
        tweede = lijst(client)
    assert renders.call_count == 0
    # A cached item is the same HTML as a freshly rendered one (the page's own token aside).
    assert TOKEN.sub("", eerste.split("<main", 1)[1]) == TOKEN.sub("", tweede.split("<main", 1)[1])


def test_bewerking_is_meteen_zichtbaar(client_als, adviseur, traject):
    up = UitgangspuntFactory(traject=traject, titel="Oude titel", uitleg="Oude *uitleg*.")
    client = client_als(adviseur)
    lijst(client)
    assert "Oude titel" in item(lijst(client), up)

    services.uitgangspunt_bijwerken(
        uitgangspunt=up, revisie=up.revisie, auteur=adviseur, titel="Nieuwe titel",
        uitleg="Nieuwe **uitleg**.",
    )  # fmt: skip
    html = item(lijst(client), up)
    assert "Nieuwe titel" in html and "<strong>uitleg</strong>" in html
    assert "Oude titel" not in html and "Oude" not in html


def test_wijziging_buiten_de_revisie_om_is_zichtbaar(client_als, adviseur, traject):
    """The key is the content itself, not `revisie`: a bulk update or admin save shows too."""
    up = UitgangspuntFactory(traject=traject, titel="Lange contracten", uitleg="Vijf jaar.")
    client = client_als(adviseur)
    lijst(client)
    Uitgangspunt.objects.filter(pk=up.pk).update(titel="Korte contracten", uitleg="Twee jaar.")
    html = item(lijst(client), up)
    assert "Korte contracten" in html and "Twee jaar." in html
    assert "Lange contracten" not in html and "Vijf jaar." not in html

    Uitgangspunt.objects.filter(pk=up.pk).update(status="vervallen", vervallen_reden="Te kort")
    html = item(lijst(client), up)
    assert "utrecht-status-badge--inactive" in html and ">Vervallen<" in html
    assert "Te kort" in html and "zonder nummer" in html  # lapsed: no number


def test_nummers_volgen_het_verplaatsen(client_als, adviseur, traject):
    a = UitgangspuntFactory(traject=traject, soort=UitgangspuntSoort.STRATEGISCH, volgorde=0)
    b = UitgangspuntFactory(traject=traject, soort=UitgangspuntSoort.STRATEGISCH, volgorde=1)
    client = client_als(adviseur)
    html = lijst(client)
    assert '"app-up__nummer">1.' in item(html, a) and '"app-up__nummer">2.' in item(html, b)
    client.post(
        reverse("uitgangspunten:uitgangspunt_verplaatsen", args=[b.uid]), {"richting": "omhoog"}
    )
    html = lijst(client)
    assert '"app-up__nummer">2.' in item(html, a) and '"app-up__nummer">1.' in item(html, b)


def test_rechten_per_gebruiker(client_als, adviseur, directeur, traject):
    up = UitgangspuntFactory(traject=traject, titel="Samen inkopen")
    bewerken = reverse("uitgangspunten:uitgangspunt_bewerken", args=[up.uid])

    html = item(lijst(client_als(adviseur)), up)
    assert bewerken in html and "Omhoog" in html and "csrfmiddlewaretoken" in html
    # The director may view but not edit: the editor's cached item must not leak to them.
    html = item(lijst(client_als(directeur)), up)
    assert "Samen inkopen" in html
    assert bewerken not in html and "Omhoog" not in html and "csrfmiddlewaretoken" not in html
    # And the other way round.
    html = item(lijst(client_als(adviseur)), up)
    assert bewerken in html and "Omhoog" in html


def test_per_voorziening_en_lijst_houden_hun_eigen_variant(client_als, adviseur, traject):
    tv = TrajectVoorzieningFactory(traject=traject)
    up = UitgangspuntFactory(
        traject=traject, soort=UitgangspuntSoort.VOORZIENING, voorziening=tv.voorziening
    )
    client = client_als(adviseur)
    per_voorziening = reverse("uitgangspunten:per_voorziening", args=["noord", "inkoop-2027"])
    html = item(client.get(per_voorziening).content.decode(), up)
    assert "?compact=1" in html and "Omhoog" not in html  # compact, no reordering
    html = item(lijst(client), up)
    assert "?compact=1" not in html and "Omhoog" in html


def test_opgeslagen_markering_alleen_bij_het_opgeslagen_item(client_als, adviseur, traject):
    up = UitgangspuntFactory(traject=traject, titel="Eerste")
    client = client_als(adviseur)
    lijst(client)
    html = client.post(
        reverse("uitgangspunten:uitgangspunt_bewerken", args=[up.uid]),
        {"titel": "Eerste!", "uitleg": "", "revisie": up.revisie},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "is-saved" in html and "Opgeslagen" in html and "Eerste!" in html
    html = item(lijst(client), up)
    assert "Eerste!" in html and "Opgeslagen" not in html


def test_elke_sessie_krijgt_haar_eigen_csrf_token(met_rol, regio, traject):
    """The cached item carries a placeholder; each page gets its own working token."""
    a, b = UitgangspuntFactory.create_batch(2, traject=traject, soort=UitgangspuntSoort.STRATEGISCH)
    eerste = met_rol(Rol.BELEIDSADVISEUR, regio, username="adviseur-een")
    tweede = met_rol(Rol.BELEIDSADVISEUR, regio, username="adviseur-twee")
    client_een = Client(enforce_csrf_checks=True)
    client_een.force_login(eerste)
    client_twee = Client(enforce_csrf_checks=True)
    client_twee.force_login(tweede)

    lijst(client_een)  # fills the cache
    html = lijst(client_twee)
    # The items carry the same token as the rest of this page (as an uncached render would).
    pagina_token = re.search(r'"X-CSRFToken": "([^"]+)"', html).group(1)
    tokens = set(TOKEN.findall(item(html, b)))
    assert tokens == {pagina_token}

    verplaatsen = reverse("uitgangspunten:uitgangspunt_verplaatsen", args=[b.uid])
    response = client_twee.post(
        verplaatsen, {"richting": "omhoog", "csrfmiddlewaretoken": pagina_token}
    )
    assert response.status_code == 302
    b.refresh_from_db()
    a.refresh_from_db()
    assert b.volgorde < a.volgorde
    # Without a valid token the same POST is refused: the check is really on.
    assert client_twee.post(verplaatsen, {"richting": "omlaag"}).status_code == 403
