"""Planning: milestones, the timeline, overdue milestones and the calendar export."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from inkoop.trajecten import selectors as planning
from inkoop.trajecten.constants import MijlpaalStatus
from inkoop.trajecten.models import Mijlpaal
from regions.constants import Rol
from tests.factories import MijlpaalFactory, SessieFactory, TrajectFactory
from tests.factories.sessies import TrajectSessieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


def url(naam, traject, **extra):
    return reverse(f"inkoop:{naam}", kwargs={"regio": traject.regio.slug, "slug": traject.slug,
                                             **extra})  # fmt: skip


@pytest.mark.parametrize(
    ("periode", "begin"),
    [
        ("Q1 2020", dt.date(2020, 1, 1)),
        ("q3 2020", dt.date(2020, 7, 1)),
        ("maart 2020", dt.date(2020, 3, 1)),
        ("H2 2021", dt.date(2021, 7, 1)),
        ("2022", dt.date(2022, 1, 1)),
        ("nog te bepalen", dt.date.max),
        ("", dt.date.max),
    ],
)
def test_periode_begin(periode, begin):
    assert planning.periode_begin(periode) == begin


def test_tijdlijn_volgorde_en_verlopen(traject):
    vandaag = dt.date(2020, 3, 15)
    MijlpaalFactory(traject=traject, omschrijving="Onbekend", periode="nog te bepalen", volgorde=1)
    MijlpaalFactory(traject=traject, omschrijving="Q2", periode="Q2 2020", volgorde=2)
    MijlpaalFactory(traject=traject, omschrijving="Maart", periode="maart 2020", volgorde=3)
    MijlpaalFactory(traject=traject, omschrijving="Verlopen", datum=dt.date(2020, 2, 6),
                    periode="", volgorde=4)  # fmt: skip
    MijlpaalFactory(traject=traject, omschrijving="Gereed", datum=dt.date(2019, 12, 18),
                    periode="", status=MijlpaalStatus.GEREED, volgorde=5)  # fmt: skip
    MijlpaalFactory(traject=traject, omschrijving="Later", datum=dt.date(2020, 4, 1), periode="")
    rijen = planning.tijdlijn(traject, vandaag=vandaag)
    assert [r["mijlpaal"].omschrijving for r in rijen] == [
        "Gereed", "Verlopen", "Maart", "Later", "Q2", "Onbekend",
    ]  # fmt: skip
    assert [r["mijlpaal"].omschrijving for r in rijen if r["verlopen"]] == ["Verlopen"]


@pytest.mark.parametrize(
    ("periode", "vandaag", "verlopen"),
    [
        ("Q1 2020", dt.date(2020, 3, 31), False),
        ("Q1 2020", dt.date(2020, 4, 1), True),
        ("oktober 2026", dt.date(2026, 10, 31), False),
        ("oktober 2026", dt.date(2026, 11, 1), True),
        ("februari 2024", dt.date(2024, 3, 1), True),
        ("H2 2021", dt.date(2021, 12, 31), False),
        ("2022", dt.date(2023, 1, 1), True),
        ("nog te bepalen", dt.date(2099, 1, 1), False),
    ],
)
def test_periode_is_verlopen_na_het_einde(traject, periode, vandaag, verlopen):
    mijlpaal = MijlpaalFactory(traject=traject, periode=periode, datum=None)
    assert planning.is_verlopen(mijlpaal, vandaag) is verlopen
    mijlpaal.status = MijlpaalStatus.GEREED
    assert planning.is_verlopen(mijlpaal, vandaag) is False


def test_planningpagina_toont_verlopen_in_tekst(client_als, lezer, traject):
    MijlpaalFactory(traject=traject, omschrijving="Te laat", datum=dt.date(2020, 2, 6), periode="")
    MijlpaalFactory(traject=traject, omschrijving="Afgerond", datum=dt.date(2020, 2, 6),
                    periode="", status=MijlpaalStatus.GEREED)  # fmt: skip
    html = client_als(lezer).get(url("planning", traject)).content.decode()
    assert html.count(">Verlopen</span>") == 1
    te_laat = html.split("Te laat")[1].split("</li>")[0]
    assert ">Verlopen</span>" in te_laat
    assert "Nieuwe mijlpaal" not in html


def test_mijlpaal_crud_vereist_bewerken(client_als, adviseur, met_rol, regio, traject):
    secretaris = met_rol(Rol.SECRETARIS, regio)
    data = {"omschrijving": "Publicatie", "periode": "Q3 2027", "status": "gepland",
            "volgorde": 1}  # fmt: skip
    assert client_als(secretaris).post(url("mijlpaal_nieuw", traject), data).status_code == 403
    client = client_als(adviseur)
    response = client.post(url("mijlpaal_nieuw", traject), data)
    assert response.status_code == 302
    mijlpaal = Mijlpaal.objects.get()
    assert (mijlpaal.traject, mijlpaal.periode) == (traject, "Q3 2027")
    data.update(datum="2027-07-01", periode="", revisie=1)
    client.post(url("mijlpaal_bewerken", traject, pk=mijlpaal.pk), data)
    mijlpaal.refresh_from_db()
    assert mijlpaal.datum == dt.date(2027, 7, 1)
    client.post(url("mijlpaal_verwijderen", traject, pk=mijlpaal.pk))
    assert not Mijlpaal.objects.exists()


def test_mijlpaal_vraagt_datum_of_periode(client_als, adviseur, traject):
    response = client_als(adviseur).post(
        url("mijlpaal_nieuw", traject), {"omschrijving": "X", "status": "gepland", "volgorde": 0}
    )
    assert "Vul een datum of een periode in" in response.content.decode()
    assert not Mijlpaal.objects.exists()


def test_agenda_ics(client_als, adviseur, traject, regio):
    sessie = TrajectSessieFactory(traject=traject, titel="PFHO", datum=dt.date(2026, 7, 2),
                                  begintijd=dt.time(14, 0), eindtijd=dt.time(16, 0))  # fmt: skip
    hele_dag = TrajectSessieFactory(traject=traject, titel="Marktdag", datum=dt.date(2026, 1, 8),
                                    begintijd=None, eindtijd=None)  # fmt: skip
    gedateerd = MijlpaalFactory(traject=traject, omschrijving="Publicatie",
                                datum=dt.date(2026, 9, 1), periode="")  # fmt: skip
    MijlpaalFactory(traject=traject, omschrijving="Zonder datum", periode="Q4 2026")
    SessieFactory(regio=regio, titel="Andere sessie")

    client = client_als(adviseur)
    response = client.get(url("agenda", traject))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    tekst = response.content.decode()
    assert "DTSTART;TZID=Europe/Amsterdam:20260702T140000" in tekst
    assert "DTEND;TZID=Europe/Amsterdam:20260702T160000" in tekst
    assert "DTSTART;VALUE=DATE:20260108" in tekst
    assert "BEGIN:VTIMEZONE" in tekst and "TZID:Europe/Amsterdam" in tekst
    cal = Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"PFHO", "Marktdag", "Publicatie"}
    assert events["Publicatie"].decoded("dtstart") == dt.date(2026, 9, 1)
    assert str(events["PFHO"]["uid"]) == f"sessie-{sessie.pk}@inkoopbeleid-sociaal-domein"
    assert str(events["Marktdag"]["uid"]) == f"sessie-{hele_dag.pk}@inkoopbeleid-sociaal-domein"
    assert (
        str(events["Publicatie"]["uid"]) == f"mijlpaal-{gedateerd.pk}@inkoopbeleid-sociaal-domein"
    )
    # Stable: a second export gives the same UIDs.
    opnieuw = Calendar.from_ical(client.get(url("agenda", traject)).content)
    assert {str(e["uid"]) for e in opnieuw.walk("VEVENT")} == {
        str(e["uid"]) for e in events.values()
    }


def test_agenda_vereist_concepten_bekijken(client_als, lezer, traject):
    assert client_als(lezer).get(url("agenda", traject)).status_code == 403
