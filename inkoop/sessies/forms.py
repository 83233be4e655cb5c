"""Forms for sessions, their minutes, input and the planning. Rules that must also hold for the
admin and commands live in inkoop/sessies/services.py; these forms check what a person types."""

from django import forms
from django.contrib.auth import get_user_model

from inkoop.besluitvorming.models import Voorstel
from inkoop.core.eenmalig import EenmaligVeld
from inkoop.core.revisie import RevisieVeld
from inkoop.core.velden import (
    Datumveld,
    Getal,
    LangeTekst,
    Meerkeuze,
    Opmaaktekst,
    TijdInvoer,
    eenregelig_maken,
)
from inkoop.sessies import services
from inkoop.sessies.constants import Aanwezigheid, ResultaatSoort, Verwerking
from inkoop.sessies.models import Actiepunt, Agendapunt, Conclusie, Gast, Inbreng, Sessie, Stelling
from inkoop.trajecten.models import Gremium, Traject
from uitgangspunten.models import Document, Uitgangspunt, Versie
from voorzieningen.models import Voorziening


def gebruikers_van_regio(regio):
    return (
        get_user_model()
        .objects.filter(roltoewijzingen__regio=regio, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class GebruikerKeuze(Meerkeuze):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class GebruikerEnkel(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


def voorzieningen_van(traject, regio):
    if traject is not None:
        return Voorziening.objects.filter(in_trajecten__traject=traject).order_by(
            "volgorde", "naam"
        )
    return Voorziening.objects.filter(regio=regio).order_by("volgorde", "naam")


class SessieForm(EenmaligVeld, RevisieVeld, forms.ModelForm):
    deelnemers = GebruikerKeuze(
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Deelnemers",
        help_text="Mensen met een rol in deze regio. Gasten van buiten voegt u op de "
        "sessiepagina toe.",
    )
    afgemeld = GebruikerKeuze(
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Afwezig met kennisgeving",
    )

    class Meta:
        model = Sessie
        fields = [
            "soort", "gremium", "traject", "titel", "doel", "datum", "begintijd", "eindtijd",
            "locatie", "deelnemers", "afgemeld", "aanwezigheid_notitie",
        ]  # fmt: skip
        field_classes = {"datum": Datumveld, "doel": Opmaaktekst}
        widgets = {
            "begintijd": TijdInvoer,
            "eindtijd": TijdInvoer,
            "doel": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.regio = regio
        self.fields["gremium"].queryset = Gremium.objects.filter(regio=regio)
        self.fields["traject"].queryset = Traject.objects.filter(regio=regio)
        self.fields["deelnemers"].queryset = gebruikers_van_regio(regio)
        self.fields["afgemeld"].queryset = gebruikers_van_regio(regio)

    def clean(self):
        data = super().clean()
        begin, eind = data.get("begintijd"), data.get("eindtijd")
        if eind and not begin:
            self.add_error("begintijd", "Vul ook de begintijd in als u een eindtijd opgeeft.")
        elif begin and eind and eind <= begin:
            self.add_error("eindtijd", "De eindtijd ligt na de begintijd.")
        dubbel = set(data.get("deelnemers") or ()) & set(data.get("afgemeld") or ())
        if dubbel:
            namen = ", ".join(sorted(u.get_full_name() or u.get_username() for u in dubbel))
            self.add_error("afgemeld", f"Wie aanwezig was, is niet ook afgemeld: {namen}.")
        return data


class VerslagInleidingForm(RevisieVeld, forms.ModelForm):
    class Meta:
        model = Sessie
        fields = ["verslag_inleiding"]
        field_classes = {"verslag_inleiding": Opmaaktekst}
        widgets = {"verslag_inleiding": forms.Textarea(attrs={"rows": 6})}


class _OnderdeelForm(EenmaligVeld, RevisieVeld, forms.ModelForm):
    """An item of a session page; gets the session so choices stay inside its region."""

    def __init__(self, *args, sessie, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessie = sessie
        if "voorziening" in self.fields:
            self.fields["voorziening"].queryset = voorzieningen_van(sessie.traject, sessie.regio)
            self.fields["voorziening"].empty_label = "Algemeen (geen voorziening)"
        # Where the item stands in the minutes: under an agenda item, or with a statement.
        if "agendapunt" in self.fields:
            self.fields["agendapunt"].queryset = Agendapunt.objects.filter(sessie=sessie)
            self.fields["agendapunt"].empty_label = "Geen agendapunt (algemeen)"
        if "stelling" in self.fields:
            self.fields["stelling"].queryset = Stelling.objects.filter(sessie=sessie)
            self.fields["stelling"].empty_label = "Bij geen stelling"


class GastForm(_OnderdeelForm):
    class Meta:
        model = Gast
        fields = ["naam", "organisatie", "rol", "aanwezigheid"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanwezigheid"].required = False

    def clean_aanwezigheid(self):
        return self.cleaned_data.get("aanwezigheid") or Aanwezigheid.AANWEZIG


class AgendapuntForm(_OnderdeelForm):
    class Meta:
        model = Agendapunt
        fields = ["volgorde", "titel", "inleiding", "document", "versie", "voorziening", "voorstel"]
        field_classes = {"inleiding": LangeTekst}
        widgets = {"inleiding": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, sessie, **kwargs):
        super().__init__(*args, sessie=sessie, **kwargs)
        documenten = Document.objects.filter(traject__regio=sessie.regio)
        if sessie.traject_id:
            documenten = documenten.filter(traject=sessie.traject)
        self.fields["document"].queryset = documenten.order_by("titel")
        self.fields["versie"].queryset = Versie.objects.filter(
            document__in=documenten
        ).select_related("document")
        self.fields["versie"].label_from_instance = lambda v: (
            f"{v.document.titel}, versie {v.nummer}"
        )
        self.fields["voorstel"].queryset = Voorstel.objects.filter(traject__regio=sessie.regio)
        self.fields["voorziening"].empty_label = "Geen voorziening"
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("volgorde", sessie.agendapunten.count() + 1)

    def clean(self):
        data = super().clean()
        document, versie = data.get("document"), data.get("versie")
        if versie and document and versie.document_id != document.pk:
            self.add_error("versie", "Deze versie hoort niet bij het gekozen document.")
        return data


class ConclusieForm(_OnderdeelForm):
    class Meta:
        model = Conclusie
        fields = ["agendapunt", "stelling", "voorziening", "tekst"]
        field_classes = {"tekst": LangeTekst}
        widgets = {"tekst": forms.Textarea(attrs={"rows": 3})}


class InbrengForm(_OnderdeelForm):
    class Meta:
        model = Inbreng
        fields = [
            "soort", "agendapunt", "stelling", "voorziening", "tekst", "antwoord", "bron_soort",
            "bron_naam",
        ]  # fmt: skip
        field_classes = {"tekst": LangeTekst, "antwoord": LangeTekst}
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 3}),
            "antwoord": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"bron_naam": "Bijvoorbeeld de naam van de aanbieder of adviesraad."}


AANTAL_FOUTEN = {"min_value": "Een aantal is 0 of meer.", "invalid": "Vul een heel getal in."}


class StellingForm(_OnderdeelForm):
    resultaat_soort = forms.ChoiceField(
        label="Soort resultaat", choices=ResultaatSoort.choices, widget=forms.RadioSelect
    )
    eens = forms.IntegerField(
        label="Aantal eens", min_value=0, required=False, error_messages=AANTAL_FOUTEN
    )
    oneens = forms.IntegerField(
        label="Aantal oneens", min_value=0, required=False, error_messages=AANTAL_FOUTEN
    )
    schaal_gemiddelde = Getal(
        label="Gemiddelde score",
        max_digits=5,
        decimal_places=2,
        required=False,
        localize=True,
        help_text="Zoals de bron het geeft, bijvoorbeeld 3,8.",
    )
    schaal_min = forms.IntegerField(
        label="Laagste score", min_value=0, max_value=99, initial=1, required=False,
        error_messages=AANTAL_FOUTEN,
    )  # fmt: skip
    schaal_max = forms.IntegerField(
        label="Hoogste score", min_value=1, max_value=100, initial=5, required=False,
        error_messages=AANTAL_FOUTEN,
    )  # fmt: skip
    schaal_n = forms.IntegerField(
        label="Aantal antwoorden (n)", min_value=0, required=False, error_messages=AANTAL_FOUTEN
    )

    class Meta:
        model = Stelling
        fields = [
            "tekst", "agendapunt", "voorziening", "resultaat_soort", "eens", "oneens", "keuzes",
            "schaal_min", "schaal_max", "schaal_label_min", "schaal_label_max",
            "schaal_gemiddelde", "schaal_n", "woorden", "verwijzing", "toelichting",
        ]  # fmt: skip
        field_classes = {"woorden": LangeTekst, "toelichting": Opmaaktekst, "keuzes": LangeTekst}
        widgets = {
            "woorden": forms.Textarea(attrs={"rows": 2}),
            "keuzes": forms.Textarea(attrs={"rows": 3}),
            "toelichting": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"toelichting": "Bespreking"}
        help_texts = {
            "woorden": "Gescheiden door komma's of op nieuwe regels; een aantal mag erachter, "
            "zoals 'samenwerking (5)'.",
            "schaal_label_min": "Bijvoorbeeld 'helemaal oneens'.",
            "schaal_label_max": "Bijvoorbeeld 'helemaal eens'.",
        }

    def clean(self):
        data = super().clean()
        soort = data.get("resultaat_soort")
        if not soort:
            return data
        for veld, melding in services.resultaat_fouten(soort, data).items():
            if veld not in self.errors:
                self.add_error(veld, melding)
        # Only the fields of the chosen kind are kept.
        for andere, velden in services.RESULTAATVELDEN.items():
            if andere != soort:
                for veld in velden:
                    data[veld] = Stelling._meta.get_field(veld).get_default()
        return data

    def clean_schaal_min(self):
        return 1 if self.cleaned_data.get("schaal_min") is None else self.cleaned_data["schaal_min"]

    def clean_schaal_max(self):
        return 5 if self.cleaned_data.get("schaal_max") is None else self.cleaned_data["schaal_max"]


class ActiepuntForm(_OnderdeelForm):
    eigenaar_gebruiker = GebruikerEnkel(
        queryset=get_user_model().objects.none(),
        required=False,
        label="Eigenaar (gebruiker)",
        empty_label="Geen gebruiker",
    )

    class Meta:
        model = Actiepunt
        fields = [
            "omschrijving", "agendapunt", "stelling", "eigenaar_gebruiker", "eigenaar",
            "deadline", "afgerond",
        ]  # fmt: skip
        field_classes = {"deadline": Datumveld}
        labels = {"eigenaar": "Eigenaar (vrije tekst)"}
        help_texts = {"eigenaar": "Als de eigenaar geen gebruiker is, bijvoorbeeld 'Team inkoop'."}

    def __init__(self, *args, sessie, **kwargs):
        super().__init__(*args, sessie=sessie, **kwargs)
        self.fields["eigenaar_gebruiker"].queryset = gebruikers_van_regio(sessie.regio)

    def clean(self):
        data = super().clean()
        if not data.get("eigenaar_gebruiker") and not (data.get("eigenaar") or "").strip():
            self.add_error("eigenaar", "Kies een gebruiker of vul een eigenaar in.")
        return data


class VerslagVaststellenForm(EenmaligVeld, forms.Form):
    verslag_van = forms.ModelChoiceField(
        queryset=Sessie.objects.none(),
        label="Verslag van sessie",
        empty_label="Kies een sessie",
    )
    toelichting = LangeTekst(
        label="Toelichting", required=False, wat="De toelichting",
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip

    def __init__(self, *args, keuzes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verslag_van"].queryset = keuzes


class EigenVerslagVaststellenForm(EenmaligVeld, forms.Form):
    """Adopt this session's own minutes: by a body's decision, or by the secretary when no
    later session of the body will."""

    DOOR_GREMIUM, DOOR_SECRETARIS = "gremium", "secretaris"
    wijze = forms.ChoiceField(
        label="Vastgesteld door",
        choices=[
            (DOOR_GREMIUM, "Een besluit van een gremium"),
            (DOOR_SECRETARIS, "De secretaris (er is geen latere sessie)"),
        ],
        widget=forms.RadioSelect,
    )
    gremium = forms.ModelChoiceField(
        queryset=Gremium.objects.none(), label="Gremium", required=False,
        empty_label="Kies een gremium",
    )  # fmt: skip
    datum = Datumveld(label="Datum van vaststelling")
    notitie = LangeTekst(
        label="Notitie", required=False, wat="De notitie",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Bij de secretaris verplicht, bijvoorbeeld 'na reacties per e-mail'.",
    )  # fmt: skip

    def __init__(self, *args, sessie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gremium"].queryset = Gremium.objects.filter(regio_id=sessie.regio_id)

    def clean(self):
        data = super().clean()
        if data.get("wijze") == self.DOOR_GREMIUM and not data.get("gremium"):
            self.add_error("gremium", "Kies het gremium dat het verslag vaststelde.")
        return data


class VerwerkingForm(RevisieVeld, forms.ModelForm):
    """Which principles an input item concerns, and what was done with it."""

    uitgangspunten = Meerkeuze(
        queryset=Uitgangspunt.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Betreft uitgangspunten",
    )
    verwerking = forms.ChoiceField(
        label="Wat is ermee gedaan", choices=Verwerking.choices, widget=forms.RadioSelect,
        required=False,
    )  # fmt: skip

    class Meta:
        model = Inbreng
        fields = ["uitgangspunten", "verwerking", "verwerking_toelichting"]
        field_classes = {"verwerking_toelichting": LangeTekst}
        widgets = {"verwerking_toelichting": forms.Textarea(attrs={"rows": 3})}
        labels = {"verwerking_toelichting": "Waarom"}
        help_texts = {"verwerking_toelichting": "Verplicht, behalve bij 'kennisgenomen'."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["uitgangspunten"].queryset = (
            Uitgangspunt.objects.filter(traject_id=self.instance.traject_id)
            .select_related("voorziening", "perceel")
            .order_by("soort", "voorziening__volgorde", "voorziening__naam", "volgorde", "pk")
        )

    def groepen(self):
        """The checkboxes grouped by kind or service, for one fieldset per group."""
        veld = self["uitgangspunten"]
        per_id = {u.pk: u for u in self.fields["uitgangspunten"].queryset}
        groepen = {}
        for keuze in veld:
            up = per_id.get(int(str(keuze.data["value"])))
            if up is None:
                continue
            if up.voorziening_id:
                naam = up.voorziening.naam
            elif up.perceel_id:
                naam = str(up.perceel)
            else:
                naam = up.get_soort_display()
            groepen.setdefault(naam, []).append(keuze)
        return list(groepen.items())

    def clean(self):
        data = super().clean()
        verwerking = data.get("verwerking") or ""
        toelichting = (data.get("verwerking_toelichting") or "").strip()
        if verwerking not in ("", Verwerking.KENNISGENOMEN) and not toelichting:
            self.add_error(
                "verwerking_toelichting",
                "Leg uit waarom, behalve bij 'kennisgenomen'.",
            )
        return data


eenregelig_maken(globals())
