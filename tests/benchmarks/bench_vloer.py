"""The floor of bench_scale.py: a bare Django view, in the benchmark and not in the app.

It runs the editor's queries (the same selectors as uitgangspunten.views.documenten.document) and
renders the same sections and principles, with their markdown, through a minimal template: what
Django needs at the least to show that page. `bench_scale.py` compares the editor's p50 with it.
Settings module for the benchmark's gunicorn: inkoop.settings plus this URL (ROOT_URLCONF).
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

from inkoop.core.markdown import naar_html
from regions import permissions
from uitgangspunten import selectors

VLOER_URL = "bench-vloer/<int:pk>/"

_SJABLOON = engines["django"].from_string(
    "<!doctype html><html lang=nl><title>{{ document.titel }}</title><h1>{{ document.titel }}</h1>"
    "{% for s in secties %}<section><h2>{{ s.titel }}</h2>{{ s.html }}"
    "{% for g in s.groepen %}<h3>{{ g.label }}</h3><ol>{% for u in g.uitgangspunten %}"
    "<li>{{ u.nummer }}. <strong>{{ u.titel }}</strong> {{ u.html }}</li>{% endfor %}</ol>"
    "{% endfor %}{% for r in s.voorzieningen %}<h3>{{ r.naam }}</h3>{{ r.html }}<ol>"
    "{% for u in r.uitgangspunten %}<li>{{ u.nummer }}. <strong>{{ u.titel }}</strong> "
    "{{ u.html }}</li>{% endfor %}</ol>{% endfor %}</section>{% endfor %}"
)


def _md(items, veld, kenmerk):
    for item in items:
        item["html"] = naar_html(item.get(veld, ""), str(item[kenmerk]))


@login_required
def vloer(request, pk):
    document = selectors.document_detail(pk)
    permissions.vereis(request.user, "concepten_bekijken", document)
    context = selectors.editor(document, request.user)
    secties = context["inhoud"]["secties"]
    _md(secties, "tekst", "id")
    for s in secties:
        for groep in s.get("groepen", []):
            _md(groep["uitgangspunten"], "uitleg", "id")
        for rij in s.get("voorzieningen", []):
            _md(rij["uitgangspunten"], "uitleg", "id")
            rij["html"] = naar_html(rij["ontwikkelingen"], str(rij["voorziening_id"]))
    return HttpResponse(_SJABLOON.render({"document": document, "secties": secties}))


urlpatterns = [
    path(VLOER_URL, vloer, name="bench_vloer"),
    path("", include("inkoop.urls")),
]
