"""Issue 11, item 5: route steps moved at once. A move from a stale page changes nothing and
says so; parallel moves lock the route in one fixed order, so they never deadlock."""

import threading

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse

from inkoop.besluitvorming import services
from inkoop.besluitvorming.models import RouteStap
from inkoop.core.revisie import Conflict
from inkoop.trajecten.constants import GremiumSoort
from tests.factories import TrajectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


def _volgorde(traject):
    return list(traject.route.order_by("volgorde").values_list("gremium_soort", flat=True))


def _kw(traject, **extra):
    return {"regio": traject.regio.slug, "slug": traject.slug, **extra}


def test_verplaatsen_vanaf_verouderde_pagina_verplaatst_niets(client_als, adviseur, traject):
    stappen = services.route_aanmaken(traject)
    pfho = next(s for s in stappen if s.gremium_soort == GremiumSoort.PFHO)
    client = client_als(adviseur)
    html = client.get(reverse("inkoop:route", kwargs=_kw(traject))).content.decode()
    url = reverse("inkoop:routestap_verplaatsen", kwargs=_kw(traject, stap=pfho.pk))
    formulier = html[html.index(url) :]
    assert f'name="revisie" value="{pfho.revisie}"' in formulier[: formulier.index("</form>")]
    gezien = pfho.revisie

    # Anna moves the PFHO up; Bram, from the same page, moves it up as well.
    client.post(url, {"richting": "op", "revisie": gezien})
    na_anna = _volgorde(traject)
    assert na_anna[:2] == [GremiumSoort.PFHO, GremiumSoort.DO]
    response = client.post(url, {"richting": "op", "revisie": gezien}, follow=True)
    assert _volgorde(traject) == na_anna  # nothing moved twice
    assert "Een collega heeft de route intussen gewijzigd" in response.content.decode()


def test_buurstap_krijgt_ook_een_nieuwe_revisie(adviseur, traject):
    do, pfho, *_ = services.route_aanmaken(traject)
    services.routestap_verplaatsen(stap=pfho, door=adviseur, richting="op", revisie=pfho.revisie)
    # DO moved too: a form still showing its old place conflicts.
    with pytest.raises(Conflict):
        services.routestap_verplaatsen(stap=do, door=adviseur, richting="neer", revisie=1)
    assert _volgorde(traject)[:2] == [GremiumSoort.PFHO, GremiumSoort.DO]


def test_verwijderen_vanaf_verouderde_pagina_verwijdert_niets(client_als, adviseur, traject):
    do, pfho, *_ = services.route_aanmaken(traject)
    services.routestap_verplaatsen(stap=pfho, door=adviseur, richting="op", revisie=1)
    url = reverse("inkoop:routestap_verwijderen", kwargs=_kw(traject, stap=do.pk))
    response = client_als(adviseur).post(url, {"revisie": 1}, follow=True)
    assert RouteStap.objects.filter(pk=do.pk).exists()
    assert "er is niets verwijderd" in response.content.decode()


def _tegelijk(functies):
    """Run each function in its own thread and connection, all starting at the same moment;
    returns what each raised (None when it succeeded)."""
    start = threading.Barrier(len(functies))
    fouten = [None] * len(functies)

    def draad(i):
        try:
            start.wait()
            functies[i]()
        except Exception as exc:  # the test looks at every failure, deadlocks included
            fouten[i] = exc
        finally:
            close_old_connections()
            connection.close()

    draden = [threading.Thread(target=draad, args=(i,)) for i in range(len(functies))]
    for t in draden:
        t.start()
    for t in draden:
        t.join()
    return fouten


@pytest.mark.skipif(connection.vendor != "postgresql", reason="deadlockdetectie is van PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_parallelle_verplaatsingen_deadlocken_niet(met_rol, regio):
    """Real threads, real transactions on PostgreSQL: two people move different steps of the
    same route at the same moment, twenty times. Both moves go through every time."""
    adviseur = met_rol(regio=regio)
    traject = TrajectFactory(regio=regio)
    for ronde in range(20):
        RouteStap.objects.filter(traject=traject).delete()
        stappen = services.route_aanmaken(traject)
        tweede, vierde = stappen[1], stappen[3]
        fouten = _tegelijk(
            [
                lambda s=tweede: services.routestap_verplaatsen(
                    stap=s, door=adviseur, richting="op", revisie=s.revisie
                ),
                lambda s=vierde: services.routestap_verplaatsen(
                    stap=s, door=adviseur, richting="neer", revisie=s.revisie
                ),
            ]
        )
        assert fouten == [None, None], f"ronde {ronde}: {fouten}"
        assert _volgorde(traject) == [
            GremiumSoort.PFHO, GremiumSoort.DO, GremiumSoort.ADVIESRAAD,
            GremiumSoort.RAAD, GremiumSoort.COLLEGE,
        ]  # fmt: skip
