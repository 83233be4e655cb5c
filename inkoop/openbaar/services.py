"""Publishing and withdrawing (Woo). Only adopted material is published; the checks are here,
not only in the views."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.pdf import is_vastgesteld
from inkoop.besluitvorming.selectors import besluitenlijst
from inkoop.core.fouten import DomeinFout
from inkoop.sessies.selectors import verslag_is_vastgesteld
from regions import permissions

from .constants import PublicatieSoort
from .models import Publicatie

FOUT_AL = "Dit is al gepubliceerd."


def _aanmaken(**velden) -> Publicatie:
    try:
        with transaction.atomic():
            return Publicatie.objects.create(**velden)
    except IntegrityError as exc:
        raise DomeinFout(FOUT_AL) from exc


@transaction.atomic
def versie_publiceren(*, versie, door) -> Publicatie:
    permissions.vereis(door, "publiceren", versie)
    if not is_vastgesteld(versie):
        raise DomeinFout("Alleen een vastgestelde versie kan openbaar worden gemaakt.")
    traject = versie.document.traject
    besluit = versie.besluiten.filter(uitkomst=Uitkomst.VASTGESTELD).order_by("datum").first()
    return _aanmaken(
        regio_id=traject.regio_id, traject=traject, soort=PublicatieSoort.VERSIE, versie=versie,
        titel=f"{versie.document.titel}, versie {versie.nummer}",
        documentdatum=besluit.datum, gepubliceerd_door=door,
    )  # fmt: skip


@transaction.atomic
def besluitenlijst_publiceren(*, traject, door) -> Publicatie:
    permissions.vereis(door, "publiceren", traject)
    laatste = besluitenlijst(traject=traject).last()
    if laatste is None:
        raise DomeinFout("Deze besluitenlijst is leeg: er is nog niets besloten.")
    return _aanmaken(
        regio_id=traject.regio_id, traject=traject, soort=PublicatieSoort.BESLUITENLIJST,
        titel=f"Besluitenlijst {traject.naam}", documentdatum=laatste.datum,
        gepubliceerd_door=door,
    )  # fmt: skip


@transaction.atomic
def verslag_publiceren(*, sessie, door) -> Publicatie:
    permissions.vereis(door, "publiceren", sessie)
    if sessie.traject_id is None:
        raise DomeinFout("Alleen het verslag van een sessie van een traject kan openbaar.")
    if not verslag_is_vastgesteld(sessie):
        raise DomeinFout("Alleen een vastgesteld verslag kan openbaar worden gemaakt.")
    return _aanmaken(
        regio_id=sessie.regio_id, traject_id=sessie.traject_id, soort=PublicatieSoort.VERSLAG,
        sessie=sessie, titel=f"Verslag {sessie.titel}", documentdatum=sessie.datum,
        gepubliceerd_door=door,
    )  # fmt: skip


@transaction.atomic
def intrekken(*, publicatie: Publicatie, door, reden: str) -> Publicatie:
    permissions.vereis(door, "publiceren", publicatie)
    reden = (reden or "").strip()
    if not reden:
        raise DomeinFout({"reden": "Geef de reden van intrekken: die blijft openbaar zichtbaar."})
    publicatie = Publicatie.objects.select_for_update().get(pk=publicatie.pk)
    if publicatie.is_ingetrokken:
        raise DomeinFout("Deze publicatie is al ingetrokken.")
    publicatie.ingetrokken_op = timezone.now()
    publicatie.ingetrokken_door = door
    publicatie.intrekkingsreden = reden
    publicatie.save(update_fields=["ingetrokken_op", "ingetrokken_door", "intrekkingsreden"])
    return publicatie
