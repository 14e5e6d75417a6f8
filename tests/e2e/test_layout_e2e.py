"""Every page at 1280 pixels wide: it draws, nothing scrolls sideways, and a
screenshot of it is saved as a test artifact (test-artifacts/screenshots/)."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page
from test_browser import LOAD_TIMEOUT_MS, wait_idle

pytestmark = pytest.mark.browser

WIDTH = 1280
# page path -> an element that shows the page has drawn its main view
PAGES = {
    "": "[data-testid='stMetric']",
    "Timeline": "[data-testid='stPlotlyChart'] .scatterlayer .point",
    "Actors": ".st-key-actors_network [data-testid='stPlotlyChart'] .point",
    "Claims": "[data-testid='stPlotlyChart'] .point",
    "Articles": ".st-key-articles_text .hl-article mark",
    "Import": "[data-testid='stFileUploader']",
}
# The main views scroll vertically inside this container; sideways they must not scroll at all.
OVERFLOW = """() => [document.documentElement, document.querySelector("[data-testid='stMain']")]
    .filter(Boolean).map(e => e.scrollWidth - e.clientWidth)"""


@pytest.mark.parametrize("path", list(PAGES), ids=[p or "home" for p in PAGES])
def test_page_fits_1280_pixels_and_is_captured(page: Page, app_url: str, artifact_dir, path: str):
    page.set_viewport_size({"width": WIDTH, "height": 900})
    page.goto(f"{app_url}/{path}")
    page.wait_for_selector(PAGES[path], state="attached", timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    page.wait_for_timeout(500)               # charts settle to their final width
    assert page.locator("[data-testid='stException']").count() == 0
    overflow = page.evaluate(OVERFLOW)
    assert max(overflow) <= 1, f"/{path} scrolls sideways by {overflow} px at {WIDTH} px"
    shot = artifact_dir / f"page-{path.lower() or 'home'}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
