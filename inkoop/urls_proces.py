from django.urls import path

from .views import algemeen
from .views import export as export_views

app_name = "inkoop"

urlpatterns = [
    path("regio/<slug:regio>/trajecten/<slug:slug>/", algemeen.traject, name="traject"),
    path("mijn-werk/", algemeen.mijn_werk, name="mijn_werk"),
    path("status/", algemeen.status, name="status"),
    path("status/controle/", algemeen.statuscontrole_starten, name="statuscontrole_starten"),
    path("status/controle/<int:pk>/", algemeen.statuscontrole, name="statuscontrole"),
    # PDF exports (inkoop/views/export.py)
    path(
        "documenten/<int:pk>/versies/<int:nummer>/pdf/",
        export_views.versie_pdf,
        name="versie_pdf",
    ),
    path(
        "pdf/<slug:soort>/<int:object_id>/maken/",
        export_views.export_starten,
        name="export_starten",
    ),
    path(
        "pdf/<slug:soort>/<int:object_id>/voorbeeld/",
        export_views.export_voorbeeld,
        name="export_voorbeeld",
    ),
    path("pdf/exports/<int:pk>/", export_views.export_detail, name="export"),
    path("pdf/exports/<int:pk>/download/", export_views.export_download, name="export_download"),
]

# Besluitvorming: review (four eyes), decision route, proposals and decisions.
from .views import besluitvorming as bv  # noqa: E402

_traject = "regio/<slug:regio>/trajecten/<slug:slug>/"
urlpatterns += [
    path("documenten/<int:pk>/besluitvorming/", bv.document_besluitvorming,
         name="document_besluitvorming"),
    path("documenten/<int:pk>/versies/<int:nummer>/indienen/", bv.versie_indienen,
         name="versie_indienen"),
    path("documenten/<int:pk>/versies/<int:nummer>/goedkeuren/", bv.versie_goedkeuren,
         name="versie_goedkeuren"),
    path("documenten/<int:pk>/versies/<int:nummer>/terugsturen/", bv.versie_terugsturen,
         name="versie_terugsturen"),
    path(_traject + "route/", bv.route, name="route"),
    path(_traject + "route/vastleggen/", bv.route_vastleggen, name="route_vastleggen"),
    path(_traject + "route/stappen/", bv.routestap_toevoegen, name="routestap_toevoegen"),
    path(_traject + "route/stappen/<int:stap>/verwijderen/", bv.routestap_verwijderen,
         name="routestap_verwijderen"),
    path(_traject + "route/stappen/<int:stap>/verplaatsen/", bv.routestap_verplaatsen,
         name="routestap_verplaatsen"),
    path(_traject + "voorstellen/", bv.voorstellen, name="voorstellen"),
    path(_traject + "voorstellen/nieuw/", bv.voorstel_nieuw, name="voorstel_nieuw"),
    path("voorstellen/<int:pk>/", bv.voorstel, name="voorstel"),
    path("voorstellen/<int:pk>/bewerken/", bv.voorstel_bewerken, name="voorstel_bewerken"),
    path("voorstellen/<int:pk>/verwijderen/", bv.voorstel_verwijderen,
         name="voorstel_verwijderen"),
    path(_traject + "besluiten/", bv.besluitenlijst, name="besluitenlijst"),
    path(_traject + "besluiten/nieuw/", bv.besluit_nieuw, name="besluit_nieuw"),
    path("regio/<slug:regio>/gremia/<int:pk>/besluiten/", bv.gremium_besluitenlijst,
         name="gremium_besluitenlijst"),
]  # fmt: skip

# Sessions, minutes, input, response report and planning (issue 5).
from .views import sessies  # noqa: E402

urlpatterns += [
    path("regio/<slug:regio>/sessies/", sessies.sessies_regio, name="sessies_regio"),
    path("regio/<slug:regio>/sessies/nieuw/", sessies.sessie_nieuw, name="sessie_nieuw"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/sessies/", sessies.sessies_traject,
         name="sessies_traject"),
    path("sessies/<int:pk>/", sessies.sessie, name="sessie"),
    path("sessies/<int:pk>/bewerken/", sessies.sessie_bewerken, name="sessie_bewerken"),
    path("sessies/<int:pk>/inleiding/", sessies.verslag_inleiding, name="verslag_inleiding"),
    path("sessies/<int:pk>/verslag-vaststellen/", sessies.verslag_vaststellen,
         name="verslag_vaststellen"),
    path("sessies/<int:pk>/<slug:soort>/nieuw/", sessies.onderdeel_nieuw, name="onderdeel_nieuw"),
    path("sessies/<int:pk>/<slug:soort>/<int:item>/", sessies.onderdeel_bewerken,
         name="onderdeel_bewerken"),
    path("sessies/<int:pk>/<slug:soort>/<int:item>/verwijderen/", sessies.onderdeel_verwijderen,
         name="onderdeel_verwijderen"),
    path("inbreng/<int:pk>/verwerking/", sessies.inbreng_verwerking, name="inbreng_verwerking"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/inbreng/", sessies.inbreng_lijst,
         name="inbreng_lijst"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/reactienota/", sessies.reactienota,
         name="reactienota"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/planning/", sessies.planning, name="planning"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/planning/nieuw/", sessies.mijlpaal_nieuw,
         name="mijlpaal_nieuw"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/planning/<int:pk>/", sessies.mijlpaal_bewerken,
         name="mijlpaal_bewerken"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/planning/<int:pk>/verwijderen/",
         sessies.mijlpaal_verwijderen, name="mijlpaal_verwijderen"),
    path("regio/<slug:regio>/trajecten/<slug:slug>/agenda.ics", sessies.agenda, name="agenda"),
]  # fmt: skip
