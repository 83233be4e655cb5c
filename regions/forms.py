import re

from django import forms

from inkoop.core.kleur import contrast
from inkoop.core.revisie import RevisieVeld
from inkoop.core.velden import eenregelig_maken

from .models import Huisstijl

MIN_CONTRAST = 4.5  # WCAG 2.1 AA for text on white paper
KLEUR_PATROON = re.compile(r"#[0-9a-fA-F]{6}")


class HuisstijlForm(RevisieVeld, forms.ModelForm):
    logo_bestand = forms.FileField(
        label="Logo (SVG of PNG, hoogstens 500 kB)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".svg,.png,image/svg+xml,image/png"}),
    )
    logo_weg = forms.BooleanField(label="Logo verwijderen", required=False)

    class Meta:
        model = Huisstijl
        fields = [
            "naam",
            "kleur_koppen",
            "kleur_accent",
            "lijn_onder_briefhoofd",
            "voettekst",
            "label_betreft",
        ]
        widgets = {
            "kleur_koppen": forms.TextInput(attrs={"type": "color"}),
            "kleur_accent": forms.TextInput(attrs={"type": "color"}),
        }

    def _leesbaar(self, veld):
        kleur = self.cleaned_data.get(veld, "")
        if kleur and not KLEUR_PATROON.fullmatch(kleur):
            raise forms.ValidationError("Geef een kleur als #RRGGBB, bijvoorbeeld #154273.")
        if kleur and contrast(kleur) < MIN_CONTRAST:
            verhouding = f"{contrast(kleur):.1f}".replace(".", ",")
            raise forms.ValidationError(
                f"Deze kleur is te licht voor tekst op wit papier (contrast {verhouding}:1, "
                "minimaal 4,5:1). Kies een donkerder kleur."
            )
        return kleur

    def clean_kleur_koppen(self):
        return self._leesbaar("kleur_koppen")

    def clean_kleur_accent(self):
        return self._leesbaar("kleur_accent")


eenregelig_maken(globals())
