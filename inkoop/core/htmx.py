"""One way to answer a page that HTMX may ask for in part.

A view names its page template and, optionally, the inline partial (django-template-partials,
`{% partialdef name inline %}`) that replaces one element, named after the element's DOM id.
HTMX requests get `page.html#partial`, normal requests the whole page; the response varies on
`HX-Request` so no cache hands one to the other.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def pagina(
    request: HtmxHttpRequest,
    template: str,
    context: dict,
    *,
    partial: str | None = None,
    status: int = 200,
) -> HttpResponse:
    naam = f"{template}#{partial}" if partial and request.htmx else template
    response = render(request, naam, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response
