"""Where a Timeline redraw's time goes in the browser: one Chromium session, alone.

    .venv/bin/python -m bench.redraw_browser [--corpus seeds] [--db PATH] [--actors 6] [--work DIR]

Starts the dashboard (on the store `--db` when given, else one built from
`--corpus` under `--work`), opens the Timeline in one headless Chromium, then for
each of the first `--actors` actors the sidebar offers: picks it, waits for the
redrawn chart (as `bench/concurrency.py` does), and clears the filter again. For each
redraw it prints the wall time and what Chromium's own counters (DevTools
`Performance.getMetrics`) say the page's renderer spent: all its tasks, and of
them script, layout and style; "other" is the rest (painting, parsing, garbage
collection), and the DOM nodes added. With `bench/redraw_breakdown.py` (the
server's side) it tells where a redraw's time goes; ten sessions at once on two
cores (`bench/concurrency.py`) queue for the same CPU. Figures are measured, never
asserted. Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM).
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bench.app_server import CHROMIUM, CHROMIUM_ARGS, serve, stop
from bench.concurrency import Record, Session

REPO = Path(__file__).resolve().parents[1]
COUNTERS = {"task": "TaskDuration", "script": "ScriptDuration", "layout": "LayoutDuration",
            "style": "RecalcStyleDuration"}


async def measure(url: str, actors: int) -> list[tuple[str, float, dict[str, float]]]:
    from playwright.async_api import async_playwright

    rows = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = await browser.new_context(viewport={"width": 1400, "height": 900})
        page = await context.new_page()
        devtools = await context.new_cdp_session(page)
        await devtools.send("Performance.enable")

        async def counters() -> dict[str, float]:
            metrics = (await devtools.send("Performance.getMetrics"))["metrics"]
            return {m["name"]: m["value"] for m in metrics}

        record = Record()
        session = Session("s0", page, url, record, 180, Path(tempfile.mkdtemp(prefix="redraw-shots-")))
        whole = await session.open_timeline()
        for actor in (await session.actors())[:actors]:
            async def clear():
                # A click on the page first: the first click after Escape in the multiselect
                # is swallowed by it in the browser (bench/concurrency.py downloads in between).
                await session.page.locator("h1").first.click()
                return await session.clear(whole)

            for name, action in ((actor, lambda a=actor: session.choose(a)), ("  clear", clear)):
                before, started = await counters(), time.perf_counter()
                view = await action()
                wall, after = time.perf_counter() - started, await counters()
                spent = {key: after[metric] - before[metric] for key, metric in COUNTERS.items()}
                spent["other"] = spent["task"] - spent["script"] - spent["layout"] - spent["style"]
                spent["nodes"] = after["Nodes"] - before["Nodes"]
                rows.append((f"{name} ({view['mode']}, {view['rows']} rows)", wall, spent))
                await session.page.wait_for_timeout(500)      # let the last frame settle
        await browser.close()
    if record.errors:
        print("errors: " + "; ".join(f"{action}: {detail}" for _, action, detail in record.errors))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "seeds")
    parser.add_argument("--db", type=Path, help="an existing store to serve (else one is built from --corpus)")
    parser.add_argument("--actors", type=int, default=6)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"skipped: no Chromium at {CHROMIUM}")
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="redraw-browser-"))
    server, url = serve(args.corpus, work, db=args.db, log_path=work / "streamlit.log")
    try:
        rows = asyncio.run(measure(url, args.actors))
    finally:
        stop(server)
    print(f"{'redraw':44} {'wall':>6} {'task':>6} {'script':>6} {'layout':>6} {'style':>6} {'other':>6} {'nodes':>7}"
          "   (seconds; nodes added)")
    for name, wall, spent in rows:
        print(f"{name[:44]:44} {wall:6.2f} {spent['task']:6.2f} {spent['script']:6.2f} {spent['layout']:6.2f} "
              f"{spent['style']:6.2f} {spent['other']:6.2f} {spent['nodes']:7.0f}")
    filtered = [spent["task"] for name, _, spent in rows if not name.startswith("  clear")]
    if filtered:
        print(f"\nmedian renderer time of a filter redraw: {statistics.median(filtered):.2f} s "
              f"(wall {statistics.median(w for n, w, _ in rows if not n.startswith('  clear')):.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
