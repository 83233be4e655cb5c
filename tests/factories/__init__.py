"""factory_boy factories for every model the tests need; traits for roles and states."""

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from inkoop.sessies.constants import SessieSoort
from inkoop.sessies.models import Inbreng, Sessie
from inkoop.trajecten.constants import GremiumSoort
from inkoop.trajecten.models import Gremium, Mijlpaal, Traject, TrajectVoorziening
from regions.constants import Rol
from regions.models import Gemeente, Lidmaatschap, Regio, Roltoewijzing
from uitgangspunten.constants import DocumentSoort, SectieSoort, UitgangspuntSoort
from uitgangspunten.models import Document, Sectie, Uitgangspunt
from voorzieningen.constants import Inkoopniveau, KengetalSoort, Soort, Wet
from voorzieningen.models import Deelname, Kengetal, Perceel, Voorziening


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda u: f"{u.username}@regio.example")
    password = factory.django.Password("test-wachtwoord-123")


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("cbs_code",)

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"GM{n % 10000:04d}")


class RegioFactory(DjangoModelFactory):
    class Meta:
        model = Regio
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Regio {n}")
    slug = factory.Sequence(lambda n: f"regio-{n}")


class LidmaatschapFactory(DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    regio = factory.SubFactory(RegioFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    begin = dt.date(2015, 1, 1)


class RoltoewijzingFactory(DjangoModelFactory):
    class Meta:
        model = Roltoewijzing

    gebruiker = factory.SubFactory(UserFactory)
    regio = factory.SubFactory(RegioFactory)
    rol = Rol.BELEIDSADVISEUR

    class Params:
        directeur = factory.Trait(rol=Rol.DIRECTEUR)
        portefeuillehouder = factory.Trait(rol=Rol.PORTEFEUILLEHOUDER)
        secretaris = factory.Trait(rol=Rol.SECRETARIS)
        lezer = factory.Trait(rol=Rol.LEZER)


class PerceelFactory(DjangoModelFactory):
    class Meta:
        model = Perceel

    regio = factory.SubFactory(RegioFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    naam = factory.Sequence(lambda n: f"Perceel {n}")


class VoorzieningFactory(DjangoModelFactory):
    class Meta:
        model = Voorziening

    regio = factory.SubFactory(RegioFactory)
    naam = factory.Sequence(lambda n: f"Voorziening {n}")
    slug = factory.Sequence(lambda n: f"voorziening-{n}")
    wet = Wet.WMO
    soort = Soort.MAATWERK
    inkoopniveau = Inkoopniveau.REGIONAAL


class DeelnameFactory(DjangoModelFactory):
    class Meta:
        model = Deelname

    voorziening = factory.SubFactory(VoorzieningFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    neemt_deel = False


class KengetalFactory(DjangoModelFactory):
    class Meta:
        model = Kengetal

    voorziening = factory.SubFactory(VoorzieningFactory)
    jaar = factory.Sequence(lambda n: 2000 + n % 100)
    soort = KengetalSoort.UITGAVEN
    waarde = Decimal("1000000")
    bron = "Jaarrekening"


class TrajectFactory(DjangoModelFactory):
    class Meta:
        model = Traject

    regio = factory.SubFactory(RegioFactory)
    naam = factory.Sequence(lambda n: f"Inkoop {2020 + n}")
    # never "inkoop-2027", the slug tests give their own round
    slug = factory.Sequence(lambda n: f"traject-{n}")
    startjaar = 2027


class TrajectVoorzieningFactory(DjangoModelFactory):
    class Meta:
        model = TrajectVoorziening

    traject = factory.SubFactory(TrajectFactory)
    voorziening = factory.SubFactory(
        VoorzieningFactory, regio=factory.SelfAttribute("..traject.regio")
    )


class MijlpaalFactory(DjangoModelFactory):
    class Meta:
        model = Mijlpaal

    traject = factory.SubFactory(TrajectFactory)
    omschrijving = factory.Sequence(lambda n: f"Mijlpaal {n}")
    periode = "Q1 2027"


class GremiumFactory(DjangoModelFactory):
    class Meta:
        model = Gremium

    regio = factory.SubFactory(RegioFactory)
    naam = factory.Sequence(lambda n: f"Gremium {n}")
    soort = GremiumSoort.PFHO


class SessieFactory(DjangoModelFactory):
    class Meta:
        model = Sessie

    regio = factory.SubFactory(RegioFactory)
    soort = SessieSoort.BESTUURLIJK
    titel = factory.Sequence(lambda n: f"Sessie {n}")
    datum = dt.date(2026, 12, 1)


class UitgangspuntFactory(DjangoModelFactory):
    class Meta:
        model = Uitgangspunt

    traject = factory.SubFactory(TrajectFactory)
    soort = UitgangspuntSoort.STRATEGISCH
    titel = factory.Sequence(lambda n: f"Uitgangspunt {n}")
    uitleg = "Een **uitleg** van het uitgangspunt."
    # Far above the places tests set by hand: places are unique per document or group.
    volgorde = factory.Sequence(lambda n: 1000 + n)


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document

    traject = factory.SubFactory(TrajectFactory)
    soort = DocumentSoort.UITGANGSPUNTENNOTITIE
    titel = factory.Sequence(lambda n: f"Notitie {n}")
    aan = "PFHO"
    van = "DO"
    betreft = "Uitgangspunten"
    kenmerk = factory.Sequence(lambda n: f"26.{n:07d}")
    aangemaakt_door = factory.SubFactory(UserFactory)


class SectieFactory(DjangoModelFactory):
    class Meta:
        model = Sectie

    document = factory.SubFactory(DocumentFactory)
    soort = SectieSoort.TEKST
    titel = factory.Sequence(lambda n: f"Hoofdstuk {n}")
    tekst = "Tekst met een voetnoot.[^1]\n\n[^1]: De voetnoot."
    # Far above the places tests set by hand: places are unique per document or group.
    volgorde = factory.Sequence(lambda n: 1000 + n)


class InbrengFactory(DjangoModelFactory):
    class Meta:
        model = Inbreng

    traject = factory.SubFactory(TrajectFactory)
    soort = "vraag"
    tekst = factory.Sequence(lambda n: f"Vraag {n}?")
    bron_soort = "aanbieder"
