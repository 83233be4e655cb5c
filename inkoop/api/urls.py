from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from . import (
    schema,  # noqa: F401  (registers the key's security scheme)
    views,
)

router = DefaultRouter()
router.register("regios", views.RegioViewSet, basename="regio")
router.register("gemeenten", views.GemeenteViewSet, basename="gemeente")
router.register("voorzieningen", views.VoorzieningViewSet, basename="voorziening")
router.register("trajecten", views.TrajectViewSet, basename="traject")
router.register("uitgangspunten", views.UitgangspuntViewSet, basename="uitgangspunt")
router.register("documenten", views.DocumentViewSet, basename="document")
router.register("versies", views.VersieViewSet, basename="versie")
router.register("voorstellen", views.VoorstelViewSet, basename="voorstel")
router.register("besluiten", views.BesluitViewSet, basename="besluit")
router.register("sessies", views.SessieViewSet, basename="sessie")
router.register("inbreng", views.InbrengViewSet, basename="inbreng")

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("", include(router.urls)),
]
