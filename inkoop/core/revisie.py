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
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import NestedObjects, unquote
from django.core.exceptions import PermissionDenied
from django.db import connections, models, router, transaction
from django.db.models import F
from django.http import HttpResponseRedirect
from django.utils import formats

from inkoop.core.beheertaal import met_lidwoord
from inkoop.core.diff import woord_diff
from inkoop.core.regels import geen_regeleinde
from inkoop.core.velden import MAX_LANGE_TEKST, Getal, datum_in_bereik, lengte, parameter


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

# The hidden field of every admin form and inline row: the state of the row when the page was
# opened ("r<revisie>", or "h<sha256>" of the stored values for a row without a revision).
VERGRENDELING = "beheer_vergrendeling"

BEHEERCONFLICT = (
    "Een collega heeft dit opgeslagen terwijl u het formulier open had; er is niets opgeslagen. "
    "Open de pagina opnieuw om de huidige gegevens te zien en breng uw wijziging dan opnieuw aan."
)
BEHEER_VERWIJDERCONFLICT = (
    "Een collega heeft dit (of iets dat mee verwijderd zou worden) intussen gewijzigd; er is "
    "niets verwijderd. Bekijk de wijziging en verwijder opnieuw als dat nog steeds de bedoeling is."
)
TERUGZETTEN_GEWEIGERD = (
    "Terugzetten uit de historie kan niet in het beheer: het zou een latere wijziging van een "
    "collega ongemerkt overschrijven. Neem de oude tekst over in de app."
)


def vergrendeling(obj) -> str:
    """The lock token of a stored row: its revision, or a fingerprint of its stored values."""
    if any(f.name == "revisie" for f in obj._meta.concrete_fields):
        return f"r{obj.revisie}"
    waarden = {f.attname: f.value_to_string(obj) for f in obj._meta.concrete_fields}
    tekst = json.dumps(waarden, sort_keys=True, default=str)
    return "h" + hashlib.sha256(tekst.encode()).hexdigest()


def _gezien(form) -> str:
    """The lock token a bound admin form was opened with, as posted."""
    return str(form.data.get(form.add_prefix(VERGRENDELING)) or "")


def _claimen(obj, form) -> None:
    """Raise the revision of a row that has one, from the revision its page was opened with
    (checked by the form already; this holds it against a save in between)."""
    if obj.pk is None or not any(f.name == "revisie" for f in obj._meta.concrete_fields):
        return
    getal = _gezien(form).removeprefix("r")
    revisie = int(getal) if getal.isascii() and getal.isdigit() and len(getal) < 18 else 0
    revisie_claimen(obj, revisie=revisie)  # never None here: that would claim whatever is stored


def opgeslagen_rij(obj):
    """The row as stored now; inside a transaction also locked until commit (PostgreSQL), so
    nobody changes it between the check and the admin's write."""
    # No join may reach the lock: a model's ordering or a manager's select_related over a
    # nullable relation makes PostgreSQL refuse it ("FOR UPDATE cannot be applied to the
    # nullable side of an outer join"), so the plain row, ordered by nothing but its key.
    rijen = type(obj)._base_manager.filter(pk=obj.pk).select_related(None).order_by()
    verbinding = connections[rijen.db]
    if verbinding.in_atomic_block and verbinding.features.has_select_for_update:
        rijen = rijen.select_for_update()
    return next(iter(rijen), None)


def _wijzigt(form) -> bool:
    return any(naam != VERGRENDELING for naam in form.changed_data)


def beheer_validators(veld: forms.Field) -> list:
    """The rules of the app's forms (inkoop.core.velden) for a field the admin builds from the
    model: dates in the one range, no line break in a single-line text, the one limit of a long
    text. Without them /beheer/ stored what every form in the app refuses."""
    if isinstance(veld, forms.DateField):
        return [datum_in_bereik]
    if isinstance(veld, forms.SplitDateTimeField | forms.DateTimeField):
        return [lambda moment: moment is None or datum_in_bereik(moment.date())]
    if not isinstance(veld, forms.CharField) or isinstance(veld.widget, forms.HiddenInput):
        return []
    if isinstance(veld.widget, forms.Textarea):
        return [] if veld.max_length else [lengte(MAX_LANGE_TEKST)]
    if isinstance(veld.widget, forms.PasswordInput) or geen_regeleinde in veld.validators:
        return []
    return [geen_regeleinde]


class RevisieBeheerFormulier(forms.ModelForm):
    """The base form of every admin change form and inline: it carries the lock token of the row
    it was opened with and refuses, with `BEHEERCONFLICT`, a change based on a stale page.

    Only a form that would write something is checked: an unchanged inline row writes nothing.
    """

    beheer_vergrendeling = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial[VERGRENDELING] = vergrendeling(self.instance)
        for veld in self.fields.values():
            veld.validators = [*veld.validators, *beheer_validators(veld)]

    def clean(self):
        data = super().clean()
        if self.instance.pk is not None and _wijzigt(self):
            nu = opgeslagen_rij(self.instance)
            if nu is None or _gezien(self) != vergrendeling(nu):
                raise forms.ValidationError(BEHEERCONFLICT, code="conflict")
        return data


class RevisieInlineFormSet(forms.BaseInlineFormSet):
    """Deleting an inline row is locked too (Django does not validate a form marked for
    deletion, so the check lives here)."""

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk is None:
                continue
            nu = opgeslagen_rij(form.instance)
            if nu is not None and _gezien(form) != vergrendeling(nu):
                raise forms.ValidationError(BEHEERCONFLICT, code="conflict")


class _Vergrendeld:
    form = RevisieBeheerFormulier
    formfield_overrides = {models.DecimalField: {"form_class": Getal}}

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if any(f.name == "revisie" for f in self.model._meta.concrete_fields):
            velden += [] if "revisie" in velden else ["revisie"]  # only ever raised by a save
        return velden

    def get_fields(self, request, obj=None):
        velden = list(super().get_fields(request, obj))
        if VERGRENDELING in velden:
            velden.remove(VERGRENDELING)
        if self.has_change_permission(request, obj):
            velden.append(VERGRENDELING)
        return velden

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.fieldsets and self.has_change_permission(request, obj):
            naam, opties = fieldsets[0]
            if VERGRENDELING not in opties.get("fields", ()):
                opties = {**opties, "fields": [*opties.get("fields", ()), VERGRENDELING]}
            fieldsets = [(naam, opties), *fieldsets[1:]]
        return fieldsets


class RevisieInline(_Vergrendeld):
    """InlineModelAdmin mixin: every row carries its lock token; a stale row refuses the save."""

    formset = RevisieInlineFormSet


class RevisieAdmin(_Vergrendeld):
    """ModelAdmin mixin: the same optimistic locking as the app, for the change form, its
    inlines, the delete page and the bulk delete.

    A save from a page opened before a colleague's save is refused (`BEHEERCONFLICT`) and writes
    nothing; a save that goes through raises the revision of the row and of each changed inline
    row, so page forms in the app opened before it conflict in turn. Deleting is locked on every
    row the delete would take along; the bulk delete action, which cannot be locked, is off.
    """

    delete_confirmation_template = "admin/revisie_delete_confirmation.html"

    def save_model(self, request, obj, form, change):
        if change and not _wijzigt(form):
            return  # nothing to write: an unchanged form must not rewrite a newer row
        if change:
            _claimen(obj, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.initial_forms:
            if inline_form in formset.deleted_forms or _wijzigt(inline_form):
                _claimen(inline_form.instance, inline_form)
        super().save_formset(request, form, formset, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Conflict:
            # Someone saved between the check and the write (the transaction was rolled back).
            messages.error(request, BEHEERCONFLICT)
            return HttpResponseRedirect(request.get_full_path())

    def get_actions(self, request):
        acties = super().get_actions(request)
        acties.pop("delete_selected", None)
        return acties

    def message_user(self, request, message, *args, **kwargs):
        # "Het inkooptraject ‘…’ is met succes gewijzigd": Django's Dutch has "De" for all.
        message = met_lidwoord(message, self.model._meta.verbose_name)
        super().message_user(request, message, *args, **kwargs)

    def verwijdervergrendeling(self, obj) -> str:
        """One token over every row the delete of `obj` would take along."""
        verzamelaar = NestedObjects(using=router.db_for_write(self.model))
        verzamelaar.collect([obj])
        delen = sorted(
            f"{model._meta.label}:{rij.pk}:{vergrendeling(rij)}"
            for model, rijen in verzamelaar.data.items()
            for rij in rijen
        )
        return hashlib.sha256("\n".join(delen).encode()).hexdigest()

    def delete_view(self, request, object_id, extra_context=None):
        with transaction.atomic(using=router.db_for_write(self.model)):
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.has_delete_permission(request, obj):
                opgeslagen_rij(obj)  # locks the row until the delete
                token = self.verwijdervergrendeling(obj)
                if request.method == "POST" and request.POST.get(VERGRENDELING) != token:
                    messages.error(request, BEHEER_VERWIJDERCONFLICT)
                    return HttpResponseRedirect(request.get_full_path())
                extra_context = {**(extra_context or {}), "beheer_vergrendeling": token}
            return super().delete_view(request, object_id, extra_context)

    # simple-history: its revert view saves the historical row without any lock.
    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied(TERUGZETTEN_GEWEIGERD)
        return super().history_form_view(request, object_id, version_id, extra_context)


class AlleenLezenAdmin:
    """ModelAdmin/InlineModelAdmin mixin: shown in the admin, never written there (not by a
    superuser either): the app writes these rows through its services."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}
