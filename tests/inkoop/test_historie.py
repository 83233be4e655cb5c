"""The audit trail (issue 15): every change of sessions, input, proposals, decisions,
planning, route, region set-up and roles is recorded (who, when, what) and shown on one
history page per object, permission-checked, in a fixed number of queries."""

import pytest
from django.urls import reverse

from inkoop.core.historie import als_auteur
from inkoop.demo.demodata import demo_laden
from inkoop.overzicht.historie import SOORTEN
from inkoop.sessies import services as sessie_services
from inkoop.sessies.models import Inbreng, Sessie
from inkoop.trajecten.models import Mijlpaal
from regions.models import Regio, Roltoewijzing

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return demo_laden()


def test_demo_historie_heeft_echte_auteurs(demo):
    for soort in SOORTEN.values():
        modellen = [soort.model, *(d.model for d in soort.delen)]
        for model in modellen:
            zonder = model.history.filter(history_user__isnull=True).count()
            assert zonder == 0, f"{model.__name__}: {zonder} historie zonder auteur"
    sessie = Sessie.objects.filter(regio__slug="gooi-en-vechtstreek").first()
    assert sessie.history.first().history_user.username == "secretaris"
    rol = Roltoewijzing.history.first()
    assert rol.history_user.username == "beheerder"


def test_wijziging_van_inbreng_staat_op_de_historiepagina(client, demo):
    adviseur = demo["gebruikers"]["adviseur"]
    inbreng = Inbreng.objects.filter(sessie__isnull=False).first()
    with als_auteur(adviseur):
        sessie_services.inbreng_verwerken(
            inbreng=inbreng,
            revisie=inbreng.revisie,
            uitgangspunten=[],
            verwerking="niet",
            toelichting="Past niet bij het budget van de regio",
        )
    client.force_login(adviseur)
    antwoord = client.get(reverse("inkoop:historie", args=["inbreng", inbreng.pk]))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Past niet bij het budget van de regio" in html
    assert "Anouk de Vries" in html
    assert "gewijzigd" in html


def test_sessiepagina_linkt_naar_historie_met_onderdelen(client, demo):
    secretaris = demo["gebruikers"]["secretaris"]
    sessie = Sessie.objects.filter(inbreng__isnull=False).first()
    client.force_login(secretaris)
    url = reverse("inkoop:historie", args=["sessie", sessie.pk])
    assert url in client.get(reverse("inkoop:sessie", args=[sessie.pk])).content.decode()
    html = client.get(url).content.decode()
    assert "Inbreng" in html and "Agendapunt" in html
    assert "Sanne Visser" in html


def test_historie_vraagt_het_recht_van_de_soort(client, demo):
    lezer = demo["gebruikers"]["lezer"]
    sessie = Sessie.objects.first()
    regio = Regio.objects.get(slug="gooi-en-vechtstreek")
    client.force_login(lezer)
    assert client.get(reverse("inkoop:historie", args=["sessie", sessie.pk])).status_code == 403
    assert client.get(reverse("inkoop:historie", args=["regio", regio.pk])).status_code == 403
    assert client.get(reverse("inkoop:historie", args=["onzin", 1])).status_code == 404
    client.force_login(demo["gebruikers"]["beheerder"])
    html = client.get(reverse("inkoop:historie", args=["regio", regio.pk])).content.decode()
    assert "Rol" in html and "Lidmaatschap" in html


def test_verplaatste_mijlpaal_en_routestap_in_historie(client, demo, django_assert_max_num_queries):
    adviseur = demo["gebruikers"]["adviseur"]
    mijlpaal = Mijlpaal.objects.filter(traject__regio__slug="bommelerwaard").first()
    with als_auteur(adviseur):
        mijlpaal.omschrijving = "Marktconsultatie verschoven"
        mijlpaal.save()
    client.force_login(adviseur)
    url = reverse("inkoop:historie", args=["traject", mijlpaal.traject_id])
    client.get(url)
    with django_assert_max_num_queries(12):
        html = client.get(url).content.decode()
    assert "Marktconsultatie verschoven" in html
    assert "Routestap" in html
