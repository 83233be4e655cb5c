from django.urls import path

from . import views

app_name = "uitgangspunten"

traject = "regio/<slug:regio>/trajecten/<slug:slug>/"
document = "documenten/<int:pk>/"

urlpatterns = [
    # Principles of a round
    path(f"{traject}uitgangspunten/", views.lijst, name="lijst"),
    path(f"{traject}uitgangspunten/nieuw/", views.uitgangspunt_nieuw, name="uitgangspunt_nieuw"),
    path(f"{traject}overnemen/", views.overnemen, name="overnemen"),
    path(
        f"{traject}overnemen/<uuid:uid>/",
        views.overnemen_uitgangspunt,
        name="overnemen_uitgangspunt",
    ),
    path(f"{traject}per-voorziening/", views.per_voorziening, name="per_voorziening"),
    path(
        f"{traject}per-voorziening/<int:pk>/ontwikkelingen/",
        views.ontwikkelingen,
        name="ontwikkelingen",
    ),
    path("uitgangspunten/<uuid:uid>/", views.uitgangspunt, name="uitgangspunt"),
    path(
        "uitgangspunten/<uuid:uid>/bewerken/",
        views.uitgangspunt_bewerken,
        name="uitgangspunt_bewerken",
    ),
    path(
        "uitgangspunten/<uuid:uid>/verwijderen/",
        views.uitgangspunt_verwijderen,
        name="uitgangspunt_verwijderen",
    ),
    path(
        "uitgangspunten/<uuid:uid>/verplaatsen/",
        views.uitgangspunt_verplaatsen,
        name="uitgangspunt_verplaatsen",
    ),
    # Document editor
    path(document, views.document, name="document"),
    path(f"{document}kop/", views.kop_bewerken, name="kop_bewerken"),
    path(f"{document}secties/nieuw/", views.sectie_nieuw, name="sectie_nieuw"),
    path(f"{document}secties/volgorde/", views.secties_ordenen, name="secties_ordenen"),
    path(f"{document}secties/<int:sectie_pk>/", views.sectie, name="sectie"),
    path(
        f"{document}secties/<int:sectie_pk>/bewerken/",
        views.sectie_bewerken,
        name="sectie_bewerken",
    ),
    path(
        f"{document}secties/<int:sectie_pk>/verwijderen/",
        views.sectie_verwijderen,
        name="sectie_verwijderen",
    ),
    path(
        f"{document}secties/<int:sectie_pk>/verplaatsen/",
        views.sectie_verplaatsen,
        name="sectie_verplaatsen",
    ),
    path(f"{document}voorbeeld/", views.voorbeeld, name="voorbeeld"),
    path(f"{document}historie/", views.historie, name="historie"),
    path(f"{document}opmerkingen/", views.opmerking_plaatsen, name="opmerking_plaatsen"),
    path("opmerkingen/<int:pk>/oplossen/", views.opmerking_oplossen, name="opmerking_oplossen"),
    # Versions and redline
    path(f"{document}versies/", views.versies, name="versies"),
    path(f"{document}versies/vastleggen/", views.versie_vastleggen, name="versie_vastleggen"),
    path(f"{document}versies/<int:nummer>/", views.versie, name="versie"),
    path(f"{document}vergelijken/", views.vergelijken, name="vergelijken"),
]
