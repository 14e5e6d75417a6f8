"""The ledger in real Chromium (issue 17, item 5): a server over three short articles
written for the tests (tests/data/ledger_corpus: Ukraine's defence ministry's toll of
Russian soldiers killed, reported twice, and Russia's far smaller one three days later),
extracted by the real pipeline into the server's own store; the Claims page shows the
contested pair in its list and as outlined diamonds on its chart."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_browser import CHART, LOAD_TIMEOUT_MS, POINTS, wait_idle

from bench.app_server import running_app

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "ledger_corpus"
UA, RU = "Ukraine's defence ministry", "Russia's defence ministry"
# (trace name, figure, marker symbol) of every point the chart holds
DRAWN = f"""() => {{
    const plot = document.querySelector("{CHART} .js-plotly-plot");
    const found = [];
    for (const trace of plot._fullData) Array.from(trace.y || []).forEach((y, i) => {{   // decoded arrays
        if (y === null || y === undefined) return;
        const symbol = Array.isArray(trace.marker.symbol) ? trace.marker.symbol[i] : trace.marker.symbol;
        found.push([trace.name, y, symbol]);
    }});
    return found;
}}"""


@pytest.fixture(scope="module")
def ledger_url(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("ledger-server")
    corpus = shutil.copytree(CORPUS, workdir / "corpus")
    with running_app(workdir, corpus=corpus) as url:
        yield url


def test_the_claims_page_shows_the_contested_claim(page: Page, ledger_url: str, artifact_dir: Path):
    page.goto(f"{ledger_url}/Claims")
    page.wait_for_selector(POINTS, timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_text("Contested (2)", exact=True)).to_be_visible()
    line = main.locator("li", has_text="contested by").filter(has_text=f"{RU} 498")
    expect(line).to_have_count(1)
    expect(line).to_contain_text(f"contested by {UA}: 5,000 (2022-02-27)")
    drawn = page.evaluate(DRAWN)
    assert [UA, 5000, "diamond"] in drawn and [RU, 498, "diamond"] in drawn, drawn
    diamonds = page.locator(f"{POINTS}[d*='L']")      # drawn: a diamond's path has corners, a circle's arcs
    assert diamonds.count() >= 2
    expect(main.get_by_text("Ledger (2)", exact=True)).to_be_visible()
    page.screenshot(path=str(artifact_dir / "claims-ledger-contested.png"), full_page=True)
