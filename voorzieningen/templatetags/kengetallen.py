from django import template

from voorzieningen import charts

register = template.Library()


@register.filter
def kengetal(waarde, is_bedrag=False):
    """Dutch thousands separator; euros for amounts."""
    return charts.bedrag(waarde) if is_bedrag else charts.aantal(waarde)


@register.simple_tag
def grafiek_svg(reeks, titel=""):
    """The SVG chart of one series from a document's content ({"soort", "punten"})."""
    from django.utils.safestring import mark_safe

    # pygal escapes labels and values itself; the SVG has no scripts (js=()).
    svg = charts.grafiek(titel or reeks["label"], reeks["soort"], reeks["punten"])
    return mark_safe(svg)  # noqa: S308
