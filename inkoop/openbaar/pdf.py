"""The PDF of a published decision list (Woo): the round's decisions of every body, as the
public page shows them. Registered as a PDF kind; its subject is the publication."""

from inkoop.pdf.constants import ExportSoort
from inkoop.pdf.soorten import Bron, Soort, registreren

from . import selectors
from .models import Publicatie


def besluitenlijst_bron(publicatie: Publicatie, parameters=None) -> Bron:
    traject = publicatie.traject
    context = {
        "gremium": None,
        "traject": traject,
        "besluiten": list(selectors.openbare_besluiten(publicatie)),
        "kenmerk": "",
        "concept": False,
    }
    metadata = {
        "titel": publicatie.titel,
        "auteur": publicatie.regio.naam,
        "onderwerp": "Besluitenlijst",
        "trefwoorden": "besluitenlijst, Woo",
    }
    return Bron("pdf/besluitenlijst.html", context, metadata, publicatie.titel,
                regio=publicatie.regio_id)  # fmt: skip


registreren(
    Soort(
        ExportSoort.OPENBARE_BESLUITENLIJST,
        Publicatie,
        besluitenlijst_bron,
        ophalen=lambda qs: qs.select_related("regio", "traject"),
        actie=lambda publicatie: "bekijken",
    )
)
