"""Responses to a logged-in user are never stored by a browser or a proxy.

Drafts, decisions not yet public and other regions' work must not stay behind in a shared
computer's cache or an intermediate proxy after logging out: every response to a logged-in user
gets `Cache-Control: private, no-store` (Django's never_cache headers), unless the view already
said it may be cached privately (which no view does yet).
"""

from django.utils.cache import add_never_cache_headers


class GeenCacheVoorIngelogden:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
