"""Writes of regions: the national municipality list, a new region, its members, people and
their roles (invited by e-mail), and its house style (logo checked and sanitised here)."""

import datetime as dt
import logging
from dataclasses import dataclass, field

import nh3
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from PIL import Image, UnidentifiedImageError
from simple_history.utils import bulk_create_with_history

from inkoop.core.fouten import DomeinFout
from inkoop.core.regels import een_regel
from inkoop.core.revisie import met_revisie_bijwerken, revisie_claimen
from inkoop.core.taken import na_commit_inplannen

from . import permissions
from .indeling import IndelingRij
from .models import Gemeente, Huisstijl, Lidmaatschap, Regio, Roltoewijzing

logger = logging.getLogger(__name__)

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


# --- The national municipality list ----------------------------------------------------------


@dataclass
class IndelingResultaat:
    nieuw: list = field(default_factory=list)
    hernoemd: list = field(default_factory=list)
    opgeheven: list = field(default_factory=list)
    beeindigd: list = field(default_factory=list)  # memberships ended by a merger
    begonnen: list = field(default_factory=list)  # memberships of the successor

    def samenvatting(self) -> str:
        return (
            f"nieuw={len(self.nieuw)} hernoemd={len(self.hernoemd)} "
            f"opgeheven={len(self.opgeheven)} lidmaatschappen_beeindigd={len(self.beeindigd)} "
            f"lidmaatschappen_begonnen={len(self.begonnen)}"
        )


def _opvolger(oud: Gemeente, fusies: dict, nieuw: list, bekend: dict) -> Gemeente:
    if oud.cbs_code in fusies:
        opvolger = bekend.get(fusies[oud.cbs_code])
        if opvolger is None:
            raise DomeinFout(
                f"De opvolger {fusies[oud.cbs_code]} van {oud.naam} staat niet in de indeling."
            )
        return opvolger
    if len(nieuw) == 1:
        return nieuw[0]
    raise DomeinFout(
        f"{oud.naam} ({oud.cbs_code}) staat niet meer in de indeling en is lid van een regio: "
        f"geef aan in welke gemeente zij is opgegaan (--fusie {oud.cbs_code}=GMxxxx)."
    )


@transaction.atomic
def gemeentelijke_indeling_verwerken(
    *, rijen: list[IndelingRij], peildatum: dt.date, fusies: dict[str, str] | None = None
) -> IndelingResultaat:
    """Bring the municipalities in line with CBS's list in force on `peildatum`.

    New codes are added and names follow the list. A municipality that is no longer listed is
    closed on `peildatum`; when it was a member of a region, that membership ends the day
    before and its successor (from `fusies`, old code → new code, or the one new municipality of
    this list) becomes a member from `peildatum`. Running the same list twice changes nothing.
    """
    fusies = {k.upper(): v.upper() for k, v in (fusies or {}).items()}
    resultaat = IndelingResultaat()
    bestaand = {g.cbs_code: g for g in Gemeente.objects.select_for_update()}
    bekend = {}
    for rij in rijen:
        gemeente = bestaand.get(rij.cbs_code)
        if gemeente is None:
            gemeente = Gemeente.objects.create(
                cbs_code=rij.cbs_code, naam=rij.naam, provincie=rij.provincie
            )
            resultaat.nieuw.append(gemeente)
        elif (gemeente.naam, gemeente.provincie, gemeente.opgeheven_op) != (
            rij.naam,
            rij.provincie or gemeente.provincie,
            None,
        ):
            if gemeente.naam != rij.naam:
                resultaat.hernoemd.append((gemeente.naam, rij.naam))
            gemeente.naam = rij.naam
            gemeente.provincie = rij.provincie or gemeente.provincie
            gemeente.opgeheven_op = None
            gemeente.save(update_fields=["naam", "provincie", "opgeheven_op"])
        bekend[rij.cbs_code] = gemeente
    vervallen = [g for code, g in bestaand.items() if code not in bekend and g.opgeheven_op is None]
    einde = peildatum - dt.timedelta(days=1)
    for oud in vervallen:
        open_leden = list(
            oud.lidmaatschappen.filter(
                Q(einde__isnull=True) | Q(einde__gte=peildatum)
            ).select_related("regio")
        )
        opvolger = _opvolger(oud, fusies, resultaat.nieuw, bekend) if open_leden else None
        for lid in open_leden:
            lid.einde = max(einde, lid.begin)
            lid.toelichting = f"Opgegaan in {opvolger.naam} per {peildatum:%d-%m-%Y}"
            lid.save(update_fields=["einde", "toelichting"])
            resultaat.beeindigd.append(lid)
            al_lid = opvolger.lidmaatschappen.filter(regio=lid.regio).filter(
                Q(einde__isnull=True) | Q(einde__gte=peildatum), begin__lte=peildatum
            )
            if not al_lid.exists():
                resultaat.begonnen.append(
                    Lidmaatschap.objects.create(
                        regio=lid.regio, gemeente=opvolger, begin=peildatum,
                        toelichting=f"Herindeling: voortzetting van {oud.naam}",
                    )
                )  # fmt: skip
        oud.opgeheven_op = peildatum
        oud.save(update_fields=["opgeheven_op"])
        resultaat.opgeheven.append(oud)
    return resultaat


# --- A new region and its members -------------------------------------------------------------


@transaction.atomic
def regio_aanmaken(*, door, naam: str, slug: str = "", omschrijving: str = "") -> Regio:
    permissions.vereis_regio_aanmaken(door)
    naam = naam.strip()
    slug = slugify(slug or naam)
    if not slug:
        raise DomeinFout({"slug": "Geef een korte naam met letters of cijfers."})
    if Regio.objects.filter(slug=slug).exists():
        raise DomeinFout({"slug": f"Er is al een regio met de korte naam '{slug}'."})
    regio = Regio(naam=naam, slug=slug, omschrijving=omschrijving.strip())
    regio.full_clean()
    regio.save()
    return regio


@transaction.atomic
def regio_bijwerken(
    *, regio: Regio, door, revisie, naam: str, omschrijving: str = "", tooi: str | None = None
) -> Regio:
    """Change the name, description and TOOI reference of a region (its short name in the
    address stays, so links and bookmarks keep working); a save from a stale page raises
    `Conflict`. `tooi` None leaves it as it is."""
    permissions.vereis(door, "inrichten", regio)
    regio.naam = naam.strip()
    regio.omschrijving = omschrijving.strip()
    if tooi is not None:
        regio.tooi = tooi.strip()
    regio.full_clean()
    return met_revisie_bijwerken(
        regio,
        revisie=revisie,
        velden={"naam": regio.naam, "omschrijving": regio.omschrijving, "tooi": regio.tooi},
    )


def kiesbare_gemeenten():
    """The municipalities that exist today, for picking members."""
    vandaag = timezone.localdate()
    return Gemeente.objects.filter(Q(opgeheven_op__isnull=True) | Q(opgeheven_op__gt=vandaag))


@transaction.atomic
def leden_toevoegen(*, regio: Regio, door, gemeenten, begin: dt.date) -> list[Lidmaatschap]:
    """Make several municipalities members from `begin`; one already a member is refused."""
    permissions.vereis(door, "inrichten", regio)
    gemeenten = list(gemeenten)
    if not gemeenten:
        raise DomeinFout({"gemeenten": "Kies minstens één gemeente."})
    al_lid = set(
        regio.lidmaatschappen.filter(Q(einde__isnull=True) | Q(einde__gte=begin))
        .filter(gemeente__in=gemeenten)
        .values_list("gemeente__naam", flat=True)
    )
    if al_lid:
        raise DomeinFout({"gemeenten": f"Al lid: {', '.join(sorted(al_lid))}."})
    opgeheven = [g.naam for g in gemeenten if g.opgeheven_op and g.opgeheven_op <= begin]
    if opgeheven:
        raise DomeinFout(
            {"gemeenten": f"Op {begin:%d-%m-%Y} bestaat niet meer: {', '.join(opgeheven)}."}
        )
    return bulk_create_with_history(
        [Lidmaatschap(regio=regio, gemeente=g, begin=begin) for g in gemeenten], Lidmaatschap
    )


# --- People and their roles -------------------------------------------------------------------

UITNODIGING_TAAK = "regions.uitnodiging_versturen"


@transaction.atomic
def gebruiker_uitnodigen(
    *, regio: Regio, door, email: str, naam: str, rol: str, gemeente: Gemeente | None = None
) -> Roltoewijzing:
    """Give a person a role in the region; a new person gets an account without a password
    and an e-mail (sent by a task, after commit) with a link to choose one."""
    permissions.vereis(door, "inrichten", regio)
    email = email.strip().lower()
    if gemeente is not None and not regio.lidmaatschappen.filter(gemeente=gemeente).exists():
        raise DomeinFout({"gemeente": f"{gemeente} is geen lid van {regio}."})
    User = get_user_model()
    gebruiker = User.objects.filter(email__iexact=email).order_by("pk").first()
    if gebruiker is None:
        if User.objects.filter(username__iexact=email).exists():
            raise DomeinFout({"email": "Er is al een account met deze gebruikersnaam."})
        voornaam, _, achternaam = naam.strip().partition(" ")
        gebruiker = User(username=email, email=email, first_name=voornaam, last_name=achternaam)
        gebruiker.set_unusable_password()
        gebruiker.full_clean()
        gebruiker.save()
    if Roltoewijzing.objects.filter(gebruiker=gebruiker, regio=regio, rol=rol).exists():
        raise DomeinFout({"rol": f"{email} heeft deze rol al in {regio}."})
    toewijzing = Roltoewijzing(gebruiker=gebruiker, regio=regio, rol=rol, gemeente=gemeente)
    toewijzing.full_clean()
    toewijzing.save()
    na_commit_inplannen(UITNODIGING_TAAK, toewijzing.pk)
    return toewijzing


def uitnodiging_versturen(toewijzing_id: int) -> bool:
    """Send the invitation of one role assignment once (the task calls this; True if sent)."""
    toewijzing = (
        Roltoewijzing.objects.select_related("gebruiker", "regio").filter(pk=toewijzing_id).first()
    )
    if toewijzing is None or toewijzing.uitnodiging_verstuurd or not toewijzing.gebruiker.email:
        return False
    gebruiker, regio = toewijzing.gebruiker, toewijzing.regio
    basis = settings.SITE_URL.rstrip("/")
    tekst = (
        f"U hebt de rol {toewijzing.get_rol_display().lower()} gekregen in {regio.naam} "
        "in de app Inkoopbeleid sociaal domein.\n\n"
    )
    if gebruiker.has_usable_password():
        tekst += f"Log in met uw gebruikersnaam {gebruiker.username}: {basis}{reverse('login')}\n"
    else:
        link = reverse(
            "wachtwoord_instellen",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(gebruiker.pk)),
                "token": default_token_generator.make_token(gebruiker),
            },
        )
        tekst += (
            f"Kies eerst een wachtwoord: {basis}{link}\n\n"
            f"Daarna logt u in met uw gebruikersnaam {gebruiker.username}. "
            "De link werkt één keer.\n"
        )
    send_mail(een_regel(f"Uitnodiging: {regio.naam}"), tekst, None, [gebruiker.email])
    Roltoewijzing.objects.filter(pk=toewijzing.pk).update(uitnodiging_verstuurd=timezone.now())
    return True
