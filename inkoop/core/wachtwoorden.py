"""Password validation with Dutch messages and a Dutch list of common passwords.

Django 5.2 reworded the minimum-length message and its Dutch translation has not caught up, so
the check would speak English in a Dutch interface. This subclass says the same in Dutch.

Django's own list of common passwords is English: "wachtwoord123" and "welkom2026" passed it.
`VeelgebruiktWachtwoord` checks Django's list and a Dutch one (wachtwoorden_nl.txt: words people
in Dutch offices use: wachtwoord, welkom, the town, the club, the month), also with the digits
and signs around the word taken off, because "Welkom2026!" is "welkom" to anyone guessing.
`GenoegVerschillendeTekens` refuses passwords that are long only by repetition
("aaaaaaaaaaaa", "abababababab").
"""

import re
from pathlib import Path

from django.contrib.auth.password_validation import (
    CommonPasswordValidator,
    MinimumLengthValidator,
)
from django.core.exceptions import ValidationError

NEDERLANDSE_LIJST = Path(__file__).with_name("wachtwoorden_nl.txt")
_RAND = re.compile(r"^[\W\d_]+|[\W\d_]+$")


class MinimumLengte(MinimumLengthValidator):
    def get_error_message(self):
        return f"Dit wachtwoord is te kort. Het moet minstens {self.min_length} tekens bevatten."

    def get_help_text(self):
        return f"Uw wachtwoord moet minstens {self.min_length} tekens lang zijn."


class VeelgebruiktWachtwoord(CommonPasswordValidator):
    """Django's list of common passwords plus a Dutch one; the word without the digits and
    signs around it counts too."""

    def __init__(self, password_list_path=CommonPasswordValidator.DEFAULT_PASSWORD_LIST_PATH):
        super().__init__(password_list_path)
        self.passwords |= {
            regel.strip().lower()
            for regel in NEDERLANDSE_LIJST.read_text(encoding="utf-8").splitlines()
            if regel.strip()
        }

    def validate(self, password, user=None):
        kandidaten = {password.lower().strip(), _RAND.sub("", password.lower().strip())}
        if kandidaten & self.passwords:
            raise ValidationError(
                "Dit wachtwoord is te algemeen: het wordt veel gebruikt en is snel te raden.",
                code="password_too_common",
            )

    def get_help_text(self):
        return "Uw wachtwoord mag geen veelgebruikt wachtwoord of woord zijn."


class GenoegVerschillendeTekens:
    """At least `min_tekens` different characters: length by repetition adds no strength."""

    def __init__(self, min_tekens=6):
        self.min_tekens = min_tekens

    def validate(self, password, user=None):
        if len(set(password.lower())) < self.min_tekens:
            raise ValidationError(
                f"Dit wachtwoord herhaalt te veel dezelfde tekens. Gebruik minstens "
                f"{self.min_tekens} verschillende tekens.",
                code="password_too_repetitive",
            )

    def get_help_text(self):
        return f"Uw wachtwoord bevat minstens {self.min_tekens} verschillende tekens."
