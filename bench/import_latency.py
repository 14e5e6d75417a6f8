"""Importing a long article through the dashboard, while another session reads it.

    .venv/bin/python -m bench.import_latency [--sizes 1000000 4900000] [--corpus seeds] [--work DIR]

Starts one server (`bench.app_server.serve`: the store of `--corpus` is built
before it listens) and headless Chromium. For each size, an article of that
many bytes (`bench.long_article.long_text`: the seed corpus's paragraphs) is
imported on the Import page by one session while a second session opens the
Timeline again and again until the import is done. Prints, per size:

- the import: seconds from the click to the page's outcome ("Extraction done",
  or the named failure), and the articles the store then holds;
- memory: the server process's peak RSS (VmHWM) before and after, and the peak
  RSS of the extraction's child process (`core.store.worker`), sampled every 0.2 s;
- the second session: time to a drawn chart on each Timeline load during the
  import (median and worst), and how many loads showed the "being extracted" note.

Figures are measured, never asserted. Needs Debian's Chromium at
/usr/bin/chromium (or CHROMIUM); never `playwright install`.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

from bench.app_scale import DRAWN, peak_memory_mb
from bench.app_server import CHROMIUM, CHROMIUM_ARGS, IDLE, serve, stop
from bench.long_article import long_text

REPO = Path(__file__).resolve().parents[1]
NOTE = "being extracted in the background"
DONE = "Extraction done"
FAILED = "could not be extracted"


def _children(pid: int) -> list[int]:
    """Child processes of `pid`, whichever of its threads started them."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class ChildPeak:
    """The largest RSS any child process of `pid` reached, sampled on a thread."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            for child in _children(self.pid):
                self.peak = max(self.peak, _rss_mb(child))
            time.sleep(0.2)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def import_one(browser, url: str, size: int, work: Path) -> dict:
    source = work / f"2022-02-20_long-{size}.txt"
    source.write_text(long_text(size), encoding="utf-8")
    importer = browser.new_page(viewport={"width": 1400, "height": 900})
    reader = browser.new_page(viewport={"width": 1400, "height": 900})
    importer.goto(f"{url}/Import")
    importer.wait_for_selector(IDLE, timeout=120_000)
    importer.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(source))
    button = importer.get_by_role("button", name="Import 1 article(s)")
    button.wait_for(timeout=120_000)
    importer.wait_for_selector(IDLE, timeout=120_000)
    started = time.perf_counter()
    button.click()
    loads: list[float] = []
    noted = 0
    while True:
        if importer.get_by_text(DONE).count() or importer.get_by_text(FAILED).count():
            break
        began = time.perf_counter()
        reader.goto(f"{url}/Timeline")
        reader.wait_for_selector(DRAWN, timeout=600_000)
        loads.append(time.perf_counter() - began)
        reader.wait_for_selector(IDLE, timeout=600_000)
        noted += reader.get_by_text(NOTE).count() > 0
    seconds = time.perf_counter() - started
    outcome = "done" if importer.get_by_text(DONE).count() else "failed"
    importer.close()
    reader.close()
    return {"seconds": seconds, "outcome": outcome, "loads": loads, "noted": noted}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 4_900_000])
    parser.add_argument("--corpus", type=Path, default=REPO / "seeds")
    parser.add_argument("--work", type=Path)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"skipped: no Chromium at {CHROMIUM}")
        return 0
    from playwright.sync_api import sync_playwright

    work = args.work or Path(tempfile.mkdtemp(prefix="import-latency-"))
    started = time.perf_counter()
    server, url = serve(args.corpus, work / "server", log_path=work / "streamlit.log")
    print(f"server up on {args.corpus} in {time.perf_counter() - started:.0f} s (store built first); work {work}")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            warm = browser.new_page()
            warm.goto(f"{url}/Timeline")
            warm.wait_for_selector(DRAWN, timeout=600_000)
            warm.close()
            for size in args.sizes:
                before = peak_memory_mb(server.pid)
                child = ChildPeak(server.pid)
                result = import_one(browser, url, size, work)
                child_peak = child.stop()
                loads = result["loads"]
                print(f"\n{size:,} bytes: import {result['seconds']:.1f} s ({result['outcome']})")
                print(f"  server peak RSS {before:.0f} MB before, {peak_memory_mb(server.pid):.0f} MB after; "
                      f"extraction process peak {child_peak:.0f} MB")
                if loads:
                    print(f"  second session, {len(loads)} Timeline loads during the import: first chart median "
                          f"{statistics.median(loads):.2f} s, worst {max(loads):.2f} s; "
                          f"{result['noted']} showed the 'being extracted' note")
            browser.close()
    finally:
        stop(server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
