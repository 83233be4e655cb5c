"""The read-only list item of a principle, rendered once per content and then reused.

A round's list shows ~120 principles, each with its text, status badge and action buttons;
rendering them through the template engine took most of the page's time. The HTML is a pure
function of the arguments of `_weergave` (the fields the item shows, the user's right to edit,
the page variant, the language and the URL prefix; inkoop.core.fragmenten shares it between
the worker processes), and the partial is rendered from those
arguments alone, so it cannot read anything that is not in the cache key: a changed title, text,
status, number or permission is a different key, never stale HTML. The CSRF token is the only
per-request part: the cached HTML carries a placeholder that every request fills in itself.
"""

from django import template
from django.template import Context
from django.template.defaulttags import CsrfTokenNode
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from inkoop.core.fragmenten import fragment
from uitgangspunten.constants import UitgangspuntStatus

register = template.Library()

WEERGAVE = "uitgangspunten/_uitgangspunt_item.html#weergave"
_CSRF_TOKEN = "csrf-plaatshouder"
_CSRF_PLAATSHOUDER = CsrfTokenNode().render(Context({"csrf_token": _CSRF_TOKEN}))
_STATUS_LABELS = dict(UitgangspuntStatus.choices)


@register.simple_tag(takes_context=True)
def uitgangspunt_weergave(context, up):
    """{% uitgangspunt_weergave up %}: the item as the list shows it when it is not being edited.

    Reads from the context: mag_bewerken, herordenen, compact and opgeslagen.
    """
    sjabloon = context.template.engine.get_template(WEERGAVE)
    delen = (
        get_language(),
        get_script_prefix(),
        up.pk,
        str(up.uid),
        getattr(up, "nummer", None),  # set by the selectors; absent means no number
        up.titel,
        up.uitleg,
        up.status,
        up.vervallen_reden,
        bool(context.get("mag_bewerken")),
        bool(context.get("herordenen")),
        bool(context.get("compact")),
        bool(context.get("opgeslagen")),
    )
    # Shared by the worker processes (inkoop.core.fragmenten), keyed on all it shows.
    html = fragment("uitgangspunt", delen, lambda: _weergave(sjabloon, *delen))
    if _CSRF_PLAATSHOUDER in html:
        html = html.replace(_CSRF_PLAATSHOUDER, CsrfTokenNode().render(context))
    return mark_safe(html)  # noqa: S308 - rendered by the template engine with autoescaping


def _weergave(
    sjabloon, taal, prefix, pk, uid, nummer, titel, uitleg, status, vervallen_reden,
    mag_bewerken, herordenen, compact, opgeslagen,
) -> str:  # fmt: skip
    # `taal` and `prefix` only key the cache: {% url %} and the labels read them from the
    # thread, where they have the same values during this call.
    up = {
        "pk": pk,
        "uid": uid,
        "nummer": nummer,
        "titel": titel,
        "uitleg": uitleg,
        "status": status,
        "status_label": _STATUS_LABELS.get(status, status),
        "vervallen_reden": vervallen_reden,
    }
    return sjabloon.render(
        Context(
            {
                "up": up,
                "mag_bewerken": mag_bewerken,
                "herordenen": herordenen,
                "compact": compact,
                "opgeslagen": opgeslagen,
                "csrf_token": _CSRF_TOKEN,
                "UitgangspuntStatus": UitgangspuntStatus,
            }
        )
    )
