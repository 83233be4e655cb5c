"""Synthetic data at national scale: every region, municipality and round of the country.

`schaal_opbouwen(Omvang(...))` fills an empty installation (or one with only demo data) with
regions, municipalities, users with roles, services with figures, rounds with principles (with
history and lineage), documents with sections and frozen versions, sessions with minutes, input,
proposals and decisions. Everything goes in with bulk_create in batches, so 100,000 principles
take a few minutes, not hours. Synthetic rows are recognisable by their slugs ("schaal-…"),
CBS codes (GM5000 and up) and user names ("schaal-…"); a second run is refused.
"""

import datetime as dt
import hashlib
import json
import time
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from simple_history.utils import bulk_create_with_history

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Beslispunt, Besluit, BesluitPunt, RouteStap, Voorstel
from inkoop.sessies.constants import (
    BronSoort,
    InbrengSoort,
    ResultaatSoort,
    SessieSoort,
    Verwerking,
)
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Gast, Inbreng, Sessie, Stelling
from inkoop.trajecten.constants import GremiumSoort, MijlpaalStatus
from inkoop.trajecten.models import Gremium, Mijlpaal, Traject, TrajectVoorziening
from regions.constants import Rol
from regions.models import Gemeente, Lidmaatschap, Regio, Roltoewijzing
from uitgangspunten.constants import (
    Beoordeling,
    DocumentSoort,
    SectieSoort,
    UitgangspuntSoort,
    UitgangspuntStatus,
)
from uitgangspunten.inhoud import document_inhoud
from uitgangspunten.models import (
    Document,
    Opmerking,
    Sectie,
    Uitgangspunt,
    Versie,
    VersieOvergang,
)
from voorzieningen.constants import Inkoopniveau, KengetalSoort, Soort, Wet
from voorzieningen.models import Deelname, Kengetal, Perceel, Voorziening

BATCH = 2000
SLUG_PREFIX = "schaal-"
CBS_START = 5000
WACHTWOORD = "schaal-wachtwoord-2026"

ALGEMENE_SOORTEN = [s for s in UitgangspuntSoort.values if s != UitgangspuntSoort.VOORZIENING]
ROLLEN = [Rol.BELEIDSADVISEUR, Rol.DIRECTEUR, Rol.PORTEFEUILLEHOUDER, Rol.SECRETARIS, Rol.LEZER]
WETTEN = [Wet.WMO, Wet.JEUGDWET, Wet.PARTICIPATIEWET, Wet.WVGGZ]
UITLEG = (
    "De regio koopt **{onderwerp}** in met het oog op de inwoner: dichtbij, passend en "
    "betaalbaar. Aanbieders werken samen met de lokale toegang en leggen verantwoording af "
    "over resultaten.\n\n- Afspraken over kwaliteit en doorlooptijd\n- Periodieke evaluatie "
    "met de gemeenten"
)


class SchaalBestaatAl(Exception):
    """Synthetic data is already there: refuse instead of doubling it."""


@dataclass(frozen=True)
class Omvang:
    regios: int = 42
    gemeenten: int = 342
    uitgangspunten: int = 100_000
    sessies: int = 3000
    besluiten: int = 5000
    trajecten_per_regio: int = 20
    voorzieningen_per_regio: int = 20

    def __post_init__(self):
        if self.regios < 1 or self.gemeenten < self.regios:
            raise ValueError("Er zijn minstens evenveel gemeenten als regio's nodig.")
        if self.gemeenten > 9999 - CBS_START:
            raise ValueError("Te veel gemeenten voor de synthetische CBS-codes.")
        if self.trajecten_per_regio < 1 or self.voorzieningen_per_regio < 1:
            raise ValueError("Minstens één traject en één voorziening per regio.")


def verdeel(totaal: int, delen: int) -> list[int]:
    """Split a total into `delen` near-equal whole parts (the first ones one larger)."""
    basis, rest = divmod(totaal, delen)
    return [basis + (1 if i < rest else 0) for i in range(delen)]


def bestaat_al() -> bool:
    return Regio.objects.filter(slug__startswith=SLUG_PREFIX).exists()


def _datum(i: int, begin=dt.date(2019, 1, 7), dagen=8 * 365) -> dt.date:
    return begin + dt.timedelta(days=(i * 37) % dagen)


class _Opbouw:
    def __init__(self, omvang: Omvang, melden):
        self.o = omvang
        self.melden = melden
        self.aantallen = {}
        self.start = time.monotonic()

    def meld(self, wat: str, aantal: int):
        self.aantallen[wat] = self.aantallen.get(wat, 0) + aantal
        self.melden(f"{wat}: {aantal} ({time.monotonic() - self.start:.0f} s)")

    # Regions, municipalities, people ----------------------------------------------------

    def regios_en_gemeenten(self):
        o = self.o
        gemeenten = Gemeente.objects.bulk_create(
            [
                Gemeente(naam=f"Schaalgemeente {i + 1:03d}", cbs_code=f"GM{CBS_START + i:04d}")
                for i in range(o.gemeenten)
            ],
            batch_size=BATCH,
        )
        self.regios = Regio.objects.bulk_create(
            [
                Regio(
                    naam=f"Schaalregio {i + 1:02d}",
                    slug=f"{SLUG_PREFIX}{i + 1:02d}",
                    omschrijving="Synthetische regio voor schaaltests.",
                )
                for i in range(o.regios)
            ]
        )
        self.leden = defaultdict(list)
        lidmaatschappen = []
        positie = 0
        for regio, aantal in zip(self.regios, verdeel(o.gemeenten, o.regios), strict=True):
            for j in range(aantal):
                gemeente = gemeenten[positie]
                positie += 1
                self.leden[regio.pk].append(gemeente)
                lidmaatschappen.append(
                    Lidmaatschap(regio=regio, gemeente=gemeente, begin=dt.date(2015, 1, 1))
                )
                if j == 0 and aantal > 2:
                    # Some history: an earlier, ended membership of the same municipality.
                    lidmaatschappen.append(
                        Lidmaatschap(
                            regio=regio,
                            gemeente=gemeente,
                            begin=dt.date(2010, 1, 1),
                            einde=dt.date(2012, 12, 31),
                            toelichting="Eerder lid, na herindeling opnieuw toegetreden.",
                        )
                    )
        Lidmaatschap.objects.bulk_create(lidmaatschappen, batch_size=BATCH)
        self.meld("gemeenten", len(gemeenten))
        self.meld("regio's", len(self.regios))
        self.meld("lidmaatschappen", len(lidmaatschappen))

    def gebruikers(self):
        user_model = get_user_model()
        wachtwoord = make_password(WACHTWOORD)  # hashed once, shared: seeding stays fast
        users = []
        for i, _regio in enumerate(self.regios):
            for rol in ROLLEN:
                users.append(
                    user_model(
                        username=f"{SLUG_PREFIX}{rol}-{i + 1:02d}",
                        first_name=str(Rol(rol).label),
                        last_name=f"Schaalregio {i + 1:02d}",
                        email=f"{rol}-{i + 1:02d}@schaal.example",
                        password=wachtwoord,
                    )
                )
        users = user_model.objects.bulk_create(users, batch_size=BATCH)
        self.users = {}  # (regio_pk, rol) -> user
        rollen = []
        for user, (regio, rol) in zip(
            users, [(r, rol) for r in self.regios for rol in ROLLEN], strict=True
        ):
            self.users[(regio.pk, rol)] = user
            rollen.append(Roltoewijzing(gebruiker=user, regio=regio, rol=rol))
        Roltoewijzing.objects.bulk_create(rollen, batch_size=BATCH)
        self.meld("gebruikers", len(users))

    def gremia(self):
        gremia = []
        for regio in self.regios:
            for soort, naam in (
                (GremiumSoort.DO, "Directieoverleg"),
                (GremiumSoort.PFHO, "Portefeuillehoudersoverleg"),
                (GremiumSoort.ADVIESRAAD, "Adviesraad sociaal domein"),
            ):
                gremia.append(Gremium(regio=regio, soort=soort, naam=f"{naam} {regio.naam}"))
            for gemeente in self.leden[regio.pk]:
                gremia.append(
                    Gremium(
                        regio=regio,
                        soort=GremiumSoort.COLLEGE,
                        gemeente=gemeente,
                        naam=f"College van B&W {gemeente.naam}",
                    )
                )
        gremia = Gremium.objects.bulk_create(gremia, batch_size=BATCH)
        self.gremia_per_regio = defaultdict(list)
        for g in gremia:
            self.gremia_per_regio[g.regio_id].append(g)
        self.meld("gremia", len(gremia))

    # Services and figures ---------------------------------------------------------------

    def voorzieningen(self):
        o = self.o
        percelen = Perceel.objects.bulk_create(
            [
                Perceel(
                    regio=regio,
                    nummer=n,
                    naam=f"Perceel {n}",
                    aandeel_financien=Decimal("25.0"),
                    aandeel_clienten=Decimal("25.0"),
                )
                for regio in self.regios
                for n in range(1, 5)
            ],
            batch_size=BATCH,
        )
        per_regio_percelen = defaultdict(list)
        for p in percelen:
            per_regio_percelen[p.regio_id].append(p)
        voorzieningen = []
        for regio in self.regios:
            for n in range(o.voorzieningen_per_regio):
                voorzieningen.append(
                    Voorziening(
                        regio=regio,
                        naam=f"Voorziening {n + 1:02d}",
                        slug=f"voorziening-{n + 1:02d}",
                        wet=WETTEN[n % len(WETTEN)],
                        soort=Soort.MAATWERK if n % 3 else Soort.ALGEMEEN,
                        inkoopniveau=Inkoopniveau.REGIONAAL if n % 4 else Inkoopniveau.LOKAAL,
                        perceel=per_regio_percelen[regio.pk][n % 4],
                        omschrijving="Ondersteuning voor inwoners die dat nodig hebben.",
                        volgorde=n,
                    )
                )
        voorzieningen = Voorziening.objects.bulk_create(voorzieningen, batch_size=BATCH)
        self.voorzieningen_per_regio = defaultdict(list)
        for v in voorzieningen:
            self.voorzieningen_per_regio[v.regio_id].append(v)
        kengetallen = [
            Kengetal(
                voorziening=v,
                jaar=jaar,
                soort=soort,
                waarde=Decimal(100_000 + (v.pk * 7919 + jaar * 31) % 5_000_000),
                bron="Synthetisch",
            )
            for v in voorzieningen
            for soort in (KengetalSoort.UITGAVEN, KengetalSoort.CLIENTEN)
            for jaar in range(2021, 2025)
        ]
        Kengetal.objects.bulk_create(kengetallen, batch_size=BATCH)
        deelnames = [
            Deelname(
                voorziening=v,
                gemeente=self.leden[v.regio_id][v.volgorde % len(self.leden[v.regio_id])],
                neemt_deel=False,
                toelichting="Koopt lokaal in.",
            )
            for v in voorzieningen
            if v.volgorde % 5 == 0
        ]
        Deelname.objects.bulk_create(deelnames, batch_size=BATCH)
        self.meld("percelen", len(percelen))
        self.meld("voorzieningen", len(voorzieningen))
        self.meld("kengetallen", len(kengetallen))
        self.meld("deelnames", len(deelnames))

    # Rounds and principles --------------------------------------------------------------

    def trajecten(self):
        o = self.o
        trajecten = []
        for regio in self.regios:
            for p in range(o.trajecten_per_regio):
                jaar = 2027 - (o.trajecten_per_regio - 1 - p)
                trajecten.append(
                    Traject(
                        regio=regio,
                        naam=f"Inkoop {jaar}",
                        slug=f"inkoop-{jaar}",
                        startjaar=jaar,
                        omschrijving="Synthetisch inkooptraject.",
                    )
                )
        trajecten = Traject.objects.bulk_create(trajecten, batch_size=BATCH)
        self.trajecten_per_regio = defaultdict(list)
        for t in trajecten:
            self.trajecten_per_regio[t.regio_id].append(t)
        # Each round continues the previous one.
        gewijzigd = []
        for reeks in self.trajecten_per_regio.values():
            for vorige, t in zip(reeks, reeks[1:], strict=False):
                t.vorige = vorige
                gewijzigd.append(t)
        Traject.objects.bulk_update(gewijzigd, ["vorige"], batch_size=BATCH)
        self.trajecten_lijst = trajecten

        scope, route, mijlpalen = [], [], []
        for t in trajecten:
            for v in self.voorzieningen_per_regio[t.regio_id]:
                scope.append(
                    TrajectVoorziening(
                        traject=t, voorziening=v, ontwikkelingen="Vraag stijgt licht."
                    )
                )
            for n, (soort, uitkomst) in enumerate(
                [
                    (GremiumSoort.DO, Uitkomst.VRIJGEGEVEN),
                    (GremiumSoort.PFHO, Uitkomst.VASTGESTELD),
                    (GremiumSoort.COLLEGE, Uitkomst.INGESTEMD),
                ],
                start=1,
            ):
                route.append(
                    RouteStap(traject=t, volgorde=n, gremium_soort=soort, beoogde_uitkomst=uitkomst)
                )
            for n in range(5):
                mijlpalen.append(
                    Mijlpaal(
                        traject=t,
                        volgorde=n,
                        omschrijving=f"Mijlpaal {n + 1}",
                        datum=dt.date(t.startjaar - 1, 2 * n + 1, 15),
                        gremium_soort=GremiumSoort.PFHO if n % 2 else GremiumSoort.DO,
                        status=MijlpaalStatus.GEREED
                        if t.startjaar < 2027
                        else MijlpaalStatus.GEPLAND,
                    )
                )
        TrajectVoorziening.objects.bulk_create(scope, batch_size=BATCH)
        RouteStap.objects.bulk_create(route, batch_size=BATCH)
        Mijlpaal.objects.bulk_create(mijlpalen, batch_size=BATCH)
        self.meld("trajecten", len(trajecten))
        self.meld("voorzieningen in scope", len(scope))

    def uitgangspunten(self):
        """Round by round, so every principle can point to its predecessor (herkomst)."""
        o = self.o
        aantallen = verdeel(o.uitgangspunten, len(self.trajecten_lijst))
        per_traject_aantal = {t.pk: n for t, n in zip(self.trajecten_lijst, aantallen, strict=True)}
        self.uitgangspunten_per_traject = {}
        statussen = [
            UitgangspuntStatus.HERBEVESTIGD,
            UitgangspuntStatus.AANGESCHERPT,
            UitgangspuntStatus.HERBEVESTIGD,
            UitgangspuntStatus.NIEUW,
            UitgangspuntStatus.HERBEVESTIGD,
            UitgangspuntStatus.VERVALLEN,
        ]
        for positie in range(o.trajecten_per_regio):
            nieuw = []
            for regio in self.regios:
                t = self.trajecten_per_regio[regio.pk][positie]
                vorige = self.uitgangspunten_per_traject.get(t.vorige_id, []) if positie else []
                voorzieningen = self.voorzieningen_per_regio[regio.pk]
                for n in range(per_traject_aantal[t.pk]):
                    algemeen = n % 10 < 3
                    herkomst = vorige[n] if n < len(vorige) else None
                    nieuw.append(
                        Uitgangspunt(
                            traject=t,
                            soort=ALGEMENE_SOORTEN[n % len(ALGEMENE_SOORTEN)]
                            if algemeen
                            else UitgangspuntSoort.VOORZIENING,
                            voorziening=None if algemeen else voorzieningen[n % len(voorzieningen)],
                            volgorde=n,
                            titel=f"Uitgangspunt {n + 1} van {t.naam}",
                            uitleg=UITLEG.format(onderwerp=f"onderwerp {n + 1}"),
                            status=statussen[n % len(statussen)]
                            if herkomst
                            else UitgangspuntStatus.NIEUW,
                            herkomst=herkomst,
                        )
                    )
            gemaakt = []
            for begin in range(0, len(nieuw), BATCH):
                gemaakt += bulk_create_with_history(
                    nieuw[begin : begin + BATCH],
                    Uitgangspunt,
                    batch_size=BATCH,
                    default_change_reason="Schaalgegevens",
                )
            # A second history row for what was sharpened: history with a change in it.
            aangescherpt = [u for u in gemaakt if u.status == UitgangspuntStatus.AANGESCHERPT]
            for u in aangescherpt:
                u.revisie = 2
            Uitgangspunt.objects.bulk_update(aangescherpt, ["revisie"], batch_size=BATCH)
            Uitgangspunt.history.bulk_history_create(
                aangescherpt, update=True, batch_size=BATCH, default_change_reason="Aangescherpt"
            )
            per_traject = defaultdict(list)
            for u in gemaakt:
                per_traject[u.traject_id].append(u)
            self.uitgangspunten_per_traject.update(per_traject)
            self.meld("uitgangspunten", len(gemaakt))

    # Documents and versions -------------------------------------------------------------

    def documenten(self):
        documenten = []
        for t in self.trajecten_lijst:
            adviseur = self.users[(t.regio_id, Rol.BELEIDSADVISEUR)]
            documenten.append(
                Document(
                    traject=t,
                    soort=DocumentSoort.UITGANGSPUNTENNOTITIE,
                    titel=f"Uitgangspuntennotitie {t.naam}",
                    aan="Portefeuillehoudersoverleg",
                    van="Directieoverleg",
                    betreft=f"Uitgangspunten {t.naam}",
                    datum=dt.date(t.startjaar - 1, 3, 1),
                    kenmerk=f"{t.startjaar % 100}.{t.pk:07d}",
                    aangemaakt_door=adviseur,
                )
            )
        documenten = bulk_create_with_history(documenten, Document, batch_size=BATCH)
        secties = []
        for d in documenten:
            for n, (soort, titel, tekst, bijlage) in enumerate(
                [
                    (SectieSoort.TEKST, "Inleiding", "Deze notitie beschrijft de uitgangspunten."
                     "[^1]\n\n[^1]: Zie het vorige traject.", False),
                    (SectieSoort.ALGEMENE_UITGANGSPUNTEN, "Algemene uitgangspunten", "", False),
                    (SectieSoort.VOORZIENINGENTABEL, "Uitgangspunten per voorziening", "", False),
                    (SectieSoort.PLANNING, "Planning", "", False),
                    (SectieSoort.KENGETALLEN, "Kengetallen", "", True),
                    (SectieSoort.TEKST, "Begrippen", "| Begrip | Betekenis |\n|---|---|\n"
                     "| Wmo | Wet maatschappelijke ondersteuning |", True),
                ]
            ):  # fmt: skip
                secties.append(
                    Sectie(
                        document=d,
                        volgorde=n,
                        soort=soort,
                        titel=titel,
                        tekst=tekst,
                        is_bijlage=bijlage,
                    )
                )
        secties = bulk_create_with_history(secties, Sectie, batch_size=BATCH)
        koppelingen = []
        per_traject_doc = {d.pk: d.traject for d in documenten}
        for s in secties:
            if s.soort == SectieSoort.KENGETALLEN:
                regio_id = per_traject_doc[s.document_id].regio_id
                for v in self.voorzieningen_per_regio[regio_id][:3]:
                    koppelingen.append(
                        Sectie.voorzieningen.through(sectie_id=s.pk, voorziening_id=v.pk)
                    )
        Sectie.voorzieningen.through.objects.bulk_create(koppelingen, batch_size=BATCH)
        self.documenten = documenten
        self.meld("documenten", len(documenten))
        self.meld("secties", len(secties))

    def versies(self):
        """Two frozen versions per document of the last rounds: one approved, one submitted."""
        versies, opmerkingen = [], []
        laatste_posities = {self.o.trajecten_per_regio - 1, self.o.trajecten_per_regio - 2}
        positie = {t.pk: i for reeks in self.trajecten_per_regio.values()
                   for i, t in enumerate(reeks)}  # fmt: skip
        self.versies_per_regio = defaultdict(list)
        for d in self.documenten:
            regio_id = d.traject.regio_id
            adviseur = self.users[(regio_id, Rol.BELEIDSADVISEUR)]
            inhoud = document_inhoud(d) if positie[d.traject_id] in laatste_posities else None
            if inhoud is None:
                inhoud = {"kop": {"titel": d.titel}, "secties": []}
            inhoud_hash = hashlib.sha256(
                json.dumps(inhoud, sort_keys=True).encode("utf-8")
            ).hexdigest()
            for nummer, beoordeling in ((1, Beoordeling.GOEDGEKEURD), (2, Beoordeling.INGEDIEND)):
                versies.append(
                    Versie(
                        document=d,
                        nummer=nummer,
                        inhoud=inhoud,
                        inhoud_hash=inhoud_hash,
                        auteur=adviseur,
                        beoordeling=beoordeling,
                        toelichting=f"Versie {nummer}",
                    )
                )
            opmerkingen.append(
                Opmerking(
                    document=d,
                    auteur=self.users[(regio_id, Rol.DIRECTEUR)],
                    tekst="Graag de toegang nog scherper formuleren.",
                )
            )
        versies = Versie.objects.bulk_create(versies, batch_size=500)
        overgangen = []
        for v in versies:
            regio_id = v.document.traject.regio_id
            overgangen.append(
                VersieOvergang(
                    versie=v,
                    van=Beoordeling.CONCEPT,
                    naar=Beoordeling.INGEDIEND,
                    door=self.users[(regio_id, Rol.BELEIDSADVISEUR)],
                )
            )
            if v.beoordeling == Beoordeling.GOEDGEKEURD:
                overgangen.append(
                    VersieOvergang(
                        versie=v,
                        van=Beoordeling.INGEDIEND,
                        naar=Beoordeling.GOEDGEKEURD,
                        door=self.users[(regio_id, Rol.DIRECTEUR)],
                    )
                )
            if v.beoordeling == Beoordeling.GOEDGEKEURD:
                self.versies_per_regio[regio_id].append(v)
        VersieOvergang.objects.bulk_create(overgangen, batch_size=BATCH)
        Opmerking.objects.bulk_create(opmerkingen, batch_size=BATCH)
        self.meld("versies", len(versies))
        self.meld("opmerkingen", len(opmerkingen))

    # Sessions, input, proposals, decisions -----------------------------------------------

    def sessies(self):
        o = self.o
        sessies = []
        for regio, aantal in zip(self.regios, verdeel(o.sessies, len(self.regios)), strict=True):
            trajecten = self.trajecten_per_regio[regio.pk]
            gremia = self.gremia_per_regio[regio.pk][:3]
            for n in range(aantal):
                t = trajecten[n % len(trajecten)]
                soort = [SessieSoort.DO, SessieSoort.PFHO, SessieSoort.MARKTCONSULTATIE][n % 3]
                sessies.append(
                    Sessie(
                        regio=regio,
                        traject=t,
                        gremium=gremia[n % 3],
                        soort=soort,
                        titel=f"Sessie {n + 1} over {t.naam}",
                        doel="Bespreken van de uitgangspunten.",
                        datum=_datum(n + regio.pk),
                        begintijd=dt.time(10, 0),
                        eindtijd=dt.time(12, 0),
                        locatie="Gemeentehuis",
                        verslag_inleiding="Welkom en vaststellen van de agenda.",
                    )
                )
        sessies = Sessie.objects.bulk_create(sessies, batch_size=BATCH)
        agenda, conclusies, stellingen, acties, gasten, inbreng = [], [], [], [], [], []
        for n, s in enumerate(sessies):
            voorziening = self.voorzieningen_per_regio[s.regio_id][
                n % self.o.voorzieningen_per_regio
            ]
            for i in range(2):
                agenda.append(
                    Agendapunt(sessie=s, volgorde=i, titel=f"Agendapunt {i + 1}",
                               voorziening=voorziening if i else None)
                )  # fmt: skip
                conclusies.append(
                    Conclusie(sessie=s, volgorde=i, tekst=f"Conclusie {i + 1} van de sessie.",
                              voorziening=voorziening if i else None)
                )  # fmt: skip
            stellingen.append(
                Stelling(sessie=s, tekst="De toegang moet dichter bij de inwoner.",
                         resultaat_soort=ResultaatSoort.EENS_ONEENS, eens=12, oneens=3)
            )  # fmt: skip
            acties.append(
                Actiepunt(
                    sessie=s,
                    omschrijving="Uitzoeken wat de gevolgen zijn voor de tarieven.",
                    eigenaar_gebruiker=self.users[(s.regio_id, Rol.BELEIDSADVISEUR)],
                    deadline=s.datum + dt.timedelta(days=30),
                    afgerond=n % 4 != 0,
                )
            )
            gasten.append(Gast(sessie=s, naam="A. de Gast", organisatie="Zorgaanbieder"))
            for i in range(3):
                inbreng.append(
                    Inbreng(
                        traject_id=s.traject_id,
                        sessie=s,
                        voorziening=voorziening,
                        volgorde=i,
                        soort=[InbrengSoort.VRAAG, InbrengSoort.OPMERKING, InbrengSoort.ADVIES][i],
                        tekst=f"Inbreng {i + 1} uit {s.titel}.",
                        antwoord="Wordt meegenomen." if i else "",
                        bron_soort=BronSoort.AANBIEDER,
                        bron_naam="Zorgaanbieder",
                        verwerking=Verwerking.OPEN if n % 5 == 0 else Verwerking.OVERGENOMEN,
                    )
                )
        for model, rijen in (
            (Agendapunt, agenda),
            (Conclusie, conclusies),
            (Stelling, stellingen),
            (Actiepunt, acties),
            (Gast, gasten),
        ):
            model.objects.bulk_create(rijen, batch_size=BATCH)
        inbreng = Inbreng.objects.bulk_create(inbreng, batch_size=BATCH)
        koppelingen = []
        for n, ib in enumerate(inbreng):
            ups = self.uitgangspunten_per_traject.get(ib.traject_id, [])
            if ups:
                koppelingen.append(
                    Inbreng.uitgangspunten.through(
                        inbreng_id=ib.pk, uitgangspunt_id=ups[n % len(ups)].pk
                    )
                )
        Inbreng.uitgangspunten.through.objects.bulk_create(koppelingen, batch_size=BATCH)
        self.sessies_per_regio = defaultdict(list)
        for s in sessies:
            self.sessies_per_regio[s.regio_id].append(s)
        self.meld("sessies", len(sessies))
        self.meld("inbreng", len(inbreng))

    def besluiten(self):
        o = self.o
        voorstellen = []
        for t in self.trajecten_lijst:
            pfho = self.gremia_per_regio[t.regio_id][1]
            voorstellen.append(
                Voorstel(
                    traject=t,
                    gremium=pfho,
                    onderwerp=f"Vaststellen uitgangspunten {t.naam}",
                    portefeuillehouder="Wethouder sociaal domein",
                    aanleiding="De contracten lopen af.",
                    argumenten="De uitgangspunten zijn met partners besproken.",
                    opgesteld_door=self.users[(t.regio_id, Rol.BELEIDSADVISEUR)],
                )
            )
        voorstellen = Voorstel.objects.bulk_create(voorstellen, batch_size=BATCH)
        beslispunten = Beslispunt.objects.bulk_create(
            [
                Beslispunt(voorstel=v, nummer=n, tekst=f"Beslispunt {n}.")
                for v in voorstellen
                for n in (1, 2, 3)
            ],
            batch_size=BATCH,
        )
        punten_per_voorstel = defaultdict(list)
        for b in beslispunten:
            punten_per_voorstel[b.voorstel_id].append(b)
        voorstellen_per_regio = defaultdict(list)
        for v in voorstellen:
            voorstellen_per_regio[v.traject.regio_id].append(v)

        besluiten = []
        gezien = set()  # one decision per body and version (a database constraint)
        for regio, aantal in zip(self.regios, verdeel(o.besluiten, len(self.regios)), strict=True):
            gremia = self.gremia_per_regio[regio.pk]
            sessies = self.sessies_per_regio[regio.pk]
            versies = self.versies_per_regio[regio.pk]
            regio_voorstellen = voorstellen_per_regio[regio.pk]
            for n in range(aantal):
                sessie = sessies[n % len(sessies)] if sessies else None
                gremium = gremia[n % len(gremia)]
                versie = versies[n % len(versies)] if versies and n % 3 == 1 else None
                if versie is not None and (gremium.pk, versie.pk) in gezien:
                    versie = None
                elif versie is not None:
                    gezien.add((gremium.pk, versie.pk))
                besluiten.append(
                    Besluit(
                        gremium=gremium,
                        datum=_datum(n * 3 + regio.pk),
                        sessie=sessie if n % 2 == 0 else None,
                        voorstel=regio_voorstellen[n % len(regio_voorstellen)]
                        if n % 3 == 0
                        else None,
                        versie=versie,
                        verslag_van=sessie if n % 3 == 2 else None,
                        uitkomst=[Uitkomst.VASTGESTELD, Uitkomst.INGESTEMD, Uitkomst.KENNISGENOMEN][
                            n % 3
                        ],  # fmt: skip
                        toelichting="Conform voorstel.",
                        vastgelegd_door=self.users[(regio.pk, Rol.SECRETARIS)],
                    )
                )
        besluiten = Besluit.objects.bulk_create(besluiten, batch_size=BATCH)
        besluitpunten = [
            BesluitPunt(besluit=b, beslispunt=p, uitkomst=b.uitkomst)
            for b in besluiten
            if b.voorstel_id
            for p in punten_per_voorstel[b.voorstel_id]
        ]
        BesluitPunt.objects.bulk_create(besluitpunten, batch_size=BATCH)
        self.meld("voorstellen", len(voorstellen))
        self.meld("besluiten", len(besluiten))


def schaal_opbouwen(omvang: Omvang | None = None, melden=lambda tekst: None) -> dict[str, int]:
    """Build the synthetic data set; refuses (SchaalBestaatAl) when it is already there."""
    omvang = omvang or Omvang()
    if bestaat_al():
        raise SchaalBestaatAl(
            "Er staan al schaalgegevens in deze database (regio's met korte naam "
            f"'{SLUG_PREFIX}…'). Gebruik een lege database om opnieuw te beginnen."
        )
    if Gemeente.objects.filter(
        cbs_code__in=[f"GM{CBS_START + i:04d}" for i in range(omvang.gemeenten)]
    ).exists():
        raise SchaalBestaatAl(
            f"CBS-codes vanaf GM{CBS_START} zijn al in gebruik; de schaalgegevens passen niet."
        )
    opbouw = _Opbouw(omvang, melden)
    with transaction.atomic():
        opbouw.regios_en_gemeenten()
        opbouw.gebruikers()
        opbouw.gremia()
        opbouw.voorzieningen()
        opbouw.trajecten()
        opbouw.uitgangspunten()
        opbouw.documenten()
        opbouw.versies()
        opbouw.sessies()
        opbouw.besluiten()
    if connection.vendor == "postgresql":
        # Fresh statistics, or the planner guesses one row per table until autovacuum runs.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        melden("statistieken bijgewerkt (ANALYZE)")
    return opbouw.aantallen
