"""Factories for the decision route: versions, proposals, decisions."""

import datetime as dt
import hashlib
import json

import factory
from factory.django import DjangoModelFactory

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Beslispunt, Besluit, RouteStap, Voorstel
from inkoop.trajecten.constants import GremiumSoort
from tests.factories import DocumentFactory, GremiumFactory, TrajectFactory, UserFactory
from uitgangspunten.constants import Beoordeling
from uitgangspunten.inhoud import document_inhoud
from uitgangspunten.models import Versie


def _inhoud(versie):
    return json.loads(json.dumps(document_inhoud(versie.document), default=str))


class VersieFactory(DjangoModelFactory):
    class Meta:
        model = Versie

    document = factory.SubFactory(DocumentFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    inhoud = factory.LazyAttribute(_inhoud)
    inhoud_hash = factory.LazyAttribute(
        lambda v: hashlib.sha256(json.dumps(v.inhoud, sort_keys=True).encode()).hexdigest()
    )
    auteur = factory.SubFactory(UserFactory)

    class Params:
        ingediend = factory.Trait(beoordeling=Beoordeling.INGEDIEND)
        goedgekeurd = factory.Trait(beoordeling=Beoordeling.GOEDGEKEURD)


class CollegeFactory(GremiumFactory):
    soort = GremiumSoort.COLLEGE
    naam = factory.LazyAttribute(lambda g: f"College van B&W {g.gemeente.naam}")


class VoorstelFactory(DjangoModelFactory):
    class Meta:
        model = Voorstel

    traject = factory.SubFactory(TrajectFactory)
    gremium = factory.SubFactory(GremiumFactory, regio=factory.SelfAttribute("..traject.regio"))
    onderwerp = factory.Sequence(lambda n: f"Voorstel {n}")
    opgesteld_door = factory.SubFactory(UserFactory)


class BeslispuntFactory(DjangoModelFactory):
    class Meta:
        model = Beslispunt

    voorstel = factory.SubFactory(VoorstelFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    tekst = factory.Sequence(lambda n: f"In te stemmen met punt {n}.")


class BesluitFactory(DjangoModelFactory):
    class Meta:
        model = Besluit

    gremium = factory.SubFactory(GremiumFactory)
    datum = dt.date(2026, 12, 10)
    uitkomst = Uitkomst.VASTGESTELD
    vastgelegd_door = factory.SubFactory(UserFactory)


class RouteStapFactory(DjangoModelFactory):
    class Meta:
        model = RouteStap

    traject = factory.SubFactory(TrajectFactory)
    volgorde = factory.Sequence(lambda n: n + 1)
    gremium_soort = GremiumSoort.DO
    beoogde_uitkomst = Uitkomst.INGESTEMD
