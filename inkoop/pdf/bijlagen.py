"""Attachments (bijlagen) of documents, sessions and proposals: checks, upload, reading.

A file is accepted by what it *is* (its first bytes, and for .docx/.xlsx the part that makes a
zip an Office file), not by its name or the browser's content type, and only up to
MAX_GROOTTE. The PDF of the subject lists the attachments and embeds them
(`inkoop.pdf.render.render_pdf` reads `context["bijlagebestanden"]`)."""

import hashlib
import io
import zipfile
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import get_valid_filename

from inkoop.core.fouten import DomeinFout
from regions import permissions

from .models import Bijlage

MAX_GROOTTE = 10 * 1024 * 1024
SOORTEN = {
    "application/pdf": ("PDF", ".pdf"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("Word", ".docx"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("Excel", ".xlsx"),
    "image/png": ("PNG-afbeelding", ".png"),
    "image/jpeg": ("JPEG-afbeelding", ".jpg"),
}
# Who may attach to what: the action on the subject (regions.permissions).
SCHRIJFACTIE = {"document": "bewerken", "voorstel": "bewerken", "sessie": "sessies_bewerken"}
LEESACTIE = "concepten_bekijken"


def soort_van(inhoud: bytes) -> str | None:
    """The MIME type of a file by its content, or None when it is none of SOORTEN."""
    if inhoud.startswith(b"%PDF-"):
        return "application/pdf"
    if inhoud.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if inhoud.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if inhoud.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
                namen = set(z.namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in namen:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if "xl/workbook.xml" in namen:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return None


def _model_naam(onderwerp) -> str:
    return type(onderwerp)._meta.model_name


@transaction.atomic
def bijlage_toevoegen(*, onderwerp, bestand, door, omschrijving: str = "") -> Bijlage:
    """Attach an uploaded file (`bestand`: a Django UploadedFile) to a document, session or
    proposal, after checking who uploads, what the file is, and its size."""
    actie = SCHRIJFACTIE.get(_model_naam(onderwerp))
    if actie is None:
        raise TypeError(f"Geen bijlagen bij {type(onderwerp).__name__}")
    permissions.vereis(door, actie, onderwerp)
    if bestand.size > MAX_GROOTTE:
        mb = MAX_GROOTTE // (1024 * 1024)
        raise DomeinFout({"bestand": f"Het bestand is te groot: hoogstens {mb} MB."})
    inhoud = bestand.read()
    if not inhoud:
        raise DomeinFout({"bestand": "Het bestand is leeg."})
    mime = soort_van(inhoud)
    if mime is None:
        raise DomeinFout(
            {"bestand": "Dit soort bestand kan niet: kies een PDF, Word (.docx), Excel (.xlsx), "
             "PNG of JPEG."}
        )  # fmt: skip
    extensie = SOORTEN[mime][1]
    naam = Path(get_valid_filename(Path(bestand.name or "bijlage").name) or "bijlage").stem
    naam = f"{naam[:150]}{extensie}"
    bijlage = Bijlage(
        content_type=ContentType.objects.get_for_model(onderwerp),
        object_id=onderwerp.pk,
        naam=naam,
        omschrijving=" ".join((omschrijving or "").split())[:300],
        mime=mime,
        grootte=len(inhoud),
        sha256=hashlib.sha256(inhoud).hexdigest(),
        geplaatst_door=door,
    )
    bijlage.bestand.save(naam, ContentFile(inhoud), save=False)
    bijlage.save()
    return bijlage


@transaction.atomic
def bijlage_verwijderen(*, bijlage: Bijlage, door) -> None:
    onderwerp = bijlage.onderwerp
    permissions.vereis(door, SCHRIJFACTIE[_model_naam(onderwerp)], onderwerp)
    bestand = bijlage.bestand
    bijlage.delete()
    transaction.on_commit(lambda: bestand.delete(save=False))


def bijlagen_van(onderwerp) -> list[Bijlage]:
    """The attachments of a subject, in the order they were added."""
    return list(
        Bijlage.objects.filter(
            content_type=ContentType.objects.get_for_model(onderwerp), object_id=onderwerp.pk
        ).order_by("geplaatst", "pk")
    )


def leesbare_bijlage(pk, user) -> Bijlage:
    """The attachment if the user may read its subject; PermissionDenied otherwise."""
    bijlage = Bijlage.objects.select_related("content_type").get(pk=pk)
    onderwerp = bijlage.onderwerp
    if onderwerp is None or not permissions.mag(user, LEESACTIE, onderwerp):
        raise PermissionDenied
    return bijlage
