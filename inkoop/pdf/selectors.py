"""Reads for the PDFs, through the register of document kinds (`soorten`).

One `bron(soort, onderwerp, parameters)` serves the export task, the HTML preview and
`manage.py render_pdf`, so all three show the same thing.
"""

import hashlib
import logging

from django.contrib.contenttypes.models import ContentType

from .models import Export
from .soorten import Bron, soort

logger = logging.getLogger(__name__)

BESTAND_AFWIJKEND = (
    "Het bestand van deze PDF is niet meer het bestand dat bij het maken is vastgelegd "
    "(de controle op de sha256 faalt), daarom wordt het niet gedownload. Meld het bij functioneel "
    "beheer en vermeld exportnummer {pk}."
)


class BestandAfwijkend(Exception):
    """The stored file of an export no longer matches the sha256 recorded when it was made."""

    def __init__(self, export):
        self.export = export
        super().__init__(BESTAND_AFWIJKEND.format(pk=export.pk))


def gecontroleerd_bestand(export) -> bytes:
    """The bytes of an export's file, only when they match its recorded sha256 (else
    `BestandAfwijkend`, logged). A file without a recorded sum is refused too: every file the
    export task writes has one, and migration 0010_beheer_export_sha256 gave older ones theirs.
    """
    with export.bestand.open("rb") as bestand:
        inhoud = bestand.read()
    if not export.bestand_sha256 or hashlib.sha256(inhoud).hexdigest() != export.bestand_sha256:
        logger.error(
            "PDF-export %s: bestand %s wijkt af van de vastgelegde sha256; niet uitgeleverd",
            export.pk, export.bestand.name,
        )  # fmt: skip
        raise BestandAfwijkend(export)
    return inhoud


def onderwerp_ophalen(code: str, object_id: int):
    """The object an export is about, with what permission checks need (regio path)."""
    s = soort(code)
    return s.ophalen(s.model.objects.all()).get(pk=object_id)


def parameters_uit(code: str, data, onderwerp) -> dict:
    """An export's parameters from request data, checked against its subject by its kind (a
    redline's comparison version, a decision list's round); anything else is dropped, so the
    widget, the job and the preview agree on what the PDF shows."""
    return soort(code).parameters(data, onderwerp)


def leesrecht(code: str, onderwerp) -> str:
    """The permission (regions.permissions action) a user needs to read this PDF."""
    return soort(code).actie(onderwerp)


def bron(code: str, onderwerp, parameters: dict | None = None) -> Bron:
    return soort(code).bron(onderwerp, parameters or {})


def exports_van(
    onderwerp, soort: str, parameters: dict | None = None, limiet: int = 10, formaat: str = "pdf"
):
    """The exports of this subject, kind and parameters (a redline against version 2 is not
    the one against version 3), newest first."""
    ct = ContentType.objects.get_for_model(type(onderwerp))
    return list(
        Export.objects.filter(
            content_type=ct,
            object_id=onderwerp.pk,
            soort=soort,
            parameters=parameters or {},
            formaat=formaat,
        )
        .select_related("aangevraagd_door")
        .order_by("-aangemaakt", "-pk")[:limiet]
    )
