"""Attachments (bijlagen) of documents, sessions and proposals: checks, upload, reading.

A file is accepted by what it *is* (its first bytes, and for .docx/.xlsx the part that makes a
zip an Office file), not by its name or the browser's content type, and only up to
MAX_GROOTTE. The PDF of the subject lists the attachments and embeds them
(`inkoop.pdf.render.render_pdf` reads `context["bijlagebestanden"]`).

A document's attachments belong to its draft; freezing a version fixes the ones it carries
(`versie_bijlagen_vastleggen`, VersieBijlage), so a frozen version always prints the same. An
attachment a version carries is never deleted: removing it takes it off the draft only
(`uit_concept`). A subject whose record is closed (adopted minutes, a decided proposal) keeps
its attachments as they are: its package registers the check (`vergrendeling_registreren`)."""

import hashlib
import io
import zipfile
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.text import get_valid_filename

from inkoop.core.fouten import DomeinFout
from regions import permissions

from .models import Bijlage, VersieBijlage

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
# Per subject model: a check that raises DomeinFout when the subject's attachments may no longer
# change. Registered by the packages above this one (inkoop.sessies.pdf, inkoop.besluitvorming.pdf).
VERGRENDELINGEN = {}


def vergrendeling_registreren(model_naam: str, controle) -> None:
    VERGRENDELINGEN[model_naam] = controle


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
    _niet_vergrendeld(onderwerp)
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


def _niet_vergrendeld(onderwerp) -> None:
    if controle := VERGRENDELINGEN.get(_model_naam(onderwerp)):
        controle(onderwerp)


def vergrendeld(onderwerp) -> str | None:
    """Why the subject's attachments can no longer change (for the page), or None."""
    try:
        with transaction.atomic():  # the checks lock the subject's row
            _niet_vergrendeld(onderwerp)
    except DomeinFout as fout:
        return " ".join(fout.messages)
    return None


@transaction.atomic
def bijlage_verwijderen(*, bijlage: Bijlage, door) -> bool:
    """Remove an attachment of the draft (the app and the admin both call this). One that a
    frozen version carries stays, with its file, for that version: it only leaves the draft.
    Returns whether the file itself was deleted."""
    bijlage = Bijlage.objects.select_for_update().get(pk=bijlage.pk)
    onderwerp = bijlage.onderwerp
    permissions.vereis(door, SCHRIJFACTIE[_model_naam(onderwerp)], onderwerp)
    _niet_vergrendeld(onderwerp)
    if bijlage.uit_concept is not None:
        raise DomeinFout("Deze bijlage is al uit het concept gehaald.")
    if bijlage.versies.exists():
        bijlage.uit_concept = timezone.now()
        bijlage.save(update_fields=["uit_concept"])
        return False
    bestand = bijlage.bestand
    bijlage.delete()
    transaction.on_commit(lambda: bestand.delete(save=False))
    return True


def _van_het_concept(onderwerp):
    return Bijlage.objects.filter(
        content_type=ContentType.objects.get_for_model(onderwerp),
        object_id=onderwerp.pk,
        uit_concept__isnull=True,
    ).order_by("geplaatst", "pk")


def bijlagen_van(onderwerp) -> list[Bijlage]:
    """The attachments of a subject (of a document: its draft), in the order they were added."""
    return list(_van_het_concept(onderwerp))


def bijlagen_met_versies(onderwerp) -> list[Bijlage]:
    """The draft's attachments for the attachments page, each with the numbers of the frozen
    versions that carry it (`in_versies`): those keep it when it leaves the draft."""
    # The number only: a version's frozen content is large.
    versies = VersieBijlage.objects.annotate(nummer=F("versie__nummer")).order_by("nummer")
    bijlagen = list(_van_het_concept(onderwerp).prefetch_related(Prefetch("versies", versies)))
    for bijlage in bijlagen:
        bijlage.in_versies = [vb.nummer for vb in bijlage.versies.all()]
    return bijlagen


def versie_bijlagen_vastleggen(versie) -> None:
    """Fix the attachments the draft carries now on the version being frozen."""
    VersieBijlage.objects.bulk_create(
        VersieBijlage(versie=versie, bijlage=b) for b in bijlagen_van(versie.document)
    )


def bijlagen_van_versie(versie) -> list[Bijlage]:
    """The attachments a frozen version carries, in the order they were added."""
    return list(Bijlage.objects.filter(versies__versie=versie).order_by("geplaatst", "pk"))


def leesbare_bijlage(pk, user) -> Bijlage:
    """The attachment if the user may read its subject; PermissionDenied otherwise."""
    bijlage = Bijlage.objects.select_related("content_type").get(pk=pk)
    onderwerp = bijlage.onderwerp
    if onderwerp is None or not permissions.mag(user, LEESACTIE, onderwerp):
        raise PermissionDenied
    return bijlage
