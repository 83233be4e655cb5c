"""The overview counts members, services and rounds per region without multiplying joins."""

import datetime as dt

import pytest

from inkoop.overzicht import selectors
from tests.factories import (
    LidmaatschapFactory,
    RegioFactory,
    TrajectFactory,
    UserFactory,
    VoorzieningFactory,
)
from tests.utils import aantal_queries

pytestmark = pytest.mark.django_db


def test_tellingen_per_regio_kloppen():
    a, b = RegioFactory(naam="A"), RegioFactory(naam="B")
    LidmaatschapFactory.create_batch(2, regio=a)
    LidmaatschapFactory(regio=a, begin=dt.date(2010, 1, 1), einde=dt.date(2012, 1, 1))
    VoorzieningFactory.create_batch(3, regio=a)
    TrajectFactory.create_batch(2, regio=a)
    VoorzieningFactory(regio=b)
    beheerder = UserFactory(is_superuser=True)
    regios = {r.naam: r for r in selectors.regios_voor(beheerder)}
    assert (regios["A"].aantal_gemeenten, regios["A"].aantal_voorzieningen,
            regios["A"].aantal_trajecten) == (2, 3, 2)  # fmt: skip
    assert (regios["B"].aantal_gemeenten, regios["B"].aantal_voorzieningen,
            regios["B"].aantal_trajecten) == (0, 1, 0)  # fmt: skip
    assert aantal_queries(lambda: list(selectors.regios_voor(beheerder))) == 1
