"""The admin (/beheer/) is for superusers only (issue 11, item 23).

The admin knows nothing of region roles: a staff user with model permissions would see and
change every region's rows there. Rather than scoping every admin queryset by region (one
forgotten queryset leaks), the admin is closed to everyone but superusers; staff users without
superuser status work in the app, where `regions.permissions` applies. Functional management
per region happens in the app (regiobeheerder), not here.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class BeheerSite(admin.AdminSite):
    site_header = "Inkoopbeleid sociaal domein — beheer"
    site_title = "Beheer inkoopbeleid"
    index_title = "Beheer"

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser


class BeheerConfig(AdminConfig):
    default_site = "inkoop.core.beheer.BeheerSite"
