"""Issue 16 in real Chromium, on the seed article: an event type keeps its colour
when an actor filter redraws the Timeline (item 5), and the Claims page's own
filters live in the URL (item 8). Items 6, 13 and 14 are in test_timeline_events_e2e.py,
test_browser.py and test_timeline_counts_e2e.py."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect
from test_browser import CHART, LOAD_TIMEOUT_MS, POINTS, first_actor_option, open_timeline, wait_idle

pytestmark = pytest.mark.browser

# The colour each trace's points or bars are drawn in, in the page's SVG: the fill, or the
# outline where the mark is hollow (no fill, a transparent one, or a white one).
DRAWN_COLOURS = """(chart) => {
    const plot = document.querySelector(chart + " .js-plotly-plot");
    const found = {};
    const blank = c => !c || c === "none" || c === "rgb(255, 255, 255)" || /rgba\\(.*, 0\\)$/.test(c);
    for (const trace of plot.querySelectorAll(".cartesianlayer .trace")) {
        const data = trace.__data__ && trace.__data__[0] && trace.__data__[0].trace;
        if (!data) continue;
        for (const point of trace.querySelectorAll(".point")) {
            const mark = point.tagName === "g" ? point.querySelector("path") : point;   // a bar's shape
            if (!mark) continue;
            const style = getComputedStyle(mark);
            (found[data.name] = found[data.name] || []).push(blank(style.fill) ? style.stroke : style.fill);
        }
    }
    return Object.fromEntries(Object.entries(found).map(([name, colours]) => [name, [...new Set(colours)]]));
}"""
LEGEND = """(chart) => Object.fromEntries([...document.querySelectorAll(chart + " .legend .traces")].map(
    item => [item.textContent.trim(), getComputedStyle(item.querySelector(".legendpoints path")).stroke
                                      + "|" + getComputedStyle(item.querySelector(".legendpoints path")).fill]))"""


def _colours(page: Page) -> dict[str, str]:
    """Event type -> the colour its legend entry and its markers are drawn in (one each)."""
    drawn = page.evaluate(DRAWN_COLOURS, CHART)
    legend = page.evaluate(LEGEND, CHART)
    assert drawn and legend
    colours = {}
    for name, found in drawn.items():
        assert len(found) == 1, (name, found)
        colours[name] = found[0]
        assert found[0] in legend[name], (name, found[0], legend[name])   # the legend shows the same colour
    return colours


def test_a_type_keeps_its_colour_when_an_actor_filter_redraws_the_timeline(page: Page, app_url: str):
    before = open_timeline(page, app_url)
    everything = _colours(page)
    assert len(everything) >= 3, everything
    option = first_actor_option(page)
    chosen = option.inner_text().rsplit(" (", 1)[0].strip()
    option.click()
    page.keyboard.press("Escape")
    page.wait_for_function(
        """([chart, points, before]) => document.querySelectorAll(chart).length === 1
               && document.querySelectorAll(points).length > 0
               && document.querySelectorAll(points).length !== before""",
        arg=[CHART, POINTS, before], timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    narrowed = _colours(page)
    assert narrowed and set(narrowed) <= set(everything), (chosen, narrowed)
    assert narrowed == {name: everything[name] for name in narrowed}, chosen


SELECT_ALL = re.compile(r"^Select all")


def _first_option(page: Page, widget: str):
    """Open the multiselect `widget` (its key); its first value (not the "Select all" entry)."""
    page.locator(f".st-key-{widget} input").click()
    option = page.locator("[role='option']").filter(has_not_text=SELECT_ALL).first
    option.wait_for()
    return option


CLAIMS_HEADING = re.compile(r"^Claims \((\d+)\)$")


def _claims_shown(page: Page) -> int:
    """The number in the table's heading, "Claims (N)"."""
    heading = page.locator("[data-testid='stHeading']", has_text=CLAIMS_HEADING)
    heading.wait_for(timeout=LOAD_TIMEOUT_MS)
    return int(CLAIMS_HEADING.match(heading.inner_text().strip()).group(1))


def test_the_claims_filters_are_in_a_shared_link(page: Page, app_url: str):
    page.goto(f"{app_url}/Claims")
    wait_idle(page)
    every = _claims_shown(page)
    option = _first_option(page, "claims_filter_claimant")
    chosen = option.inner_text().strip()
    option.click()
    page.keyboard.press("Escape")
    page.wait_for_url(lambda u: parse_qs(urlparse(u).query).get("claimant") == [chosen], timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    narrowed = _claims_shown(page)
    assert 0 < narrowed < every, (chosen, narrowed, every)
    shared = page.url

    other = page.context.new_page()                        # the link, pasted into a new session
    other.goto(shared)
    wait_idle(other)
    expect(other.locator(".st-key-claims_filter_claimant [data-tag]")).to_contain_text([chosen])
    assert _claims_shown(other) == narrowed
    assert parse_qs(urlparse(other.url).query).get("claimant") == [chosen]
    # a unit chosen on top goes into the URL beside it
    unit = _first_option(other, "claims_filter_unit")
    unit_name = unit.inner_text().strip()
    unit.click()
    other.keyboard.press("Escape")
    other.wait_for_url(lambda u: parse_qs(urlparse(u).query).get("claim_unit") == [unit_name],
                       timeout=LOAD_TIMEOUT_MS)
    assert parse_qs(urlparse(other.url).query).get("claimant") == [chosen]
    other.close()
    # the page's filters survive a trip to another page and back
    page.locator("[data-testid='stSidebarNav'] a", has_text="Timeline").click()
    page.wait_for_url("**/Timeline**", timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    page.locator("[data-testid='stSidebarNav'] a", has_text="Claims").click()
    page.wait_for_url("**/Claims**", timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    expect(page.locator(".st-key-claims_filter_claimant [data-tag]")).to_contain_text([chosen])
    assert parse_qs(urlparse(page.url).query).get("claimant") == [chosen]
