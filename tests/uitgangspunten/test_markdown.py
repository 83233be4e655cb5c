"""Hostile markdown: whatever comes in, no script, event handler or dangerous URL comes out."""

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inkoop.core.markdown import TAGS, naar_html, sanitise

VIJANDIG = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="JaVaScRiPt:alert(1)">klik</a>',
    '<a href="jav&#x09;ascript:alert(1)">klik</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<body onload="alert(1)">',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<p onclick="alert(1)" onmouseover=alert(2)>tekst</p>',
    "[klik](javascript:alert(1))",
    "[klik](JAVASCRIPT:alert(1))",
    "[klik](  javascript:alert(1))",
    "[klik](java\tscript:alert(1))",
    "[klik](javascript&colon;alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](vbscript:msgbox(1))",
    "![plaatje](javascript:alert(1))",
    '![x](https://example.org/x.png"onerror="alert(1))',
    "[x]: javascript:alert(1)\n\n[klik][x]",
    "<javascript:alert(1)>",
    '<https://example.org/" onclick="alert(1)>',
    "[voetnoot][^1]\n\n[^1]: <script>alert(1)</script> [x](javascript:alert(1))",
    "| kop |\n| --- |\n| <img src=x onerror=alert(1)> |",
    "> <script>alert(1)</script>",
    "```\n<script>alert(1)</script>\n```",
    "- <iframe src=//evil.example>\n- <svg/onload=alert(1)>",
    "<!-- <script>alert(1)</script> -->",
    "<<script>script>alert(1)<</script>/script>",
    '<a href="https://example.org" target="_blank" onclick="x()">veilig?</a>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel=stylesheet href="javascript:alert(1)">',
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
]

SCHEMA = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)
VEILIGE_SCHEMAS = {"http", "https", "mailto"}


class Elementen(HTMLParser):
    """The real elements and attributes of the output (text that looks like a tag is text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.gevonden = []

    def handle_starttag(self, tag, attrs):
        self.gevonden.append((tag, attrs))

    handle_startendtag = handle_starttag


def veilig(html):
    parser = Elementen()
    parser.feed(html)
    for tag, attrs in parser.gevonden:
        assert tag in TAGS, f"<{tag}> in {html!r}"
        for naam, waarde in attrs:
            assert not naam.startswith("on"), f"{naam} in {html!r}"
            assert naam != "style" or "url(" not in (waarde or ""), html
            if naam in ("href", "src", "action", "formaction"):
                # After entity decoding (the browser's view), only safe schemes remain.
                # Browsers ignore whitespace and control characters inside a scheme.
                schoon = re.sub(r"[\x00-\x20]", "", waarde or "")
                schema = SCHEMA.match(schoon)
                assert not schema or schema.group(1).lower() in VEILIGE_SCHEMAS, (
                    f"{naam}={waarde!r} in {html!r}"
                )


@pytest.mark.parametrize("invoer", VIJANDIG)
def test_vijandige_markdown_wordt_onschadelijk(invoer):
    veilig(str(naar_html(invoer, "t")))


@pytest.mark.parametrize("invoer", VIJANDIG)
def test_sanitiser_alleen_vangt_ook_ruwe_html(invoer):
    """Defence in depth: even if the markdown renderer ever passed raw HTML on, nh3 cleans it."""
    veilig(sanitise(invoer))


@pytest.mark.parametrize(
    "html",
    ['<a href="javascript:alert(1)">x</a>', "<p onclick=x>y</p>", "<script>x</script>",
     '<a href="&#106;avascript:x">x</a>'],
)  # fmt: skip
def test_controle_kan_falen(html):
    with pytest.raises(AssertionError):
        veilig(html)


def test_gewone_opmaak_blijft_werken():
    html = str(
        naar_html(
            "**vet** en *cursief*\n\n- a\n- b\n\n[link](https://example.org)\n\n"
            "Noot[^1]\n\n[^1]: Uitleg.",
            "s1",
        )
    )
    assert "<strong>vet</strong>" in html and "<em>cursief</em>" in html and "<li>a</li>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">link</a>' in html
    assert 'class="footnotes"' in html and "Uitleg." in html
    tabel = str(naar_html("| a | b |\n| --- | ---: |\n| 1 | 2 |"))
    assert "<table>" in tabel and 'style="text-align:right"' in tabel


def test_html_in_invoer_wordt_tekst():
    assert "&lt;script&gt;" in str(naar_html("<script>alert(1)</script>"))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["<", ">", "script", "javascript:", "on", "load=", "error=", "[", "](", ")", "\"", "'",
             "img", "svg", " ", "\n", "&#", "x", ":", "data:", "href=", "`", "*", "[^1]", "|"]
        ),
        max_size=40,
    ).map("".join)
)  # fmt: skip
def test_willekeurige_combinaties_blijven_veilig(invoer):
    veilig(str(naar_html(invoer, "h")))


@pytest.mark.parametrize(
    ("tekst", "koppen"),
    [
        ("## Kop\n\ntekst\n\n### Subkop", ["h3", "h4"]),  # the editor's Kop and Subkop
        ("# Kop\n\n## Subkop", ["h3", "h4"]),  # a Word import's sub-heading
        ("### Alleen een subkop", ["h3"]),
    ],
)
def test_hoogste_kop_van_een_tekst_wordt_h3_zonder_niveau_over_te_slaan(tekst, koppen):
    # Under the section title (h2) a text never starts at h4 (axe heading-order).
    assert re.findall(r"<(h[1-6])>", str(naar_html(tekst))) == koppen
