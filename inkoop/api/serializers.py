"""What the API shows of each object. Nested lists come from the querysets' prefetches
(`views`), so a page of any length costs the same number of queries."""

from django.urls import reverse
from rest_framework import serializers

from inkoop.besluitvorming.models import Beslispunt, Besluit, BesluitPunt, Voorstel
from inkoop.pdf.constants import ExportSoort
from inkoop.sessies.models import Inbreng, Sessie
from inkoop.trajecten.models import Traject
from regions.models import Gemeente, Regio
from uitgangspunten.models import Document, Uitgangspunt, Versie
from voorzieningen.models import Kengetal, Voorziening


class GemeenteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Gemeente
        fields = ["id", "naam", "cbs_code", "provincie", "opgeheven_op"]


class RegioSerializer(serializers.ModelSerializer):
    gemeenten = serializers.SerializerMethodField()

    class Meta:
        model = Regio
        fields = ["id", "slug", "naam", "omschrijving", "gemeenten"]

    def get_gemeenten(self, regio) -> list[str]:
        """The CBS codes of today's members."""
        return sorted(lid.gemeente.cbs_code for lid in regio.leden_nu)


class KengetalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Kengetal
        fields = ["jaar", "soort", "waarde", "bron"]


class VoorzieningSerializer(serializers.ModelSerializer):
    regio = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    kengetallen = KengetalSerializer(many=True, read_only=True)

    class Meta:
        model = Voorziening
        fields = ["id", "regio", "slug", "naam", "wet", "soort", "inkoopniveau", "parent",
                  "perceel", "omschrijving", "kengetallen"]  # fmt: skip


class TrajectSerializer(serializers.ModelSerializer):
    regio = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    voorzieningen = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Traject
        fields = ["id", "regio", "slug", "naam", "omschrijving", "startjaar", "vorige",
                  "voorzieningen"]  # fmt: skip


class UitgangspuntSerializer(serializers.ModelSerializer):
    herkomst = serializers.SlugRelatedField(slug_field="uid", read_only=True, allow_null=True)
    vervolgen = serializers.SlugRelatedField(slug_field="uid", many=True, read_only=True)

    class Meta:
        model = Uitgangspunt
        fields = ["id", "uid", "traject", "soort", "voorziening", "perceel", "volgorde", "titel",
                  "uitleg", "status", "vervallen_reden", "herkomst", "vervolgen",
                  "gewijzigd"]  # fmt: skip


class VersieKortSerializer(serializers.ModelSerializer):
    class Meta:
        model = Versie
        fields = ["id", "nummer", "aangemaakt", "beoordeling", "inhoud_hash"]


class DocumentSerializer(serializers.ModelSerializer):
    versies = VersieKortSerializer(many=True, read_only=True)

    class Meta:
        model = Document
        fields = ["id", "traject", "soort", "titel", "aan", "van", "betreft", "datum", "kenmerk",
                  "zaaknummer", "gewijzigd", "versies"]  # fmt: skip


class VersieSerializer(serializers.ModelSerializer):
    pdf_maken = serializers.SerializerMethodField()
    pdf = serializers.SerializerMethodField()

    class Meta:
        model = Versie
        fields = ["id", "document", "nummer", "aangemaakt", "toelichting", "beoordeling",
                  "inhoud_hash", "inhoud", "pdf_maken", "pdf"]  # fmt: skip

    def _absoluut(self, pad: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request else pad

    def get_pdf_maken(self, versie) -> str:
        """Where the PDF of this version is made (a POST, as in the app)."""
        return self._absoluut(
            reverse("inkoop:export_starten", args=[ExportSoort.VERSIE, versie.pk])
        )

    def get_pdf(self, versie) -> str | None:
        """The download of its finished PDF, when one was made."""
        if not getattr(versie, "pdf_export", None):
            return None
        return self._absoluut(reverse("inkoop:export_download", args=[versie.pdf_export]))


class BeslispuntSerializer(serializers.ModelSerializer):
    class Meta:
        model = Beslispunt
        fields = ["id", "nummer", "tekst"]


class VoorstelSerializer(serializers.ModelSerializer):
    beslispunten = BeslispuntSerializer(many=True, read_only=True)
    versies = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Voorstel
        fields = ["id", "traject", "gremium", "onderwerp", "portefeuillehouder", "aanleiding",
                  "argumenten", "kanttekeningen", "financien", "communicatie", "vervolg",
                  "versies", "beslispunten", "gewijzigd"]  # fmt: skip


class BesluitPuntSerializer(serializers.ModelSerializer):
    class Meta:
        model = BesluitPunt
        fields = ["beslispunt", "uitkomst"]


class BesluitSerializer(serializers.ModelSerializer):
    gremium = serializers.CharField(source="gremium.naam", read_only=True)
    gremium_soort = serializers.CharField(source="gremium.soort", read_only=True)
    gemeente = serializers.SlugRelatedField(
        source="gremium.gemeente", slug_field="cbs_code", read_only=True, allow_null=True
    )
    punten = BesluitPuntSerializer(many=True, read_only=True)

    class Meta:
        model = Besluit
        fields = ["id", "datum", "gremium", "gremium_soort", "gemeente", "voorstel", "versie",
                  "verslag_van", "uitkomst", "toelichting", "punten"]  # fmt: skip


class SessieSerializer(serializers.ModelSerializer):
    regio = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Sessie
        fields = ["id", "regio", "traject", "gremium", "titel", "soort", "datum"]


class InbrengSerializer(serializers.ModelSerializer):
    class Meta:
        model = Inbreng
        fields = ["id", "traject", "sessie", "voorziening", "volgorde", "soort", "tekst",
                  "bron_soort", "bron_naam", "verwerking", "verwerking_toelichting",
                  "aangemaakt"]  # fmt: skip
        read_only_fields = ["id", "traject", "sessie", "volgorde", "verwerking",
                            "verwerking_toelichting", "aangemaakt"]  # fmt: skip
        extra_kwargs = {"voorziening": {"required": False, "allow_null": True}}
