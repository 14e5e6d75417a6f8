"""The Timeline as an analyst uses it, in real Chromium: click a point to read
its source, narrow the dates, paste the URL into a new page, download what is shown."""
from __future__ import annotations

import csv
import io
from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect
from test_browser import CHART, FILTER, LOAD_TIMEOUT_MS, POINTS, _save_screenshot, open_timeline, point_count, wait_idle

pytestmark = pytest.mark.browser

DETAIL = ".st-key-timeline_detail"
DATES = "[data-testid='stSidebar'] [data-testid='stDateInput']"
HOVER_TEXT = f"{CHART} .hoverlayer .hovertext"


def _click_point(page: Page, index: int = 0) -> str:
    """Hover then click the `index`-th point; return its event's label (the hover's first line)."""
    point = page.locator(POINTS).nth(index)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    hover = page.locator(HOVER_TEXT).first
    hover.wait_for(timeout=10_000)
    # the hover's lines: label / type · modality / event time / first reported / documents, sides / ...
    lines = [line.strip() for line in hover.locator("tspan.line").all_text_contents()]
    assert lines[2].startswith("event time: ") and lines[3].startswith("first reported: "), lines
    page.mouse.click(x, y)
    return lines[0]


def test_clicking_a_point_opens_its_reports_and_article(page: Page, app_url: str, artifact_dir):
    open_timeline(page, app_url)
    label = _click_point(page)
    panel = page.locator(DETAIL)
    panel.wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    expect(panel.locator("h4").first).to_have_text(label)
    # every report of it, its trigger marked, the article one click away (the dialog's
    # body can come a moment after its heading)
    panel.locator("mark.hl-trigger").first.wait_for(state="attached", timeout=LOAD_TIMEOUT_MS)
    assert panel.locator("mark.hl-trigger").count() >= 1
    expect(panel.get_by_text("Read the whole article").first).to_be_visible()
    _save_screenshot(page, artifact_dir / "screenshot-timeline-detail.png")
    panel.locator(".st-key-timeline_detail_close button").click()
    expect(panel).to_have_count(0)


def _set_dates(page: Page, start: date, end: date) -> None:
    """Type both ends into the range field's year-month-day segments, as a user would."""
    for which, day in (("start", start), ("end", end)):
        page.locator(f"{DATES} [role='spinbutton'][aria-label='year, Dates {which} date']").click()
        page.keyboard.type(f"{day:%Y%m%d}")
    page.locator("h1").first.click()         # the field commits when it loses focus


def _shown_dates(page: Page) -> list[str]:
    """The range field's segments as shown: [start, end] in YYYY-MM-DD."""
    values = page.locator(f"{DATES} [role='spinbutton']").all_text_contents()
    return ["-".join(values[:3]), "-".join(values[3:6])]


def test_dates_and_actor_change_the_points_and_the_url_reproduces_them(page: Page, app_url: str):
    before = open_timeline(page, app_url)
    # The seed article is of 13 February 2022: narrow to the days around it.
    _set_dates(page, date(2022, 2, 12), date(2022, 2, 14))
    page.wait_for_url(lambda u: parse_qs(urlparse(u).query).get("from") == ["2022-02-12"], timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function(
        """([chart, points, before]) => document.querySelectorAll(chart).length === 1
               && document.querySelectorAll(points).length > 0
               && document.querySelectorAll(points).length < before""",
        arg=[CHART, POINTS, before], timeout=LOAD_TIMEOUT_MS,
    )
    wait_idle(page)
    narrowed = point_count(page)
    url = page.url
    assert parse_qs(urlparse(url).query).get("to") == ["2022-02-14"]

    fresh = page.context.new_page()
    fresh.goto(url)
    fresh.wait_for_selector(POINTS, timeout=LOAD_TIMEOUT_MS)
    wait_idle(fresh)
    assert point_count(fresh) == narrowed
    assert _shown_dates(fresh) == ["2022-02-12", "2022-02-14"]
    fresh.close()


def test_csv_download_holds_exactly_the_filtered_rows(page: Page, app_url: str):
    open_timeline(page, app_url)
    page.locator(f"{FILTER} input").click()
    option = page.locator("[role='option']").filter(has_text=" (").first
    chosen = option.inner_text().rsplit(" (", 1)[0].strip()
    option.click()
    page.keyboard.press("Escape")
    page.wait_for_url(lambda u: chosen in parse_qs(urlparse(u).query).get("actor", []), timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    button = page.locator(".st-key-timeline_download button")
    label = button.inner_text()                 # "Download CSV (1,234 rows)"
    shown = int(label.split("(")[1].split()[0].replace(",", ""))
    with page.expect_download() as download_info:
        button.click()
    text = download_info.value.path().read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == shown > 0
    assert all(chosen in row["actors"].split("; ") for row in rows), chosen
