from django import forms

from inkoop.core.eenmalig import EenmaligVeld
from inkoop.core.velden import (
    MAX_LANGE_TEKST,
    Datumveld,
    LangeTekst,
    Opmaaktekst,
    eenregelig_maken,
    lengte,
)

from .constants import (
    KOP_VELDEN,
    OPMAAK_STANDAARD,
    SectieSoort,
    UitgangspuntSoort,
    UitgangspuntStatus,
    UitgangspuntWeergave,
)
from .models import Document, Uitgangspunt

MAX_SECTIETEKST = MAX_LANGE_TEKST
MAX_TITEL = 200
_lengte = lengte


class RevisieForm(forms.Form):
    """Every edit form carries the revision it was based on (optimistic locking)."""

    revisie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class SectieForm(RevisieForm):
    titel = forms.CharField(
        label="Titel",
        required=False,
        validators=[_lengte(MAX_TITEL, "De titel")],
    )
    tekst = Opmaaktekst(
        label="Tekst",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "class": "app-editor__tekst"}),
        help_text="Opmaak met de knoppen boven de tekst. Zonder JavaScript: markdown, zoals "
        "**vet**, *cursief*, - opsomming, [linktekst](https://…), voetnoot[^1].",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The browser's own limit would silently cut pasted text: the server says what is wrong.
        self.fields["titel"].widget.attrs.pop("maxlength", None)

    def voetnoten_vanaf(self, begin: int) -> None:
        """The editor's first footnote shows `begin + 1` (data-voetnoot-begin, docs/editor.md)."""
        self.fields["tekst"].widget.attrs["data-voetnoot-begin"] = str(begin)


class NieuweSectieForm(EenmaligVeld, forms.Form):
    soort = forms.ChoiceField(
        label="Soort sectie", choices=SectieSoort.choices, initial=SectieSoort.TEKST
    )
    titel = forms.CharField(label="Titel", validators=[_lengte(MAX_TITEL, "De titel")])


class KopForm(RevisieForm):
    titel = forms.CharField(label="Titel", max_length=250)
    aan = forms.CharField(label="Aan", max_length=250, required=False)
    van = forms.CharField(label="Van", max_length=250, required=False)
    betreft = forms.CharField(label="Betreft", max_length=250, required=False)
    datum = Datumveld(label="Datum", required=False)
    kenmerk = forms.CharField(label="Kenmerk", max_length=60, required=False)
    zaaknummer = forms.CharField(label="Zaaknummer", max_length=60, required=False)

    velden = KOP_VELDEN

    @classmethod
    def voor(cls, document: Document, **kwargs):
        initial = {v: getattr(document, v) for v in cls.velden} | {"revisie": document.revisie}
        return cls(initial=initial, **kwargs)


def _label(standaard: str) -> forms.CharField:
    return forms.CharField(
        label=f"Label voor '{standaard}'",
        required=False,
        validators=[_lengte(40, "Het label")],
        help_text=f"Leeg laten voor '{standaard}'.",
    )


class OpmaakForm(RevisieForm):
    """How a document prints: its layout choices and the labels of its memo header."""

    hoofdstuknummers = forms.BooleanField(label="Hoofdstukken nummeren", required=False)
    inhoudsopgave = forms.BooleanField(label="Inhoudsopgave opnemen", required=False)
    lege_kopregels_weglaten = forms.BooleanField(
        label="Lege regels van de memokop weglaten",
        required=False,
        help_text="Bijvoorbeeld een lege Kenmerk- of Zaaknummer-regel.",
    )
    datum_voluit = forms.BooleanField(
        label="Datum voluit schrijven",
        required=False,
        help_text="14 maart 2019 in plaats van 14-03-2019.",
    )
    uitgangspunten = forms.ChoiceField(
        label="Uitgangspunten", choices=UitgangspuntWeergave.choices, widget=forms.RadioSelect
    )
    soortkoppen = forms.BooleanField(
        label="Soortkoppen tonen",
        required=False,
        help_text="Een kop per soort uitgangspunt, zoals 'Strategisch uitgangspunt', en de "
        "soort document boven de titel.",
    )

    label_aan = _label("Aan")
    label_van = _label("Van")
    label_betreft = _label("Betreft")
    label_datum = _label("Datum")
    label_kenmerk = _label("Kenmerk")
    label_zaaknummer = _label("Zaaknummer")

    kop_velden = [v for v in KOP_VELDEN if v != "titel"]
    opmaak_velden = tuple(OPMAAK_STANDAARD)

    @classmethod
    def voor(cls, document: Document, **kwargs):
        opmaak = OPMAAK_STANDAARD | (document.opmaak or {})
        labels = {f"label_{k}": v for k, v in (document.kop_labels or {}).items()}
        return cls(initial=opmaak | labels | {"revisie": document.revisie}, **kwargs)

    def opmaak(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.opmaak_velden}

    def kop_labels(self) -> dict:
        return {k: self.cleaned_data[f"label_{k}"] for k in self.kop_velden}


class UitgangspuntForm(RevisieForm):
    titel = forms.CharField(label="Korte titel", validators=[_lengte(MAX_TITEL, "De titel")])
    uitleg = Opmaaktekst(
        label="Uitleg",
        required=False,
        strip=False,
        wat="De uitleg",
        widget=forms.Textarea(attrs={"rows": 4, "class": "app-editor__tekst"}),
    )

    @classmethod
    def voor(cls, up: Uitgangspunt, **kwargs):
        return cls(
            initial={"titel": up.titel, "uitleg": up.uitleg, "revisie": up.revisie}, **kwargs
        )


class NieuwUitgangspuntForm(EenmaligVeld, forms.Form):
    soort = forms.ChoiceField(label="Soort", choices=UitgangspuntSoort.choices)
    voorziening = forms.ModelChoiceField(
        label="Voorziening",
        queryset=None,
        required=False,
        help_text="Alleen bij een uitgangspunt per voorziening.",
    )
    titel = forms.CharField(label="Korte titel", validators=[_lengte(MAX_TITEL, "De titel")])
    uitleg = Opmaaktekst(
        label="Uitleg", required=False, wat="De uitleg", widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, voorzieningen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voorziening"].queryset = voorzieningen

    def clean(self):
        data = super().clean()
        if data.get("soort") == UitgangspuntSoort.VOORZIENING and not data.get("voorziening"):
            self.add_error("voorziening", "Kies de voorziening waar dit uitgangspunt bij hoort.")
        return data


class FilterForm(forms.Form):
    soort = forms.ChoiceField(
        label="Soort", required=False, choices=[("", "Alle soorten"), *UitgangspuntSoort.choices]
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Alle statussen"), *UitgangspuntStatus.choices],
    )
    voorziening = forms.ModelChoiceField(
        label="Voorziening", queryset=None, required=False, empty_label="Alle voorzieningen"
    )

    def __init__(self, *args, voorzieningen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voorziening"].queryset = voorzieningen


class OvernemenForm(forms.Form):
    ACTIES = [
        ("herbevestigen", "Herbevestigen"),
        ("aanscherpen", "Aanscherpen"),
        ("vervallen", "Laten vervallen"),
    ]
    actie = forms.ChoiceField(choices=ACTIES)
    reden = LangeTekst(
        label="Reden van vervallen",
        required=False,
        wat="De reden",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht als u het uitgangspunt laat vervallen.",
    )

    def clean(self):
        data = super().clean()
        if data.get("actie") == "vervallen" and not (data.get("reden") or "").strip():
            self.add_error("reden", "Geef een reden op waarom dit uitgangspunt vervalt.")
        return data


class OntwikkelingenForm(RevisieForm):
    ontwikkelingen = Opmaaktekst(
        label="Ontwikkelingen", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class OpmerkingForm(EenmaligVeld, forms.Form):
    tekst = LangeTekst(
        label="Opmerking", wat="De opmerking", widget=forms.Textarea(attrs={"rows": 3})
    )
    sectie = forms.IntegerField(widget=forms.HiddenInput, required=False)
    uitgangspunt = forms.IntegerField(
        label="Over uitgangspunt",
        required=False,
        widget=forms.Select(choices=[("", "De hele sectie")]),
    )

    def __init__(self, *args, uitgangspunten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["uitgangspunt"].widget.choices = [("", "De hele sectie")] + [
            (u["id"], f"{u['nummer']}. {u['titel']}") for u in uitgangspunten
        ]


class VersieForm(forms.Form):
    toelichting = forms.CharField(
        label="Toelichting bij deze versie",
        required=False,
        validators=[_lengte(250, "De toelichting")],
        help_text="Bijvoorbeeld: voor het directieoverleg van 12 januari.",
    )


eenregelig_maken(globals())
