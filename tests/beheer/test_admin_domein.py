"""Issue 11, item 7: the admin does not bypass the domain.

Decisions, decided proposals and decision points, versions and their exports cannot be added,
changed or deleted in /beheer/ by anyone, a superuser included; what the admin still writes goes
through the services (deleting an undecided proposal) or is revision-locked (RevisieAdmin).
"""

import datetime as dt

import pytest
from django.contrib import admin
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from inkoop.besluitvorming.models import Beslispunt, Besluit, BesluitPunt, RouteStap, Voorstel
from inkoop.pdf.constants import ExportSoort, ExportStatus
from inkoop.pdf.models import Export
from inkoop.pdf.services import export_aanvragen
from inkoop.trajecten.constants import GremiumSoort
from tests.factories import GremiumFactory, SessieFactory, TrajectFactory, UserFactory
from tests.factories.besluitvorming import (
    BeslispuntFactory,
    BesluitFactory,
    VersieFactory,
    VoorstelFactory,
)
from tests.utils import formulier_waarden
from uitgangspunten.models import Document, Versie, VersieOvergang

pytestmark = pytest.mark.django_db

EIGEN_APPS = {"inkoop", "regions", "voorzieningen", "uitgangspunten"}
# Records: no add, change or delete in the admin, for any object, for anyone.
ALTIJD_ALLEEN_LEZEN = {Besluit, BesluitPunt, Versie, VersieOvergang, Export, Beslispunt, RouteStap}


@pytest.fixture
def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def beheer(superuser):
    client = Client()
    client.force_login(superuser)
    return client


@pytest.fixture
def besloten(regio):
    """A proposal with a decision point, decided by the DO on an approved version."""
    traject = TrajectFactory(regio=regio)
    versie = VersieFactory(document__traject=traject, goedgekeurd=True)
    voorstel = VoorstelFactory(traject=traject)
    voorstel.versies.add(versie)
    punt = BeslispuntFactory(voorstel=voorstel, nummer=1, tekst="In te stemmen.")
    besluit = BesluitFactory(
        gremium=GremiumFactory(regio=regio, soort=GremiumSoort.DO), versie=versie,
        voorstel=voorstel,
    )  # fmt: skip
    BesluitPunt.objects.create(besluit=besluit, beslispunt=punt, uitkomst=besluit.uitkomst)
    return besluit


def _export(onderwerp):
    export = export_aanvragen(onderwerp=onderwerp, soort=ExportSoort.VERSIE)
    export.bestand.save("versie.pdf", ContentFile(b"%PDF-1.7 origineel"), save=False)
    export.status = ExportStatus.KLAAR
    export.save()
    return export


def _objecten(besloten):
    versie = besloten.versie
    return {
        Besluit: besloten,
        BesluitPunt: besloten.punten.get(),
        Beslispunt: besloten.voorstel.beslispunten.get(),
        Voorstel: besloten.voorstel,
        Versie: versie,
        Export: _export(versie),
    }


def test_geen_beheerrechten_op_besluiten_versies_en_exports_ook_niet_voor_superuser(
    besloten, superuser, rf
):
    request = rf.get("/beheer/")
    request.user = superuser
    objecten = _objecten(besloten)
    schrijfbaar = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in EIGEN_APPS:
            continue
        obj = objecten.get(model)
        if model in ALTIJD_ALLEEN_LEZEN and model_admin.has_add_permission(request):
            schrijfbaar.append(f"{model.__name__}: toevoegen")
        if obj is not None or model in ALTIJD_ALLEEN_LEZEN:
            for recht in ("change", "delete"):
                if getattr(model_admin, f"has_{recht}_permission")(request, obj):
                    schrijfbaar.append(f"{model.__name__}: {recht} {obj}")
            if model_admin.get_actions(request):
                schrijfbaar.append(f"{model.__name__}: acties")
        for inline in model_admin.get_inline_instances(request, obj):
            if inline.model in ALTIJD_ALLEEN_LEZEN and (
                inline.has_add_permission(request, obj)
                or inline.has_change_permission(request, obj)
                or inline.has_delete_permission(request, obj)
            ):
                schrijfbaar.append(f"{model.__name__} inline {inline.model.__name__}")
    assert schrijfbaar == []


def test_besluit_op_niet_goedgekeurde_versie_kan_niet_via_beheer(beheer, regio):
    versie = VersieFactory(document__traject=TrajectFactory(regio=regio))  # never approved
    gremium = GremiumFactory(regio=regio, soort=GremiumSoort.PFHO)
    toevoegen = reverse("admin:inkoop_besluit_add")
    antwoord = beheer.post(
        toevoegen,
        {
            "gremium": gremium.pk, "datum": "2026-12-10", "versie": versie.pk,
            "uitkomst": "vastgesteld", "vastgelegd_door": UserFactory().pk,
            "punten-TOTAL_FORMS": "0", "punten-INITIAL_FORMS": "0",
        },
    )  # fmt: skip
    assert antwoord.status_code == 403
    assert not Besluit.objects.filter(versie=versie).exists()


def test_besluit_kan_niet_bewerkt_omgehangen_of_verwijderd_worden(beheer, besloten):
    andere = VersieFactory(document=besloten.versie.document, goedgekeurd=True)
    wijzig = reverse("admin:inkoop_besluit_change", args=[besloten.pk])
    pagina = beheer.get(wijzig)
    assert pagina.status_code == 200 and b'name="versie"' not in pagina.content
    assert beheer.post(wijzig, {"versie": andere.pk, "uitkomst": "afgewezen"}).status_code == 403
    verwijder = reverse("admin:inkoop_besluit_delete", args=[besloten.pk])
    assert beheer.post(verwijder, {"post": "yes"}).status_code == 403
    besloten.refresh_from_db()
    assert (besloten.versie_id, besloten.uitkomst) != (andere.pk, "afgewezen")


def test_tekst_van_besloten_beslispunt_niet_te_bewerken(beheer, besloten):
    punt = besloten.voorstel.beslispunten.get()
    wijzig = reverse("admin:inkoop_beslispunt_change", args=[punt.pk])
    assert beheer.post(wijzig, {"voorstel": punt.voorstel_id, "nummer": 1,
                                "tekst": "Iets anders."}).status_code == 403  # fmt: skip
    voorstel = reverse("admin:inkoop_voorstel_change", args=[punt.voorstel_id])
    assert b'name="beslispunten-0-tekst"' not in beheer.get(voorstel).content
    assert Beslispunt.objects.get(pk=punt.pk).tekst == "In te stemmen."


def test_besloten_voorstel_niet_te_verwijderen_onbesloten_wel_via_de_service(beheer, besloten):
    verwijder = reverse("admin:inkoop_voorstel_delete", args=[besloten.voorstel_id])
    assert beheer.post(verwijder, {"post": "yes"}).status_code == 403
    assert Voorstel.objects.filter(pk=besloten.voorstel_id).exists()

    onbesloten = VoorstelFactory(traject=besloten.voorstel.traject)
    verwijder = reverse("admin:inkoop_voorstel_delete", args=[onbesloten.pk])
    data = formulier_waarden(beheer.get(verwijder).content.decode(), met_veld="post")
    assert beheer.post(verwijder, data).status_code == 302
    assert not Voorstel.objects.filter(pk=onbesloten.pk).exists()


def test_bestand_van_export_niet_te_vervangen(beheer, besloten):
    export = _export(besloten.versie)
    wijzig = reverse("admin:inkoop_export_change", args=[export.pk])
    assert b'type="file"' not in beheer.get(wijzig).content
    vervalst = ContentFile(b"%PDF-1.7 vervalst", name="versie.pdf")
    assert beheer.post(wijzig, {"bestand": vervalst, "status": "klaar"}).status_code == 403
    export.refresh_from_db()
    assert export.bestand.read() == b"%PDF-1.7 origineel"


def test_document_met_versies_en_sessie_met_besluiten_niet_te_verwijderen(beheer, besloten):
    """Deleting what a record hangs on: the version and decisions stay."""
    document = besloten.versie.document
    verwijder = reverse("admin:uitgangspunten_document_delete", args=[document.pk])
    pagina = beheer.get(verwijder).content.decode()
    assert 'name="post"' not in pagina  # the confirmation lists the protected version instead
    beheer.post(verwijder, {"post": "yes"})
    assert Document.objects.filter(pk=document.pk).exists()

    sessie = SessieFactory(regio=besloten.gremium.regio, datum=dt.date(2026, 12, 10))
    # Another body: one body decides once on a version (a database constraint).
    ander = GremiumFactory(regio=besloten.gremium.regio)
    in_sessie = BesluitFactory(gremium=ander, sessie=sessie, versie=besloten.versie)
    verwijder = reverse("admin:inkoop_sessie_delete", args=[sessie.pk])
    assert beheer.post(verwijder, {"post": "yes"}).status_code == 403
    assert Besluit.objects.get(pk=in_sessie.pk).sessie_id == sessie.pk
