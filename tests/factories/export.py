"""Factories for the PDF tests: a document with every kind of section, frozen as a version."""

import datetime as dt
import hashlib
import json
from decimal import Decimal

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit
from inkoop.pdf.bijlagen import versie_bijlagen_vastleggen
from inkoop.trajecten.constants import GremiumSoort
from tests.factories import (
    DocumentFactory,
    GremiumFactory,
    KengetalFactory,
    MijlpaalFactory,
    SectieFactory,
    TrajectFactory,
    TrajectVoorzieningFactory,
    UitgangspuntFactory,
    UserFactory,
)
from uitgangspunten.constants import SectieSoort, UitgangspuntSoort
from uitgangspunten.inhoud import document_inhoud
from uitgangspunten.models import Versie
from voorzieningen.constants import KengetalSoort


def document_met_inhoud(regio, *, voorzieningen=3, hoofdstukken=2, **kwargs):
    traject = TrajectFactory(regio=regio)
    kwargs.setdefault("titel", "Uitgangspuntennotitie Inkoop 2027")
    kwargs.setdefault("aan", "Portefeuillehoudersoverleg Sociaal Domein")
    kwargs.setdefault("van", "Directieoverleg Sociaal Domein")
    kwargs.setdefault("betreft", "Uitgangspunten voor de inkoop vanaf 2027")
    kwargs.setdefault("datum", dt.date(2026, 11, 2))
    kwargs.setdefault("kenmerk", "26.0012345")
    kwargs.setdefault("zaaknummer", "Z-2026-0042")
    document = DocumentFactory(traject=traject, **kwargs)
    for i in range(hoofdstukken):
        SectieFactory(
            document=document,
            volgorde=i,
            titel=f"Hoofdstuk {i + 1}",
            tekst=f"Inleidende tekst van hoofdstuk {i + 1} met een voetnoot.[^1]\n\n"
            f"[^1]: Voetnoottekst {i + 1} bij de inleiding.",
        )
    SectieFactory(
        document=document, volgorde=50, soort=SectieSoort.ALGEMENE_UITGANGSPUNTEN,
        titel="Algemene uitgangspunten", tekst="",
    )  # fmt: skip
    UitgangspuntFactory(traject=traject, titel="Minder aanbieders, meer partnerschap")
    UitgangspuntFactory(traject=traject, titel="Langjarige contracten")
    tabel = SectieFactory(
        document=document, volgorde=60, soort=SectieSoort.VOORZIENINGENTABEL,
        titel="Uitgangspunten per voorziening", tekst="",
    )  # fmt: skip
    items = []
    for i in range(voorzieningen):
        item = TrajectVoorzieningFactory(
            traject=traject,
            voorziening__naam=f"Voorziening {i + 1}",
            ontwikkelingen=f"Ontwikkeling {i + 1} in de markt.",
        )
        items.append(item)
        UitgangspuntFactory(
            traject=traject, soort=UitgangspuntSoort.VOORZIENING,
            voorziening=item.voorziening, titel=f"Inhoud voorziening {i + 1} ongewijzigd",
        )  # fmt: skip
    figuren = SectieFactory(
        document=document, volgorde=70, soort=SectieSoort.KENGETALLEN,
        titel="Kengetallen", tekst="",
    )  # fmt: skip
    figuren.voorzieningen.add(items[0].voorziening)
    for jaar in (2022, 2023, 2024):
        KengetalFactory(
            voorziening=items[0].voorziening, jaar=jaar, soort=KengetalSoort.UITGAVEN,
            waarde=Decimal(1_000_000 + jaar),
        )  # fmt: skip
    SectieFactory(
        document=document, volgorde=80, soort=SectieSoort.PLANNING, titel="Planning", tekst=""
    )
    MijlpaalFactory(traject=traject, omschrijving="Besluit PFHO", periode="Q1 2027")
    SectieFactory(
        document=document, volgorde=90, titel="Overzicht aanbieders", is_bijlage=True,
        tekst="Lijst van aanbieders.",
    )  # fmt: skip
    del tabel
    return document


def versie_vastleggen(document, nummer=1, auteur=None):
    inhoud = json.loads(json.dumps(document_inhoud(document), default=str))
    versie = Versie.objects.create(
        document=document,
        nummer=nummer,
        inhoud=inhoud,
        inhoud_hash=hashlib.sha256(json.dumps(inhoud, sort_keys=True).encode()).hexdigest(),
        auteur=auteur or document.aangemaakt_door,
    )
    versie_bijlagen_vastleggen(versie)
    return versie


def vaststellen(versie, gremium=None, user=None):
    gremium = gremium or GremiumFactory(
        regio=versie.document.traject.regio, soort=GremiumSoort.PFHO
    )
    return Besluit.objects.create(
        gremium=gremium,
        datum=dt.date(2026, 12, 10),
        versie=versie,
        uitkomst=Uitkomst.VASTGESTELD,
        vastgelegd_door=user or UserFactory(),
    )
