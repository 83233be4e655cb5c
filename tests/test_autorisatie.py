"""Every URL of the project, against every role, in the object's own region and in another one.

The expectation table VERWACHTINGEN is explicit and keyed by URL name. A URL without an entry
fails: a new view is only done when someone wrote down who may reach it. To add a view:

    "app:naam": Regel(CONCEPTEN),                   # GET, roles of the object's region
    "app:actie": Regel(BEWERKEN, methode="POST"),   # a write
    "app:lijst": Regel(ALLE, regio_gebonden=False), # a page without a region (own work etc.)

URL kwargs come from KWARGS (kwarg name → value from the fixture world `w`); a rule can override
one with `kwargs={"pk": lambda w: w.voorstel.pk}`. Add objects to the `wereld` fixture as needed.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from inkoop.api import services as api_services
from inkoop.openbaar.constants import PublicatieSoort
from inkoop.openbaar.models import Publicatie
from inkoop.overzicht.models import Statuscontrole
from inkoop.pdf.constants import ExportSoort, ExportStatus
from inkoop.pdf.models import Bijlage, Export
from inkoop.sessies.models import Conclusie
from inkoop.trajecten.constants import GremiumSoort
from inkoop.uitwisseling.models import Leesopdracht
from regions.constants import Rol
from tests.factories import (
    DocumentFactory,
    GremiumFactory,
    InbrengFactory,
    MijlpaalFactory,
    SectieFactory,
    SessieFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
    UitgangspuntFactory,
    UserFactory,
)
from tests.factories.besluitvorming import (
    BesluitFactory,
    RouteStapFactory,
    VersieFactory,
    VoorstelFactory,
)
from uitgangspunten.models import Opmerking

pytestmark = pytest.mark.django_db

ALLE = frozenset(Rol.values)
CONCEPTEN = ALLE - {Rol.LEZER, Rol.REGIOBEHEERDER}
BEWERKEN = frozenset({Rol.BELEIDSADVISEUR})
BEOORDELEN = frozenset({Rol.DIRECTEUR})
BESLUITEN = frozenset({Rol.SECRETARIS, Rol.BELEIDSADVISEUR})
SESSIES = frozenset({Rol.SECRETARIS, Rol.BELEIDSADVISEUR})
OPMERKEN = frozenset({Rol.DIRECTEUR, Rol.BELEIDSADVISEUR})
INRICHTEN = frozenset({Rol.REGIOBEHEERDER})
PUBLICEREN = frozenset({Rol.SECRETARIS, Rol.BELEIDSADVISEUR})
OPENBAAR = {"regio_gebonden": False, "openbaar": True}


@dataclass(frozen=True)
class Regel:
    rollen: frozenset = frozenset()
    methode: str = "GET"
    # False: a page that belongs to no region; every logged-in user reaches it.
    regio_gebonden: bool = True
    # True: reachable without logging in (the login page itself).
    openbaar: bool = False
    kwargs: dict = field(default_factory=dict)


VERWACHTINGEN: dict[str, Regel] = {
    # Foundation
    "login": Regel(ALLE, regio_gebonden=False, openbaar=True),
    "logout": Regel(ALLE, methode="POST", regio_gebonden=False, openbaar=True),
    "inkoop:regios": Regel(ALLE, regio_gebonden=False),
    "inkoop:regio": Regel(ALLE, kwargs={"slug": lambda w: w.regio.slug}),
    "inkoop:huisstijl": Regel(INRICHTEN, kwargs={"slug": lambda w: w.regio.slug}),
    # Een regio inrichten (issue 13): een nieuwe regio alleen door de superuser.
    "inkoop:regio_nieuw": Regel(frozenset(), regio_gebonden=False),
    "inkoop:inrichten": Regel(INRICHTEN, kwargs={"slug": lambda w: w.regio.slug}),
    "inkoop:inrichten_regio": Regel(INRICHTEN, kwargs={"slug": lambda w: w.regio.slug}),
    "inkoop:inrichten_gemeenten": Regel(INRICHTEN, kwargs={"slug": lambda w: w.regio.slug}),
    "inkoop:inrichten_gremia": Regel(INRICHTEN, kwargs={"slug": lambda w: w.regio.slug}),
    "inkoop:inrichten_voorzieningen": Regel(INRICHTEN, kwargs={"slug": lambda w: w.regio.slug}),
    "inkoop:inrichten_traject": Regel(INRICHTEN, kwargs={"slug": lambda w: w.regio.slug}),
    "inkoop:inrichten_gebruikers": Regel(INRICHTEN, kwargs={"slug": lambda w: w.regio.slug}),
    "inkoop:inrichten_document": Regel(INRICHTEN, kwargs={"slug": lambda w: w.regio.slug}),
    "inkoop:api_sleutels": Regel(INRICHTEN, kwargs={"slug": lambda w: w.regio.slug}),
    "inkoop:api_sleutel_intrekken": Regel(
        INRICHTEN,
        methode="POST",
        kwargs={"slug": lambda w: w.regio.slug, "pk": lambda w: w.api_sleutel.pk},
    ),  # fmt: skip
    "wachtwoord_instellen": Regel(
        ALLE,
        regio_gebonden=False,
        openbaar=True,
        kwargs={"uidb64": lambda w: "MQ", "token": lambda w: "ongeldig-token"},
    ),
    "wachtwoord_ingesteld": Regel(ALLE, regio_gebonden=False, openbaar=True),
    # The footer's pages (issue 17): for everyone, logged in or not.
    "inkoop:toegankelijkheid": Regel(ALLE, regio_gebonden=False, openbaar=True),
    "inkoop:privacy": Regel(ALLE, regio_gebonden=False, openbaar=True),
    "inkoop:contact": Regel(ALLE, regio_gebonden=False, openbaar=True),
    "favicon": Regel(ALLE, regio_gebonden=False, openbaar=True),
    "touch_icon": Regel(ALLE, regio_gebonden=False, openbaar=True),
    "inkoop:voorziening": Regel(ALLE, kwargs={"slug": lambda w: w.voorziening.slug}),
    "inkoop:traject": Regel(ALLE),
    "inkoop:mijn_werk": Regel(ALLE, regio_gebonden=False),
    "inkoop:mijn_werk_lijst": Regel(
        ALLE, regio_gebonden=False, kwargs={"lijst": lambda w: "te_beoordelen"}
    ),
    "inkoop:status": Regel(ALLE, regio_gebonden=False),
    "inkoop:statuscontrole_starten": Regel(ALLE, methode="POST", regio_gebonden=False),
    "inkoop:statuscontrole": Regel(
        ALLE, regio_gebonden=False, kwargs={"pk": lambda w: w.statuscontrole.pk}
    ),
    "uitgangspunten:uitgangspunt": Regel(CONCEPTEN),
    "uitgangspunten:document": Regel(CONCEPTEN),
    # Besluitvorming (issue 4)
    "inkoop:document_besluitvorming": Regel(CONCEPTEN),
    "inkoop:versie_indienen": Regel(BEWERKEN, methode="POST"),
    "inkoop:versie_beoordelen": Regel(CONCEPTEN),
    "inkoop:versie_goedkeuren": Regel(BEOORDELEN, methode="POST"),
    "inkoop:versie_terugsturen": Regel(BEOORDELEN, methode="POST"),
    "inkoop:route": Regel(CONCEPTEN),
    "inkoop:route_vastleggen": Regel(BEWERKEN, methode="POST"),
    "inkoop:routestap_toevoegen": Regel(BEWERKEN, methode="POST"),
    "inkoop:routestap_verwijderen": Regel(BEWERKEN, methode="POST"),
    "inkoop:routestap_verplaatsen": Regel(BEWERKEN, methode="POST"),
    "inkoop:voorstellen": Regel(CONCEPTEN),
    "inkoop:voorstel_nieuw": Regel(BEWERKEN),
    "inkoop:voorstel": Regel(CONCEPTEN, kwargs={"pk": lambda w: w.voorstel.pk}),
    "inkoop:voorstel_bewerken": Regel(BEWERKEN, kwargs={"pk": lambda w: w.voorstel.pk}),
    "inkoop:voorstel_verwijderen": Regel(
        BEWERKEN, methode="POST", kwargs={"pk": lambda w: w.voorstel.pk}
    ),
    "inkoop:besluitenlijst": Regel(ALLE),
    "inkoop:gremium_besluitenlijst": Regel(ALLE, kwargs={"pk": lambda w: w.gremium.pk}),
    "inkoop:besluit_nieuw": Regel(BESLUITEN),
    "inkoop:collegebesluiten": Regel(BESLUITEN),
    # Opstellen (issue 3)
    "uitgangspunten:lijst": Regel(CONCEPTEN),
    "uitgangspunten:uitgangspunt_nieuw": Regel(BEWERKEN, methode="POST"),
    "uitgangspunten:overnemen": Regel(CONCEPTEN),
    "uitgangspunten:overnemen_uitgangspunt": Regel(
        BEWERKEN, methode="POST", kwargs={"uid": lambda w: w.oud_uitgangspunt.uid}
    ),
    "uitgangspunten:per_voorziening": Regel(CONCEPTEN),
    "uitgangspunten:ontwikkelingen": Regel(BEWERKEN, kwargs={"pk": lambda w: w.scope.pk}),
    "uitgangspunten:uitgangspunt_bewerken": Regel(BEWERKEN),
    "uitgangspunten:uitgangspunt_verwijderen": Regel(BEWERKEN, methode="POST"),
    "uitgangspunten:uitgangspunt_verplaatsen": Regel(BEWERKEN, methode="POST"),
    "uitgangspunten:kop_bewerken": Regel(BEWERKEN),
    "uitgangspunten:opmaak": Regel(BEWERKEN),
    "uitgangspunten:sectie_nieuw": Regel(BEWERKEN, methode="POST"),
    "uitgangspunten:secties_ordenen": Regel(BEWERKEN, methode="POST"),
    "uitgangspunten:sectie": Regel(CONCEPTEN),
    "uitgangspunten:sectie_bewerken": Regel(BEWERKEN),
    "uitgangspunten:sectie_verwijderen": Regel(BEWERKEN, methode="POST"),
    "uitgangspunten:sectie_verplaatsen": Regel(BEWERKEN, methode="POST"),
    "uitgangspunten:voorbeeld": Regel(CONCEPTEN),
    "uitgangspunten:historie": Regel(CONCEPTEN),
    "uitgangspunten:opmerking_plaatsen": Regel(OPMERKEN, methode="POST"),
    "uitgangspunten:opmerking_oplossen": Regel(
        BEWERKEN, methode="POST", kwargs={"pk": lambda w: w.opmerking.pk}
    ),
    "uitgangspunten:versies": Regel(CONCEPTEN),
    "uitgangspunten:versie_vastleggen": Regel(BEWERKEN, methode="POST"),
    "uitgangspunten:versie": Regel(CONCEPTEN),
    "uitgangspunten:vergelijken": Regel(CONCEPTEN),
    # Sessies, inbreng en planning (issue 5)
    "inkoop:sessies_regio": Regel(CONCEPTEN),
    "inkoop:sessie_nieuw": Regel(SESSIES),
    "inkoop:sessies_traject": Regel(CONCEPTEN),
    "inkoop:sessie": Regel(CONCEPTEN, kwargs={"pk": lambda w: w.sessie.pk}),
    # De historie van een object (issue 15): het recht van de soort, hier een sessie.
    "inkoop:historie": Regel(
        CONCEPTEN, kwargs={"soort": lambda w: "sessie", "pk": lambda w: w.sessie.pk}
    ),
    "inkoop:sessie_bewerken": Regel(SESSIES, kwargs={"pk": lambda w: w.sessie.pk}),
    "inkoop:verslag_inleiding": Regel(SESSIES, kwargs={"pk": lambda w: w.sessie.pk}),
    "inkoop:verslag_vaststellen": Regel(
        BESLUITEN, methode="POST", kwargs={"pk": lambda w: w.sessie.pk}
    ),
    "inkoop:eigen_verslag_vaststellen": Regel(BESLUITEN, kwargs={"pk": lambda w: w.sessie.pk}),
    "inkoop:onderdeel_nieuw": Regel(SESSIES, methode="POST", kwargs={"pk": lambda w: w.sessie.pk}),
    "inkoop:onderdeel_bewerken": Regel(SESSIES, kwargs={"pk": lambda w: w.sessie.pk}),
    "inkoop:onderdeel_verwijderen": Regel(
        SESSIES, methode="POST", kwargs={"pk": lambda w: w.sessie.pk}
    ),
    "inkoop:inbreng_verwerking": Regel(SESSIES, kwargs={"pk": lambda w: w.inbreng.pk}),
    "inkoop:inbreng_lijst": Regel(CONCEPTEN),
    "inkoop:reactienota": Regel(CONCEPTEN),
    "inkoop:planning": Regel(ALLE),
    "inkoop:mijlpaal_nieuw": Regel(BEWERKEN),
    "inkoop:mijlpaal_bewerken": Regel(BEWERKEN, kwargs={"pk": lambda w: w.mijlpaal.pk}),
    "inkoop:mijlpaal_verwijderen": Regel(
        BEWERKEN, methode="POST", kwargs={"pk": lambda w: w.mijlpaal.pk}
    ),
    "inkoop:agenda": Regel(CONCEPTEN),
    # PDF (issue 7): a version under review is a draft, so only non-readers reach it.
    "inkoop:versie_pdf": Regel(CONCEPTEN),
    # Word in (issue 13): who edits a document imports one; who records minutes imports them.
    "inkoop:word_importeren": Regel(BEWERKEN),
    "inkoop:verslag_importeren": Regel(SESSIES, kwargs={"pk": lambda w: w.sessie.pk}),
    "inkoop:leesopdracht": Regel(BEWERKEN, kwargs={"pk": lambda w: w.leesopdracht.pk}),
    "inkoop:export_starten": Regel(CONCEPTEN, methode="POST", kwargs={"soort": lambda w: "versie"}),
    "inkoop:export_voorbeeld": Regel(CONCEPTEN, kwargs={"soort": lambda w: "versie"}),
    "inkoop:export": Regel(CONCEPTEN, kwargs={"pk": lambda w: w.export.pk}),
    # Public pages (Woo) and search
    "robots": Regel(ALLE, **OPENBAAR),
    "openbaar:index": Regel(ALLE, **OPENBAAR),
    "openbaar:sitemap": Regel(ALLE, **OPENBAAR),
    "openbaar:zoeken": Regel(ALLE, **OPENBAAR),
    "openbaar:regio": Regel(ALLE, **OPENBAAR),
    "openbaar:traject": Regel(ALLE, **OPENBAAR),
    "openbaar:publicatie": Regel(ALLE, **OPENBAAR, kwargs={"pk": lambda w: w.publicatie.pk}),
    "openbaar:publicatie_pdf": Regel(ALLE, **OPENBAAR, kwargs={"pk": lambda w: w.publicatie.pk}),
    "openbaar:zoeken_intern": Regel(ALLE, regio_gebonden=False),
    "openbaar:beheer": Regel(PUBLICEREN),
    "openbaar:publiceren": Regel(
        PUBLICEREN,
        methode="POST",
        kwargs={"soort": lambda w: "versie", "pk": lambda w: w.versie.pk},
    ),  # fmt: skip
    "openbaar:intrekken": Regel(PUBLICEREN, kwargs={"pk": lambda w: w.publicatie.pk}),
    "inkoop:pdf_downloaden": Regel(CONCEPTEN, kwargs={"soort": lambda w: "versie"}),
    "inkoop:export_download": Regel(CONCEPTEN, kwargs={"pk": lambda w: w.export.pk}),
    "inkoop:bijlagen": Regel(
        CONCEPTEN, kwargs={"soort": lambda w: "sessie", "pk": lambda w: w.sessie.pk}
    ),
    "inkoop:bijlage": Regel(CONCEPTEN, kwargs={"pk": lambda w: w.bijlage.pk}),
    "inkoop:bijlage_verwijderen": Regel(
        SESSIES, methode="POST", kwargs={"pk": lambda w: w.bijlage.pk}
    ),
}

# Default value of each URL kwarg, by name, from the fixture world.
KWARGS = {
    "regio": lambda w: w.regio.slug,
    "slug": lambda w: w.traject.slug,
    "pk": lambda w: w.document.pk,
    "nummer": lambda w: w.versie.nummer,
    "uid": lambda w: w.uitgangspunt.uid,
    "stap": lambda w: w.routestap.pk,
    "sectie_pk": lambda w: w.sectie.pk,
    "soort": lambda w: "conclusie",
    "item": lambda w: w.conclusie.pk,
    "object_id": lambda w: w.versie.pk,
}

# Het JSON-API (api/v1/) kent sleutels in plaats van sessies: tests/api/test_api.py toetst het.
# Zo ook de OpenID Connect-login (account/oidc/): tests/sso/test_oidc.py.
OVERGESLAGEN_PREFIXEN = ("beheer/", "static/", "media/", "__debug__/", "api/", "account/oidc/")


def _alle_urls(patronen=None, prefix="", namespace=None):
    """(name, route, kwarg names) of every URL pattern, walked recursively."""
    if patronen is None:
        patronen = get_resolver().url_patterns
    for patroon in patronen:
        route = prefix + str(patroon.pattern)
        if route.startswith(OVERGESLAGEN_PREFIXEN):
            continue
        if isinstance(patroon, URLResolver):
            ns = patroon.namespace or namespace
            if ns:
                ns = f"{namespace}:{patroon.namespace}" if namespace and patroon.namespace else ns
            yield from _alle_urls(patroon.url_patterns, route, ns)
        elif isinstance(patroon, URLPattern):
            naam = f"{namespace}:{patroon.name}" if namespace else patroon.name
            yield naam, route, tuple(patroon.pattern.regex.groupindex)


URLS = sorted(set(_alle_urls()), key=lambda u: (str(u[0]), u[1]))


def test_elke_url_heeft_een_verwachting():
    zonder_naam = [route for naam, route, _ in URLS if not naam]
    assert zonder_naam == [], f"URL's zonder naam kunnen niet in de tabel: {zonder_naam}"
    namen = {naam for naam, _, _ in URLS}
    ontbreekt = sorted(namen - VERWACHTINGEN.keys())
    assert ontbreekt == [], f"Voeg toe aan VERWACHTINGEN in tests/test_autorisatie.py: {ontbreekt}"
    verouderd = sorted(VERWACHTINGEN.keys() - namen)
    assert verouderd == [], f"Verwachtingen voor URL's die niet (meer) bestaan: {verouderd}"


def test_tabel_kan_falen():
    """The check itself: a URL name missing from the table is reported."""
    namen = {naam for naam, _, _ in URLS} | {"nieuw:zonder_regel"}
    assert sorted(namen - VERWACHTINGEN.keys()) == ["nieuw:zonder_regel"]


@pytest.fixture
def wereld(regio):
    """One of everything in `regio`; the tested users have their role here or elsewhere."""
    w = SimpleNamespace(regio=regio)
    w.traject = TrajectFactory(regio=regio, slug="wereld-2027")
    w.voorziening = TrajectVoorzieningFactory(traject=w.traject).voorziening
    w.leesopdracht = Leesopdracht.objects.create(
        soort="document", object_id=w.traject.pk, bestandsnaam="groot.docx"
    )
    w.uitgangspunt = UitgangspuntFactory(traject=w.traject)
    w.document = DocumentFactory(traject=w.traject)
    w.versie = VersieFactory(document=w.document, nummer=1, ingediend=True)
    w.gremium = GremiumFactory(regio=regio, soort=GremiumSoort.DO)
    w.routestap = RouteStapFactory(traject=w.traject, volgorde=1)
    w.voorstel = VoorstelFactory(traject=w.traject, gremium=w.gremium)
    goedgekeurd = VersieFactory(document=w.document, nummer=2, goedgekeurd=True)
    BesluitFactory(gremium=w.gremium, versie=goedgekeurd)
    w.statuscontrole = Statuscontrole.objects.create()
    w.api_sleutel, _ = api_services.sleutel_uitgeven(
        door=UserFactory(is_superuser=True), naam="Raadpleegtool", regios=[regio]
    )
    w.scope = w.traject.scope.get()
    w.sectie = SectieFactory(document=w.document)
    w.opmerking = Opmerking.objects.create(
        document=w.document, sectie=w.sectie, auteur=UserFactory(), tekst="Graag aanvullen."
    )
    vorige = TrajectFactory(regio=regio)
    w.traject.vorige = vorige
    w.traject.save()
    w.oud_uitgangspunt = UitgangspuntFactory(traject=vorige)
    w.sessie = SessieFactory(regio=regio, traject=w.traject)
    w.conclusie = Conclusie.objects.create(sessie=w.sessie, tekst="Conclusie")
    w.inbreng = InbrengFactory(traject=w.traject, sessie=w.sessie)
    w.mijlpaal = MijlpaalFactory(traject=w.traject)
    w.export = Export.objects.create(
        soort=ExportSoort.VERSIE,
        content_type=ContentType.objects.get_for_model(w.versie),
        object_id=w.versie.pk,
        status=ExportStatus.KLAAR,
        bestandsnaam="notitie.pdf",
        bestand=ContentFile(b"%PDF-1.7 test", name="notitie.pdf"),
        bestand_sha256=hashlib.sha256(b"%PDF-1.7 test").hexdigest(),
    )
    w.bijlage = Bijlage.objects.create(
        content_type=ContentType.objects.get_for_model(w.sessie), object_id=w.sessie.pk,
        bestand=ContentFile(b"%PDF-1.7 bijlage", name="lijst.pdf"), naam="lijst.pdf",
        mime="application/pdf", grootte=16, sha256="0" * 64, geplaatst_door=w.versie.auteur,
    )  # fmt: skip
    # Published directly (the service would refuse a draft): the public pages only read it.
    w.publicatie = Publicatie.objects.create(
        regio=regio, traject=w.traject, soort=PublicatieSoort.VERSIE, versie=w.versie,
        titel="Gepubliceerd", documentdatum=dt.date(2026, 12, 1), gepubliceerd_door=UserFactory(),
    )  # fmt: skip
    return w


def _url(naam, kwarg_namen, regel, w):
    kwargs = {}
    for kwarg in kwarg_namen:
        bron = regel.kwargs.get(kwarg) or KWARGS.get(kwarg)
        assert bron is not None, (
            f"{naam}: geen waarde voor kwarg '{kwarg}' (KWARGS of Regel.kwargs)"
        )
        kwargs[kwarg] = bron(w)
    return reverse(naam, kwargs=kwargs)


def _opvragen(client, regel, url):
    return client.post(url) if regel.methode == "POST" else client.get(url)


def _regel(naam):
    regel = VERWACHTINGEN.get(naam)
    if regel is None:
        pytest.fail(f"Geen verwachting voor URL '{naam}': voeg haar toe aan VERWACHTINGEN")
    return regel


@pytest.mark.parametrize("plek", ["eigen regio", "andere regio"])
@pytest.mark.parametrize("rol", Rol.values)
@pytest.mark.parametrize(("naam", "route", "kwarg_namen"), URLS, ids=[u[0] for u in URLS])
def test_url_per_rol_en_regio(client, wereld, andere_regio, rol, plek, naam, route, kwarg_namen):
    regel = _regel(naam)
    regio = wereld.regio if plek == "eigen regio" else andere_regio
    user = UserFactory()
    user.roltoewijzingen.create(regio=regio, rol=rol)
    client.force_login(user)
    url = _url(naam, kwarg_namen, regel, wereld)
    antwoord = _opvragen(client, regel, url)
    toegestaan = rol in regel.rollen and (plek == "eigen regio" or not regel.regio_gebonden)
    if toegestaan:
        # An empty POST may be refused as a bad request (400): it got past the permission check.
        toegelaten = (200, 302, 400) if regel.methode == "POST" else (200, 302)
        assert antwoord.status_code in toegelaten, f"{rol} ({plek}) hoort {url} te bereiken"
        if antwoord.status_code == 302 and not regel.openbaar:
            assert "/account/inloggen/" not in antwoord.url, f"{rol} naar inlogpagina gestuurd"
    else:
        assert antwoord.status_code in (403, 404), (
            f"{rol} ({plek}) hoort {url} niet te bereiken, kreeg {antwoord.status_code}"
        )


@pytest.mark.parametrize(("naam", "route", "kwarg_namen"), URLS, ids=[u[0] for u in URLS])
def test_url_anoniem(client, wereld, naam, route, kwarg_namen):
    regel = _regel(naam)
    antwoord = _opvragen(client, regel, _url(naam, kwarg_namen, regel, wereld))
    if regel.openbaar:
        assert antwoord.status_code in (200, 302)
    else:
        assert antwoord.status_code == 302 and "/account/inloggen/" in antwoord.url
