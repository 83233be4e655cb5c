from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from inkoop.api import paginas as api_paginas
from inkoop.besluitvorming import urls as besluitvorming_urls
from inkoop.core.account import InlogFormulier
from inkoop.inrichting import urls as inrichting_urls
from inkoop.openbaar import views as openbaar_views
from inkoop.overzicht import informatie
from inkoop.overzicht import urls as overzicht_urls
from inkoop.pdf import urls as pdf_urls
from inkoop.sessies import urls as sessies_urls
from inkoop.trajecten import urls as trajecten_urls
from inkoop.uitwisseling import urls as uitwisseling_urls
from regions.sso import sso_aan

admin.site.site_header = "Inkoopbeleid sociaal domein — beheer"
admin.site.site_title = "Beheer inkoopbeleid"
admin.site.index_title = "Beheer"

# Every page of the process packages shares the "inkoop" namespace (inkoop:regio, inkoop:sessie).
proces = [
    *overzicht_urls.urlpatterns,
    *inrichting_urls.urlpatterns,
    *trajecten_urls.urlpatterns,
    *sessies_urls.urlpatterns,
    *besluitvorming_urls.urlpatterns,
    *pdf_urls.urlpatterns,
    *uitwisseling_urls.urlpatterns,
    *api_paginas.urlpatterns,
]


class Inloggen(auth_views.LoginView):
    """The password login, with the single sign-on button when OpenID Connect is configured."""

    authentication_form = InlogFormulier

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_knop"] = settings.OIDC_SSO_KNOP if sso_aan() else ""
        context["sso_mislukt"] = self.request.GET.get("sso") == "mislukt"
        return context


urlpatterns = [
    path(
        "account/inloggen/",
        Inloggen.as_view(),
        name="login",
    ),
    path("account/uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    # An invited person chooses a password with Django's password-reset token (regions.services).
    path(
        "account/wachtwoord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="registration/wachtwoord_instellen.html",
            success_url=reverse_lazy("wachtwoord_ingesteld"),
        ),
        name="wachtwoord_instellen",
    ),
    path(
        "account/wachtwoord/ingesteld/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/wachtwoord_ingesteld.html"
        ),
        name="wachtwoord_ingesteld",
    ),
    path("account/oidc/", include("mozilla_django_oidc.urls")),
    # Browsers and bookmarks ask for these at the root, whatever the page's <link> says.
    path("favicon.ico", informatie.pictogram, {"naam": "favicon.ico"}, name="favicon"),
    path(
        "apple-touch-icon.png",
        informatie.pictogram,
        {"naam": "apple-touch-icon.png"},
        name="touch_icon",
    ),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("inkoop.api.urls")),
    path("robots.txt", openbaar_views.robots_txt, name="robots"),
    path("", include("inkoop.openbaar.urls")),
    path("", include((proces, "inkoop"))),
    path("", include("uitgangspunten.urls")),
]
