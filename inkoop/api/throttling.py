from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class ApiLimiet(SimpleRateThrottle):
    """Requests per application (or per address without a key), counted in the cache.

    The rate is read from the settings at each request (API_LIMIET), not once at import."""

    scope = "api"

    def get_rate(self):
        return settings.API_LIMIET

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            ident = f"u{request.user.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
