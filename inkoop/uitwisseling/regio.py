"""Export and import of everything of one region, as plain JSON-serialisable data.

`regio_exporteren(regio)` walks every model that belongs to a region (through its `regio_pad`)
in dependency order and writes each row with all its fields. References between exported rows
keep the original primary keys; municipalities are referred to by CBS code and people by user
name, because those are shared between regions. A principle that continues one outside the
region (herkomst) is referred to by its uid, so lineage survives when that region is imported
too. The history rows (django-simple-history: the audit trail of every model that has one) come
along, also those of objects deleted since: their history is part of the record. The region's
house style comes with its logo (`bestanden`: file name → base64), its Woo publications with
it, and the TOOI reference is a field of the region.

`regio_importeren(data, slug=None, naam=None)` recreates it all in one transaction: into an
empty database, or next to the original under a new short name (then principles get new uids).
It returns the new region and the mapping of old to new primary keys per model, which is what
the round-trip test uses to compare before and after field by field. A deleted object has no
row to take a new key from; its history rows get a new negative id, which no database sequence
hands out, so they can never be mistaken for the history of a later object.
"""

import base64
import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction

from inkoop.besluitvorming import models as besluitvorming_models
from inkoop.besluitvorming.services import OVERGANGEN
from inkoop.core.fouten import DomeinFout
from inkoop.openbaar.models import Publicatie
from inkoop.sessies import models as sessie_models
from inkoop.trajecten import models as traject_models
from regions.models import Gemeente, Huisstijl, Lidmaatschap, Regio, Roltoewijzing
from regions.services import logo_controleren
from uitgangspunten import models as up_models
from uitgangspunten.constants import Beoordeling
from voorzieningen import models as vz_models

FORMAAT = "inkoop-regio/1"
GEBRUIKER = "gebruiker"
GEMEENTE = "gemeente"


class ImportFout(Exception):
    """The data cannot be imported (wrong format, the region already exists, or its history
    breaks a rule of the domain)."""


# What an imported person may bring: never rights of the installation (is_staff, is_superuser,
# permissions, a password); those are given here, by someone who may give them.
GEBRUIKER_VELDEN = ("username", "first_name", "last_name", "email")
# The review steps a reviewer takes; the author of a version never takes them (four eyes).
BEOORDELING_STAPPEN = {naar for _, naar, recht in OVERGANGEN.values() if recht == "beoordelen"}


# Dependency order: every model comes after the models it refers to.
MODELLEN = [
    Regio,
    Huisstijl,
    Lidmaatschap,
    Roltoewijzing,
    vz_models.Perceel,
    vz_models.Voorziening,
    vz_models.Deelname,
    vz_models.Kengetal,
    traject_models.Gremium,
    traject_models.Traject,
    traject_models.TrajectVoorziening,
    besluitvorming_models.RouteStap,
    traject_models.Mijlpaal,
    up_models.Uitgangspunt,
    up_models.Document,
    up_models.Sectie,
    up_models.Versie,
    up_models.VersieOvergang,
    up_models.Opmerking,
    sessie_models.Sessie,
    sessie_models.Gast,
    besluitvorming_models.Voorstel,
    besluitvorming_models.Beslispunt,
    sessie_models.Agendapunt,
    sessie_models.Conclusie,
    sessie_models.Stelling,
    sessie_models.Actiepunt,
    sessie_models.Inbreng,
    besluitvorming_models.Besluit,
    besluitvorming_models.BesluitPunt,
    Publicatie,
]
# Every model with a history (django-simple-history) brings it along, in the same order.
HISTORIE = [m for m in MODELLEN if hasattr(m, "history")]
# Files travel in the export (the logo of the house style), under these folders only.
BESTANDSMAPPEN = ("huisstijl/",)
# Rows the database refuses to update once written (decisions): imported in one write each.
ONVERANDERLIJK = {besluitvorming_models.Besluit, besluitvorming_models.BesluitPunt}


def _label(model) -> str:
    return model._meta.label


def _doel(veld) -> str:
    """What a relation points to, as written in the export."""
    model = veld.related_model
    if model is get_user_model():
        return GEBRUIKER
    if model is Gemeente:
        return GEMEENTE
    return _label(model)


def _json(waarde):
    if isinstance(waarde, dt.datetime | dt.date | dt.time):
        return waarde.isoformat()
    if isinstance(waarde, Decimal | uuid.UUID):
        return str(waarde)
    return waarde


def _velden(model):
    """(field, kind) for every concrete field: kind is 'pk', 'ref', 'basis-id', 'bestand' or
    'waarde'."""
    historisch = hasattr(model, "instance_type")
    for veld in model._meta.concrete_fields:
        if veld.primary_key:
            yield veld, "pk"
        elif veld.is_relation:
            yield veld, "ref"
        elif historisch and veld.name == "id":
            yield veld, "basis-id"
        elif isinstance(veld, models.FileField):
            yield veld, "bestand"
        else:
            yield veld, "waarde"


def _bestanden_exporteren(namen) -> dict[str, str]:
    return {
        naam: base64.b64encode(default_storage.open(naam).read()).decode()
        for naam in sorted(namen)
        if naam.startswith(BESTANDSMAPPEN) and default_storage.exists(naam)
    }


def _bestanden_importeren(bestanden: dict) -> None:
    """Write the exported files that are not here yet, under their own names; a logo is
    checked (and an SVG sanitised) as when it is uploaded."""
    for naam, inhoud in (bestanden or {}).items():
        if not naam.startswith(BESTANDSMAPPEN) or ".." in naam or default_storage.exists(naam):
            continue
        try:
            _, schoon = logo_controleren(ContentFile(base64.b64decode(inhoud), name=naam))
        except (DomeinFout, ValueError) as fout:
            raise ImportFout(f"Het bestand {naam} in de export is geen geldig logo.") from fout
        default_storage.save(naam, ContentFile(schoon))


def _m2m(model):
    # Relations with their own through model (Lidmaatschap, TrajectVoorziening) are exported
    # as rows of that model instead.
    return [m for m in model._meta.many_to_many if m.remote_field.through._meta.auto_created]


def schema() -> dict:
    """Per model label: which fields refer to what (used to import and to compare)."""
    uit = {}
    for model in [*MODELLEN, *(m.history.model for m in HISTORIE)]:
        refs = {}
        for veld, soort in _velden(model):
            if soort == "ref":
                refs[veld.name] = _doel(veld)
            elif soort == "basis-id":
                refs[veld.name] = _label(model.instance_type)
        for m2m in _m2m(model):
            refs[m2m.name] = _doel(m2m)
        uit[_label(model)] = refs
    return uit


def _historie_ids(levend: dict[str, set]) -> dict[str, set]:
    """Per history model's base label: the ids of the region's objects with history, live or
    deleted. A deleted object belongs to the region through the first step of its regio_pad
    (a principle's round, a section's document), which may itself be deleted."""
    ids: dict[str, set] = {}
    for model in HISTORIE:
        if model is Regio:
            ids[_label(model)] = set(levend[_label(model)])
            continue
        eerste = model.regio_pad.split("__")[0]
        ouder = _label(model._meta.get_field(eerste).related_model)
        binnen = levend.get(ouder, set()) | ids.get(ouder, set())
        verwijderd = set(
            model.history.model._default_manager.filter(**{f"{eerste}_id__in": binnen})
            .values_list("id", flat=True)
            .distinct()
        )
        ids[_label(model)] = levend[_label(model)] | verwijderd
    return ids


def _queryset(model, regio):
    if model is Regio:
        return Regio.objects.filter(pk=regio.pk)
    return model._default_manager.filter(**{model.regio_pad: regio}).order_by("pk")


def regio_exporteren(regio: Regio) -> dict:
    """Everything of one region as JSON-serialisable data (see the module docstring)."""
    geexporteerd: dict[str, set] = {}
    modellen: dict[str, list] = {}
    gemeenten, gebruikers = set(), set()
    user_model = get_user_model()

    namen: dict[int, str] = {}
    codes: dict[int, str] = {}
    bestanden: set[str] = set()

    def verwijzing(veld_doel, waarde, related_model):
        if waarde is None:
            return None
        if veld_doel == GEBRUIKER:
            gebruikers.add(waarde)
            if waarde not in namen:
                namen[waarde] = user_model._default_manager.values_list("username", flat=True).get(
                    pk=waarde
                )
            return namen[waarde]
        if veld_doel == GEMEENTE:
            gemeenten.add(waarde)
            if waarde not in codes:
                codes[waarde] = Gemeente.objects.values_list("cbs_code", flat=True).get(pk=waarde)
            return codes[waarde]
        if waarde in geexporteerd.get(veld_doel, ()) or waarde in met_historie.get(veld_doel, ()):
            return waarde
        # Outside the region: lineage of principles by uid, anything else is left out.
        if related_model is up_models.Uitgangspunt:
            uid = up_models.Uitgangspunt.objects.filter(pk=waarde).values_list("uid", flat=True)
            return {"uid": str(uid[0])} if uid else None
        return None

    def rijen(model, qs):
        m2m_velden = _m2m(model)
        if m2m_velden:
            qs = qs.prefetch_related(*(m.name for m in m2m_velden))
        uitvoer = []
        velden = list(_velden(model))
        for obj in qs:
            rij = {}
            for veld, soort in velden:
                waarde = veld.value_from_object(obj)
                if soort == "pk":
                    rij["pk"] = waarde
                elif soort == "ref":
                    rij[veld.name] = verwijzing(_doel(veld), waarde, veld.related_model)
                elif soort == "bestand":
                    rij[veld.name] = getattr(waarde, "name", waarde) or ""
                    if rij[veld.name]:
                        bestanden.add(rij[veld.name])
                else:
                    rij[veld.name] = _json(waarde)
            for m2m in m2m_velden:
                doel = _doel(m2m)
                gerelateerd = getattr(obj, m2m.name).all()
                rij[m2m.name] = sorted(
                    (verwijzing(doel, o.pk, m2m.related_model) for o in gerelateerd), key=str
                )
            uitvoer.append(rij)
        return uitvoer

    for model in MODELLEN:
        qs = _queryset(model, regio)
        # Ids first, so references within the region (also forward ones) are recognised.
        geexporteerd[_label(model)] = set(qs.values_list("pk", flat=True))
    met_historie = _historie_ids(geexporteerd)
    for model in MODELLEN:
        modellen[_label(model)] = rijen(model, _queryset(model, regio))
    for model in HISTORIE:
        historie = model.history.model
        qs = historie._default_manager.filter(id__in=met_historie[_label(model)]).order_by(
            "history_id"
        )
        modellen[_label(historie)] = rijen(historie, qs)

    return {
        "formaat": FORMAAT,
        "regio": {"naam": regio.naam, "slug": regio.slug},
        "gemeenten": [
            {"naam": g.naam, "cbs_code": g.cbs_code}
            for g in Gemeente.objects.filter(pk__in=gemeenten).order_by("cbs_code")
        ],
        "gebruikers": [
            {
                "username": u.username,
                "first_name": u.first_name,
                "last_name": u.last_name,
                "email": u.email,
            }
            for u in user_model._default_manager.filter(pk__in=gebruikers).order_by("username")
        ],  # fmt: skip
        "schema": schema(),
        "modellen": modellen,
        "bestanden": _bestanden_exporteren(bestanden),
    }


@dataclass
class ImportResultaat:
    regio: Regio
    mapping: dict[str, dict] = field(default_factory=dict)
    uids: dict[str, str] = field(default_factory=dict)


def _waarde(veld, waarde):
    if waarde is None:
        return None
    if isinstance(veld, models.JSONField):
        return waarde
    return veld.to_python(waarde)


def _historie_toetsen(data: dict) -> None:
    """Imported history obeys the rules the app enforces when it is made: every review step is
    a step the domain allows (`OVERGANGEN`), nobody reviews a version they froze themselves
    (four eyes), an approved version was approved by someone else, and a body decided only on
    an approved version. Refuses the whole import (ImportFout) with every breach listed."""
    modellen = data.get("modellen", {})
    versies = {r["pk"]: r for r in modellen.get(_label(up_models.Versie), [])}
    toegestaan = {(van, naar) for vanaf, naar, _ in OVERGANGEN.values() for van in vanaf}
    goedgekeurd_door_ander = set()
    fouten = []
    for overgang in modellen.get(_label(up_models.VersieOvergang), []):
        versie = versies.get(overgang.get("versie"))
        if versie is None:
            fouten.append(f"een beoordelingsstap hoort bij een onbekende versie ({overgang['pk']})")
            continue
        nummer = versie.get("nummer")
        if (overgang.get("van"), overgang.get("naar")) not in toegestaan:
            fouten.append(
                f"versie {nummer}: de stap van '{overgang.get('van')}' naar "
                f"'{overgang.get('naar')}' bestaat niet"
            )
        if overgang.get("naar") in BEOORDELING_STAPPEN:
            if overgang.get("door") == versie.get("auteur"):
                fouten.append(
                    f"versie {nummer}: beoordeeld door {overgang.get('door')}, die haar zelf "
                    "vastlegde (vier ogen)"
                )
            elif overgang.get("naar") == Beoordeling.GOEDGEKEURD:
                goedgekeurd_door_ander.add(versie["pk"])
    for pk, versie in versies.items():
        if (
            versie.get("beoordeling") == Beoordeling.GOEDGEKEURD
            and pk not in goedgekeurd_door_ander
        ):
            fouten.append(
                f"versie {versie.get('nummer')} staat op goedgekeurd zonder goedkeuring door een "
                "ander dan de auteur"
            )
    for besluit in modellen.get(_label(besluitvorming_models.Besluit), []):
        versie = versies.get(besluit.get("versie"))
        if besluit.get("versie") is not None and (
            versie is None or versie.get("beoordeling") != Beoordeling.GOEDGEKEURD
        ):
            fouten.append(
                f"besluit {besluit['pk']} ({besluit.get('uitkomst')}) gaat over een versie die "
                "niet goedgekeurd is"
            )
    if fouten:
        raise ImportFout(
            "De historie in dit bestand houdt zich niet aan de regels van de app, daarom is er "
            "niets ingelezen: " + "; ".join(sorted(set(fouten))) + "."
        )


@transaction.atomic
def regio_importeren(data: dict, slug: str | None = None, naam: str | None = None):
    """Recreate an exported region; returns ImportResultaat (region, pk mapping, uid mapping)."""
    if not isinstance(data, dict) or data.get("formaat") != FORMAAT:
        raise ImportFout(f"Dit is geen regio-export (verwacht formaat {FORMAAT}).")
    slug = slug or data["regio"]["slug"]
    if Regio.objects.filter(slug=slug).exists():
        raise ImportFout(
            f"Er bestaat al een regio met korte naam '{slug}'. Kies een andere met --slug."
        )
    _historie_toetsen(data)
    _bestanden_importeren(data.get("bestanden"))
    user_model = get_user_model()
    gemeenten = {}
    for g in data["gemeenten"]:
        gemeente, _ = Gemeente.objects.get_or_create(
            cbs_code=g["cbs_code"], defaults={"naam": g["naam"]}
        )
        gemeenten[g["cbs_code"]] = gemeente.pk
    gebruikers = {}
    for u in data["gebruikers"]:
        user = user_model._default_manager.filter(username=u["username"]).first()
        if user is None:
            user = user_model(
                **{k: u.get(k, "") for k in GEBRUIKER_VELDEN}, is_staff=False, is_superuser=False
            )
            user.set_unusable_password()  # people set their own password on arrival
            user.save()
        gebruikers[u["username"]] = user.pk

    # New uids when the originals are still here (import next to the original region).
    bestaande = set(
        up_models.Uitgangspunt.objects.filter(
            uid__in=[r["uid"] for r in data["modellen"].get(_label(up_models.Uitgangspunt), [])]
        ).values_list("uid", flat=True)
    )
    uids = {str(u): str(uuid.uuid4()) for u in bestaande}
    resultaat = ImportResultaat(regio=None, uids=uids)
    mapping = resultaat.mapping
    volgorde = [*MODELLEN, *(m.history.model for m in HISTORIE)]
    refs_schema = schema()
    laagste = min(
        (m.history.model._default_manager.aggregate(n=models.Min("id"))["n"] or 0) for m in HISTORIE
    )
    teller = iter(range(min(laagste, 0) - 1, -(2**62), -1))

    def verwijderd_id():
        return next(teller)

    def oplossen(doel, waarde):
        if waarde is None:
            return None
        if doel == GEBRUIKER:
            return gebruikers[waarde]
        if doel == GEMEENTE:
            return gemeenten[waarde]
        if isinstance(waarde, dict) and "uid" in waarde:
            uid = uids.get(waarde["uid"], waarde["uid"])
            return (
                up_models.Uitgangspunt.objects.filter(uid=uid).values_list("pk", flat=True).first()
            )
        return mapping[doel][waarde]

    for model in volgorde:
        label = _label(model)
        rijen = data["modellen"].get(label, [])
        velden = list(_velden(model))
        m2m_velden = _m2m(model)
        zelf = [v for v, s in velden if s == "ref" and v.related_model is model]
        tijd = [
            v
            for v, s in velden
            if getattr(v, "auto_now", False) or getattr(v, "auto_now_add", False)
        ]
        objecten = []
        for rij in rijen:
            kwargs = {}
            for veld, soort in velden:
                if soort == "pk":
                    continue
                waarde = rij.get(veld.name)
                if soort == "ref":
                    kwargs[veld.attname] = (
                        None if veld in zelf else oplossen(refs_schema[label][veld.name], waarde)
                    )
                elif soort == "basis-id":
                    basis = mapping[refs_schema[label][veld.name]]
                    if waarde not in basis:  # deleted before the export
                        basis[waarde] = verwijderd_id()
                    kwargs[veld.attname] = basis[waarde]
                else:
                    if veld.name == "uid" and waarde in uids:
                        waarde = uids[waarde]
                    kwargs[veld.attname] = _waarde(veld, waarde)
            if model is Regio:
                kwargs["slug"] = slug
                kwargs["naam"] = naam or kwargs["naam"]
            objecten.append(model(**kwargs))
        if model in ONVERANDERLIJK:
            # The database never updates a decision (migration 0014_beheer_bevroren_trigger):
            # write each row complete, its timestamp as exported (a raw save, as loaddata does).
            for rij, obj in zip(rijen, objecten, strict=True):
                for veld in tijd:
                    setattr(obj, veld.attname, _waarde(veld, rij.get(veld.name)))
                obj.save_base(raw=True)
        else:
            objecten = model._default_manager.bulk_create(objecten, batch_size=1000)
        mapping[label] = {rij["pk"]: obj.pk for rij, obj in zip(rijen, objecten, strict=True)}

        # References to rows of the same model (parent, previous round, lineage) come after
        # all of them exist; timestamps set automatically on create are put back as exported.
        if (zelf or tijd) and model not in ONVERANDERLIJK:
            for rij, obj in zip(rijen, objecten, strict=True):
                for veld in zelf:
                    setattr(obj, veld.attname, oplossen(label, rij.get(veld.name)))
                for veld in tijd:
                    setattr(obj, veld.attname, _waarde(veld, rij.get(veld.name)))
            model._default_manager.bulk_update(
                objecten, [v.name for v in (*zelf, *tijd)], batch_size=1000
            )
        for m2m in m2m_velden:
            through = m2m.remote_field.through
            van = m2m.m2m_field_name()
            naar = m2m.m2m_reverse_field_name()
            doel = refs_schema[label][m2m.name]
            koppelingen = [
                through(**{f"{van}_id": obj.pk, f"{naar}_id": oplossen(doel, w)})
                for rij, obj in zip(rijen, objecten, strict=True)
                for w in rij.get(m2m.name, [])
                if oplossen(doel, w) is not None
            ]
            through.objects.bulk_create(koppelingen, batch_size=1000)
    resultaat.regio = Regio.objects.get(slug=slug)
    return resultaat


def regio_verwijderen(regio: Regio) -> None:
    """Delete a region with everything in it, in the order its protections demand.

    Decisions are never deleted: on PostgreSQL the database refuses it (migration
    0014_beheer_bevroren_trigger) unless a superuser session resets the database on purpose
    (`SET inkoop.opruimen = 'ja'`, as the test suite does), so with the app's own role this
    works only for a region without decisions."""
    with transaction.atomic():
        met_historie = _historie_ids(
            {_label(m): set(_queryset(m, regio).values_list("pk", flat=True)) for m in MODELLEN}
        )
        for model in reversed(MODELLEN):
            qs = _queryset(model, regio)
            zelf = [
                v.name
                for v in model._meta.concrete_fields
                if v.is_relation and v.related_model is model and v.null
            ]
            if zelf:
                qs.update(**dict.fromkeys(zelf))
            if model in HISTORIE:
                model.history.model._default_manager.filter(
                    id__in=met_historie[_label(model)]
                ).delete()
            qs.delete()
