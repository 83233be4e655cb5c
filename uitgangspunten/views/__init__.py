"""Drafting views: principles (`uitgangspunten`), the document editor (`documenten`), versions
and redline (`versies`).

Every view checks permissions through regions.permissions, reads through the selectors and
writes through the services. HTMX requests get the partial that replaces one element (named
after its DOM id, `inkoop.core.htmx.pagina`); the same URL without HTMX gives the full page or
redirects after a POST, so everything works without JavaScript.
"""
