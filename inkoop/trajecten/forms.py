from django import forms

from inkoop.core.eenmalig import EenmaligVeld
from inkoop.core.revisie import RevisieVeld
from inkoop.core.velden import Datumveld
from inkoop.trajecten.models import Mijlpaal


class MijlpaalForm(EenmaligVeld, RevisieVeld, forms.ModelForm):
    class Meta:
        model = Mijlpaal
        fields = ["omschrijving", "datum", "periode", "gremium_soort", "status", "volgorde"]
        field_classes = {"datum": Datumveld}
        help_texts = {"volgorde": "Bepaalt de volgorde bij dezelfde datum of periode."}

    def clean(self):
        data = super().clean()
        if not data.get("datum") and not (data.get("periode") or "").strip():
            self.add_error("periode", "Vul een datum of een periode in, bijvoorbeeld 'Q1 2020' "
                                      "of 'nog te bepalen'.")  # fmt: skip
        return data
