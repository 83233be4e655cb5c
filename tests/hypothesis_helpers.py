"""Hostile and random input for forms and text, shared by the property-based tests.

`assert_form_robust(form_class, instance_factory=None, ...)` feeds a form random and hostile
data (per field: missing, empty, hostile text, random text, or a plausible value such as a valid
choice) and asserts, for every example:

- no exception other than a validation error escapes from is_valid() or save();
- every error message is Dutch (no Django default left untranslated);
- an invalid form saves nothing: the number of rows of every model of our apps, and the bound
  instance as stored, are unchanged;
- a valid form saves without error (every example is rolled back, so examples don't pile up).

Use it for any new form:

    def test_sessieformulier_robuust(regio):
        assert_form_robust(SessieForm, lambda: SessieFactory(regio=regio),
                           form_kwargs={"regio": regio}, max_examples=60)

`hostile_text()` is the matching strategy for free text (also used by the markdown tests).
"""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EIGEN_APPS = ("regions", "voorzieningen", "inkoop", "uitgangspunten", "auth")

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<object data=x></object>",
    "<embed src=x>",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](java\tscript:alert(1))",
    "[klik](&#106;avascript:alert(1))",
    "[klik](&#x6A;avascript:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![plaatje](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[klik](vbscript:msgbox(1))",
    "<a href='x' onclick='alert(1)'>x</a>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    "<div style=\"background:url('javascript:alert(1)')\">",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<base href=//evil.example/>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<details open ontoggle=alert(1)>",
    "[^1]\n\n[^1]: <script>alert(1)</script>",
    "| a | b |\n|---|---|\n| <script> | [x](javascript:1) |",
    "`<script>`",
    "```\n<script>alert(1)</script>\n```",
    "<https://example.org>",
    "<javascript:alert(1)>",
    "{{ request.user }}{% debug %}",
    "'; DROP TABLE regions_regio; --",
    "\x00\x01\x1b[31m",
    "\u202e\u200b\ufeff",
    "𝕳𝖊𝖑𝖑𝖔 🏳️‍🌈 ﷽",
    "a" * 300,
    "-1",
    "1e309",
    "NaN",
    "9" * 30,
    "2026-02-30",
    "31-12-2026",
    "",
    " ",
]


def hostile_text(max_size: int = 12):
    """Random text made of hostile fragments, random unicode and markdown punctuation."""
    fragment = st.one_of(
        st.sampled_from(HOSTILE),
        st.text(max_size=40),
        st.sampled_from(["<", ">", '"', "'", "=", "(", ")", "[", "]", "\n", "\n\n", "*", "_",
                         "#", "|", "`", ":", "&", ";", "on", "javascript", "data", "\\"]),
    )  # fmt: skip
    return st.lists(fragment, max_size=max_size).map("".join)


ENGELS = re.compile(
    r"\b(this field|field is required|enter a|select a valid|ensure this|must be|"
    r"characters|is not|valid|value|the|please|password)\b",
    re.I,
)


def is_nederlands(melding: str) -> bool:
    return not ENGELS.search(melding)


def _waarde(veld: forms.Field):
    """A strategy of plausible and implausible values for one form field."""
    opties = [st.none(), st.just(""), hostile_text(6)]
    if isinstance(veld, forms.ModelMultipleChoiceField):
        pks = list(veld.queryset.values_list("pk", flat=True)[:20])
        opties.append(st.lists(st.sampled_from(pks or [1]) | st.integers(), max_size=3))
    elif isinstance(veld, forms.ModelChoiceField):
        pks = list(veld.queryset.values_list("pk", flat=True)[:20])
        if pks:
            opties.append(st.sampled_from(pks).map(str))
        opties.append(st.integers().map(str))
    elif isinstance(veld, forms.MultipleChoiceField):
        keuzes = [str(k) for k, _ in veld.choices if k != ""]
        if keuzes:
            opties.append(st.lists(st.sampled_from(keuzes), max_size=3))
    elif isinstance(veld, forms.ChoiceField):
        keuzes = [str(k) for k, _ in veld.choices if not isinstance(_, list | tuple)]
        if keuzes:
            opties.append(st.sampled_from(keuzes))
    elif isinstance(veld, forms.BooleanField):
        opties.append(st.sampled_from(["on", "true", "false", "1", "0"]))
    elif isinstance(veld, forms.DecimalField | forms.FloatField | forms.IntegerField):
        opties += [
            st.integers(min_value=-(10**15), max_value=10**15).map(str),
            st.decimals(allow_nan=True, allow_infinity=True, places=3).map(str),
        ]
    elif isinstance(veld, forms.DateTimeField):
        opties.append(st.datetimes().map(lambda d: d.strftime("%Y-%m-%d %H:%M")))
    elif isinstance(veld, forms.DateField):
        opties.append(st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1)).map(str))
    elif isinstance(veld, forms.TimeField):
        opties.append(st.times().map(lambda t: t.strftime("%H:%M")))
    else:
        opties.append(st.text(max_size=300))
    return st.one_of(*opties)


def form_data(form: forms.BaseForm):
    """A strategy of POST-like dicts for a form instance (missing fields left out)."""
    velden = {naam: _waarde(veld) for naam, veld in form.fields.items()}
    return st.fixed_dictionaries({}, optional=velden).map(
        lambda d: {k: v for k, v in d.items() if v is not None}
    )


def tellingen() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label in EIGEN_APPS
    }


def _opgeslagen(instance):
    if instance is None or instance.pk is None:
        return None
    vers = type(instance)._default_manager.get(pk=instance.pk)
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in model_to_dict(vers).items()}


def _vlak(errors) -> list[str]:
    meldingen = []
    for lijst in errors.values():
        for e in lijst:
            meldingen.append(str(e))
    return meldingen


class _Terugdraaien(Exception):
    pass


def assert_form_robust(
    form_class,
    instance_factory=None,
    *,
    form_kwargs=None,
    form_args=(),
    data_strategy=None,
    max_examples: int = 50,
    instance_kwarg: str = "instance",
):
    """Property: random and hostile data never breaks the form (see the module docstring).

    form_class: the form. instance_factory: called once, returns the object a ModelForm edits
    (or None for a create form). form_kwargs / form_args: passed to every form (e.g. request,
    user, regio). data_strategy: override the generated data (a strategy of dicts).
    instance_kwarg: the keyword the instance goes in ("instance"; "user" for password forms).
    """
    form_kwargs = dict(form_kwargs or {})
    instance = instance_factory() if instance_factory else None
    if instance is not None and instance_kwarg:
        form_kwargs[instance_kwarg] = instance
    strategie = data_strategy or form_data(form_class(*form_args, **form_kwargs))
    gezien = {"geldig": 0, "ongeldig": 0}

    @settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(data=strategie)
    def eigenschap(data):
        # Each example runs in a transaction that is rolled back: examples stay independent.
        try:
            with transaction.atomic():
                voorbeeld(data)
                raise _Terugdraaien
        except _Terugdraaien:
            pass

    def voorbeeld(data):
        voor_tellingen = tellingen()
        voor_instance = _opgeslagen(instance)
        if instance is not None:
            instance.refresh_from_db()
        form = form_class(*form_args, data=data, **form_kwargs)
        try:
            geldig = form.is_valid()
        except ValidationError as exc:  # pragma: no cover - forms must not raise
            raise AssertionError(f"is_valid() gooide een ValidationError: {exc}") from exc
        if geldig:
            gezien["geldig"] += 1
            if hasattr(form, "save"):
                form.save()
        else:
            gezien["ongeldig"] += 1
            meldingen = _vlak(form.errors)
            assert meldingen, "ongeldig formulier zonder melding"
            engels = [m for m in meldingen if not is_nederlands(m)]
            assert not engels, f"niet-Nederlandse meldingen: {engels} bij {data!r}"
            assert tellingen() == voor_tellingen, f"half opgeslagen bij {data!r}"
            assert _opgeslagen(instance) == voor_instance, f"object gewijzigd bij {data!r}"

    eigenschap()
    return gezien


# ---------- Request parameters: every URL pattern, every parameter ----------

# Values that broke pages before (issue 11, item 13) are only seeds; the strategy below draws
# from whole classes: Unicode digits and numbers ("²" passes str.isdigit(), int() refuses it),
# NUL and control characters, ids no column holds, dates and periods outside any calendar,
# addresses that are no path, and random text.
VIJANDIGE_PARAMETERS = [
    "²", "¹²", "٣", "௫", "Ⅻ", "½", "1\x00", "\x00", "a\x00b", "-1", "0", "+1", " 1", "1 ",
    str(2**31), str(2**63), str(2**64), "9" * 30, "1e5", "1.5", "0x1f", "verder", "//evil.example",
    "https://evil.example/", "javascript:alert(1)", "Q1 0000", "Q4 9999", "H1 0000", "0000",
    "maart 0000", "9999-12-31", "0001-01-01", "0000-00-00", "2026-02-30", "31-12-9999",
    "concept", "op", "neer", "1,2,3", "1,²", ",", "%00", "\r\nX-Kop: x",
]  # fmt: skip


def parameterklassen(ids=()) -> list:
    """Strategies, one per class of bad parameter value; a sweep gives every parameter a value
    of every class."""
    cijfer = st.characters(categories=["No", "Nl"])
    return [
        # Unicode digits and numbers: "²" passes str.isdigit(), int() refuses it.
        st.lists(st.one_of(cijfer, st.sampled_from("0123456789")), min_size=1, max_size=4)
        .filter(lambda t: any(not c.isascii() for c in t))
        .map("".join),
        # NUL and control characters (PostgreSQL refuses NUL in text: a DataError).
        st.tuples(st.text(max_size=3), st.text(alphabet="\x00\x01\x1b\r\n", min_size=1)).map(
            lambda t: t[0] + "\x00" + t[1]
        ),
        # Numbers no column holds, negative, fractional, exponent.
        st.one_of(
            st.integers(min_value=2**31).map(str),
            st.integers(max_value=0).map(str),
            st.sampled_from(["1.5", "1e5", "0x1f", "+1", " 1", "1,2", "NaN", "9" * 30]),
        ),
        # Dates and periods outside any calendar, and impossible ones.
        st.one_of(
            st.dates().map(dt.date.isoformat),
            st.sampled_from(
                [
                    "0000-00-00",
                    "2026-02-30",
                    "31-12-9999",
                    "Q1 0000",
                    "H2 0000",
                    "maart 0000",
                    "0000",
                    "Q4 99999",
                    "0001-01-01",
                    "9999-12-31",
                ]
            ),
        ),  # fmt: skip
        # Addresses that are no path on this site, and header injection.
        st.sampled_from(
            [
                "verder",
                "//evil.example",
                "https://evil.example/",
                "javascript:1",
                "/\\evil.example",
                "\r\nX-Kop: x",
                "%00",
                "concept",
                "op",
            ]
        ),
        # Real ids of other objects (a valid number, the wrong object).
        st.sampled_from([str(i) for i in ids] or ["1"]),
        # Several values for one name.
        st.lists(st.sampled_from(VIJANDIGE_PARAMETERS), min_size=2, max_size=3),
        hostile_text(3),
    ]


def vijandige_parameter(ids=()):
    """A strategy for one request parameter value (a string, sometimes a list of them)."""
    return st.one_of(st.sampled_from(VIJANDIGE_PARAMETERS), *parameterklassen(ids))


PARAMETER_PATROON = re.compile(
    r"""(?:GET|POST|data)\s*(?:\.get(?:list)?\(\s*|\[\s*)["']([a-z_]+)["']"""
)


def parameternamen_in_bestand(pad) -> set[str]:
    """Every name a module reads from request.GET / request.POST (or a `data` mapping)."""
    return set(PARAMETER_PATROON.findall(Path(pad).read_text()))
