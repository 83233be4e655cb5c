"""The history page of every kind of object a user can change: one registry, one selector, one
view (`views.historie`) and one template (`inkoop/historie.html`).

A kind names its model, the action that may read its history (regions/permissions.py), and the
models whose records belong on the same page (a session's items, a proposal's decision points,
a region's set-up and roles), each by the column that points to the object.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.text import capfirst

from inkoop.besluitvorming.models import Beslispunt, Besluit, BesluitPunt, RouteStap, Voorstel
from inkoop.core.historie import Bron, regels
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Gast, Inbreng, Sessie, Stelling
from inkoop.trajecten.models import Gremium, Mijlpaal, Traject, TrajectVoorziening
from regions.constants import Rol
from regions.models import Huisstijl, Lidmaatschap, Regio, Roltoewijzing
from voorzieningen.models import Deelname, Kengetal, Perceel, Voorziening


def _rol(record) -> str:
    naam = record.gebruiker.get_full_name() or record.gebruiker.username
    return f"{naam}: {Rol(record.rol).label}"


def _lid(record) -> str:
    return f"{record.gemeente.naam} (vanaf {record.begin:%d-%m-%Y})"


@dataclass(frozen=True)
class Deel:
    """Records of `model` whose column `via` holds the object's id."""

    wat: str
    model: type
    via: str
    select_related: tuple = ()
    titel: object = None


@dataclass(frozen=True)
class Soort:
    naam: str  # Dutch, on the page: "Historie van de sessie ..."
    model: type
    actie: str
    delen: tuple = field(default=())
    terug: Callable | None = None  # obj -> the URL of the object's own page


def _url(naam, *args):
    return reverse(f"inkoop:{naam}", args=args)


def _besluit_terug(besluit):
    if besluit.voorstel_id:
        return _url("voorstel", besluit.voorstel_id)
    if besluit.sessie_id:
        return _url("sessie", besluit.sessie_id)
    return None


SOORTEN: dict[str, Soort] = {
    "sessie": Soort(
        "sessie",
        Sessie,
        "concepten_bekijken",
        (
            Deel("Gast", Gast, "sessie_id"),
            Deel("Agendapunt", Agendapunt, "sessie_id"),
            Deel("Conclusie", Conclusie, "sessie_id"),
            Deel("Stelling", Stelling, "sessie_id"),
            Deel("Actiepunt", Actiepunt, "sessie_id"),
            Deel("Inbreng", Inbreng, "sessie_id"),
        ),
        lambda s: _url("sessie", s.pk),
    ),
    "inbreng": Soort(
        "inbreng", Inbreng, "concepten_bekijken", (), lambda i: _url("inbreng_verwerking", i.pk)
    ),
    "voorstel": Soort(
        "voorstel",
        Voorstel,
        "concepten_bekijken",
        (Deel("Beslispunt", Beslispunt, "voorstel_id"), Deel("Besluit", Besluit, "voorstel_id")),
        lambda v: _url("voorstel", v.pk),
    ),
    "besluit": Soort(
        "besluit",
        Besluit,
        "bekijken",
        (Deel("Besluitpunt", BesluitPunt, "besluit_id"),),
        _besluit_terug,
    ),
    "traject": Soort(
        "traject",
        Traject,
        "concepten_bekijken",
        (
            Deel("Mijlpaal", Mijlpaal, "traject_id"),
            Deel("Routestap", RouteStap, "traject_id"),
            Deel("Voorziening in scope", TrajectVoorziening, "traject_id"),
        ),
        lambda t: t.get_absolute_url(),
    ),
    "regio": Soort(
        "regio",
        Regio,
        "inrichten",
        (
            Deel("Huisstijl", Huisstijl, "regio_id"),
            Deel("Lidmaatschap", Lidmaatschap, "regio_id", ("gemeente",), _lid),
            Deel("Rol", Roltoewijzing, "regio_id", ("gebruiker",), _rol),
            Deel("Gremium", Gremium, "regio_id"),
            Deel("Perceel", Perceel, "regio_id"),
            Deel("Voorziening", Voorziening, "regio_id"),
        ),
        lambda r: reverse("inkoop:inrichten", kwargs={"slug": r.slug}),
    ),
    "voorziening": Soort(
        "voorziening",
        Voorziening,
        "concepten_bekijken",
        (
            Deel("Deelname", Deelname, "voorziening_id"),
            Deel("Kengetal", Kengetal, "voorziening_id"),
        ),
        lambda v: v.get_absolute_url(),
    ),
}


def historie(soort: Soort, obj, limiet: int = 150) -> list[dict]:
    """Every record of the object and its parts, newest first (one query per model)."""
    bronnen = [Bron(capfirst(soort.model._meta.verbose_name), soort.model,
                    soort.model.history.filter(id=obj.pk))]  # fmt: skip
    for deel in soort.delen:
        records = deel.model.history.filter(**{deel.via: obj.pk})
        if deel.select_related:
            records = records.select_related(*deel.select_related)
        bronnen.append(Bron(deel.wat, deel.model, records, titel=deel.titel))
    return regels(bronnen, limiet)
