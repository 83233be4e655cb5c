"""The pages every Dutch government site links in its footer; public, without login."""

from django.shortcuts import redirect, render
from django.templatetags.static import static


def toegankelijkheid(request):
    return render(request, "inkoop/informatie/toegankelijkheid.html")


def privacy(request):
    return render(request, "inkoop/informatie/privacy.html")


def contact(request):
    return render(request, "inkoop/informatie/contact.html")


def pictogram(request, naam):
    """Browsers ask for /favicon.ico at the root whatever <link rel="icon"> says; the static
    name is looked up per request, because the manifest of hashed names exists only after
    collectstatic."""
    return redirect(static(f"icons/{naam}"))
