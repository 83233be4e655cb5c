"""The PDF machinery every document kind uses: one function renders a template to (html, pdf).

- The same templates serve the HTML preview (screen) and the PDF (print): templates/pdf/.
- WeasyPrint is imported inside the render function only (it takes a second to import).
- The URL fetcher serves static files and media from disk and refuses everything else, so a
  PDF never reaches the network, whatever a text links to.
- Fonts: Source Sans 3 shipped in static/fonts/, loaded by @font-face in static/css/print.css.
- Archival and accessible: PDF/A-3b (WeasyPrint 70 writes the XMP pdfaid identification and an
  sRGB output intent) *and* a tagged structure tree (pdf_tags=True). WeasyPrint 70 offers
  "pdf/ua-1" as a separate variant; PDF/A and PDF/UA identification cannot be combined in one
  call, so we choose the archival identification and still tag the content. "pdf/ua-1" can be
  asked for per export (variant parameter).
"""

import hashlib
import io
import itertools
import logging
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

VARIANTEN = ("pdf/a-3b", "pdf/ua-1")
STANDAARD_VARIANT = "pdf/a-3b"
# Base URL of the rendered HTML: "/static/..." and "/media/..." resolve against it, and the
# fetcher maps them back to files. The host does not exist, so nothing can leak to a network.
BASIS_URL = "https://inkoop.pdf.invalid/"
# Bump when the rendering code changes in a way that changes the files (part of the cache key).
PIJPLIJN_VERSIE = "2"  # 2: footnotes kept on the page of their reference


class TeVeelPaginas(Exception):
    """The layout came to more pages than the caller allows: refused before the file is written."""

    def __init__(self, paginas: int, max: int):
        super().__init__(f"{paginas} pagina's, hoogstens {max}")
        self.paginas, self.max = paginas, max


class Gerenderd(tuple):
    """(html, pdf_bytes), with the number of pages as an attribute."""

    paginas: int

    def __new__(cls, html: str, pdf: bytes, paginas: int):
        obj = super().__new__(cls, (html, pdf))
        obj.paginas = paginas
        return obj


def _statisch_pad(relatief: str) -> Path | None:
    gevonden = finders.find(relatief)
    if gevonden:
        return Path(gevonden)
    pad = (Path(settings.STATIC_ROOT) / relatief).resolve()
    if pad.is_file() and pad.is_relative_to(Path(settings.STATIC_ROOT).resolve()):
        return pad
    return None


def _media_pad(relatief: str) -> Path | None:
    root = Path(settings.MEDIA_ROOT).resolve()
    pad = (root / relatief).resolve()
    return pad if pad.is_file() and pad.is_relative_to(root) else None


def bestand_voor_url(url: str) -> Path | None:
    """The file behind a static or media URL of the rendered HTML; None for anything else."""
    from urllib.parse import unquote, urlsplit

    delen = urlsplit(url)
    if delen.scheme not in ("http", "https") or delen.netloc != urlsplit(BASIS_URL).netloc:
        return None
    pad = unquote(delen.path)
    static = "/" + settings.STATIC_URL.strip("/") + "/"
    media = "/" + settings.MEDIA_URL.strip("/") + "/"
    if ".." in pad.split("/"):
        return None
    if pad.startswith(static):
        return _statisch_pad(pad[len(static) :])
    if pad.startswith(media):
        return _media_pad(pad[len(media) :])
    return None


MIME = {
    ".css": "text/css",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}


@lru_cache(maxsize=64)
def _lees(pad: Path, mtime: float) -> bytes:
    # Fonts and the stylesheet are read once per process (keyed on mtime, so edits show).
    return pad.read_bytes()


def _fetcher_klasse():
    from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

    class StatischeURLFetcher(URLFetcher):
        """Serves static files and media from disk; refuses every other URL (no network)."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            pad = bestand_voor_url(url)
            if pad is None:
                logger.warning("PDF: URL geweigerd: %s", url)
                raise URLFetchingError(f"Niet toegestaan in een PDF: {url}")
            body = _lees(pad, pad.stat().st_mtime)
            type_ = MIME.get(pad.suffix.lower(), "application/octet-stream")
            return URLFetcherResponse(url, body, {"Content-Type": type_})

    return StatischeURLFetcher


def url_fetcher():
    return _fetcher_klasse()()


def render_html(template_name: str, context: dict) -> str:
    extra = {}
    for pad in settings.PDF_CONTEXT:
        extra |= import_string(pad)()
    with translation.override("nl"):
        return render_to_string(template_name, {"pdf": True, **extra, **context})


def render_pdf(
    template_name: str,
    context: dict,
    *,
    variant: str = STANDAARD_VARIANT,
    metadata: dict | None = None,
    max_paginas: int | None = None,
    html: str | None = None,
) -> Gerenderd:
    """Render a print template to (html, pdf_bytes); `.paginas` holds the page count.

    `html`: the template already rendered with this context (the export job renders it once,
    for the content hash, and passes it on instead of rendering it a second time).

    `metadata` (titel, auteur, onderwerp) ends up in <title>/<meta> tags that the templates
    print and WeasyPrint maps to the PDF's document information and XMP. With `max_paginas`,
    a layout of more pages raises `TeVeelPaginas` before the (costly) file is written.
    """
    import weasyprint

    if variant not in VARIANTEN:
        raise ValueError(f"Onbekende PDF-variant: {variant}")
    if html is None:
        html = render_html(template_name, {"metadata": metadata or {}, **context})
    html = noten_nummeren(html)
    document = weasyprint.HTML(string=html, base_url=BASIS_URL, url_fetcher=url_fetcher()).render()
    for _ in range(MAX_NOOTRONDES):
        gescheiden = gescheiden_voetnoten(document)
        if not gescheiden:
            break
        html = naar_volgende_pagina(html, gescheiden)
        document = weasyprint.HTML(
            string=html, base_url=BASIS_URL, url_fetcher=url_fetcher()
        ).render()
    if max_paginas is not None and len(document.pages) > max_paginas:
        raise TeVeelPaginas(len(document.pages), max_paginas)
    pdf = document.write_pdf(
        pdf_variant=variant, pdf_tags=True, attachments=bijlagen_insluiten(context)
    )
    return Gerenderd(html, pdf, len(document.pages))


def bijlagen_insluiten(context: dict) -> list:
    """The subject's attachments (`context["bijlagebestanden"]`, inkoop.pdf.bijlagen) as
    embedded files; in a PDF/A-3 WeasyPrint lists them as associated files (/AF,
    AFRelationship Supplement). Dates from the attachment, so the same attachment gives the
    same bytes."""
    import weasyprint

    ingesloten = []
    for bijlage in context.get("bijlagebestanden") or ():
        with bijlage.bestand.open("rb") as bestand:
            inhoud = bestand.read()
        ingesloten.append(
            weasyprint.Attachment(
                file_obj=io.BytesIO(inhoud),
                name=bijlage.naam,
                description=bijlage.omschrijving or bijlage.naam,
                created=bijlage.geplaatst,
                modified=bijlage.geplaatst,
                relationship="Supplement",
            )
        )
    return ingesloten


# Footnotes on the page of their reference, always. The print stylesheet floats each note to the
# foot of its page (`float: footnote; footnote-policy: line`), but WeasyPrint (70) still moves a
# page's earlier notes to the next page when a later line needs their room to satisfy orphans
# and widows. So after the layout we look where each note and its call landed, start the block
# of every reference whose note went elsewhere on a new page, and lay out again (rarely more
# than once; bounded).
MAX_NOOTRONDES = 4


def _dozen(box):
    yield box
    for kind in getattr(box, "children", None) or ():
        yield from _dozen(kind)


def gescheiden_voetnoten(document) -> list[str]:
    """The notes (`data-noot`) that landed on another page than their reference."""
    aanroep, noot = {}, {}
    for nummer, pagina in enumerate(document.pages):
        # The page's box tree: WeasyPrint has no public API for where a box landed.
        for box in _dozen(pagina._page_box):
            element = getattr(box, "element", None)
            kenmerk = element.get("data-noot") if element is not None else None
            if not kenmerk:
                continue
            if box.element_tag.endswith("::footnote-call"):
                aanroep.setdefault(kenmerk, nummer)
            elif "::" not in box.element_tag:
                noot.setdefault(kenmerk, nummer)
    return [k for k, pagina in aanroep.items() if noot.get(k) != pagina]


def noten_nummeren(html: str) -> str:
    """Give every footnote of the document its own `data-noot` (in order: the same HTML gives
    the same result), so `gescheiden_voetnoten` can find it back in the layout."""
    teller = itertools.count(1)
    return re.sub(
        r'<span class="footnote">',
        lambda m: f'<span class="footnote" data-noot="{next(teller)}">',
        html,
    )


BLOK_BEGIN = re.compile(r"<(p|li|tr|h[1-6])(?=[\s>])")


def naar_volgende_pagina(html: str, noten: list[str]) -> str:
    """Start the block (paragraph, list item, table row) of each note's reference on a new
    page (`data-nieuwe-pagina`, see print.css)."""
    posities = set()
    for kenmerk in noten:
        plek = html.find(f'data-noot="{kenmerk}"')
        blokken = list(BLOK_BEGIN.finditer(html, 0, max(plek, 0)))
        if plek >= 0 and blokken:
            posities.add(blokken[-1].end())
    for positie in sorted(posities, reverse=True):
        html = html[:positie] + " data-nieuwe-pagina" + html[positie:]
    return html


def sjabloon_kenmerk(template_name: str) -> str:
    """A fingerprint of the template, what it includes, and the print stylesheet: part of the
    cache key, so a changed template or stylesheet gives a new file."""
    h = hashlib.sha256(PIJPLIJN_VERSIE.encode())
    namen = [
        template_name, "pdf/base_pdf.html", "pdf/_inhoud.html", "pdf/_bijlagen.html",
        "pdf/_stelling.html", "pdf/_verslag_inbreng.html", "pdf/_verslag_conclusies.html",
        "pdf/_verslag_acties.html",
    ]  # fmt: skip
    for naam in namen:
        try:
            bron = get_template(naam).template.source
        except Exception:  # a template that does not exist adds nothing
            continue
        h.update(naam.encode())
        h.update(bron.encode())
    css = _statisch_pad("css/print.css")
    if css:
        h.update(_lees(css, css.stat().st_mtime))
    return h.hexdigest()


VOETNOOT_LIJST = re.compile(
    r'<hr class="footnotes-sep">\s*<section class="footnotes">(.*?)</section>', re.DOTALL
)
VOETNOOT_ITEM = re.compile(r'<li id="(?P<id>fn-?[^"]*)">(?P<tekst>.*?)</li>', re.DOTALL)
VOETNOOT_TERUG = re.compile(r'\s*<a href="#fnref[^"]*"[^>]*>[^<]*</a>')
VOETNOOT_REF = re.compile(r'<sup><a href="#(?P<id>fn[^"]+)" id="fnref[^"]*"[^>]*>[^<]*</a></sup>')


def voetnoten_inline(html: str) -> str:
    """Move each markdown footnote's text to its reference as <span class="footnote">.

    The print stylesheet floats these spans to the foot of the page (`float: footnote`), so a
    footnote always lands on the page of its reference; on screen they read as small notes.
    Works on the sanitised output of inkoop.core.markdown.naar_html.
    """
    lijst = VOETNOOT_LIJST.search(html)
    if not lijst:
        return html
    teksten = {}
    for item in VOETNOOT_ITEM.finditer(lijst.group(1)):
        tekst = VOETNOOT_TERUG.sub("", item.group("tekst")).strip()
        tekst = re.sub(r"</p>\s*<p>", " ", tekst)
        tekst = re.sub(r"</?p>", "", tekst).strip()
        teksten[item.group("id")] = tekst
    html = html[: lijst.start()] + html[lijst.end() :]
    geplaatst = set()

    def vervang(match):
        fid = match.group("id").split(":")[0]
        if fid in geplaatst or fid not in teksten:
            return ""
        geplaatst.add(fid)
        return f'<span class="footnote">{teksten[fid]}</span>'

    return VOETNOOT_REF.sub(vervang, html)
