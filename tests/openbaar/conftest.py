import datetime as dt
from types import SimpleNamespace

import pytest

from inkoop.sessies.services import verslag_vaststellen
from inkoop.trajecten.constants import GremiumSoort
from tests.factories import GremiumFactory, SessieFactory, UserFactory
from tests.factories.export import document_met_inhoud, vaststellen, versie_vastleggen


@pytest.fixture
def ronde(regio):
    """A round with an adopted version 1, a draft version 2, and a session whose minutes a
    later session adopted (and one whose minutes are not adopted)."""
    document = document_met_inhoud(regio, voorzieningen=2, hoofdstukken=1)
    traject = document.traject
    pfho = GremiumFactory(regio=regio, soort=GremiumSoort.PFHO, naam="PFHO Sociaal Domein")
    eerste = versie_vastleggen(document, nummer=1)
    besluit = vaststellen(eerste, gremium=pfho)
    concept = versie_vastleggen(document, nummer=2)
    eerder = SessieFactory(
        regio=regio, traject=traject, gremium=pfho, titel="Sessie over zorgcontinuïteit",
        datum=dt.date(2026, 11, 1),
    )  # fmt: skip
    later = SessieFactory(
        regio=regio, traject=traject, gremium=pfho, titel="PFHO december",
        datum=dt.date(2026, 12, 1),
    )  # fmt: skip
    verslagbesluit = verslag_vaststellen(sessie=later, verslag_van=eerder, door=UserFactory())
    return SimpleNamespace(
        regio=regio, traject=traject, document=document, versie=eerste, concept=concept,
        besluit=besluit, pfho=pfho, eerder=eerder, later=later, verslagbesluit=verslagbesluit,
    )  # fmt: skip
