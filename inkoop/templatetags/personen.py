"""How a person is named on a page and in print: the full name, else the user name.

One filter for every "door ..." on the pages: a user column may be empty (a deleted account,
a row set by a migration or import), and `x.get_full_name|default:x.username` then raises in
the filter argument, taking the whole page down."""

from django import template

register = template.Library()


@register.filter
def persoon(gebruiker, leeg: str = "onbekend") -> str:
    if gebruiker is None:
        return leeg
    return gebruiker.get_full_name() or gebruiker.get_username()
