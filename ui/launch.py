"""`python -m ui.launch [streamlit options]`: `streamlit run app.py`, warmed up.

Streamlit imports a page's modules on the first visit, so the first visitor of
a fresh server waits a second or two for pandas, Plotly, DuckDB and our own
modules to load. This launcher imports them before the server starts
listening (Streamlit runs every session's script in this same process), so
the first page opens as fast as the second. `make run` and the benches use it.
"""
from __future__ import annotations

import importlib
import sys

# What the pages import, heaviest first (kept as data: add a module here when a page starts using it).
WARM_MODULES = (
    "pandas", "plotly.graph_objects", "plotly.io", "duckdb", "numpy",
    "core.db", "core.figures", "core.highlight", "core.export", "core.query", "core.corpus", "core.upload",
    "ui.data", "ui.source", "ui.filters", "ui.selection", "ui.widgets", "ui.detail",
    # imported lazily when the store opens (its actor dictionary), and it brings in spaCy: 0.7 s
    "core.actors",
)


def warm_up(modules: tuple[str, ...] = WARM_MODULES) -> list[str]:
    """Import `modules`; the names that failed (the page then imports them itself and shows why)."""
    failed = []
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - never stop the server over a warm-up
            failed.append(name)
    return failed


def main(argv: list[str]) -> int:
    warm_up()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", "app.py", *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
