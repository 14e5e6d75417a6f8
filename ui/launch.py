"""`python -m ui.launch [streamlit options]`: `streamlit run app.py`, with the
store built and the process warmed up.

Before the server starts listening, the launcher brings the store in step with
the corpus folders (`ui.data.build_store`: the same sync a page would run, with
a progress bar on the terminal: articles done, total, rate, time left), so the
first visitor never waits for extraction: on the 101-document seed corpus that
is about a minute, once. Then, as Streamlit imports a page's modules on the
first visit, it imports them (pandas, Plotly, DuckDB, our own), builds one
figure of each kind and opens the store into the page caches
(`ui.data.warm_store`); Streamlit runs every session's script in this same
process, so the first page opens about as fast as the second. `make run` and
the benches use it.
"""
from __future__ import annotations

import importlib
import sys
import time
from typing import IO

# What the pages import, heaviest first (kept as data: add a module here when a page starts using it).
WARM_MODULES = (
    "pandas", "plotly.graph_objects", "plotly.io", "duckdb", "numpy",
    "core.store.db", "core.present.highlight", "core.present.export", "core.query", "core.read.corpus", "core.read.upload", "core.read.uploads_folder",
    "ui.figures.common", "ui.figures.points", "ui.figures.timeline", "ui.figures.counts", "ui.figures.maps",
    "ui.figures.network", "ui.figures.claims",
    "ui.page", "ui.data", "ui.source", "ui.filters", "ui.selection", "ui.widgets", "ui.detail", "ui.timeline", "ui.memo",
    "ui.imports", "ui.import_status", "ui.claims", "core.combine.ledger",
    # imported lazily when the store opens (its actor dictionary), and it brings in spaCy: 0.7 s
    "core.extract.actors",
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

        from ui.figures.counts import timeline_counts_figure

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


def build_store(stream: IO[str] | None = None) -> bool:
    """Bring the store in step with the corpus folders, with the extraction's
    progress on `stream` (default stderr; `core.progress`), and say what was done.
    True when the store is in step; False when it could not be built (an ingest
    writing it, say): said on `stream`, never stopping the launch (the first page
    tries again and shows why)."""
    stream = stream or sys.stderr
    try:
        from core.progress import ExtractionProgress
        from ui import data

        db = data.db_path()
        started = time.perf_counter()
        recovery = data.store_recovery(str(db))          # opens the store
        if recovery is not None:
            print(f"warning: {recovery.message()}", file=stream)
        with ExtractionProgress(stream, label="store") as progress:
            report = data.build_store(progress=progress)
    except Exception as error:  # noqa: BLE001 - the server still starts; its first page says why
        print(f"warning: the store could not be built before serving ({type(error).__name__}: {error}); "
              "the first page will try again and say why", file=stream)
        return False
    if report is None:
        print(f"store: {db} is in step with the corpus; nothing to extract", file=stream)
        return True
    seconds = time.perf_counter() - started
    rate = report.added / seconds if seconds > 0 else 0.0
    problems = f"; {len(report.problems)} problem(s), listed on the Overview page" if report.problems else ""
    print(f"store: {report.added} extracted, {report.skipped} already stored, {report.removed} removed "
          f"in {seconds:.1f} s ({rate:.1f} articles/s), in {db}{problems}", file=stream)
    return True


def main(argv: list[str]) -> int:
    failed = warm_up()
    try:
        build_store()
    except KeyboardInterrupt:
        print("stopped before serving: the articles extracted so far stay in the store", file=sys.stderr)
        return 130
    if not failed:
        from ui.data import warm_store

        warm_figures()
        warm_store()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", "app.py", *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
