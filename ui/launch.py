"""`python -m ui.launch [streamlit options]`: `streamlit run app.py`, warmed up.

Streamlit imports a page's modules on the first visit, so the first visitor of
a fresh server waits a second or two for pandas, Plotly, DuckDB and our own
modules to load, and for the store to open. This launcher imports them and
opens the store (`ui.data.warm_store`: only when it is already in step with
the corpus, never extracting) before the server starts listening; Streamlit
runs every session's script in this same process, so the first page opens
about as fast as the second. `make run` and the benches use it.
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


def warm_figures() -> bool:
    """Build and serialise a small timeline-counts figure and one trace of each other
    kind the pages draw: Plotly loads a trace type's validators on first use (0.15 s
    of the first Timeline at 10,000 articles). False if that failed (the page then
    builds its figures as usual)."""
    try:
        import pandas as pd
        import plotly.graph_objects as go
        import plotly.io as pio

        from core.figures import timeline_counts_figure

        counts = pd.DataFrame({"bucket_start": [pd.Timestamp("2022-02-07").date()] * 2, "lane": ["a", "b"],
                               "event_type": ["statement", "warning"], "events": [1, 2]})
        figures = [timeline_counts_figure(counts, bucket="week"),
                   go.Figure([go.Scatter(x=[1], y=[1]), go.Scattergl(x=[1], y=[1]), go.Bar(x=[1], y=[1]),
                              go.Scattergeo(lon=[0], lat=[0])])]
        for figure in figures:
            pio.to_json(figure, validate=False)
    except Exception:  # noqa: BLE001 - never stop the server over a warm-up
        return False
    return True


def main(argv: list[str]) -> int:
    if not warm_up():
        from ui.data import warm_store

        warm_figures()
        warm_store()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", "app.py", *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
