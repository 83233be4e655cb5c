from django.urls import path

from . import views

app_name = "openbaar"

# Public: no login.
urlpatterns = [
    path("openbaar/", views.index, name="index"),
    path("openbaar/sitemap.xml", views.sitemap_xml, name="sitemap"),
    path("openbaar/zoeken/", views.openbaar_zoeken, name="zoeken"),
    path("openbaar/<slug:regio>/", views.regio, name="regio"),
    path("openbaar/<slug:regio>/trajecten/<slug:slug>/", views.traject, name="traject"),
    path("openbaar/<slug:regio>/publicaties/<int:pk>/", views.publicatie, name="publicatie"),
    path("openbaar/<slug:regio>/publicaties/<int:pk>/pdf/", views.publicatie_pdf,
         name="publicatie_pdf"),
    # Logged in: search, publishing and withdrawing.
    path("zoeken/", views.zoekpagina, name="zoeken_intern"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/openbaar/", views.beheer, name="beheer"),
    path("openbaar-maken/<slug:soort>/<int:pk>/", views.publiceren, name="publiceren"),
    path("publicaties/<int:pk>/intrekken/", views.intrekken, name="intrekken"),
]  # fmt: skip
