"""The dashboard with 10,000 articles stored, measured in headless Chromium.

    .venv/bin/python -m bench.app_scale [--articles 10000] [--work DIR] [--workers 2]

1. Builds the synthetic corpus (`bench/make_corpus.py`) under `--work` and
   ingests it into a DuckDB store with `python -m core ingest` (both skipped
   when already there: the ingest is resumable).
2. Starts `streamlit run app.py` on that store and corpus, and in Chromium:
   - time to the first chart after the Timeline page opens, in a fresh server
     (which checks the corpus folder against the store) and in a second session;
   - time from choosing an actor in the sidebar to the redrawn timeline (median
     and worst of several actors);
3. reports the server's peak memory (VmHWM) and whether the restart extracted
   anything (the store's batch count before and after).

Figures are measured, never asserted. Targets (issue 7): first chart < 3 s,
filter to redrawn timeline < 1 s, server memory < 1.5 GB, no extraction on restart.
Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.app_server import CHROMIUM, CHROMIUM_ARGS, IDLE, serve, stop
from bench.make_corpus import make_articles

REPO = Path(__file__).resolve().parents[1]
CHART = "[data-testid='stPlotlyChart']"
# markers of the points (SVG), or the WebGL canvas of the counts per day or week
DRAWN = f"{CHART} .cartesianlayer .point, {CHART} canvas.gl-canvas-context"
ACTORS = "[data-testid='stSidebar'] .st-key-filter_actors"


def build(work: Path, articles: int, workers: int) -> tuple[Path, Path]:
    corpus, db = work / "corpus", work / "store.duckdb"
    if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) < articles:
        corpus.mkdir(parents=True, exist_ok=True)
        for name, text, _meta in make_articles(articles, seed=7):
            (corpus / name).write_text(text, encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "core", "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
                    "--batch-size", "200"], cwd=REPO, check=True)
    print(f"ingest (resumable; 0 s when already stored): {time.perf_counter() - started:.1f} s")
    return corpus, db


def _batches(db: Path) -> tuple[int, int]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*), count(DISTINCT batch_id) FROM results").fetchone()


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def first_chart(page, url: str) -> float:
    started = time.perf_counter()
    page.goto(f"{url}/Timeline")
    page.wait_for_selector(DRAWN, timeout=600_000)
    seconds = time.perf_counter() - started
    page.wait_for_selector(IDLE, timeout=600_000)
    return seconds


# The events the drawn chart counts (the first number of each customdata row: an
# aggregated marker's count) and the number the caption above it announces: equal
# once the new chart is in place, whatever order the browser updates them in.
_CHART_STATE = """([chart, drawn]) => {
    const charts = document.querySelectorAll(chart);
    const plot = document.querySelector(chart + " .js-plotly-plot");
    const caption = document.querySelector("[data-testid='stMain'] [data-testid='stCaptionContainer']");
    const number = caption && caption.textContent.match(/^([0-9,]+) points/);
    const announced = number ? Number(number[1].replace(/,/g, "")) : NaN;
    const counted = plot && plot.data ? plot.data.reduce((sum, trace) => sum + (trace.customdata || []).reduce(
        (cells, row) => cells + (typeof row[0] === "number" ? row[0] : 0), 0), 0) : NaN;
    return {charts: charts.length, drawn: document.querySelectorAll(drawn).length, announced, counted,
            stale: !!document.querySelector('[data-stale="true"]')};
}"""


def filter_change(page, option_index: int) -> tuple[str, float]:
    """Pick the `option_index`-th actor; seconds until the redrawn timeline is in place:
    one chart, drawn, whose markers count as many events as the caption announces,
    a number other than before. (Measures the aggregated view, which 10,000 articles show.)"""
    page.locator(f"{ACTORS} input").click()
    option = page.locator("[role='option']").nth(option_index)
    name = option.inner_text()
    before = page.evaluate(_CHART_STATE, [CHART, DRAWN])
    if before["announced"] != before["counted"]:
        raise SystemExit(f"the unfiltered chart counts {before['counted']} events but its caption says "
                         f"{before['announced']}: is this the aggregated view?")
    started = time.perf_counter()
    option.click()
    page.keyboard.press("Escape")
    page.wait_for_function(
        f"""([chart, drawn, before]) => {{
               const now = ({_CHART_STATE})([chart, drawn]);
               return now.charts === 1 && now.drawn > 0 && !now.stale && now.counted === now.announced
                   && now.announced !== before;
           }}""",
        arg=[CHART, DRAWN, before["announced"]], timeout=120_000)
    seconds = time.perf_counter() - started
    page.wait_for_selector(IDLE, timeout=120_000)
    page.goto(page.url.split("?")[0])          # back to the unfiltered view for the next round
    page.wait_for_selector(DRAWN, timeout=120_000)
    page.wait_for_selector(IDLE, timeout=120_000)
    return name, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/crisis-app-scale"),
                        help="holds corpus/ and store.duckdb; keep it between runs (paths are part of the store's key)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--filters", type=int, default=5, help="actor filter changes to time")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"skipped: no Chromium at {CHROMIUM} (install Debian's chromium; never `playwright install`)")
        return 0
    from playwright.sync_api import sync_playwright

    corpus, db = build(args.work, args.articles, args.workers)
    rows_before, batches_before = _batches(db)
    server, url = serve(corpus, args.work, db=db)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            cold = first_chart(page, url)
            second = browser.new_page(viewport={"width": 1400, "height": 900})
            warm = first_chart(second, url)
            changes = [filter_change(second, index) for index in range(1, args.filters + 1)]
            browser.close()
        memory = peak_memory_mb(server.pid)
    finally:
        stop(server)
    rows_after, batches_after = _batches(db)
    times = [seconds for _name, seconds in changes]
    print(f"store: {rows_after:,} articles in {db}")
    print(f"first chart, fresh server (checks {args.articles:,} files against the store): {cold:.2f} s (target < 3 s)")
    print(f"first chart, second session: {warm:.2f} s (target < 3 s)")
    print("filter -> redrawn timeline: " + ", ".join(f"{name} {s:.2f} s" for name, s in changes))
    print(f"  median {statistics.median(times):.2f} s, worst {max(times):.2f} s (target < 1 s)")
    print(f"server peak memory (VmHWM): {memory:,.0f} MB (target < 1,536 MB)")
    print(f"restart extracted: {rows_after - rows_before} articles, {batches_after - batches_before} new batches "
          "(target 0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
