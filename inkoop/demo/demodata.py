"""Demo data from the shared seed documents (facts and figures; the sentences are our own).

Idempotent: every object is found by its natural key and only created when missing, so
`load_demo` can run on every `make run` without overwriting what people changed since.
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.text import slugify

from inkoop.besluitvorming import services as besluitvorming
from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit
from inkoop.core.historie import als_auteur
from inkoop.openbaar.models import Publicatie
from inkoop.openbaar.services import (
    besluitenlijst_publiceren,
    versie_publiceren,
    verslag_publiceren,
)
from inkoop.pdf.bijlagen import bijlage_toevoegen
from inkoop.sessies.constants import (
    Aanwezigheid,
    BronSoort,
    InbrengSoort,
    ResultaatSoort,
    SessieSoort,
    Verwerking,
)
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Gast, Inbreng, Sessie, Stelling
from inkoop.sessies.services import verslag_vaststellen, verslag_vaststellen_door_gremium
from inkoop.trajecten.constants import GremiumSoort, MijlpaalStatus
from inkoop.trajecten.models import Gremium, Mijlpaal, Traject, TrajectVoorziening
from regions.constants import BetreftLabel, Rol
from regions.models import Gemeente, Huisstijl, Lidmaatschap, Regio, Roltoewijzing
from regions.services import huisstijl_opslaan
from uitgangspunten import services as opstellen
from uitgangspunten.constants import (
    DocumentSoort,
    SectieSoort,
    UitgangspuntSoort,
    UitgangspuntStatus,
    UitgangspuntWeergave,
)
from uitgangspunten.models import Document, Sectie, Uitgangspunt
from voorzieningen.constants import Inkoopniveau, KengetalSoort, Soort, Wet
from voorzieningen.models import Deelname, Kengetal, Perceel, Voorziening

DEMO_WACHTWOORD = "demo-inkoop-2026"

# username: (first name, last name, role, staff)
DEMO_GEBRUIKERS = {
    "adviseur": ("Anouk", "de Vries", Rol.BELEIDSADVISEUR),
    "directeur": ("Dirk", "Jansen", Rol.DIRECTEUR),
    "wethouder": ("Wilma", "Bakker", Rol.PORTEFEUILLEHOUDER),
    "secretaris": ("Sanne", "Visser", Rol.SECRETARIS),
    "lezer": ("Lars", "Smit", Rol.LEZER),
}

GV_GEMEENTEN = [
    ("Blaricum", "GM0376"),
    ("Eemnes", "GM0317"),
    ("Gooise Meren", "GM1942"),
    ("Hilversum", "GM0402"),
    ("Huizen", "GM0406"),
    ("Laren", "GM0417"),
    ("Wijdemeren", "GM1696"),
]
BW_GEMEENTEN = [("Maasdriel", "GM0263"), ("Zaltbommel", "GM0297")]

# name, law, kind, level, 2018 declared (€), 2018 allocated (€), clients, providers, opt-out
GV_VOORZIENINGEN = [
    ("Huishoudelijke hulp", Wet.WMO, Soort.MAATWERK, Inkoopniveau.REGIONAAL,
     "13560956", "13723400", 4663, 9, None),
    ("Begeleiding en verzorging", Wet.WMO, Soort.MAATWERK, Inkoopniveau.REGIONAAL,
     "4869679", "7855342", 2069, 70, None),
    ("Dagbesteding en vervoer", Wet.WMO, Soort.MAATWERK, Inkoopniveau.REGIONAAL,
     "2555978", "4445811", 916, 15, None),
    ("Kortdurend verblijf", Wet.WMO, Soort.MAATWERK, Inkoopniveau.REGIONAAL,
     "805369", "1408674", None, 3, None),
    ("Beschermd wonen", Wet.WMO, Soort.MAATWERK, Inkoopniveau.REGIONAAL,
     "13304366", None, 272, 12, None),
    ("Hulpmiddelen", Wet.WMO, Soort.MAATWERK, Inkoopniveau.REGIONAAL,
     "3580182", None, 4503, 6, "Eemnes"),
    ("Ernstige enkelvoudige dyslexie", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.REGIONAAL,
     "760996", "1082422", 314, 7, None),
    ("Ambulante jeugdhulp", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.REGIONAAL,
     "17136380", "34086750", 5165, 136, None),
    ("Pleegzorg", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.REGIONAAL,
     "1861314", "2877787", None, 3, None),
    ("24-uursverblijf jeugd", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.BOVENREGIONAAL,
     "5160179", "5303852", None, 12, None),
    ("Jeugdreclassering", Wet.JEUGDWET, Soort.MAATWERK, Inkoopniveau.REGIONAAL,
     "360460", "414852", None, 1, None),
    ("Leerlingenvervoer", Wet.ONDERWIJS, Soort.MAATWERK, Inkoopniveau.REGIONAAL,
     "2720502", None, 746, 4, "Laren"),
]  # fmt: skip

BRON_002 = "Uitgangspuntendocument Gooi en Vechtstreek, overzicht 2018"
BRON_003 = "Inkoopstrategie Maasdriel en Zaltbommel, uitgaven 2024"

# number, name, share of spending %, share of clients %, law, 2024 spending €, clients
BW_PERCELEN = [
    (1, "Wmo – Hulp bij het Huishouden", "53", "62", Wet.WMO, "5165407", 1800),
    (2, "Wmo – Algemeen", "47", "38", Wet.WMO, "4580644", 1104),
    (3, "Jeugd – Algemeen", "54", "31", Wet.JEUGDWET, "4508921", 766),
    (4, "Jeugd – JGGZ", "41", "62", Wet.JEUGDWET, "3423440", 1533),
    (5, "Jeugd – Dyslexie", "5", "7", Wet.JEUGDWET, "417493", 173),
]

OUDE_UITGANGSPUNTEN = [
    "De vraag van inwoners bepaalt de inhoud en levering van zorg en ondersteuning",
    "Inwoners houden de regie over de inzet van zorg en ondersteuning",
    "Voor elke hulpvraag is er een passend en toereikend aanbod",
    "Sterke basis- en algemene voorzieningen voorkomen zwaardere hulp",
    "Gemeenten garanderen een basiskwaliteit van zorg en ondersteuning",
    "Aanbieders vernieuwen en werken samen aan betere zorg",
    "Inwoners en gemeenten sturen op de resultaten van maatwerk",
    "Tarieven zijn reëel en dekken fatsoenlijke salarissen",
    "Uitgaven blijven binnen de budgettaire kaders van gemeenten",
]

NIEUWE_UITGANGSPUNTEN = [
    (UitgangspuntSoort.STRATEGISCH, "Niet meer aanbieders dan de vraag vraagt",
     "We stemmen het aantal gecontracteerde aanbieders af op de capaciteit die nodig is om de "
     "vraag van inwoners op te vangen. Waar dat kan, beperken we het aantal.", 3),
    (UitgangspuntSoort.STRATEGISCH, "Partnerschap met aanbieders",
     "We voeren vaker en op bestuurlijk niveau het gesprek met aanbieders. Partners zijn vooral "
     "organisaties die veel inwoners helpen, zeer specialistische hulp bieden of op een andere "
     "manier bijdragen aan de transformatie.", 6),
    (UitgangspuntSoort.STRATEGISCH, "Langdurige contracten",
     "Waar mogelijk sluiten we overeenkomsten voor lange tijd of voor onbepaalde tijd, zodat "
     "aanbieders kunnen investeren.[^1]\n\n[^1]: Een overeenkomst voor onbepaalde tijd biedt "
     "ook ruimte voor latere, grotere veranderingen.", None),
    (UitgangspuntSoort.INKOOPDOEL, "Nieuwe aanbieders voegen iets toe",
     "Een aanbieder die erbij komt, biedt inhoudelijk iets wat bestaande aanbieders nog niet "
     "bieden.", None),
    (UitgangspuntSoort.TOEGANG, "Ruim beschikken binnen heldere kaders",
     "Consulenten maken mogelijk wat nodig is, ook tijdens de looptijd van een beschikking. De "
     "ruimte gaat over de inhoud, niet over geld: de beschikking noemt wat er moet gebeuren en "
     "het maximale budget.", 2),
    (UitgangspuntSoort.CONTRACTMANAGEMENT, "Effecten van zorg beter meten",
     "We meten sterker wat de inzet van zorg en ondersteuning oplevert voor inwoners, en "
     "bespreken dat met aanbieders.", 7),
    (UitgangspuntSoort.OVEREENKOMST, "Verbeteren in plaats van het stelsel wijzigen",
     "Per 2021 verbeteren, vereenvoudigen en verbinden we wat er is. Overeenkomsten laten ruimte "
     "voor een grotere verandering op langere termijn.", None),
    (UitgangspuntSoort.BEKOSTIGING, "Reële tarieven",
     "Tarieven dekken goede zorg en een fatsoenlijke beloning van zorgmedewerkers. Een "
     "kostprijsonderzoek onderbouwt ze.", 8),
]  # fmt: skip

BW_INKOOPDOELEN = [
    ("Samenwerken op basis van vertrouwen en partnerschap",
     "Gemeenten en aanbieders dragen samen verantwoordelijkheid; ontwikkeltafels geven die "
     "samenwerking vorm, met een zorgvuldige balans tussen vertrouwen en controle."),
    ("Zorg en ondersteuning van goede kwaliteit",
     "Zowel toetsbare kwaliteit (gekwalificeerd personeel, bewezen methodieken) als de "
     "kwaliteit die inwoners zelf ervaren."),
    ("Een dekkend, laagdrempelig en lokaal aanbod",
     "Voor elke hulpvraag een passend aanbod, bij voorkeur dicht bij huis in de Bommelerwaard."),
    ("Samen zorgen voor een financieel houdbare uitvoering",
     "Kritisch op productomschrijvingen, duur en zwaarte van indicaties, met reële tarieven "
     "voor aanbieders."),
    ("Een eenvoudig en flexibel inkoop- en uitvoeringsproces",
     "Minder administratieve last voor aanbieders en gemeenten."),
]  # fmt: skip

BW_PLANNING = [
    ("Inkoopstrategie bespreken in het directieoverleg", "oktober 2026", GremiumSoort.DO,
     MijlpaalStatus.GEREED),
    ("Inkoopstrategie vrijgeven in het PFHO", "november 2026", GremiumSoort.PFHO,
     MijlpaalStatus.GEPLAND),
    ("Vaststelling door de colleges", "december 2026", GremiumSoort.COLLEGE,
     MijlpaalStatus.GEPLAND),
    ("Ingang nieuwe overeenkomsten", "1 januari 2027", "", MijlpaalStatus.GEPLAND),
]  # fmt: skip

BW_STRATEGISCH = [
    (
        "De inwoner en zijn buurt staan centraal",
        "Ondersteuning sluit aan bij het dagelijks leven van de inwoner en versterkt wat hij zelf "
        "en met zijn netwerk kan.",
    ),
    (
        "Een inclusieve samenleving met een sterke sociale basis",
        "Normaliseren is de norm; preventie en vroegsignalering zijn daarbij onmisbaar.",
    ),
    (
        "Laagdrempelig, vindbaar en toegankelijk",
        "Inwoners weten waar zij terechtkunnen en komen daar ook zonder drempels binnen.",
    ),
    ("Een dekkend zorglandschap", "Ondersteuning is passend, op tijd en dichtbij beschikbaar."),
    (
        "Samenwerken vanuit vertrouwen",
        "Partijen kennen elkaar en werken samen; onafhankelijke cliëntondersteuning en "
        "ervaringsdeskundigheid zijn beschikbaar.",
    ),
    (
        "Eenvoudig werken en samen zorgen voor kwaliteit",
        "Afspraken zijn overzichtelijk, administratieve lasten blijven laag en kwaliteit is een "
        "gedeelde verantwoordelijkheid.",
    ),
]

GV_PLANNING = [
    ("Richting bespreken met gemeenten", dt.date(2019, 12, 18), "", GremiumSoort.BESTUURLIJK,
     MijlpaalStatus.GEREED),
    ("Uitgangspunten bespreken met adviesraden", None, "Q1 2020", GremiumSoort.ADVIESRAAD,
     MijlpaalStatus.GEREED),
    ("Eerste ronde marktconsultaties", None, "Q1 2020", GremiumSoort.MARKTCONSULTATIE,
     MijlpaalStatus.GEREED),
    ("Uitgangspuntendocument vaststellen in het PFHO en vrijgeven voor advies",
     dt.date(2020, 2, 6), "", GremiumSoort.PFHO, MijlpaalStatus.GEPLAND),
    ("Sessies met inwoners over de invulling van de voorzieningen", None, "Q1 2020",
     GremiumSoort.INWONERS, MijlpaalStatus.GEPLAND),
    ("Start kostprijsonderzoeken", None, "Q1 2020", "", MijlpaalStatus.GEPLAND),
    ("Adviezen van de adviesraden ontvangen", None, "Q2 2020", GremiumSoort.ADVIESRAAD,
     MijlpaalStatus.GEPLAND),
    ("Uitgangspuntendocument vrijgeven voor vaststelling door de colleges", None, "Q2 2020",
     GremiumSoort.PFHO, MijlpaalStatus.GEPLAND),
    ("Vaststelling door de colleges", None, "Q2 2020", GremiumSoort.COLLEGE,
     MijlpaalStatus.GEPLAND),
    ("Gemeenteraden informeren (optionele lokale sessies)", None, "maart 2020",
     GremiumSoort.RAAD, MijlpaalStatus.GEPLAND),
    ("Dialoogsessies met aanbieders over kostprijzen", None, "Q2 2020",
     GremiumSoort.MARKTCONSULTATIE, MijlpaalStatus.GEPLAND),
    ("Concept-toelatingsdocumenten bespreken in DO en PFHO", None, "Q3 2020", GremiumSoort.DO,
     MijlpaalStatus.GEPLAND),
    ("Publicatie van de opdrachten", None, "Q3 2020", "", MijlpaalStatus.GEPLAND),
    ("Uiterste termijn voor inschrijvingen", None, "nog te bepalen", "", MijlpaalStatus.GEPLAND),
    ("Ondertekening overeenkomsten", None, "Q4 2020", "", MijlpaalStatus.GEPLAND),
]  # fmt: skip


def _gebruikers():
    User = get_user_model()
    gebruikers = {}
    for username, (voornaam, achternaam, _rol) in DEMO_GEBRUIKERS.items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": voornaam,
                "last_name": achternaam,
                "email": f"{username}@regio.example",
            },
        )
        if created:
            user.set_password(DEMO_WACHTWOORD)
            user.save()
        gebruikers[username] = user
    beheerder, created = User.objects.get_or_create(
        username="beheerder",
        defaults={"first_name": "Bea", "last_name": "Heer", "is_staff": True, "is_superuser": True,
                  "email": "beheerder@regio.example"},
    )  # fmt: skip
    if created:
        beheerder.set_password(DEMO_WACHTWOORD)
        beheerder.save()
    gebruikers["beheerder"] = beheerder
    return gebruikers


def _regio(gebruikers, naam, slug, omschrijving, gemeenten, begin):
    with als_auteur(gebruikers["beheerder"]):
        return _regio_aanmaken(naam, slug, omschrijving, gemeenten, begin)


def _regio_aanmaken(naam, slug, omschrijving, gemeenten, begin):
    regio, _ = Regio.objects.get_or_create(
        slug=slug, defaults={"naam": naam, "omschrijving": omschrijving}
    )
    leden = {}
    for gnaam, code in gemeenten:
        gemeente, _ = Gemeente.objects.get_or_create(cbs_code=code, defaults={"naam": gnaam})
        Lidmaatschap.objects.get_or_create(regio=regio, gemeente=gemeente, begin=begin)
        leden[gnaam] = gemeente
    return regio, leden


def _rollen(regio, gebruikers, gemeente=None):
    with als_auteur(gebruikers["beheerder"]):
        _rollen_toewijzen(regio, gebruikers, gemeente)


def _rollen_toewijzen(regio, gebruikers, gemeente):
    for username, (_v, _a, rol) in DEMO_GEBRUIKERS.items():
        Roltoewijzing.objects.get_or_create(
            gebruiker=gebruikers[username],
            regio=regio,
            rol=rol,
            defaults={"gemeente": gemeente if rol == Rol.PORTEFEUILLEHOUDER else None},
        )


def _gremia(regio, leden):
    gremia = {
        GremiumSoort.DO: Gremium.objects.get_or_create(
            regio=regio, soort=GremiumSoort.DO, defaults={"naam": "Directieoverleg Sociaal Domein"}
        )[0],
        GremiumSoort.PFHO: Gremium.objects.get_or_create(
            regio=regio,
            soort=GremiumSoort.PFHO,
            defaults={"naam": "Portefeuillehoudersoverleg Sociaal Domein"},
        )[0],
        GremiumSoort.ADVIESRAAD: Gremium.objects.get_or_create(
            regio=regio,
            soort=GremiumSoort.ADVIESRAAD,
            defaults={"naam": "Adviesraden sociaal domein"},
        )[0],
        GremiumSoort.BESTUURLIJK: Gremium.objects.get_or_create(
            regio=regio,
            soort=GremiumSoort.BESTUURLIJK,
            defaults={"naam": "Bestuurlijke sessie zorginkoop"},
        )[0],
    }
    for naam, gemeente in leden.items():
        Gremium.objects.get_or_create(
            regio=regio,
            soort=GremiumSoort.COLLEGE,
            gemeente=gemeente,
            defaults={"naam": f"College van B&W {naam}"},
        )
        Gremium.objects.get_or_create(
            regio=regio,
            soort=GremiumSoort.RAAD,
            gemeente=gemeente,
            defaults={"naam": f"Gemeenteraad {naam}"},
        )
    return gremia


def _route(traject):
    besluitvorming.route_aanmaken(traject)  # the default route, stored once


def _voorziening(regio, naam, slug, wet, soort, niveau, volgorde, **extra):
    voorziening, _ = Voorziening.objects.get_or_create(
        regio=regio,
        slug=slug,
        defaults={
            "naam": naam,
            "wet": wet,
            "soort": soort,
            "inkoopniveau": niveau,
            "volgorde": volgorde,
            **extra,
        },
    )
    return voorziening


def _kengetal(voorziening, jaar, soort, waarde, bron):
    if waarde is None:
        return
    Kengetal.objects.get_or_create(
        voorziening=voorziening,
        jaar=jaar,
        soort=soort,
        defaults={"waarde": Decimal(waarde), "bron": bron},
    )


def _uitgangspunt(traject, soort, titel, uitleg, volgorde, **extra):
    up, _ = Uitgangspunt.objects.get_or_create(
        traject=traject,
        soort=soort,
        titel=titel,
        defaults={"uitleg": uitleg, "volgorde": volgorde, **extra},
    )
    return up


def _gooi_en_vechtstreek(gebruikers):
    regio, leden = _regio(
        gebruikers,
        "Regio Gooi en Vechtstreek",
        "gooi-en-vechtstreek",
        "Zeven gemeenten kopen samen zorg en ondersteuning in via de Regio. Samen gaat het om "
        "zo'n 430 voorzieningen met een waarde van ongeveer 100 miljoen euro en contracten met "
        "zo'n 400 aanbieders.",
        GV_GEMEENTEN,
        dt.date(2015, 1, 1),
    )
    # Weesp was a member until its merger with Amsterdam (24 March 2022).
    weesp, _ = Gemeente.objects.get_or_create(cbs_code="GM0457", defaults={"naam": "Weesp"})
    with als_auteur(gebruikers["beheerder"]):
        Lidmaatschap.objects.get_or_create(
            regio=regio,
            gemeente=weesp,
            begin=dt.date(2015, 1, 1),
            defaults={"einde": dt.date(2022, 3, 23), "toelichting": "Opgegaan in Amsterdam"},
        )
    _rollen(regio, gebruikers, gemeente=leden["Hilversum"])
    gremia = _gremia(regio, leden)

    voorzieningen = {}
    for volgorde, (naam, wet, soort, niveau, uitg, toew, cl, aanb, uit) in enumerate(
        GV_VOORZIENINGEN, start=1
    ):
        v = _voorziening(regio, naam, slugify(naam), wet, soort, niveau, volgorde * 10)
        _kengetal(v, 2018, KengetalSoort.UITGAVEN, uitg, BRON_002)
        _kengetal(v, 2018, KengetalSoort.TOEWIJZING, toew, BRON_002)
        _kengetal(v, 2018, KengetalSoort.CLIENTEN, cl, BRON_002)
        _kengetal(v, 2018, KengetalSoort.AANBIEDERS, aanb, BRON_002)
        if uit:
            Deelname.objects.get_or_create(
                voorziening=v,
                gemeente=leden[uit],
                defaults={"neemt_deel": False, "toelichting": f"{uit} koopt dit lokaal in."},
            )
        voorzieningen[naam] = v
    hh = voorzieningen["Huishoudelijke hulp"]
    Voorziening.objects.filter(pk=hh.pk, omschrijving="").update(
        omschrijving="Hulp bij het schoonhouden van het huis voor inwoners die dat zelf niet "
        "(meer) kunnen."
    )
    # A second year, so the chart shows a development.
    _kengetal(hh, 2017, KengetalSoort.UITGAVEN, "12980400", "Jaarrekening Regio 2017")
    _kengetal(hh, 2017, KengetalSoort.CLIENTEN, "4410", "Jaarrekening Regio 2017")

    vorige, _ = Traject.objects.get_or_create(
        regio=regio,
        slug="inkoop-2015-2020",
        defaults={"naam": "Inkoop 2015–2020", "startjaar": 2015},
    )
    traject, _ = Traject.objects.get_or_create(
        regio=regio,
        slug="inkoop-2021",
        defaults={
            "naam": "Inkoop zorg en ondersteuning 2021 e.v.",
            "startjaar": 2021,
            "vorige": vorige,
            "omschrijving": "De inkoop van de voorzieningen waarvan de contracten eind 2020 "
            "aflopen, met uitgangspunten die de gemeenten samen vaststellen.",
        },
    )
    for v in voorzieningen.values():
        TrajectVoorziening.objects.get_or_create(traject=traject, voorziening=v)
    TrajectVoorziening.objects.filter(traject=traject, voorziening=hh, ontwikkelingen="").update(
        ontwikkelingen="De vraag groeit door vergrijzing en het abonnementstarief. Inhoudelijk "
        "blijft de voorziening gelijk; de tarieven onderzoeken we opnieuw."
    )
    _route(traject)

    oude = []
    for nummer, titel in enumerate(OUDE_UITGANGSPUNTEN, start=1):
        oude.append(
            _uitgangspunt(vorige, UitgangspuntSoort.INKOOPDOEL, titel, "", nummer,
                          status=UitgangspuntStatus.NIEUW)
        )  # fmt: skip
    for volgorde, (soort, titel, uitleg, oud) in enumerate(NIEUWE_UITGANGSPUNTEN, start=1):
        extra = {"status": UitgangspuntStatus.NIEUW}
        if oud:
            extra = {"status": UitgangspuntStatus.AANGESCHERPT, "herkomst": oude[oud - 1]}
        _uitgangspunt(traject, soort, titel, uitleg, volgorde, **extra)
    _uitgangspunt(
        traject, UitgangspuntSoort.VOORZIENING, "Inhoud ongewijzigd voortzetten",
        "De huidige afspraken over huishoudelijke hulp werken goed en blijven inhoudelijk gelijk.",
        1, voorziening=hh, status=UitgangspuntStatus.HERBEVESTIGD, herkomst=oude[0],
    )  # fmt: skip
    _uitgangspunt(
        traject, UitgangspuntSoort.VOORZIENING, "Tarieven opnieuw onderzoeken",
        "Een kostprijsonderzoek bepaalt of de tarieven voor huishoudelijke hulp nog reëel zijn.",
        2, voorziening=hh,
    )  # fmt: skip
    begeleiding = voorzieningen["Begeleiding en verzorging"]
    _uitgangspunt(
        traject, UitgangspuntSoort.VOORZIENING, "Meer als algemene voorziening in de wijk",
        "Begeleiding en dagactiviteiten organiseren we waar het kan als algemene voorziening in "
        "de wijken; de overeenkomsten maken die beweging mogelijk.",
        1, voorziening=begeleiding,
    )  # fmt: skip

    for volgorde, (omschr, datum, periode, gsoort, status) in enumerate(GV_PLANNING, start=1):
        Mijlpaal.objects.get_or_create(
            traject=traject,
            omschrijving=omschr,
            defaults={"volgorde": volgorde, "datum": datum, "periode": periode,
                      "gremium_soort": gsoort, "status": status},
        )  # fmt: skip

    document, _ = Document.objects.get_or_create(
        traject=traject,
        titel="Uitgangspunten inkoop zorg en ondersteuning 2021 e.v.",
        defaults={
            "soort": DocumentSoort.UITGANGSPUNTENNOTITIE,
            "aan": "Portefeuillehoudersoverleg Sociaal Domein",
            "van": "Directieoverleg Sociaal Domein",
            "betreft": "Uitgangspunten voor de inkoop van zorg en ondersteuning vanaf 2021",
            "datum": dt.date(2020, 1, 23),
            "kenmerk": "19.0015110",
            "zaaknummer": "Z.126514",
            "aangemaakt_door": gebruikers["adviseur"],
        },
    )
    secties = [
        (SectieSoort.TEKST, "Inleiding",
         "In 2020 starten veel inkooptrajecten. Deze notitie legt vast **wat** gemeenten met de "
         "inkoop willen bereiken; de toelatingsdocumenten werken later uit **hoe**.[^1]\n\n"
         "De uitgangspunten zijn besproken met wethouders, directeuren, aanbieders en "
         "adviesraden.\n\n[^1]: Toelatingsdocumenten bevatten de concrete afspraken met "
         "aanbieders over de levering van zorg."),
        (SectieSoort.ALGEMENE_UITGANGSPUNTEN, "Algemene uitgangspunten", ""),
        (SectieSoort.VOORZIENINGENTABEL, "Uitgangspunten per voorziening", ""),
        (SectieSoort.KENGETALLEN, "Kengetallen", ""),
        (SectieSoort.PLANNING, "Planning", ""),
    ]  # fmt: skip
    for volgorde, (soort, titel, tekst) in enumerate(secties, start=1):
        sectie, _ = Sectie.objects.get_or_create(
            document=document,
            volgorde=volgorde,
            defaults={"soort": soort, "titel": titel, "tekst": tekst},
        )
        if soort == SectieSoort.KENGETALLEN:
            sectie.voorzieningen.set([hh, begeleiding])

    sessie, _ = Sessie.objects.get_or_create(
        regio=regio,
        titel="Bestuurlijke sessie uitgangspunten per voorziening",
        datum=dt.date(2019, 12, 18),
        defaults={
            "traject": traject,
            "gremium": gremia[GremiumSoort.BESTUURLIJK],
            "soort": SessieSoort.BESTUURLIJK,
            "doel": "De uitgangspunten per voorziening voor de nieuwe inkoop bespreken.",
            "begintijd": dt.time(14, 0),
            "eindtijd": dt.time(17, 0),
            "locatie": "Regiokantoor, Hilversum",
            "verslag_inleiding": "Wethouders, directeuren, beleidsadviseurs en teamleiders "
            "spraken in drie rondes over de voorzieningen en koppelden plenair terug.",
        },
    )
    sessie.deelnemers.set([gebruikers["adviseur"], gebruikers["directeur"],
                           gebruikers["wethouder"], gebruikers["secretaris"]])  # fmt: skip
    Conclusie.objects.get_or_create(
        sessie=sessie, voorziening=begeleiding, volgorde=1,
        defaults={"tekst": "Modules voor begeleiding worden meer samengevoegd; consulenten "
                           "krijgen duidelijke handreikingen bij de overeenkomst."},
    )  # fmt: skip
    Stelling.objects.get_or_create(
        sessie=sessie, volgorde=1,
        defaults={"tekst": "We contracteren een klein aantal kernaanbieders voor begeleiding.",
                  "voorziening": begeleiding, "resultaat_soort": ResultaatSoort.EENS_ONEENS,
                  "eens": 14, "oneens": 3},
    )  # fmt: skip
    Inbreng.objects.get_or_create(
        traject=traject, sessie=sessie, volgorde=1,
        defaults={"soort": InbrengSoort.VRAAG, "voorziening": begeleiding,
                  "tekst": "Ongeveer een kwart van de aanbieders helpt twee derde van de "
                           "cliënten. Wat betekent minder aanbieders voor de keuzevrijheid?",
                  "antwoord": "Naast de kernaanbieders blijven er aanbieders voor specifieke "
                              "vragen en om wachttijden op te vangen.",
                  "bron_soort": BronSoort.BESTUUR, "bron_naam": "Wethouder Huizen",
                  "verwerking": Verwerking.OPEN},
    )  # fmt: skip
    Actiepunt.objects.get_or_create(
        sessie=sessie, omschrijving="Planning aanpassen: gemeenteraden in maart informeren",
        defaults={"eigenaar": "Anouk de Vries", "eigenaar_gebruiker": gebruikers["adviseur"],
                  "deadline": dt.date(2020, 1, 10)},
    )  # fmt: skip
    _sessies_gooi_en_vechtstreek(regio, traject, sessie, gremia, gebruikers, voorzieningen)
    return regio


def _sessies_gooi_en_vechtstreek(regio, traject, sessie, gremia, gebruikers, voorzieningen):
    with als_auteur(gebruikers["secretaris"]):
        _sessies_vastleggen(regio, traject, sessie, gremia, gebruikers, voorzieningen)


def _sessies_vastleggen(regio, traject, sessie, gremia, gebruikers, voorzieningen):
    """More of seed 000's minutes, the earlier session of 3 December and a PFHO that adopts
    the minutes of 18 December (recorded as a decision)."""
    hh = voorzieningen["Huishoudelijke hulp"]
    jeugd = voorzieningen["Ambulante jeugdhulp"]
    Gast.objects.get_or_create(
        sessie=sessie, naam="Teamleider uitvoeringsdienst",
        defaults={"organisatie": "Uitvoeringsdienst Huizen", "rol": "Teamleider Wmo"},
    )  # fmt: skip
    Agendapunt.objects.get_or_create(
        sessie=sessie, volgorde=1,
        defaults={"titel": "Terugblik en verslag sessie 3 december"},
    )  # fmt: skip
    Agendapunt.objects.get_or_create(
        sessie=sessie, volgorde=2,
        defaults={"titel": "Uitgangspunten per voorziening",
                  "document": Document.objects.filter(traject=traject).first()},
    )  # fmt: skip
    Conclusie.objects.get_or_create(
        sessie=sessie, voorziening=jeugd, volgorde=2,
        defaults={"tekst": "Ambulante jeugdhulp en jeugd-ggz meer in samenhang inkopen, met "
                           "aandacht voor groepsgerichte hulp."},
    )  # fmt: skip
    Stelling.objects.get_or_create(
        sessie=sessie, volgorde=2,
        defaults={"tekst": "De tarieven voor huishoudelijke hulp zijn nu reëel.",
                  "voorziening": hh, "resultaat_soort": ResultaatSoort.SCHAAL,
                  "schaal_gemiddelde": Decimal("2.60"), "schaal_n": 18},
    )  # fmt: skip
    Stelling.objects.get_or_create(
        sessie=sessie, volgorde=3,
        defaults={"tekst": "Wat is voor u het belangrijkste woord bij partnerschap?",
                  "resultaat_soort": ResultaatSoort.WOORDEN,
                  "woorden": "vertrouwen, samenwerking, vertrouwen, lange termijn, "
                             "samenwerking, vertrouwen, eerlijkheid"},
    )  # fmt: skip
    up_partnerschap = Uitgangspunt.objects.filter(
        traject=traject, titel="Partnerschap met aanbieders"
    ).first()
    advies, _ = Inbreng.objects.get_or_create(
        traject=traject, sessie=sessie, volgorde=2,
        defaults={"soort": InbrengSoort.ADVIES,
                  "tekst": "Ruimte bieden om te doen wat nodig is gaat over de inhoud, niet "
                           "over geld. Geef in de beschikking kaders mee.",
                  "bron_soort": BronSoort.BESTUUR, "bron_naam": "Wethouders",
                  "verwerking": Verwerking.OVERGENOMEN,
                  "verwerking_toelichting": "Opgenomen in het uitgangspunt over ruim "
                                            "beschikken binnen heldere kaders."},
    )  # fmt: skip
    ruim = Uitgangspunt.objects.filter(
        traject=traject, titel="Ruim beschikken binnen heldere kaders"
    ).first()
    if ruim and not advies.uitgangspunten.exists():
        advies.uitgangspunten.add(ruim)
    vraag, _ = Inbreng.objects.get_or_create(
        traject=traject, sessie=sessie, volgorde=3,
        defaults={"soort": InbrengSoort.OPMERKING, "voorziening": hh,
                  "tekst": "Het abonnementstarief laat de vraag naar huishoudelijke hulp "
                           "groeien; houd daar rekening mee in de capaciteit.",
                  "bron_soort": BronSoort.GEMEENTE, "bron_naam": "Gemeente Gooise Meren",
                  "verwerking": Verwerking.KENNISGENOMEN},
    )  # fmt: skip
    if up_partnerschap and not vraag.uitgangspunten.exists():
        vraag.uitgangspunten.add(up_partnerschap)

    eerder, _ = Sessie.objects.get_or_create(
        regio=regio, titel="Bestuurlijke sessie algemene uitgangspunten",
        datum=dt.date(2019, 12, 3),
        defaults={"traject": traject, "gremium": gremia[GremiumSoort.BESTUURLIJK],
                  "soort": SessieSoort.BESTUURLIJK, "begintijd": dt.time(14, 0),
                  "eindtijd": dt.time(17, 0), "locatie": "Regiokantoor, Hilversum",
                  "doel": "De algemene uitgangspunten voor de zorginkoop 2021 bespreken."},
    )  # fmt: skip
    pfho, _ = Sessie.objects.get_or_create(
        regio=regio, titel="Portefeuillehoudersoverleg Sociaal Domein februari",
        datum=dt.date(2020, 2, 6),
        defaults={"traject": traject, "gremium": gremia[GremiumSoort.PFHO],
                  "soort": SessieSoort.PFHO, "begintijd": dt.time(9, 30),
                  "eindtijd": dt.time(11, 30), "locatie": "Regiokantoor, Hilversum",
                  "doel": "Uitgangspuntendocument vaststellen en vrijgeven voor advies."},
    )  # fmt: skip
    _verslag_per_agendapunt(sessie, traject, gebruikers, voorzieningen)
    # The minutes of 3 December were adopted on 18 December, in a session of the same body
    # (seed 000), those of 18 December by a decision of the PFHO in February.
    if not Besluit.objects.filter(verslag_van=eerder).exists():
        verslag_vaststellen(sessie=sessie, verslag_van=eerder, door=gebruikers["secretaris"])
    if not Besluit.objects.filter(verslag_van=sessie).exists():
        # A fresh user object: the permission check caches the roles it finds on it, and the
        # secretary gets roles in the Bommelerwaard later.
        verslag_vaststellen_door_gremium(
            verslag_van=sessie, gremium=pfho.gremium, datum=pfho.datum,
            door=get_user_model().objects.get(pk=gebruikers["secretaris"].pk),
        )  # fmt: skip


def _verslag_per_agendapunt(sessie, traject, gebruikers, voorzieningen):
    """The session of 18 December as it went: per agenda item its introduction, questions and
    remarks, statements (every kind of poll result) and conclusions; guests who sent apologies
    and a note that the full list of attendees is attached."""
    hh = voorzieningen["Huishoudelijke hulp"]
    begeleiding = voorzieningen["Begeleiding en verzorging"]
    terugblik = Agendapunt.objects.get(sessie=sessie, volgorde=1)
    per_voorziening = Agendapunt.objects.get(sessie=sessie, volgorde=2)
    planning, _ = Agendapunt.objects.get_or_create(
        sessie=sessie, volgorde=3, defaults={"titel": "Planning en de rol van de gemeenteraden"}
    )
    for punt, inleiding in (
        (terugblik, "Kort is teruggekeken op de sessie van 3 december; de negen uitgangspunten "
                    "van toen zijn herbevestigd en op twee punten aangescherpt."),
        (per_voorziening, "In drie rondes zijn de voorzieningen besproken aan de hand van het "
                          "bespreekdocument (kenmerk 19.0015110), met na elke ronde een stelling."),
        (planning, "De planning tot de vaststelling door de colleges is geschetst; de vraag was "
                   "wanneer de gemeenteraden erbij komen."),
    ):  # fmt: skip
        if not punt.inleiding:
            punt.inleiding = inleiding
            punt.save(update_fields=["inleiding"])
    # What was already in the minutes, now under its agenda item.
    Stelling.objects.filter(sessie=sessie, agendapunt__isnull=True).update(
        agendapunt=per_voorziening
    )
    Conclusie.objects.filter(sessie=sessie, agendapunt__isnull=True).update(
        agendapunt=per_voorziening
    )
    Inbreng.objects.filter(sessie=sessie, volgorde=2, agendapunt__isnull=True).update(
        agendapunt=terugblik
    )
    Inbreng.objects.filter(sessie=sessie, agendapunt__isnull=True).update(
        agendapunt=per_voorziening
    )
    Actiepunt.objects.filter(sessie=sessie, agendapunt__isnull=True).update(agendapunt=planning)
    Stelling.objects.filter(sessie=sessie, volgorde=2).update(
        schaal_label_min="helemaal oneens", schaal_label_max="helemaal eens"
    )
    kern = Stelling.objects.get(sessie=sessie, volgorde=1)
    Inbreng.objects.filter(sessie=sessie, volgorde=1).update(stelling=kern)
    Stelling.objects.get_or_create(
        sessie=sessie, volgorde=4,
        defaults={"tekst": "Welke looptijd past bij de overeenkomsten voor begeleiding?",
                  "agendapunt": per_voorziening, "voorziening": begeleiding,
                  "resultaat_soort": ResultaatSoort.MEERKEUZE,
                  "keuzes": "Drie jaar: 2\nVijf jaar: 6\nOnbepaalde tijd: 9",
                  "toelichting": "Een overeenkomst van onbepaalde tijd laat ruimte voor "
                                 "doorontwikkeling zonder nieuwe aanbesteding."},
    )  # fmt: skip
    Stelling.objects.get_or_create(
        sessie=sessie, volgorde=5,
        defaults={"tekst": "Wat is er nodig om meer groepsgerichte hulp te bieden?",
                  "agendapunt": per_voorziening, "resultaat_soort": ResultaatSoort.OPEN,
                  "toelichting": "Genoemd zijn ruimte in de bekostiging voor groepen, "
                                 "locaties dicht bij de wijk en goede afspraken met het "
                                 "onderwijs."},
    )  # fmt: skip
    Stelling.objects.get_or_create(
        sessie=sessie, volgorde=6,
        defaults={"tekst": "Wanneer informeren we de gemeenteraden over de inkoop?",
                  "agendapunt": planning, "resultaat_soort": ResultaatSoort.EXTERN,
                  "verwijzing": "bijlage 2, de uitslag van de digitale peiling tijdens de "
                                "sessie"},
    )  # fmt: skip
    Inbreng.objects.get_or_create(
        traject=traject, sessie=sessie, volgorde=4,
        defaults={"soort": InbrengSoort.VRAGEN_EN_OPMERKINGEN, "agendapunt": planning,
                  "tekst": "Schuif het informeren van de raden op van januari naar maart, en "
                           "maak duidelijk dat het om informeren gaat.",
                  "antwoord": "De planning wordt aangepast; de regio sluit waar gewenst aan "
                              "bij lokale commissies.",
                  "bron_soort": BronSoort.BESTUUR, "bron_naam": "Wethouders",
                  "verwerking": Verwerking.OVERGENOMEN,
                  "verwerking_toelichting": "Gemeenteraden in maart in de planning."},
    )  # fmt: skip
    Conclusie.objects.get_or_create(
        sessie=sessie, volgorde=3,
        defaults={"agendapunt": terugblik, "tekst": "Het verslag van 3 december is "
                  "vastgesteld; het voorveld wordt in de notitie sterk benoemd."},
    )  # fmt: skip
    Conclusie.objects.get_or_create(
        sessie=sessie, volgorde=4,
        defaults={"agendapunt": per_voorziening, "voorziening": hh,
                  "tekst": "De inhoud van huishoudelijke hulp blijft gelijk; de tarieven "
                           "worden opnieuw bekeken."},
    )  # fmt: skip
    Gast.objects.get_or_create(
        sessie=sessie, naam="Adviseur cliëntenraad",
        defaults={"organisatie": "Adviesraad Sociaal Domein Gooi", "rol": "Adviseur",
                  "aanwezigheid": Aanwezigheid.AFWEZIG},
    )  # fmt: skip
    if not sessie.aanwezigheid_notitie:
        sessie.aanwezigheid_notitie = "zie bijlage 1 voor de volledige lijst van aanwezigen"
        sessie.save(update_fields=["aanwezigheid_notitie"])


def _bommelerwaard(gebruikers):
    regio, leden = _regio(
        gebruikers,
        "Bommelerwaard (Maasdriel en Zaltbommel)",
        "bommelerwaard",
        "Maasdriel en Zaltbommel kopen sinds 2018 samen het grootste deel van de individuele "
        "voorzieningen in de Wmo 2015 en de Jeugdwet in.",
        BW_GEMEENTEN,
        dt.date(2018, 1, 1),
    )
    _rollen(regio, gebruikers, gemeente=leden["Zaltbommel"])
    _gremia(regio, leden)
    traject, _ = Traject.objects.get_or_create(
        regio=regio,
        slug="inkoop-2027",
        defaults={
            "naam": "Inkoop Wmo en Jeugdhulp 2027 e.v.",
            "startjaar": 2027,
            "omschrijving": "De huidige overeenkomst loopt eind 2026 af; de nieuwe inkoop gaat "
            "op 1 januari 2027 in, met een indeling in vijf percelen.",
        },
    )
    _route(traject)
    for nummer, naam, fin, cl, wet, uitgaven, clienten in BW_PERCELEN:
        perceel, _ = Perceel.objects.get_or_create(
            regio=regio,
            nummer=nummer,
            defaults={"naam": naam, "aandeel_financien": Decimal(fin),
                      "aandeel_clienten": Decimal(cl)},
        )  # fmt: skip

        v = _voorziening(
            regio, naam.split("– ")[1] + (" (Wmo)" if wet == Wet.WMO else " (Jeugd)"),
            slugify(naam), wet, Soort.MAATWERK, Inkoopniveau.LOKAAL, nummer * 10,
            perceel=perceel,
        )  # fmt: skip
        _kengetal(v, 2024, KengetalSoort.UITGAVEN, uitgaven, BRON_003)
        _kengetal(v, 2024, KengetalSoort.CLIENTEN, clienten, BRON_003)
        TrajectVoorziening.objects.get_or_create(traject=traject, voorziening=v)
    for volgorde, (titel, uitleg) in enumerate(BW_STRATEGISCH, start=1):
        _uitgangspunt(traject, UitgangspuntSoort.STRATEGISCH, titel, uitleg, volgorde)
    hbh = Perceel.objects.get(regio=regio, nummer=1)
    _uitgangspunt(
        traject, UitgangspuntSoort.VOORZIENING, "Eigen perceel voor hulp bij het huishouden",
        "Hulp bij het huishouden verschilt in doelgroep, markt en personeel van de rest van de "
        "Wmo en krijgt daarom een eigen overeenkomst.", 1, perceel=hbh,
    )  # fmt: skip
    for volgorde, (titel, uitleg) in enumerate(BW_INKOOPDOELEN, start=1):
        _uitgangspunt(traject, UitgangspuntSoort.INKOOPDOEL, titel, uitleg, volgorde)
    for volgorde, (omschr, periode, gsoort, status) in enumerate(BW_PLANNING, start=1):
        Mijlpaal.objects.get_or_create(
            traject=traject, omschrijving=omschr,
            defaults={"volgorde": volgorde, "periode": periode, "gremium_soort": gsoort,
                      "status": status},
        )  # fmt: skip
    _inkoopstrategie_bommelerwaard(traject, gebruikers)
    return regio


def _inkoopstrategie_bommelerwaard(traject, gebruikers):
    """A strategy in the decision route, through the real services: version 1 approved and
    proposed to the PFHO (the secretary records the decision), version 2 awaiting the
    director's review. Only built once: later runs leave whatever people did with it."""

    document, nieuw = Document.objects.get_or_create(
        traject=traject,
        titel="Inkoopstrategie Wmo en Jeugdhulp 2027 e.v.",
        defaults={
            "soort": DocumentSoort.INKOOPSTRATEGIE,
            "aan": "Colleges van Maasdriel en Zaltbommel",
            "van": "Team inkoop sociaal domein Bommelerwaard",
            "betreft": "Inkoopstrategie voor de individuele voorzieningen vanaf 1 januari 2027",
            "datum": dt.date(2026, 10, 12),
            "kenmerk": "26.0031042",
            "zaaknummer": "Z.2026-0417",
            "aangemaakt_door": gebruikers["adviseur"],
        },
    )
    if not nieuw:
        return
    secties = [
        (SectieSoort.TEKST, "Inleiding",
         "Maasdriel en Zaltbommel kopen sinds 2018 samen de meeste individuele voorzieningen "
         "van de Wmo 2015 en de Jeugdwet in. De overeenkomst die op 1 januari 2022 inging, "
         "eindigt op 31 december 2026.\n\n"
         "Deze strategie legt de keuzes op hoofdlijnen vast: de **visie** uit de "
         "beleidsdocumenten, de **evaluatie** van de inkoop 2022–2026 en de "
         "**inkoopdoelstellingen** die daaruit volgen. De uitwerking volgt in de "
         "inkoopdocumenten.[^1]\n\n"
         "[^1]: Schaarse en zeer specialistische jeugdhulp blijft bovenregionaal ingekocht."),
        (SectieSoort.ALGEMENE_UITGANGSPUNTEN, "Strategische uitgangspunten en inkoopdoelen", ""),
        (SectieSoort.VOORZIENINGENTABEL, "Percelen", ""),
        (SectieSoort.PLANNING, "Planning", ""),
    ]  # fmt: skip
    for volgorde, (soort, titel, tekst) in enumerate(secties, start=1):
        Sectie.objects.create(
            document=document, volgorde=volgorde, soort=soort, titel=titel, tekst=tekst
        )
    adviseur, directeur = gebruikers["adviseur"], gebruikers["directeur"]
    _opmaak_en_bijlage_bommelerwaard(document, adviseur)
    eerste = opstellen.versie_vastleggen(
        document=document, auteur=adviseur, toelichting="Voor het directieoverleg"
    )
    besluitvorming.versie_indienen(versie=eerste, door=adviseur)
    besluitvorming.versie_goedkeuren(
        versie=eerste, door=directeur, opmerking="Akkoord om aan het PFHO voor te leggen."
    )
    pfho = Gremium.objects.get(regio=traject.regio, soort=GremiumSoort.PFHO)
    besluitvorming.voorstel_opslaan(
        traject=traject,
        door=adviseur,
        gegevens={
            "gremium": pfho,
            "onderwerp": "Inkoopstrategie Wmo en Jeugdhulp 2027 e.v. vrijgeven",
            "portefeuillehouder": "Wethouder sociaal domein Zaltbommel",
            "aanleiding": "De huidige overeenkomst eindigt op 31 december 2026.",
            "argumenten": "De strategie bouwt voort op de evaluatie van de inkoop 2022–2026.",
        },
        beslispunten=[
            "De inkoopstrategie vrij te geven voor vaststelling door beide colleges.",
            "In te stemmen met de indeling in vijf percelen.",
        ],
        versies=[eerste],
    )
    sectie = document.secties.get(titel="Inleiding")
    sectie.tekst += "\n\nNa het PFHO is de paragraaf over de percelen aangescherpt."
    sectie.save()
    tweede = opstellen.versie_vastleggen(
        document=document, auteur=adviseur, toelichting="Verwerking opmerkingen PFHO"
    )
    besluitvorming.versie_indienen(versie=tweede, door=adviseur)


def _opmaak_en_bijlage_bommelerwaard(document, adviseur):
    """The strategy keeps the memo's own conventions (no chapter numbers, the date written out,
    the bold lead run into the principle, "Ons kenmerk") and carries the evaluation summary as
    an attachment. Set before version 1 is frozen, so both travel with the versions."""
    opstellen.document_opmaak_bijwerken(
        document=document, revisie=document.revisie, auteur=adviseur,
        opmaak={"hoofdstuknummers": False, "datum_voluit": True,
                "uitgangspunten": UitgangspuntWeergave.DOORLOPEND},
        kop_labels={"kenmerk": "Ons kenmerk"},
    )  # fmt: skip
    regels = [
        "Evaluatie inkoop Wmo en Jeugdhulp 2022-2026 (samenvatting)",
        "Maasdriel en Zaltbommel, september 2026",
        "- De toegang werkt, de wachttijden voor begeleiding zijn korter geworden.",
        "- Het aantal aanbieders groeide van 61 naar 84; de administratieve last ook.",
        "- Aanbevolen: minder percelen, resultaatgericht bekostigen, langere looptijd.",
    ]
    bijlage_toevoegen(
        onderwerp=document, door=adviseur,
        bestand=SimpleUploadedFile("evaluatie-inkoop-2022-2026.pdf", kleine_pdf(regels)),
        omschrijving="Samenvatting van de evaluatie van de inkoop 2022–2026",
    )  # fmt: skip


def kleine_pdf(regels: list[str]) -> bytes:
    """A one-page PDF with these lines (ASCII), written by hand: the demo keeps no binary
    files and needs no renderer for an attachment."""
    tekst = "".join(
        f"({r.replace(chr(92), '').replace('(', '[').replace(')', ']')}) Tj T* " for r in regels
    )
    stroom = f"BT /F1 11 Tf 16 TL 56 780 Td {tekst}ET".encode("ascii")
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stroom), stroom),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    uit, plaatsen = bytearray(b"%PDF-1.4\n"), []
    for nummer, obj in enumerate(objecten, start=1):
        plaatsen.append(len(uit))
        uit += b"%d 0 obj\n%s\nendobj\n" % (nummer, obj)
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    uit += b"".join(b"%010d 00000 n \n" % p for p in plaatsen)
    uit += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objecten) + 1, xref,
    )  # fmt: skip
    return bytes(uit)


# A plausible house style per demo region, with a drawn logo of our own (no real logos).
HUISSTIJLEN = {
    "gooi-en-vechtstreek": {
        "naam": "Regio Gooi en Vechtstreek",
        "kleur_koppen": "#1f4e5f",
        "kleur_accent": "#2b6e3f",
        "voettekst": "Regio Gooi en Vechtstreek · Postbus 251 · 1400 AG Bussum",
        "label_betreft": BetreftLabel.BETREFT,
        "vorm": '<path d="M2 22 L12 4 L22 22 Z" fill="#2b6e3f"/>',
    },
    "bommelerwaard": {
        "naam": "Samenwerking Sociaal Domein Bommelerwaard",
        "kleur_koppen": "#6b2140",
        "kleur_accent": "#6b2140",
        "voettekst": "Gemeenten Maasdriel en Zaltbommel · Team inkoop sociaal domein",
        "label_betreft": BetreftLabel.BETREFFENDE,
        "vorm": '<circle cx="12" cy="13" r="9" fill="#6b2140"/>',
    },
}


def _huisstijl(regio, beheerder):
    if Huisstijl.objects.filter(regio=regio).exists():
        return  # never overwrite what an administrator set
    stijl = dict(HUISSTIJLEN[regio.slug])
    logo = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 26" role="img" '
        f'aria-label="{stijl["naam"]}">{stijl.pop("vorm")}'
        f'<text x="30" y="18" font-family="Source Sans 3" font-size="11" '
        f'fill="{stijl["kleur_koppen"]}">{regio.naam.split(" (")[0]}</text></svg>'
    )
    huisstijl_opslaan(
        huisstijl=Huisstijl(regio=regio, **stijl),
        door=beheerder,
        revisie=None,
        logo=SimpleUploadedFile(f"{regio.slug}.svg", logo.encode(), "image/svg+xml"),
    )


def _openbaar(regio, gebruikers):
    """The adopted minutes of 3 December are public (Woo): on /openbaar/ and in the sitemap.
    The secretary is read afresh: a permission check caches roles on the user object."""
    eerder = Sessie.objects.filter(regio=regio, datum=dt.date(2019, 12, 3)).first()
    if eerder is None or Publicatie.objects.filter(sessie=eerder).exists():
        return
    secretaris = get_user_model().objects.get(pk=gebruikers["secretaris"].pk)
    verslag_publiceren(sessie=eerder, door=secretaris)


# The route of the principles document in 2020 (seed 002's planning): body, date, outcome.
GV_VASTSTELLING = [
    (GremiumSoort.DO, dt.date(2020, 1, 23), Uitkomst.INGESTEMD),
    (GremiumSoort.PFHO, dt.date(2020, 2, 6), Uitkomst.VRIJGEGEVEN),
    (GremiumSoort.ADVIESRAAD, dt.date(2020, 4, 16), Uitkomst.KENNISGENOMEN),
    (GremiumSoort.COLLEGE, dt.date(2020, 5, 26), Uitkomst.VASTGESTELD),
]


def _vastgestelde_versie(regio, gebruikers):
    """Version 1 of the principles document went the route to the colleges, through the real
    services, and is public with the round's decision list: /openbaar/ shows a real document.
    Only built once (the frozen version carries the house style, so this runs after it)."""
    document = Document.objects.filter(
        traject__regio=regio, titel="Uitgangspunten inkoop zorg en ondersteuning 2021 e.v."
    ).first()
    if document is None or document.versies.exists():
        return
    # Fresh user objects: a permission check caches the roles on the user object.
    mensen = {n: get_user_model().objects.get(pk=gebruikers[n].pk)
              for n in ("adviseur", "directeur", "secretaris")}  # fmt: skip
    with als_auteur(mensen["adviseur"]):
        versie = opstellen.versie_vastleggen(
            document=document, auteur=mensen["adviseur"], toelichting="Voor het directieoverleg"
        )
        besluitvorming.versie_indienen(versie=versie, door=mensen["adviseur"])
    with als_auteur(mensen["directeur"]):
        besluitvorming.versie_goedkeuren(versie=versie, door=mensen["directeur"])
    versie.refresh_from_db()  # the transition saved the review state on its own row
    pfho = Sessie.objects.filter(regio=regio, datum=dt.date(2020, 2, 6)).first()
    with als_auteur(mensen["secretaris"]):
        for soort, datum, uitkomst in GV_VASTSTELLING:
            for gremium in Gremium.objects.filter(regio=regio, soort=soort).order_by("naam"):
                besluitvorming.besluit_vastleggen(
                    gremium=gremium, door=mensen["secretaris"], datum=datum, uitkomst=uitkomst,
                    versie=versie, sessie=pfho if soort == GremiumSoort.PFHO else None,
                )  # fmt: skip
        versie_publiceren(versie=versie, door=mensen["secretaris"])
        besluitenlijst_publiceren(traject=document.traject, door=mensen["secretaris"])


@transaction.atomic
def demo_laden() -> dict:
    gebruikers = _gebruikers()
    # The history names real people: the policy advisor builds the demo's content, the
    # administrator sets up regions and roles, the secretary records the sessions.
    with als_auteur(gebruikers["adviseur"]):
        gv = _gooi_en_vechtstreek(gebruikers)
        bw = _bommelerwaard(gebruikers)
    with als_auteur(gebruikers["beheerder"]):
        for regio in (gv, bw):
            _huisstijl(regio, gebruikers["beheerder"])
    with als_auteur(gebruikers["adviseur"]):
        _openbaar(gv, gebruikers)
    _vastgestelde_versie(gv, gebruikers)
    return {"regios": [gv, bw], "gebruikers": gebruikers}
