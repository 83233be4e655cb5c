from django.urls import path

from .views import inbreng, sessies, verslag

urlpatterns = [    path("regio/<slug:regio>/sessies/", sessies.sessies_regio, name="sessies_regio"),
    path("regio/<slug:regio>/sessies/nieuw/", sessies.sessie_nieuw, name="sessie_nieuw"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/sessies/", sessies.sessies_traject,
         name="sessies_traject"),
    path("sessies/<int:pk>/", verslag.sessie, name="sessie"),
    path("sessies/<int:pk>/bewerken/", sessies.sessie_bewerken, name="sessie_bewerken"),
    path("sessies/<int:pk>/inleiding/", verslag.verslag_inleiding, name="verslag_inleiding"),
    path("sessies/<int:pk>/verslag-vaststellen/", verslag.verslag_vaststellen,
         name="verslag_vaststellen"),
    path("sessies/<int:pk>/verslag-zelf-vaststellen/", verslag.eigen_verslag_vaststellen,
         name="eigen_verslag_vaststellen"),
    path("sessies/<int:pk>/<slug:soort>/nieuw/", verslag.onderdeel_nieuw, name="onderdeel_nieuw"),
    path("sessies/<int:pk>/<slug:soort>/<int:item>/", verslag.onderdeel_bewerken,
         name="onderdeel_bewerken"),
    path("sessies/<int:pk>/<slug:soort>/<int:item>/verwijderen/", verslag.onderdeel_verwijderen,
         name="onderdeel_verwijderen"),
    path("inbreng/<int:pk>/verwerking/", inbreng.inbreng_verwerking, name="inbreng_verwerking"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/inbreng/", inbreng.inbreng_lijst,
         name="inbreng_lijst"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/reactienota/", inbreng.reactienota,
         name="reactienota"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/agenda.ics", sessies.agenda, name="agenda"),

]  # fmt: skip
