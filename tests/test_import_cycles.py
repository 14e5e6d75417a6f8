"""No import cycles among our modules (issue 19).

Every `import` and `from ... import` in core/, ui/, bench/, pages/ and app.py
counts, at the top of a module or inside a function: an import moved into a
function still makes the cycle it dodges. A cycle is reported with its modules.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "ui", "bench")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def our_modules() -> dict[str, Path]:
    found = {module_name(p): p for package in PACKAGES for p in (REPO / package).rglob("*.py")}
    found.update({f"pages.{p.stem}": p for p in (REPO / "pages").glob("*.py")})
    found["app"] = REPO / "app.py"
    return found


def imported(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of ours that `name` imports: `from a.b import c` is `a.b.c` when that
    is a module, else `a.b` (a name defined in, or re-exported by, `a.b`)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for after in sorted(graph.get(node, ())):
            if after not in index:
                visit(after)
                low[node] = min(low[node], low[after])
            elif after in on_stack:
                low[node] = min(low[node], index[after])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = our_modules()
    return {name: imported(name, path, modules) for name, path in modules.items()}


def test_no_module_of_ours_is_in_an_import_cycle() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


@pytest.mark.parametrize(("graph", "expected"), [
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
])
def test_the_cycle_finder_finds_cycles(graph, expected) -> None:
    assert cycles(graph) == expected


def test_an_import_inside_a_function_counts(tmp_path: Path) -> None:
    modules = {"core.a": tmp_path / "a.py", "core.b": tmp_path / "b.py", "core": tmp_path / "__init__.py"}
    modules["core.a"].write_text("def f():\n    from core import b\n", encoding="utf-8")
    modules["core.b"].write_text("from core.a import f\n", encoding="utf-8")
    graph = {name: imported(name, path, modules) for name, path in modules.items() if name != "core"}
    assert cycles(graph) == [["core.a", "core.b"]]
