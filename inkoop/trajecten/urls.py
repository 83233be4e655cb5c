from django.urls import path

from . import views

urlpatterns = [
    path("regio/<slug:regio>/trajecten/<slug:slug>/planning/", views.planning, name="planning"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/planning/nieuw/", views.mijlpaal_nieuw,
         name="mijlpaal_nieuw"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/planning/<int:pk>/", views.mijlpaal_bewerken,
         name="mijlpaal_bewerken"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/planning/<int:pk>/verwijderen/",
         views.mijlpaal_verwijderen, name="mijlpaal_verwijderen"),
]  # fmt: skip
