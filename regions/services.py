"""Writes of a region's own settings: its house style (logo checked and sanitised here)."""

import nh3
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from inkoop.core.fouten import DomeinFout
from inkoop.core.revisie import revisie_claimen

from . import permissions
from .models import Huisstijl

MAX_LOGO = 500 * 1024  # bytes: a letterhead logo, not a photo
MAX_LOGO_PIXELS = 4000

# SVG that can only draw: shapes, paths, text, gradients. No scripts, event handlers, links,
# styles, images or foreign content (nh3 keeps nothing it is not told to).
SVG_TAGS = {
    "svg", "g", "defs", "title", "desc", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "path", "text", "tspan", "linearGradient", "radialGradient", "stop",
}  # fmt: skip
SVG_ATTRIBUTEN = {
    "*": {
        "xmlns", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy",
        "r", "rx", "ry", "d", "points", "transform", "fill", "fill-opacity", "fill-rule",
        "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
        "opacity", "clip-rule", "font-family", "font-size", "font-weight", "text-anchor",
        "offset", "stop-color", "stop-opacity", "gradientUnits", "id", "role", "aria-label",
    }
}  # fmt: skip


def logo_controleren(bestand) -> tuple[str, bytes]:
    """(extension, content) of an uploaded logo: a PNG that opens as a PNG within the limits,
    or an SVG sanitised to drawing only. Anything else is refused with a Dutch message."""
    if bestand.size > MAX_LOGO:
        raise DomeinFout({"logo": f"Het logo is te groot: maximaal {MAX_LOGO // 1024} kB."})
    inhoud = bestand.read()
    if inhoud.startswith(b"\x89PNG\r\n\x1a\n"):
        try:
            with Image.open(ContentFile(inhoud)) as beeld:
                beeld.verify()
                breed, hoog = beeld.size
        except (UnidentifiedImageError, OSError, SyntaxError) as exc:
            raise DomeinFout({"logo": "Dit PNG-bestand is beschadigd."}) from exc
        if max(breed, hoog) > MAX_LOGO_PIXELS:
            raise DomeinFout({"logo": f"Het logo is groter dan {MAX_LOGO_PIXELS} pixels."})
        return "png", inhoud
    try:
        tekst = inhoud.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DomeinFout({"logo": "Kies een logo als SVG of PNG."}) from exc
    if "<svg" not in tekst[:2000].lower():
        raise DomeinFout({"logo": "Kies een logo als SVG of PNG."})
    schoon = nh3.clean(tekst, tags=SVG_TAGS, attributes=SVG_ATTRIBUTEN, url_schemes=set())
    if "<svg" not in schoon:
        raise DomeinFout({"logo": "In dit SVG-bestand staat geen tekening die we kunnen tonen."})
    return "svg", schoon.encode()


@transaction.atomic
def huisstijl_opslaan(*, huisstijl: Huisstijl, door, revisie, logo=None, logo_weg=False):
    """Save the house style of a region (new or changed); `logo` an uploaded file or None."""
    permissions.vereis(door, "inrichten", huisstijl.regio)
    if huisstijl.pk:
        revisie_claimen(huisstijl, revisie=revisie)
    if logo is not None:
        extensie, inhoud = logo_controleren(logo)
        huisstijl.logo.save(f"{huisstijl.regio.slug}.{extensie}", ContentFile(inhoud), save=False)
    elif logo_weg:
        huisstijl.logo = ""
    huisstijl.full_clean()
    huisstijl.save()
    return huisstijl
