"""The bad-input matrix (`tests/bad_input_cases.py`) through the Import page in Chromium.

Every file of the table is dropped on the uploader at once. The page must name
each refused file with its problem, list every readable one for checking, save
nothing before *Import*, then save only the readable, new files, each inside
the uploads folder, with the seed article still in the corpus.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_upload_e2e import wait_idle

from bench.app_server import running_app
from tests.conftest import seed_folder

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bad_input_cases import CASES  # noqa: E402

from core.read.ingest import printable  # noqa: E402
from core.read.limits import LIMITS  # noqa: E402

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "2022-02-13_itv_deterrence-and-diplomacy.txt"
TIMEOUT_MS = 240_000      # the first load extracts the seed, the import 8 new articles


@pytest.fixture(scope="module")
def import_app(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("bad-input-server")
    with running_app(workdir, corpus=seed_folder(workdir / "corpus")) as url:
        yield url, workdir / "uploads"


def on_disk(case, folder: Path) -> Path:
    """The case as a file the browser picks (a path: a 50 MB buffer would crawl through the driver).
    A browser never sends a name with "/", so the separators case uses its on-disk name."""
    path = folder / (case.disk_name or case.name)
    path.write_bytes(SEED.read_bytes() if case.case == "duplicate" else case.content)
    return path


def shown_name(case) -> str:
    return printable(case.disk_name or case.name)


def test_every_bad_file_is_named_with_its_problem_and_only_good_ones_are_saved(page: Page, import_app, artifact_dir,
                                                                              tmp_path):
    url, uploads = import_app
    page.goto(f"{url}/Import")
    wait_idle(page)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([on_disk(c, tmp_path) for c in CASES],
                                                                                 timeout=TIMEOUT_MS)
    expect(page.get_by_text("file(s) or part(s) were not read")).to_be_visible(timeout=TIMEOUT_MS)
    wait_idle(page)

    # Over the upload limit, the browser itself refuses the file, beside its name, and never sends it.
    too_big = [c for c in CASES if len(c.content) > LIMITS.upload_bytes]
    assert too_big, "the table holds a file over the upload limit"
    for case in too_big:
        expect(page.get_by_role("button", name=f"Remove {shown_name(case)}")).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text=f"File must be {LIMITS.upload_mb:.1f}MB or smaller")).to_have_count(
        len(too_big))
    refusals = page.locator("[data-testid='stCode']").first.inner_text()
    refused = [c for c in CASES if c.refused and c.case != "duplicate" and c not in too_big]
    missing = [c.case for c in refused if not any(shown_name(c) in line and c.upload_note in line
                                                  for line in refusals.splitlines())]
    assert missing == [], refusals
    readable = [c for c in CASES if not c.refused or c.case == "duplicate"]
    expect(page.get_by_text(f"Check before importing ({len(readable)} article(s))")).to_be_visible()
    assert not uploads.exists() or list(uploads.iterdir()) == []       # nothing saved before Import
    page.screenshot(path=str(artifact_dir / "bad-input-import.png"), full_page=True)

    new = [c for c in CASES if not c.refused]                         # the duplicate is unticked
    page.get_by_role("button", name=f"Import {len(new)} article(s)").click()
    expect(page.get_by_text("Extraction done: the Timeline shows the new events.")).to_be_visible(timeout=TIMEOUT_MS)
    wait_idle(page)
    saved = sorted(p for p in uploads.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
    assert len(saved) == len(new) and all(p.parent == uploads for p in saved)
    texts = "\n".join(p.read_text(encoding="utf-8") for p in saved)
    assert all(c.text_has in texts for c in new)
    assert not [bad for c in new for bad in c.text_lacks if bad in texts]

    page.goto(url)                                                    # the seed is still in the corpus
    wait_idle(page)
    # the Overview's articles table (a canvas grid; its cells are in the DOM for screen readers)
    expect(page.locator("td[role='gridcell']", has_text="deterrence").first).to_be_attached(timeout=TIMEOUT_MS)
