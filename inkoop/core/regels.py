"""One line of text: for e-mail subjects, log lines and single-line fields.

A title typed with a line break (a forged post, an import) would split a log line into a forged
second entry, and Django refuses to send a mail whose subject has one (BadHeaderError), so the
review e-mail silently stayed away. Single-line form fields refuse line breaks (`geen_regeleinde`,
inkoop.core.velden); what reaches a subject or a log line anyway goes through `een_regel`
(subjects) or `EenRegelFilter` (log records).
"""

import logging
import re

from django.core.exceptions import ValidationError

# Line breaks of every kind, and the other control characters.
REGELEINDE = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]")
STUURTEKEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def een_regel(tekst: str) -> str:
    """The text on one line: every line break and control character becomes one space."""
    return re.sub(r" {2,}", " ", STUURTEKEN.sub(" ", str(tekst))).strip()


def geen_regeleinde(waarde) -> None:
    """Validator for single-line fields: a browser never sends a line break in one."""
    if waarde and REGELEINDE.search(str(waarde)):
        raise ValidationError(
            "Dit veld past op één regel: haal de regeleinden weg.", code="regeleinde"
        )


class EenRegelFilter(logging.Filter):
    """Writes control characters in a log message as escapes ("\\n"), so user text can never
    start a forged log line. The traceback of an exception stays as it is (it is ours)."""

    def filter(self, record):
        bericht = record.getMessage()
        if STUURTEKEN.search(bericht):
            record.msg = STUURTEKEN.sub(
                lambda m: m[0].encode("unicode_escape").decode("ascii"), bericht
            )
            record.args = ()
        return True
