"""`python -m ui.launch`: the warm-up imports what the pages import, and never stops the server."""
from __future__ import annotations

import ast
from pathlib import Path

from ui.launch import WARM_MODULES, warm_up

REPO = Path(__file__).resolve().parents[1]


def test_every_warm_module_imports():
    assert warm_up() == []


def test_a_module_that_fails_to_import_is_reported_not_raised():
    assert warm_up(("pandas", "no_such_module_here", "json")) == ["no_such_module_here"]


def test_the_warm_up_covers_every_project_module_the_pages_import():
    """A page that starts importing a new module of ours should add it to WARM_MODULES."""
    imported = set()
    for page in [REPO / "app.py", *(REPO / "pages").glob("*.py")]:
        for node in ast.walk(ast.parse(page.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("core", "ui"):
                names = [node.module] if node.module.count(".") else [f"{node.module}.{a.name}" for a in node.names]
                imported.update(names)
    ours = {name for name in imported if Path(REPO, *name.split(".")).with_suffix(".py").exists()}
    assert ours and ours <= set(WARM_MODULES), sorted(ours - set(WARM_MODULES))
