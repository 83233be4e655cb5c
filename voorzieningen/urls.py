from django.urls import path

from . import views

app_name = "voorzieningen"

urlpatterns = [
    path("regio/<slug:regio>/voorzieningen/<slug:slug>/", views.detail, name="detail"),
]
