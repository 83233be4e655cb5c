from django.urls import path

from . import views

app_name = "regions"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("regio/<slug:slug>/", views.regio, name="regio"),
]
