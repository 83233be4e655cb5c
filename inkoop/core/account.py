"""Login form."""

from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator


class InlogFormulier(AuthenticationForm):
    """Django sets the username's max_length after the field is built, so the length is never
    validated and an overlong name reaches the backends; django-axes then writes it to a
    varchar(255) and PostgreSQL refuses (a 500). Validating here stops it at the form."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        veld = self.fields["username"]
        veld.validators.append(
            MaxLengthValidator(
                veld.max_length,
                message=f"Een gebruikersnaam heeft ten hoogste {veld.max_length} tekens.",
            )
        )
