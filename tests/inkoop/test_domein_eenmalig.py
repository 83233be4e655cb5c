"""Issue 11, item 10: duplicates from parallel or repeated submits.

Every create form of the decision route and the sessions carries a one-time token
(inkoop/core/eenmalig.py): the same POST sent twice creates one row and says so. The database
holds the rule too: one decision per body (so per municipality's college) per version; a
carried-over principle is made once per round (the round is locked while it is copied)."""

import datetime as dt
import threading
from dataclasses import dataclass

import pytest
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.urls import reverse

from inkoop.besluitvorming import services as besluit_services
from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit, RouteStap, Voorstel
from inkoop.core.eenmalig import AL_VERSTUURD
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Gast, Inbreng, Sessie, Stelling
from inkoop.trajecten.constants import GremiumSoort
from inkoop.trajecten.models import Mijlpaal
from regions.constants import Rol
from tests.factories import DocumentFactory, GremiumFactory, TrajectFactory, UitgangspuntFactory
from tests.factories.besluitvorming import BesluitFactory, CollegeFactory, VersieFactory
from tests.factories.sessies import TrajectSessieFactory
from tests.utils import formulier_waarden
from uitgangspunten import services as up_services
from uitgangspunten.models import Sectie, Uitgangspunt

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@dataclass
class Aanmaak:
    """One create form: the page that shows it, where it posts, what to fill in, what it makes."""

    naam: str
    pagina: object
    actie: object
    invullen: object
    model: type
    htmx: bool = False


def _kw(t):
    return {"regio": t.regio.slug, "slug": t.slug}


def _onderdeel(soort, model, invullen):
    return Aanmaak(
        soort,
        lambda w: reverse("inkoop:sessie", kwargs={"pk": w["sessie"].pk}),
        lambda w: reverse("inkoop:onderdeel_nieuw", kwargs={"pk": w["sessie"].pk, "soort": soort}),
        invullen,
        model,
        htmx=True,
    )


AANMAKEN = [
    Aanmaak("voorstel", lambda w: reverse("inkoop:voorstel_nieuw", kwargs=_kw(w["traject"])),
            lambda w: reverse("inkoop:voorstel_nieuw", kwargs=_kw(w["traject"])),
            lambda w: {"gremium": w["pfho"].pk, "onderwerp": "Inkoopstrategie",
                       "beslispunten": "In te stemmen"}, Voorstel),
    Aanmaak("besluit",
            lambda w: reverse("inkoop:besluit_nieuw", kwargs=_kw(w["traject"])),
            lambda w: reverse("inkoop:besluit_nieuw", kwargs=_kw(w["traject"])),
            lambda w: {"gremium": w["do"].pk, "datum": "2026-12-01",
                       "uitkomst": Uitkomst.AANGEHOUDEN, "versie": w["versie"].pk}, Besluit),
    Aanmaak("routestap", lambda w: reverse("inkoop:route", kwargs=_kw(w["traject"])),
            lambda w: reverse("inkoop:routestap_toevoegen", kwargs=_kw(w["traject"])),
            lambda w: {"gremium_soort": GremiumSoort.MT, "beoogde_uitkomst": Uitkomst.INGESTEMD},
            RouteStap),
    Aanmaak("sessie", lambda w: reverse("inkoop:sessie_nieuw", kwargs={"regio": "noord"}),
            lambda w: reverse("inkoop:sessie_nieuw", kwargs={"regio": "noord"}),
            lambda w: {"titel": "Marktconsultatie", "datum": "2026-12-01", "soort": "do"}, Sessie),
    _onderdeel("gast", Gast, lambda w: {"naam": "Mevrouw Jansen"}),
    _onderdeel("agendapunt", Agendapunt, lambda w: {"titel": "Opening"}),
    _onderdeel("conclusie", Conclusie, lambda w: {"tekst": "Zo gaan we verder."}),
    _onderdeel("inbreng", Inbreng, lambda w: {"tekst": "Wie doet de toegang?", "soort": "vraag",
                                                "bron_soort": "aanbieder"}),
    _onderdeel("stelling", Stelling, lambda w: {"tekst": "Minder aanbieders", "eens": "3",
                                                "oneens": "1", "resultaat_soort": "eens_oneens"}),
    _onderdeel("actiepunt", Actiepunt, lambda w: {"omschrijving": "Planning rondsturen",
                                                  "eigenaar": "Team inkoop"}),
    Aanmaak("mijlpaal", lambda w: reverse("inkoop:mijlpaal_nieuw", kwargs=_kw(w["traject"])),
            lambda w: reverse("inkoop:mijlpaal_nieuw", kwargs=_kw(w["traject"])),
            lambda w: {"omschrijving": "Gunning", "periode": "Q3 2027", "status": "gepland",
                       "volgorde": "0"}, Mijlpaal),
    Aanmaak("sectie",
            lambda w: reverse("uitgangspunten:document", args=[w["versie"].document.pk]),
            lambda w: reverse("uitgangspunten:sectie_nieuw", args=[w["versie"].document.pk]),
            lambda w: {"soort": "tekst", "titel": "Financiën"}, Sectie, htmx=True),
    Aanmaak("uitgangspunt",
            lambda w: reverse("uitgangspunten:lijst", kwargs=_kw(w["traject"])),
            lambda w: reverse("uitgangspunten:uitgangspunt_nieuw", kwargs=_kw(w["traject"])),
            lambda w: {"soort": "strategisch", "titel": "Eén loket"}, Uitgangspunt, htmx=True),
]  # fmt: skip
COMBINATIES = [(a, False) for a in AANMAKEN] + [(a, True) for a in AANMAKEN if a.htmx]


@pytest.fixture
def wereld(regio, adviseur, met_rol):
    met_rol(Rol.SECRETARIS, regio)
    traject = TrajectFactory(regio=regio, slug="inkoop-2027")
    versie = VersieFactory(document=DocumentFactory(traject=traject), goedgekeurd=True)
    return {
        "traject": traject,
        "versie": versie,
        "sessie": TrajectSessieFactory(traject=traject, datum=dt.date(2026, 3, 1)),
        "pfho": GremiumFactory(regio=regio, soort=GremiumSoort.PFHO),
        "do": GremiumFactory(regio=regio, soort=GremiumSoort.DO),
    }


def _formulier(html, actie):
    if f'action="{actie}"' not in html:  # a form that posts to its own page
        return formulier_waarden(html, "formulier_token")
    begin = html.rindex("<form", 0, html.index(f'action="{actie}"'))
    return formulier_waarden(html[begin : html.index("</form>", begin) + 7], "formulier_token")


@pytest.mark.parametrize(
    ("aanmaak", "htmx"), COMBINATIES, ids=[f"{a.naam}-{'htmx' if h else 'pagina'}"
                                          for a, h in COMBINATIES],
)  # fmt: skip
def test_dubbel_verstuurd_maakt_een_rij_en_zegt_dat(client_als, adviseur, wereld, aanmaak, htmx):
    client = client_als(adviseur)
    if aanmaak.naam == "besluit":
        adviseur.is_superuser = True  # the form's versions and bodies need both roles' rights
        adviseur.save()
    actie = aanmaak.actie(wereld)
    waarden = {**_formulier(client.get(aanmaak.pagina(wereld)).text, actie),
               **aanmaak.invullen(wereld)}  # fmt: skip
    assert waarden["formulier_token"]
    kop = HTMX if htmx else {}
    voor = aanmaak.model.objects.count()
    eerste = client.post(actie, waarden, **kop)
    assert eerste.status_code in (200, 302), eerste.content.decode()[:3000]
    na_eerste = aanmaak.model.objects.count()
    assert na_eerste > voor
    tweede = client.post(actie, waarden, **kop)
    assert aanmaak.model.objects.count() == na_eerste
    doel = tweede.headers.get("HX-Redirect") or tweede.headers.get("Location")
    assert doel, tweede.status_code
    assert AL_VERSTUURD in client.get(doel).content.decode()


def test_nieuw_formulier_krijgt_een_nieuw_token(client_als, adviseur, wereld):
    url = reverse("inkoop:voorstel_nieuw", kwargs=_kw(wereld["traject"]))
    client = client_als(adviseur)
    eerste = _formulier(client.get(url).text, url)["formulier_token"]
    tweede = _formulier(client.get(url).text, url)["formulier_token"]
    assert eerste != tweede


def test_geweigerd_formulier_kan_opnieuw_verstuurd_worden(client_als, adviseur, wereld):
    """A refusal rolls the token back with it: the form shown again still goes through."""
    url = reverse("inkoop:voorstel_nieuw", kwargs=_kw(wereld["traject"]))
    client = client_als(adviseur)
    waarden = {**_formulier(client.get(url).text, url), "onderwerp": "", "beslispunten": "x",
               "gremium": wereld["pfho"].pk}  # fmt: skip
    assert client.post(url, waarden).status_code == 200
    client.post(url, {**waarden, "onderwerp": "Nu wel"})
    assert Voorstel.objects.filter(onderwerp="Nu wel").count() == 1


# ---------- Database constraints ----------


def test_database_kent_een_besluit_per_gremium_en_versie(wereld):
    regio = wereld["traject"].regio
    college = CollegeFactory(regio=regio, gemeente=regio.lidmaatschappen.first().gemeente)
    BesluitFactory(gremium=college, versie=wereld["versie"], uitkomst=Uitkomst.VASTGESTELD)
    with pytest.raises(IntegrityError), transaction.atomic():
        BesluitFactory(gremium=college, versie=wereld["versie"], uitkomst=Uitkomst.VASTGESTELD)
    # Postponing more than once stays possible.
    BesluitFactory(gremium=wereld["do"], versie=wereld["versie"], uitkomst=Uitkomst.AANGEHOUDEN)
    BesluitFactory(gremium=wereld["do"], versie=wereld["versie"], uitkomst=Uitkomst.AANGEHOUDEN)


def _tegelijk(aantal, functie):
    start = threading.Barrier(aantal)
    fouten = []

    def draad():
        try:
            start.wait()
            functie()
        except Exception as exc:  # each refusal is counted below
            fouten.append(exc)
        finally:
            close_old_connections()
            connection.close()

    draden = [threading.Thread(target=draad) for _ in range(aantal)]
    for t in draden:
        t.start()
    for t in draden:
        t.join()
    return fouten


@pytest.mark.skipif(connection.vendor != "postgresql", reason="echte gelijktijdigheid: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_drie_parallelle_collegebesluiten_geven_een_besluit(met_rol, regio):
    secretaris = met_rol(Rol.SECRETARIS, regio)
    traject = TrajectFactory(regio=regio)
    versie = VersieFactory(document=DocumentFactory(traject=traject), goedgekeurd=True)
    college = CollegeFactory(regio=regio, gemeente=regio.lidmaatschappen.first().gemeente)
    fouten = _tegelijk(3, lambda: besluit_services.besluit_vastleggen(
        gremium=college, door=secretaris, datum=dt.date(2026, 12, 1),
        uitkomst=Uitkomst.VASTGESTELD, versie=versie, afwijking="Test van gelijktijdigheid",
    ))  # fmt: skip
    assert Besluit.objects.filter(gremium=college, versie=versie).count() == 1
    assert len(fouten) == 2 and all("al over deze versie besloten" in str(f) for f in fouten)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="echte gelijktijdigheid: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_drie_parallelle_herbevestigingen_geven_een_kopie(met_rol, regio):
    adviseur = met_rol(regio=regio)
    vorig_traject = TrajectFactory(regio=regio)
    traject = TrajectFactory(regio=regio, vorige=vorig_traject)
    vorig = UitgangspuntFactory(traject=vorig_traject)
    fouten = _tegelijk(3, lambda: up_services.uitgangspunt_herbevestigen(
        vorig=vorig, traject=traject, auteur=adviseur))  # fmt: skip
    assert fouten == []
    assert Uitgangspunt.objects.filter(traject=traject, herkomst=vorig).count() == 1
