"""The one kind of domain refusal, and the one place that puts it on a form.

Services raise `DomeinFout` when a rule refuses what a person asked (four eyes, a frozen
version, a body of another region). It is a Django `ValidationError`, so it can name the field
it belongs to, and model validation and services speak the same language; views turn it into
form errors with `naar_formulier` or show `str(fout)` as a message.
"""

from django.core.exceptions import ValidationError


class DomeinFout(ValidationError):
    """A rule of the domain refused the action; the message is Dutch, for the user."""

    def __str__(self):
        return " ".join(str(m) for m in self.messages)


def naar_formulier(form, fout: ValidationError) -> None:
    """Put a refusal on the form: on the field it names when the form has that field, else
    above the form, so the user sees it next to what they typed."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout.messages)


def foutregels(form, **rijen) -> list[dict]:
    """The lines of one error summary for a form and its formsets (`Sectie=formset`, ...), for
    `includes/foutoverzicht.html` with `regels=`: text and, for a visible field, its id."""
    bronnen = [("", form)] + [
        (f"{naam} {nummer}, ", rij)
        for naam, formset in rijen.items()
        for nummer, rij in enumerate(formset.forms, start=1)
    ]
    regels = [
        {"tekst": str(fout)} for formset in rijen.values() for fout in formset.non_form_errors()
    ]
    for voor, bron in bronnen:
        regels += [{"tekst": f"{voor}{fout}"} for fout in bron.non_field_errors()]
        for veld in bron:
            label = veld.label.lower() if voor else veld.label
            regels += [
                {
                    "tekst": f"{voor}{label}: {fout}",
                    "id": "" if veld.is_hidden else veld.id_for_label,
                }
                for fout in veld.errors
            ]
    return regels
