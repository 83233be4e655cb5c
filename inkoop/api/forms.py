from django import forms

from inkoop.core.velden import Meerkeuze
from regions.constants import Rol
from regions.models import Regio

from .services import TOEPASSING_ROLLEN


class SleutelForm(forms.Form):
    naam = forms.CharField(
        label="Naam van de toepassing", max_length=120,
        help_text="Bijvoorbeeld de raadpleegtool die inbreng aanlevert.",
    )  # fmt: skip
    rol = forms.ChoiceField(
        label="Rol van de toepassing",
        choices=[(r.value, r.label) for r in Rol if r in TOEPASSING_ROLLEN],
        initial=Rol.LEZER,
        help_text="Een lezer leest; een beleidsadviseur of secretaris levert ook inbreng aan.",
    )
    regios = Meerkeuze(
        label="Regio's", queryset=Regio.objects.none(), widget=forms.CheckboxSelectMultiple,
        help_text="De sleutel werkt alleen in deze regio's.",
    )  # fmt: skip

    def __init__(self, *args, regios, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regios"].queryset = regios
        self.fields["regios"].error_messages.update(
            required="Kies minstens één regio.",
            invalid_choice="In deze regio geeft u geen sleutels uit; kies opnieuw.",
        )
