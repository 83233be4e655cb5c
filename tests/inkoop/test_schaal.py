"""seed_scale at a tiny size: every kind of row is made, history and lineage included, and a
second run is refused with a clear message."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from inkoop.besluitvorming.models import Besluit, BesluitPunt
from inkoop.demo.schaal import Omvang, verdeel
from inkoop.sessies.models import Inbreng, Sessie
from inkoop.trajecten.models import Traject
from regions.models import Gemeente, Lidmaatschap, Regio, Roltoewijzing
from uitgangspunten.models import Document, Sectie, Uitgangspunt, Versie

pytestmark = pytest.mark.django_db

KLEIN = [
    "--regios", "2", "--gemeenten", "7", "--uitgangspunten", "90", "--sessies", "8",
    "--besluiten", "12", "--trajecten-per-regio", "3", "--voorzieningen-per-regio", "4",
]  # fmt: skip


def test_verdeel():
    assert verdeel(10, 3) == [4, 3, 3]
    assert sum(verdeel(100_000, 840)) == 100_000


def test_omvang_weigert_onzin():
    with pytest.raises(ValueError, match="gemeenten"):
        Omvang(regios=5, gemeenten=3)


def test_seed_scale_klein(client):
    call_command("seed_scale", *KLEIN, force=True, verbosity=0)
    assert Regio.objects.filter(slug__startswith="schaal-").count() == 2
    assert Gemeente.objects.filter(cbs_code__startswith="GM5").count() == 7
    assert Lidmaatschap.objects.filter(einde__isnull=True).count() == 7
    assert Roltoewijzing.objects.count() == 2 * 5
    assert Traject.objects.count() == 6
    assert Traject.objects.filter(vorige__isnull=False).count() == 4
    assert Uitgangspunt.objects.count() == 90
    assert Uitgangspunt.history.count() >= 90
    # Lineage: principles of later rounds continue those of the round before.
    met_herkomst = Uitgangspunt.objects.filter(herkomst__isnull=False).select_related(
        "herkomst__traject", "traject"
    )
    assert met_herkomst.exists()
    assert all(u.herkomst.traject_id == u.traject.vorige_id for u in met_herkomst)
    assert Document.objects.count() == 6 and Document.history.count() == 6
    assert Sectie.objects.count() == 36 and Sectie.history.count() == 36
    assert Versie.objects.count() == 12
    assert Sessie.objects.count() == 8
    assert Inbreng.objects.filter(uitgangspunten__isnull=False).exists()
    assert Besluit.objects.count() == 12
    assert BesluitPunt.objects.exists()

    # The synthetic users can use the app: their region and the current round open.
    inlog = client.post(
        reverse("login"),
        {"username": "schaal-beleidsadviseur-01", "password": "schaal-wachtwoord-2026"},
    )
    assert inlog.status_code == 302
    regio = Regio.objects.get(slug="schaal-01")
    assert client.get(reverse("inkoop:regio", args=[regio.slug])).status_code == 200
    traject = regio.trajecten.order_by("-startjaar").first()
    assert client.get(traject.get_absolute_url()).status_code == 200
    document = traject.documenten.get()
    assert client.get(document.get_absolute_url()).status_code == 200
    assert client.get(reverse("inkoop:mijn_werk")).status_code == 200


def test_seed_scale_weigert_tweede_keer():
    call_command("seed_scale", *KLEIN, force=True, verbosity=0)
    with pytest.raises(CommandError, match="al schaalgegevens"):
        call_command("seed_scale", *KLEIN, force=True, verbosity=0)
    assert Regio.objects.filter(slug__startswith="schaal-").count() == 2
