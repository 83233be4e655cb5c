"""Word in: a .docx memo or principles document becomes a draft document of a round.

Two steps, so the user sees everything before it is saved:

1. `document_voorstel(data, naam)` reads the file (`docx_bestand.lezen`, pandoc) and proposes
   what will be made, as plain data (it travels in the session between the two requests): the
   memo header with the labels the document used and its written-out date, the title, the
   sections (text before the first heading is an untitled introduction; the document's highest
   heading level makes sections, deeper headings stay sub-headings inside them), the footnotes,
   the numbered items with a bold lead as proposed principles, and what could not be taken over.
2. `document_importeren(...)` makes the document, its sections and the chosen principles through
   the editor's own services, in one transaction, with the user's adjustments (`keuzes`).
"""

import datetime
import re
from dataclasses import dataclass

from django.db import transaction

from inkoop.core.fouten import DomeinFout
from inkoop.core.velden import MAX_LANGE_TEKST
from uitgangspunten import services as uitgangspunt_services
from uitgangspunten.constants import KOP_VELDEN, DocumentSoort, UitgangspuntSoort
from uitgangspunten.forms import MAX_TITEL

from . import docx_bestand
from .docx_bestand import platte_tekst

# How memos name their header lines, and the field of KOP_VELDEN each one fills.
KOP_LABELS = {
    "aan": "aan",
    "van": "van",
    "betreft": "betreft",
    "betreffende": "betreft",
    "onderwerp": "betreft",
    "datum": "datum",
    "kenmerk": "kenmerk",
    "ons kenmerk": "kenmerk",
    "zaaknummer": "zaaknummer",
    "zaaknr": "zaaknummer",
    "zaak": "zaaknummer",
}
KOP_REGEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z .]{0,18}?)\s*:\s*(?P<waarde>.*)$")

MAANDEN = {
    naam: nummer
    for nummer, namen in enumerate(
        [("januari", "jan"), ("februari", "feb"), ("maart", "mrt", "mar"), ("april", "apr"),
         ("mei",), ("juni", "jun"), ("juli", "jul"), ("augustus", "aug"),
         ("september", "sep", "sept"), ("oktober", "okt", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for naam in namen
}  # fmt: skip
DATUM_GESCHREVEN = re.compile(r"(?P<dag>\d{1,2})\s+(?P<maand>[a-z]+)\.?\s+(?P<jaar>\d{4})")
DATUM_CIJFERS = re.compile(r"(?P<dag>\d{1,2})[-/.](?P<maand>\d{1,2})[-/.](?P<jaar>\d{4})")
DATUM_ISO = re.compile(r"(?P<jaar>\d{4})-(?P<maand>\d{2})-(?P<dag>\d{2})")
NUMMER = re.compile(r"^(?P<nummer>\d{1,3})[.)]$")
MARKERING = "@@DEEL-{}@@"
VOETNOOT_DEFINITIE = re.compile(r"^\[\^(?P<n>[^\]]+)\]: ", re.MULTILINE)
VOETNOOT_VERWIJZING = re.compile(r"\[\^(?P<n>[^\]]+)\](?!:)")


def datum_lezen(tekst: str) -> datetime.date | None:
    """A Dutch date as memos write it ("14 maart 2019", "donderdag 14 maart 2019",
    "14-03-2019", "2019-03-14"); None when there is none or it does not exist."""
    tekst = tekst.lower().strip()
    for patroon in (DATUM_GESCHREVEN, DATUM_CIJFERS, DATUM_ISO):
        m = patroon.search(tekst)
        if not m:
            continue
        maand = m.group("maand")
        maand = MAANDEN.get(maand) if not maand.isdigit() else int(maand)
        if not maand:
            continue
        try:
            return datetime.date(int(m.group("jaar")), maand, int(m.group("dag")))
        except ValueError:
            return None
    return None


# ---------- Step 1: the proposal ----------


def _kopregel(blok) -> tuple[str, str, str] | None:
    """(field, label as written, value) when a paragraph is a memo header line."""
    if blok.get("t") not in ("Para", "Plain"):
        return None
    m = KOP_REGEL.match(platte_tekst(blok["c"]))
    if not m:
        return None
    label = m.group("label").strip()
    veld = KOP_LABELS.get(label.lower().rstrip(". "))
    return (veld, label, m.group("waarde").strip()) if veld else None


def _cellen(rij) -> list[str]:
    # pandoc 3: Row = [attr, [Cell]], Cell = [attr, align, rowspan, colspan, [blocks]]
    return [platte_tekst(cel[4]) for cel in rij[1]]


def _koptabel(blok) -> list[tuple[str, str, str]] | None:
    """The header lines of a two-column table that holds the memo header."""
    if blok.get("t") != "Table":
        return None
    _, _, _, kop, lichamen, _ = blok["c"]
    rijen = list(kop[1]) + [r for lichaam in lichamen for r in lichaam[2] + lichaam[3]]
    regels = []
    for rij in rijen:
        cellen = _cellen(rij)
        if len(cellen) < 2:
            return None
        label = cellen[0].strip().rstrip(":").strip()
        veld = KOP_LABELS.get(label.lower())
        if not veld:
            return None
        regels.append((veld, label, " ".join(cellen[1:]).strip()))
    return regels or None


def _is_leeg(blok) -> bool:
    return blok.get("t") in ("Para", "Plain") and not platte_tekst(blok["c"])


def _kop_afsplitsen(blokken) -> tuple[list[tuple[str, str, str]], list]:
    """The memo header from the first lines (paragraphs or a table), and the blocks after it."""
    regels, rest = [], list(blokken)
    while rest:
        blok = rest[0]
        if _is_leeg(blok):
            rest.pop(0)
            continue
        tabel = _koptabel(blok)
        regel = _kopregel(blok)
        if tabel:
            regels += tabel
        elif regel:
            regels.append(regel)
        else:
            break
        rest.pop(0)
    gezien, uniek = set(), []
    for veld, label, waarde in regels:
        if veld not in gezien:
            gezien.add(veld)
            uniek.append((veld, label, waarde))
    return uniek, rest


def _schoon(knoop):
    """Drop what our text cannot hold (ids, styles, images) and keep what it can."""
    if isinstance(knoop, list):
        uit = []
        for k in knoop:
            if isinstance(k, dict) and k.get("t") == "Image":
                continue
            if isinstance(k, dict) and k.get("t") == "Div":
                uit += _schoon(k["c"][1])
                continue
            if isinstance(k, dict) and k.get("t") == "Span" and "underline" not in k["c"][0][1]:
                uit += _schoon(k["c"][1])
                continue
            uit.append(_schoon(k))
        return uit
    if not isinstance(knoop, dict):
        return knoop
    t, c = knoop.get("t"), knoop.get("c")
    if t == "Header":
        return {"t": t, "c": [c[0], ["", [], []], _schoon(c[2])]}
    if t in ("Link", "Span"):
        return {"t": t, "c": [["", c[0][1] if t == "Span" else [], []], *_schoon(c[1:])]}
    if t == "OrderedList":
        # Our text numbers 1. 2. 3.; the start number is kept, letters and roman numerals
        # become digits.
        return {"t": t, "c": [[c[0][0], {"t": "Decimal"}, {"t": "Period"}], _schoon(c[1])]}
    if t == "Table":
        return {"t": t, "c": [["", [], []], *_schoon(c[1:])]}
    if c is None:
        return knoop
    return {"t": t, "c": _schoon(c)}


def _delen_naar_markdown(ast, delen: list[list]) -> list[tuple[str, int]]:
    """Each list of blocks as markdown with its own footnotes numbered from 1, in one pandoc
    call: (text, number of footnotes) per part."""
    blokken = []
    for i, deel in enumerate(delen):
        blokken.append({"t": "Para", "c": [{"t": "Str", "c": MARKERING.format(i)}]})
        blokken += deel
    blokken.append({"t": "Para", "c": [{"t": "Str", "c": MARKERING.format("einde")}]})
    tekst = docx_bestand.naar_markdown({**ast, "meta": {}, "blocks": _schoon(blokken)})
    lichaam, _, noten = tekst.partition(MARKERING.format("einde"))
    definities = {}
    posities = list(VOETNOOT_DEFINITIE.finditer(noten))
    for j, m in enumerate(posities):
        einde = posities[j + 1].start() if j + 1 < len(posities) else len(noten)
        definities[m.group("n")] = noten[m.end() : einde].strip()
    stukken = re.split(r"^" + MARKERING.format(r"\d+") + r"\s*$", lichaam, flags=re.MULTILINE)[1:]
    uit = []
    for stuk in stukken:
        volgorde = list(dict.fromkeys(m.group("n") for m in VOETNOOT_VERWIJZING.finditer(stuk)))
        nieuw = {oud: str(i) for i, oud in enumerate(volgorde, start=1)}
        stuk = VOETNOOT_VERWIJZING.sub(lambda m, nieuw=nieuw: f"[^{nieuw[m.group('n')]}]", stuk)
        stuk = stuk.strip()
        if volgorde:
            stuk += "\n\n" + "\n\n".join(
                f"[^{nieuw[oud]}]: {definities.get(oud, '')}" for oud in volgorde
            )
        uit.append((stuk, len(volgorde)))
    return uit


def _aanloop(inlines) -> tuple[str, list] | None:
    """(title, the rest) when a paragraph opens with a bold lead."""
    inlines = list(inlines)
    if not inlines or inlines[0].get("t") != "Strong":
        return None
    titel = platte_tekst(inlines[0]["c"]).strip().rstrip(".:").strip()
    rest = inlines[1:]
    while rest and rest[0].get("t") in ("Space", "SoftBreak"):
        rest.pop(0)
    return (titel, rest) if titel else None


def _uitgangspunten_in(blokken) -> list[tuple[int, str, list]]:
    """Numbered items with a bold lead: (number, title, blocks of the explanation)."""
    gevonden = []
    for blok in blokken:
        if blok.get("t") == "OrderedList":
            start = blok["c"][0][0]
            for i, item in enumerate(blok["c"][1]):
                if item and item[0].get("t") in ("Para", "Plain"):
                    aanloop = _aanloop(item[0]["c"])
                    if aanloop:
                        titel, rest = aanloop
                        uitleg = ([{"t": "Para", "c": rest}] if rest else []) + list(item[1:])
                        gevonden.append((start + i, titel, uitleg))
        elif blok.get("t") in ("Para", "Plain"):
            inlines = blok["c"]
            m = (
                NUMMER.match(inlines[0].get("c", ""))
                if inlines and inlines[0].get("t") == "Str"
                else None
            )
            if m and len(inlines) > 2 and inlines[1].get("t") == "Space":
                aanloop = _aanloop(inlines[2:])
                if aanloop:
                    titel, rest = aanloop
                    uitleg = [{"t": "Para", "c": rest}] if rest else []
                    gevonden.append((int(m.group("nummer")), titel, uitleg))
    return gevonden


def _secties_afsplitsen(blokken) -> list[dict]:
    """Sections at the document's highest heading level; deeper headings move up to start
    at markdown level 1 inside their section."""
    niveaus = [b["c"][0] for b in blokken if b.get("t") == "Header"]
    basis = min(niveaus) if niveaus else 1
    secties = [{"titel": "", "niveau": 0, "blokken": []}]
    for blok in blokken:
        if blok.get("t") == "Header" and blok["c"][0] <= basis:
            secties.append({"titel": platte_tekst(blok["c"][2]), "niveau": blok["c"][0],
                            "blokken": []})  # fmt: skip
        elif blok.get("t") == "Header":
            niveau = min(blok["c"][0] - basis, 4)
            secties[-1]["blokken"].append({"t": "Header", "c": [niveau, *blok["c"][1:]]})
        else:
            secties[-1]["blokken"].append(blok)
    if not any(not _is_leeg(b) for b in secties[0]["blokken"]):
        secties.pop(0)
    return secties


def document_voorstel(data: bytes, naam: str = "") -> dict:
    """What importing this .docx would create, as plain data (see the module docstring)."""
    gelezen = docx_bestand.lezen(data, naam)
    ast = gelezen.ast
    kopregels, blokken = _kop_afsplitsen(ast.get("blocks", []))
    titel_meta = ast.get("meta", {}).get("title")
    titel = platte_tekst(titel_meta["c"]) if titel_meta else ""
    secties = _secties_afsplitsen(blokken)
    voorgesteld = [
        (index, nummer, up_titel, uitleg)
        for index, sectie in enumerate(secties)
        for nummer, up_titel, uitleg in _uitgangspunten_in(sectie["blokken"])
    ]
    teksten = _delen_naar_markdown(
        ast, [s["blokken"] for s in secties] + [uitleg for *_, uitleg in voorgesteld]
    )
    kop = [{"veld": veld, "label": label, "waarde": waarde} for veld, label, waarde in kopregels]
    datum_tekst = next((r["waarde"] for r in kop if r["veld"] == "datum"), "")
    datum = datum_lezen(datum_tekst) if datum_tekst else None
    if not titel:
        titel = next((r["waarde"] for r in kop if r["veld"] == "betreft"), "") or (
            naam.rsplit(".", 1)[0] if naam else "Geïmporteerd document"
        )
    sectie_data = [
        {"titel": s["titel"], "niveau": s["niveau"], "tekst": tekst, "voetnoten": noten}
        for s, (tekst, noten) in zip(secties, teksten, strict=False)
    ]
    up_data = [
        {"sectie": index, "nummer": nummer, "titel": up_titel,
         "uitleg": teksten[len(secties) + i][0]}
        for i, (index, nummer, up_titel, _) in enumerate(voorgesteld)
    ]  # fmt: skip
    niet_overgenomen = list(gelezen.niet_overgenomen)
    if datum_tekst and datum is None:
        niet_overgenomen.append(
            f"Datum '{datum_tekst}' is geen datum die de app kent: vul haar in."
        )
    return {
        "bestandsnaam": naam,
        "titel": titel,
        "kop": kop,
        "datum": datum.isoformat() if datum else "",
        "secties": sectie_data,
        "uitgangspunten": up_data,
        "voetnoten": sum(s["voetnoten"] for s in sectie_data),
        "niet_overgenomen": niet_overgenomen,
        "duur_ms": gelezen.duur_ms,
    }


# ---------- Step 2: saving ----------


@dataclass
class Resultaat:
    document: object
    secties: int
    uitgangspunten: int
    voetnoten: int

    def melding(self) -> str:
        return (
            f"Geïmporteerd: document ‘{self.document.titel}’ met {self.secties} sectie(s), "
            f"{self.voetnoten} voetnoot/voetnoten en {self.uitgangspunten} uitgangspunt(en)."
        )


def standaard_keuzes(voorstel: dict) -> dict:
    """The mapping as proposed, before the user changes anything."""
    return {
        "soort": DocumentSoort.NOTITIE,
        "titel": voorstel["titel"],
        "kop": {r["veld"]: r["waarde"] for r in voorstel["kop"] if r["veld"] != "datum"},
        "datum": voorstel["datum"],
        "secties": [
            {"opnemen": True, "titel": s["titel"], "samenvoegen": False}
            for s in voorstel["secties"]
        ],
        "uitgangspunten": [
            {"opnemen": True, "soort": UitgangspuntSoort.STRATEGISCH}
            for _ in voorstel["uitgangspunten"]
        ],
    }


def _secties_volgens_keuzes(voorstel, keuzes) -> list[dict]:
    secties = []
    for sectie, keuze in zip(voorstel["secties"], keuzes["secties"], strict=True):
        if not keuze["opnemen"]:
            continue
        titel = keuze["titel"].strip()
        if keuze["samenvoegen"] and secties:
            # Joined to the section before: its title becomes a sub-heading there, and its
            # footnotes are renumbered after that section's own.
            vorige = secties[-1]
            tekst = _voetnoten_opschuiven(sectie["tekst"], vorige["voetnoten"])
            kop = f"# {titel}\n\n" if titel else ""
            vorige["tekst"] = f"{vorige['tekst']}\n\n{kop}{tekst}".strip()
            vorige["voetnoten"] += sectie["voetnoten"]
        else:
            secties.append({"titel": titel, "tekst": sectie["tekst"],
                            "voetnoten": sectie["voetnoten"]})  # fmt: skip
    return secties


def _voetnoten_opschuiven(tekst: str, met: int) -> str:
    if not met:
        return tekst
    tekst = VOETNOOT_DEFINITIE.sub(lambda m: f"[^{int(m.group('n')) + met}]: ", tekst)
    return VOETNOOT_VERWIJZING.sub(lambda m: f"[^{int(m.group('n')) + met}]", tekst)


def _getal(n: int) -> str:
    return f"{n:_}".replace("_", ".")  # 20.000, as Dutch writes it


def _past_in_de_editor(sectie: dict) -> None:
    """A section the editor could not save unchanged is refused, never cut: the limits are those
    of the editor's own form (MAX_TITEL, MAX_LANGE_TEKST)."""
    titel = sectie["titel"]
    if len(titel) > MAX_TITEL:
        raise DomeinFout(
            f"De kop “{titel[:60]}…” is {len(titel)} tekens lang; een sectietitel mag er "
            f"{MAX_TITEL} hebben. Maak de kop in Word korter en importeer opnieuw."
        )
    if len(sectie["tekst"]) > MAX_LANGE_TEKST:
        raise DomeinFout(
            f"Het hoofdstuk “{titel or 'Inleiding'}” is {_getal(len(sectie['tekst']))} tekens "
            f"lang; één sectie mag er {_getal(MAX_LANGE_TEKST)} hebben. Splits het in Word met "
            "een extra kop en importeer opnieuw; er is niets aangemaakt."
        )


@transaction.atomic
def document_importeren(*, traject, auteur, voorstel: dict, keuzes: dict | None = None):
    """Create the draft document, its sections and the chosen principles; all or nothing."""
    keuzes = keuzes or standaard_keuzes(voorstel)
    titel = (keuzes["titel"] or "").strip()
    if not titel:
        raise DomeinFout({"titel": "Geef het document een titel."})
    labels = {r["veld"]: r["label"] for r in voorstel["kop"]}
    kop = {veld: (waarde or "").strip() for veld, waarde in keuzes["kop"].items()}
    kop = {veld: waarde for veld, waarde in kop.items() if veld in KOP_VELDEN and veld != "titel"}
    datum = datetime.date.fromisoformat(keuzes["datum"]) if keuzes.get("datum") else None
    document = uitgangspunt_services.document_aanmaken(
        traject=traject, soort=keuzes["soort"], titel=titel, auteur=auteur,
        kop_labels=labels, datum=datum, **kop,
    )  # fmt: skip
    secties = _secties_volgens_keuzes(voorstel, keuzes)
    for sectie in secties:
        _past_in_de_editor(sectie)
        uitgangspunt_services.sectie_aanmaken(
            document=document, auteur=auteur, titel=sectie["titel"], tekst=sectie["tekst"]
        )
    gekozen = [
        (up, keuze)
        for up, keuze in zip(voorstel["uitgangspunten"], keuzes["uitgangspunten"], strict=True)
        if keuze["opnemen"]
    ]
    for up, keuze in sorted(gekozen, key=lambda p: (p[1]["soort"], p[0]["nummer"])):
        if keuze["soort"] not in UitgangspuntSoort.values or keuze["soort"] == "voorziening":
            raise DomeinFout({"uitgangspunten": "Kies een soort voor elk uitgangspunt."})
        if len(up["titel"]) > MAX_TITEL:
            raise DomeinFout(
                {"uitgangspunten": f"Het uitgangspunt “{up['titel'][:60]}…” heeft een vette "
                 f"aanloop van {len(up['titel'])} tekens; een titel mag er {MAX_TITEL} hebben. "
                 "Laat het weg of maak de aanloop in Word korter."}
            )  # fmt: skip
        uitgangspunt_services.uitgangspunt_aanmaken(
            traject=traject, soort=keuze["soort"], titel=up["titel"], uitleg=up["uitleg"],
            auteur=auteur,
        )  # fmt: skip
    return Resultaat(
        document=document,
        secties=len(secties),
        uitgangspunten=len(gekozen),
        voetnoten=sum(s["voetnoten"] for s in secties),
    )
