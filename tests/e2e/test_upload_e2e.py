"""Importing an article in real Chromium: upload a .txt, import it, see its event on the Timeline.

This module starts a server of its own, so its imports never reach the other tests' corpus.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bench.app_server import running_app
from tests.conftest import seed_folder

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
LOAD_TIMEOUT_MS = 180_000  # the first load extracts the seed corpus; the import extracts the new article
SENTENCE = "On Monday, Russia moved 5,000 troops to the border."
ARTICLE = f"---\ntitle: Border build-up\nsource: E2E Wire\npublished: 2022-02-14\n---\n{SENTENCE}\n"


@pytest.fixture(scope="module")
def upload_app(tmp_path_factory):
    """A server of its own, with an empty uploads folder; yields (url, uploads folder)."""
    workdir = tmp_path_factory.mktemp("upload-server")
    with running_app(workdir, corpus=seed_folder(workdir / "corpus")) as url:
        yield url, workdir / "uploads"


def wait_idle(page: Page) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function("document.querySelectorAll('[data-stale=\"true\"]').length === 0",
                           timeout=LOAD_TIMEOUT_MS)


def timeline_sentences(page: Page) -> str:
    """Every string in the Timeline chart's traces (hover texts hold the sentences)."""
    return page.evaluate(
        """() => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')].map(p => p.data))""")


def test_uploaded_txt_adds_its_event_to_the_timeline(page: Page, upload_app, artifact_dir, tmp_path):
    url, uploads = upload_app
    page.goto(f"{url}/Timeline")
    page.wait_for_selector("[data-testid='stPlotlyChart'] .js-plotly-plot", timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    assert SENTENCE not in timeline_sentences(page)

    page.goto(f"{url}/Import")
    wait_idle(page)
    expect(page.get_by_text("None yet")).to_be_visible()
    source = tmp_path / "border.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(source))
    import_button = page.get_by_role("button", name="Import 1 article(s)")
    import_button.wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    import_button.click()
    expect(page.get_by_text("Extraction done: the Timeline shows the new events.")).to_be_visible(
        timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    expect(page.get_by_text("Border build-up · E2E Wire · 2022-02-14 · border.txt")).to_be_visible()
    assert sorted(p.name for p in uploads.iterdir()) == ["border.meta.json", "border.txt"]
    page.screenshot(path=str(artifact_dir / "screenshot-import.png"), full_page=True)

    page.goto(f"{url}/Timeline")
    page.wait_for_function("([s]) => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')]"
                           ".map(p => p.data)).includes(s)", arg=[SENTENCE], timeout=LOAD_TIMEOUT_MS)
    drawn = timeline_sentences(page)
    assert SENTENCE in drawn
    assert "2022-02-14" in drawn  # "On Monday" resolved against the publication date


STORY = ("Russia moves troops to the border\n\n"
         "On Monday, Russia moved 5,000 troops to the border with Ukraine, the Pentagon said. "
         "Officials in Kyiv called the build-up a threat and asked NATO for more help.\n")
STORY_HTML = ("<html><head><title>Russia moves troops to the border</title></head><body>"
              "<h1>Russia moves troops to the border</h1><p>On Monday, Russia moved 5,000 troops to the border with "
              "Ukraine, the Pentagon said.</p><p>Officials in Kyiv called the build-up a threat and asked NATO for "
              "more help.</p></body></html>")


def test_the_same_story_as_html_is_flagged_and_the_check_table_fits(page: Page, upload_app, artifact_dir, tmp_path):
    """Issue 16 items 3 and 10: the .html of a stored .txt is 'duplicate of' it, unticked;
    the table's Published and Notes columns are on screen; the title is the headline."""
    url, uploads = upload_app
    page.set_viewport_size({"width": 1100, "height": 900})                     # a laptop's window
    uploads.mkdir(exist_ok=True)
    (uploads / "2022-02-14_story.txt").write_text(STORY, encoding="utf-8")     # already imported
    page.goto(f"{url}/Import")
    wait_idle(page)
    source = tmp_path / "story.html"
    source.write_text(STORY_HTML, encoding="utf-8")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(source))
    expect(page.get_by_text("Check before importing (1 article(s))")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    # The grid puts only the columns in view in its accessible table: Published and Notes must be there.
    headers = page.locator("[data-testid='stDataFrame'] th[role='columnheader']")
    expect(headers.filter(has_text="Title")).to_have_count(1)
    in_view = headers.all_inner_texts()
    assert any(h.startswith("Published") for h in in_view) and "Notes" in in_view, in_view
    cells = page.locator("[data-testid='stDataFrame'] td[role='gridcell']")
    expect(cells.filter(has_text=f"duplicate of {uploads / '2022-02-14_story.txt'}")).to_have_count(1)
    expect(cells.filter(has_text="Russia moves troops to the border")).to_have_count(1)
    expect(page.get_by_role("button", name="Import 0 article(s)")).to_be_disabled()

    page.screenshot(path=str(artifact_dir / "screenshot-import-duplicate.png"), full_page=True)


def _long_article(words: int = 45_000) -> str:
    """A long article in the corpus's own words: the seed corpus's paragraphs, in turn."""
    paragraphs = [p for path in sorted((REPO / "seeds" / "ukraine-2021-22").glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) > 12]
    out: list[str] = []
    count = 0
    for paragraph in paragraphs:
        out.append(paragraph)
        count += len(paragraph.split())
        if count >= words:
            break
    return "---\ntitle: A long briefing\nsource: E2E Wire\npublished: 2022-02-20\n---\n" + "\n\n".join(out) + "\n"


def test_an_import_extracts_in_the_background_while_another_session_reads(page: Page, browser, upload_app,
                                                                          tmp_path):
    """Issue 16 item 4: one session imports a long article; meanwhile a second session
    opens the Timeline at once, draws the corpus as it was and says how many articles
    are being extracted; the importer sees the progress, then the outcome."""
    url, _ = upload_app
    page.goto(f"{url}/Import")
    wait_idle(page)
    source = tmp_path / "long-briefing.txt"
    source.write_text(_long_article(), encoding="utf-8")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(source))
    import_button = page.get_by_role("button", name="Import 1 article(s)")
    import_button.wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_idle(page)
    import_button.click()
    expect(page.get_by_text("Extracting in the background")).to_be_visible(timeout=30_000)

    other = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        other.goto(f"{url}/Timeline")
        other.wait_for_selector("[data-testid='stPlotlyChart'] .js-plotly-plot", timeout=30_000)
        expect(other.get_by_text("being extracted in the background")).to_be_visible(timeout=10_000)
    finally:
        other.close()
    expect(page.get_by_text("Extraction done: the Timeline shows the new events.")).to_be_visible(
        timeout=LOAD_TIMEOUT_MS)
