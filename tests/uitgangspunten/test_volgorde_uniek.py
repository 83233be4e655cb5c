"""One item per place (integrity issue, item 10): the database refuses a second section or
principle on a place, parallel creations each get their own place, moving never collides, and
the migration renumbers duplicates that an older database holds."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from tests.factories import (
    DocumentFactory,
    SectieFactory,
    TrajectFactory,
    UitgangspuntFactory,
    UserFactory,
    VoorzieningFactory,
)
from tests.utils import tegelijk_opslaan
from uitgangspunten import services
from uitgangspunten.constants import UitgangspuntSoort
from uitgangspunten.models import Sectie, Uitgangspunt

pytestmark = pytest.mark.django_db


def test_tweede_sectie_op_dezelfde_plaats_wordt_geweigerd():
    sectie = SectieFactory(volgorde=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        SectieFactory(document=sectie.document, volgorde=3)
    # A section and an appendix may share a number: they are numbered apart.
    SectieFactory(document=sectie.document, volgorde=3, is_bijlage=True)


@pytest.mark.parametrize("met_voorziening", [False, True])
def test_tweede_uitgangspunt_op_dezelfde_plaats_wordt_geweigerd(met_voorziening):
    traject = TrajectFactory()
    extra = (
        {
            "soort": UitgangspuntSoort.VOORZIENING,
            "voorziening": VoorzieningFactory(regio=traject.regio),
        }
        if met_voorziening
        else {"soort": UitgangspuntSoort.STRATEGISCH}
    )
    UitgangspuntFactory(traject=traject, volgorde=0, **extra)
    with pytest.raises(IntegrityError), transaction.atomic():
        UitgangspuntFactory(traject=traject, volgorde=0, **extra)


def test_verplaatsen_en_ordenen_houden_elke_plaats_uniek():
    document = DocumentFactory()
    auteur = UserFactory()
    secties = [services.sectie_aanmaken(document=document, auteur=auteur, titel=t) for t in "ABCD"]
    services.secties_ordenen(
        document=document, volgorde=[s.pk for s in reversed(secties)], auteur=auteur
    )
    services.sectie_verplaatsen(sectie=secties[0], richting=services.OMHOOG, auteur=auteur)
    rijen = list(Sectie.objects.filter(document=document).values_list("titel", "volgorde"))
    assert rijen == [("D", 0), ("C", 1), ("A", 2), ("B", 3)]
    # Every move is in the history, with its author.
    assert secties[0].history.filter(history_user=auteur, volgorde=2).exists()


@pytest.mark.django_db(transaction=True)
def test_gelijktijdig_aanmaken_geeft_elk_een_eigen_plaats():
    document = DocumentFactory()
    traject = document.traject
    auteurs = [UserFactory() for _ in range(3)]

    def aanmaken(i):
        services.sectie_aanmaken(document=document, auteur=auteurs[i], titel=f"S{i}")
        services.uitgangspunt_aanmaken(
            traject=traject, soort=UitgangspuntSoort.STRATEGISCH, titel=f"U{i}", auteur=auteurs[i]
        )

    winnaars, fouten = tegelijk_opslaan(aanmaken, aantal=3)
    assert len(winnaars) == 3 and not fouten
    assert sorted(Sectie.objects.filter(document=document).values_list("volgorde", flat=True)) == [
        0,
        1,
        2,
    ]
    plaatsen = Uitgangspunt.objects.filter(traject=traject).values_list("volgorde", flat=True)
    assert sorted(plaatsen) == [0, 1, 2]


@pytest.mark.django_db(transaction=True)
def test_migratie_nummert_dubbele_plaatsen_opnieuw():
    """Back to before the constraints, two sections and two principles on one place, forward:
    they get places 0..n in the order the pages showed them (place, then pk)."""
    document = DocumentFactory()  # before going back: later migrations add its history tables
    executor = MigrationExecutor(connection)
    executor.migrate([("uitgangspunten", "0002_word_kop_labels")])
    oud = executor.loader.project_state([("uitgangspunten", "0002_word_kop_labels")]).apps
    OudeSectie = oud.get_model("uitgangspunten", "Sectie")
    OudUitgangspunt = oud.get_model("uitgangspunten", "Uitgangspunt")
    for titel, volgorde in [("B", 1), ("A", 1), ("C", 0)]:
        OudeSectie.objects.create(document_id=document.pk, titel=titel, volgorde=volgorde)
    for titel in ["Eerste", "Tweede"]:
        OudUitgangspunt.objects.create(
            traject_id=document.traject_id,
            soort=UitgangspuntSoort.STRATEGISCH,
            titel=titel,
            volgorde=5,
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    rijen = Sectie.objects.filter(document=document).order_by("volgorde")
    assert [(s.titel, s.volgorde) for s in rijen] == [("C", 0), ("B", 1), ("A", 2)]
    ups = Uitgangspunt.objects.filter(traject=document.traject).order_by("volgorde")
    assert [(u.titel, u.volgorde) for u in ups] == [("Eerste", 0), ("Tweede", 1)]


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_inbreng_en_stellingen_krijgen_elk_een_eigen_plaats():
    from inkoop.sessies.models import Inbreng, Stelling
    from inkoop.sessies.services import onderdeel_opslaan
    from tests.factories import SessieFactory

    traject = TrajectFactory()
    sessie = SessieFactory(regio=traject.regio, traject=traject)

    def opslaan(i):
        onderdeel_opslaan(
            sessie=sessie,
            onderdeel=Inbreng(tekst=f"Inbreng {i}", soort="vraag", bron_soort="aanbieder"),
        )
        onderdeel_opslaan(
            sessie=sessie, onderdeel=Stelling(tekst=f"Stelling {i}", resultaat_soort="open")
        )

    winnaars, fouten = tegelijk_opslaan(opslaan, aantal=3)
    assert len(winnaars) == 3 and not fouten
    for model in (Inbreng, Stelling):
        plaatsen = list(model.objects.filter(sessie=sessie).values_list("volgorde", flat=True))
        assert sorted(plaatsen) == [1, 2, 3], model
