"""Conditional GET for pages: an ETag per user and content, 304 when nothing changed.

Django's ConditionalGetMiddleware hashes the response body, but a page with a form carries a
freshly masked CSRF token on every request, so its hash never repeats. Here the ETag is the hash
of the body with the CSRF token values left out, together with what makes the page personal:

- the user (pk) and the session's auth hash: another user, or the same user after a password
  change, never gets a 304 for a page rendered for someone else;
- the CSRF secret of the request's cookie: a 304 lets the browser reuse the page it has, with the
  token masked from that same secret, so its forms still pass the CSRF check; a new secret (after
  logging in again) is a new ETag.

The one-time tokens of create forms (inkoop/core/eenmalig.py) are left out as well: a fresh
uuid on every render, like the CSRF token. A browser that reuses its copy reuses that copy's
tokens; a token is only used up by a create, and a create shows on the page, so a page whose
token was used has another ETag. Only GET/HEAD answers 200 with a complete (not streamed) body
get an ETag; a view that set its own ETag keeps it.

Logged-in pages keep `Cache-Control: private, no-store` (GeenCacheVoorIngelogden): a browser
then refetches instead of revalidating, so the 304 serves clients that keep a copy (scripts,
HTMX requests that send If-None-Match) and the pages that may be cached (not logged in).
"""

import hashlib
import re

from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag

# Where a page carries its per-request tokens: the CSRF token (form field and HTMX header) and
# the one-time token of a create form. The page cache (paginacache.py) puts placeholders there.
CSRF_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ?")[^"]*(")')
EENMALIG_TOKEN = re.compile(rb'(name="formulier_token" value=")[^"]*(")')


def tokens_vervangen(inhoud: bytes, csrf: bytes = b"", eenmalig: bytes = b"") -> bytes:
    """The page with its per-request token values replaced (left out, by default)."""
    inhoud = CSRF_TOKEN.sub(rb"\1" + csrf + rb"\2", inhoud)
    return EENMALIG_TOKEN.sub(rb"\1" + eenmalig + rb"\2", inhoud)


def pagina_etag(request, inhoud: bytes) -> str:
    h = hashlib.sha256()
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        h.update(f"{user.pk}:{user.get_session_auth_hash()}".encode())
    h.update(b"\0" + request.META.get("CSRF_COOKIE", "").encode() + b"\0")
    h.update(tokens_vervangen(inhoud))
    return quote_etag(h.hexdigest()[:32])


class VoorwaardelijkeGet:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if response.streaming or response.has_header("ETag"):
            return response
        response["ETag"] = pagina_etag(request, response.content)
        return get_conditional_response(request, etag=response["ETag"], response=response)
