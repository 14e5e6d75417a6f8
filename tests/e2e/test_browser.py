"""The dashboard in real Chromium: points drawn, the filter redraws them, the map works offline."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
LOAD_TIMEOUT_MS = 120_000  # the first page load extracts the corpus
CHART = "[data-testid='stPlotlyChart']"
# Points of the main plot only (the range slider draws its own copy of every trace).
POINTS = f"{CHART} .cartesianlayer .scatterlayer .point"
FILTER = "[data-testid='stSidebar'] .st-key-filter_actors"  # the actor multiselect
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
ACTOR_OPTION = re.compile(r"\(\d+\)$")  # "Russia (10)"; skips the widget's own "Select all"


def wait_idle(page: Page) -> None:
    """Wait for the script run to finish and for stale elements of the last run to go."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function("document.querySelectorAll('[data-stale=\"true\"]').length === 0",
                           timeout=LOAD_TIMEOUT_MS)


def point_count(page: Page) -> int:
    return page.locator(POINTS).count()


def first_actor_option(page: Page):
    """Open the sidebar actor filter; its first actor (the most mentioned)."""
    page.locator(f"{FILTER} input").click()
    option = page.locator("[role='option']").filter(has_text=ACTOR_OPTION).first
    option.wait_for()
    return option


def open_timeline(page: Page, url: str) -> int:
    page.goto(f"{url}/Timeline")
    page.wait_for_selector(POINTS, timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    return point_count(page)


def test_timeline_draws_points_and_filter_redraws_them(page: Page, app_url: str, artifact_dir: Path):
    before = open_timeline(page, app_url)
    assert before > 0
    expect(page.locator(CHART)).to_have_count(1)
    _save_screenshot(page, artifact_dir / "screenshot-timeline.png")

    first_option = first_actor_option(page)
    chosen = first_option.inner_text().rsplit(" (", 1)[0].strip()
    first_option.click()
    page.keyboard.press("Escape")

    page.wait_for_url(lambda u: chosen in parse_qs(urlparse(u).query).get("actor", []), timeout=LOAD_TIMEOUT_MS)
    # After the rerun the old chart lingers until the new one replaces it:
    # wait until a single chart shows a different number of points.
    page.wait_for_function(
        """([chart, points, before]) => document.querySelectorAll(chart).length === 1
               && document.querySelectorAll(points).length > 0
               && document.querySelectorAll(points).length !== before""",
        arg=[CHART, POINTS, before], timeout=LOAD_TIMEOUT_MS,
    )
    wait_idle(page)
    after = point_count(page)
    assert 0 < after < before, (chosen, before, after)
    expect(page.locator(f"{FILTER} [data-tag]")).to_contain_text([chosen])


def test_url_reproduces_the_filter_and_it_survives_a_page_switch(page: Page, app_url: str):
    unfiltered = open_timeline(page, app_url)
    chosen = first_actor_option(page).inner_text().rsplit(" (", 1)[0].strip()
    page.keyboard.press("Escape")

    page.goto(f"{app_url}/Timeline?actor={chosen.replace(' ', '%20')}")
    page.wait_for_selector(POINTS, timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    expect(page.locator(f"{FILTER} [data-tag]")).to_contain_text([chosen])
    assert 0 < point_count(page) < unfiltered

    page.locator("[data-testid='stSidebarNav'] a", has_text="Claims").click()
    page.wait_for_url("**/Claims**", timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    expect(page.locator(f"{FILTER} [data-tag]")).to_contain_text([chosen])
    assert parse_qs(urlparse(page.url).query).get("actor") == [chosen]


MAP = ".st-key-actors_map [data-testid='stPlotlyChart']"
NETWORK = ".st-key-actors_network [data-testid='stPlotlyChart']"
NETWORK_NODES = f"{NETWORK} .scatterlayer .trace:has(.point) .point"


def open_actors(page: Page, url: str) -> None:
    page.goto(f"{url}/Actors")
    page.wait_for_selector(f"{MAP} .geo .countries path", state="attached", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_selector(NETWORK_NODES, timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)


def test_actors_map_draws_countries_and_choropleth_offline(page: Page, app_url: str, artifact_dir: Path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_actors(page, app_url)
    # Country borders are one long path, drawn only once the topojson has loaded.
    borders = page.locator(f"{MAP} .geo .countries path").first.get_attribute("d") or ""
    assert len(borders) > 1000, borders
    assert page.locator(f"{MAP} .geo .scatterlayer .point").count() > 0
    # The choropleth: one filled shape per country involved, drawn from the same local topojson.
    shapes = page.locator(f"{MAP} .geo .choroplethlayer path")
    expect(shapes.first).to_be_attached()
    assert shapes.count() >= 2
    assert len(shapes.first.get_attribute("d") or "") > 100
    assert any("/app/static/topojson/" in url for url in requests), requests
    assert not remote_requests(requests), f"requests left localhost: {remote_requests(requests)}"
    _save_element_screenshot(page, MAP, artifact_dir / "actors-map.png")


def test_clicking_a_network_node_sets_the_shared_filter(page: Page, app_url: str, artifact_dir: Path):
    open_actors(page, app_url)
    before = page.locator(NETWORK_NODES).count()
    assert before > 1
    _save_element_screenshot(page, NETWORK, artifact_dir / "actors-network.png")
    # Click the last node drawn (the least mentioned actor of the last kind): it has few neighbours.
    node = page.locator(NETWORK_NODES).last
    node.scroll_into_view_if_needed()
    box = node.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(lambda u: bool(parse_qs(urlparse(u).query).get("actor")), timeout=LOAD_TIMEOUT_MS)
    (chosen,) = parse_qs(urlparse(page.url).query)["actor"]
    wait_idle(page)
    expect(page.locator(f"{FILTER} [data-tag]")).to_contain_text([chosen])
    page.wait_for_function(
        """([nodes, before]) => { const n = document.querySelectorAll(nodes).length; return n > 0 && n < before; }""",
        arg=[NETWORK_NODES, before], timeout=LOAD_TIMEOUT_MS,
    )
    # The other views follow: the timeline opens filtered to the clicked actor.
    page.locator("[data-testid='stSidebarNav'] a", has_text="Timeline").click()
    page.wait_for_url("**/Timeline**", timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    expect(page.locator(f"{FILTER} [data-tag]")).to_contain_text([chosen])
    assert parse_qs(urlparse(page.url).query).get("actor") == [chosen]


PAGE_PATHS = ("", "Timeline", "Actors", "Claims", "Articles", "Import")   # app.py's url_path of every page


def remote_requests(requests: list[str]) -> list[str]:
    """The requests that left the machine (any host but this one's loopback)."""
    return [url for url in requests
            if urlparse(url).scheme in ("http", "https", "ws", "wss") and urlparse(url).hostname not in LOCAL_HOSTS]


def test_no_page_requests_anything_from_another_host(page: Page, app_url: str):
    """Every page, opened by its URL and again through the navigation, asks only this
    server (no icon font or SVG from fonts.gstatic.com, no map tiles); the navigation
    still shows an icon beside each page."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in PAGE_PATHS:
        page.goto(f"{app_url}/{path}")
        page.wait_for_selector("[data-testid='stSidebarNav']", timeout=LOAD_TIMEOUT_MS)
        wait_idle(page)
        page.wait_for_timeout(500)          # the favicon and late fonts are asked for after the run
    links = page.locator("[data-testid='stSidebarNav'] a")
    expect(links).to_have_count(len(PAGE_PATHS))
    for index in range(links.count()):
        links.nth(index).click()
        wait_idle(page)
        page.wait_for_timeout(500)
    visited = {urlparse(url).path.strip("/") for url in requests if urlparse(url).hostname in LOCAL_HOSTS}
    assert set(PAGE_PATHS) - {""} <= visited, visited
    assert not remote_requests(requests), f"requests left localhost: {remote_requests(requests)}"
    expect(page.locator("[data-testid='stSidebarNav'] a [data-testid='stIconEmoji']")).to_have_count(len(PAGE_PATHS))


def _save_element_screenshot(page: Page, selector: str, path: Path) -> None:
    """A picture of one chart, with no hover label; copied into docs/ with UPDATE_SCREENSHOTS=1."""
    element = page.locator(selector)
    element.scroll_into_view_if_needed()
    page.mouse.move(0, 0)
    page.wait_for_timeout(500)
    element.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        (REPO / "docs").mkdir(exist_ok=True)
        shutil.copyfile(path, REPO / "docs" / path.name)


def _save_screenshot(page: Page, path: Path) -> None:
    # Streamlit scrolls inside its own container, so a full-page shot is the
    # viewport: make the viewport tall enough for the title and the whole chart.
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": 1700})
    page.wait_for_timeout(500)
    page.mouse.move(0, 0)  # no hover label in the picture
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    assert path.stat().st_size > 10_000
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        (REPO / "docs").mkdir(exist_ok=True)
        shutil.copyfile(path, REPO / "docs" / path.name)
