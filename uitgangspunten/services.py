"""Writes for principles, documents, sections, versions and review comments.

Views, the admin, commands and tasks all call these. Edits of text use optimistic locking
(inkoop/core/revisie.py): the caller passes the `revisie` its form was based on; the row is only
updated when that is still the stored revision (`UPDATE ... WHERE pk = ? AND revisie = ?`), so a
save based on a stale revision never overwrites someone else's work. It raises `Conflict`
instead, carrying both texts.

simple-history records every change (who, when, what); the services set `_history_user` so the
author is also known outside a request (commands, tests).
"""

import hashlib
import json

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from inkoop.core.fouten import DomeinFout
from inkoop.core.revisie import Conflict as Conflict  # raised below; callers catch it here
from inkoop.core.revisie import met_revisie_bijwerken, verwijderen
from inkoop.pdf.bijlagen import versie_bijlagen_vastleggen
from inkoop.pdf.services import versie_pdf_inplannen
from inkoop.trajecten.models import Traject, TrajectVoorziening
from regions import permissions

from .constants import KOP_VELDEN, SectieSoort, UitgangspuntSoort, UitgangspuntStatus
from .inhoud import document_inhoud, eigen_opmaak
from .models import Document, Opmerking, Sectie, Uitgangspunt, Versie

OMHOOG, OMLAAG = "omhoog", "omlaag"


@transaction.atomic
def _verwijderen(obj, auteur, revisie=None):
    """Delete, recorded in the history with its author; refused (`Conflict`) when a colleague
    saved after the page that asks for the delete was shown."""
    obj._history_user = auteur
    verwijderen(obj, revisie=revisie)


# ---------- Principles ----------


def _groep(uitgangspunt):
    """The principles numbered together with this one: same round, kind, service and lot."""
    return Uitgangspunt.objects.filter(
        traject_id=uitgangspunt.traject_id,
        soort=uitgangspunt.soort,
        voorziening_id=uitgangspunt.voorziening_id,
        perceel_id=uitgangspunt.perceel_id,
    ).order_by("volgorde", "pk")


@transaction.atomic
def uitgangspunt_aanmaken(
    *, traject, soort, titel, auteur, uitleg="", voorziening=None, perceel=None,
    status=UitgangspuntStatus.NIEUW, herkomst=None, vervallen_reden="",
) -> Uitgangspunt:  # fmt: skip
    if soort != UitgangspuntSoort.VOORZIENING:
        voorziening = perceel = None
    up = Uitgangspunt(
        traject=traject, soort=soort, titel=titel, uitleg=uitleg, voorziening=voorziening,
        perceel=perceel, status=status, herkomst=herkomst, vervallen_reden=vervallen_reden,
    )  # fmt: skip
    # Parallel creations in one round wait for each other, so each gets its own place.
    Traject.objects.select_for_update().filter(pk=traject.pk).first()
    laatste = _groep(up).aggregate(m=Max("volgorde"))["m"]
    up.volgorde = 0 if laatste is None else laatste + 1
    up._history_user = auteur
    up.save()
    return up


@transaction.atomic
def uitgangspunt_bijwerken(*, uitgangspunt, revisie, auteur, titel, uitleg) -> Uitgangspunt:
    return met_revisie_bijwerken(
        uitgangspunt, revisie=revisie, auteur=auteur, velden={"titel": titel, "uitleg": uitleg}
    )


@transaction.atomic
def uitgangspunt_verwijderen(*, uitgangspunt, auteur, revisie=None) -> None:
    _verwijderen(uitgangspunt, auteur, revisie)


def _verplaatsen(obj, items, richting, auteur):
    """Swap `obj` with its neighbour in `items` and renumber the list 0..n."""
    items = list(items)
    index = next(i for i, item in enumerate(items) if item.pk == obj.pk)
    doel = index - 1 if richting == OMHOOG else index + 1
    if 0 <= doel < len(items):
        items[index], items[doel] = items[doel], items[index]
    _nummeren(items, auteur)


def _nummeren(items, auteur):
    """Number the (locked) group 0..n. The places are unique in the database, so the items that
    move first step aside above the highest place in use, then take their new place (with
    history); no moment has two items on one place."""
    items = list(items)
    verplaatst = [(i, item) for i, item in enumerate(items) if item.volgorde != i]
    if not verplaatst:
        return
    boven = max(item.volgorde for item in items) + 1
    model = type(items[0])
    for stap, (_i, item) in enumerate(verplaatst):
        model.objects.filter(pk=item.pk).update(volgorde=boven + stap)
    for volgorde, item in verplaatst:
        item.volgorde = volgorde
        item._history_user = auteur
        item.save(update_fields=["volgorde"])


@transaction.atomic
def uitgangspunt_verplaatsen(*, uitgangspunt, richting, auteur) -> None:
    _verplaatsen(uitgangspunt, _groep(uitgangspunt).select_for_update(), richting, auteur)


# ---------- Carry-over from the previous round ----------


def _overgenomen(vorig, traject):
    """The copy of `vorig` in `traject`, if there is one. Locks the round's row first, so
    parallel carry-overs of the same principle wait for each other and then find the copy
    the first one made (instead of each making one)."""
    Traject.objects.select_for_update().filter(pk=traject.pk).first()
    return Uitgangspunt.objects.filter(traject=traject, herkomst=vorig).first()


@transaction.atomic
def uitgangspunt_herbevestigen(*, vorig, traject, auteur) -> Uitgangspunt:
    """Copy a previous round's principle unchanged; idempotent."""
    return _overgenomen(vorig, traject) or _kopie(
        vorig, traject, auteur, UitgangspuntStatus.HERBEVESTIGD
    )


@transaction.atomic
def uitgangspunt_aanscherpen(*, vorig, traject, auteur) -> Uitgangspunt:
    """Copy a previous round's principle to be edited further; idempotent."""
    return _overgenomen(vorig, traject) or _kopie(
        vorig, traject, auteur, UitgangspuntStatus.AANGESCHERPT
    )


@transaction.atomic
def uitgangspunt_laten_vervallen(*, vorig, traject, reden, auteur) -> Uitgangspunt:
    """Record that a previous round's principle lapses, with the reason, so the lineage shows."""
    if not reden.strip():
        raise DomeinFout("Een reden is verplicht.")
    return _overgenomen(vorig, traject) or _kopie(
        vorig, traject, auteur, UitgangspuntStatus.VERVALLEN, vervallen_reden=reden.strip()
    )


def _kopie(vorig, traject, auteur, status, vervallen_reden=""):
    return uitgangspunt_aanmaken(
        traject=traject, soort=vorig.soort, titel=vorig.titel, uitleg=vorig.uitleg,
        voorziening=vorig.voorziening, perceel=vorig.perceel, status=status, herkomst=vorig,
        vervallen_reden=vervallen_reden, auteur=auteur,
    )  # fmt: skip


@transaction.atomic
def ontwikkelingen_bijwerken(
    *, item: TrajectVoorziening, revisie: int, ontwikkelingen: str
) -> TrajectVoorziening:
    return met_revisie_bijwerken(item, revisie=revisie, velden={"ontwikkelingen": ontwikkelingen})


# ---------- Documents and sections ----------


@transaction.atomic
def document_aanmaken(*, traject, soort, titel, auteur, kop_labels=None, **kop) -> Document:
    """A new draft document with its memo header (fields of KOP_VELDEN): empty from the setup
    pages, filled by the Word import. Its advisor or the region's administrator makes it."""
    if not any(permissions.mag(auteur, actie, traject) for actie in ("bewerken", "inrichten")):
        raise PermissionDenied
    onbekend = set(kop) - set(KOP_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende kopvelden: {sorted(onbekend)}")
    onbekende_labels = set(kop_labels or {}) - set(KOP_VELDEN)
    if onbekende_labels:
        raise TypeError(f"Labels voor onbekende kopvelden: {sorted(onbekende_labels)}")
    document = Document(
        traject=traject, soort=soort, titel=titel.strip(), aangemaakt_door=auteur,
        kop_labels=dict(kop_labels or {}), **kop,
    )  # fmt: skip
    document._history_user = auteur
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def document_kop_bijwerken(*, document, revisie, auteur, **velden) -> Document:
    onbekend = set(velden) - set(KOP_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende kopvelden: {sorted(onbekend)}")
    return met_revisie_bijwerken(document, revisie=revisie, auteur=auteur, velden=velden)


MAX_KOP_LABEL = 40


@transaction.atomic
def document_opmaak_bijwerken(*, document, revisie, auteur, opmaak: dict, kop_labels: dict):
    """The layout choices of a draft (constants.OPMAAK_STANDAARD) and the labels its memo
    header prints. The next frozen version keeps them (uitgangspunten.inhoud.document_inhoud)."""
    permissions.vereis(auteur, "bewerken", document)
    onbekend = set(kop_labels) - set(KOP_VELDEN)
    if onbekend:
        raise TypeError(f"Labels voor onbekende kopvelden: {sorted(onbekend)}")
    labels = {k: " ".join(v.split()) for k, v in kop_labels.items() if v and v.strip()}
    te_lang = {
        f"label_{k}": f"Een label is hoogstens {MAX_KOP_LABEL} tekens."
        for k, v in labels.items()
        if len(v) > MAX_KOP_LABEL
    }
    if te_lang:
        raise DomeinFout(te_lang)
    return met_revisie_bijwerken(
        document,
        revisie=revisie,
        auteur=auteur,
        velden={"opmaak": eigen_opmaak(opmaak), "kop_labels": labels},
    )


@transaction.atomic
def sectie_aanmaken(*, document, auteur, soort=SectieSoort.TEKST, titel="", tekst="") -> Sectie:
    # Parallel creations in one document wait for each other, so each gets its own place.
    Document.objects.select_for_update().filter(pk=document.pk).first()
    laatste = Sectie.objects.filter(document=document, is_bijlage=False).aggregate(
        m=Max("volgorde")
    )["m"]
    sectie = Sectie(
        document=document, soort=soort, titel=titel, tekst=tekst,
        volgorde=0 if laatste is None else laatste + 1,
    )  # fmt: skip
    sectie._history_user = auteur
    sectie.save()
    return sectie


@transaction.atomic
def sectie_bijwerken(*, sectie, revisie, auteur, titel, tekst) -> Sectie:
    return met_revisie_bijwerken(
        sectie, revisie=revisie, auteur=auteur, velden={"titel": titel, "tekst": tekst}
    )


@transaction.atomic
def sectie_verwijderen(*, sectie, auteur, revisie=None) -> None:
    _verwijderen(sectie, auteur, revisie)


def _secties(document):
    return Sectie.objects.filter(document=document).order_by("is_bijlage", "volgorde", "pk")


@transaction.atomic
def sectie_verplaatsen(*, sectie, richting, auteur) -> None:
    secties = _secties(sectie.document_id).select_for_update().filter(is_bijlage=sectie.is_bijlage)
    _verplaatsen(sectie, secties, richting, auteur)


@transaction.atomic
def secties_ordenen(*, document, volgorde: list[int], auteur) -> None:
    """Put the sections in the given order (drag and drop); unknown ids are ignored and
    sections missing from the list keep their place after the listed ones."""
    secties = {s.pk: s for s in _secties(document).select_for_update()}
    geordend = [secties.pop(pk) for pk in dict.fromkeys(volgorde) if pk in secties]
    rest = sorted(secties.values(), key=lambda s: (s.is_bijlage, s.volgorde, s.pk))
    alles = geordend + rest
    for bijlage in (False, True):
        _nummeren([s for s in alles if s.is_bijlage == bijlage], auteur)


# ---------- Versions ----------


def inhoud_hash(inhoud: dict) -> str:
    canoniek = json.dumps(inhoud, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canoniek.encode("utf-8")).hexdigest()


@transaction.atomic
def versie_vastleggen(*, document, auteur, toelichting="") -> Versie:
    """Freeze the whole document into the next numbered version; the draft goes on.

    The document row is locked so two people freezing at once get consecutive numbers.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    inhoud = document_inhoud(document)
    laatste = Versie.objects.filter(document=document).aggregate(m=Max("nummer"))["m"] or 0
    versie = Versie.objects.create(
        document=document,
        nummer=laatste + 1,
        inhoud=inhoud,
        inhoud_hash=inhoud_hash(inhoud),
        auteur=auteur,
        toelichting=toelichting,
    )
    # The attachments the draft carries now are this version's, whatever the draft gets later.
    versie_bijlagen_vastleggen(versie)
    # The PDF is made right away (after commit, in the worker), so it is usually ready
    # before anyone asks for it.
    versie_pdf_inplannen(versie, user=auteur)
    return versie


# ---------- Review comments ----------


@transaction.atomic
def opmerking_plaatsen(*, document, auteur, tekst, sectie=None, uitgangspunt=None) -> Opmerking:
    if sectie is not None and sectie.document_id != document.pk:
        raise DomeinFout("De sectie hoort niet bij dit document.")
    if uitgangspunt is not None and uitgangspunt.traject_id != document.traject_id:
        raise DomeinFout("Het uitgangspunt hoort niet bij dit traject.")
    return Opmerking.objects.create(
        document=document, auteur=auteur, tekst=tekst, sectie=sectie, uitgangspunt=uitgangspunt
    )


@transaction.atomic
def opmerking_oplossen(*, opmerking, door) -> Opmerking:
    if opmerking.opgelost_op is None:
        opmerking.opgelost_door = door
        opmerking.opgelost_op = timezone.now()
        opmerking.save(update_fields=["opgelost_door", "opgelost_op"])
    return opmerking
