"""The Timeline's counts view, as 10,000 articles show it, in real Chromium.

A server whose settings allow 5 timeline points (`timeline_points`, through
`CRISIS_SETTINGS`) shows the seed corpus as counts per day: one SVG marker per
(day, lane), no range slider, and no blank placeholder chart left behind. The
markers count exactly the events the caption announces, before and after a filter.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import Page
from test_browser import CHART, LOAD_TIMEOUT_MS, first_actor_option, wait_idle

from bench.app_server import running_app
from tests.conftest import seed_folder

pytestmark = pytest.mark.browser

POINTS_ALLOWED = 5
MARKERS = f"{CHART} .cartesianlayer .scatterlayer .point"
# The drawn chart's state: markers in its data, events they count, the caption's number.
STATE = """(chart) => {
    const plots = document.querySelectorAll(chart + " .js-plotly-plot");
    const caption = document.querySelector("[data-testid='stMain'] [data-testid='stCaptionContainer']");
    const number = caption && caption.textContent.match(/^([0-9,]+) points are too many/);
    const data = plots.length ? plots[0].data || [] : [];
    return {
        charts: document.querySelectorAll(chart).length,
        cells: data.reduce((sum, trace) => sum + (trace.x || []).length, 0),
        counted: data.reduce((sum, trace) => sum + (trace.customdata || []).reduce((n, row) => n + row[0], 0), 0),
        announced: number ? Number(number[1].replace(/,/g, "")) : null,
        types: [...new Set(data.map(trace => trace.type))],
    };
}"""


@pytest.fixture(scope="module")
def counts_url(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("counts-server")
    settings = workdir / "settings.toml"
    settings.write_text(f"[limits]\ntimeline_points = {POINTS_ALLOWED}\n", encoding="utf-8")
    with running_app(workdir, corpus=seed_folder(workdir / "corpus"), env={"CRISIS_SETTINGS": str(settings)}) as url:
        yield url


def _counts_view(page: Page, before: int | None = None) -> dict:
    """Wait for one drawn counts chart whose markers count what its caption says (and,
    after a filter, another number than `before`); its state."""
    page.wait_for_function(
        f"""([chart, markers, before]) => {{
               const now = ({STATE})(chart);
               return now.charts === 1 && now.announced !== null && now.counted === now.announced
                   && now.announced !== before && document.querySelectorAll(markers).length === now.cells;
           }}""",
        arg=[CHART, MARKERS, before], timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    return page.evaluate(STATE, CHART)


def test_many_points_show_as_counts_svg_markers_without_a_slider(page: Page, counts_url: str):
    page.goto(f"{counts_url}/Timeline")
    shown = _counts_view(page)
    assert shown["announced"] > POINTS_ALLOWED
    assert shown["types"] == ["scatter"]                                   # SVG, not WebGL
    assert page.locator(MARKERS).count() == shown["cells"] > 0
    assert page.locator(f"{CHART} .rangeslider-container").count() == 0    # no second drawing of every marker
    assert page.locator(f"{CHART} canvas.gl-canvas-context").count() == 0

    option = first_actor_option(page)                 # the most mentioned actor: still more than 5 points
    actor = option.inner_text()
    option.click()
    page.keyboard.press("Escape")
    narrowed = _counts_view(page, before=shown["announced"])
    assert POINTS_ALLOWED < narrowed["announced"] < shown["announced"], actor
    assert page.locator(MARKERS).count() == narrowed["cells"] > 0


def test_the_counts_view_downloads_the_filtered_events_csv(page: Page, counts_url: str):
    """Issue 16, item 14: past `timeline_points` the page still hands over the events
    the filters match, one row each, as the events CSV."""
    import csv
    import io

    page.goto(f"{counts_url}/Timeline")
    shown = _counts_view(page)
    button = page.locator(".st-key-timeline_download button")
    button.wait_for(timeout=LOAD_TIMEOUT_MS)
    with page.expect_download(timeout=LOAD_TIMEOUT_MS) as download:
        button.click()
    assert download.value.suggested_filename == "events.csv"
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert len({row["event_id"] for row in rows}) == len(rows) > POINTS_ALLOWED     # one row per event
    # no filter: every event of the corpus, as many as the Overview counts
    page.goto(counts_url)
    wait_idle(page)
    metric = page.locator("[data-testid='stMetric']", has_text="Events").locator("[data-testid='stMetricValue']")
    assert int(metric.inner_text().replace(",", "")) == len(rows)
    assert shown["announced"] >= len(rows)                # a marker per event and lane
    assert {"date_start", "label", "event_type", "date_source", "event_id"} <= set(rows[0])
