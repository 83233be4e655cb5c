from django.urls import path

from .views import documenten, versies
from .views import uitgangspunten as up

app_name = "uitgangspunten"

traject = "regio/<slug:regio>/trajecten/<slug:slug>/"
document = "documenten/<int:pk>/"

urlpatterns = [
    # Principles of a round
    path(f"{traject}uitgangspunten/", up.lijst, name="lijst"),
    path(f"{traject}uitgangspunten/nieuw/", up.uitgangspunt_nieuw, name="uitgangspunt_nieuw"),
    path(f"{traject}overnemen/", up.overnemen, name="overnemen"),
    path(
        f"{traject}overnemen/<uuid:uid>/",
        up.overnemen_uitgangspunt,
        name="overnemen_uitgangspunt",
    ),
    path(f"{traject}per-voorziening/", up.per_voorziening, name="per_voorziening"),
    path(
        f"{traject}per-voorziening/<int:pk>/ontwikkelingen/",
        up.ontwikkelingen,
        name="ontwikkelingen",
    ),
    path("uitgangspunten/<uuid:uid>/", up.uitgangspunt, name="uitgangspunt"),
    path(
        "uitgangspunten/<uuid:uid>/bewerken/",
        up.uitgangspunt_bewerken,
        name="uitgangspunt_bewerken",
    ),
    path(
        "uitgangspunten/<uuid:uid>/verwijderen/",
        up.uitgangspunt_verwijderen,
        name="uitgangspunt_verwijderen",
    ),
    path(
        "uitgangspunten/<uuid:uid>/verplaatsen/",
        up.uitgangspunt_verplaatsen,
        name="uitgangspunt_verplaatsen",
    ),
    # Document editor
    path(document, documenten.document, name="document"),
    path(f"{document}kop/", documenten.kop_bewerken, name="kop_bewerken"),
    path(f"{document}secties/nieuw/", documenten.sectie_nieuw, name="sectie_nieuw"),
    path(f"{document}secties/volgorde/", documenten.secties_ordenen, name="secties_ordenen"),
    path(f"{document}secties/<int:sectie_pk>/", documenten.sectie, name="sectie"),
    path(
        f"{document}secties/<int:sectie_pk>/bewerken/",
        documenten.sectie_bewerken,
        name="sectie_bewerken",
    ),
    path(
        f"{document}secties/<int:sectie_pk>/verwijderen/",
        documenten.sectie_verwijderen,
        name="sectie_verwijderen",
    ),
    path(
        f"{document}secties/<int:sectie_pk>/verplaatsen/",
        documenten.sectie_verplaatsen,
        name="sectie_verplaatsen",
    ),
    path(f"{document}voorbeeld/", documenten.voorbeeld, name="voorbeeld"),
    path(f"{document}opmaak/", documenten.opmaak, name="opmaak"),
    path(f"{document}historie/", documenten.historie, name="historie"),
    path(f"{document}opmerkingen/", documenten.opmerking_plaatsen, name="opmerking_plaatsen"),
    path(
        "opmerkingen/<int:pk>/oplossen/", documenten.opmerking_oplossen, name="opmerking_oplossen"
    ),
    # Versions and redline
    path(f"{document}versies/", versies.versies, name="versies"),
    path(f"{document}versies/vastleggen/", versies.versie_vastleggen, name="versie_vastleggen"),
    path(f"{document}versies/<int:nummer>/", versies.versie, name="versie"),
    path(f"{document}vergelijken/", versies.vergelijken, name="vergelijken"),
]
