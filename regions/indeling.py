"""Reading CBS's yearly "Gemeentelijke indeling op 1 januari JJJJ" as a CSV.

CBS publishes the list with the columns Gemeentecode, GemeentecodeGM, Gemeentenaam,
Provinciecode, ProvinciecodePV, Provincienaam; the CSV comes with ";" or "," and in UTF-8 or
Windows-1252 (Excel's export). The app ships the list of 1 January 2026 (`MEEGELEVERD`).
"""

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from inkoop.core.fouten import DomeinFout

MEEGELEVERD = Path(__file__).parent / "data" / "gemeenten-2026.csv"
GM_CODE = re.compile(r"GM\d{4}")


@dataclass(frozen=True)
class IndelingRij:
    cbs_code: str
    naam: str
    provincie: str


def _tekst(inhoud: bytes) -> str:
    for codering in ("utf-8-sig", "cp1252"):
        try:
            return inhoud.decode(codering)
        except UnicodeDecodeError:
            continue
    raise DomeinFout("Het bestand is geen tekst (CSV) in UTF-8 of Windows-1252.")


def _kolom(rij: dict, *namen) -> str:
    for naam in namen:
        waarde = rij.get(naam)
        if waarde is not None:
            return waarde.strip()
    return ""


def indeling_lezen(inhoud: bytes) -> list[IndelingRij]:
    """The municipalities in a CBS CSV; a Dutch refusal names the line that is wrong."""
    tekst = _tekst(inhoud)
    eerste = tekst.splitlines()[0] if tekst.strip() else ""
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    lezer = csv.DictReader(io.StringIO(tekst), delimiter=scheiding)
    kolommen = {(k or "").strip() for k in lezer.fieldnames or []}
    if "Gemeentenaam" not in kolommen or not kolommen & {"GemeentecodeGM", "Gemeentecode"}:
        raise DomeinFout(
            "Dit is geen gemeentelijke indeling van het CBS: de kolommen GemeentecodeGM (of "
            "Gemeentecode) en Gemeentenaam ontbreken."
        )
    rijen, gezien = [], set()
    for nummer, ruw in enumerate(lezer, start=2):
        rij = {(k or "").strip(): v or "" for k, v in ruw.items()}
        code = _kolom(rij, "GemeentecodeGM").upper()
        if (
            not code
            and _kolom(rij, "Gemeentecode").isascii()
            and _kolom(rij, "Gemeentecode").isdigit()
        ):
            code = f"GM{int(_kolom(rij, 'Gemeentecode')):04d}"
        naam = _kolom(rij, "Gemeentenaam")
        if not code and not naam:
            continue
        if not GM_CODE.fullmatch(code) or not naam:
            raise DomeinFout(f"Regel {nummer}: geen geldige gemeentecode en naam ({code!r}).")
        if code in gezien:
            raise DomeinFout(f"Regel {nummer}: gemeentecode {code} staat er twee keer in.")
        gezien.add(code)
        rijen.append(IndelingRij(code, naam, _kolom(rij, "Provincienaam")))
    if not rijen:
        raise DomeinFout("Het bestand bevat geen gemeenten.")
    return rijen
