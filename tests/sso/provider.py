"""A small, real OpenID Connect provider for the tests, on loopback: authorization code flow
with an RS256-signed ID token (Authlib's JOSE), a JWKS, a token and a userinfo endpoint.

It checks what a provider checks (client id and secret, redirect URI, the one-time code) and
knows one person; the app's client (mozilla-django-oidc) talks to it over real HTTP."""

import json
import secrets
import threading
import time
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, make_server

from authlib.jose import JsonWebKey, jwt

CLIENT_ID = "inkoop-test"
CLIENT_SECRET = "geheim-van-de-test"


class _Stil(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class Provider:
    def __init__(self, persoon: dict):
        self.persoon = persoon
        self.sleutel = JsonWebKey.generate_key("RSA", 2048, is_private=True, options={"kid": "t1"})
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self.server = make_server("127.0.0.1", 0, self.app, handler_class=_Stil)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def instellingen(self) -> dict:
        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.url}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.url}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.url}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.url}/jwks",
        }

    def _antwoord(self, start, status, body=None, headers=()):
        kop = list(headers)
        data = b""
        if body is not None:
            data = json.dumps(body).encode()
            kop.append(("Content-Type", "application/json"))
        start(status, kop)
        return [data]

    def app(self, environ, start):
        pad = environ["PATH_INFO"]
        vraag = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if pad == "/authorize":
            if vraag.get("client_id") != CLIENT_ID or vraag.get("response_type") != "code":
                return self._antwoord(start, "400 Bad Request", {"error": "invalid_request"})
            code = secrets.token_urlsafe(16)
            self.codes[code] = {"nonce": vraag.get("nonce"), "redirect": vraag["redirect_uri"]}
            terug = vraag["redirect_uri"] + "?" + urlencode({"code": code, "state": vraag["state"]})
            return self._antwoord(start, "302 Found", headers=[("Location", terug)])
        if pad == "/token" and environ["REQUEST_METHOD"] == "POST":
            lengte = int(environ.get("CONTENT_LENGTH") or 0)
            form = {
                k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(lengte).decode()).items()
            }
            uitgifte = self.codes.pop(form.get("code", ""), None)
            if (
                uitgifte is None
                or form.get("client_id") != CLIENT_ID
                or form.get("client_secret") != CLIENT_SECRET
                or form.get("redirect_uri") != uitgifte["redirect"]
            ):
                return self._antwoord(start, "400 Bad Request", {"error": "invalid_grant"})
            nu = int(time.time())
            claims = {"iss": self.url, "sub": self.persoon["sub"], "aud": CLIENT_ID,
                      "iat": nu, "exp": nu + 300, "nonce": uitgifte["nonce"]}  # fmt: skip
            id_token = jwt.encode({"alg": "RS256", "kid": "t1"}, claims, self.sleutel).decode()
            toegang = secrets.token_urlsafe(16)
            self.tokens[toegang] = self.persoon
            return self._antwoord(start, "200 OK", {"access_token": toegang, "token_type":
                                  "Bearer", "expires_in": 300, "id_token": id_token})  # fmt: skip
        if pad == "/userinfo":
            kop = environ.get("HTTP_AUTHORIZATION", "")
            persoon = self.tokens.get(kop.removeprefix("Bearer "))
            if persoon is None:
                return self._antwoord(start, "401 Unauthorized", {"error": "invalid_token"})
            return self._antwoord(start, "200 OK", persoon)
        if pad == "/jwks":
            return self._antwoord(
                start, "200 OK", {"keys": [self.sleutel.as_dict(is_private=False)]}
            )
        return self._antwoord(start, "404 Not Found", {"error": "not_found"})
