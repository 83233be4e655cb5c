from django import template
from django.utils.safestring import mark_safe

from voorzieningen import charts

register = template.Library()


@register.filter
def kengetal(waarde, is_bedrag=False):
    """Dutch thousands separator; euros for amounts."""
    return charts.bedrag(waarde) if is_bedrag else charts.aantal(waarde)


@register.simple_tag
def grafiek_svg(reeks, naam=""):
    """The SVG chart of one series from a document's content ({"soort", "punten"}), named by
    its text alternative ("Aantal cliënten <naam>, 2017–2018: van … naar …")."""
    # pygal escapes labels and values itself; the SVG has no scripts (js=()).
    svg = charts.grafiek(naam, reeks["soort"], reeks["punten"])
    return mark_safe(svg)  # noqa: S308


@register.simple_tag
def kengetal_beschrijving(reeks, naam=""):
    """The series in one sentence: the text alternative, and the whole figure for one year."""
    return charts.beschrijving(naam, reeks["soort"], reeks["punten"])
