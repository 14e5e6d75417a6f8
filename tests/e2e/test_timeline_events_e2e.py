"""The event the White House and the Kremlin both report, in real Chromium: a
server over the two documents (copies of the seed corpus's Kremlin account of the
7 December 2021 call and the White House's briefing of 9 December), a click on
an event reported from two sides, and its panel listing reports from both sides,
on screen in a 900-pixel-high window with its Close button in view."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from test_app import two_sides_folder
from test_browser import CHART, LOAD_TIMEOUT_MS, POINTS, wait_idle

from bench.app_server import running_app

pytestmark = pytest.mark.browser

DETAIL = ".st-key-timeline_detail"
HOVER_TEXT = f"{CHART} .hoverlayer .hovertext"
SIDES = ("United States", "Russia")


def _click_a_two_sided_event(page: Page) -> str:
    """Hover the points one by one; click the first whose hover says two sides report
    it (the hover names the point a click there opens, even where markers overlap).
    Its label."""
    points = page.locator(POINTS)
    for index in range(points.count()):
        point = points.nth(index)
        point.scroll_into_view_if_needed()
        box = point.bounding_box()
        if not box:
            continue
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        hover = page.locator(HOVER_TEXT).first
        try:
            hover.wait_for(timeout=3_000)
        except Exception:  # noqa: BLE001 - no hover on this one (covered): try the next
            continue
        lines = [line.strip() for line in hover.locator("tspan.line").all_text_contents()]
        if any(" · 2 sides: " in line for line in lines):
            page.mouse.click(x, y)
            return lines[0]
        page.mouse.move(0, 0)
    pytest.fail("no event reported from two sides on the chart")


@pytest.fixture(scope="module")
def two_sides_url(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("two-sides-server")
    with running_app(workdir, corpus=two_sides_folder(workdir / "corpus")) as url:
        yield url


def test_an_event_reported_by_two_sides_lists_both_in_its_panel(page: Page, two_sides_url: str, artifact_dir):
    page.goto(f"{two_sides_url}/Timeline")
    page.wait_for_selector(POINTS, timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    label = _click_a_two_sided_event(page)
    panel = page.locator(DETAIL)
    panel.wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    expect(panel.locator("h4").first).to_have_text(label)
    groups = panel.locator("[class*='st-key-timeline_detail_side_']")
    expect(groups).to_have_count(2)
    names = sorted(groups.nth(i).locator("strong").first.inner_text() for i in range(2))
    assert names == sorted(SIDES)
    for i in range(2):                 # each side's report: its sentence with the trigger marked
        expect(groups.nth(i).locator("mark.hl-trigger").first).to_be_attached()   # waits for st.html to draw
    expect(panel).to_contain_text("Content from www.kremlin.ru")       # each document's credit
    # the resolved date, what it rests on (issue 16, item 6)
    summary = panel.get_by_text("Event time:").first.locator("xpath=ancestor::p[1]").inner_text()
    assert re.search(r"Event time: \d{4}-\d\d-\d\d.* \((explicit date in the text|relative date, resolved "
                     r"against the publication date of \d{4}-\d\d-\d\d|publication date only: no date in the text)\)",
                     summary), summary
    # on screen in a 900-pixel window, Close in view and not cut off ("× C.")
    close = panel.locator(".st-key-timeline_detail_close button")
    box = close.bounding_box()
    assert page.viewport_size["height"] == 900
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= 900, box
    assert 0 <= box["x"] and box["x"] + box["width"] <= page.viewport_size["width"], box
    assert close.inner_text().strip() == "Close"
    assert close.evaluate("b => [...b.querySelectorAll('*')].concat([b]).every(e => e.scrollWidth <= e.clientWidth + 1)")
    dialog = page.locator("[role='dialog']")
    dialog_box = dialog.bounding_box()
    assert dialog_box and dialog_box["y"] >= 0 and dialog_box["y"] < 900 / 2, dialog_box    # opens in view
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifact_dir / "screenshot-timeline-two-sides.png"))
    close.click()
    expect(panel).to_have_count(0)
