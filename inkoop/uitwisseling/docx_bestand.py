"""Reading a .docx safely: checks that refuse a bad file with a Dutch message, and pandoc.

pandoc (shipped inside the `pypandoc-binary` wheel, driven by `pypandoc`) reads Word's structure
into its document tree: headings with their level, paragraphs, bold/italic/underline, links,
nested numbered and bulleted lists with their start number, tables with their header row, and
footnotes and endnotes as notes at their reference. Tracked changes are accepted (inserted text
kept, deleted text left out). What pandoc does not carry over into our text (images, comments,
text boxes, whose text pandoc puts inline where the box was anchored) is counted straight
from the package's XML so the user is told before saving.
"""

import io
import json
import re
import tempfile
import time
import zipfile
from dataclasses import dataclass, field

import pypandoc
from lxml import etree

from inkoop.core.fouten import DomeinFout

MAX_BYTES = 10 * 1024 * 1024
OLE_HANDTEKENING = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Word stores a drawing twice (mc:Choice and an mc:Fallback for old readers): count it once.
EEN_KEER = "[not(ancestor::mc:Fallback)]"

FOUT_GROOT = "Het bestand is groter dan 10 MB. Verwijder afbeeldingen of splits het document."
FOUT_GEEN_DOCX = (
    "Dit is geen Word-bestand (.docx). Open het in Word of LibreOffice en sla het op als "
    "Word-document (.docx)."
)
FOUT_VERSLEUTELD = (
    "Dit bestand is met een wachtwoord beveiligd of in het oude .doc-formaat opgeslagen. Sla het "
    "in Word op als .docx zonder wachtwoord en probeer het opnieuw."
)
FOUT_CORRUPT = (
    "Het bestand is beschadigd en kan niet worden gelezen. Open het in Word, sla het opnieuw op "
    "als .docx en probeer het nog eens."
)
FOUT_LEEG = "Het bestand is leeg."


@dataclass
class Gelezen:
    """A .docx read by pandoc: its tree, and what could not be taken over."""

    ast: dict
    niet_overgenomen: list[str] = field(default_factory=list)
    duur_ms: int = 0


def _tel(xml: bytes, xpath: str) -> int:
    try:
        boom = etree.fromstring(
            xml, parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as exc:
        raise DomeinFout({"bestand": FOUT_CORRUPT}) from exc
    return int(boom.xpath(f"count({xpath})", namespaces={"w": W, "mc": MC}))


def _niet_overgenomen(archief: zipfile.ZipFile) -> list[str]:
    xml = archief.read("word/document.xml")
    namen = set(archief.namelist())
    meldingen = []
    afbeeldingen = _tel(
        xml,
        f"//w:drawing[not(.//w:txbxContent)]{EEN_KEER} | //w:pict[not(.//w:txbxContent)]{EEN_KEER}",
    )
    if afbeeldingen:
        meldingen.append(f"{afbeeldingen} afbeelding(en): niet overgenomen")
    opmerkingen = 0
    if "word/comments.xml" in namen:
        opmerkingen = _tel(archief.read("word/comments.xml"), "//w:comment")
    if opmerkingen:
        meldingen.append(f"{opmerkingen} opmerking(en) in de kantlijn: niet overgenomen")
    wijzigingen = _tel(xml, "//w:ins | //w:del")
    if wijzigingen:
        meldingen.append(
            f"{wijzigingen} bijgehouden wijziging(en): geaccepteerd overgenomen "
            "(verwijderde tekst weggelaten)"
        )
    tekstvakken = _tel(xml, f"//w:txbxContent[not(ancestor::w:txbxContent)]{EEN_KEER}")
    if tekstvakken:
        meldingen.append(
            f"{tekstvakken} tekstvak(ken): de tekst staat als gewone alinea op de plaats van het "
            "vak; controleer of die plek klopt"
        )
    return meldingen


def controleren(data: bytes, naam: str = "") -> zipfile.ZipFile:
    """The opened package, or a `DomeinFout` with a Dutch message saying what to do."""
    if not data:
        raise DomeinFout({"bestand": FOUT_LEEG})
    if len(data) > MAX_BYTES:
        raise DomeinFout({"bestand": FOUT_GROOT})
    if data.startswith(OLE_HANDTEKENING):
        raise DomeinFout({"bestand": FOUT_VERSLEUTELD})
    if naam and not naam.lower().endswith(".docx"):
        raise DomeinFout({"bestand": FOUT_GEEN_DOCX})
    if not data.startswith(b"PK"):
        raise DomeinFout({"bestand": FOUT_GEEN_DOCX})
    try:
        archief = zipfile.ZipFile(io.BytesIO(data))
        namen = set(archief.namelist())
        if "[Content_Types].xml" not in namen or "word/document.xml" not in namen:
            raise DomeinFout({"bestand": FOUT_GEEN_DOCX})
        # A zip bomb stays a clear message, not a full disk.
        if sum(info.file_size for info in archief.infolist()) > 20 * MAX_BYTES:
            raise DomeinFout({"bestand": FOUT_GROOT})
        if archief.testzip() is not None:
            raise DomeinFout({"bestand": FOUT_CORRUPT})
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise DomeinFout({"bestand": FOUT_CORRUPT}) from exc
    return archief


# Above this much text XML (body, footnotes, endnotes) a file is read in the worker: about a
# second of pandoc on these machines (docs/word.md).
GROOT_XML_BYTES = 150_000


def is_groot(data: bytes, naam: str = "") -> bool:
    """Whether reading this file would hold up a page (checks it first: `DomeinFout`)."""
    archief = controleren(data, naam)
    delen = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
    namen = set(archief.namelist())
    return sum(archief.getinfo(d).file_size for d in delen if d in namen) > GROOT_XML_BYTES


def lezen(data: bytes, naam: str = "") -> Gelezen:
    """Check the file and read it with pandoc into its document tree (JSON)."""
    begin = time.monotonic()
    archief = controleren(data, naam)
    meldingen = _niet_overgenomen(archief)
    with tempfile.NamedTemporaryFile(suffix=".docx") as bestand:
        bestand.write(data)
        bestand.flush()
        try:
            uitvoer = pypandoc.convert_file(
                bestand.name, "json", format="docx", extra_args=["--track-changes=accept"]
            )
        except RuntimeError as exc:
            raise DomeinFout({"bestand": FOUT_CORRUPT}) from exc
    return Gelezen(
        ast=json.loads(uitvoer),
        niet_overgenomen=meldingen,
        duur_ms=round((time.monotonic() - begin) * 1000),
    )


def naar_markdown(ast: dict) -> str:
    """A pandoc tree as our stored markdown (CommonMark with footnotes, pipe tables and
    `[tekst]{.underline}`), without line wrapping and without raw HTML."""
    return pypandoc.convert_text(
        json.dumps(ast), "commonmark_x-raw_html", format="json", extra_args=["--wrap=none"]
    )


def platte_tekst(inlines) -> str:
    """The text of a list of pandoc inlines (or blocks), without markup."""
    delen = []

    def loop(knoop):
        if isinstance(knoop, list):
            for k in knoop:
                loop(k)
            return
        if not isinstance(knoop, dict):
            return
        t, c = knoop.get("t"), knoop.get("c")
        if t == "Str":
            delen.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            delen.append(" ")
        elif t == "Note":
            return
        elif t in ("Code", "Math"):
            delen.append(c[1])
        elif t in ("Link", "Image"):
            loop(c[1])
        elif t in ("Span", "Quoted", "Cite"):
            loop(c[-1])
        elif c is not None:
            loop(c)

    loop(inlines)
    return re.sub(r"\s+", " ", "".join(delen)).strip()
