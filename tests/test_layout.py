"""The layout's promises: a test file per module, no Streamlit in the core, nothing read
from outside the repository at run time."""

import ast

import pytest

from tests.paths import ROOT

MODULES = sorted(p for folder in ("itinerary", "itinerary_app")
                 for p in (ROOT / folder).rglob("*.py") if p.name != "__init__.py")


def expected_test_file(module):
    parts = module.relative_to(ROOT).parts
    folder = ["app"] if parts[0] == "itinerary_app" else list(parts[1:-1])
    return ROOT.joinpath("tests", *folder, f"test_{module.name}")


@pytest.mark.parametrize("module", MODULES, ids=[str(m.relative_to(ROOT)) for m in MODULES])
def test_every_module_has_its_test_file(module):
    assert expected_test_file(module).is_file()


def imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_the_core_never_imports_streamlit():
    core = sorted((ROOT / "itinerary").rglob("*.py"))
    assert [p.name for p in core if any(name.split(".")[0] in {"streamlit", "streamlit_folium"}
                                        for name in imports(p))] == []


def test_nothing_reads_beside_the_repository_at_run_time():
    code = [ROOT / "app.py", *(ROOT / "itinerary").rglob("*.py"),
            *(ROOT / "itinerary_app").rglob("*.py")]
    # The folder ../shared is only the developers' seed article and hook: the record that
    # was read from there ships inside the package now.
    assert [p.name for p in code
            if any(s in p.read_text(encoding="utf-8") for s in ('"shared"', "../shared"))] == []
