from django.urls import path

from . import views

urlpatterns = [
    path("regio/<slug:slug>/huisstijl/", views.huisstijl, name="huisstijl"),
]
