from django import template

from inkoop.besluitvorming.selectors import regio_besluitvorming
from regions import permissions

register = template.Library()


@register.inclusion_tag("inkoop/besluitvorming/_regio.html", takes_context=True)
def besluitvorming_regio(context, regio):
    """Per document of the region: how far its version is along the route (fixed queries)."""
    user = context["request"].user
    zichtbaar = permissions.mag(user, "concepten_bekijken", regio)
    return {"rijen": regio_besluitvorming(regio) if zichtbaar else [], "zichtbaar": zichtbaar}
