"""The JSON API, version 1 (docs/api.md). Every list is limited with the permission module
(`permissions.binnen_regios`), every write checked with it (`permissions.vereis`), and writes
go through the domain services, as in the app's views."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import OuterRef, Prefetch, Subquery
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from inkoop.besluitvorming.models import Besluit, Voorstel
from inkoop.pdf.constants import ExportSoort, ExportStatus
from inkoop.pdf.models import Export
from inkoop.sessies import services as sessie_services
from inkoop.sessies.models import Inbreng, Sessie
from inkoop.trajecten.models import Traject
from regions import permissions
from regions.models import Gemeente, Lidmaatschap, Regio
from uitgangspunten.models import Document, Uitgangspunt, Versie
from voorzieningen.models import Voorziening

from . import serializers as s


class _Lijst(viewsets.ReadOnlyModelViewSet):
    """A read-only list and detail, limited to the regions where the caller may `actie`."""

    actie = "bekijken"

    def basis(self):
        raise NotImplementedError

    def get_queryset(self):
        return permissions.binnen_regios(self.basis(), self.request.user, self.actie)


class RegioViewSet(_Lijst):
    serializer_class = s.RegioSerializer

    def basis(self):
        leden = Lidmaatschap.objects.op().select_related("gemeente")
        return Regio.objects.prefetch_related(
            Prefetch("lidmaatschappen", queryset=leden, to_attr="leden_nu")
        ).order_by("naam", "pk")


class GemeenteViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.GemeenteSerializer

    def get_queryset(self):
        regios = permissions.binnen_regios(Regio.objects.all(), self.request.user)
        return (
            Gemeente.objects.filter(lidmaatschappen__regio__in=regios).distinct().order_by("naam")
        )


class VoorzieningViewSet(_Lijst):
    serializer_class = s.VoorzieningSerializer

    def basis(self):
        return (
            Voorziening.objects.select_related("regio")
            .prefetch_related("kengetallen")
            .order_by("regio__naam", "volgorde", "pk")
        )


class TrajectViewSet(_Lijst):
    serializer_class = s.TrajectSerializer

    def basis(self):
        return (
            Traject.objects.select_related("regio")
            .prefetch_related("voorzieningen")
            .order_by("regio__naam", "-startjaar", "pk")
        )


class UitgangspuntViewSet(_Lijst):
    serializer_class = s.UitgangspuntSerializer
    actie = "concepten_bekijken"

    def basis(self):
        return (
            Uitgangspunt.objects.select_related("herkomst")
            .prefetch_related("vervolgen")
            .order_by("traject_id", "soort", "volgorde", "pk")
        )


class DocumentViewSet(_Lijst):
    serializer_class = s.DocumentSerializer
    actie = "concepten_bekijken"

    def basis(self):
        return Document.objects.prefetch_related(
            Prefetch("versies", queryset=Versie.objects.order_by("nummer"))
        ).order_by("traject_id", "titel", "pk")


class VersieViewSet(_Lijst):
    serializer_class = s.VersieSerializer
    actie = "concepten_bekijken"

    def basis(self):
        klaar = Export.objects.filter(
            soort=ExportSoort.VERSIE, object_id=OuterRef("pk"), status=ExportStatus.KLAAR
        ).order_by("-pk")
        return Versie.objects.annotate(pdf_export=Subquery(klaar.values("pk")[:1])).order_by(
            "document_id", "nummer"
        )


class VoorstelViewSet(_Lijst):
    serializer_class = s.VoorstelSerializer
    actie = "concepten_bekijken"

    def basis(self):
        return Voorstel.objects.prefetch_related("beslispunten", "versies").order_by(
            "traject_id", "pk"
        )


class BesluitViewSet(_Lijst):
    serializer_class = s.BesluitSerializer

    def basis(self):
        return (
            Besluit.objects.select_related("gremium", "gremium__gemeente")
            .prefetch_related("punten")
            .order_by("-datum", "pk")
        )


class SessieViewSet(_Lijst):
    serializer_class = s.SessieSerializer
    actie = "concepten_bekijken"

    def basis(self):
        return Sessie.objects.select_related("regio").order_by("-datum", "pk")

    @extend_schema(request=s.InbrengSerializer, responses={201: s.InbrengSerializer})
    @action(detail=True, methods=["post"], serializer_class=s.InbrengSerializer)
    def inbreng(self, request, pk=None):
        """Deliver one item of input (a question, remark or advice) from this session."""
        sessie = self.get_object()
        permissions.vereis(request.user, "sessies_bewerken", sessie)
        invoer = s.InbrengSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            inbreng = sessie_services.onderdeel_opslaan(
                sessie=sessie, onderdeel=Inbreng(**invoer.validated_data)
            )
        except DjangoValidationError as fout:
            detail = fout.message_dict if hasattr(fout, "error_dict") else {"fout": fout.messages}
            raise serializers.ValidationError(detail) from fout
        return Response(s.InbrengSerializer(inbreng).data, status=status.HTTP_201_CREATED)


class InbrengViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.InbrengSerializer

    def get_queryset(self):
        return permissions.binnen_regios(
            Inbreng.objects.order_by("traject_id", "sessie_id", "volgorde", "pk"),
            self.request.user,
            "concepten_bekijken",
        )
