"""Issue 11, item 22: "Mijn werk" shows only what the user's current roles allow. After a
role in a region is withdrawn, none of its lists shows anything of that region any more."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from inkoop.sessies.models import Actiepunt
from regions.constants import Rol
from regions.models import Roltoewijzing
from tests.factories import (
    DocumentFactory,
    RoltoewijzingFactory,
    SessieFactory,
    TrajectFactory,
)
from tests.factories.besluitvorming import VersieFactory, VoorstelFactory
from tests.factories.sessies import SessieInbrengFactory
from tests.factories.uitgangspunten import OpmerkingFactory
from uitgangspunten.constants import Beoordeling

pytestmark = pytest.mark.django_db
ROLLEN = [Rol.BELEIDSADVISEUR, Rol.DIRECTEUR, Rol.SECRETARIS]


def _werk_in(regio, user, naam):
    """One item of every list on "Mijn werk" in `regio`, each carrying `naam`."""
    traject = TrajectFactory(regio=regio, naam=f"Traject {naam}")
    document = DocumentFactory(traject=traject, titel=f"Document {naam}")
    sessie = SessieFactory(regio=regio, traject=traject, titel=f"Sessie {naam}",
                           datum=timezone.localdate() + dt.timedelta(days=3))  # fmt: skip
    VersieFactory(document=document, beoordeling=Beoordeling.INGEDIEND)
    VersieFactory(document=document, auteur=user, beoordeling=Beoordeling.TERUGGESTUURD)
    VersieFactory(document=document, beoordeling=Beoordeling.GOEDGEKEURD)
    VoorstelFactory(traject=traject, onderwerp=f"Voorstel {naam}")
    OpmerkingFactory(document=document, tekst=f"Opmerking {naam}")
    Actiepunt.objects.create(sessie=sessie, omschrijving=f"Actie {naam}", eigenaar_gebruiker=user)
    SessieInbrengFactory(sessie=sessie, traject=traject, tekst=f"Inbreng {naam}", antwoord="")


def test_na_intrekken_van_de_rol_niets_meer_van_die_regio(client_als, met_rol, regio,
                                                          andere_regio):  # fmt: skip
    user = met_rol(Rol.BELEIDSADVISEUR, regio)
    for rol in ROLLEN:
        RoltoewijzingFactory(gebruiker=user, regio=andere_regio, rol=rol)
    RoltoewijzingFactory(gebruiker=user, regio=regio, rol=Rol.DIRECTEUR)
    RoltoewijzingFactory(gebruiker=user, regio=regio, rol=Rol.SECRETARIS)
    _werk_in(regio, user, "Noord")
    _werk_in(andere_regio, user, "Zuid")
    html = client_als(user).get(reverse("inkoop:mijn_werk")).text
    assert html.count("Zuid") >= 8 and html.count("Noord") >= 8  # every list has both

    Roltoewijzing.objects.filter(gebruiker=user, regio=andere_regio).delete()
    html = client_als(user).get(reverse("inkoop:mijn_werk")).text
    assert "Zuid" not in html
    for wat in ("Sessie", "Actie", "Opmerking", "Voorstel", "Inbreng", "Document"):
        assert f"{wat} Noord" in html
