"""The layers hold: core/ never imports Streamlit or the UI; pages stay thin."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORE_FILES = sorted((REPO / "core").rglob("*.py"))
PAGE_FILES = [REPO / "app.py", *sorted((REPO / "pages").glob("*.py"))]
MAX_PAGE_LINES = 150
# What a page may import at top level: the library, the UI helpers, Streamlit, Plotly.
PAGE_IMPORT_ROOTS = {"core", "ui", "streamlit", "plotly"}


def imported_roots(path: Path) -> set[str]:
    """Top-level package names imported anywhere in `path` (including inside functions)."""
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in
              {"import_module", "__import__"} and node.args and isinstance(node.args[0], ast.Constant)):
            roots.add(str(node.args[0].value).split(".")[0])
    return roots


def test_there_is_core_code_to_check():
    assert len(CORE_FILES) >= 3
    assert (REPO / "core" / "__init__.py") in CORE_FILES


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_core_never_imports_streamlit_or_ui(path):
    forbidden = imported_roots(path) & {"streamlit", "ui", "pages", "app"}
    assert not forbidden, f"{path.relative_to(REPO)} imports {sorted(forbidden)}"


def test_the_checker_sees_hidden_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    import streamlit as st\n    from ui.data import x\n"
                      "    importlib.import_module('streamlit.runtime')\n", encoding="utf-8")
    assert {"streamlit", "ui"} <= imported_roots(sample)


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_pages_are_thin_and_import_only_core_ui_streamlit_plotly(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) < MAX_PAGE_LINES, f"{path.name} has {len(lines)} lines; move logic to core/ or ui/"
    extra = imported_roots(path) - PAGE_IMPORT_ROOTS
    assert not extra, f"{path.name} imports {sorted(extra)}"


def test_every_view_page_exists():
    names = {p.name for p in PAGE_FILES}
    assert {"app.py", "1_Timeline.py", "2_Actors.py", "3_Claims.py"} <= names


def test_nothing_imports_the_pages():
    for path in [*CORE_FILES, *sorted((REPO / "ui").rglob("*.py"))]:
        assert not imported_roots(path) & {"pages", "app"}, path
