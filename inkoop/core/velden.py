"""Form fields shared by the process forms."""

from django import forms
from django.core.exceptions import ValidationError

# The largest id a 64-bit integer column holds.
GROOTSTE_ID = 2**63 - 1


class Meerkeuze(forms.ModelMultipleChoiceField):
    """A choice of several objects that refuses ids no database column can hold: SQLite raises
    OverflowError on them (a 500) where it should simply find nothing."""

    def _check_values(self, value):
        for pk in value:
            tekst = str(pk).strip()
            if tekst.lstrip("-").isdigit() and abs(int(tekst)) > GROOTSTE_ID:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": tekst},
                )
        return super()._check_values(value)
