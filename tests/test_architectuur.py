"""The layout of docs/architecture.md holds: no first-party import hidden inside a function (the
way cycles were hidden before), no view module over about 400 lines, one conflict template.

The direction of imports itself is checked by import-linter in `make lint`."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("inkoop", "regions", "voorzieningen", "uitgangspunten")
EIGEN = APPS + ("tests",)
# Wiring that loads registrations when Django starts: the one place allowed to import late.
BEDRADING = {ROOT / "inkoop" / "apps.py"}


def _modules():
    for app in APPS:
        for pad in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in pad.parts:
                yield pad


def _eigen_import(node) -> str | None:
    if isinstance(node, ast.ImportFrom):
        if node.level:
            return "." * node.level + (node.module or "")
        naam = node.module or ""
    elif isinstance(node, ast.Import):
        naam = node.names[0].name
    else:
        return None
    return naam if naam.split(".")[0] in EIGEN else None


@pytest.mark.parametrize("pad", list(_modules()), ids=lambda p: str(p.relative_to(ROOT)))
def test_geen_eigen_import_binnen_een_functie(pad):
    if pad in BEDRADING:
        return
    boom = ast.parse(pad.read_text())
    verstopt = []
    for functie in ast.walk(boom):
        if isinstance(functie, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(functie):
                if naam := _eigen_import(node):
                    verstopt.append(f"r.{node.lineno}: {naam}")
    assert not verstopt, f"imports binnen een functie verstoppen een cyclus: {verstopt}"


def test_geen_viewmodule_boven_de_420_regels():
    te_lang = {
        str(p.relative_to(ROOT)): n
        for p in _modules()
        if (p.name == "views.py" or p.parent.name == "views")
        and (n := len(p.read_text().splitlines())) > 420
    }
    assert not te_lang


def test_een_conflictsjabloon():
    sjablonen = [p.name for p in (ROOT / "templates").rglob("*conflict*.html")]
    assert sjablonen == ["conflict.html"]
