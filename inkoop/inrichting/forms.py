"""Forms of the region setup pages; each maps onto one service call."""

from django import forms
from django.utils import timezone

from inkoop.core.revisie import RevisieVeld
from inkoop.core.velden import LangeTekst, Meerkeuze, eenregelig_maken
from inkoop.trajecten.models import Traject
from regions.constants import Rol
from regions.models import Gemeente, Regio
from uitgangspunten.constants import DocumentSoort
from voorzieningen.constants import GANGBARE_VOORZIENINGEN, Inkoopniveau, Soort, Wet
from voorzieningen.models import Voorziening


def _regels(tekst: str) -> list[str]:
    return [r.strip() for r in (tekst or "").splitlines() if r.strip()]


class RegioForm(forms.Form):
    naam = forms.CharField(label="Naam van de regio", max_length=120)
    slug = forms.SlugField(
        label="Korte naam in de adresbalk",
        required=False,
        help_text="Kleine letters, cijfers en streepjes; leeg laten om hem uit de naam te maken.",
    )
    omschrijving = LangeTekst(
        label="Omschrijving",
        required=False,
        wat="De omschrijving",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RegioBewerkenForm(RevisieVeld, forms.ModelForm):
    """Name and description of an existing region; its short name in the address stays."""

    omschrijving = LangeTekst(
        label="Omschrijving", required=False, wat="De omschrijving",
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    class Meta:
        model = Regio
        fields = ["naam", "omschrijving", "tooi"]
        labels = {"naam": "Naam van de regio", "tooi": "TOOI-organisatie (uitgever)"}


class LedenForm(forms.Form):
    gemeenten = Meerkeuze(
        label="Gemeenten", queryset=Gemeente.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    begin = forms.DateField(
        label="Lid vanaf", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, kiesbaar, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeenten"].queryset = kiesbaar
        self.fields["gemeenten"].error_messages.update(
            required="Kies minstens één gemeente.",
            invalid_choice="Deze gemeente is al lid of bestaat niet meer; kies opnieuw.",
        )


class GremiaForm(forms.Form):
    do = forms.BooleanField(label="Directieoverleg (DO)", required=False, initial=True)
    do_naam = forms.CharField(
        label="Naam van het directieoverleg",
        initial="Directieoverleg Sociaal Domein",
        required=False,
        max_length=150,
    )
    pfho = forms.BooleanField(
        label="Portefeuillehoudersoverleg (PFHO)", required=False, initial=True
    )
    pfho_naam = forms.CharField(
        label="Naam van het portefeuillehoudersoverleg",
        initial="Portefeuillehoudersoverleg Sociaal Domein",
        required=False,
        max_length=150,
    )
    adviesraden = LangeTekst(
        wat="De lijst adviesraden",
        label="Adviesraden",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Eén adviesraad per regel, bijvoorbeeld 'Adviesraad Sociaal Domein Hilversum'.",
    )
    colleges = forms.BooleanField(
        label="Het college van B&W van elke deelnemende gemeente", required=False, initial=True
    )

    def gremia(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        paren = []
        if data["do"]:
            paren.append(("do", data["do_naam"] or "Directieoverleg"))
        if data["pfho"]:
            paren.append(("pfho", data["pfho_naam"] or "Portefeuillehoudersoverleg"))
        paren += [("adviesraad", naam) for naam in _regels(data["adviesraden"])]
        return paren


class VoorzieningenForm(forms.Form):
    gangbaar = forms.MultipleChoiceField(
        label="Gangbare voorzieningen",
        required=False,
        choices=[(naam, f"{naam} ({Wet(wet).label})") for naam, wet, *_ in GANGBARE_VOORZIENINGEN],
        widget=forms.CheckboxSelectMultiple,
    )
    eigen = LangeTekst(
        wat="De lijst voorzieningen",
        label="Andere voorzieningen",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Eén per regel; ze krijgen de wet, soort en het inkoopniveau hieronder.",
    )
    wet = forms.ChoiceField(label="Wet (voor andere voorzieningen)", choices=Wet.choices)
    soort = forms.ChoiceField(
        label="Soort (voor andere voorzieningen)", choices=Soort.choices, initial=Soort.MAATWERK
    )
    inkoopniveau = forms.ChoiceField(
        label="Inkoopniveau (voor andere voorzieningen)",
        choices=Inkoopniveau.choices,
        initial=Inkoopniveau.REGIONAAL,
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not self.voorzieningen():
            raise forms.ValidationError("Kies of typ minstens één voorziening.")
        return data

    def voorzieningen(self) -> list[tuple]:
        data = self.cleaned_data
        gekozen = set(data["gangbaar"])
        lijst = [tuple(v) for v in GANGBARE_VOORZIENINGEN if v[0] in gekozen]
        lijst += [
            (naam, data["wet"], data["soort"], data["inkoopniveau"])
            for naam in _regels(data["eigen"])
        ]
        return lijst


class TrajectForm(forms.Form):
    naam = forms.CharField(
        label="Naam van het traject",
        max_length=150,
        help_text="Bijvoorbeeld 'Inkoop Wmo en Jeugd 2028'.",
    )
    startjaar = forms.IntegerField(
        label="Ingangsjaar van de contracten", min_value=2000, max_value=2100
    )
    vorige = forms.ModelChoiceField(
        label="Vorig traject",
        queryset=Traject.objects.none(),
        required=False,
        help_text="Uitgangspunten kunnen uit dit traject worden overgenomen.",
    )
    voorzieningen = Meerkeuze(
        label="Voorzieningen in scope",
        queryset=Voorziening.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vorige"].queryset = regio.trajecten.all()
        self.fields["voorzieningen"].queryset = regio.voorzieningen.all()
        self.initial.setdefault("startjaar", timezone.localdate().year + 1)
        self.initial.setdefault("voorzieningen", list(regio.voorzieningen.all()))


class UitnodigingForm(forms.Form):
    naam = forms.CharField(label="Naam", max_length=150)
    email = forms.EmailField(label="E-mailadres")
    rol = forms.ChoiceField(label="Rol", choices=Rol.choices)
    gemeente = forms.ModelChoiceField(
        label="Namens gemeente",
        queryset=Gemeente.objects.none(),
        required=False,
        help_text="Voor portefeuillehouders en secretarissen van één gemeente.",
    )

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.filter(
            lidmaatschappen__regio=regio
        ).distinct()


class DocumentForm(forms.Form):
    traject = forms.ModelChoiceField(label="Traject", queryset=Traject.objects.none())
    soort = forms.ChoiceField(label="Soort document", choices=DocumentSoort.choices)
    titel = forms.CharField(label="Titel", max_length=250)

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["traject"].queryset = regio.trajecten.all()
        eerste = regio.trajecten.first()
        if eerste is not None:
            self.initial.setdefault("traject", eerste.pk)


eenregelig_maken(globals())
