"""Where a Timeline redraw's time goes on the server, phase by phase.

    .venv/bin/python -m bench.redraw_breakdown [--corpus seeds] [--db PATH] [--sessions 10] [--actors 6]

Builds (or reuses, with `--db`) a store of `--corpus`, then redraws the Timeline
for the unfiltered view and for each of the `--actors` most frequent actors, the
way pages/1_Timeline.py does, timing each phase:

- query: `StoreView.timeline` (the counts, then the events, in DuckDB);
- figure: `ui.figures.timeline.timeline_figure`, or the counts figure past POINTS_MAX;
- to browser: what `st.plotly_chart` does with the figure (Plotly's own
  re-validation in `plotly.tools.return_figure_from_figure_or_data`, then
  `plotly.io.to_json`), and the size of the JSON the browser then parses;
- table: `events_table` and the CSV bytes of its download button.

Each redraw is timed alone, then `--sessions` redraws at once on threads (one
server process serves every session so; its store queries share one lock).
These are the costs of a view no session has drawn yet: the page keeps what it
built in the view's memo (`ui.memo`), so a view another session has drawn
costs none of the query and figure phases.
Prints the median of each phase in ms. The browser's own share of a redraw
(parsing and drawing that JSON) is what `bench/concurrency.py` measures beyond
these. Figures are measured, never asserted.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PHASES = ("query", "figure", "to browser", "table", "total")


def redraw(view, filters) -> tuple[dict[str, float], int]:
    """One Timeline redraw's phases (seconds) and the chart JSON's size in bytes."""
    import plotly.io
    import plotly.tools

    from ui.figures.counts import timeline_counts_figure
    from ui.figures.timeline import timeline_figure
    from ui.selection import events_table
    from ui.widgets import to_csv_bytes

    times: dict[str, float] = {}
    started = clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        times[name] = now - clock
        clock = now

    timeline = view.timeline(filters, lane="actor")
    lap("query")
    if timeline.counts is not None:
        figure = timeline_counts_figure(timeline.counts, bucket=timeline.bucket)
    else:
        figure = timeline_figure(timeline.events, lane="actor", clock="event")
    lap("figure")
    spec = plotly.io.to_json(plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True),
                             validate=False)
    lap("to browser")
    if timeline.events is not None:
        to_csv_bytes(events_table(timeline.events, clock="event"), bom=False)
    lap("table")
    times["total"] = time.perf_counter() - started
    return times, len(spec)


def _store(corpus: Path, db: Path | None):
    from core.store.db import Store

    if db is not None and db.exists():
        return Store(db)
    path = db or Path(tempfile.mkdtemp(prefix="redraw-")) / "store.duckdb"
    store = Store(path)
    started = time.perf_counter()
    store.sync([corpus])
    print(f"store built from {corpus} in {time.perf_counter() - started:.0f} s: {path}")
    return store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "seeds")
    parser.add_argument("--db", type=Path, help="an existing store to read (else one is built from --corpus)")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--actors", type=int, default=6)
    args = parser.parse_args(argv)
    if args.db is None and not args.corpus.is_dir():
        print(f"skipped: no corpus folder at {args.corpus}")
        return 0

    from dataclasses import replace

    from core.query import Filters
    from ui.source import StoreView

    store = _store(args.corpus, args.db)
    lock = threading.RLock()
    top = sorted(store.actor_mentions().items(), key=lambda kv: -kv[1])[: args.actors]
    views = [Filters()] + [replace(Filters(), actors=(name,)) for name, _ in top]
    print(f"{len(views)} views: unfiltered, then {', '.join(name for name, _ in top)}")
    view = StoreView(store, lock=lock)        # one view for every session, as ui.data caches it
    redraw(view, views[0])                    # warm: imports, DuckDB caches

    def table(title: str, rows: list[dict[str, float]]) -> None:
        print(f"\n{title}")
        print("".join(f"{p:>12}" for p in PHASES) + "   (median ms)")
        print("".join(f"{statistics.median(r[p] for r in rows) * 1000:12.0f}" for p in PHASES))

    alone, sizes = [], []
    for filters in views:
        times, size = redraw(view, filters)
        alone.append(times)
        sizes.append(size)
        label = filters.actors[0] if filters.actors else "(no filter)"
        print(f"  {label:28} " + " ".join(f"{p} {times[p] * 1000:6.0f}" for p in PHASES) + f"  chart {size / 1e6:.2f} MB")
    table("one redraw at a time", alone)

    jobs = [views[i % len(views)] for i in range(args.sessions)]
    with ThreadPoolExecutor(max_workers=args.sessions) as pool:
        together = [t for t, _ in pool.map(lambda f: redraw(view, f), jobs)]
    table(f"{args.sessions} redraws at once (threads of one process, as the server runs sessions)", together)
    print(f"\nchart JSON per redraw: median {statistics.median(sizes) / 1e6:.2f} MB, largest {max(sizes) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
