"""{% formulier_token %}: the one-time token of a create form that a template writes by hand
(one per row of a page), the same field `EenmaligVeld` renders (inkoop.core.eenmalig)."""

import uuid

from django import template
from django.utils.html import format_html

from inkoop.core.eenmalig import VELD

register = template.Library()


@register.simple_tag
def formulier_token():
    return format_html('<input type="hidden" name="{}" value="{}">', VELD, uuid.uuid4())
