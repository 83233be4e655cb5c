"""Every template compiles, and no comment leaks onto a page: Django's {# #} comment ends on
its own line; one that spans lines is printed as text (it happened to the PDF widget)."""

import re
from pathlib import Path

import pytest
from django.template.loader import get_template

ROOT = Path(__file__).resolve().parent.parent
SJABLONEN = sorted((ROOT / "templates").rglob("*.html"))
OPEN_COMMENTAAR = re.compile(r"\{#(?![^\n]*#\})")


def _naam(pad):
    return str(pad.relative_to(ROOT / "templates"))


def test_sjablonen_gevonden():
    assert len(SJABLONEN) > 40


@pytest.mark.parametrize("pad", SJABLONEN, ids=_naam)
def test_sjabloon_compileert_zonder_commentaar_over_meer_regels(pad):
    get_template(_naam(pad))
    regels = [
        f"regel {nummer}"
        for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), start=1)
        if OPEN_COMMENTAAR.search(regel)
    ]
    assert regels == [], f"{{# zonder #}} op dezelfde regel: {regels}"


def test_controle_vangt_commentaar_over_meer_regels():
    assert OPEN_COMMENTAAR.search("{# begint hier\n")
    assert not OPEN_COMMENTAAR.search("{# past op één regel #}")
