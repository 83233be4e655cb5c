"""Issue 17: the round page says where each document stands; Mijn werk has no stale item."""

import pytest
from django.urls import reverse

from tests.factories import DocumentFactory, TrajectFactory
from tests.factories.besluitvorming import VersieFactory

pytestmark = pytest.mark.django_db


def test_trajectpagina_toont_waar_elk_document_staat(
    client_als, adviseur, regio, django_assert_max_num_queries
):
    traject = TrajectFactory(regio=regio)
    ingediend = DocumentFactory(traject=traject, titel="Notitie in beoordeling")
    VersieFactory(document=ingediend, nummer=1, auteur=adviseur, ingediend=True)
    for i in range(5):
        DocumentFactory(traject=traject, titel=f"Concept {i}")
    client = client_als(adviseur)
    url = reverse("inkoop:traject", kwargs={"regio": regio.slug, "slug": traject.slug})
    with django_assert_max_num_queries(30):
        html = client.get(url).content.decode()
    assert "Waar de documenten staan" in html
    assert "laatste versie 1 ter beoordeling" in html
    assert html.count("nog geen versie") == 5


def test_mijn_werk_zonder_verouderde_versie(client_als, adviseur, regio):
    document = DocumentFactory(traject=TrajectFactory(regio=regio))
    VersieFactory(document=document, nummer=1, auteur=adviseur, goedgekeurd=True)
    url = reverse("inkoop:mijn_werk")
    assert "voorstel opstellen" in client_als(adviseur).get(url).content.decode()
    VersieFactory(document=document, nummer=2, auteur=adviseur)
    assert "voorstel opstellen" not in client_als(adviseur).get(url).content.decode()
