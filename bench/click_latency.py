"""Time from a click on a timeline point to its detail panel, in real Chromium.

Starts `streamlit run app.py` on the embedded seed corpus (or `--corpus DIR`),
opens the Timeline, then clicks `--clicks` different points one after the
other and times each click until the panel shows that point's sentence.
Prints every time and the median and worst. Measured, never asserted.

    .venv/bin/python -m bench.click_latency [--corpus DIR] [--clicks 10]

Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM); skips with a
message when it is missing.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.app_server import CHROMIUM, CHROMIUM_ARGS, IDLE, serve, stop

REPO = Path(__file__).resolve().parents[1]
POINTS = "[data-testid='stPlotlyChart'] .cartesianlayer .scatterlayer .point"
PANEL_TEXT = ".st-key-timeline_detail .hl-article"
MISS_AFTER_MS = 10_000


def _hover_sentence(page, x: float, y: float) -> str:
    page.mouse.move(x, y)
    hover = page.locator("[data-testid='stPlotlyChart'] .hoverlayer .hovertext").first
    hover.wait_for(timeout=10_000)
    lines = [line.strip() for line in hover.locator("tspan.line").all_text_contents()]
    return " ".join(next(line for line in lines[3:] if line).split()[:4])


def measure(url: str, clicks: int) -> tuple[list[float], list[str]]:
    """(seconds from each click to its panel, clicks whose panel never showed the hovered event)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    misses: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{url}/Timeline")
        page.wait_for_selector(POINTS, timeout=180_000)
        page.wait_for_selector(IDLE, timeout=180_000)
        total = page.locator(POINTS).count()
        places: set[tuple[int, int]] = set()
        for index in range(total):
            if len(times) >= clicks:
                break
            point = page.locator(POINTS).nth(index)
            point.scroll_into_view_if_needed()
            box = point.bounding_box()
            if box is None:
                continue
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            # Events on the same day in the same lane share a spot: the hover and the click
            # may then pick different ones. Time only clicks on a spot with one point.
            area = page.locator("[data-testid='stPlotlyChart'] .nsewdrag").first.bounding_box()
            if area is None or not (area["x"] + 3 < x < area["x"] + area["width"] - 3):
                continue         # a marker clipped at the plot's edge: its centre is not clickable
            place = (round(x), round(y))
            if place in places or page.locator(POINTS).evaluate_all(
                    "(ps, [x, y]) => ps.filter(p => { const b = p.getBoundingClientRect();"
                    " return Math.abs(b.x + b.width / 2 - x) < 2 && Math.abs(b.y + b.height / 2 - y) < 2; }).length",
                    [x, y]) > 1:
                places.add(place)
                continue
            places.add(place)
            words = _hover_sentence(page, x, y)
            if any(words in text for text in page.locator(PANEL_TEXT).all_text_contents()):
                continue         # the same event in another lane: its panel is already open
            started = time.perf_counter()
            page.mouse.click(x, y)
            try:
                page.wait_for_function(
                    "([sel, words]) => { const e = document.querySelector(sel); return e && e.textContent.includes(words); }",
                    arg=[PANEL_TEXT, words], timeout=MISS_AFTER_MS)
            except PlaywrightTimeout:
                shown = page.locator(PANEL_TEXT).all_text_contents()
                misses.append(f"point {index}: hovered {words!r}, panel shows {[t[:50] for t in shown]}")
                continue
            times.append(time.perf_counter() - started)
            page.wait_for_selector(IDLE, timeout=30_000)
        browser.close()
    return times, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "seeds")
    parser.add_argument("--clicks", type=int, default=10)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"skipped: no Chromium at {CHROMIUM} (install Debian's chromium; never `playwright install`)")
        return 0
    with tempfile.TemporaryDirectory(prefix="click-bench-") as cache:
        server, url = serve(args.corpus, Path(cache))
        try:
            times, misses = measure(url, args.clicks)
        finally:
            stop(server, timeout_s=10)
    if not times:
        print("no point could be clicked")
        return 1
    print(f"corpus: {args.corpus}; clicks measured: {len(times)}")
    print("click -> detail panel (s): " + ", ".join(f"{t:.2f}" for t in times))
    print(f"median {statistics.median(times):.2f} s, worst {max(times):.2f} s")
    print(f"clicks whose panel did not show the hovered event within {MISS_AFTER_MS / 1000:.0f} s: {len(misses)}")
    for miss in misses:
        print(f"  {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
