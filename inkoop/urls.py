from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from inkoop.forms.account import InlogFormulier

admin.site.site_header = "Inkoopbeleid sociaal domein — beheer"
admin.site.site_title = "Beheer inkoopbeleid"
admin.site.index_title = "Beheer"

urlpatterns = [
    path(
        "account/inloggen/",
        auth_views.LoginView.as_view(authentication_form=InlogFormulier),
        name="login",
    ),
    path("account/uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("", include("regions.urls")),
    path("", include("voorzieningen.urls")),
    path("", include("inkoop.urls_proces")),
    path("", include("uitgangspunten.urls")),
]
