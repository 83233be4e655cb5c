"""The choices of the domain, by name, for every template.

`{% if up.status == UitgangspuntStatus.VERVALLEN %}` instead of a string literal. Pages get them
as a context processor; the print templates, which render without a request, through
`inkoop.pdf.render.render_html` (settings.PDF_CONTEXT).
"""

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
