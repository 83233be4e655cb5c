from django.urls import path

from .views import huisstijl, onderdelen, regio

_inrichten = "regio/<slug:slug>/inrichten/"
urlpatterns = [
    path("regio-nieuw/", regio.regio_nieuw, name="regio_nieuw"),
    path("regio/<slug:slug>/huisstijl/", huisstijl.huisstijl, name="huisstijl"),
    path(_inrichten, regio.inrichten, name="inrichten"),
    path(_inrichten + "regio/", regio.regio_bewerken, name="inrichten_regio"),
    path(_inrichten + "gemeenten/", regio.gemeenten, name="inrichten_gemeenten"),
    path(_inrichten + "gremia/", regio.gremia, name="inrichten_gremia"),
    path(_inrichten + "voorzieningen/", onderdelen.voorzieningen, name="inrichten_voorzieningen"),
    path(_inrichten + "traject/", onderdelen.traject, name="inrichten_traject"),
    path(_inrichten + "gebruikers/", onderdelen.gebruikers, name="inrichten_gebruikers"),
    path(_inrichten + "document/", onderdelen.document, name="inrichten_document"),
]
