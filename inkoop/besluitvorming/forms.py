from django import forms
from django.utils import timezone

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.besluitvorming.models import Besluit, Voorstel
from inkoop.core.eenmalig import EenmaligVeld
from inkoop.core.revisie import RevisieVeld
from inkoop.core.velden import Datumveld, LangeTekst, Meerkeuze, Opmaaktekst, eenregelig_maken
from inkoop.trajecten.constants import GremiumSoort
from inkoop.trajecten.models import Gremium
from uitgangspunten.constants import Beoordeling
from uitgangspunten.models import Versie


class OvergangForm(forms.Form):
    opmerking = LangeTekst(
        label="Opmerking", required=False, wat="De opmerking",
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class TerugsturenForm(forms.Form):
    opmerking = LangeTekst(
        label="Wat moet er veranderen?", wat="De opmerking",
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class BeoordelingForm(forms.Form):
    """The one decision on the review page: approve (a note is optional) or send back (a note
    saying what must change is required)."""

    GOEDKEUREN, TERUGSTUREN = "goedkeuren", "terugsturen"
    besluit = forms.ChoiceField(
        label="Uw besluit",
        choices=[(GOEDKEUREN, "Goedkeuren"), (TERUGSTUREN, "Terugsturen naar de opsteller")],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies goedkeuren of terugsturen."},
    )
    opmerking = LangeTekst(
        label="Opmerking", required=False, wat="De opmerking",
        help_text="Bij terugsturen verplicht: wat moet er veranderen?",
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("besluit") == self.TERUGSTUREN and not (data.get("opmerking") or "").strip():
            self.add_error("opmerking", "Geef bij terugsturen aan wat er moet veranderen.")
        return data


class RouteStapForm(EenmaligVeld, forms.Form):
    gremium_soort = forms.ChoiceField(label="Soort gremium", choices=GremiumSoort.choices)
    gremium = forms.ModelChoiceField(
        label="Gremium",
        queryset=Gremium.objects.none(),
        required=False,
        help_text="Leeg laten bij colleges en raden: dan besluit elke deelnemende gemeente.",
    )
    beoogde_uitkomst = forms.ChoiceField(label="Beoogde uitkomst", choices=Uitkomst.choices)

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gremium"].queryset = Gremium.objects.filter(regio=regio).order_by("naam")


def _versies_van(traject):
    return (
        Versie.objects.filter(document__traject=traject)
        .select_related("document")
        .defer("inhoud")
        .order_by("document__titel", "-nummer")
    )


class VoorstelForm(EenmaligVeld, RevisieVeld, forms.ModelForm):
    beslispunten = LangeTekst(
        label="Beslispunten",
        wat="De beslispunten",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Eén beslispunt per regel; ze worden in deze volgorde genummerd.",
    )
    versies = Meerkeuze(
        label="Bijgevoegde versies",
        queryset=Versie.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Voorstel
        field_classes = {
            veld: Opmaaktekst
            for veld in ["aanleiding", "argumenten", "kanttekeningen", "financien",
                         "communicatie", "vervolg"]
        }  # fmt: skip
        fields = [
            "gremium", "onderwerp", "portefeuillehouder", "aanleiding", "argumenten",
            "kanttekeningen", "financien", "communicatie", "vervolg",
        ]  # fmt: skip
        widgets = {
            veld: forms.Textarea(attrs={"rows": 4})
            for veld in ["aanleiding", "argumenten", "kanttekeningen", "financien",
                         "communicatie", "vervolg"]
        }  # fmt: skip

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gremium"].queryset = Gremium.objects.filter(regio=traject.regio).order_by(
            "naam"
        )
        self.fields["versies"].queryset = _versies_van(traject)
        self.fields["versies"].label_from_instance = lambda v: (
            f"{v.document.titel}, versie {v.nummer} ({v.get_beoordeling_display().lower()})"
        )
        if self.instance.pk:
            self.initial.setdefault(
                "beslispunten", "\n".join(b.tekst for b in self.instance.beslispunten.all())
            )
            self.initial.setdefault("versies", list(self.instance.versies.all()))

    def beslispunt_teksten(self):
        return [r.strip() for r in self.cleaned_data["beslispunten"].splitlines() if r.strip()]


BESLISPUNTEN_NAKIJKEN = (
    "Controleer de beslispunten van het voorstel hieronder en kies zo nodig een uitkomst per "
    "beslispunt; leg het besluit daarna vast. Er is nog niets vastgelegd."
)


class BesluitForm(EenmaligVeld, forms.Form):
    gremium = forms.ModelChoiceField(label="Gremium", queryset=Gremium.objects.none())
    datum = Datumveld(label="Datum van het besluit")
    # No default outcome (issue 17): the secretary chooses what the body decided.
    uitkomst = forms.ChoiceField(
        label="Uitkomst", choices=[("", "Kies een uitkomst"), *Uitkomst.choices]
    )
    versie = forms.ModelChoiceField(
        label="Over documentversie",
        queryset=Versie.objects.none(),
        required=False,
        help_text="Alleen goedgekeurde versies. Leeg bij een voorstel met één bijgevoegde versie.",
        empty_label="Geen (de versie van het voorstel)",
    )
    voorstel = forms.ModelChoiceField(
        label="Op voorstel", queryset=Voorstel.objects.none(), required=False,
        empty_label="Geen voorstel",
    )  # fmt: skip
    sessie = forms.ModelChoiceField(
        label="In vergadering",
        queryset=Besluit.sessie.field.related_model.objects.none(),
        required=False,
    )
    toelichting = LangeTekst(
        label="Toelichting", required=False, wat="De toelichting",
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    afwijking = LangeTekst(
        label="Afwijking van de route",
        required=False,
        max_length=2000,
        wat="De reden van de afwijking",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=(
            "Alleen invullen als dit gremium besluit terwijl een eerdere stap van de route nog "
            "openstaat: waarom. De reden staat daarna op de tijdlijn."
        ),
    )

    def __init__(self, *args, traject, voorstel=None, **kwargs):
        super().__init__(*args, **kwargs)
        regio = traject.regio
        self.fields["gremium"].queryset = Gremium.objects.filter(regio=regio).order_by(
            "soort", "naam"
        )
        versies = _versies_van(traject).filter(beoordeling=Beoordeling.GOEDGEKEURD)
        self.fields["versie"].queryset = versies
        self.fields["versie"].label_from_instance = lambda v: (
            f"{v.document.titel}, versie {v.nummer}"
        )
        self.fields["voorstel"].queryset = Voorstel.objects.filter(traject=traject)
        # Sessions sit above the decision route (docs/architecture.md): reach them through the
        # field that points there, not an import.
        sessies = self.fields["sessie"].queryset.model.objects
        self.fields["sessie"].queryset = sessies.filter(regio=regio).order_by("-datum")
        self.initial.setdefault("datum", timezone.localdate())
        self.voorstel = voorstel
        self.punt_velden = []
        if voorstel is None:
            # The only sensible value: the one approved version there is.
            enige = list(versies.values_list("pk", flat=True)[:2])
            if len(enige) == 1:
                self.initial.setdefault("versie", enige[0])
        if voorstel is not None:
            self.initial.setdefault("voorstel", voorstel.pk)
            self.initial.setdefault("gremium", voorstel.gremium_id)
            # The decision rests on the decision points as shown: the form carries the
            # proposal's revision, and the service refuses a save from a stale one.
            self.fields["revisie"] = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
            self.initial["revisie"] = voorstel.revisie
            for punt in voorstel.beslispunten.all():
                naam = f"punt_{punt.pk}"
                self.fields[naam] = forms.ChoiceField(
                    label=f"Beslispunt {punt.nummer}: {punt.tekst}",
                    choices=[("", "Zoals de uitkomst hierboven")] + list(Uitkomst.choices),
                    required=False,
                )
                self.punt_velden.append(naam)

    def clean(self):
        data = super().clean()
        if "revisie" in self._errors:
            # No (valid) revision: the decision points were not on the page this came from (a
            # proposal chosen in the list, or a forged post). Show them, then save again.
            del self._errors["revisie"]
            self.add_error(None, BESLISPUNTEN_NAKIJKEN)
            self.data = self.data.copy()
            self.data[self.add_prefix("revisie")] = str(self.voorstel.revisie)
        if not data.get("versie") and not data.get("voorstel"):
            raise forms.ValidationError("Kies een documentversie of een voorstel.")
        if self.voorstel is not None and data.get("voorstel") not in (None, self.voorstel):
            raise forms.ValidationError("Uitkomsten per beslispunt horen bij het gekozen voorstel.")
        return data

    def punten(self) -> dict[int, str]:
        return {
            int(naam.removeprefix("punt_")): self.cleaned_data[naam]
            for naam in self.punt_velden
            if self.cleaned_data.get(naam)
        }


class CollegeBesluitRij(forms.Form):
    """One row of the college table: one municipality's college on one version."""

    gremium = forms.IntegerField(widget=forms.HiddenInput)
    vastleggen = forms.BooleanField(label="Vastleggen", required=False)
    datum = Datumveld(label="Datum", required=False)
    uitkomst = forms.ChoiceField(label="Uitkomst", choices=Uitkomst.choices)
    toelichting = forms.CharField(label="Toelichting", required=False, max_length=500)

    def clean(self):
        data = super().clean()
        if data.get("vastleggen") and not data.get("datum"):
            self.add_error("datum", "Vul de datum van het besluit in.")
        return data


CollegeBesluitenFormSet = forms.formset_factory(CollegeBesluitRij, extra=0, max_num=400)


eenregelig_maken(globals())
