"""The CLI output contract: `python -m core extract` and `python -m core timex`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from core.cli import CONTRACT_TABLES, TABLE_COLUMNS, main
from core.frames import FRAME_COLUMNS
from tests.conftest import REPO, SEED_TEXT

SEED = str(SEED_TEXT.relative_to(REPO))       # the seed article alone, as the CLI is given it


def test_extract_jsonl_prints_rows_for_all_six_frames() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "core", "extract", SEED, "--format", "jsonl"],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    tables = {row["table"] for row in rows}
    assert tables == set(CONTRACT_TABLES)
    for row in rows:
        assert set(TABLE_COLUMNS[row["table"]]) <= set(row), row["table"]
    article = next(r for r in rows if r["table"] == "articles")
    assert (article["published"], article["source"]) == ("2022-02-13", "ITV News")


def test_extract_out_writes_one_csv_per_frame(tmp_path: Path) -> None:
    assert main(["extract", str(SEED_TEXT), "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.csv" for t in CONTRACT_TABLES)
    events = pd.read_csv(tmp_path / "events.csv")
    assert list(events.columns[: len(FRAME_COLUMNS["events"])]) == FRAME_COLUMNS["events"]
    assert len(events) > 0


LEDGER_CORPUS = REPO / "tests" / "data" / "ledger_corpus"


def test_the_ledger_table_merges_a_claim_and_marks_a_contested_pair(tmp_path: Path, capsys) -> None:
    """The added `ledger` table: Ukraine's toll reported twice is one row with two sources,
    contested by Russia's far smaller toll; the other tables are unchanged."""
    assert main(["extract", str(LEDGER_CORPUS), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["table"] for r in rows if r["table"] != rows[0]["table"]][-1] == "ledger"      # added last
    claims = [r for r in rows if r["table"] == "claims"]
    ledger = {r["claimant"]: r for r in rows if r["table"] == "ledger"}
    assert len(claims) == 3 and set(ledger) == {"Ukraine's defence ministry", "Russia's defence ministry"}
    ukraine, russia = ledger["Ukraine's defence ministry"], ledger["Russia's defence ministry"]
    assert (ukraine["value"], ukraine["n_sources"], ukraine["first_date"], ukraine["last_date"]) == (
        5000, 2, "2022-02-27", "2022-02-28")
    assert (russia["value"], russia["n_sources"], russia["unit_class"]) == (498, 1, "personnel")
    assert ukraine["contested"] is True and russia["contested"] is True
    assert ukraine["contested_by"] == "Russia's defence ministry: 498 (2022-03-02)"
    assert russia["contested_ids"] == ukraine["ledger_id"]
    spans = ukraine["spans"].split("; ")          # each source: its article and the figure's offsets
    by_span = {f"{c['article_id']}:{c['start']}-{c['end']}": c for c in claims}
    assert [by_span[s]["figure"] for s in spans] == ["5,000", "5,000"]
    assert main(["extract", str(LEDGER_CORPUS), "--out", str(tmp_path)]) == 0
    written = pd.read_csv(tmp_path / "ledger.csv")
    assert written.columns.tolist() == TABLE_COLUMNS["ledger"] and len(written) == 2


def test_published_overrides_and_offsets_are_into_the_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    text = "Russia said on Monday that talks would go on.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--published", "2022-02-16", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    timexes = [r for r in rows if r["table"] == "timexes"]
    assert timexes and all(text[r["start"]:r["end"]] == r["text"] for r in timexes)
    monday = next(r for r in timexes if r["text"] == "Monday")
    assert monday["value"] == "2022-02-14"  # past tense, published Wednesday 16th


def test_bad_file_is_named_on_stderr_and_the_rest_extracts(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "good.txt").write_text("Russia massed troops near the border.", encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    assert main(["extract", str(tmp_path), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert "broken.txt" in captured.err and "binary" in captured.err
    assert any(json.loads(row)["table"] == "articles" for row in captured.out.splitlines())


def test_nothing_readable_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path), "--format", "jsonl"]) == 1
    assert "empty.txt: empty file" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["2022-02-30", "13/02/2022", "soon"])
def test_invalid_published_is_a_usage_error(bad: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", SEED, "--published", bad])
    assert exit_info.value.code == 2
    assert bad in capsys.readouterr().err


def test_timex_batch_contract(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    lines = [
        {"doc": "d1", "dct": "2022-02-13", "text": "Ben Wallace said on Sunday morning that talks had gone on for weeks."},
        {"doc": "d2", "dct": "2013-03-22T00:00:00", "text": "No time here."},
        {"doc": "d3", "dct": None, "text": "The summit is on Friday."},
    ]
    batch.write_text("\n".join(json.dumps(row) for row in lines) + "\nnot json\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "core", "timex", "--batch", str(batch)],
                          cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert all(set(r) == {"doc", "start", "end", "text", "type", "value"} for r in rows)
    assert all(r["type"] in {"DATE", "TIME", "DURATION", "SET"} for r in rows)
    by_text = {(r["doc"], r["text"]): r for r in rows}
    assert by_text[("d1", "Sunday morning")]["value"] == "2022-02-13TMO"
    assert by_text[("d1", "weeks")]["value"] == "PXW"
    assert not [r for r in rows if r["doc"] == "d2"]
    assert ("d3", "Friday") in by_text  # typed even with no dct
    assert "in.jsonl:4" in done.stderr


def test_a_cached_corpus_loads_no_model_and_gives_the_same_frames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.combine.build import build_frames

    first = build_frames([SEED_TEXT], cache_dir=tmp_path)

    def no_model():
        raise AssertionError("the model was loaded for a fully cached corpus")

    monkeypatch.setattr("core.extract.pipeline.build_pipeline", no_model)
    second = build_frames([SEED_TEXT], cache_dir=tmp_path)
    for name, df in first.frames.items():
        pd.testing.assert_frame_equal(df, getattr(second.frames, name), obj=name)


def test_a_row_added_to_the_actor_dictionary_is_honoured_next_extraction(tmp_path: Path) -> None:
    from core.combine.build import build_frames
    from core.read.corpus import corpus_fingerprint

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2022-03-01_a.txt").write_text(
        "The Wagner Group said its fighters had left. Later the mercenaries denied it.", encoding="utf-8")
    header = "canonical,aliases,kind,country,role\n"
    (corpus / "actors.csv").write_text(header, encoding="utf-8")
    cache = tmp_path / "cache"
    before = build_frames([corpus], cache_dir=cache)
    fingerprint = corpus_fingerprint([corpus])
    (corpus / "actors.csv").write_text(header + "Wagner Group,the mercenaries|Wagner,group,Russia,\n", encoding="utf-8")
    assert corpus_fingerprint([corpus]) != fingerprint
    after = build_frames([corpus], cache_dir=cache)
    mentions = after.frames.entity_mentions
    assert set(mentions[mentions.text == "the mercenaries"].entity) == {"Wagner Group"}
    assert "the mercenaries" not in set(before.frames.entity_mentions.text)
    actor = after.frames.actors.set_index("actor").loc["Wagner Group"]
    assert (actor.kind, actor.country) == ("group", "Russia")
