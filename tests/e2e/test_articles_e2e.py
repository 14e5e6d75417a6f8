"""The Articles page in real Chromium: a hostile article is shown as text, never run.

This module starts its own server (the pattern of `conftest.app_url`) over a
throw-away corpus holding one article whose text and title carry a
`<script>` and an `<img onerror>`; extraction is real, the result cache off.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect
from test_browser import _save_screenshot

from bench.app_server import running_app
from core.read.ingest import content_id

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]

LOAD_TIMEOUT_MS = 120_000
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
FORMULA = '=HYPERLINK("http://evil.example/steal","Comments")'
SOURCE = f"{FORMULA} <img src=x onerror=alert(1)>"
TITLE = "Talks <script>window.__pwned=3</script> & \"quotes\""
TEXT = (
    "LONDON, 13 February 2022. Ben Wallace said on 13 February 2022 that 130,000 Russian troops "
    "were massed near Kyiv.\n\n"
    f"A reader pasted this into the comments: {SCRIPT} and then {IMG} to test the site.\n"
)
ARTICLE = ".st-key-articles_text .hl-article"


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory) -> str:
    """Serve the dashboard over a corpus of one hostile article; yield its base URL."""
    corpus = tmp_path_factory.mktemp("hostile-corpus")
    (corpus / "2022-02-13_hostile.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "2022-02-13_hostile.meta.json").write_text(
        json.dumps({"title": TITLE, "source": SOURCE, "url": "javascript:alert(1)"}), encoding="utf-8")
    with running_app(tmp_path_factory.mktemp("hostile-server"), corpus=corpus) as url:
        yield url


def open_articles(page: Page, url: str) -> list[str]:
    """Open the page, record any dialog (alert/confirm/prompt), wait for the article."""
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url)
    page.wait_for_selector(ARTICLE, timeout=LOAD_TIMEOUT_MS)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_timeout(1000)  # time for a failing <img> to fire onerror, were it ever inserted
    return dialogs


def test_hostile_article_is_shown_as_text_and_never_runs(page: Page, hostile_app: str, artifact_dir: Path):
    article_id = content_id(TEXT)
    dialogs = open_articles(page, f"{hostile_app}/Articles?article={article_id}")

    article = page.locator(ARTICLE)
    expect(article).to_contain_text(SCRIPT)          # the literal text, visible to the reader
    expect(article).to_contain_text(IMG)
    assert page.locator(f"{ARTICLE} script, {ARTICLE} img").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []

    # The title and source from the sidecar are shown literally too, and the javascript: URL is no link.
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(page.get_by_text(SOURCE).first).to_be_visible()   # as the source, and as the credit (no attribution given)
    assert page.locator("a[href^='javascript']").count() == 0

    # Real extraction found the date, and it is marked with its TimeML value.
    time_mark = page.locator(f"{ARTICLE} mark.hl-time").first
    expect(time_mark).to_have_text("13 February 2022")
    assert "2022-02-13" in (time_mark.get_attribute("title") or "")
    assert page.locator(f"{ARTICLE} mark.hl-place", has_text="Kyiv").count() >= 1
    _save_screenshot(page, artifact_dir / "screenshot-articles.png")


def test_opening_the_page_writes_the_article_to_the_url(page: Page, hostile_app: str):
    dialogs = open_articles(page, f"{hostile_app}/Articles")
    page.wait_for_url(lambda u: bool(parse_qs(urlparse(u).query).get("article")), timeout=LOAD_TIMEOUT_MS)
    assert parse_qs(urlparse(page.url).query)["article"] == [content_id(TEXT)]
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []


def test_hostile_article_exports_no_formula(page: Page, hostile_app: str):
    """The source that starts with =HYPERLINK(...) downloads as text (a leading
    apostrophe) in the articles CSV, never as a formula a spreadsheet would run."""
    page.goto(hostile_app)
    button = page.locator(".st-key-home_download button")
    button.wait_for(timeout=LOAD_TIMEOUT_MS)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=LOAD_TIMEOUT_MS)
    with page.expect_download() as download_info:
        button.click()
    rows = list(csv.DictReader(io.StringIO(download_info.value.path().read_text(encoding="utf-8"))))
    assert [row["source"] for row in rows] == ["'" + SOURCE]
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")], "a cell would run as a formula"
    assert page.evaluate("typeof window.__pwned") == "undefined"
