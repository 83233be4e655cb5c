"""Factories for sessions, their minutes and input (issue 5)."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from inkoop.sessies.constants import BronSoort, InbrengSoort, ResultaatSoort
from inkoop.sessies.models import Actiepunt, Conclusie, Gast, Inbreng, Stelling
from tests.factories import (
    GremiumFactory,
    SessieFactory,
    TrajectFactory,
)


class TrajectSessieFactory(SessieFactory):
    """A session of a round, with a body of the same region."""

    traject = factory.SubFactory(TrajectFactory)
    regio = factory.SelfAttribute("traject.regio")
    gremium = factory.SubFactory(GremiumFactory, regio=factory.SelfAttribute("..regio"))
    begintijd = dt.time(14, 0)
    eindtijd = dt.time(16, 30)
    locatie = "Regiokantoor"


class GastFactory(DjangoModelFactory):
    class Meta:
        model = Gast

    sessie = factory.SubFactory(TrajectSessieFactory)
    naam = factory.Sequence(lambda n: f"Gast {n}")
    organisatie = "Zorg BV"
    rol = "Bestuurder"


class ConclusieFactory(DjangoModelFactory):
    class Meta:
        model = Conclusie

    sessie = factory.SubFactory(TrajectSessieFactory)
    tekst = factory.Sequence(lambda n: f"Conclusie {n}")


class StellingFactory(DjangoModelFactory):
    class Meta:
        model = Stelling

    sessie = factory.SubFactory(TrajectSessieFactory)
    tekst = factory.Sequence(lambda n: f"Stelling {n}")
    resultaat_soort = ResultaatSoort.EENS_ONEENS
    eens = 10
    oneens = 5

    class Params:
        schaal = factory.Trait(
            resultaat_soort=ResultaatSoort.SCHAAL, eens=None, oneens=None,
            schaal_gemiddelde="3.80", schaal_n=12,
        )  # fmt: skip
        woorden_trait = factory.Trait(
            resultaat_soort=ResultaatSoort.WOORDEN, eens=None, oneens=None,
            woorden="samenwerking, vertrouwen, samenwerking",
        )  # fmt: skip


class ActiepuntFactory(DjangoModelFactory):
    class Meta:
        model = Actiepunt

    sessie = factory.SubFactory(TrajectSessieFactory)
    omschrijving = factory.Sequence(lambda n: f"Actie {n}")
    eigenaar = "Team inkoop"
    deadline = dt.date(2027, 1, 15)


class SessieInbrengFactory(DjangoModelFactory):
    class Meta:
        model = Inbreng

    sessie = factory.SubFactory(TrajectSessieFactory)
    traject = factory.SelfAttribute("sessie.traject")
    soort = InbrengSoort.VRAAG
    tekst = factory.Sequence(lambda n: f"Vraag {n}?")
    antwoord = "Een antwoord."
    bron_soort = BronSoort.AANBIEDER
    bron_naam = "Zorg BV"
