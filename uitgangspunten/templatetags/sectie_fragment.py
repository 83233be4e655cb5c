"""{% sectie_html sectie %}: one section of a document's content, rendered once per content.

The section (uitgangspunten/inhoud.py) is plain data: its text, its principles, its services
table, figures and planning. The HTML of uitgangspunten/_sectie.html is a pure function of that
data, so it is cached (inkoop.core.fragmenten: shared by the worker processes) under a hash of
it. The fragment renders from the section alone (and the choices it compares with), not from
the page's context, so it cannot show anything that is not in its key. What the editor adds to
a section for the page around it (review comments, model objects) is no JSON and stays out of
the key; the fragment does not show it either.
"""

import json

from django import template
from django.template import Context
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from inkoop.core.fragmenten import fragment
from uitgangspunten.constants import SectieSoort, UitgangspuntStatus
from uitgangspunten.inhoud import voetnoten_nummeren

register = template.Library()

SECTIE = "uitgangspunten/_sectie.html"


def inhoud_van(sectie: dict) -> str:
    """The JSON of what the fragment shows: every value of the section that is plain data."""
    delen = {}
    for naam, waarde in sectie.items():
        try:
            delen[naam] = json.dumps(waarde, sort_keys=True)
        except TypeError:  # model objects the editor added for the page around the fragment
            continue
    return json.dumps(delen, sort_keys=True)


@register.filter
def voetnoten_genummerd(secties):
    """{% for sectie in inhoud.secties|voetnoten_genummerd %}: the sections with the footnote
    number each text continues from, as the PDF numbers them (its `voetnoot_begin` values are
    section data, so part of the fragment's key)."""
    return voetnoten_nummeren(secties)


@register.simple_tag(takes_context=True)
def sectie_html(context, sectie, oob=False):
    """`oob=True`: the section replaces its shown self out of band (htmx), when a save
    elsewhere changed its footnote numbers; a section open in its edit form has no such element
    and stays as it is."""
    sjabloon = context.template.engine.get_template(SECTIE)
    delen = (get_language(), get_script_prefix(), inhoud_van(sectie))
    html = fragment("sectie", delen, lambda: renderen(sjabloon, sectie))
    if oob:
        html = html.replace("<section ", '<section hx-swap-oob="true" ', 1)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine with autoescaping


def renderen(sjabloon, sectie) -> str:
    """The fragment from the section alone, with the choices _sectie.html compares with."""
    context = {"sectie": sectie, "SectieSoort": SectieSoort}
    return sjabloon.render(Context(context | {"UitgangspuntStatus": UitgangspuntStatus}))
