"""Forms of the Word import: the upload, and the review of what the import proposes."""

from django import forms
from django.forms import formset_factory
from django.utils.text import capfirst

from inkoop.core.velden import eenregelig_maken, lengte
from inkoop.sessies.constants import BronSoort
from uitgangspunten.constants import DocumentSoort, UitgangspuntSoort
from uitgangspunten.models import Document

from .docx_bestand import MAX_BYTES

# Pasted minutes are an import, not a text that is kept: a limit of their own, about the text of
# a long meeting's minutes (the editor's limit, MAX_LANGE_TEKST, applies to each item made).
MAX_PLAKTEKST = 200_000

UITGANGSPUNT_SOORTEN = [
    (waarde, label)
    for waarde, label in UitgangspuntSoort.choices
    if waarde != UitgangspuntSoort.VOORZIENING
]


class DocxForm(forms.Form):
    bestand = forms.FileField(
        label="Word-bestand (.docx)",
        help_text=f"Hoogstens {MAX_BYTES // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".docx,application/vnd.openxmlformats-officedocument."
                             "wordprocessingml.document"}
        ),
    )  # fmt: skip


class DocumentKeuzeForm(forms.Form):
    """The document as it will be made: kind, title and memo header (editable)."""

    soort = forms.ChoiceField(label="Soort document", choices=DocumentSoort.choices)
    titel = forms.CharField(label="Titel", max_length=250)
    aan = forms.CharField(label="Aan", max_length=250, required=False)
    van = forms.CharField(label="Van", max_length=250, required=False)
    betreft = forms.CharField(label="Betreft", max_length=250, required=False)
    datum = forms.DateField(
        label="Datum", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kenmerk = forms.CharField(label="Kenmerk", max_length=60, required=False)
    zaaknummer = forms.CharField(label="Zaaknummer", max_length=60, required=False)

    def __init__(self, *args, labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        for veld, label in (labels or {}).items():
            if veld in self.fields:
                standaard = capfirst(Document._meta.get_field(veld).verbose_name)
                self.fields[veld].label = (
                    label if label == standaard else f"{label} (in de app: {standaard.lower()})"
                )


class SectieKeuzeForm(forms.Form):
    opnemen = forms.BooleanField(label="Opnemen", required=False)
    titel = forms.CharField(label="Titel van de sectie", max_length=200, required=False)
    samenvoegen = forms.BooleanField(
        label="Bij de vorige sectie voegen (kop wordt tussenkop)", required=False
    )


class UitgangspuntKeuzeForm(forms.Form):
    opnemen = forms.BooleanField(label="Als uitgangspunt opnemen", required=False)
    soort = forms.ChoiceField(label="Soort uitgangspunt", choices=UITGANGSPUNT_SOORTEN)


SectieKeuzes = formset_factory(SectieKeuzeForm, extra=0)
UitgangspuntKeuzes = formset_factory(UitgangspuntKeuzeForm, extra=0)


# ---------- Minutes ----------


class VerslagForm(forms.Form):
    bestand = forms.FileField(
        label="Verslag als Word-bestand (.docx)", required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )  # fmt: skip
    plakken = forms.CharField(
        label="Of plak de tekst van het verslag",
        required=False,
        validators=[lengte(MAX_PLAKTEKST, "De geplakte tekst")],
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Uit een e-mail of chat: elke vraag, opmerking of stelling op een eigen regel.",
    )

    def clean(self):
        data = super().clean()
        if not data.get("bestand") and not (data.get("plakken") or "").strip():
            raise forms.ValidationError("Kies een .docx-bestand of plak de tekst van het verslag.")
        return data


class RegelKeuzeForm(forms.Form):
    """One proposed item of the minutes, as the user corrects it."""

    opnemen = forms.BooleanField(label="Opnemen", required=False)
    soort = forms.ChoiceField(label="Soort", choices=())
    bron = forms.ChoiceField(label="Bron", choices=BronSoort.choices, required=False)
    uitgangspunten = forms.MultipleChoiceField(
        label="Betreft uitgangspunten", required=False, choices=()
    )

    def __init__(self, *args, soorten=(), uitgangspunten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = soorten
        self.fields["uitgangspunten"].choices = uitgangspunten


RegelKeuzes = formset_factory(RegelKeuzeForm, extra=0)


eenregelig_maken(globals())
