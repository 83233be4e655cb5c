"""`Authorization: Bearer <key>`: the application's account, with the roles its key grants."""

from rest_framework import authentication, exceptions

from regions import permissions

from .models import ApiToken
from .services import sleutel_hash


class SleutelAuthenticatie(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        kop = authentication.get_authorization_header(request).split()
        if not kop or kop[0].lower() != self.keyword.lower().encode():
            return None
        if len(kop) != 2:
            raise exceptions.AuthenticationFailed("Ongeldige Authorization-kop.")
        try:
            sleutel = kop[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed("Ongeldige sleutel.") from exc
        token = (
            ApiToken.objects.select_related("gebruiker")
            .prefetch_related("regios")
            .filter(sleutel_hash=sleutel_hash(sleutel), ingetrokken_op__isnull=True)
            .first()
        )
        if token is None or not token.gebruiker.is_active:
            raise exceptions.AuthenticationFailed("Onbekende of ingetrokken sleutel.")
        gebruiker = token.gebruiker
        permissions.rollen_vastzetten(gebruiker, {r.pk: {token.rol} for r in token.regios.all()})
        return gebruiker, token

    def authenticate_header(self, request):
        return self.keyword
