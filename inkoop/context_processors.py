"""The choices of the domain, by name, for every template.

`{% if up.status == UitgangspuntStatus.VERVALLEN %}` instead of a string literal. Pages get them
as a context processor; the print templates, which render without a request, through
`inkoop.pdf.render.render_html` (settings.PDF_CONTEXT).
"""

from django.conf import settings

from inkoop.besluitvorming.constants import Uitkomst
from inkoop.pdf.constants import ExportStatus
from inkoop.sessies.constants import Aanwezigheid, ResultaatSoort, Verwerking
from inkoop.trajecten.constants import GremiumSoort, MijlpaalStatus
from uitgangspunten.constants import SectieSoort, UitgangspuntStatus, UitgangspuntWeergave

KEUZES = {
    k.__name__: k
    for k in (
        Aanwezigheid,
        ExportStatus,
        GremiumSoort,
        MijlpaalStatus,
        ResultaatSoort,
        SectieSoort,
        Uitkomst,
        UitgangspuntStatus,
        UitgangspuntWeergave,
        Verwerking,
    )
}


def keuzes(request=None) -> dict:
    return KEUZES


def site(request=None) -> dict:
    """What the footer of every page shows: the contact address and the app's version."""
    return {"CONTACT_EMAIL": settings.CONTACT_EMAIL, "APP_VERSIE": settings.APP_VERSIE}
