"""Importing an article in real Chromium: upload a .txt, import it, see its event on the Timeline.

The shared `app_url` server saves uploads into the repository's `data/uploads`,
so this module starts its own server (same launcher pattern as conftest.py)
with `CRISIS_UPLOADS` pointing at a temporary folder.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT_S = 120

LOAD_TIMEOUT_MS = 180_000  # the first load extracts the seed corpus; the import extracts the new article
SENTENCE = "On Monday, Russia moved 5,000 troops to the border."
ARTICLE = f"---\ntitle: Border build-up\nsource: E2E Wire\npublished: 2022-02-14\n---\n{SENTENCE}\n"


@pytest.fixture(scope="module")
def upload_app(tmp_path_factory):
    """A server of its own, with an empty uploads folder; yields (url, uploads folder)."""
    uploads = tmp_path_factory.mktemp("uploads")
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    env = {**os.environ, "CRISIS_CORPUS": str(REPO / "seeds"), "CRISIS_UPLOADS": str(uploads),
           "CRISIS_CACHE": str(tmp_path_factory.mktemp("upload-result-cache")),
           "CRISIS_DB": str(tmp_path_factory.mktemp("upload-store") / "crisis.duckdb")}
    log_path = tmp_path_factory.mktemp("upload-server") / "streamlit.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server, log_path)
        yield url, uploads
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited with {server.returncode}:\n{log_path.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"streamlit not healthy after {STARTUP_TIMEOUT_S}s:\n{log_path.read_text(errors='replace')}")


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
