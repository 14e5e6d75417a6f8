"""The bad-input matrix (`bad_input_cases.CASES`) through the CLI and through
the Import page's functions. Every case names the file and the problem, and
leaves the articles already stored exactly as they were; a refused file adds
nothing. The same table runs in Chromium in `tests/e2e/test_bad_input_e2e.py`.

Marker `model`: the CLI cases extract the seed article (once) and each
accepted file.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest
from bad_input_cases import CASES, BadInput

from core.cli import main
from core.read import upload, uploads_folder
from core.read.ingest import printable, read_article
from core.store.db import Store
from tests.conftest import seed_folder

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "2022-02-13_itv_deterrence-and-diplomacy.txt"
PER_ARTICLE = ("articles", "events", "timexes", "claims", "mentions")


def content_of(case: BadInput) -> bytes:
    return SEED.read_bytes() if case.case == "duplicate" else case.content


def stored(db: Path) -> dict[str, pd.DataFrame]:
    """Every per-article table of the store, in a stable order (for before/after comparisons)."""
    store = Store(db, read_only=True)
    try:
        tables = {name: store.table(name) for name in PER_ARTICLE}
    finally:
        store.close()
    return {name: table.astype(str).sort_values(list(table.columns)).reset_index(drop=True)
            for name, table in tables.items()}


def rows_of(tables: dict[str, pd.DataFrame], article_ids: set[str]) -> dict[str, pd.DataFrame]:
    return {name: table[table["article_id"].isin(article_ids)].reset_index(drop=True)
            for name, table in tables.items()}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> tuple[Path, Path, dict[str, pd.DataFrame]]:
    """A corpus folder holding the seed, ingested into a store: (corpus, store, its tables)."""
    root = tmp_path_factory.mktemp("baseline")
    corpus = root / "corpus"
    seed_folder(corpus)
    db = root / "store.duckdb"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    return corpus, db, stored(db)


def folder_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", [c for c in CASES if c.in_cli], ids=lambda c: c.case)
def test_the_cli_names_the_file_and_the_problem_and_keeps_what_is_stored(case, baseline, tmp_path, capsys):
    corpus, db_before, tables_before = baseline
    corpus_before = folder_digest(corpus)
    db, incoming = tmp_path / "store.duckdb", tmp_path / "incoming"
    shutil.copy(db_before, db)
    incoming.mkdir()
    bad = incoming / (case.disk_name or case.name)
    bad.write_bytes(content_of(case))
    capsys.readouterr()

    main(["ingest", str(corpus), str(bad), "--db", str(db)])
    output = capsys.readouterr()
    lines = (output.out + output.err).splitlines()
    shown = printable(str(bad))
    assert [line for line in lines if shown in line and case.cli_note in line], lines
    assert not any(ch in "\x1b\u202e" for line in lines for ch in line), "control characters reach the terminal"

    seed_ids = set(tables_before["articles"]["article_id"])
    tables_after = stored(db)
    for name in PER_ARTICLE:        # what was stored is untouched, row for row
        pd.testing.assert_frame_equal(rows_of(tables_after, seed_ids)[name], rows_of(tables_before, seed_ids)[name])
    new_ids = set(tables_after["articles"]["article_id"]) - seed_ids
    assert len(new_ids) == (0 if case.refused else 1)
    assert folder_digest(corpus) == corpus_before
    if not case.refused:
        article, _problems = read_article(bad)
        assert case.text_has in article.text
        assert not [lacking for lacking in case.text_lacks if lacking in article.text]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.case)
def test_the_import_page_names_the_file_and_the_problem_and_saves_only_good_files(case, baseline, tmp_path):
    corpus, _db, _tables = baseline
    before = folder_digest(corpus)
    uploads = tmp_path / "uploads"
    result = upload.read_uploads([(case.name, content_of(case))], corpus_paths=[corpus])
    notes = list(result.problems) + [row["notes"] for row in upload.draft_rows(result.drafts)]
    named = printable(case.name)
    assert [note for note in notes if case.upload_note in note], notes
    assert any(named in note for note in result.problems) or any(named == d.name for d in result.drafts)

    imported = uploads_folder.import_drafts([d for d in result.drafts if d.duplicate_of is None] or list(result.drafts),
                                    uploads_dir=uploads, corpus_paths=[corpus])
    saved = [p for p in uploads.iterdir() if not p.name.endswith(".meta.json")] if uploads.exists() else []
    assert len(saved) == (0 if case.refused else 1)
    assert all(p.parent == uploads for p in uploads.rglob("*"))          # nothing written outside the folder
    if case.refused:
        assert imported.saved == ()
    else:
        text = saved[0].read_text(encoding="utf-8")
        assert case.text_has in text
        assert not [lacking for lacking in case.text_lacks if lacking in text]
    assert folder_digest(corpus) == before
