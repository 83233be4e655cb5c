from django import template

from inkoop.besluitvorming.selectors import besluitvorming_van, regio_besluitvorming
from regions import permissions

register = template.Library()


@register.inclusion_tag("inkoop/besluitvorming/_regio.html", takes_context=True)
def besluitvorming_regio(context, regio):
    """Per document of the region: how far its version is along the route (fixed queries)."""
    user = context["request"].user
    zichtbaar = permissions.mag(user, "concepten_bekijken", regio)
    return {"rijen": regio_besluitvorming(regio) if zichtbaar else [], "zichtbaar": zichtbaar}


@register.inclusion_tag("inkoop/besluitvorming/_regio.html", takes_context=True)
def besluitvorming_traject(context, traject):
    """The same overview on the round page, for the round's own documents."""
    user = context["request"].user
    zichtbaar = permissions.mag(user, "concepten_bekijken", traject)
    rijen = besluitvorming_van([traject]) if zichtbaar else []
    return {"rijen": rijen, "zichtbaar": zichtbaar, "binnen_traject": True}
