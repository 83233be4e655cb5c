"""Factories for the drafting feature (issue 3): versions and review comments."""

import factory
from factory.django import DjangoModelFactory

from tests.factories import DocumentFactory, UserFactory
from uitgangspunten.models import Opmerking


class OpmerkingFactory(DjangoModelFactory):
    class Meta:
        model = Opmerking

    document = factory.SubFactory(DocumentFactory)
    auteur = factory.SubFactory(UserFactory)
    tekst = factory.Sequence(lambda n: f"Opmerking {n}")
