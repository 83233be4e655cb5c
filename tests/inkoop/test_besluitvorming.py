"""Rules of the decision route: four eyes, transitions, derived status, college count, mails."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from inkoop.besluitvorming import services
from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit, BesluitPunt, RouteStap
from inkoop.besluitvorming.selectors import deelnemende_gemeenten, versie_status
from inkoop.core.fouten import DomeinFout
from inkoop.trajecten.constants import GremiumSoort
from regions.constants import Rol
from tests.factories import (
    DeelnameFactory,
    DocumentFactory,
    GremiumFactory,
    LidmaatschapFactory,
    RoltoewijzingFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
)
from tests.factories.besluitvorming import (
    BeslispuntFactory,
    BesluitFactory,
    CollegeFactory,
    VersieFactory,
    VoorstelFactory,
)
from uitgangspunten.constants import Beoordeling

pytestmark = pytest.mark.django_db


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


@pytest.fixture
def versie(traject, adviseur):
    return VersieFactory(document=DocumentFactory(traject=traject), nummer=1, auteur=adviseur)


@pytest.fixture
def secretaris(met_rol, regio):
    return met_rol(Rol.SECRETARIS, regio, username="secretaris-test")


def leden(regio):
    return [lid.gemeente for lid in regio.lidmaatschappen.select_related("gemeente")]


# --- Four eyes and transitions --------------------------------------------------------------


def test_indienen_en_goedkeuren_leggen_elke_overgang_vast(versie, adviseur, directeur):
    services.versie_indienen(versie=versie, door=adviseur, opmerking="Graag kijken")
    services.versie_goedkeuren(versie=versie, door=directeur)
    versie.refresh_from_db()
    assert versie.beoordeling == Beoordeling.GOEDGEKEURD
    overgangen = list(versie.overgangen.order_by("op", "pk"))
    assert [(o.van, o.naar, o.door) for o in overgangen] == [
        (Beoordeling.CONCEPT, Beoordeling.INGEDIEND, adviseur),
        (Beoordeling.INGEDIEND, Beoordeling.GOEDGEKEURD, directeur),
    ]
    assert overgangen[0].opmerking == "Graag kijken"
    assert overgangen[0].op is not None


def test_auteur_keurt_nooit_eigen_versie_goed_ook_niet_als_directeur(versie, met_rol, regio):
    auteur_directeur = met_rol(Rol.DIRECTEUR, regio)
    # The same person also holds the advisor role, so could author and submit.
    RoltoewijzingFactory(gebruiker=auteur_directeur, regio=regio, rol=Rol.BELEIDSADVISEUR)
    eigen = VersieFactory(document=versie.document, nummer=2, auteur=auteur_directeur)
    services.versie_indienen(versie=eigen, door=auteur_directeur)
    with pytest.raises(services.VierOgenFout):
        services.versie_goedkeuren(versie=eigen, door=auteur_directeur)
    with pytest.raises(services.VierOgenFout):
        services.versie_terugsturen(versie=eigen, door=auteur_directeur, opmerking="Zelf")
    eigen.refresh_from_db()
    assert eigen.beoordeling == Beoordeling.INGEDIEND


def test_superuser_die_auteur_is_keurt_ook_niet_goed(versie, adviseur):
    from tests.factories import UserFactory

    baas = UserFactory(is_superuser=True, is_staff=True)
    eigen = VersieFactory(document=versie.document, nummer=2, auteur=baas)
    services.versie_indienen(versie=eigen, door=baas)
    with pytest.raises(services.VierOgenFout):
        services.versie_goedkeuren(versie=eigen, door=baas)


def test_terugsturen_vraagt_een_opmerking(versie, adviseur, directeur):
    services.versie_indienen(versie=versie, door=adviseur)
    with pytest.raises(DomeinFout, match="wat er moet veranderen"):
        services.versie_terugsturen(versie=versie, door=directeur, opmerking="  ")
    services.versie_terugsturen(versie=versie, door=directeur, opmerking="Paragraaf 2 korter")
    versie.refresh_from_db()
    assert versie.beoordeling == Beoordeling.TERUGGESTUURD
    # Sent back, it may be submitted again.
    services.versie_indienen(versie=versie, door=adviseur)
    versie.refresh_from_db()
    assert versie.beoordeling == Beoordeling.INGEDIEND


@pytest.mark.parametrize(
    ("actie", "rol"),
    [("indienen", Rol.DIRECTEUR), ("indienen", Rol.SECRETARIS), ("goedkeuren", Rol.BELEIDSADVISEUR),
     ("goedkeuren", Rol.PORTEFEUILLEHOUDER), ("goedkeuren", Rol.LEZER)],
)  # fmt: skip
def test_overgang_vraagt_de_juiste_rol(versie, met_rol, regio, adviseur, actie, rol):
    if actie == "goedkeuren":
        services.versie_indienen(versie=versie, door=adviseur)
    with pytest.raises(DomeinFout):
        getattr(services, f"versie_{actie}")(versie=versie, door=met_rol(rol, regio))


def test_directeur_van_andere_regio_beoordeelt_niet(versie, adviseur, met_rol, andere_regio):
    services.versie_indienen(versie=versie, door=adviseur)
    with pytest.raises(DomeinFout):
        services.versie_goedkeuren(versie=versie, door=met_rol(Rol.DIRECTEUR, andere_regio))


def test_ongeldige_overgangen_worden_geweigerd(versie, adviseur, directeur):
    with pytest.raises(DomeinFout):
        services.versie_goedkeuren(versie=versie, door=directeur)  # not submitted
    services.versie_indienen(versie=versie, door=adviseur)
    with pytest.raises(DomeinFout):
        services.versie_indienen(versie=versie, door=adviseur)  # already submitted
    services.versie_goedkeuren(versie=versie, door=directeur)
    with pytest.raises(DomeinFout):
        services.versie_terugsturen(versie=versie, door=directeur, opmerking="Te laat")


# --- Notifications --------------------------------------------------------------------------


def test_titel_met_regeleinde_houdt_de_mail_niet_tegen(
    versie, adviseur, directeur, django_capture_on_commit_callbacks
):
    """A title with CR/LF (stored by an import or the admin) once made Django refuse the
    subject (BadHeaderError), so the review mail silently stayed away (issue 11, item 24)."""
    versie.document.titel = "Notitie\r\nBcc: iemand@evil.example"
    versie.document.save(update_fields=["titel"])
    with django_capture_on_commit_callbacks(execute=True):
        services.versie_indienen(versie=versie, door=adviseur)
    assert len(mail.outbox) == 1
    onderwerp = mail.outbox[0].subject
    assert "\n" not in onderwerp and "\r" not in onderwerp
    assert "Notitie Bcc: iemand@evil.example" in onderwerp
    assert mail.outbox[0].bcc == []


def test_mails_bij_indienen_goedkeuren_en_volgende_stap(
    versie, adviseur, directeur, secretaris, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.versie_indienen(versie=versie, door=adviseur)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [directeur.email]
    assert f"/documenten/{versie.document_id}/besluitvorming/" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        services.versie_goedkeuren(versie=versie, door=directeur)
    ontvangers = {tuple(m.to): m for m in mail.outbox[1:]}
    assert (adviseur.email,) in ontvangers
    assert "goedgekeurd" in ontvangers[(adviseur.email,)].subject
    # The first step of the route (DO) now needs a decision: the secretaries hear of it.
    aan_secretaris = ontvangers[(secretaris.email,)]
    assert "Directieoverleg" in aan_secretaris.subject
    assert f"/besluiten/nieuw/?versie={versie.pk}" in aan_secretaris.body


def test_mail_bij_terugsturen_naar_auteur(
    versie, adviseur, directeur, django_capture_on_commit_callbacks
):
    services.versie_indienen(versie=versie, door=adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        services.versie_terugsturen(versie=versie, door=directeur, opmerking="Cijfers ontbreken")
    assert [m.to for m in mail.outbox] == [[adviseur.email]]
    assert "Cijfers ontbreken" in mail.outbox[0].body


def test_een_mail_per_persoon_per_gebeurtenis(
    versie, adviseur, directeur, met_rol, regio, settings, django_capture_on_commit_callbacks
):
    """Two accounts with one address (in another case) get one e-mail; the author who is also
    secretary gets one e-mail on approval that says both things; links go to SITE_URL."""
    settings.SITE_URL = "https://inkoop.example/"
    met_rol(Rol.DIRECTEUR, regio, email=directeur.email.upper())
    RoltoewijzingFactory(gebruiker=adviseur, regio=regio, rol=Rol.SECRETARIS)
    with django_capture_on_commit_callbacks(execute=True):
        services.versie_indienen(versie=versie, door=adviseur)
    assert [m.to for m in mail.outbox] == [[directeur.email]]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.versie_goedkeuren(versie=versie, door=directeur)
    assert [m.to for m in mail.outbox] == [[adviseur.email]]
    (bericht,) = mail.outbox
    assert "goedgekeurd" in bericht.subject
    assert "Besluit vastleggen: https://inkoop.example/" in bericht.body
    assert f"Bekijken: https://inkoop.example/documenten/{versie.document_id}/" in bericht.body


# --- Route ----------------------------------------------------------------------------------


def test_standaardroute_op_aanvraag_en_aanpasbaar(traject, adviseur, lezer):
    status = versie_status(VersieFactory(document__traject=traject, goedgekeurd=True))
    assert [s.stap.gremium_soort for s in status.stappen] == [
        GremiumSoort.DO, GremiumSoort.PFHO, GremiumSoort.ADVIESRAAD, GremiumSoort.COLLEGE,
        GremiumSoort.RAAD,
    ]  # fmt: skip
    assert not RouteStap.objects.exists()  # the default is not stored by reading

    stap = services.routestap_toevoegen(
        traject=traject, door=adviseur, gremium_soort=GremiumSoort.MT,
        beoogde_uitkomst=Uitkomst.INGESTEMD,
    )  # fmt: skip
    assert stap.volgorde == 6 and traject.route.count() == 6
    services.routestap_verplaatsen(stap=stap, door=adviseur, richting="op")
    volgorde = list(traject.route.order_by("volgorde").values_list("gremium_soort", flat=True))
    assert volgorde[4:] == [GremiumSoort.MT, GremiumSoort.RAAD]
    do = traject.route.get(gremium_soort=GremiumSoort.DO)
    services.routestap_verwijderen(stap=do, door=adviseur)
    assert list(traject.route.order_by("volgorde").values_list("volgorde", flat=True)) == [
        1, 2, 3, 4, 5
    ]  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.routestap_verwijderen(stap=traject.route.first(), door=lezer)


# --- Derived status and the college count ---------------------------------------------------


def test_deelnemende_gemeenten_respecteren_afmeldingen(regio, traject):
    a, b, c = leden(regio)
    hh = TrajectVoorzieningFactory(traject=traject).voorziening
    bg = TrajectVoorzieningFactory(traject=traject).voorziening
    # a opts out of one service only: still takes part; b of every service in scope: not.
    DeelnameFactory(voorziening=hh, gemeente=a)
    DeelnameFactory(voorziening=hh, gemeente=b)
    DeelnameFactory(voorziening=bg, gemeente=b)
    # An opt-out of a service outside the scope changes nothing.
    DeelnameFactory(voorziening__regio=regio, gemeente=c)
    # A former member does not count.
    LidmaatschapFactory(regio=regio, begin=dt.date(2010, 1, 1), einde=dt.date(2014, 12, 31))
    assert deelnemende_gemeenten([traject])[traject.pk] == sorted([a, c], key=lambda g: g.naam)


def test_traject_zonder_scope_telt_alle_actuele_leden(regio, traject):
    assert len(deelnemende_gemeenten([traject])[traject.pk]) == 3


def _besluit(gremium, versie, uitkomst=Uitkomst.VASTGESTELD, **kw):
    return BesluitFactory(gremium=gremium, versie=versie, uitkomst=uitkomst, **kw)


def test_status_volgt_uit_besluiten(regio, traject):
    versie = VersieFactory(document__traject=traject, goedgekeurd=True)
    a, b, c = leden(regio)
    do = GremiumFactory(regio=regio, soort=GremiumSoort.DO, naam="DO")
    pfho = GremiumFactory(regio=regio, soort=GremiumSoort.PFHO, naam="PFHO")
    status = versie_status(versie)
    assert status.volgende.stap.gremium_soort == GremiumSoort.DO
    assert status.samenvatting == "Nog in geen gremium besloten"

    _besluit(do, versie, Uitkomst.INGESTEMD)
    _besluit(pfho, versie, Uitkomst.AANGEHOUDEN)
    status = versie_status(versie)
    assert [s.gezet for s in status.stappen[:2]] == [True, False]
    assert status.volgende.naam == "Portefeuillehoudersoverleg (PFHO)"
    assert status.stappen[1].samenvatting == "aangehouden door Portefeuillehoudersoverleg (PFHO)"

    _besluit(pfho, versie, Uitkomst.VRIJGEGEVEN)
    _besluit(GremiumFactory(regio=regio, soort=GremiumSoort.ADVIESRAAD), versie,
             Uitkomst.KENNISGENOMEN)  # fmt: skip
    colleges = [CollegeFactory(regio=regio, gemeente=g) for g in (a, b, c)]
    _besluit(colleges[0], versie)
    _besluit(colleges[2], versie)
    _besluit(colleges[1], versie, Uitkomst.AFGEWEZEN)  # does not count
    status = versie_status(versie)
    assert status.college.samenvatting == "vastgesteld door 2 van 3 colleges"
    assert status.samenvatting == "Vastgesteld door 2 van 3 colleges"
    assert status.college.ontbrekend == [b]
    # A decision on another version does not count for this one.
    andere = VersieFactory(document=versie.document, goedgekeurd=True)
    _besluit(colleges[1], andere)
    assert versie_status(versie).college.ontbrekend == [b]
    _besluit(colleges[1], versie)
    assert versie_status(versie).samenvatting == "Vastgesteld door alle 3 colleges"


def test_afkorting_van_een_gremium_houdt_haar_hoofdletters(regio, traject, client_als, adviseur):
    """str.capitalize() and |lower turned "Portefeuillehoudersoverleg (PFHO)" into "(pfho)"."""
    from django.urls import reverse

    versie = VersieFactory(document__traject=traject, goedgekeurd=True)
    _besluit(GremiumFactory(regio=regio, soort=GremiumSoort.DO), versie, Uitkomst.INGESTEMD)
    _besluit(GremiumFactory(regio=regio, soort=GremiumSoort.PFHO), versie, Uitkomst.VRIJGEGEVEN)
    status = versie_status(versie)
    assert status.samenvatting == "Vrijgegeven voor advies door Portefeuillehoudersoverleg (PFHO)"
    client = client_als(adviseur)
    regiopagina = client.get(reverse("inkoop:regio", args=[regio.slug])).text
    assert "vrijgegeven voor advies door Portefeuillehoudersoverleg (PFHO)" in regiopagina
    trajectpagina = client.get(reverse("inkoop:traject", args=[regio.slug, traject.slug])).text
    documentpagina = client.get(
        reverse("inkoop:document_besluitvorming", args=[versie.document_id])
    ).text
    for html in (regiopagina, trajectpagina, documentpagina):
        assert "(PFHO)" in html
        assert "(pfho)" not in html and "(do)" not in html


def test_collegetelling_met_afmelding(regio, traject):
    a, b, c = leden(regio)
    hh = TrajectVoorzieningFactory(traject=traject).voorziening
    DeelnameFactory(voorziening=hh, gemeente=b)  # b opts out of the only service in scope
    versie = VersieFactory(document__traject=traject, goedgekeurd=True)
    _besluit(CollegeFactory(regio=regio, gemeente=a), versie)
    status = versie_status(versie)
    assert status.college.samenvatting == "vastgesteld door 1 van 2 colleges"
    assert status.college.ontbrekend == [c]


# --- Proposals and decisions ----------------------------------------------------------------


def test_voorstel_met_genummerde_beslispunten(traject, adviseur, regio):
    pfho = GremiumFactory(regio=regio, soort=GremiumSoort.PFHO)
    versie = VersieFactory(document__traject=traject, goedgekeurd=True)
    gegevens = {"gremium": pfho, "onderwerp": "Uitgangspunten 2027", "financien": "Geen"}
    voorstel = services.voorstel_opslaan(
        traject=traject, door=adviseur, gegevens=gegevens,
        beslispunten=["Vrijgeven voor advies", "", "Kennisnemen van de planning"], versies=[versie],
    )  # fmt: skip
    assert [(b.nummer, b.tekst) for b in voorstel.beslispunten.all()] == [
        (1, "Vrijgeven voor advies"), (2, "Kennisnemen van de planning")
    ]  # fmt: skip
    assert list(voorstel.versies.all()) == [versie]
    assert voorstel.financien == "Geen" and voorstel.opgesteld_door == adviseur
    voorstel = services.voorstel_opslaan(
        traject=traject, door=adviseur, gegevens=gegevens, beslispunten=["Alleen dit"],
        versies=[], voorstel=voorstel,
    )  # fmt: skip
    assert list(voorstel.beslispunten.values_list("nummer", "tekst")) == [(1, "Alleen dit")]


def test_besluit_met_uitkomst_per_beslispunt(traject, regio, secretaris):
    versie = VersieFactory(document__traject=traject, goedgekeurd=True)
    pfho = GremiumFactory(regio=regio, soort=GremiumSoort.PFHO)
    voorstel = VoorstelFactory(traject=traject, gremium=pfho)
    voorstel.versies.add(versie)
    p1 = BeslispuntFactory(voorstel=voorstel, nummer=1)
    p2 = BeslispuntFactory(voorstel=voorstel, nummer=2)
    _besluit(GremiumFactory(regio=regio, soort=GremiumSoort.DO), versie, Uitkomst.INGESTEMD)
    besluit = services.besluit_vastleggen(
        gremium=pfho, door=secretaris, datum=dt.date(2027, 1, 20), uitkomst=Uitkomst.VRIJGEGEVEN,
        voorstel=voorstel, punten={p2.pk: Uitkomst.AANGEHOUDEN}, toelichting="Na discussie",
    )  # fmt: skip
    # The proposal's only version is the one decided on.
    assert besluit.versie == versie
    punten = dict(BesluitPunt.objects.filter(besluit=besluit).values_list("beslispunt", "uitkomst"))
    assert punten == {p1.pk: Uitkomst.VRIJGEGEVEN, p2.pk: Uitkomst.AANGEHOUDEN}
    # Once decided, a decision point cannot be rewritten or removed, nor the proposal deleted.
    with pytest.raises(DomeinFout):
        services.voorstel_opslaan(
            traject=traject, door=secretaris_als_adviseur(regio), gegevens={"gremium": pfho,
            "onderwerp": "x"}, beslispunten=["Iets anders"], versies=[], voorstel=voorstel,
        )  # fmt: skip
    with pytest.raises(DomeinFout):
        services.voorstel_verwijderen(voorstel=voorstel, door=secretaris_als_adviseur(regio))


def secretaris_als_adviseur(regio):
    return RoltoewijzingFactory(regio=regio, rol=Rol.BELEIDSADVISEUR).gebruiker


def test_besluit_alleen_over_goedgekeurde_versie(traject, regio, secretaris, versie):
    do = GremiumFactory(regio=regio, soort=GremiumSoort.DO)
    with pytest.raises(DomeinFout, match="goedgekeurde"):
        services.besluit_vastleggen(
            gremium=do, door=secretaris, datum=dt.date(2027, 1, 1), uitkomst=Uitkomst.INGESTEMD,
            versie=versie,
        )  # fmt: skip
    assert not Besluit.objects.exists()


def test_een_college_besluit_eenmaal_per_versie(traject, regio, secretaris):
    versie = VersieFactory(document__traject=traject, goedgekeurd=True)
    college = CollegeFactory(regio=regio, gemeente=leden(regio)[0])
    kwargs = {"gremium": college, "door": secretaris, "datum": dt.date(2027, 3, 1),
              "uitkomst": Uitkomst.VASTGESTELD, "versie": versie,
              "afwijking": "Eerdere stappen buiten de app"}  # fmt: skip
    services.besluit_vastleggen(**kwargs)
    with pytest.raises(DomeinFout, match="al over deze versie"):
        services.besluit_vastleggen(**kwargs)


def test_besluit_vraagt_recht_en_eigen_regio(traject, regio, andere_regio, met_rol, directeur):
    versie = VersieFactory(document__traject=traject, goedgekeurd=True)
    do = GremiumFactory(regio=regio, soort=GremiumSoort.DO)
    for user in (directeur, met_rol(Rol.SECRETARIS, andere_regio)):
        with pytest.raises(PermissionDenied):
            services.besluit_vastleggen(
                gremium=do, door=user, datum=dt.date(2027, 1, 1), uitkomst=Uitkomst.INGESTEMD,
                versie=versie,
            )  # fmt: skip
    # A version of another region cannot be attached to this region's body.
    vreemd = VersieFactory(document__traject__regio=andere_regio, goedgekeurd=True)
    with pytest.raises(DomeinFout):
        services.besluit_vastleggen(
            gremium=do, door=met_rol(Rol.SECRETARIS, regio), datum=dt.date(2027, 1, 1),
            uitkomst=Uitkomst.INGESTEMD, versie=vreemd,
        )  # fmt: skip
