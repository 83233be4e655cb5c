from django import template
from django.utils.dateparse import parse_date

from inkoop.core.markdown import naar_html, scrollbare_tabellen

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(tekst, kenmerk=None):
    """{{ tekst|markdown:"s12" }}: sanitised HTML; the argument keeps footnote ids unique."""
    return scrollbare_tabellen(naar_html(tekst or "", str(kenmerk) if kenmerk else None))


@register.filter
def iso_datum(waarde):
    """An ISO date string from a document's content, as a date for the |date filter."""
    return parse_date(waarde) if waarde else None
