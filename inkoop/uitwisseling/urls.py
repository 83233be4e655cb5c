from django.urls import path

from . import views

urlpatterns = [
    path("regio/<slug:regio>/trajecten/<slug:slug>/word-importeren/", views.word_importeren,
         name="word_importeren"),
    path("word-import/<int:pk>/", views.leesopdracht, name="leesopdracht"),
    path("sessies/<int:pk>/verslag-importeren/", views.verslag_importeren,
         name="verslag_importeren"),
]  # fmt: skip
