from django import forms

from inkoop.core.eenmalig import EenmaligVeld
from inkoop.core.velden import eenregelig_maken, lengte


class BijlageForm(EenmaligVeld, forms.Form):
    bestand = forms.FileField(
        label="Bestand",
        help_text="PDF, Word (.docx), Excel (.xlsx), PNG of JPEG; hoogstens 10 MB.",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )
    omschrijving = forms.CharField(
        label="Omschrijving",
        required=False,
        validators=[lengte(300, "De omschrijving")],
        help_text="Bijvoorbeeld 'Presentielijst' of 'Uitslag van de peiling'.",
    )


eenregelig_maken(globals())
