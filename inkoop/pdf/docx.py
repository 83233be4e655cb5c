"""Word out: the same print HTML as the PDF, as a .docx for the colleague who continues in Word.

One function renders a template to `(html, docx_bytes)`, like `render.render_pdf`, so the export
job, its cache key and the tests treat both formats alike. The HTML is the PDF's (same template,
same context); pandoc (the `pypandoc-binary` wheel) turns it into Word with real headings, lists,
tables and the memo header as a table. Each `<span class="footnote">` (where the PDF floats a
footnote to the foot of its page) becomes a real Word footnote at its reference. python-docx then
puts "CONCEPT" in the page header of a draft and fills the document properties. What Word cannot
take from print HTML is left out: the table of contents (Word makes its own), the letterhead logo
and the SVG charts (their text equivalent stays, as in the PDF's tagged text).
"""

import io
import json
import tempfile
from pathlib import Path

import docx
import pypandoc
from lxml import html as lxml_html

from .render import Gerenderd, render_html

# Bump when the conversion changes in a way that changes the files (part of the cache key).
VERSIE = "1"

WEGLATEN = (
    "//nav[contains(@class, 'pdf-toc')]",
    "//*[contains(@class, 'pdf-concept')]",
    "//*[contains(@class, 'pdf-verborgen')]",
    "//img",
    "//svg",
    "//*[local-name()='svg']",
    "//link",
    "//style",
    "//script",
)


def _opschonen(html: str) -> str:
    boom = lxml_html.fromstring(html)
    for pad in WEGLATEN:
        for element in boom.xpath(pad):
            element.drop_tree()
    return lxml_html.tostring(boom, encoding="unicode")


def _noten(knoop):
    """Every Span with class "footnote" becomes a Note (a Word footnote) at its place."""
    if isinstance(knoop, list):
        return [_noten(k) for k in knoop]
    if not isinstance(knoop, dict):
        return knoop
    if knoop.get("t") == "Span" and "footnote" in knoop["c"][0][1]:
        return {"t": "Note", "c": [{"t": "Para", "c": _noten(knoop["c"][1])}]}
    if "c" in knoop:
        return {**knoop, "c": _noten(knoop["c"])}
    return knoop


def html_naar_docx(html: str, *, concept: bool = False, titel: str = "", auteur: str = "") -> bytes:
    ast = json.loads(pypandoc.convert_text(_opschonen(html), "json", format="html"))
    ast["blocks"] = _noten(ast["blocks"])
    ast["meta"] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / "uit.docx"
        pypandoc.convert_text(json.dumps(ast), "docx", format="json", outputfile=str(pad))
        document = docx.Document(str(pad))
    if concept:
        for sectie in document.sections:
            kop = sectie.header
            kop.is_linked_to_previous = False
            alinea = kop.paragraphs[0] if kop.paragraphs else kop.add_paragraph()
            run = alinea.add_run("CONCEPT")
            run.bold = True
    document.core_properties.title = titel[:250]
    document.core_properties.author = auteur[:250]
    document.core_properties.language = "nl-NL"
    uit = io.BytesIO()
    document.save(uit)
    return uit.getvalue()


def render_docx(
    template: str, context: dict, *, variant=None, metadata=None, max_paginas=None, html=None
) -> Gerenderd:
    """(html, docx_bytes) of a print template: the same HTML as the PDF. A .docx has no pages
    until a word processor lays it out, so `max_paginas` does not apply; the HTML size limit
    of the export job (`_grenzen_bewaken`) bounds it."""
    metadata = metadata or {}
    if html is None:  # the export job passes the HTML it rendered for the content hash
        html = render_html(template, {"metadata": metadata, **context})
    data = html_naar_docx(
        html,
        concept=bool(context.get("concept")),
        titel=str(metadata.get("titel", "")),
        auteur=str(metadata.get("auteur", "")),
    )
    return Gerenderd(html, data, paginas=None)
