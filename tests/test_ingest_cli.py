"""`python -m core ingest` and `python -m core export`, and the store's
transactions under a SIGKILL mid-ingest."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from core.cli import main
from core.frames import FRAME_COLUMNS
from core.store.db import Store
from tests.conftest import SEED_TEXT

REPO = Path(__file__).resolve().parents[1]
SENTENCES = [
    "Russia has moved {n} troops to the border with Ukraine, the Pentagon said on {day} February.",
    "Ukraine's foreign minister met his British counterpart in Kyiv on {day} February 2022.",
    "NATO said that {n} soldiers were taking part in exercises in Belarus.",
    "The United States warned that an invasion could begin within days.",
    "Officials in Moscow denied any plan to attack and called the reports hysteria.",
]


def _corpus(folder: Path, count: int) -> Path:
    """`count` small distinct articles, each with a dated file name."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        day = 1 + i % 27
        text = " ".join(s.format(n=f"{1000 + i * 37:,}", day=day) for s in SENTENCES * 3) + f" Report {i}."
        (folder / f"2022-02-{day:02d}_article-{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def _run(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_ingest_prints_a_summary_and_a_second_run_skips_everything(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 3)
    (corpus / "broken.txt").write_bytes(b"\x00\x00binary")
    db = tmp_path / "s.duckdb"
    first = _run("ingest", str(corpus), "--db", str(db), "--batch-size", "2")
    assert first.returncode == 0, first.stderr
    assert "3 added, 0 skipped, 0 removed, 1 failed" in first.stderr
    assert "articles/s" in first.stderr
    assert any("broken.txt" in line for line in first.stderr.splitlines() if line.startswith("warning:"))
    second = _run("ingest", str(corpus), "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert "0 added, 3 skipped" in second.stderr


def test_ingest_exits_1_when_nothing_can_be_read(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"")
    done = _run("ingest", str(tmp_path / "corpus"), "--db", str(tmp_path / "s.duckdb"))
    assert done.returncode == 1
    assert "empty.txt" in done.stderr


def test_ingest_rejects_zero_workers(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["ingest", str(tmp_path), "--workers", "0"])
    assert raised.value.code == 2


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_one_file_per_frame(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(SEED_TEXT), "--db", str(db)]) == 0
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "out"), "--format", fmt]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{n}.{fmt}" for n in FRAME_COLUMNS)
    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    events = read(tmp_path / "out" / f"events.{fmt}")
    with Store(db, read_only=True) as store:
        assert len(events) == len(store.events()) > 0
    assert list(events.columns) == FRAME_COLUMNS["events"]


def test_export_without_a_store_says_so(tmp_path: Path, capsys) -> None:
    assert main(["export", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "out")]) == 1
    assert "no store" in capsys.readouterr().err


def test_a_killed_ingest_leaves_whole_batches_and_a_rerun_completes_it(tmp_path: Path) -> None:
    total, batch = 40, 4
    corpus = _corpus(tmp_path / "corpus", total)
    db = tmp_path / "s.duckdb"
    process = subprocess.Popen(
        [sys.executable, "-m", "core", "ingest", str(corpus), "--db", str(db), "--batch-size", str(batch)],
        cwd=REPO, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    try:
        deadline = time.monotonic() + 300
        for line in process.stderr:             # "ingest: 4/40 articles stored" after each commit
            if line.startswith(f"ingest: {batch}/{total} "):
                os.kill(process.pid, signal.SIGKILL)
                break
            assert time.monotonic() < deadline, "no batch committed in time"
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL

    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute("SELECT count(*) FROM results").fetchone()[0]
    batches = con.execute("SELECT batch_id, count(*) FROM results GROUP BY batch_id").fetchall()
    rows = con.execute("""SELECT result_json, n_timexes, n_claims, n_actor_mentions, n_place_mentions, n_sentences
                          FROM results""").fetchall()
    corpus_rows = con.execute("SELECT count(*) FROM frame_articles").fetchone()[0]
    con.close()
    assert batch <= stored < total, "the kill should land mid-way"
    assert all(n == batch for _, n in batches), batches     # only whole batches
    for result_json, *counts in rows:                        # every stored article has all its rows
        result = json.loads(result_json)
        keys = ("timexes", "claims", "actor_mentions", "place_mentions", "sentences")
        assert [len(result[k]) for k in keys] == counts
        assert counts[-1] > 0
    assert corpus_rows == 0                                  # never assembled: nothing half-built

    with Store(db, read_only=True) as store:                 # the store opens, and says what it holds
        assert len(store.stored_ids()) == stored
    rerun = _run("ingest", str(corpus), "--db", str(db), "--batch-size", str(batch))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - stored} added, {stored} skipped" in rerun.stderr, rerun.stderr[-2000:]
    with Store(db, read_only=True) as store:
        assert len(store.stored_ids()) == total
        assert len(store.articles()) == total


@pytest.mark.parametrize("command", ["ingest", "export"])
def test_a_store_in_use_by_another_process_is_one_line_saying_what_to_do(tmp_path: Path, command: str) -> None:
    """Issue 16, item 11: the dashboard holds the store; `core ingest` or `core export` against
    it says so in one line (it printed a 19-line traceback), exits 1, and touches nothing."""
    from tests.test_durability import LockHolder

    db = tmp_path / "s.duckdb"
    Store(db).close()
    corpus = _corpus(tmp_path / "corpus", 1)
    args = [str(corpus), "--db", str(db)] if command == "ingest" else ["--db", str(db), "--out", str(tmp_path / "out")]
    with LockHolder(db) as holder:
        done = _run(command, *args, timeout=120)
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"error: the store {db} is in use by another process (")
    assert f"PID {holder.process.pid})" in line
    assert "stop it, or point this command at another store with --db FILE or CRISIS_DB=FILE" in line
    assert not (tmp_path / "out").exists()
    with Store(db, read_only=True) as store:
        assert store.stored_ids() == set()


def test_a_store_that_cannot_be_opened_for_another_reason_is_one_line_too(tmp_path: Path, capsys) -> None:
    db = tmp_path / "folder.duckdb"
    db.mkdir()
    assert main(["ingest", str(tmp_path), "--db", str(db)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: cannot open the store {db}: ") and "Is a directory" in line


def test_ingest_names_each_csv_or_zip_it_does_not_read_and_skips_readmes_quietly(tmp_path: Path) -> None:
    """Issue 16, item 12: a .csv in a corpus folder was passed over in silence. It is one
    line naming the file and why; the actor dictionary and a README are not articles and
    not problems."""
    corpus = _corpus(tmp_path / "corpus", 1)
    (corpus / "sub").mkdir()
    (corpus / "sub" / "batch.csv").write_text("title,text\nA,Russia moved troops.\n", encoding="utf-8")
    (corpus / "archive.ZIP").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    (corpus / "actors.csv").write_text("canonical,aliases,kind,country,role\n", encoding="utf-8")
    (corpus / "README.md").write_text("# Demo corpus\n\nCC BY 4.0. Russia moved troops.\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    done = _run("ingest", str(corpus), "--db", str(db))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    (csv_line,) = [line for line in lines if "batch.csv" in line]
    assert csv_line == (f"warning: {corpus / 'sub' / 'batch.csv'}: a .csv file: ingest reads one article per file, "
                        "so import it on the dashboard's Import page (one article per row, a 'text' column), "
                        "which saves each row as an article file")
    (zip_line,) = [line for line in lines if "archive.ZIP" in line]
    assert zip_line.startswith(f"warning: {corpus / 'archive.ZIP'}: a .zip archive: ingest reads unpacked files")
    assert not [line for line in lines if "actors.csv" in line or "README" in line], lines
    assert "1 added, 0 skipped, 0 removed, 2 failed" in done.stderr
    with Store(db, read_only=True) as store:
        assert [Path(p).name for p in store.articles()["path"]] == ["2022-02-01_article-000.txt"]
