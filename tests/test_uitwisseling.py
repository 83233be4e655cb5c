"""Export and import of a region round-trip with nothing lost: the demo region is exported,
imported (next to it under a new name, and after deleting it), exported again, and both
dumps are compared field by field after following the old→new key mapping."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Beslispunt, Besluit, BesluitPunt, Voorstel
from inkoop.sessies.models import Agendapunt, Gast, Inbreng, Sessie
from inkoop.uitwisseling.regio import (
    GEBRUIKER,
    GEMEENTE,
    MODELLEN,
    ImportFout,
    regio_exporteren,
    regio_importeren,
    regio_verwijderen,
)
from regions.constants import Rol
from regions.models import Regio
from uitgangspunten.constants import Beoordeling
from uitgangspunten.inhoud import document_inhoud
from uitgangspunten.models import (
    Document,
    Opmerking,
    Sectie,
    Uitgangspunt,
    Versie,
    VersieOvergang,
)
from voorzieningen.models import Perceel

pytestmark = pytest.mark.django_db


def verrijken(regio):
    """Add what the demo has not (yet): versions with review, comments, proposals, decisions,
    agenda, guests, attendees, input linked to principles, figures linked to a section."""
    traject = regio.trajecten.order_by("-startjaar").first()
    document = traject.documenten.first()
    adviseur = regio.rollen.get(rol=Rol.BELEIDSADVISEUR).gebruiker
    directeur = regio.rollen.get(rol=Rol.DIRECTEUR).gebruiker
    sessie = regio.sessies.filter(inbreng__isnull=False).first()
    gremium = regio.gremia.first()
    up = traject.uitgangspunten.first()
    versie = Versie.objects.create(
        document=document, nummer=document.versies.count() + 1, inhoud=document_inhoud(document),
        inhoud_hash="a" * 64,
        auteur=adviseur, beoordeling=Beoordeling.GOEDGEKEURD,
    )  # fmt: skip
    VersieOvergang.objects.create(
        versie=versie, van=Beoordeling.INGEDIEND, naar=Beoordeling.GOEDGEKEURD, door=directeur
    )
    Opmerking.objects.create(
        document=document, sectie=document.secties.first(), uitgangspunt=up,
        auteur=directeur, tekst="Scherper graag.",
    )  # fmt: skip
    voorstel = Voorstel.objects.create(
        traject=traject, gremium=gremium, onderwerp="Vaststellen", opgesteld_door=adviseur
    )
    voorstel.versies.add(versie)
    punt = Beslispunt.objects.create(voorstel=voorstel, nummer=1, tekst="In te stemmen.")
    besluit = Besluit.objects.create(
        gremium=gremium, datum=dt.date(2026, 3, 1), sessie=sessie, voorstel=voorstel,
        versie=versie, verslag_van=sessie, uitkomst=Uitkomst.VASTGESTELD, vastgelegd_door=adviseur,
    )  # fmt: skip
    BesluitPunt.objects.create(besluit=besluit, beslispunt=punt, uitkomst=Uitkomst.VASTGESTELD)
    Agendapunt.objects.create(
        sessie=sessie, titel="Notitie", document=document, versie=versie, voorstel=voorstel
    )
    Gast.objects.create(sessie=sessie, naam="Gast", organisatie="Aanbieder")
    sessie.deelnemers.add(adviseur, directeur)
    sessie.inbreng.first().uitgangspunten.add(up)
    kengetallen = document.secties.filter(soort="kengetallen").first() or document.secties.first()
    kengetallen.voorzieningen.add(*regio.voorzieningen.all()[:2])
    perceel = Perceel.objects.create(
        regio=regio, nummer=9, naam="Begeleiding", aandeel_financien=40
    )
    hoofd, module = regio.voorzieningen.order_by("pk")[:2]
    module.parent, module.perceel = hoofd, perceel
    module.save()
    Uitgangspunt.objects.create(
        traject=traject, soort="voorziening", perceel=perceel, titel="Per perceel", herkomst=up
    )
    # Deleted since, with history: a principle edited twice, a section of the document, and
    # a whole extra document with a section. Their history is part of the record.
    weg = Uitgangspunt.objects.create(traject=traject, soort="strategisch", titel="Weg")
    weg.uitleg = "Toch niet."
    weg.save()
    weg.delete()
    document.secties.create(soort="tekst", titel="Tijdelijk", volgorde=99).delete()
    ander = traject.documenten.create(titel="Concept dat verviel", aangemaakt_door=adviseur)
    ander.secties.create(soort="tekst", titel="Losse sectie", volgorde=1)
    ander.delete()
    # A principle continuing one of another region: lineage by uid across regions.
    elders = Uitgangspunt.objects.exclude(traject__regio=regio).first()
    traject.uitgangspunten.exclude(pk=up.pk).filter(herkomst__isnull=True).update(herkomst=elders)


@pytest.fixture
def demo():
    call_command("load_demo", force=True, verbosity=0)
    regio = Regio.objects.get(slug="gooi-en-vechtstreek")
    verrijken(regio)
    return regio


def canoniek(data, mapping=None, uids=None):
    """The dump with old keys replaced by new ones (mapping), rows sorted by key."""
    mapping = mapping or {}
    uids = uids or {}
    schema = data["schema"]

    def nieuw(doel, waarde):
        if waarde is None or doel in (GEBRUIKER, GEMEENTE):
            return waarde
        if isinstance(waarde, dict):
            return {"uid": uids.get(waarde["uid"], waarde["uid"])}
        return mapping.get(doel, {}).get(waarde, waarde)

    modellen = {}
    for label, rijen in data["modellen"].items():
        refs = schema[label]
        uit = []
        for rij in rijen:
            rij = dict(rij)
            rij["pk"] = mapping.get(label, {}).get(rij["pk"], rij["pk"])
            for veld, doel in refs.items():
                if isinstance(rij.get(veld), list):
                    rij[veld] = sorted((nieuw(doel, w) for w in rij[veld]), key=str)
                else:
                    rij[veld] = nieuw(doel, rij.get(veld))
            if "uid" in rij and rij["uid"] in uids:
                rij["uid"] = uids[rij["uid"]]
            if "history_id" in rij:
                rij.pop("pk")  # history rows get new ids; their order is kept
            uit.append(rij)
        modellen[label] = uit
    return {
        "gemeenten": data["gemeenten"],
        "gebruikers": data["gebruikers"],
        "modellen": modellen,
    }


def test_export_is_rijk_en_json(demo):
    data = regio_exporteren(demo)
    json.dumps(data)  # serialisable as is
    leeg = [label for label, rijen in data["modellen"].items() if not rijen]
    assert leeg == [], f"de test-regio mist {leeg}: dan is de heen-en-terugtest niet volledig"
    assert set(data["modellen"]) >= {m._meta.label for m in MODELLEN}


def test_heen_en_terug_onder_nieuwe_naam(demo):
    voor = regio_exporteren(demo)
    resultaat = regio_importeren(voor, slug="kopie", naam="Kopie")
    assert resultaat.regio.slug == "kopie" and resultaat.regio.naam == "Kopie"
    na = regio_exporteren(resultaat.regio)
    # Principles got new uids, because the originals are still here.
    assert resultaat.uids and set(resultaat.uids) == {r["uid"] for r in voor["modellen"]
                                                      ["uitgangspunten.Uitgangspunt"]}  # fmt: skip
    a = canoniek(voor, resultaat.mapping, resultaat.uids)
    b = canoniek(na)
    a["modellen"]["regions.Regio"][0].update(naam="Kopie", slug="kopie")
    assert a == b
    # The original is untouched.
    assert regio_exporteren(Regio.objects.get(pk=demo.pk)) == voor


def test_heen_en_terug_in_lege_regio_na_verwijderen(demo):
    voor = regio_exporteren(demo)
    aantallen = (Sessie.objects.count(), Besluit.objects.count(), Inbreng.objects.count())
    regio_verwijderen(demo)
    assert not Regio.objects.filter(slug=demo.slug).exists()
    assert not Uitgangspunt.objects.filter(traject__regio_id=demo.pk).exists()

    resultaat = regio_importeren(json.loads(json.dumps(voor)))
    assert resultaat.uids == {}  # same uids: links to principles keep working
    na = regio_exporteren(resultaat.regio)
    assert canoniek(voor, resultaat.mapping) == canoniek(na)
    assert (Sessie.objects.count(), Besluit.objects.count(), Inbreng.objects.count()) == aantallen


def test_historie_van_verwijderde_objecten_gaat_mee(demo):
    voor = regio_exporteren(demo)
    titels = {
        label: {r["titel"] for r in voor["modellen"][label]}
        for label in (
            "uitgangspunten.HistoricalUitgangspunt",
            "uitgangspunten.HistoricalSectie",
            "uitgangspunten.HistoricalDocument",
        )
    }
    assert "Weg" in titels["uitgangspunten.HistoricalUitgangspunt"]
    assert {"Tijdelijk", "Losse sectie"} <= titels["uitgangspunten.HistoricalSectie"]
    assert "Concept dat verviel" in titels["uitgangspunten.HistoricalDocument"]

    regio_verwijderen(demo)
    historie = Uitgangspunt.history.model.objects
    assert not historie.filter(titel="Weg").exists()  # removing a region removes it all
    resultaat = regio_importeren(voor)
    rijen = list(historie.filter(titel="Weg").order_by("history_id"))
    assert [r.history_type for r in rijen] == ["+", "~", "-"]
    # One negative id for the three rows: never handed out by a sequence.
    assert len({r.id for r in rijen}) == 1 and rijen[0].id < 0
    sectie = Sectie.history.model.objects.get(titel="Losse sectie", history_type="+")
    document = Document.history.model.objects.filter(titel="Concept dat verviel").first()
    assert sectie.document_id == document.id < 0
    assert canoniek(voor, resultaat.mapping) == canoniek(regio_exporteren(resultaat.regio))


def test_vergelijking_ziet_verlies(demo):
    """The comparison must be able to fail: drop one field value and it differs."""
    voor = regio_exporteren(demo)
    resultaat = regio_importeren(voor, slug="kopie2")
    Uitgangspunt.objects.filter(traject__regio=resultaat.regio).update(uitleg="")
    na = regio_exporteren(resultaat.regio)
    a = canoniek(voor, resultaat.mapping, resultaat.uids)
    a["modellen"]["regions.Regio"][0].update(slug="kopie2")
    assert a != canoniek(na)


def test_import_weigert_bestaande_slug_en_onzin(demo):
    data = regio_exporteren(demo)
    with pytest.raises(ImportFout, match="bestaat al"):
        regio_importeren(data)
    with pytest.raises(ImportFout, match="geen regio-export"):
        regio_importeren({"iets": "anders"})


def test_commandos(demo, tmp_path, capsys):
    bestand = tmp_path / "regio.json"
    call_command("export_regio", demo.slug, "-o", str(bestand))
    call_command("import_regio", str(bestand), "--slug", "uit-bestand")
    assert "ingelezen" in capsys.readouterr().out
    nieuw = Regio.objects.get(slug="uit-bestand")
    assert nieuw.voorzieningen.count() == demo.voorzieningen.count()
    with pytest.raises(CommandError, match="bestaat al"):
        call_command("import_regio", str(bestand), "--slug", "uit-bestand")
    with pytest.raises(CommandError, match="Geen regio"):
        call_command("export_regio", "bestaat-niet")


def test_huisstijl_met_logo_publicaties_en_tooi_gaan_mee(demo, settings, tmp_path, client):
    """The house style (with its logo file), the Woo publications and the TOOI reference
    travel with the region: into another installation (an empty media folder), the public
    region page shows the same publications afterwards."""
    from django.core.files.storage import default_storage

    from inkoop.openbaar.models import Publicatie
    from regions.models import Huisstijl

    Regio.objects.filter(pk=demo.pk).update(
        tooi="https://identifier.overheid.nl/tooi/id/oorg/oorg10103"
    )
    voor = regio_exporteren(Regio.objects.get(pk=demo.pk))
    logo = Huisstijl.objects.get(regio=demo).logo.name
    assert voor["modellen"]["regions.Huisstijl"][0]["logo"] == logo
    assert set(voor["bestanden"]) == {logo}
    titels = sorted(Publicatie.objects.filter(regio=demo).values_list("titel", flat=True))
    assert len(titels) == 3
    regio_verwijderen(Regio.objects.get(pk=demo.pk))
    assert not Publicatie.objects.exists() and not Huisstijl.objects.filter(regio_id=demo.pk)

    settings.MEDIA_ROOT = tmp_path  # another installation: the logo is not there yet
    assert not default_storage.exists(logo)
    resultaat = regio_importeren(json.loads(json.dumps(voor)))
    regio = resultaat.regio
    assert regio.tooi == "https://identifier.overheid.nl/tooi/id/oorg/oorg10103"
    assert default_storage.exists(logo) and b"<svg" in default_storage.open(logo).read()
    assert regio.huisstijl.naam == "Regio Gooi en Vechtstreek"
    assert sorted(regio.publicaties.values_list("titel", flat=True)) == titels
    pagina = client.get(f"/openbaar/{regio.slug}/").content.decode()
    assert all(p.get_absolute_url() in pagina for p in regio.publicaties.all())
    assert canoniek(voor, resultaat.mapping) == canoniek(regio_exporteren(regio))


def test_import_weigert_een_bestand_dat_geen_logo_is(demo, settings, tmp_path):
    data = regio_exporteren(demo)
    settings.MEDIA_ROOT = tmp_path
    data["bestanden"] = {"huisstijl/kwaad.svg": "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="}
    with pytest.raises(ImportFout, match="geen geldig logo"):
        regio_importeren(data, slug="kwaad")
