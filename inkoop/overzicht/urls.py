from django.urls import path

from . import informatie, views

urlpatterns = [
    path("", views.regios, name="regios"),
    path("regio/<slug:slug>/", views.regio, name="regio"),
    path("regio/<slug:regio>/voorzieningen/<slug:slug>/", views.voorziening, name="voorziening"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/", views.traject, name="traject"),
    path("mijn-werk/", views.mijn_werk, name="mijn_werk"),
    path("mijn-werk/<slug:lijst>/", views.mijn_werk_lijst, name="mijn_werk_lijst"),
    path("historie/<slug:soort>/<int:pk>/", views.historie, name="historie"),
    path("status/", views.status, name="status"),
    path("status/controle/", views.statuscontrole_starten, name="statuscontrole_starten"),
    path("status/controle/<int:pk>/", views.statuscontrole, name="statuscontrole"),
    path("toegankelijkheid/", informatie.toegankelijkheid, name="toegankelijkheid"),
    path("privacy/", informatie.privacy, name="privacy"),
    path("contact/", informatie.contact, name="contact"),
]
