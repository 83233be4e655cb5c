"""Word in: minutes (a .docx or pasted text) become the items of a session.

`verslag_uit_docx` / `verslag_uit_tekst` propose, line by line, what each part of the minutes
is: an agenda item (a heading), a question with its answer, a remark or advice with its source,
a statement with its result (in the many ways minutes write one), an action point, a
conclusion, or a discussion note; each under the agenda item (or statement) where it stood.
The user corrects kind, source and linked principles, drops lines, and `verslag_importeren`
saves it all in one transaction through the session services.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from inkoop.core.fouten import DomeinFout
from inkoop.sessies import services as sessie_services
from inkoop.sessies.constants import BronSoort, InbrengSoort, ResultaatSoort
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Inbreng, Stelling
from uitgangspunten.models import Uitgangspunt

from . import docx_bestand
from .docx_bestand import platte_tekst
from .word_in import datum_lezen

VRAAG, ANTWOORD, OPMERKING, ADVIES = "vraag", "antwoord", "opmerking", "advies"
STELLING, RESULTAAT, ACTIEPUNT, CONCLUSIE = "stelling", "resultaat", "actiepunt", "conclusie"
AGENDAPUNT, NOTITIE = "agendapunt", "notitie"
SOORTEN = [
    (AGENDAPUNT, "Agendapunt"),
    (VRAAG, "Vraag (met antwoord)"),
    (OPMERKING, "Opmerking"),
    (ADVIES, "Advies"),
    (STELLING, "Stelling"),
    (ACTIEPUNT, "Actiepunt"),
    (CONCLUSIE, "Conclusie"),
    (NOTITIE, "Discussienotitie (in de inleiding van het verslag)"),
]

BRONNEN = [
    (r"aanbieder|zorgaanbieder|leverancier|markt", BronSoort.AANBIEDER),
    (r"gemeente|ambtena|beleid", BronSoort.GEMEENTE),
    (r"adviesra|wmo-ra|cliëntenra|clientenra|participatiera", BronSoort.ADVIESRAAD),
    (r"inwoner|burger|ouder|cliënt|client", BronSoort.INWONERS),
    (r"wethouder|bestuur|portefeuille", BronSoort.BESTUUR),
]

LABEL = r"^\s*[-•*]?\s*(?P<label>{})\b(?P<extra>[^:]{{0,40}}?)\s*[:]\s*(?P<tekst>.*)$"
PATRONEN = [
    (AGENDAPUNT, re.compile(LABEL.format(r"agendapunt|agenda-item"), re.I)),
    (VRAAG, re.compile(LABEL.format(r"vraag|vragen|v|q"), re.I)),
    (ANTWOORD, re.compile(LABEL.format(r"antwoord|a|reactie|beantwoording"), re.I)),
    (ADVIES, re.compile(LABEL.format(r"advies"), re.I)),
    (OPMERKING, re.compile(LABEL.format(r"opmerking|opmerkingen|inbreng"), re.I)),
    (STELLING, re.compile(LABEL.format(r"stelling|open vraag|poll"), re.I)),
    (RESULTAAT, re.compile(LABEL.format(r"resultaat|uitslag|uitkomst|score|stemming"), re.I)),
    (ACTIEPUNT, re.compile(LABEL.format(r"actiepunt|actie|ap"), re.I)),
    (CONCLUSIE, re.compile(LABEL.format(r"conclusie|besluit|afspraak"), re.I)),
]
GETAL = r"(\d+(?:[.,]\d+)?)"
VOOR_TEGEN = re.compile(
    r"(\d+)\s*(?:x\s*)?(?:voor|eens)\s*(?:[/,;-]|en)\s*(\d+)\s*(?:x\s*)?(?:tegen|oneens)", re.I
)
EENS_ONEENS = re.compile(r"eens\s*[:=]?\s*(\d+)\D+oneens\s*[:=]?\s*(\d+)", re.I)
PROCENT = re.compile(
    r"(\d+)\s*(?:deelnemers|stemmen|respondenten|aanwezigen|antwoorden)\D{0,5}(\d+(?:[.,]\d+)?)\s*%\s*(?:eens|voor)",
    re.I,
)
PROCENT_OMGEKEERD = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*%\s*(?:eens|voor)\D{0,20}?(?:n\s*=\s*|van\s+)(\d+)", re.I
)
SCHAAL_N = re.compile(
    rf"{GETAL}\s*\(?\s*(?:n\s*=\s*(\d+)|(\d+)\s*(?:antwoorden|reacties|respondenten|deelnemers|stemmen))",
    re.I,
)
SCHAAL = re.compile(
    rf"(?:gemiddeld(?:e)?(?:\s+score)?|score|schaal)\D{{0,12}}?{GETAL}|^\s*{GETAL}\s*$", re.I
)
WOORDEN = re.compile(
    r"^\s*(?:genoemde\s+)?(?:woorden|woordwolk|antwoorden|genoemd)\s*:\s*(?P<woorden>.+)$", re.I
)
KOP = re.compile(r"^\s*(?:#+\s*(?P<md>.+)|(?P<nr>\d{1,2})[.)]\s+(?P<titel>[^.:!?]{2,60}))\s*$")


def _bron(tekst: str) -> str:
    tekst = tekst.lower()
    for patroon, bron in BRONNEN:
        if re.search(patroon, tekst):
            return bron
    return BronSoort.OVERIG


def _getal(tekst: str) -> Decimal:
    return Decimal(tekst.replace(",", "."))


def resultaat_lezen(tekst: str) -> dict | None:
    """A statement's result as minutes write it, as Stelling fields; None when there is none.

    "3 voor / 14 tegen", "eens: 9, oneens: 4", "12 deelnemers, 75% eens", "75% eens (n=12)",
    "gemiddeld 3,4", "2.9 (15 antwoorden)", "3,4 (n = 20)", "woorden: samen, vertrouwen".
    """
    if m := WOORDEN.match(tekst):
        woorden = [w.strip() for w in re.split(r"[;,]", m.group("woorden")) if w.strip()]
        return {"resultaat_soort": ResultaatSoort.WOORDEN, "woorden": "\n".join(woorden)}
    if m := VOOR_TEGEN.search(tekst) or EENS_ONEENS.search(tekst):
        return {"resultaat_soort": ResultaatSoort.EENS_ONEENS,
                "eens": int(m.group(1)), "oneens": int(m.group(2))}  # fmt: skip
    if (m := PROCENT.search(tekst)) or (m2 := PROCENT_OMGEKEERD.search(tekst)):
        n, procent = (
            (int(m.group(1)), _getal(m.group(2))) if m else (int(m2.group(2)), _getal(m2.group(1)))
        )
        eens = int((n * procent / 100).to_integral_value())
        return {"resultaat_soort": ResultaatSoort.EENS_ONEENS, "eens": eens, "oneens": n - eens}
    if m := SCHAAL_N.search(tekst):
        gemiddelde = _getal(m.group(1))
        if 1 <= gemiddelde <= 5:
            return {"resultaat_soort": ResultaatSoort.SCHAAL, "schaal_gemiddelde": gemiddelde,
                    "schaal_n": int(m.group(2) or m.group(3))}  # fmt: skip
    if m := SCHAAL.search(tekst):
        gemiddelde = _getal(m.group(1) or m.group(2))
        if 1 <= gemiddelde <= 5:
            return {"resultaat_soort": ResultaatSoort.SCHAAL, "schaal_gemiddelde": gemiddelde,
                    "schaal_n": None}  # fmt: skip
    return None


def _regels_uit_ast(ast) -> list[tuple[bool, str]]:
    """(is heading, text) for every paragraph and list item of a .docx, in order."""
    regels = []

    def blokken(lijst):
        for blok in lijst:
            t = blok.get("t")
            if t == "Header":
                regels.append((True, platte_tekst(blok["c"][2])))
            elif t in ("Para", "Plain", "LineBlock"):
                regels.append((False, platte_tekst(blok["c"])))
            elif t in ("BulletList", "OrderedList"):
                for item in blok["c"] if t == "BulletList" else blok["c"][1]:
                    blokken(item)
            elif t in ("BlockQuote", "Div"):
                blokken(blok["c"] if t == "BlockQuote" else blok["c"][1])
            elif t == "Table":
                _, _, _, kop, lichamen, _ = blok["c"]
                rijen = list(kop[1]) + [r for lc in lichamen for r in lc[2] + lc[3]]
                for rij in rijen:
                    regels.append((False, ": ".join(platte_tekst(c[4]) for c in rij[1])))

    blokken(ast.get("blocks", []))
    return [(kop, tekst) for kop, tekst in regels if tekst]


def _item(soort, tekst, **extra) -> dict:
    return {"soort": soort, "tekst": tekst.strip(), "antwoord": "", "bron": "",
            "bron_naam": "", "resultaat": None, "toelichting": "", **extra}  # fmt: skip


def _voorstellen(regels: list[tuple[bool, str]]) -> dict:
    items = []
    agendapunt = None  # index of the current agenda item
    laatste = None  # the item an answer, result or note belongs to
    for is_kop, tekst in regels:
        tekst = tekst.strip()
        gevonden = None
        for soort, patroon in PATRONEN:
            if m := patroon.match(tekst):
                gevonden = (soort, m)
                break
        kop = KOP.match(tekst) if not gevonden else None
        if is_kop or (gevonden and gevonden[0] == AGENDAPUNT) or kop:
            titel = gevonden[1].group("tekst") if gevonden else (
                (kop.group("md") or kop.group("titel")) if kop else tekst)  # fmt: skip
            items.append(_item(AGENDAPUNT, titel))
            agendapunt, laatste = len(items) - 1, None
            continue
        if gevonden is None:
            if laatste is not None and items[laatste]["soort"] == STELLING:
                resultaat = resultaat_lezen(tekst)
                huidig = items[laatste]["resultaat"]
                leeg = huidig is None or (
                    items[laatste].get("open_vraag") and not huidig["woorden"]
                )
                if resultaat and leeg:
                    items[laatste]["resultaat"] = resultaat
                else:
                    items[laatste]["toelichting"] = (
                        f"{items[laatste]['toelichting']}\n{tekst}".strip()
                    )
                continue
            items.append(_item(NOTITIE, tekst, agendapunt=agendapunt))
            continue
        soort, m = gevonden
        inhoud, extra = m.group("tekst").strip(), m.group("extra").strip(" ()-")
        if soort == ANTWOORD and laatste is not None and items[laatste]["soort"] == VRAAG:
            items[laatste]["antwoord"] = f"{items[laatste]['antwoord']}\n{inhoud}".strip()
            continue
        if soort == RESULTAAT and laatste is not None and items[laatste]["soort"] == STELLING:
            items[laatste]["resultaat"] = resultaat_lezen(inhoud) or resultaat_lezen(tekst)
            if items[laatste]["resultaat"] is None:
                items[laatste]["toelichting"] += inhoud
            continue
        if soort in (ANTWOORD, RESULTAAT):
            soort = NOTITIE
        item = _item(soort, inhoud, agendapunt=agendapunt)
        if soort in (VRAAG, OPMERKING, ADVIES):
            bron_tekst = re.sub(r"^(van|door)\s+(de\s+|het\s+)?", "", extra, flags=re.I)
            item["bron"] = _bron(bron_tekst) if bron_tekst else BronSoort.OVERIG
            item["bron_naam"] = bron_tekst
        if soort == STELLING:
            if m.group("label").lower() == "open vraag":
                item["resultaat"] = {"resultaat_soort": ResultaatSoort.WOORDEN, "woorden": ""}
                item["open_vraag"] = True
            else:
                resultaat = re.split(r"\s+[-–—]\s+(?=\d)|\s*\((?=\d[^)]*(?:voor|eens|%))", inhoud)
                if len(resultaat) > 1 and resultaat_lezen(resultaat[-1]):
                    item["tekst"] = resultaat[0].strip()
                    item["resultaat"] = resultaat_lezen(resultaat[-1])
        if soort == ACTIEPUNT:
            item["eigenaar"] = extra
            datum = datum_lezen(inhoud)
            item["deadline"] = datum.isoformat() if datum else ""
        items.append(item)
        laatste = len(items) - 1
    # Answers to an open question are its word list.
    for item in items:
        if item.get("open_vraag") and item["toelichting"] and not item["resultaat"]["woorden"]:
            item["resultaat"]["woorden"] = item["toelichting"]
            item["toelichting"] = ""
    return {"regels": items}


def verslag_uit_docx(data: bytes, naam: str = "") -> dict:
    gelezen = docx_bestand.lezen(data, naam)
    voorstel = _voorstellen(_regels_uit_ast(gelezen.ast))
    return voorstel | {"bron": naam, "niet_overgenomen": gelezen.niet_overgenomen,
                       "duur_ms": gelezen.duur_ms}  # fmt: skip


def verslag_uit_tekst(tekst: str) -> dict:
    regels = [(False, r) for r in tekst.splitlines() if r.strip()]
    return _voorstellen(regels) | {"bron": "geplakte tekst", "niet_overgenomen": [], "duur_ms": 0}


# ---------- Review and save ----------


def uitgangspunt_keuzes(sessie) -> list[tuple[str, str]]:
    if not sessie.traject_id:
        return []
    return [
        (str(up.pk), up.titel)
        for up in Uitgangspunt.objects.filter(traject_id=sessie.traject_id).order_by(
            "soort", "volgorde", "pk"
        )
    ]


def standaard_keuzes(voorstel: dict) -> list[dict]:
    return [
        {"opnemen": True, "soort": r["soort"], "bron": r["bron"] or BronSoort.OVERIG,
         "uitgangspunten": []}
        for r in voorstel["regels"]
    ]  # fmt: skip


@dataclass
class Resultaat:
    sessie: object
    vragen: int = 0
    opmerkingen: int = 0
    stellingen: int = 0
    actiepunten: int = 0
    agendapunten: int = 0
    conclusies: int = 0
    notities: int = 0

    def melding(self) -> str:
        return (
            f"Verslag geïmporteerd: {self.agendapunten} agendapunt(en), "
            f"{self.vragen} vraag/vragen, {self.opmerkingen} opmerking(en) en advies, "
            f"{self.stellingen} stelling(en), "
            f"{self.actiepunten} actiepunt(en), {self.conclusies} conclusie(s) en "
            f"{self.notities} discussienotitie(s)."
        )


def _passend(tekst: str, model, veld: str) -> str:
    """The text of a line as it is, if it fits the field it goes into; never cut without a word
    (the review screen lets the user drop or re-type the line)."""
    maximum = model._meta.get_field(veld).max_length
    if maximum and len(tekst) > maximum:
        wat = model._meta.get_field(veld).verbose_name
        raise DomeinFout(
            f"De regel ‘{tekst[:80]}…’ is te lang voor {wat} van een "
            f"{model._meta.verbose_name} ({len(tekst)} tekens, maximaal {maximum}). Laat de "
            "regel weg of kies een andere soort; er is niets opgeslagen."
        )
    return tekst


@transaction.atomic
def verslag_importeren(*, sessie, voorstel: dict, keuzes: list[dict] | None = None) -> Resultaat:
    """Create the chosen items of the minutes; all or nothing."""
    keuzes = keuzes or standaard_keuzes(voorstel)
    resultaat = Resultaat(sessie=sessie)
    agendapunten = {}  # index in the proposal → Agendapunt
    huidige = None
    notities = []
    volgorde = sessie.agendapunten.count()
    conclusies = sessie.conclusies.count()
    ups = {str(u.pk): u for u in Uitgangspunt.objects.filter(traject_id=sessie.traject_id)}
    for index, (regel, keuze) in enumerate(zip(voorstel["regels"], keuzes, strict=True)):
        soort = keuze["soort"]
        if regel["soort"] == AGENDAPUNT and keuze["opnemen"] and soort == AGENDAPUNT:
            volgorde += 1
            huidige = sessie_services.onderdeel_opslaan(
                sessie=sessie,
                onderdeel=Agendapunt(
                    titel=_passend(regel["tekst"], Agendapunt, "titel"), volgorde=volgorde
                ),
            )
            agendapunten[index] = huidige
            resultaat.agendapunten += 1
            continue
        if not keuze["opnemen"]:
            continue
        agendapunt = agendapunten.get(regel.get("agendapunt"), huidige)
        tekst = regel["tekst"]
        if soort in (VRAAG, OPMERKING, ADVIES):
            inbreng = sessie_services.onderdeel_opslaan(
                sessie=sessie,
                onderdeel=Inbreng(
                    soort={VRAAG: InbrengSoort.VRAAG, OPMERKING: InbrengSoort.OPMERKING,
                           ADVIES: InbrengSoort.ADVIES}[soort],
                    tekst=tekst, antwoord=regel["antwoord"], agendapunt=agendapunt,
                    bron_soort=keuze["bron"] or BronSoort.OVERIG,
                    bron_naam=_passend(regel["bron_naam"], Inbreng, "bron_naam"),
                ),
            )  # fmt: skip
            gekoppeld = [ups[pk] for pk in keuze.get("uitgangspunten") or [] if pk in ups]
            inbreng.uitgangspunten.set(gekoppeld)
            if soort == VRAAG:
                resultaat.vragen += 1
            else:
                resultaat.opmerkingen += 1
        elif soort == STELLING:
            uitslag = regel["resultaat"]
            if uitslag is None:
                raise DomeinFout(f"De stelling ‘{tekst[:80]}’ heeft geen resultaat: kies een "
                                 "andere soort of laat haar weg.")  # fmt: skip
            velden = {k: v for k, v in uitslag.items() if k != "resultaat_soort"}
            if "schaal_gemiddelde" in velden:
                velden["schaal_gemiddelde"] = Decimal(str(velden["schaal_gemiddelde"]))
            sessie_services.onderdeel_opslaan(
                sessie=sessie,
                onderdeel=Stelling(
                    tekst=_passend(tekst, Stelling, "tekst"),
                    resultaat_soort=uitslag["resultaat_soort"],
                    toelichting=regel["toelichting"],
                    agendapunt=agendapunt,
                    **velden,
                ),
            )
            resultaat.stellingen += 1
        elif soort == ACTIEPUNT:
            deadline = regel.get("deadline") or None
            sessie_services.onderdeel_opslaan(
                sessie=sessie,
                onderdeel=Actiepunt(
                    omschrijving=_passend(tekst, Actiepunt, "omschrijving"),
                    eigenaar=_passend(regel.get("eigenaar", ""), Actiepunt, "eigenaar"),
                    deadline=deadline,
                    agendapunt=agendapunt,
                ),
            )
            resultaat.actiepunten += 1
        elif soort == CONCLUSIE:
            conclusies += 1
            sessie_services.onderdeel_opslaan(
                sessie=sessie, onderdeel=Conclusie(tekst=tekst, volgorde=conclusies)
            )
            resultaat.conclusies += 1
        else:
            kop = f"{agendapunt.titel}: " if agendapunt else ""
            notities.append(f"{kop}{tekst}")
            resultaat.notities += 1
    if notities:
        sessie.refresh_from_db()
        inleiding = "\n\n".join(filter(None, [sessie.verslag_inleiding, *notities]))
        sessie_services.verslag_inleiding_opslaan(sessie=sessie, revisie=None, tekst=inleiding)
    return resultaat
