from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from inkoop.besluitvorming.models import Voorstel
from inkoop.sessies.models import Actiepunt, Inbreng, Sessie
from inkoop.trajecten.models import Gremium, Mijlpaal, Traject, TrajectVoorziening
from regions import permissions
from regions.models import Lidmaatschap, Regio
from uitgangspunten.constants import Beoordeling
from uitgangspunten.models import Document, Opmerking, Versie
from voorzieningen.models import Voorziening


def traject_detail(regio_slug, slug):
    return (
        Traject.objects.select_related("regio", "vorige")
        .prefetch_related(
            Prefetch(
                "scope",
                queryset=TrajectVoorziening.objects.select_related(
                    "voorziening", "voorziening__perceel"
                ).order_by("voorziening__volgorde", "voorziening__naam"),
            ),
            Prefetch("mijlpalen", queryset=Mijlpaal.objects.order_by("volgorde", "datum")),
            Prefetch("documenten", queryset=Document.objects.order_by("titel")),
            Prefetch("sessies", queryset=Sessie.objects.order_by("-datum")),
        )
        .annotate(
            aantal_uitgangspunten=Count("uitgangspunten", distinct=True),
            open_inbreng=Count("inbreng", filter=Q(inbreng__verwerking=""), distinct=True),
        )
        .get(regio__slug=regio_slug, slug=slug)
    )


# The lists of "mijn werk", each a queryset of the work waiting for the user. The page shows the
# first KORT of each (one query per list: KORT + 1 rows tell whether there are more); a list with
# more has its own page, in pages of PER_PAGINA (inkoop:mijn_werk_lijst).
KORT = 10
PER_PAGINA = 25
LIJSTEN = {
    "te_beoordelen": "Versies ter beoordeling",
    "teruggestuurd": "Teruggestuurde versies",
    "voor_te_bereiden": "Voorstellen voor te bereiden",
    "vast_te_leggen": "Besluiten vast te leggen",
    "open_opmerkingen": "Open opmerkingen",
    "open_inbreng": "Inbreng nog te verwerken",
    "actiepunten": "Mijn actiepunten",
}


def _nieuwere():
    # A version that a newer version of its document superseded is no longer work to do.
    return Exists(
        Versie.objects.filter(document=OuterRef("document"), nummer__gt=OuterRef("nummer"))
    )


# Per list: the model, the action its links lead to (the list covers only the regions where the
# user's current roles allow it: a withdrawn role takes the region's items off, also the user's
# own), what the items show, the order, and which rows are work.
WERK = {
    "te_beoordelen": (
        Versie, "beoordelen", ("document", "document__traject", "auteur"), "aangemaakt",
        lambda qs, user: qs.filter(beoordeling=Beoordeling.INGEDIEND).exclude(auteur=user),
    ),
    "teruggestuurd": (
        Versie, "bewerken", ("document",), "aangemaakt",
        lambda qs, user: qs.filter(auteur=user, beoordeling=Beoordeling.TERUGGESTUURD).exclude(
            _nieuwere()
        ),
    ),
    # Approved versions no proposal carries yet: a proposal to a body is to be prepared.
    "voor_te_bereiden": (
        Versie, "bewerken", ("document", "document__traject", "document__traject__regio"),
        "aangemaakt",
        lambda qs, user: qs.filter(
            beoordeling=Beoordeling.GOEDGEKEURD, voorstellen__isnull=True
        ).exclude(_nieuwere()),
    ),
    # Proposals without any decision yet: a decision is to be recorded.
    "vast_te_leggen": (
        Voorstel, "besluiten_vastleggen", ("gremium", "traject", "traject__regio"), "aangemaakt",
        lambda qs, user: qs.filter(besluiten__isnull=True),
    ),
    "open_opmerkingen": (
        Opmerking, "bewerken", ("document", "auteur", "sectie", "uitgangspunt"), "aangemaakt",
        lambda qs, user: qs.filter(opgelost_op__isnull=True),
    ),
    "open_inbreng": (
        Inbreng, "sessies_bewerken", ("traject", "traject__regio", "sessie", "voorziening"),
        "aangemaakt",
        lambda qs, user: qs.filter(verwerking=""),
    ),
    "actiepunten": (
        Actiepunt, "concepten_bekijken", ("sessie",), "deadline",
        lambda qs, user: qs.filter(eigenaar_gebruiker=user, afgerond=False),
    ),
}  # fmt: skip


def werklijst(user, naam):
    """One list of "mijn werk" (a key of LIJSTEN), as a queryset."""
    model, actie, toont, volgorde, werk = WERK[naam]
    qs = permissions.binnen_regios(model.objects.all(), user, actie)
    if model is Versie:
        qs = qs.defer("inhoud")  # the frozen content: large, and a list never shows it
    return werk(qs, user).select_related(*toont).order_by(volgorde, "pk")


def mijn_werk(user, kort=KORT):
    """What waits for this user, across their regions: the first `kort` of every list, and
    per list whether there is more (`meer`)."""
    komende_sessies = (
        permissions.binnen_regios(Sessie.objects.all(), user, "concepten_bekijken")
        .filter(datum__gte=timezone.localdate())
        .select_related("regio", "gremium")
        .order_by("datum", "begintijd")[:10]
    )
    werk = {"acties": permissions.acties_ergens(user), "komende_sessies": list(komende_sessies)}
    werk["labels"], werk["meer"] = LIJSTEN, {}
    for naam in LIJSTEN:
        rijen = list(werklijst(user, naam)[: kort + 1])
        werk[naam], werk["meer"][naam] = rijen[:kort], len(rijen) > kort
    return werk


def _aantal(qs, telling=None):
    """Count rows per region in a correlated subquery: joining members, services and rounds
    in one query would multiply them (members × services × rounds rows per region)."""
    return Coalesce(
        Subquery(
            qs.filter(regio=OuterRef("pk"))
            .order_by()
            .values("regio")
            .annotate(n=telling or Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def regios_voor(user):
    """The overview: the user's regions with what is in them, counted in the database."""
    return (
        permissions.binnen_regios(Regio.objects.all(), user)
        .annotate(
            aantal_gemeenten=_aantal(Lidmaatschap.objects.op(), Count("gemeente", distinct=True)),
            aantal_voorzieningen=_aantal(Voorziening.objects.all()),
            aantal_trajecten=_aantal(Traject.objects.all()),
        )
        .order_by("naam")
    )


def regio_detail(slug):
    """One region with members (over time), services and rounds, in a fixed number of queries."""
    return Regio.objects.prefetch_related(
        Prefetch(
            "lidmaatschappen",
            queryset=Lidmaatschap.objects.select_related("gemeente").order_by(
                "gemeente__naam", "begin"
            ),
        ),
        Prefetch(
            "voorzieningen",
            queryset=Voorziening.objects.select_related("perceel", "parent").order_by(
                "wet", "volgorde", "naam"
            ),
        ),
        Prefetch("trajecten", queryset=Traject.objects.select_related("vorige")),
        "percelen",
        Prefetch("gremia", queryset=Gremium.objects.select_related("gemeente")),
    ).get(slug=slug)
