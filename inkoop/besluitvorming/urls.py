from django.urls import path

from .views import beoordeling, colleges, route, voorstellen

_traject = "regio/<slug:regio>/trajecten/<slug:slug>/"
urlpatterns = [
    path("documenten/<int:pk>/versies/<int:nummer>/pdf/", beoordeling.versie_pdf,
         name="versie_pdf"),
    path("documenten/<int:pk>/besluitvorming/", beoordeling.document_besluitvorming,
         name="document_besluitvorming"),
    path("documenten/<int:pk>/versies/<int:nummer>/beoordelen/", beoordeling.versie_beoordelen,
         name="versie_beoordelen"),
    path("documenten/<int:pk>/versies/<int:nummer>/indienen/", beoordeling.versie_indienen,
         name="versie_indienen"),
    path("documenten/<int:pk>/versies/<int:nummer>/goedkeuren/", beoordeling.versie_goedkeuren,
         name="versie_goedkeuren"),
    path("documenten/<int:pk>/versies/<int:nummer>/terugsturen/", beoordeling.versie_terugsturen,
         name="versie_terugsturen"),
    path(_traject + "route/", route.route, name="route"),
    path(_traject + "route/vastleggen/", route.route_vastleggen, name="route_vastleggen"),
    path(_traject + "route/stappen/", route.routestap_toevoegen, name="routestap_toevoegen"),
    path(_traject + "route/stappen/<int:stap>/verwijderen/", route.routestap_verwijderen,
         name="routestap_verwijderen"),
    path(_traject + "route/stappen/<int:stap>/verplaatsen/", route.routestap_verplaatsen,
         name="routestap_verplaatsen"),
    path(_traject + "voorstellen/", voorstellen.voorstellen, name="voorstellen"),
    path(_traject + "voorstellen/nieuw/", voorstellen.voorstel_nieuw, name="voorstel_nieuw"),
    path("voorstellen/<int:pk>/", voorstellen.voorstel, name="voorstel"),
    path("voorstellen/<int:pk>/bewerken/", voorstellen.voorstel_bewerken, name="voorstel_bewerken"),
    path("voorstellen/<int:pk>/verwijderen/", voorstellen.voorstel_verwijderen,
         name="voorstel_verwijderen"),
    path(_traject + "besluiten/", voorstellen.besluitenlijst, name="besluitenlijst"),
    path(_traject + "besluiten/nieuw/", voorstellen.besluit_nieuw, name="besluit_nieuw"),
    path(_traject + "besluiten/colleges/", colleges.collegebesluiten, name="collegebesluiten"),
    path("regio/<slug:regio>/gremia/<int:pk>/besluiten/", voorstellen.gremium_besluitenlijst,
         name="gremium_besluitenlijst"),
]  # fmt: skip
