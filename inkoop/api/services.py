"""Issue and revoke API keys. The page for region administrators, the command
(`manage.py api_sleutel`) and the admin call these."""

import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from inkoop.core.fouten import DomeinFout
from regions import permissions
from regions.constants import Rol

from .models import ApiToken

# What an application may be: it reads, or it also delivers input (sessies_bewerken).
TOEPASSING_ROLLEN = (Rol.LEZER, Rol.BELEIDSADVISEUR, Rol.SECRETARIS)


def sleutel_hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


def mag_sleutels_beheren(door, regios) -> bool:
    """A key reaches every record its role reaches in its regions: it is handed out and
    revoked by who sets up every one of those regions (their region administrator, action
    `inrichten`), or by the installation's administrator (superuser)."""
    regios = list(regios)
    return bool(regios) and all(permissions.mag(door, "inrichten", r) for r in regios)


def _vereis_beheerder(door, regios) -> None:
    if not (door.is_authenticated and door.is_superuser) and not mag_sleutels_beheren(door, regios):
        raise PermissionDenied


@transaction.atomic
def sleutel_uitgeven(*, door, naam: str, regios, rol: str = Rol.LEZER) -> tuple[ApiToken, str]:
    """A new key for an application; returns the token and the key (shown only now)."""
    regios = list(regios)
    if regios:
        _vereis_beheerder(door, regios)
    naam = (naam or "").strip()
    if not naam:
        raise DomeinFout({"naam": "Geef de naam van de toepassing."})
    if not regios:
        raise DomeinFout({"regios": "Kies minstens één regio."})
    if rol not in TOEPASSING_ROLLEN:
        raise DomeinFout({"rol": "Kies lezer, beleidsadviseur of secretaris."})
    sleutel = "ink_" + secrets.token_urlsafe(32)
    user_model = get_user_model()
    basis = f"api-{slugify(naam)[:100]}"
    username, n = basis, 1
    while user_model._default_manager.filter(username=username).exists():
        n += 1
        username = f"{basis}-{n}"
    gebruiker = user_model(username=username, first_name=naam[:150], last_name="(API)")
    gebruiker.set_unusable_password()
    gebruiker.save()
    token = ApiToken.objects.create(
        naam=naam,
        prefix=sleutel[:12],
        sleutel_hash=sleutel_hash(sleutel),
        rol=rol,
        gebruiker=gebruiker,
        uitgegeven_door=door,
    )
    token.regios.set(regios)
    return token, sleutel


@transaction.atomic
def sleutel_intrekken(*, door, token: ApiToken) -> ApiToken:
    """From now on the key is refused; the token stays, with its history."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    _vereis_beheerder(door, token.regios.all())
    if token.ingetrokken_op is None:
        token.ingetrokken_op = timezone.now()
        token._history_user = door
        token.save(update_fields=["ingetrokken_op"])
    return token
