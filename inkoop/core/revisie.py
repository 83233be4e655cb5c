"""Concurrent editing: optimistic locking with a `revisie` per row, for every edit in the app.

Every editable row carries `revisie`. An edit form carries, hidden, the revision it was based
on; the save first claims the row with a conditional update

    UPDATE ... SET revisie = revisie + 1 WHERE pk = ? AND revisie = ?

and only then writes. When no row matches, someone saved in the meantime: nothing is written and
`Conflict` is raised, carrying the stored row and values, so the form can be shown again with
both versions. A successful claim also holds the row (PostgreSQL row lock, SQLite write lock)
until the transaction ends, so two saves from the same revision cannot both pass.

Saves without a form (the admin, commands) raise the revision unconditionally
(`revisie=None`), so a page form opened before such a save conflicts instead of overwriting it.

Used by the services of every package, by the edit forms (`RevisieVeld`), their views
(`formulier_opslaan` and `conflict_tonen`, shown by the one conflict screen
templates/includes/conflict.html) and the admin (`RevisieAdmin`).
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db import models
from django.db.models import F
from django.utils import formats

from inkoop.core.diff import woord_diff
from inkoop.core.velden import parameter


@dataclass
class Conflict(Exception):
    """A save based on a stale revision: nothing was written.

    `obj` is the row as stored now, `opgeslagen` the stored values of the edited fields,
    `eigen` what the user wanted to save, `revisie` the stored revision a deliberate second
    save must be based on.
    """

    obj: object
    opgeslagen: dict
    eigen: dict
    revisie: int
    velden: list = field(default_factory=list)

    def __str__(self):
        return f"Bewerkingsconflict op {type(self.obj).__name__} {self.obj.pk}"


def _modelwaarden(obj) -> dict:
    """The values a user can edit on a row: its editable fields except the key and revision."""
    return {
        f.name: f.value_from_object(obj)
        for f in obj._meta.concrete_fields
        if f.editable and not f.primary_key and f.name != "revisie"
    }


VERWIJDERCONFLICT = (
    "Een collega heeft dit intussen gewijzigd; er is niets verwijderd. Bekijk de wijziging en "
    "verwijder opnieuw als dat nog steeds de bedoeling is."
)


def revisie_uit(data) -> int | None:
    """The revision a delete button was rendered with (None when the form sent none)."""
    return parameter(data, "revisie")


def verwijderen(obj, *, revisie: int | None) -> None:
    """Delete `obj` only when it is still the revision the user saw: a delete from a stale page
    must not throw away a colleague's newer edit (raises `Conflict`, nothing deleted). Call it
    inside a transaction; `revisie=None` deletes whatever the revision."""
    revisie_claimen(obj, revisie=revisie, eigen={})
    obj.delete()


def revisie_claimen(obj, *, revisie: int | None, eigen: dict | None = None) -> None:
    """Raise the stored revision of `obj` if it is still `revisie`, else raise `Conflict`.

    Call it inside the transaction, before writing the row: once claimed, the row is ours until
    commit and `obj.revisie` holds the new revision, so a following `obj.save()` keeps it.
    `eigen`: the values being saved, for the conflict (default: the editable fields of `obj`).
    `revisie=None` (no form behind the save) raises the revision whatever it is.
    """
    model = type(obj)
    rij = model._default_manager.filter(pk=obj.pk)
    voorwaarde = rij if revisie is None else rij.filter(revisie=revisie)
    if not voorwaarde.update(revisie=F("revisie") + 1):
        opgeslagen = rij.get()
        eigen = _modelwaarden(obj) if eigen is None else dict(eigen)
        raise Conflict(
            obj=opgeslagen,
            opgeslagen={naam: _waarde_van(opgeslagen, naam) for naam in eigen},
            eigen=eigen,
            revisie=opgeslagen.revisie,
            velden=list(eigen),
        )
    obj.revisie = (
        revisie + 1 if revisie is not None else rij.values_list("revisie", flat=True).get()
    )


def revisie_vasthouden(obj, *, revisie: int) -> None:
    """Hold `obj` until the transaction ends, only if it is still the `revisie` the user saw,
    without raising it; else raise `Conflict` (nothing to write yet).

    For a save that rests on what the user read of another row but does not change it: a
    decision is recorded on the decision points of a proposal as the form showed them. Several
    decisions on one proposal (a college per municipality) do not make each other stale.
    """
    model = type(obj)
    if not model._default_manager.select_for_update().filter(pk=obj.pk, revisie=revisie).exists():
        opgeslagen = model._default_manager.get(pk=obj.pk)
        raise Conflict(obj=opgeslagen, opgeslagen={}, eigen={}, revisie=opgeslagen.revisie)


def _waarde_van(obj, naam):
    veld = obj._meta.get_field(naam)
    return veld.value_from_object(obj) if veld.concrete else getattr(obj, naam)


def met_revisie_bijwerken(obj, *, revisie: int | None, velden: dict, auteur=None):
    """Write `velden` of `obj` only if its stored revision is still `revisie`.

    The row is re-read after the claim so a history record (simple-history, author
    `auteur`) holds the current state of the fields that were not edited.
    """
    revisie_claimen(obj, revisie=revisie, eigen=velden)
    obj.refresh_from_db()
    for naam, waarde in velden.items():
        setattr(obj, naam, waarde)
    if auteur is not None:
        obj._history_user = auteur
    bijwerken = [*velden, "revisie"]
    if any(f.name == "gewijzigd" for f in obj._meta.concrete_fields):
        bijwerken.append("gewijzigd")  # auto_now: only written when named
    obj.save(update_fields=bijwerken)
    return obj


# ---------- Forms ----------


REVISIE_ONTBREEKT = (
    "Bij dit formulier ontbreekt de versie waarop uw wijziging is gebaseerd, daarom is er niets "
    "opgeslagen. Uw invoer staat nog in het formulier: sla opnieuw op om haar te bewaren."
)


class RevisieVeld:
    """ModelForm mixin: the edit form of an existing row carries its revision, hidden.

    A form for a new row has no revision field, so `cleaned_data.get("revisie")` is None there.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if self.instance.pk:
            self.fields["revisie"] = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
            self.initial.setdefault("revisie", self.instance.revisie)

    def clean(self):
        data = super().clean()
        if "revisie" in self._errors:
            # A hidden field's error would go unseen (e.g. a page opened before an update): say
            # so above the form and base a deliberate second save on the stored revision.
            del self._errors["revisie"]
            self.add_error(None, REVISIE_ONTBREEKT)
            self.data = self.data.copy()
            self.data[self.add_prefix("revisie")] = str(self.instance.revisie)
        return data


def _objecten(veld, waarde):
    if isinstance(waarde, models.Model):
        return [waarde]
    if isinstance(waarde, list | tuple | set | models.QuerySet):
        waarden = list(waarde)
    else:
        waarden = [waarde]
    objecten = [w for w in waarden if isinstance(w, models.Model)]
    pks = [w for w in waarden if not isinstance(w, models.Model)]
    if pks:
        objecten += list(veld.queryset.filter(pk__in=pks))
    return objecten


def als_tekst(veld: forms.Field, waarde) -> str:
    """A field's value as a person reads it, also used to compare stored and typed values."""
    if waarde is None or waarde == "" or waarde == [] or waarde == ():
        return ""
    if isinstance(veld, forms.ModelMultipleChoiceField):
        return ", ".join(sorted(veld.label_from_instance(o) for o in _objecten(veld, waarde)))
    if isinstance(veld, forms.ModelChoiceField):
        labels = [veld.label_from_instance(o) for o in _objecten(veld, waarde)]
        return ", ".join(labels) or str(waarde)
    if isinstance(veld, forms.ChoiceField):
        labels = {str(k): str(v) for k, v in veld.choices if not isinstance(v, list | tuple)}
        return labels.get(str(waarde), str(waarde))
    if isinstance(veld, forms.BooleanField):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.datetime | dt.date | dt.time):
        return formats.localize(waarde)
    if isinstance(waarde, Decimal):
        return format(waarde.normalize(), "f").replace(".", ",")  # 3.80 and 3.8 read the same
    return str(waarde).replace("\r\n", "\n")


def conflict_tonen(form, conflict: Conflict, **form_kwargs) -> None:
    """Prepare a bound, valid edit form to be shown again after a conflict.

    The user's input stays as typed; the hidden revision moves to the stored one, so saving
    again (after comparing) is a deliberate choice that goes through. `form.conflict` lists,
    per field that differs, the stored value beside the user's (long texts with their diff),
    and the user's own values (`eigen_velden`) for the inline editors' "Mijn tekst opslaan".
    `form_kwargs`: what the form class needs besides the instance (e.g. sessie=...).
    """
    opgeslagen = None
    rijen = []
    for naam, veld in form.fields.items():
        if naam == "revisie" or naam not in form.cleaned_data:
            continue
        if naam in conflict.opgeslagen:
            oud = als_tekst(veld, conflict.opgeslagen[naam])
        else:  # a form field the save did not name: read it as the form shows the stored row
            opgeslagen = opgeslagen or type(form)(instance=conflict.obj, **form_kwargs)
            oud = als_tekst(veld, opgeslagen[naam].initial)
        eigen = als_tekst(veld, form.cleaned_data[naam])
        if oud.strip() == eigen.strip():
            continue
        lang = isinstance(veld.widget, forms.Textarea)
        rijen.append(
            {
                "veld": veld.label or naam,
                "opgeslagen": oud,
                "eigen": eigen,
                "lang": lang,
                "diff": woord_diff(oud, eigen, labels=True) if lang else "",
            }
        )
    eigen_velden = [
        (f"eigen_{naam}", form.data.get(form.add_prefix(naam), ""))
        for naam in form.fields
        if naam != "revisie"
    ]
    form.data = form.data.copy()
    form.data[form.add_prefix("revisie")] = str(conflict.revisie)
    form.conflict = {
        "rijen": rijen,
        "lang": [r for r in rijen if r["lang"]],
        "kort": [r for r in rijen if not r["lang"]],
        "revisie": conflict.revisie,
        "eigen_velden": eigen_velden,
    }


# The outcomes of `formulier_opslaan`.
OPGESLAGEN, ONGELDIG, CONFLICT, BEHOUDEN = "opgeslagen", "ongeldig", "conflict", "behouden"


def formulier_opslaan(data, form_cls, opslaan, **form_kwargs):
    """Bind an inline edit form to `data` (request.POST) and save it with `opslaan(revisie=...,
    **fields)`. Returns (status, form): OPGESLAGEN, ONGELDIG, CONFLICT (the form prepared by
    `conflict_tonen`) or BEHOUDEN (in the conflict screen the user kept the stored text).

    In the conflict screen "eigen" resubmits the user's own values, kept in hidden eigen_<veld>
    fields, against the stored revision; "samengevoegd" (the form's own submit) saves what is in
    the fields now.
    """
    data = data.copy()
    keuze = data.get("keuze")
    if keuze == "opgeslagen":
        return BEHOUDEN, None
    if keuze == "eigen":
        for naam in form_cls.base_fields:
            if naam != "revisie" and f"eigen_{naam}" in data:
                data[naam] = data[f"eigen_{naam}"]
    form = form_cls(data, **form_kwargs)
    if not form.is_valid():
        return ONGELDIG, form
    velden = {k: v for k, v in form.cleaned_data.items() if k != "revisie"}
    try:
        opslaan(revisie=form.cleaned_data["revisie"], **velden)
    except Conflict as conflict:
        conflict_tonen(form, conflict)
        return CONFLICT, form
    return OPGESLAGEN, form


# ---------- Admin ----------


class RevisieAdmin:
    """ModelAdmin mixin: a save in the admin raises the revision of the row and of every changed
    row of its inlines.

    The admin has no revision in its form; raising it means page forms opened before an admin
    change conflict instead of silently overwriting it.
    """

    def save_model(self, request, obj, form, change):
        if change and hasattr(obj, "revisie"):
            revisie_claimen(obj, revisie=None)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        verwijderd = {f.instance.pk for f in formset.deleted_forms}
        for inline_form in formset.initial_forms:
            inline = inline_form.instance
            if (
                inline.pk
                and inline.pk not in verwijderd
                and inline_form.has_changed()
                and hasattr(inline, "revisie")
            ):
                revisie_claimen(inline, revisie=None)
        super().save_formset(request, form, formset, change)
