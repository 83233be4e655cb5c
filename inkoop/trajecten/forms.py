import re

from django import forms

from inkoop.core.eenmalig import EenmaligVeld
from inkoop.core.revisie import RevisieVeld
from inkoop.core.velden import EERSTE_DATUM, LAATSTE_DATUM, Datumveld, eenregelig_maken
from inkoop.trajecten.models import Mijlpaal


class MijlpaalForm(EenmaligVeld, RevisieVeld, forms.ModelForm):
    class Meta:
        model = Mijlpaal
        fields = ["omschrijving", "datum", "periode", "gremium_soort", "status", "volgorde"]
        field_classes = {"datum": Datumveld}
        help_texts = {"volgorde": "Bepaalt de volgorde bij dezelfde datum of periode."}

    def clean_periode(self):
        periode = self.cleaned_data.get("periode") or ""
        jaren = [int(j) for j in re.findall(r"[0-9]{3,}", periode)]
        buiten = any(not EERSTE_DATUM.year <= j <= LAATSTE_DATUM.year for j in jaren)
        if buiten or any(c.isdigit() and not c.isascii() for c in periode):
            raise forms.ValidationError(
                f"Gebruik een jaar van {EERSTE_DATUM.year} tot en met {LAATSTE_DATUM.year} in "
                "gewone cijfers, bijvoorbeeld 'Q1 2027' of 'maart 2027'."
            )
        return periode

    def clean(self):
        data = super().clean()
        if not data.get("datum") and not (data.get("periode") or "").strip():
            self.add_error("periode", "Vul een datum of een periode in, bijvoorbeeld 'Q1 2020' "
                                      "of 'nog te bepalen'.")  # fmt: skip
        return data


eenregelig_maken(globals())
