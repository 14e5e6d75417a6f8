"""Ten browser sessions at once that filter the Timeline and download its CSV.

    .venv/bin/python -m bench.concurrency [--sessions 10] [--rounds 3] [--corpus DIR] [--work DIR]
                                          [--cold] [--no-claims] [--timeout 180]

Starts one `streamlit run app.py` (private store, cache and uploads under
`--work`, its output kept in `--work/streamlit.log`, no file watcher: others
may be editing the checkout), one headless Chromium,
and `--sessions` independent browser contexts driven at the same time
(`asyncio.gather`). Unless `--cold`, one session opens the Timeline first so
the corpus is extracted before the others start. Each session then:

1. opens the Timeline (time to the first chart);
2. per round, picks an actor in the sidebar filter (a different one per
   session and round), waits for the redrawn chart, downloads the CSV; then
   clears the filter, waits for the whole chart again and downloads again;
3. opens the Claims page from the sidebar and downloads its CSV.

"Redrawn" means the rerun has finished (no stale elements), the URL holds the
filter, and the one chart on the page shows exactly the events of the table
under it, every one drawn in the chosen actor's lane (after a clear: the table and chart
of the first, unfiltered view again). A download is good when it is a
CSV whose header is the page table's columns, whose row count is the button's,
and (filtered) whose every row names the actor.

Errors: a failed or timed-out action, a Streamlit exception or error box on
the page, an error in the browser console (but Streamlit's 404s looking for its
server under the page's path) or an uncaught page error, a
traceback or ERROR line in the server's log, a bad download. Each is listed
with its session and action. Prints the median and worst time of each action
and exits 1 when there was any error. Figures are measured, never asserted.
Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM); never
`playwright install`.
"""
from __future__ import annotations

import argparse
import asyncio
import csv
import io
import os
import re
import shlex
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.app_scale import ACTORS, CHART
from bench.app_server import CHROMIUM, CHROMIUM_ARGS, serve, stop

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "seeds"       # what `make run` serves (core.read.corpus.DEFAULT_CORPUS_DIR)
# The columns of the tables under the charts (pages/1_Timeline.py, pages/3_Claims.py), as the CSV writes them.
EVENTS_HEADER = ("date_start", "date_end", "label", "event_type", "modality", "precision", "date_text",
                 "date_source", "actors", "places", "n_articles", "n_sides", "sides", "sources", "first_reported",
                 "lag_days", "n_mentions", "sentence", "event_id", "article_id")   # ui.selection.EVENT_TABLE_COLUMNS
CLAIMS_HEADER = ("date", "as_of", "claimant", "side", "value", "qualifier", "unit", "in_context", "low", "high",
                 "category", "location", "article", "attribution", "flags")
LIST_SEPARATOR = "; "                 # core.frames.LIST_SEPARATOR: how list cells are joined in the CSV
TIMELINE_DOWNLOAD = ".st-key-timeline_download button"
CLAIMS_DOWNLOAD = ".st-key-claims_download button"
CLEAR = "[data-testid='stSidebar'] .st-key-filter_clear button"
CLAIMS_LINK = "[data-testid='stSidebarNav'] a[href$='/Claims']"
PROBLEMS = "[data-testid='stException'], [data-testid='stAlertContentError']"
SERVER_ERROR = re.compile(r"Traceback \(most recent call last\)|\bERROR\b|\bCRITICAL\b|Uncaught app")
TRACEBACK_LINE = (" ", "\t", "Traceback", "During handling", "The above exception", "─", "│", "╭", "╰")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# Opened at /Timeline, Streamlit's front end first looks for the server under that path
# (/Timeline/_stcore/health, /Timeline/_stcore/host-config: 404) before it tries "/". Not an error.
BASE_PATH_PROBE = re.compile(r"/[^/]+/_stcore/(health|host-config)$")

# The page once a rerun is over, or null while it is not: the URL's actor filter is `actor`
# (none when null), nothing is stale, and the chart shows exactly the events of the table
# ("Events (N)" less the undated ones), each drawn in the lane of `actor` (the hover names
# only a few participants). The same for the Claims page
# (`heading` "Claims", no event check). The counts-per-day chart of a big corpus has no table.
# With `expect`, only that view will do: the URL changes a moment before the page says a run
# has started, so "at rest, URL cleared" alone can still be the filtered page of the last run.
VIEW_JS = """([actor, heading, problemsSelector, chartSelector, expect]) => {
    const view = (() => {
        const app = document.querySelector("[data-testid='stApp']");
        if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return null;
        if (document.querySelector("[data-stale='true']")) return null;
        const problems = [...document.querySelectorAll(problemsSelector)].map(e => e.innerText.slice(0, 500));
        if (problems.length) return {problems};
        const wanted = actor === null ? [] : [actor];
        const inUrl = new URLSearchParams(location.search).getAll("actor");
        if (JSON.stringify(inUrl) !== JSON.stringify(wanted)) return null;
        const main = document.querySelector("[data-testid='stMain']");
        if (!main) return null;
        const charts = main.querySelectorAll(chartSelector);
        const drawn = n => charts[n] && charts[n].querySelector(".cartesianlayer .point");
        const captions = [...main.querySelectorAll("[data-testid='stCaptionContainer']")].map(c => c.innerText);
        const titles = [...main.querySelectorAll("h3")].map(h => h.innerText.trim());
        const title = titles.map(t => t.match(new RegExp("^" + heading + " \\\\((\\\\d+)\\\\)$"))).find(m => m);
        if (!title) {
            const counts = captions.map(c => c.match(/^([\\d,]+) points are too many to draw/)).find(m => m);
            const points = counts ? Number(counts[1].replace(/,/g, "")) : 0;
            if (counts) return charts.length === 1 && drawn(0) ? {mode: "counts", rows: points} : null;
            const empty = [...main.querySelectorAll("[data-testid='stAlertContentInfo']")]
                .some(e => /^No |found no/.test(e.innerText));
            return empty ? {mode: "empty", rows: 0} : null;
        }
        const rows = Number(title[1]);
        const button = main.querySelector(heading === "Events" ? ".st-key-timeline_download button"
                                                               : ".st-key-claims_download button");
        const label = button ? button.innerText.match(/\\(([\\d,]+) rows?\\)/) : null;
        if (!label || Number(label[1].replace(/,/g, "")) !== rows) return null;
        if (heading !== "Events")
            return charts.length === 0 || (charts.length === 1 && drawn(0)) ? {mode: "table", rows} : null;
        const undated = captions.map(c => c.match(/^(\\d+) event\\(s\\) with no resolved date/)).find(m => m);
        const dated = rows - (undated ? Number(undated[1]) : 0);
        if (dated === 0) return charts.length === 0 ? {mode: "table", rows} : null;
        if (charts.length !== 1 || !drawn(0)) return null;
        const plot = charts[0].querySelector(".js-plotly-plot");
        if (!plot || !plot.data) return null;
        const lanes = new Map();     // event id -> the lanes (actors) it is drawn in
        for (const trace of plot.data) (trace.customdata || []).forEach((point, i) => {
            const id = point[5];
            if (!lanes.has(id)) lanes.set(id, new Set());
            lanes.get(id).add(String(trace.y[i]));
        });
        if (actor !== null && [...lanes.values()].some(drawnIn => !drawnIn.has(actor))) return null;
        return lanes.size === dated ? {mode: "table", rows} : null;
    })();
    if (view && !view.problems && expect !== null && JSON.stringify(view) !== JSON.stringify(expect)) return null;
    return view;
}"""
# What the page shows, for the message of a view that never came.
DESCRIBE_JS = """() => ({
    state: document.querySelector("[data-testid='stApp']")?.getAttribute("data-test-script-state"),
    url: location.pathname + location.search,
    stale: document.querySelectorAll("[data-stale='true']").length,
    headings: [...document.querySelectorAll("[data-testid='stMain'] h3")].map(h => h.innerText.trim()),
    buttons: [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stDownloadButton'] button")]
        .map(b => b.innerText.replace(/\\s+/g, " ").trim()),
    charts: document.querySelectorAll("[data-testid='stMain'] [data-testid='stPlotlyChart']").length,
})"""


@dataclass
class Record:
    """What the sessions measured and what went wrong, in the order it happened."""

    times: dict[str, list[float]] = field(default_factory=dict)
    errors: list[tuple[str, str, str]] = field(default_factory=list)    # (session, action, message)
    notes: list[str] = field(default_factory=list)
    probes: int = 0       # Streamlit's 404s looking for its server under the page's path (ignored)
    cpu: dict[str, float] = field(default_factory=dict)    # CPU seconds while the sessions ran, by process

    def time(self, action: str, seconds: float) -> None:
        self.times.setdefault(action, []).append(seconds)

    def error(self, session: str, action: str, message: str) -> None:
        self.errors.append((session, action, " ".join(str(message).split())[:600]))


def latency_summary(values: list[float]) -> tuple[int, float, float]:
    """(count, median, worst) of a list of seconds; NaNs when it is empty."""
    if not values:
        return 0, float("nan"), float("nan")
    return len(values), statistics.median(values), max(values)


def check_csv(body: bytes, header: tuple[str, ...], *, rows: int | None = None, actor: str | None = None) -> list[str]:
    """What is wrong with a downloaded CSV (nothing: []): empty, not CSV (an HTML error page),
    a header other than `header`, not `rows` rows, or a row whose actors do not name `actor`."""
    if not body.strip():
        return ["empty download"]
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [f"not UTF-8: {error}"]
    if text.lstrip()[:1] == "<" or "<html" in text[:2000].lower():
        return [f"an HTML page, not CSV: {text[:120]!r}"]
    try:
        table = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        return [f"not CSV: {error}"]
    if tuple(table[0]) != tuple(header):
        return [f"header {table[0]} is not the table's {list(header)}"]
    problems = []
    data = table[1:]
    if rows is not None and len(data) != rows:
        problems.append(f"{len(data)} rows, the button said {rows}")
    if any(len(row) != len(header) for row in data):
        problems.append("rows with a different number of cells than the header")
    if actor is not None and "actors" in header:
        column = header.index("actors")
        missing = [row for row in data if len(row) == len(header) and actor not in row[column].split(LIST_SEPARATOR)]
        if missing:
            problems.append(f"{len(missing)} row(s) do not name {actor!r}, e.g. actors={missing[0][column]!r}")
    return problems


def server_errors(log: str) -> list[str]:
    """The server log's error reports: each ERROR line or traceback, with the traceback that follows it
    (plain, or drawn by Streamlit in a box with colours), up to its exception line."""
    lines = ANSI.sub("", log).splitlines()
    found: list[str] = []
    index = 0
    while index < len(lines):
        if not SERVER_ERROR.search(lines[index]):
            index += 1
            continue
        block = [lines[index]]
        index += 1
        while index < len(lines):
            line = lines[index]
            if line.startswith(TRACEBACK_LINE) or not line.strip():
                block.append(line)               # a frame, a border, a source line
                index += 1
                continue
            if block[-1].startswith(TRACEBACK_LINE) or not block[-1].strip():
                block.append(line)               # the exception line ends the traceback
                index += 1
            break
        found.append("\n".join(block).strip())
    return found


def _stat(pid: int) -> tuple[str, int, float]:
    """(command name, parent pid, CPU seconds of the process and its reaped children)."""
    raw = Path(f"/proc/{pid}/stat").read_text()
    name = raw[raw.index("(") + 1:raw.rindex(")")]
    fields = raw.rsplit(")", 1)[1].split()
    ticks = sum(int(fields[i]) for i in (11, 12, 13, 14))
    return name, int(fields[1]), ticks / os.sysconf("SC_CLK_TCK")


def browser_cpu_seconds() -> float:
    """CPU seconds of the Chromium processes under this one (its renderers, one per
    session, and the ones already gone, counted in their parent), or nan elsewhere."""
    try:
        table = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    table[int(entry.name)] = _stat(int(entry.name))
                except (OSError, ValueError, IndexError):
                    continue
    except OSError:
        return float("nan")

    def under_us(pid: int) -> bool:
        seen = 0
        while pid in table and seen < 64:
            if pid == os.getpid():
                return True
            pid, seen = table[pid][1], seen + 1
        return False

    return sum(cpu for pid, (name, _parent, cpu) in table.items()
               if name.startswith(("chromium", "chrome")) and under_us(pid))


def process_cpu_seconds(pid: int) -> float:
    try:
        return _stat(pid)[2]
    except (OSError, ValueError, IndexError):
        return float("nan")


def server_usage(pid: int) -> str:
    """The server process's CPU time so far and peak memory (Linux /proc), or "" elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        peak = next(int(line.split()[1]) / 1024 for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                    if line.startswith("VmHWM:"))
    except (OSError, ValueError, IndexError, StopIteration):
        return ""
    return f"server process: {cpu:.1f} s CPU, peak memory (VmHWM) {peak:,.0f} MB"


def actor_for(session: int, round_: int, actors: list[str]) -> str:
    """A different actor per session and round, spread over the whole list."""
    return actors[(session * 7 + round_ * 3) % len(actors)]


class Session:
    """One browser context: one Streamlit session, driven through the page like a user."""

    def __init__(self, name: str, page, url: str, record: Record, timeout_s: float, shots: Path) -> None:
        self.name, self.page, self.url, self.record = name, page, url, record
        self.timeout_ms = timeout_s * 1000
        self.shots = shots                       # a screenshot of the page at each failure
        page.on("console", self._console)
        page.on("pageerror", lambda error: record.error(name, "page error", str(error)))

    def _console(self, message) -> None:
        if message.type != "error":
            return
        source = message.location.get("url", "")
        if "404" in message.text and BASE_PATH_PROBE.search(source.split("?")[0]):
            self.record.probes += 1
            return
        self.record.error(self.name, "browser console", f"{message.text} ({source})")

    async def view(self, actor: str | None, heading: str = "Events", expect: dict | None = None) -> dict:
        """Wait until the page shows the finished view for `actor` (exactly `expect`, when given);
        report a Streamlit error box."""
        from playwright.async_api import TimeoutError as PlaywrightTimeout

        try:
            handle = await self.page.wait_for_function(VIEW_JS, arg=[actor, heading, PROBLEMS, CHART, expect],
                                                       timeout=self.timeout_ms, polling=100)
        except PlaywrightTimeout as error:
            shown = await self.page.evaluate(DESCRIBE_JS)
            raise RuntimeError(f"no finished view for actor={actor!r} heading={heading!r} expect={expect} "
                               f"within {self.timeout_ms / 1000:.0f} s; the page shows {shown}") from error
        view = await handle.json_value()
        if view.get("problems"):
            raise RuntimeError("Streamlit error on the page: " + " | ".join(view["problems"]))
        return view

    async def open_timeline(self, action: str = "first chart") -> dict:
        started = time.perf_counter()
        await self.page.goto(f"{self.url}/Timeline", timeout=self.timeout_ms)
        view = await self.view(None)
        self.record.time(action, time.perf_counter() - started)
        return view

    async def actors(self) -> list[str]:
        """The actors the sidebar filter offers (without its "Select all")."""
        await self.page.locator(f"{ACTORS} input").click()
        await self.page.locator("[role='option']").first.wait_for(timeout=self.timeout_ms)
        labels = await self.page.locator("[role='option']").all_inner_texts()
        await self.page.keyboard.press("Escape")
        return [label.rsplit(" (", 1)[0].strip() for label in labels if re.search(r"\(\d+\)$", label)]

    async def choose(self, actor: str) -> dict:
        """Type the actor into the sidebar filter and pick it; time until its chart is drawn."""
        box = self.page.locator(f"{ACTORS} input")
        await box.click()
        await box.fill(actor)
        option = self.page.locator("[role='option']").filter(
            has_text=re.compile(rf"^{re.escape(actor)} \(\d+\)$"))
        await option.first.wait_for(timeout=self.timeout_ms)
        started = time.perf_counter()
        await option.first.click()
        await self.page.keyboard.press("Escape")
        view = await self.view(actor)
        self.record.time("filter -> redrawn chart", time.perf_counter() - started)
        return view

    async def clear(self, whole: dict) -> dict:
        """Click "Clear filters"; time until the page is the unfiltered one again (`whole`)."""
        started = time.perf_counter()
        await self.page.locator(CLEAR).click(timeout=self.timeout_ms)
        view = await self.view(None, expect=whole)
        self.record.time("clear -> redrawn chart", time.perf_counter() - started)
        return view

    async def download(self, button: str, header: tuple[str, ...], view: dict, *, actor: str | None,
                       action: str) -> bool:
        """Click the CSV button; time until the file is complete; check what came."""
        if view["mode"] not in ("table", "counts") or view["rows"] == 0:
            self.record.notes.append(f"{self.name}: {action}: no download ({view['mode']}, {view['rows']} rows)")
            return True
        # The counts view's CSV holds every event the filters match: its rows are not the chart's points.
        rows = view["rows"] if view["mode"] == "table" else None
        started = time.perf_counter()
        async with self.page.expect_download(timeout=self.timeout_ms) as info:
            await self.page.locator(button).click(timeout=self.timeout_ms)
        download = await info.value
        path = await download.path()
        seconds = time.perf_counter() - started
        failure = await download.failure()
        if failure:
            raise RuntimeError(f"download failed: {failure}")
        self.record.time(action, seconds)
        for problem in check_csv(Path(path).read_bytes(), header, rows=rows, actor=actor):
            self.record.error(self.name, action, f"bad download {download.suggested_filename}: {problem}")
        return True

    async def step(self, action: str, coroutine):
        """Run one action; a failure is recorded, and the session goes back to the unfiltered Timeline."""
        try:
            return await coroutine
        except Exception as error:  # noqa: BLE001 - every failure is a finding
            self.record.error(self.name, action, f"{type(error).__name__}: {error}")
            try:
                self.shots.mkdir(parents=True, exist_ok=True)
                shot = self.shots / f"{self.name}-{len(self.record.errors)}.png"
                await self.page.screenshot(path=str(shot), full_page=True, timeout=30_000)
                self.record.notes.append(f"{self.name}: {action}: screenshot {shot}")
            except Exception:  # noqa: BLE001 - the screenshot is a courtesy
                pass
            try:
                await self.open_timeline("reload after an error")
            except Exception as again:  # noqa: BLE001
                self.record.error(self.name, "reload after an error", f"{type(again).__name__}: {again}")
            return None

    async def run(self, index: int, rounds: int, claims: bool, actors: list[str] | None) -> None:
        whole = await self.step("first chart", self.open_timeline())
        if whole is None:
            return
        actors = actors or await self.step("read the actor filter", self.actors())
        if not actors:
            self.record.error(self.name, "read the actor filter", "the sidebar offers no actor")
            return
        for round_ in range(rounds):
            actor = actor_for(index, round_, actors)
            view = await self.step(f"filter {actor}", self.choose(actor))
            if view is None:
                continue
            if not await self.step(f"download {actor}", self.download(
                    TIMELINE_DOWNLOAD, EVENTS_HEADER, view, actor=actor, action="download filtered CSV")):
                continue                         # the failure reloaded the unfiltered page
            view = await self.step("clear filter", self.clear(whole))
            if view is None:
                continue
            await self.step("download all", self.download(TIMELINE_DOWNLOAD, EVENTS_HEADER, view, actor=None,
                                                          action="download whole CSV"))
        if claims:
            await self.step("claims download", self.claims())

    async def claims(self) -> None:
        started = time.perf_counter()
        await self.page.locator(CLAIMS_LINK).click(timeout=self.timeout_ms)
        await self.page.wait_for_url(re.compile(r"/Claims"), timeout=self.timeout_ms)
        view = await self.view(None, heading="Claims")
        self.record.time("open Claims page", time.perf_counter() - started)
        await self.download(CLAIMS_DOWNLOAD, CLAIMS_HEADER, view, actor=None, action="download claims CSV")


async def drive(url: str, args: argparse.Namespace, record: Record, shots: Path, server_pid: int) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        options = {"viewport": {"width": 1400, "height": 900}, "accept_downloads": True}
        actors = None
        if not args.cold:
            context = await browser.new_context(**options)
            warm = Session("warm-up", await context.new_page(), url, record, args.timeout, shots)
            if await warm.step("first chart", warm.open_timeline("first chart, warm-up (extracts the corpus)")):
                actors = await warm.step("read the actor filter", warm.actors())
            await context.close()
        contexts = [await browser.new_context(**options) for _ in range(args.sessions)]
        sessions = [Session(f"s{index + 1:02d}", await context.new_page(), url, record, args.timeout, shots)
                    for index, context in enumerate(contexts)]
        started = time.perf_counter()
        browser_before, server_before = browser_cpu_seconds(), process_cpu_seconds(server_pid)
        await asyncio.gather(*(session.run(index, args.rounds, args.claims, actors)
                               for index, session in enumerate(sessions)))
        record.time("all sessions, wall clock", time.perf_counter() - started)
        record.cpu = {"server (Python: queries, figures, Streamlit)": process_cpu_seconds(server_pid) - server_before,
                      "browsers (Chromium: parsing, layout, drawing)": browser_cpu_seconds() - browser_before}
        for context in contexts:
            await context.close()
        await browser.close()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10, help="browser sessions at once (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="filter + download cycles per session (default 3)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="articles to serve (default: seeds/)")
    parser.add_argument("--work", type=Path, default=None, help="store, cache, uploads and server log "
                        "(default: a new temporary folder)")
    parser.add_argument("--cold", action="store_true", help="no warm-up: every session hits the fresh server at "
                        "once, so the first charts wait for the corpus extraction")
    parser.add_argument("--no-claims", dest="claims", action="store_false", help="skip the Claims page download")
    parser.add_argument("--timeout", type=float, default=180, help="seconds any one action may take (default 180)")
    args = parser.parse_args(argv)
    if args.sessions < 1 or args.rounds < 0:
        parser.error("--sessions must be at least 1 and --rounds at least 0")
    return args


def report(record: Record, log_errors: list[str], loads: tuple[tuple[float, ...], tuple[float, ...]]) -> int:
    print("\nlatency (seconds)                          count   median    worst")
    for action, values in record.times.items():
        count, median, worst = latency_summary(values)
        print(f"  {action:<40} {count:>5} {median:>8.2f} {worst:>8.2f}")
    for message in log_errors:
        record.error("server", "server log", message)
    if record.cpu:
        wall = sum(record.times.get("all sessions, wall clock", [0.0]))
        print(f"\nwhere the time went while the sessions ran ({wall:.0f} s wall, {os.cpu_count()} cores "
              f"= {wall * (os.cpu_count() or 1):.0f} CPU seconds at most):")
        for name, seconds in record.cpu.items():
            print(f"  {name:<48} {seconds:8.1f} s CPU")
    print(f"\nload average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in loads[0])}; "
          f"after: {', '.join(f'{x:.2f}' for x in loads[1])} ({os.cpu_count()} cores)")
    for note in record.notes:
        print(f"note: {note}")
    if record.probes:
        print(f"note: ignored {record.probes} console 404s of Streamlit looking for its server under the page path "
              "(/Timeline/_stcore/health, /Timeline/_stcore/host-config)")
    print(f"\nerrors: {len(record.errors)}")
    for session, action, message in record.errors:
        print(f"  [{session}] {action}: {message}")
    return 1 if record.errors else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print("command:", shlex.join([sys.executable, "-m", "bench.concurrency", *(sys.argv[1:] if argv is None else argv)]))
    if not Path(CHROMIUM).exists():
        print(f"skipped: no Chromium at {CHROMIUM} (install Debian's chromium; never `playwright install`)")
        return 0
    work = (args.work or Path(tempfile.mkdtemp(prefix="crisis-concurrency-"))).resolve()
    corpus = args.corpus.resolve()                        # the server runs in the repository folder
    work.mkdir(parents=True, exist_ok=True)
    log_path = work / "streamlit.log"
    print(f"{args.sessions} sessions x {args.rounds} rounds on {corpus} "
          f"({'cold server' if args.cold else 'after a warm-up session'}); work dir {work}")
    record = Record()
    load_before = os.getloadavg()
    # no file watcher: others may edit the checkout meanwhile, and a module reload mid-run is not what we measure
    server, url = serve(corpus, work, startup_s=180, log_path=log_path, extra_args=("--server.fileWatcherType", "none"))
    try:
        asyncio.run(drive(url, args, record, work / "failures", server.pid))
        time.sleep(1)                                     # let the server write what it has to say
        log_errors = server_errors(log_path.read_text(errors="replace"))
        usage = server_usage(server.pid)
    finally:
        stop(server)
    print(f"server log: {log_path}")
    if usage:
        print(usage)
    return report(record, log_errors, (load_before, os.getloadavg()))


if __name__ == "__main__":
    sys.exit(main())
