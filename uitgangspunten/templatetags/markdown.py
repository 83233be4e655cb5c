from django import template
from django.utils.dateparse import parse_date

from inkoop.core.markdown import naar_html, scrollbare_tabellen

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(tekst, kenmerk=None):
    """{{ tekst|markdown:"s12" }}: sanitised HTML; the argument keeps footnote ids unique."""
    return scrollbare_tabellen(naar_html(tekst or "", str(kenmerk) if kenmerk else None))


@register.simple_tag
def markdown_vanaf(tekst, kenmerk, begin=0):
    """{% markdown_vanaf sectie.tekst sectie.id sectie.voetnoot_begin %}: as |markdown, with
    the footnotes numbered on from `begin` (uitgangspunten.inhoud.voetnoten_nummeren), as the
    PDF numbers them over the whole document."""
    return scrollbare_tabellen(
        naar_html(tekst or "", str(kenmerk) if kenmerk else None, int(begin or 0))
    )


@register.filter
def iso_datum(waarde):
    """An ISO date string from a document's content, as a date for the |date filter."""
    return parse_date(waarde) if waarde else None
