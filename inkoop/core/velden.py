"""Form fields shared by the process forms."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe

from inkoop.core.regels import geen_regeleinde

# The largest id a 64-bit integer column holds.
GROOTSTE_ID = 2**63 - 1


def _als_id(waarde) -> int | None:
    """The whole number in `waarde` if it is one an id column can hold, else None. Only ASCII
    digits: "²" passes str.isdigit() but int() refuses it, and "١٢" is no id anyone typed."""
    tekst = str(waarde).strip()
    if not tekst.isascii() or not tekst.lstrip("-").isdigit():
        return None
    getal = int(tekst)
    return getal if abs(getal) <= GROOTSTE_ID else None


class Meerkeuze(forms.ModelMultipleChoiceField):
    """A choice of several objects that refuses what no id column holds: a number beyond 64
    bits (SQLite raised OverflowError, a 500) or anything that is no plain number ("²", NUL),
    with the usual Dutch message instead of a server error."""

    def _check_values(self, value):
        for pk in value:
            if _als_id(pk) is None:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(pk)},
                )
        return super()._check_values(value)


class IdVeld(forms.IntegerField):
    """The id of an object in a request parameter (?gremium=, POST sectie): a plain positive
    number an id column holds."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(min_value=1, max_value=GROOTSTE_ID, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if _als_id(value) is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(str(value).strip())


def parameter(data, naam: str, veld: forms.Field | None = None):
    """One request parameter through a form field: its clean value, or None when it is missing
    or not valid (a bad filter or preset is ignored, as if it was not given). Default: an id."""
    veld = veld or IdVeld()
    waarde = data.getlist(naam) if isinstance(veld, forms.MultipleChoiceField) else data.get(naam)
    try:
        return veld.clean(waarde)
    except ValidationError:
        return None


# Dates and years a person may enter anywhere in the app: a procurement round, a meeting, a
# decision or a deadline lies in this range. Outside it a date is a typing error ("0202") or an
# attack, and stored it would break pages that compute with it (agenda.ics adds a day).
EERSTE_DATUM = dt.date(2000, 1, 1)
LAATSTE_DATUM = dt.date(2100, 12, 31)


class DatumDelen(forms.MultiWidget):
    """The NL Design System date input: day, month and year in three boxes, each with its own
    label, inside the fieldset whose legend is the field's label (form_field.html). Typed
    values come back exactly as typed after an error. A post with the whole date under the
    field's own name (yyyy-mm-dd or 23-01-2027) is still read."""

    DELEN = (("dag", "Dag", 2), ("maand", "Maand", 2), ("jaar", "Jaar", 4))
    use_fieldset = True

    def __init__(self, attrs=None):
        super().__init__(
            {
                naam: forms.TextInput(attrs={"inputmode": "numeric", "size": breedte})
                for naam, _, breedte in self.DELEN
            },
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, str):
            value = _datum_uit_tekst(value)
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def id_for_label(self, id_):
        # The error summary links to the day box (Django's MultiWidget gives none).
        return f"{id_}_0" if id_ else ""

    def value_from_datadict(self, data, files, name):
        if name in data:
            return data.get(name)
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)
        delen = [
            format_html(
                '<div class="app-datum__deel app-datum__deel--{}">'
                '<label for="{}">{}</label>{}</div>',
                naam,
                sub["attrs"].get("id", ""),
                label,
                self.widgets[i].render(sub["name"], sub["value"], sub["attrs"], renderer),
            )
            for i, ((naam, label, _), sub) in enumerate(
                zip(self.DELEN, context["widget"]["subwidgets"], strict=True)
            )
        ]
        return format_html('<div class="app-datum">{}</div>', mark_safe("".join(delen)))


def _datum_uit_tekst(tekst: str) -> dt.date | None:
    for formaat in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(tekst.strip(), formaat).date()
        except ValueError:
            continue
    return None


class TijdInvoer(forms.TimeInput):
    """A time picker: <input type="time"> only accepts HH:MM."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


def datum_in_bereik(datum):
    if datum is not None and not EERSTE_DATUM <= datum <= LAATSTE_DATUM:
        raise ValidationError(
            f"Kies een datum tussen {EERSTE_DATUM:%d-%m-%Y} en {LAATSTE_DATUM:%d-%m-%Y}.",
            code="buiten_bereik",
        )


class Datumveld(forms.DateField):
    """A date a person enters: day, month and year (DatumDelen), a whole date in ISO or Dutch
    notation also accepted, and a sensible range (EERSTE_DATUM to LAATSTE_DATUM)."""

    widget = DatumDelen
    default_validators = [datum_in_bereik]
    default_error_messages = {"invalid": "Vul een geldige datum in, bijvoorbeeld 23-01-2027."}

    def to_python(self, value):
        if not isinstance(value, (list, tuple)):
            return super().to_python(value)
        dag, maand, jaar = (str(deel or "").strip() for deel in value)
        if not (dag or maand or jaar):
            return None
        delen = zip(("de dag", "de maand", "het jaar"), (dag, maand, jaar), strict=True)
        ontbreekt = [naam for naam, deel in delen if not deel]
        if ontbreekt:
            raise ValidationError(f"Vul ook {' en '.join(ontbreekt)} in.", code="onvolledig")
        if not all(deel.isascii() and deel.isdigit() for deel in (dag, maand, jaar)):
            raise ValidationError("Vul de dag, de maand en het jaar in cijfers in.", code="invalid")
        try:
            return dt.date(int(jaar), int(maand), int(dag))
        except (ValueError, OverflowError):  # 31-02, or a number beyond a C int
            raise ValidationError(
                f"{dag}-{maand}-{jaar} bestaat niet: kies een bestaande datum.", code="invalid"
            ) from None


# The one limit of every long text a person types (section text, explanation, minutes, the
# parts of a proposal, notes): about eight pages. The form refuses more with a message at the
# field; nothing further on (editor, preview, PDF) ever cuts a text.
MAX_LANGE_TEKST = 20_000


def lengte(maximum: int, wat: str = "De tekst") -> MaxLengthValidator:
    """A length check that says, in Dutch, how long the text is and may be."""
    getal = f"{maximum:,}".replace(",", ".")
    return MaxLengthValidator(
        maximum, message=f"{wat} is te lang: maximaal {getal} tekens, nu %(show_value)s."
    )


class LangeTekst(forms.CharField):
    """A long text (a textarea) with the one limit MAX_LANGE_TEKST.

    The browser gets no maxlength: it would cut pasted text without a word, where the server
    says what is wrong and keeps what was typed."""

    widget = forms.Textarea

    def __init__(self, *, wat="De tekst", max_length=None, **kwargs):
        # A model column narrower than the limit (max_length) keeps its own, shorter limit.
        maximum = min(max_length or MAX_LANGE_TEKST, MAX_LANGE_TEKST)
        super().__init__(**kwargs)
        self.max_length = maximum
        self.validators.append(lengte(maximum, wat))

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class OpmaakInvoer(forms.Textarea):
    """The textarea of a formatted text (markdown, rendered by inkoop.core.markdown): the
    opmaakeditor (static/vendor/opmaakeditor, see docs/editor.md) puts a visual editor over it
    and keeps it filled with markdown; without JavaScript it is the plain textarea."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 6, **(attrs or {}), "data-opmaak": "markdown"})


class Opmaaktekst(LangeTekst):
    """A long formatted text: LangeTekst in the visual editor. Whatever the client sends is
    stored as text and only ever shown through inkoop.core.markdown.naar_html (nh3)."""

    widget = OpmaakInvoer

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(self.widget, OpmaakInvoer):
            # A form's Meta.widgets or widget= gave a plain Textarea: keep its attrs.
            self.widget = OpmaakInvoer(attrs=self.widget.attrs)


class Getal(forms.DecimalField):
    """A decimal number that is finite: Django's DecimalField takes "NaN", "sNaN" and "Infinity"
    as a value and only refuses them in validate(), while has_changed() and the admin's lock
    check compare them first, and comparing a signalling NaN raises InvalidOperation."""

    def to_python(self, value):
        getal = super().to_python(value)
        if getal is not None and not getal.is_finite():
            raise ValidationError("Vul een getal in.", code="invalid")
        return getal


class LokaalPad(forms.CharField):
    """A page of this site to go to next (?volgende=/documenten/1/): only a path on this host.
    "verder" (no path: redirect() would try it as a URL name, NoReverseMatch), "//evil.example"
    or "/\\evil.example" (another host) are refused."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(max_length=2000, **kwargs)

    def validate(self, value):
        super().validate(value)
        if value and not (
            value.startswith("/")
            and url_has_allowed_host_and_scheme(value, allowed_hosts=set())
            and value.isprintable()
        ):
            raise ValidationError("Dit is geen pagina van deze site.", code="geen_pad")


def eenregelig_maken(namespace: dict) -> None:
    """Call at the end of a forms module (`eenregelig_maken(globals())`): every single-line text
    field of its forms refuses a line break with a message at the field. A browser never sends
    one from such a field; a forged post or a paste into an API would put it in a title, and
    from there into an e-mail subject (Django refuses to send it) or a log line."""
    for klasse in list(namespace.values()):
        if not (isinstance(klasse, type) and issubclass(klasse, forms.BaseForm)):
            continue
        for veld in klasse.base_fields.values():
            if (
                isinstance(veld, forms.CharField)
                and not isinstance(veld, LangeTekst)
                and not isinstance(
                    veld.widget, forms.Textarea | forms.HiddenInput | forms.PasswordInput
                )
                and geen_regeleinde not in veld.validators
            ):
                veld.validators.append(geen_regeleinde)
        for veld in klasse.base_fields.values():
            keuzelijst_benoemen(veld)


LEGE_KEUZE = "---------"


def keuzelijst_benoemen(veld) -> None:
    """No select starts on "---------" (issue 17, GOV.UK/NL Design System): a required choice
    says what to choose ("Kies een gremium"), an optional one says what empty means ("Geen")."""
    tekst = f"Kies een {str(veld.label or 'waarde').lower()}" if veld.required else "Geen"
    if isinstance(veld, forms.ModelChoiceField):
        if veld.empty_label == LEGE_KEUZE:
            veld.empty_label = tekst
    elif isinstance(veld, forms.ChoiceField) and not isinstance(veld.widget, forms.RadioSelect):
        keuzes = list(veld.choices)
        if keuzes and keuzes[0] == ("", LEGE_KEUZE):
            veld.choices = [("", tekst), *keuzes[1:]]
