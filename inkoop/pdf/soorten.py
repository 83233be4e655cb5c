"""The register of PDF document kinds.

The machinery (task, preview, widget, `render_pdf`) knows no document kind of its own: each
package registers the kinds it owns (`inkoop/besluitvorming/pdf.py`, `inkoop/sessies/pdf.py`)
with what the kind is about, how to fetch it, which request parameters it takes, who may read
it, and what it shows (`Bron`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from regions.selectors import huisstijl_van

from .constants import ExportSoort


@dataclass
class Bron:
    """What one PDF shows: template, context, metadata, and parts of its file name."""

    template: str
    context: dict
    metadata: dict
    titel: str
    versie: str = ""
    concept: bool = False
    extra: dict = field(default_factory=dict)
    regio: Any = None  # the region whose house style the PDF prints with

    def __post_init__(self):
        self.context.setdefault("huisstijl", huisstijl_van(self.regio))


def _geen_parameters(data, onderwerp) -> dict:
    return {}


def _concepten(onderwerp) -> str:
    return "concepten_bekijken"


@dataclass(frozen=True)
class Soort:
    """One kind of PDF.

    `bron(onderwerp, parameters)` builds what it shows; `ophalen(queryset)` adds what
    permission checks and the template need; `parameters(data, onderwerp)` reads and checks the
    request's parameters (anything else is dropped); `actie(onderwerp)` is the permission a
    reader needs (regions.permissions).
    """

    code: str
    model: type
    bron: Callable[[Any, dict], Bron]
    ophalen: Callable[[Any], Any] = lambda qs: qs
    parameters: Callable[[Any, Any], dict] = _geen_parameters
    actie: Callable[[Any], str] = _concepten


_REGISTER: dict[str, Soort] = {}


def registreren(soort: Soort) -> Soort:
    _REGISTER[ExportSoort(soort.code)] = soort
    return soort


def soort(code: str) -> Soort:
    """The registered kind; KeyError for a code nobody registered (views answer 404)."""
    return _REGISTER[ExportSoort(code)]
