"""The one place that says who may do what. Every view, the admin, commands and tasks ask here.

Permissions are per region: a role in one region gives nothing in another. Each model that
belongs to a region names the path to it in `regio_pad` (for example "traject__regio"), so the
same path serves object checks (`mag`) and list filters (`binnen_regios`).

Actions (rules permissions, also usable as `user.has_perm("inkoop.<actie>", obj)`):
- bekijken: see the region, its services and adopted documents (every role)
- concepten_bekijken: see drafts, versions under review, sessions and input (not the reader)
- bewerken: draft principles, documents, proposals, planning and the decision route
- beoordelen: approve a version or send it back (directors; never one's own, see services)
- opmerken: place review comments
- sessies_bewerken: record sessions, attendance, minutes and input
- besluiten_vastleggen: record decisions of bodies
- inrichten: set up the region itself, such as its house style (functional administrators)
- publiceren: publish adopted material on the public pages and withdraw it (Woo)
"""

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from .constants import Rol
from .models import Regio, Roltoewijzing

ALLE_ROLLEN = frozenset(Rol.values)

ACTIES: dict[str, frozenset[str]] = {
    "bekijken": ALLE_ROLLEN,
    "concepten_bekijken": ALLE_ROLLEN - {Rol.LEZER, Rol.REGIOBEHEERDER},
    "bewerken": frozenset({Rol.BELEIDSADVISEUR}),
    "beoordelen": frozenset({Rol.DIRECTEUR}),
    "opmerken": frozenset({Rol.DIRECTEUR, Rol.BELEIDSADVISEUR}),
    "sessies_bewerken": frozenset({Rol.SECRETARIS, Rol.BELEIDSADVISEUR}),
    "besluiten_vastleggen": frozenset({Rol.SECRETARIS, Rol.BELEIDSADVISEUR}),
    "inrichten": frozenset({Rol.REGIOBEHEERDER}),
    "publiceren": frozenset({Rol.SECRETARIS, Rol.BELEIDSADVISEUR}),
}


def rollen(user, regio_id) -> frozenset[str]:
    """The user's roles in one region; loaded once per user object (one query per request)."""
    if not user.is_authenticated or regio_id is None:
        return frozenset()
    cache = getattr(user, "_rollen_per_regio", None)
    if cache is None:
        cache = {}
        for rid, rol in Roltoewijzing.objects.filter(gebruiker=user).values_list("regio_id", "rol"):
            cache.setdefault(rid, set()).add(rol)
        user._rollen_per_regio = cache
    return frozenset(cache.get(regio_id, ()))


def rollen_vastzetten(user, per_regio: dict[int, set[str]]) -> None:
    """Give this user object exactly these roles (an API application: the roles its key
    grants, inkoop/api), whatever role assignments its account has."""
    user._rollen_per_regio = {rid: set(r) for rid, r in per_regio.items()}


def regio_ids(user) -> set[int]:
    rollen(user, 0)  # fills the cache
    return set(getattr(user, "_rollen_per_regio", {}))


def regio_id_van(obj) -> int | None:
    """Follow the model's `regio_pad` to the id of the region the object belongs to."""
    if isinstance(obj, Regio):
        return obj.pk
    pad = getattr(type(obj), "regio_pad", None)
    if pad is None:
        raise TypeError(f"{type(obj).__name__} heeft geen regio_pad")
    *tussen, laatste = pad.split("__")
    for stap in tussen:
        obj = getattr(obj, stap)
        if obj is None:
            return None
    return getattr(obj, f"{laatste}_id")


def mag(user, actie: str, obj) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return bool(rollen(user, regio_id_van(obj)) & ACTIES[actie])


def vereis(user, actie: str, obj) -> None:
    """Raise PermissionDenied (403) unless the user may perform the action on the object."""
    if not mag(user, actie, obj):
        raise PermissionDenied


def binnen_regios(queryset: QuerySet, user, actie: str = "bekijken") -> QuerySet:
    """Limit a list to the regions where the user may perform the action."""
    if user.is_superuser:
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    rollen(user, 0)
    toegestaan = [rid for rid, r in user._rollen_per_regio.items() if set(r) & ACTIES[actie]]
    model = queryset.model
    pad = "pk" if model is Regio else model.regio_pad
    return queryset.filter(**{f"{pad}__in": toegestaan})


def acties_ergens(user) -> frozenset[str]:
    """The actions the user may perform in at least one region (what "Mijn werk" shows)."""
    if user.is_superuser:
        return frozenset(ACTIES)
    if not user.is_authenticated:
        return frozenset()
    rollen(user, 0)
    alle = set().union(*user._rollen_per_regio.values()) if user._rollen_per_regio else set()
    return frozenset(actie for actie, toegestaan in ACTIES.items() if alle & toegestaan)


def _predicaat(actie):
    @rules.predicate(name=actie)
    def heeft_rol(user, obj=None):
        return obj is not None and mag(user, actie, obj)

    return heeft_rol


for _actie in ACTIES:
    rules.add_perm(f"inkoop.{_actie}", _predicaat(_actie))


def mag_regio_aanmaken(user) -> bool:
    """A new region is set up by the superuser; its own administrator then furnishes it."""
    return user.is_authenticated and user.is_superuser


def vereis_regio_aanmaken(user) -> None:
    if not mag_regio_aanmaken(user):
        raise PermissionDenied
