"""`{% historie_link "sessie" sessie %}`: the link to an object's history page, for those who
may read it (the kind's action in inkoop.overzicht.historie.SOORTEN, regions/permissions.py)."""

from django import template
from django.urls import reverse

from inkoop.overzicht.historie import SOORTEN
from regions import permissions

register = template.Library()


@register.inclusion_tag("includes/historie_link.html", takes_context=True)
def historie_link(context, soort, obj):
    request = context.get("request")
    zichtbaar = request is not None and permissions.mag(request.user, SOORTEN[soort].actie, obj)
    return {
        "zichtbaar": zichtbaar,
        "url": reverse("inkoop:historie", kwargs={"soort": soort, "pk": obj.pk}),
        "naam": SOORTEN[soort].naam,
    }
