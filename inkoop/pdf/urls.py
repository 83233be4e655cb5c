from django.urls import path

from . import views

urlpatterns = [
    path("pdf/<slug:soort>/<int:object_id>/maken/", views.export_starten, name="export_starten"),
    path(
        "pdf/<slug:soort>/<int:object_id>/voorbeeld/",
        views.export_voorbeeld,
        name="export_voorbeeld",
    ),
    path(
        "pdf/<slug:soort>/<int:object_id>/downloaden/",
        views.pdf_downloaden,
        name="pdf_downloaden",
    ),
    path("pdf/exports/<int:pk>/", views.export_detail, name="export"),
    path("pdf/exports/<int:pk>/download/", views.export_download, name="export_download"),
    path("bijlagen/<slug:soort>/<int:pk>/", views.bijlagen, name="bijlagen"),
    path("bijlagen/<int:pk>/", views.bijlage, name="bijlage"),
    path("bijlagen/<int:pk>/verwijderen/", views.bijlage_verwijderen, name="bijlage_verwijderen"),
]
