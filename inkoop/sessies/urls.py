from django.urls import path

from . import views

urlpatterns = [    path("regio/<slug:regio>/sessies/", views.sessies_regio, name="sessies_regio"),
    path("regio/<slug:regio>/sessies/nieuw/", views.sessie_nieuw, name="sessie_nieuw"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/sessies/", views.sessies_traject,
         name="sessies_traject"),
    path("sessies/<int:pk>/", views.sessie, name="sessie"),
    path("sessies/<int:pk>/bewerken/", views.sessie_bewerken, name="sessie_bewerken"),
    path("sessies/<int:pk>/inleiding/", views.verslag_inleiding, name="verslag_inleiding"),
    path("sessies/<int:pk>/verslag-vaststellen/", views.verslag_vaststellen,
         name="verslag_vaststellen"),
    path("sessies/<int:pk>/<slug:soort>/nieuw/", views.onderdeel_nieuw, name="onderdeel_nieuw"),
    path("sessies/<int:pk>/<slug:soort>/<int:item>/", views.onderdeel_bewerken,
         name="onderdeel_bewerken"),
    path("sessies/<int:pk>/<slug:soort>/<int:item>/verwijderen/", views.onderdeel_verwijderen,
         name="onderdeel_verwijderen"),
    path("inbreng/<int:pk>/verwerking/", views.inbreng_verwerking, name="inbreng_verwerking"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/inbreng/", views.inbreng_lijst,
         name="inbreng_lijst"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/reactienota/", views.reactienota,
         name="reactienota"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/agenda.ics", views.agenda, name="agenda"),

]  # fmt: skip
