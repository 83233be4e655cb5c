"""Concurrent editing (inkoop/core/revisie.py): a save based on a stale revision never
overwrites a colleague's save. Two people open the same edit form, the first saves, the second
gets the form back as typed with the stored version beside it, and a deliberate second save
goes through."""

import datetime as dt
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import reverse

from inkoop.besluitvorming import services as besluitvorming_services
from inkoop.besluitvorming.models import Beslispunt, Voorstel
from inkoop.core.revisie import REVISIE_ONTBREEKT, Conflict
from inkoop.sessies import services
from inkoop.sessies.constants import Verwerking
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Gast, Inbreng, Sessie, Stelling
from inkoop.trajecten.models import Mijlpaal
from regions.constants import Rol
from tests.factories import MijlpaalFactory, TrajectFactory, UitgangspuntFactory, UserFactory
from tests.factories.besluitvorming import BeslispuntFactory, VoorstelFactory
from tests.factories.sessies import (
    ActiepuntFactory,
    ConclusieFactory,
    GastFactory,
    SessieInbrengFactory,
    StellingFactory,
    TrajectSessieFactory,
)
from tests.utils import formulier_waarden, tegelijk_opslaan

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
MELDING = "een collega heeft dit opgeslagen terwijl u het formulier open had"


@pytest.fixture
def traject(regio):
    return TrajectFactory(regio=regio, slug="inkoop-2027")


@pytest.fixture
def sessie(traject):
    return TrajectSessieFactory(traject=traject, titel="Sessie", datum=dt.date(2026, 3, 1))


@pytest.fixture
def collega(met_rol, regio):
    return met_rol(Rol.BELEIDSADVISEUR, regio, username="collega-test")


def ingelogd(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _onderdeel_url(soort):
    return lambda o: reverse(
        "inkoop:onderdeel_bewerken", kwargs={"pk": o.sessie_id, "soort": soort, "item": o.pk}
    )


def _planning_url(m):
    t = m.traject
    return reverse(
        "inkoop:mijlpaal_bewerken", kwargs={"regio": t.regio.slug, "slug": t.slug, "pk": m.pk}
    )


@dataclass
class Geval:
    """One editable thing: how to make it, its edit URL, the field both people change."""

    naam: str
    maak: object
    url: object
    veld: str
    lang: bool  # a long text: shown side by side with its diff; else in the list of fields
    htmx: bool = False  # also edited in the page with HTMX
    extra: dict = field(default_factory=dict)  # other fields both people fill in the same way


GEVALLEN = [
    Geval("conclusie", lambda s: ConclusieFactory(sessie=s), _onderdeel_url("conclusie"),
          "tekst", lang=True, htmx=True),
    Geval("stelling", lambda s: StellingFactory(sessie=s), _onderdeel_url("stelling"),
          "tekst", lang=False, htmx=True),
    Geval("actiepunt", lambda s: ActiepuntFactory(sessie=s), _onderdeel_url("actiepunt"),
          "omschrijving", lang=False, htmx=True),
    Geval("inbreng", lambda s: SessieInbrengFactory(sessie=s), _onderdeel_url("inbreng"),
          "tekst", lang=True, htmx=True),
    Geval("gast", lambda s: GastFactory(sessie=s), _onderdeel_url("gast"),
          "naam", lang=False, htmx=True),
    Geval("agendapunt", lambda s: Agendapunt.objects.create(sessie=s, titel="Opening"),
          _onderdeel_url("agendapunt"), "titel", lang=False, htmx=True),
    Geval("inleiding", lambda s: s,
          lambda s: reverse("inkoop:verslag_inleiding", kwargs={"pk": s.pk}),
          "verslag_inleiding", lang=True, htmx=True),
    Geval("sessie", lambda s: s, lambda s: reverse("inkoop:sessie_bewerken", kwargs={"pk": s.pk}),
          "doel", lang=True),
    Geval("verwerking", lambda s: SessieInbrengFactory(sessie=s),
          lambda i: reverse("inkoop:inbreng_verwerking", kwargs={"pk": i.pk}),
          "verwerking_toelichting", lang=True, extra={"verwerking": Verwerking.DEELS}),
    Geval("mijlpaal", lambda s: MijlpaalFactory(traject=s.traject), _planning_url,
          "omschrijving", lang=False),
    Geval("voorstel",
          lambda s: BeslispuntFactory(voorstel=VoorstelFactory(traject=s.traject)).voorstel,
          lambda v: reverse("inkoop:voorstel_bewerken", kwargs={"pk": v.pk}),
          "aanleiding", lang=True),
]  # fmt: skip
COMBINATIES = [(g, False) for g in GEVALLEN] + [(g, True) for g in GEVALLEN if g.htmx]


def opgeslagen(obj, veld):
    return type(obj).objects.values_list(veld, "revisie").get(pk=obj.pk)


@pytest.mark.parametrize(
    ("geval", "htmx"),
    COMBINATIES,
    ids=[f"{g.naam}-{'htmx' if h else 'pagina'}" for g, h in COMBINATIES],
)
def test_verouderde_opslag_overschrijft_niets(geval, htmx, sessie, adviseur, collega):
    obj = geval.maak(sessie)
    url = geval.url(obj)
    kop = HTMX if htmx else {}
    anna, bram = ingelogd(collega), ingelogd(adviseur)
    # Both open the edit form of the same revision.
    formulier_anna = formulier_waarden(anna.get(url, **kop).content.decode())
    formulier_bram = formulier_waarden(bram.get(url, **kop).content.decode())
    assert formulier_anna["revisie"] == formulier_bram["revisie"] == "1"

    anna_tekst, bram_tekst = f"{geval.naam} volgens Anna", f"{geval.naam} volgens Bram"
    response = anna.post(url, {**formulier_anna, **geval.extra, geval.veld: anna_tekst}, **kop)
    assert response.status_code in (200, 302) and MELDING not in response.content.decode()
    assert opgeslagen(obj, geval.veld) == (anna_tekst, 2)

    # Bram saves from the stale form: nothing is written, he gets his form back.
    response = bram.post(url, {**formulier_bram, **geval.extra, geval.veld: bram_tekst}, **kop)
    assert response.status_code == 200
    html = response.content.decode()
    assert opgeslagen(obj, geval.veld) == (anna_tekst, 2)
    assert ("<html" in html) is not htmx
    alert = html.split('role="alert"', 1)[1]
    assert MELDING in alert.split("</div>", 1)[0]
    assert anna_tekst in html  # the colleague's version beside his
    waarden = formulier_waarden(html)
    assert waarden[geval.veld] == bram_tekst  # what he typed is still in the form
    assert waarden["revisie"] == "2"  # a deliberate second save is based on Anna's revision
    if geval.lang:
        assert 'class="app-conflict__kolommen"' in html
        assert "<del><span" in html and "<ins><span" in html
    else:
        assert "Verschillen met wat er nu is opgeslagen" in html
        rij = html.split("Verschillen met wat er nu is opgeslagen", 1)[1]
        assert anna_tekst in rij and bram_tekst in rij

    # Having compared, he saves the form as it came back: that goes through.
    response = bram.post(url, waarden, **kop)
    assert response.status_code in (200, 302) and MELDING not in response.content.decode()
    assert opgeslagen(obj, geval.veld) == (bram_tekst, 3)


def test_conflict_zonder_verschil_in_de_velden(sessie, adviseur, collega):
    """A colleague changed the item but not to anything else than this user typed."""
    conclusie = ConclusieFactory(sessie=sessie, tekst="Oud")
    url = _onderdeel_url("conclusie")(conclusie)
    formulier = formulier_waarden(ingelogd(adviseur).get(url, **HTMX).content.decode())
    services.onderdeel_opslaan(
        sessie=sessie, onderdeel=Conclusie(pk=conclusie.pk, sessie=sessie, tekst="Nieuw"),
        revisie=1,
    )  # fmt: skip
    html = ingelogd(adviseur).post(url, {**formulier, "tekst": "Nieuw"}, **HTMX).content.decode()
    assert MELDING in html and "gelijk aan de opgeslagen versie" in html
    assert formulier_waarden(html)["revisie"] == "2"


def test_formulier_zonder_revisie_slaat_niets_op_en_zegt_dat(sessie, adviseur):
    """A form from a page opened before this change (no revisie): a message, nothing saved,
    the typed text kept, and saving again goes through."""
    conclusie = ConclusieFactory(sessie=sessie, tekst="Oud")
    url = _onderdeel_url("conclusie")(conclusie)
    client = ingelogd(adviseur)
    html = client.post(url, {"tekst": "Nieuw", "voorziening": ""}, **HTMX).content.decode()
    assert REVISIE_ONTBREEKT in html.replace("\n", " ")
    assert opgeslagen(conclusie, "tekst") == ("Oud", 1)
    waarden = formulier_waarden(html)
    assert waarden["tekst"] == "Nieuw" and waarden["revisie"] == "1"
    client.post(url, waarden, **HTMX)
    assert opgeslagen(conclusie, "tekst") == ("Nieuw", 2)


def test_nieuw_onderdeel_heeft_geen_revisieveld(sessie, adviseur):
    html = ingelogd(adviseur).get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).text
    toevoegen = html.split('id="sectie-conclusie"', 1)[1].split("</section>", 1)[0]
    assert 'name="revisie"' not in toevoegen


# ---------- Services ----------


def test_service_weigert_verouderde_revisie_en_draagt_beide_versies(sessie):
    stelling = StellingFactory(sessie=sessie, tekst="Begin")
    services.onderdeel_opslaan(
        sessie=sessie, onderdeel=Stelling.objects.get(pk=stelling.pk), revisie=1
    )
    verouderd = Stelling.objects.get(pk=stelling.pk)
    Stelling.objects.filter(pk=stelling.pk).update(tekst="Van Anna")
    verouderd.tekst = "Van Bram"
    with pytest.raises(Conflict) as info:
        services.onderdeel_opslaan(sessie=sessie, onderdeel=verouderd, revisie=1)
    assert info.value.revisie == 2
    assert info.value.opgeslagen["tekst"] == "Van Anna" and info.value.eigen["tekst"] == "Van Bram"
    assert info.value.obj.tekst == "Van Anna"
    assert opgeslagen(stelling, "tekst") == ("Van Anna", 2)
    # Without a form (a command) the revision is raised regardless: forms opened before conflict.
    services.onderdeel_opslaan(sessie=sessie, onderdeel=verouderd, revisie=None)
    assert opgeslagen(stelling, "tekst") == ("Van Bram", 3)
    assert verouderd.revisie == 3


def test_verouderde_voorstelopslag_laat_ook_beslispunten_en_versies_staan(traject, adviseur):
    voorstel = VoorstelFactory(traject=traject, onderwerp="Oud")
    BeslispuntFactory(voorstel=voorstel, nummer=1, tekst="Punt van Anna")
    Voorstel.objects.filter(pk=voorstel.pk).update(revisie=2)
    with pytest.raises(Conflict):
        besluitvorming_services.voorstel_opslaan(
            traject=traject, door=adviseur, gegevens={"gremium": voorstel.gremium,
            "onderwerp": "Van Bram"}, beslispunten=["Punt van Bram"], versies=[],
            voorstel=voorstel, revisie=1,
        )  # fmt: skip
    assert Voorstel.objects.get(pk=voorstel.pk).onderwerp == "Oud"
    assert list(Beslispunt.objects.values_list("tekst", flat=True)) == ["Punt van Anna"]


def test_verouderde_verwerking_koppelt_geen_uitgangspunten(sessie, traject):
    inbreng = SessieInbrengFactory(sessie=sessie)
    Inbreng.objects.filter(pk=inbreng.pk).update(revisie=2)
    with pytest.raises(Conflict):
        services.inbreng_verwerken(
            inbreng=inbreng, revisie=1, uitgangspunten=[UitgangspuntFactory(traject=traject)],
            verwerking=Verwerking.KENNISGENOMEN, toelichting="",
        )  # fmt: skip
    assert not Inbreng.objects.get(pk=inbreng.pk).uitgangspunten.exists()


def test_verouderde_sessieopslag_laat_deelnemers_staan(sessie, adviseur):
    sessie.deelnemers.set([adviseur])
    Sessie.objects.filter(pk=sessie.pk).update(revisie=2)
    with pytest.raises(Conflict):
        services.sessie_opslaan(sessie=sessie, deelnemers=[], revisie=1)
    assert list(sessie.deelnemers.all()) == [adviseur]


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_opslag_van_een_conclusie_verliest_niets():
    """Two people save the same item at the same moment from the same revision (real threads,
    real transactions): exactly one wins, the other gets a conflict with both texts."""
    conclusie = ConclusieFactory(tekst="Begin")
    sessie = conclusie.sessie

    def opslaan(i):
        item = Conclusie.objects.get(pk=conclusie.pk)
        item.tekst = f"Tekst {i}"
        services.onderdeel_opslaan(sessie=sessie, onderdeel=item, revisie=1)

    winnaars, verliezers = tegelijk_opslaan(opslaan)
    assert len(winnaars) == 1 and len(verliezers) == 1
    assert opgeslagen(conclusie, "tekst") == (f"Tekst {winnaars[0]}", 2)
    assert verliezers[0].opgeslagen["tekst"] == f"Tekst {winnaars[0]}"
    assert verliezers[0].eigen["tekst"] == f"Tekst {1 - winnaars[0]}"


# ---------- The admin raises the revision too ----------


@pytest.fixture
def beheerder():
    return UserFactory(is_staff=True, is_superuser=True)


def test_opslaan_in_beheer_verhoogt_revisie_en_laat_pagina_conflicteren(
    sessie, adviseur, beheerder
):
    mijlpaal = MijlpaalFactory(traject=sessie.traject, omschrijving="Oud")
    url = _planning_url(mijlpaal)
    formulier = formulier_waarden(ingelogd(adviseur).get(url).content.decode())

    beheer = ingelogd(beheerder)
    wijzig = reverse("admin:inkoop_mijlpaal_change", args=[mijlpaal.pk])
    data = formulier_waarden(beheer.get(wijzig).content.decode(), met_veld="omschrijving")
    response = beheer.post(wijzig, {**data, "omschrijving": "Uit beheer"})
    assert response.status_code == 302
    assert opgeslagen(mijlpaal, "omschrijving") == ("Uit beheer", 2)

    html = ingelogd(adviseur).post(url, {**formulier, "omschrijving": "Van de pagina"}).text
    assert MELDING in html and "Uit beheer" in html
    assert opgeslagen(mijlpaal, "omschrijving") == ("Uit beheer", 2)


def test_inline_in_beheer_verhoogt_revisie(sessie, beheerder):
    conclusie = ConclusieFactory(sessie=sessie, tekst="Oud")
    gast = GastFactory(sessie=sessie)
    beheer = ingelogd(beheerder)
    wijzig = reverse("admin:inkoop_sessie_change", args=[sessie.pk])
    data = formulier_waarden(beheer.get(wijzig).content.decode(), met_veld="titel")
    response = beheer.post(wijzig, {**data, "conclusies-0-tekst": "Uit beheer"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert opgeslagen(conclusie, "tekst") == ("Uit beheer", 2)
    assert Gast.objects.get(pk=gast.pk).revisie == 1  # unchanged inline rows keep theirs
    # The session's own form was unchanged: nothing written, so its revision stays.
    assert Sessie.objects.get(pk=sessie.pk).revisie == 1


MET_REVISIE = [
    Actiepunt,
    Agendapunt,
    Conclusie,
    Gast,
    Inbreng,
    Mijlpaal,
    Sessie,
    Stelling,
    Voorstel,
]


@pytest.mark.parametrize("model", MET_REVISIE, ids=lambda m: m.__name__)
def test_revisie_is_in_beheer_alleen_leesbaar(model):
    from django.contrib import admin

    assert "revisie" in admin.site._registry[model].readonly_fields


# ---------- Deleting from a stale page ----------


def _verwijder_url(obj):
    if isinstance(obj, Mijlpaal):
        return reverse(
            "inkoop:mijlpaal_verwijderen",
            kwargs={"regio": obj.traject.regio.slug, "slug": obj.traject.slug, "pk": obj.pk},
        )
    if isinstance(obj, Voorstel):
        return reverse("inkoop:voorstel_verwijderen", kwargs={"pk": obj.pk})
    return reverse(
        "inkoop:onderdeel_verwijderen",
        kwargs={"pk": obj.sessie_id, "soort": "conclusie", "item": obj.pk},
    )


@pytest.mark.parametrize("soort", ["conclusie", "mijlpaal", "voorstel"])
@pytest.mark.parametrize("htmx", [False, True])
def test_verwijderen_vanaf_verouderde_pagina_verwijdert_niets(
    client_als, adviseur, sessie, traject, soort, htmx
):
    obj = {
        "conclusie": lambda: ConclusieFactory(sessie=sessie),
        "mijlpaal": lambda: MijlpaalFactory(traject=traject),
        "voorstel": lambda: VoorstelFactory(traject=traject),
    }[soort]()
    gezien = obj.revisie
    obj.revisie += 1  # a colleague saved after the page was loaded
    type(obj).objects.filter(pk=obj.pk).update(revisie=obj.revisie)
    client = client_als(adviseur)
    extra = HTMX if htmx and soort == "conclusie" else {}
    response = client.post(_verwijder_url(obj), {"revisie": gezien}, **extra)
    assert type(obj).objects.filter(pk=obj.pk).exists()
    if extra:
        assert response.headers["HX-Redirect"].endswith(f"#conclusie-{obj.pk}")
    pagina = client.get(response.headers.get("HX-Redirect") or response.url).content.decode()
    assert "er is niets verwijderd" in pagina

    # With the revision now shown, the delete goes through.
    client.post(_verwijder_url(obj), {"revisie": obj.revisie}, **extra)
    assert not type(obj).objects.filter(pk=obj.pk).exists()


def test_verwijderknop_draagt_de_revisie(client_als, adviseur, sessie):
    conclusie = ConclusieFactory(sessie=sessie)
    html = client_als(adviseur).get(reverse("inkoop:sessie", kwargs={"pk": sessie.pk})).text
    formulier = html[html.index(_verwijder_url(conclusie)) :]
    assert f'name="revisie" value="{conclusie.revisie}"' in formulier[: formulier.index("</form>")]
