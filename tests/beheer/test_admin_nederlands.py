"""The admin (/beheer/) in Dutch throughout (issue 17): Django's own pages, django-axes and
django-simple-history included, permissions by a Dutch label, and "het" for neuter nouns."""

import re

import lxml.html
import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from inkoop.core.beheertaal import lidwoord, recht_label
from inkoop.pdf.constants import ExportSoort
from inkoop.pdf.models import Export
from tests.factories import DocumentFactory, PerceelFactory, UserFactory
from tests.factories.besluitvorming import VoorstelFactory
from tests.utils import formulier_waarden

pytestmark = pytest.mark.django_db

ENGELS = re.compile(
    r"\b(Add|History|Access|attempts?|Can (?:add|change|delete|view)|Model name|Changed by|"
    r"Change reason|View history|None|Comment|Revert|Home|Log for|Attempted|Object id|"
    r"Content type)\b"
)


@pytest.fixture
def beheer():
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(UserFactory(is_staff=True, is_superuser=True, username="beheer"))
    return client


def _zichtbare_tekst(html: str) -> str:
    """What a person reads or hears: the text, and titles, labels and button values."""
    boom = lxml.html.fromstring(html)
    for weg in boom.xpath("//script|//style"):
        weg.drop_tree()
    attributen = boom.xpath("//@title|//@aria-label|//@placeholder|//input[@type='submit']/@value")
    return " ".join([boom.text_content(), *attributen])


def test_beheerpaginas_van_django_axes_en_historie_zonder_engels(beheer):
    document = DocumentFactory()
    export = Export.objects.create(onderwerp=document, soort=ExportSoort.VERSIE)
    nu = timezone.now()
    log = AccessLog.objects.create(username="adviseur", ip_address="127.0.0.1", attempt_time=nu)
    AccessAttempt.objects.create(
        username="adviseur", ip_address="127.0.0.1", attempt_time=nu, failures_since_start=2
    )
    paginas = [
        reverse("admin:index"),
        reverse("admin:axes_accessattempt_changelist"),
        reverse("admin:axes_accesslog_changelist"),
        reverse("admin:axes_accesslog_change", args=[log.pk]),
        reverse("admin:auth_group_add"),
        reverse("admin:auth_user_add"),
        reverse("admin:uitgangspunten_document_history", args=[document.pk]),
        reverse("admin:uitgangspunten_document_changelist"),
        reverse("admin:inkoop_export_change", args=[export.pk]),
        reverse("admin:inkoop_bijlage_changelist"),
    ]
    with translation.override("nl"):
        for url in paginas:
            antwoord = beheer.get(url)
            assert antwoord.status_code == 200, url
            tekst = _zichtbare_tekst(antwoord.text)
            assert not ENGELS.findall(tekst), (url, sorted(set(ENGELS.findall(tekst))))
    # The Dutch is there, not just the English gone.
    index = _zichtbare_tekst(beheer.get(reverse("admin:index")).text)
    assert "Inlogpogingen" in index and "Toevoegen" in index
    groep = beheer.get(reverse("admin:auth_group_add")).text
    assert "Axes | inlogpoging | toevoegen" in groep


def test_recht_met_nederlands_label_eigen_recht_houdt_zijn_naam():
    recht = Permission.objects.get(codename="change_perceel")
    assert recht_label(recht) == "Voorzieningen | perceel | wijzigen"


@pytest.mark.parametrize(
    ("naam", "woord"),
    [
        ("inkooptraject", "het"), ("document", "het"), ("uitgangspunt", "het"),
        ("kengetal", "het"), ("gremium", "het"), ("voorstel", "het"), ("besluit", "het"),
        ("voorziening", "de"), ("stap in besluitvormingsroute", "de"),
        ("voorziening in traject", "de"), ("uitkomst per beslispunt", "de"), ("sessie", "de"),
    ],
)  # fmt: skip
def test_lidwoord_volgt_het_hoofdwoord(naam, woord):
    assert lidwoord(naam) == woord


def test_melding_na_wijzigen_en_verwijderen_met_het_juiste_lidwoord(beheer):
    perceel = PerceelFactory(naam="Wmo – HbH")
    wijzig = reverse("admin:voorzieningen_perceel_change", args=[perceel.pk])
    data = formulier_waarden(beheer.get(wijzig).text, met_veld="naam")
    antwoord = beheer.post(wijzig, {**data, "naam": "Wmo – Hulp"}, follow=True)
    (melding,) = re.findall(r'<li class="success">(.*?)</li>', antwoord.text)
    assert melding.startswith("Het perceel ‘<a ") and "Wmo – Hulp</a>’ is met succes" in melding

    voorstel = VoorstelFactory()
    verwijder = reverse("admin:inkoop_voorstel_delete", args=[voorstel.pk])
    data = formulier_waarden(beheer.get(verwijder).text, met_veld="post")
    antwoord = beheer.post(verwijder, data, follow=True)
    assert "Het voorstel ‘" in antwoord.text and "is met succes verwijderd" in antwoord.text
