"""The layout's promises: a test file per module, no Streamlit in the core (not in its code,
its scripts, its styles nor its Markdown), nothing read from outside the repository at run
time, and the built-in trip at data/ as the package carries it."""

import ast
import re

import pytest

from tests.paths import ROOT

# Alembic's migration scripts are run by tests/store/test_database.py and checked against
# the schema by tests/store/test_schema.py, not imported as modules.
MODULES = sorted(p for folder in ("itinerary", "itinerary_app")
                 for p in (ROOT / folder).rglob("*.py")
                 if p.name != "__init__.py" and "migrations" not in p.parts)


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


# What only a Streamlit page knows: its components' state, its widgets' classes, its own
# Markdown directives (:small[…], :red[…], :material/…:), its module names.
# The core's Python may name Streamlit (the command line starts it); its scripts and styles,
# which run in the map's frame, may not even do that.
STREAMLIT_DIALECT = re.compile(r"__GLOBAL_DATA__|\.st-key-|stMain|data-testid|"
                               r"(?<![\w\\]):(small|red|blue|green|orange|violet|gray|"
                               r"rainbow|primary|material)[\[/]")
STREAMLIT_NAME = re.compile(r"streamlit", re.IGNORECASE)


def test_the_core_speaks_no_streamlit_in_code_scripts_styles_or_markdown():
    core = [p for p in (ROOT / "itinerary").rglob("*")
            if p.suffix in {".py", ".js", ".css"} and "vendor" not in p.parts]
    assert len(core) > 40
    found = {p.relative_to(ROOT).as_posix(): m.group(0) for p in core
             if (m := STREAMLIT_DIALECT.search(text := p.read_text(encoding="utf-8"))
                 or (p.suffix != ".py" and STREAMLIT_NAME.search(text)))}
    assert found == {}


def test_nothing_reads_beside_the_repository_at_run_time():
    code = [ROOT / "app.py", *(ROOT / "itinerary").rglob("*.py"),
            *(ROOT / "itinerary_app").rglob("*.py")]
    # The folder ../shared is only the developers' seed article and hook: the record that
    # was read from there ships inside the package now.
    assert [p.name for p in code
            if any(s in p.read_text(encoding="utf-8") for s in ('"shared"', "../shared"))] == []


def test_the_built_in_trip_is_one_copy_at_data_that_the_package_carries():
    from itinerary import config

    for name in ("stops.csv", "meetings.csv"):
        edited, carried = ROOT / "data" / name, config.DATA_DIR / name
        assert edited.is_file() and not edited.is_symlink()
        assert carried.is_symlink() and carried.resolve() == edited.resolve()
