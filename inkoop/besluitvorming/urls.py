from django.urls import path

from . import views

_traject = "regio/<slug:regio>/trajecten/<slug:slug>/"
urlpatterns = [
    path("documenten/<int:pk>/versies/<int:nummer>/pdf/", views.versie_pdf, name="versie_pdf"),
    path("documenten/<int:pk>/besluitvorming/", views.document_besluitvorming,
         name="document_besluitvorming"),
    path("documenten/<int:pk>/versies/<int:nummer>/indienen/", views.versie_indienen,
         name="versie_indienen"),
    path("documenten/<int:pk>/versies/<int:nummer>/goedkeuren/", views.versie_goedkeuren,
         name="versie_goedkeuren"),
    path("documenten/<int:pk>/versies/<int:nummer>/terugsturen/", views.versie_terugsturen,
         name="versie_terugsturen"),
    path(_traject + "route/", views.route, name="route"),
    path(_traject + "route/vastleggen/", views.route_vastleggen, name="route_vastleggen"),
    path(_traject + "route/stappen/", views.routestap_toevoegen, name="routestap_toevoegen"),
    path(_traject + "route/stappen/<int:stap>/verwijderen/", views.routestap_verwijderen,
         name="routestap_verwijderen"),
    path(_traject + "route/stappen/<int:stap>/verplaatsen/", views.routestap_verplaatsen,
         name="routestap_verplaatsen"),
    path(_traject + "voorstellen/", views.voorstellen, name="voorstellen"),
    path(_traject + "voorstellen/nieuw/", views.voorstel_nieuw, name="voorstel_nieuw"),
    path("voorstellen/<int:pk>/", views.voorstel, name="voorstel"),
    path("voorstellen/<int:pk>/bewerken/", views.voorstel_bewerken, name="voorstel_bewerken"),
    path("voorstellen/<int:pk>/verwijderen/", views.voorstel_verwijderen,
         name="voorstel_verwijderen"),
    path(_traject + "besluiten/", views.besluitenlijst, name="besluitenlijst"),
    path(_traject + "besluiten/nieuw/", views.besluit_nieuw, name="besluit_nieuw"),
    path("regio/<slug:regio>/gremia/<int:pk>/besluiten/", views.gremium_besluitenlijst,
         name="gremium_besluitenlijst"),
]  # fmt: skip
