from django import template
from django.utils.dateparse import parse_date

from inkoop.core.markdown import naar_html, scrollbare_tabellen, voetnoten_aantal

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(tekst, kenmerk=None):
    """{{ tekst|markdown:"s12" }}: sanitised HTML; the argument keeps footnote ids unique."""
    return scrollbare_tabellen(naar_html(tekst or "", str(kenmerk) if kenmerk else None))


@register.simple_tag
def markdown_vanaf(tekst, soort, pk, begin=0):
    """{% markdown_vanaf sectie.tekst "s" sectie.id sectie.voetnoot_begin %}: as |markdown,
    with the footnotes numbered on from `begin` (uitgangspunten.inhoud.voetnoten_nummeren), as
    the PDF numbers them over the whole document. The footnote ids carry the kind of text and
    its id ("s12", "u12"), so a section and a principle with the same id share none."""
    return scrollbare_tabellen(naar_html(tekst or "", f"{soort}{pk}", int(begin or 0)))


@register.simple_tag(takes_context=True)
def markdown_doorlopend(context, tekst, kenmerk):
    """{% markdown_doorlopend voorstel.aanleiding "aanleiding" %}: as |markdown, with the
    footnotes numbered on over the texts of one template, in its order: for a page whose
    texts stand in the order of its PDF (a proposal), whole and never as a partial."""
    begin = context.render_context.get("voetnoten", 0)
    context.render_context["voetnoten"] = begin + voetnoten_aantal(tekst or "")
    return scrollbare_tabellen(naar_html(tekst or "", str(kenmerk), begin))


@register.filter
def iso_datum(waarde):
    """An ISO date string from a document's content, as a date for the |date filter."""
    return parse_date(waarde) if waarde else None
