"""The sitemap for the national Woo-index harvester: sitemaps.org with the DiWoo metadata
extension (https://standaarden.overheid.nl/diwoo/metadata/). The subset we write is the
schema in inkoop/openbaar/xsd/ (validated in tests/openbaar/test_sitemap.py)."""

from lxml import etree

from .constants import FORMAAT_PDF, HANDELING_VASTSTELLING, INFORMATIECATEGORIE, TAAL_NL

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO = "https://standaarden.overheid.nl/diwoo/metadata/"


def _el(ouder, naam, tekst=None, resource=None):
    el = etree.SubElement(ouder, f"{{{DIWOO}}}{naam}")
    if resource:
        el.set("resource", resource)
    if tekst is not None:
        el.text = str(tekst)
    return el


def sitemap(publicaties, basis: str) -> bytes:
    basis = basis.rstrip("/")
    urlset = etree.Element(f"{{{SM}}}urlset", nsmap={None: SM, "diwoo": DIWOO})
    for p in publicaties:
        url = etree.SubElement(urlset, f"{{{SM}}}url")
        etree.SubElement(url, f"{{{SM}}}loc").text = basis + p.get_absolute_url()
        etree.SubElement(url, f"{{{SM}}}lastmod").text = p.gepubliceerd_op.date().isoformat()
        diwoo = _el(_el(url, "Document"), "DiWoo")
        ids = _el(diwoo, "identifiers")
        _el(ids, "identifier", basis + p.get_absolute_url())
        _el(diwoo, "publisher", p.regio.naam, resource=p.regio.tooi or None)
        _el(_el(diwoo, "titelcollectie"), "officieleTitel", p.titel)
        _el(diwoo, "language", TAAL_NL[1], resource=TAAL_NL[0])
        _el(diwoo, "format", FORMAAT_PDF[1], resource=FORMAAT_PDF[0])
        _el(diwoo, "creatiedatum", p.documentdatum.isoformat())
        uri, label = INFORMATIECATEGORIE[p.soort]
        klass = _el(diwoo, "classificatiecollectie")
        _el(_el(klass, "informatiecategorieen"), "informatiecategorie", label, resource=uri)
        _el(_el(klass, "documentsoorten"), "documentsoort", p.get_soort_display())
        handeling = _el(_el(diwoo, "documenthandelingen"), "documenthandeling")
        _el(handeling, "soortHandeling", HANDELING_VASTSTELLING[1],
            resource=HANDELING_VASTSTELLING[0])  # fmt: skip
        _el(handeling, "atTime", f"{p.documentdatum.isoformat()}T00:00:00")
    return etree.tostring(urlset, xml_declaration=True, encoding="utf-8", pretty_print=True)
