"""Single sign-on with OpenID Connect (mozilla-django-oidc), next to the password login.

Configured from the environment (inkoop/settings.py, docs/sso.md); without OIDC_RP_CLIENT_ID
this backend stays out of the way and the login page shows no button. A person who logs in for
the first time gets an account without roles: a region's administrator gives them roles in the
app, as for anyone else. Only when OIDC_ROLLEN_CLAIM names a claim are the roles taken from it,
as "regio-slug:rol" values, on every login.
"""

import logging

import requests
from django.conf import settings
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .constants import Rol
from .models import Regio, Roltoewijzing

logger = logging.getLogger(__name__)


def sso_aan() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


class SsoBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        if sso_aan():
            super().__init__(*args, **kwargs)

    def authenticate(self, request, **kwargs):
        if not sso_aan():
            return None
        try:
            return super().authenticate(request, **kwargs)
        except requests.RequestException:
            # The provider refused the code or is unreachable: not logged in, and the login
            # page says so (LOGIN_REDIRECT_URL_FAILURE) instead of a server error.
            logger.warning("Inloggen via OpenID Connect mislukt bij de provider")
            return None

    def create_user(self, claims):
        email = claims.get("email", "")
        basis = (claims.get("preferred_username") or email.split("@")[0] or claims["sub"])[:140]
        username, n = basis, 1
        while self.UserModel._default_manager.filter(username=username).exists():
            n += 1
            username = f"{basis}-{n}"
        user = self.UserModel(
            username=username,
            email=email,
            first_name=claims.get("given_name", "")[:150],
            last_name=claims.get("family_name", "")[:150],
        )
        user.set_unusable_password()
        user.save()
        self._rollen_bijwerken(user, claims)
        return user

    def update_user(self, user, claims):
        self._rollen_bijwerken(user, claims)
        return user

    @transaction.atomic
    def _rollen_bijwerken(self, user, claims) -> None:
        claim = getattr(settings, "OIDC_ROLLEN_CLAIM", "")
        if not claim or claim not in claims:
            return  # roles are kept in the app
        gewenst = set()
        regios = {r.slug: r for r in Regio.objects.all()}
        for waarde in claims.get(claim) or []:
            slug, _, rol = str(waarde).partition(":")
            if slug in regios and rol in Rol.values:
                gewenst.add((regios[slug].pk, rol))
        huidig = {(t.regio_id, t.rol): t for t in Roltoewijzing.objects.filter(gebruiker=user)}
        for sleutel, toewijzing in huidig.items():
            if sleutel not in gewenst:
                toewijzing.delete()
        for regio_id, rol in gewenst - huidig.keys():
            Roltoewijzing.objects.create(gebruiker=user, regio_id=regio_id, rol=rol)
