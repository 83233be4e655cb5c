"""Settings, read from the environment (django-environ).

Production is the default: without DJANGO_DEBUG, DEBUG is off and DJANGO_SECRET_KEY must be set
(the public development key is only accepted with DJANGO_DEBUG=1, which `make run`, `make test`,
pytest (pyproject.toml) and .ci/run set explicitly). The rest runs on a bare machine: SQLite in
var/, Celery tasks off the request in the web process, a local-memory cache, media in var/media
and e-mail on the console. Production differs only by environment (README.md,
docker-compose.yml).
"""

import tomllib
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env(
    DJANGO_DEBUG=(bool, False),
    DJANGO_ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost", "[::1]", "testserver"]),
    DJANGO_SECURE_SSL_REDIRECT=(bool, True),
    DJANGO_SECURE_HSTS_SECONDS=(int, 31_536_000),
    DJANGO_CSRF_TRUSTED_ORIGINS=(list, []),
    REDIS_URL=(str, ""),
    AXES_ENABLED=(bool, True),
)

DEBUG = env("DJANGO_DEBUG")
# The development key is only accepted while DEBUG is on: production must bring its own.
SECRET_KEY = (
    env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-not-for-production")
    if DEBUG
    else env("DJANGO_SECRET_KEY")
)
ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "inkoop.core.beheer.BeheerConfig",  # django.contrib.admin, for superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    "mozilla_django_oidc",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "inkoop",
    "regions",
    "voorzieningen",
    "uitgangspunten",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # ETag per user and content (CSRF tokens left out), 304 when the page did not change.
    "inkoop.core.voorwaardelijk.VoorwaardelijkeGet",
    # Pages of a logged-in user stay out of browser and proxy caches (private, no-store).
    "inkoop.core.middleware.GeenCacheVoorIngelogden",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns lockouts into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "inkoop.urls"
WSGI_APPLICATION = "inkoop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inkoop.context_processors.keuzes",
                "inkoop.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    # SQLite: wait for a writer instead of failing at once when two requests write together.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    # OpenID Connect (docs/sso.md): inert while OIDC_RP_CLIENT_ID is empty.
    "regions.sso.SsoBackend",
]
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_OP_LOGOUT_ENDPOINT = env.str("OIDC_OP_LOGOUT_ENDPOINT", default="")
# A claim with "regio-slug:rol" values; empty: roles are given in the app.
OIDC_ROLLEN_CLAIM = env.str("OIDC_ROLLEN_CLAIM", default="")
OIDC_SSO_KNOP = env.str("OIDC_SSO_KNOP", default="Inloggen met uw organisatieaccount")
LOGIN_REDIRECT_URL_FAILURE = "/account/inloggen/?sso=mislukt"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "inkoop.core.wachtwoorden.MinimumLengte",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "inkoop.core.wachtwoorden.VeelgebruiktWachtwoord"},
    {"NAME": "inkoop.core.wachtwoorden.GenoegVerschillendeTekens"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "inkoop:regios"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after a working day, and when the browser closes.
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login throttling: five failures per user name and address lock for fifteen minutes.
AXES_ENABLED = env("AXES_ENABLED")
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"

LANGUAGE_CODE = "nl"
# Our own Dutch for third-party apps without it (django-axes in the admin).
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Django's Dutch wins over that of Django REST framework (locale/nl: the few messages they share).
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Links in e-mails point here (notifications of the decision route).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="inkoopbeleid@regio.example")
# The footer: where users write to (contact, privacy, accessibility) and which version runs.
CONTACT_EMAIL = env.str("CONTACT_EMAIL", default=DEFAULT_FROM_EMAIL)
with open(BASE_DIR / "pyproject.toml", "rb") as _pyproject:
    APP_VERSIE = env.str("APP_VERSIE", default=tomllib.load(_pyproject)["project"]["version"])

# Redis present: real Celery worker and a shared cache. Absent: tasks run in the web process, in a
# background thread after the commit (TAKEN_MODUS "thread"), so no request waits for a PDF;
# the tests run them in the request ("sync", pyproject.toml).
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
    TAKEN_MODUS = "celery"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = "cache+memory://"
    CELERY_TASK_ALWAYS_EAGER = True
    TAKEN_MODUS = env.str("TAKEN_MODUS", default="thread")
    if TAKEN_MODUS not in ("thread", "sync"):
        raise environ.ImproperlyConfigured("TAKEN_MODUS is 'thread' of 'sync'")
CELERY_TASK_EAGER_PROPAGATES = True
# Whole pages from the shared cache while no table they read changed (inkoop/core/paginacache.py):
# only with a cache all processes share, since each process must see the others' writes.
PAGINACACHE = env.bool("PAGINACACHE", default=bool(REDIS_URL))
# CI gives each run its own queue, so a worker only takes that run's jobs.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="celery")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_TASKS_PER_CHILD = 50
# One job may hold a worker this long: at the soft limit it ends as "mislukt" with a Dutch
# explanation, at the hard limit the worker process is replaced.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("TAAK_ZACHTE_TIJDSLIMIET_S", default=120)
CELERY_TASK_TIME_LIMIT = CELERY_TASK_SOFT_TIME_LIMIT + 30
# A job still "bezig" this long after it started has lost its worker (the hard limit would
# have ended it): the sweep (inkoop.pdf.services.exports_herstellen) plans it again.
TAAK_MARGE_S = 60
TAAK_VERWEESD_NA_S = CELERY_TASK_TIME_LIMIT + TAAK_MARGE_S
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A job whose worker died is redelivered after the visibility timeout: the time limit plus a
# margin, so a running job is never handed to a second worker (tests set it short).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=TAAK_VERWEESD_NA_S),
    "socket_connect_timeout": 2,
}
# The periodic sweep of jobs stuck in the queue (Redis was down) or orphaned (worker died);
# it also runs when a worker starts (inkoop/celery.py) and as `manage.py pdf_opruimen`.
CELERY_BEAT_SCHEDULE = {
    "pdf-opruimen": {"task": "inkoop.pdf.exports_herstellen", "schedule": 60.0},
}
CELERY_RESULT_EXPIRES = 24 * 60 * 60
CELERY_TASK_TRACK_STARTED = True

# The JSON API (inkoop/api, docs/api.md): keys per application, the app's permission module,
# pages of 50, a request limit per key counted in the cache.
API_LIMIET = env.str("API_LIMIET", default="600/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "inkoop.api.authenticatie.SleutelAuthenticatie",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "inkoop.api.paginering.Paginering",
    "DEFAULT_THROTTLE_CLASSES": ["inkoop.api.throttling.ApiLimiet"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Inkoopbeleid sociaal domein — API",
    "DESCRIPTION": "Regio's, voorzieningen, trajecten, uitgangspunten, documenten, voorstellen, "
    "besluiten; inbreng aanleveren. Zie docs/api.md.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    # Swagger UI and Redoc from the installed package, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

# Content-Security-Policy: no inline scripts anywhere. Inline styles stay allowed because the
# server-side SVG charts (pygal) carry their own <style> element.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# The CSRF token reaches HTMX through the page (hx-headers on <body>), never through JavaScript
# reading the cookie, so the cookie can be hidden from scripts too.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env("DJANGO_SECURE_SSL_REDIRECT")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env("DJANGO_SECURE_HSTS_SECONDS")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# PDF rendering (inkoop/pdf/render.py). Print templates render without a request: these give
# them what the pages get from context processors (the domain's choices).
PDF_CONTEXT = ["inkoop.context_processors.keuzes"]

PDF_ROOT = MEDIA_ROOT / "pdf"
# What one PDF job may render (issue 11, punt 15), checked before WeasyPrint starts (HTML) and
# after the layout, before the file is written (pages). Beyond either the job ends as "mislukt"
# with a Dutch explanation instead of holding the worker for minutes.
PDF_MAX_HTML_TEKENS = env.int("PDF_MAX_HTML_TEKENS", default=600_000)
PDF_MAX_PAGINAS = env.int("PDF_MAX_PAGINAS", default=150)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # User text in a message (a title with a line break) can never start a forged log line.
    "filters": {"een_regel": {"()": "inkoop.core.regels.EenRegelFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["een_regel"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "fontTools": {"level": "ERROR"},
        "weasyprint": {"level": "ERROR"},
    },
}

# Publishing to a broker that is away must fail fast, not hold a web request for long.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
