"""Duplicate articles (issue 16, item 3): core/read/dedupe.py and its hooks in the corpus reader and the CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import main
from core.read import dedupe
from core.read.ingest import read_corpus
from core.store.db import Store

STORY = ("Russia moves troops to the border\n\n"
         "On Monday, Russia moved 5,000 troops to the border with Ukraine, the Pentagon said. "
         "Officials in Kyiv called the build-up a threat and asked NATO for more help. "
         "The Kremlin denied any plan to attack and said the exercises were routine. "
         "Diplomats will meet in Geneva on Friday to discuss the crisis, a spokesman said.\n")
OTHER = ("Talks in Geneva end without agreement\n\n"
         "Diplomats from the United States and Russia met in Geneva for eight hours on Monday. "
         "No agreement was reached on the main demands, officials from both sides said afterwards.\n")


def as_html(text: str) -> str:
    head, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{p.strip()}</p>" for p in paragraphs)
    return f"<html><head><title>{head}</title></head><body><h1>{head}</h1>{body}</body></html>"


def test_normalise_folds_unicode_case_and_whitespace():
    assert dedupe.normalise("  Ｒussia\u00a0MOVED\n\n5,000\ttroops ") == "russia moved 5,000 troops"
    assert dedupe.normalised_id(STORY) == dedupe.normalised_id(STORY.rstrip("\n") + "\n\n")
    assert dedupe.normalised_id(STORY) != dedupe.normalised_id(OTHER)


def test_index_finds_the_same_story_exactly_or_nearly_and_nothing_else():
    index = dedupe.DuplicateIndex()
    index.add("a.txt", STORY)
    index.add("b.txt", OTHER)
    same = index.match(STORY.upper() + "\n")
    assert same == dedupe.Duplicate(of="a.txt", similarity=1.0)
    assert "the same text once case, spacing and Unicode forms are ignored" in same.describe()
    edited = STORY.replace("on Friday", "on Saturday")          # one word changed: a near duplicate
    near = index.match(edited)
    assert near is not None and near.of == "a.txt"
    assert dedupe.NEAR_DUPLICATE_JACCARD <= near.similarity < 1.0
    assert near.describe().startswith("duplicate of a.txt (") and "threshold is 80%" in near.describe()
    half = " ".join(STORY.split()[: len(STORY.split()) // 2])   # half the story: below the threshold
    assert index.match(half) is None
    assert index.match("Completely different words about the weather in Lisbon today and tomorrow.") is None


def test_one_figure_apart_is_another_report():
    index = dedupe.DuplicateIndex()
    index.add("a", "Shelling killed 5 people in Kharkiv on Monday, officials said.")
    assert index.match("Shelling killed 6 people in Kharkiv on Monday, officials said.") is None


def test_threshold_is_applied_on_the_real_overlap():
    base = " ".join(f"word{i}" for i in range(200))
    index = dedupe.DuplicateIndex()
    index.add("base", base)
    words = base.split()
    for changed, expected in ((5, True), (40, False)):
        variant = " ".join(words[:-changed] + [f"other{i}" for i in range(changed)])
        overlap = dedupe.jaccard(dedupe.shingles(variant), dedupe.shingles(base))
        found = index.match(variant)
        assert (found is not None) == expected == (overlap >= dedupe.NEAR_DUPLICATE_JACCARD), (changed, overlap)


def test_the_threshold_is_documented_with_its_value():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "duplicates.md").read_text(encoding="utf-8")
    assert f"{dedupe.NEAR_DUPLICATE_JACCARD}" in doc and f"{dedupe.SHINGLE_WORDS}" in doc
    assert "NEAR_DUPLICATE_JACCARD" in doc and dedupe.KEEP_DUPLICATE_KEY in doc


def write_pair(folder: Path) -> Path:
    """The same article as .txt and as .html, one trailing newline apart (the issue's steps)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "story.html").write_text(as_html(STORY), encoding="utf-8")
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    return folder


def test_corpus_reader_keeps_the_txt_and_html_of_one_story_once(tmp_path):
    folder = write_pair(tmp_path / "corpus")
    result = read_corpus([folder])
    assert sorted(Path(a.path).name for a in result.articles) == ["other.txt", "story.html"]
    [warning] = [p for p in result.problems if "duplicate of" in p.message]
    assert warning.path.endswith("story.txt") and not warning.fatal
    assert f"duplicate of {folder / 'story.html'}" in warning.message
    assert "--keep-duplicates" in warning.message
    assert len(read_corpus([folder], keep_duplicates=True).articles) == 3


def test_a_sidecar_keeps_both(tmp_path):
    folder = write_pair(tmp_path / "corpus")
    (folder / "story.meta.json").write_text(json.dumps({dedupe.KEEP_DUPLICATE_KEY: True}), encoding="utf-8")
    assert len(read_corpus([folder]).articles) == 3


def test_cli_ingest_reports_the_duplicate_and_keeps_both_with_the_flag(tmp_path, capsys):
    folder = write_pair(tmp_path / "corpus")
    db = tmp_path / "store.duckdb"
    assert main(["ingest", str(folder), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "duplicate of" in line]
    assert len(lines) == 1 and lines[0].startswith(f"warning: {folder / 'story.txt'}: duplicate of")
    with Store(db, read_only=True) as store:
        assert len(store.stored_ids()) == 2
    assert main(["ingest", str(folder), "--db", str(db), "--keep-duplicates"]) == 0
    assert "duplicate of" not in capsys.readouterr().err
    with Store(db, read_only=True) as store:
        assert len(store.stored_ids()) == 3


@pytest.mark.parametrize("name", ["story.txt", "story.html"])
def test_an_unrelated_corpus_loses_nothing(tmp_path, name):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / name).write_text(STORY if name.endswith(".txt") else as_html(STORY), encoding="utf-8")
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    result = read_corpus([folder])
    assert len(result.articles) == 2 and not [p for p in result.problems if "duplicate" in p.message]
