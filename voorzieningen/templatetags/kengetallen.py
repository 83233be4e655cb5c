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

    punten = [(jaar, float(waarde)) for jaar, waarde in reeks["punten"]]
    # pygal escapes labels and values itself; the SVG has no scripts (js=()).
    return mark_safe(charts.grafiek(titel or reeks["label"], reeks["soort"], punten))  # noqa: S308
