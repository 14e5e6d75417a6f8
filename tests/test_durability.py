"""Durability (issue 8, point 4): what a crash or a damaged file leaves behind.

1. An ingest killed (SIGKILL) at random points leaves a store that opens and
   holds the old state or the new one, never a mix: every stored article's
   result row is exactly the one a clean ingest stores, new results come in
   whole batches in corpus order, and the corpus tables (with the removal of
   vanished articles) are those of the previous complete sync or of the new
   one. A rerun completes the job. "Old" and "new" are two reference stores
   built by clean ingests before any kill. Two kills at fixed points inside a
   transaction (a batch's, the corpus-table rebuild's) check those directly.
2. A store file that is not a usable store (garbage, truncated, empty, a
   checksum failure, a corrupt WAL, another database, another schema) is moved
   aside, never deleted, and a fresh store is started, in `core.store.db.Store`, the
   CLI and the dashboard. A store locked by another process, or one that may not
   be opened, is an error and is left where it is.
3. A damaged result-cache entry is re-extracted and rewritten whole; a cache
   write killed half-way leaves the previous entry.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

import duckdb
import pytest

import core.store.db
from core.cli import main
from core.frames import FRAME_COLUMNS
from core.read.ingest import read_corpus
from core.store.db import (
    CORRUPT,
    LOCKED,
    OTHER,
    PERMISSION,
    SCHEMA_VERSION,
    Store,
    StoreSchemaError,
    aside_path,
    classify_open_error,
    schema_problem,
)
from tests.test_ingest_cli import REPO, _corpus, _run

BATCH = 3
BASE_ARTICLES = 8        # the previous complete sync: articles 0-7
ALL_ARTICLES = 32        # the new corpus: articles 2-31 (0 and 1 were deleted), so 24 to extract
DELETED = ("article-000", "article-001")
KILL_SEED = 84           # the kill test's random delays: the same on every run
FRAME_TABLES = tuple(f"frame_{name}" for name in FRAME_COLUMNS)
RESULT_COLUMNS = ("article_id", "version", "article_json", "result_json", "n_timexes", "n_claims",
                  "n_actor_mentions", "n_place_mentions", "n_sentences")
COUNTED = ("timexes", "claims", "actor_mentions", "place_mentions", "sentences")

BEFORE_FIRST_COMMIT = "before the first batch commit"
BETWEEN_BATCHES = "between batch commits"
IN_REBUILD = "after the last batch, before the corpus tables were committed"
AFTER_END = "after the corpus tables were committed"
MIDWAY = (BETWEEN_BATCHES, IN_REBUILD)


# --------------------------------------------------------------------------
# 1. Killed ingests: what a store holds, and what it may hold.


@dataclass(frozen=True)
class Snapshot:
    """What a store holds, in plain Python values, for comparison."""

    results: dict[str, tuple]            # article_id -> RESULT_COLUMNS (not batch_id, stored_at)
    batch_of: dict[str, str]             # article_id -> batch_id
    frames: dict[str, list[tuple]]       # frame table -> its rows in `_row` order
    corpus_key: str | None               # meta: what the corpus tables were assembled from


def _plain(value: Any) -> Any:
    """A cell comparable with ==: NaN (which is not equal to itself) as None, lists as tuples."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    return value


def snapshot(db: Path) -> Snapshot:
    """Open `db` read-only as any reader would (DuckDB replays a WAL left by a
    kill), check it answers a PRAGMA, and read everything it holds."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("PRAGMA database_size").fetchall(), "the store answers a PRAGMA"
        rows = con.execute(f"SELECT {', '.join(RESULT_COLUMNS)}, batch_id FROM results").fetchall()
        for row in rows:          # every stored article has all its rows: the counts match the result
            result = json.loads(row[3])
            assert [len(result[key]) for key in COUNTED] == list(row[4:9]), row[0]
        frames = {
            table: [tuple(_plain(v) for v in row)
                    for row in con.execute(f"SELECT * FROM {table} ORDER BY _row").fetchall()]
            for table in FRAME_TABLES
        }
        key = con.execute("SELECT value FROM meta WHERE key = 'corpus_key'").fetchone()
    finally:
        con.close()
    return Snapshot(
        results={row[0]: tuple(row[:9]) for row in rows},
        batch_of={row[0]: row[9] for row in rows},
        frames=frames,
        corpus_key=key[0] if key else None,
    )


def landed_phase(state: Snapshot, *, old: Snapshot, new: Snapshot, todo: tuple[str, ...], batch: int) -> str:
    """Where a kill landed, judged only from the store it left; an AssertionError
    when that store is not the old state or a prefix of the way to the new one.

    `old` is the previous complete sync, `new` a clean ingest of the new corpus,
    `todo` the ids the new sync extracts, in the order it extracts them."""
    for article_id, row in state.results.items():      # each row is exactly a clean ingest's
        expected = new.results.get(article_id, old.results.get(article_id))
        assert row == expected, f"{article_id}: its result row differs from a clean ingest's"
    if state.frames == new.frames and state.corpus_key == new.corpus_key:
        assert state.results.keys() == new.results.keys(), "new corpus tables, but not the new results"
        return AFTER_END
    assert state.frames == old.frames and state.corpus_key == old.corpus_key, \
        "the corpus tables are neither the previous sync's nor the new one's: a mix"
    assert old.results.keys() <= state.results.keys(), "articles pruned while the old corpus tables stay"
    added = [a for a in todo if a in state.results]
    assert set(added) == state.results.keys() - old.results.keys(), "rows that the new sync does not write"
    assert added == list(todo[:len(added)]), "new results are not a prefix of the extraction order"
    assert len(added) % batch == 0 or len(added) == len(todo), f"{len(added)} new results: not whole batches"
    sizes = sorted(Counter(state.batch_of[a] for a in added).values())
    expected = sorted([batch] * (len(added) // batch) + ([len(added) % batch] if len(added) % batch else []))
    assert sizes == expected, f"new results are not committed in batches of {batch}: {sizes}"
    if not added:
        return BEFORE_FIRST_COMMIT
    return IN_REBUILD if len(added) == len(todo) else BETWEEN_BATCHES


@dataclass(frozen=True)
class KillSetup:
    """The corpus (its new state on disk), the previous sync's store, a clean
    ingest of the new corpus, and what the new sync extracts."""

    corpus: Path
    old_db: Path
    new_db: Path
    old: Snapshot
    new: Snapshot
    todo: tuple[str, ...]


def _clean_ingest(corpus: Path, db: Path) -> Snapshot:
    done = _run("ingest", str(corpus), "--db", str(db), "--batch-size", str(BATCH))
    assert done.returncode == 0, done.stderr
    assert not Path(f"{db}.wal").exists(), "a clean exit checkpoints the store"
    return snapshot(db)


@pytest.fixture(scope="module")
def kill_setup(tmp_path_factory) -> KillSetup:
    root = tmp_path_factory.mktemp("kill")
    corpus = root / "corpus"
    _corpus(corpus, BASE_ARTICLES)
    old = _clean_ingest(corpus, root / "old.duckdb")
    _corpus(corpus, ALL_ARTICLES)                       # the same 8 files again, plus 24 new
    for name in DELETED:
        next(corpus.glob(f"*_{name}.txt")).unlink()
    new = _clean_ingest(corpus, root / "new.duckdb")
    todo = tuple(a.article_id for a in read_corpus([corpus]).articles if a.article_id not in old.results)
    assert len(todo) == ALL_ARTICLES - BASE_ARTICLES
    assert len(old.results) - len(DELETED) + len(todo) == len(new.results)
    assert old.frames != new.frames and all(new.frames[t] for t in ("frame_articles", "frame_events"))
    return KillSetup(corpus, root / "old.duckdb", root / "new.duckdb", old, new, todo)


class IngestRun:
    """`python -m core ingest` in a subprocess, its stderr lines timed from its start."""

    def __init__(self, corpus: Path, db: Path, *, watch_for: str | None = None,
                 prelude: str = "") -> None:
        self.watch_for = watch_for
        self.seen = threading.Event()
        self.lines: list[tuple[float, str]] = []
        args = ["ingest", str(corpus), "--db", str(db), "--batch-size", str(BATCH)]
        # `prelude` runs before the CLI, in the same process (a hook that kills it at a chosen point).
        code = f"{prelude}\nimport sys\nfrom core.cli import main\nsys.exit(main({args!r}))"
        self.started = time.monotonic()
        self.process = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append((time.monotonic() - self.started, line.rstrip("\n")))
            if self.watch_for and line.startswith(self.watch_for):
                self.seen.set()
        self.seen.set()                                  # the end: nothing more to wait for

    def kill_at(self, seconds: float) -> None:
        """SIGKILL at `seconds` after the start, unless it has ended by then."""
        time.sleep(max(0.0, self.started + seconds - time.monotonic()))
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)

    def wait(self) -> int:
        try:
            code = self.process.wait(timeout=300)
        finally:
            if self.process.poll() is None:
                self.process.kill()
        self.reader.join(timeout=30)
        return code

    def first_time(self, prefix: str) -> float:
        return next(t for t, line in self.lines if line.startswith(prefix))


@dataclass(frozen=True)
class Timing:
    """Seconds from the start of a complete ingest (the calibration run)."""

    first_commit: float
    last_commit: float
    summary: float
    end: float

    @property
    def batch_interval(self) -> float:
        batches = max(1, (ALL_ARTICLES - BASE_ARTICLES) // BATCH - 1)
        return max(0.01, (self.last_commit - self.first_commit) / batches)


@dataclass(frozen=True)
class Kill:
    """One kill: wait for a stderr line starting `after_line` (or the start),
    then `delay` seconds, then SIGKILL."""

    delay: float
    after_line: str | None = None
    label: str = field(default="", compare=False)


def kill_plan(rng: random.Random, timing: Timing, *, todo: int, batch: int) -> list[Kill]:
    """The kill points, drawn from `rng`: four at times spread evenly (one draw
    per quarter) from well before the first commit to after the end of a run;
    two a random part of a batch after a random commit (not the last two, so
    they land between commits); two a random part of the corpus-table rebuild
    after the last batch commit."""
    start, stop = 0.5 * timing.first_commit, timing.end + 0.3
    width = (stop - start) / 4
    plan = [Kill(rng.uniform(start + i * width, start + (i + 1) * width), label="timed") for i in range(4)]
    batches = -(-todo // batch)
    for _ in range(2):
        k = rng.randrange(1, batches - 1)
        plan.append(Kill(rng.uniform(0, timing.batch_interval), f"ingest: {k * batch}/{todo} ",
                         label=f"after commit {k}"))
    rebuild = max(0.01, timing.summary - timing.last_commit)
    plan += [Kill(rng.uniform(0, rebuild), f"ingest: {todo}/{todo} ", label="after the last commit")
             for _ in range(2)]
    return plan


def _fresh_copy(old_db: Path, db: Path) -> Path:
    """The previous sync's store, copied for one run."""
    shutil.copyfile(old_db, db)
    Path(f"{db}.wal").unlink(missing_ok=True)
    return db


def _assert_store_opens(db: Path, state: Snapshot) -> None:
    """The store opens through `Store` as it is: nothing to recover, and it says what it holds."""
    with Store(db, read_only=True) as store:
        assert store.recovery is None, store.recovery.message()
        assert store.stored_ids() == set(state.results)


def test_sigkill_at_random_points_leaves_the_old_or_the_new_state_and_a_rerun_completes_it(
        kill_setup: KillSetup, tmp_path: Path) -> None:
    setup = kill_setup
    todo = len(setup.todo)
    calibration = IngestRun(setup.corpus, _fresh_copy(setup.old_db, tmp_path / "calibration.duckdb"))
    assert calibration.wait() == 0, calibration.lines[-5:]
    timing = Timing(
        first_commit=calibration.first_time(f"ingest: {BATCH}/"), last_commit=calibration.first_time(f"ingest: {todo}/"),
        summary=calibration.first_time(f"ingest: {todo} added"), end=calibration.lines[-1][0],
    )
    # An incremental sync ends where a clean ingest does.
    assert landed_phase(snapshot(tmp_path / "calibration.duckdb"), old=setup.old, new=setup.new,
                        todo=setup.todo, batch=BATCH) == AFTER_END

    outcomes: list[tuple[Kill, str, Path]] = []
    for number, kill in enumerate(kill_plan(random.Random(KILL_SEED), timing, todo=todo, batch=BATCH)):
        db = _fresh_copy(setup.old_db, tmp_path / f"kill-{number}.duckdb")
        run = IngestRun(setup.corpus, db, watch_for=kill.after_line)
        if kill.after_line:
            assert run.seen.wait(timeout=300)
            run.kill_at(time.monotonic() - run.started + kill.delay)
        else:
            run.kill_at(kill.delay)
        code = run.wait()
        assert code in (0, -signal.SIGKILL), run.lines[-5:]
        state = snapshot(db)
        phase = landed_phase(state, old=setup.old, new=setup.new, todo=setup.todo, batch=BATCH)
        _assert_store_opens(db, state)
        assert code == -signal.SIGKILL or phase == AFTER_END
        outcomes.append((kill, phase, db))

    phases = Counter(phase for _, phase, _ in outcomes)
    midway = sum(phases[p] for p in MIDWAY)
    print(f"\nkill test: {len(outcomes)} iterations, {midway} landed mid-way, nothing lost; "
          f"by phase: {dict(phases)}")
    for kill, phase, _ in outcomes:
        print(f"  {kill.label:<22} +{kill.delay:5.2f} s -> {phase}")
    assert phases[BETWEEN_BATCHES] >= 2, "the kills after a commit land between batch commits"

    # A rerun on a store killed mid-way completes the job, extracting only what is missing.
    kill, phase, db = next(o for o in outcomes if o[1] == BETWEEN_BATCHES)
    stored = len(snapshot(db).results)
    rerun = _run("ingest", str(setup.corpus), "--db", str(db), "--batch-size", str(BATCH))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(setup.todo) - (stored - len(setup.old.results))} added" in rerun.stderr, rerun.stderr[-1000:]
    assert landed_phase(snapshot(db), old=setup.old, new=setup.new, todo=setup.todo, batch=BATCH) == AFTER_END


# Hooks that run in the ingest's own process and SIGKILL it at a chosen point.
# Inside the second batch's transaction: right after its rows are inserted, before
# its COMMIT (every statement of the store goes through this connection).
KILL_INSIDE_A_BATCH = textwrap.dedent("""
    import os, signal
    import core.store.db.store
    _connect_checked = core.store.db.store.connect_checked

    class _DyingConnection:
        def __init__(self, con):
            self._con, self._inserts = con, 0

        def execute(self, sql, *args):
            result = self._con.execute(sql, *args)
            if sql.lstrip().startswith("INSERT INTO results"):
                self._inserts += 1
                if self._inserts == 2:
                    os.kill(os.getpid(), signal.SIGKILL)
            return result

        def __getattr__(self, name):
            return getattr(self._con, name)

    core.store.db.store.connect_checked = lambda path, **options: _DyingConnection(_connect_checked(path, **options))
""")
# Inside the rebuild's transaction: right after the third of the seven corpus tables is written.
KILL_INSIDE_REBUILD = textwrap.dedent("""
    import os, signal
    import core.store.db
    _write_frame = core.store.db.Store._write_frame
    _written = []

    def _dying_write_frame(self, name, df):
        _write_frame(self, name, df)
        _written.append(name)
        if len(_written) == 3:
            os.kill(os.getpid(), signal.SIGKILL)

    core.store.db.Store._write_frame = _dying_write_frame
""")


@pytest.mark.parametrize(("hook", "stored", "phase"), [
    pytest.param(KILL_INSIDE_A_BATCH, BATCH, BETWEEN_BATCHES, id="inside-the-second-batch"),
    pytest.param(KILL_INSIDE_REBUILD, ALL_ARTICLES - BASE_ARTICLES, IN_REBUILD, id="inside-the-corpus-table-rebuild"),
])
def test_a_kill_inside_a_transaction_leaves_none_of_it(
        kill_setup: KillSetup, tmp_path: Path, hook: str, stored: int, phase: str) -> None:
    """Deterministic kill points, where a random kill rarely lands: after the
    second batch's rows are inserted but before its commit (the store keeps the
    first batch only), and after three of the seven corpus tables and the
    removal of the deleted articles are written but before the commit (the
    store keeps the previous corpus tables and articles). A rerun completes it."""
    setup = kill_setup
    db = _fresh_copy(setup.old_db, tmp_path / "s.duckdb")
    run = IngestRun(setup.corpus, db, prelude=hook)
    assert run.wait() == -signal.SIGKILL, run.lines[-5:]
    state = snapshot(db)
    assert landed_phase(state, old=setup.old, new=setup.new, todo=setup.todo, batch=BATCH) == phase
    assert len(state.results) - len(setup.old.results) == stored
    _assert_store_opens(db, state)
    rerun = _run("ingest", str(setup.corpus), "--db", str(db), "--batch-size", str(BATCH))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(setup.todo) - stored} added, " in rerun.stderr and f"{len(DELETED)} removed" in rerun.stderr, \
        rerun.stderr[-1000:]
    assert landed_phase(snapshot(db), old=setup.old, new=setup.new, todo=setup.todo, batch=BATCH) == AFTER_END


def test_kill_plan_spreads_timed_kills_from_before_the_first_commit_to_after_the_end() -> None:
    timing = Timing(first_commit=2.0, last_commit=3.0, summary=3.1, end=4.0)
    plan = kill_plan(random.Random(KILL_SEED), timing, todo=24, batch=3)
    timed = [k.delay for k in plan if k.after_line is None]
    assert len(timed) == 4 and timed == sorted(timed)
    assert timed[0] < timing.first_commit and timed[-1] > timing.last_commit
    after_commit = {k.after_line for k in plan if k.label.startswith("after commit")}
    assert after_commit <= {f"ingest: {3 * k}/24 " for k in range(1, 7)}, "never after the last two commits"
    assert {k.after_line for k in plan if k.label == "after the last commit"} == {"ingest: 24/24 "}
    assert plan == kill_plan(random.Random(KILL_SEED), timing, todo=24, batch=3), "seeded: the same every run"


# --------------------------------------------------------------------------
# 2. A corrupt store is moved aside and rebuilt; a locked one is left alone.


def _valid_store(db: Path) -> Path:
    with Store(db):
        pass
    return db


def _overwrite(data: bytes) -> Callable[[Path], None]:
    return lambda db: db.write_bytes(data)


def _truncate(keep: Callable[[int], int]) -> Callable[[Path], None]:
    def truncate(db: Path) -> None:
        _valid_store(db)
        data = db.read_bytes()
        db.write_bytes(data[:keep(len(data))])
    return truncate


def _flip_block_bytes(db: Path) -> None:
    """Overwrite bytes inside the first block after the headers: its checksum no longer matches."""
    _valid_store(db)
    data = bytearray(db.read_bytes())
    data[12288 + 100:12288 + 164] = b"\xff" * 64
    db.write_bytes(bytes(data))


def _corrupt_wal(db: Path) -> None:
    """A store whose last commit is still in its WAL, with bytes of that WAL overwritten."""
    with Store(db) as store:
        store._con.execute("PRAGMA disable_checkpoint_on_shutdown")
        store._con.execute("INSERT INTO meta VALUES ('note', 'committed, not checkpointed')")
    wal = Path(f"{db}.wal")
    data = bytearray(wal.read_bytes())
    data[len(data) // 2:len(data) // 2 + 8] = b"\xff" * 8
    wal.write_bytes(bytes(data))


def _with_sql(*statements: str, fresh: bool = False) -> Callable[[Path], None]:
    """A valid DuckDB file: our store changed by `statements`, or (`fresh`) a database of its own."""
    def change(db: Path) -> None:
        if not fresh:
            _valid_store(db)
        con = duckdb.connect(str(db))
        for statement in statements:
            con.execute(statement)
        con.close()
    return change


CORRUPTIONS = [
    pytest.param(_overwrite(random.Random(1).randbytes(40_000)), "not a valid DuckDB database file", id="garbage"),
    pytest.param(_overwrite(b""), "not a valid DuckDB database file", id="zero-length"),
    pytest.param(_overwrite(b"article_id,title\na1,Troops\n" * 500), "not a valid DuckDB database file",
                 id="a-csv-file"),
    pytest.param(_truncate(lambda n: n // 2), "Could not read enough bytes", id="truncated-half"),
    pytest.param(_truncate(lambda n: 100), "Could not read enough bytes", id="truncated-to-100-bytes"),
    pytest.param(_flip_block_bytes, "Corrupt database file", id="block-checksum"),
    pytest.param(_corrupt_wal, "Corrupt WAL file", id="corrupt-wal"),
    pytest.param(_with_sql("CREATE TABLE sales (day DATE, amount DOUBLE)", fresh=True),
                 "missing table(s) meta, results", id="another-database"),
    pytest.param(_with_sql("DROP TABLE frame_events"), "missing table(s) frame_events", id="a-table-missing"),
    pytest.param(_with_sql("ALTER TABLE results DROP COLUMN n_sentences"), "table results has columns",
                 id="other-columns"),
    pytest.param(_with_sql("UPDATE meta SET value = '0' WHERE key = 'schema_version'"),
                 f"schema version '0', expected '{SCHEMA_VERSION}'", id="old-schema-version"),
]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("read_only", [False, True], ids=["writer", "reader"])
@pytest.mark.parametrize(("corrupt", "reason"), CORRUPTIONS)
def test_a_corrupt_store_is_moved_aside_and_a_fresh_one_started(
        tmp_path: Path, corrupt: Callable[[Path], None], reason: str, read_only: bool) -> None:
    db = tmp_path / "crisis.duckdb"
    corrupt(db)
    before = _files(tmp_path)                      # the store, and its WAL if it has one
    with Store(db, read_only=read_only) as store:
        recovery = store.recovery
        assert recovery is not None
        assert reason in recovery.reason
        assert store.stored_ids() == set() and set(store.counts().values()) == {0}
    assert re.fullmatch(r"crisis\.duckdb\.corrupt-\d{8}T\d{6}", recovery.moved_to.name)
    assert recovery.moved_to.read_bytes() == before["crisis.duckdb"], "moved, byte for byte: never deleted"
    if "crisis.duckdb.wal" in before:
        assert recovery.moved_wal_to == Path(f"{recovery.moved_to}.wal")
        assert recovery.moved_wal_to.read_bytes() == before["crisis.duckdb.wal"]
    else:
        assert recovery.moved_wal_to is None
    message = recovery.message()
    assert str(db) in message and str(recovery.moved_to) in message and reason in message
    with Store(db) as store:                       # the fresh store is a store: nothing more to move
        assert store.recovery is None
    assert len(list(tmp_path.glob("*.corrupt-*"))) == (2 if "crisis.duckdb.wal" in before else 1)


def test_aside_path_never_reuses_a_name(tmp_path: Path) -> None:
    db = tmp_path / "crisis.duckdb"
    now = datetime(2022, 2, 24, 4, 5, 6)
    first = aside_path(db, now)
    assert first == tmp_path / "crisis.duckdb.corrupt-20220224T040506"
    first.write_bytes(b"an earlier corrupt store")
    second = aside_path(db, now)
    assert second == tmp_path / "crisis.duckdb.corrupt-20220224T040506-2"
    Path(f"{second}.wal").write_bytes(b"")          # a name whose WAL is taken is taken too
    assert aside_path(db, now).name.endswith("-3")


LOCK_MESSAGE = ('IO Error: Could not set lock on file "/data/crisis.duckdb": Conflicting lock is held in '
                '/usr/bin/python3 (PID 4242). See also https://duckdb.org/docs/current/connect/concurrency')


@pytest.mark.parametrize(("error", "kind"), [
    pytest.param(duckdb.IOException(LOCK_MESSAGE), LOCKED, id="lock-held-by-another-process"),
    pytest.param(duckdb.IOException('IO Error: Cannot open file "/data/crisis.duckdb": Permission denied'),
                 PERMISSION, id="permission-denied"),
    pytest.param(duckdb.IOException('IO Error: Cannot open file "/mnt/ro/crisis.duckdb": Read-only file system'),
                 PERMISSION, id="read-only-file-system"),
    pytest.param(duckdb.IOException('IO Error: The file "/data/crisis.duckdb" exists, but it is not a valid '
                                    'DuckDB database file!'), CORRUPT, id="not-a-duckdb-file"),
    pytest.param(duckdb.IOException('IO Error: Could not read enough bytes from file "/data/crisis.duckdb": '
                                    'attempted to read 3996 bytes from location 100'), CORRUPT, id="truncated"),
    pytest.param(duckdb.Error('Corrupt database file: computed checksum 1 does not match stored checksum 2 in '
                              'block at location 4096'), CORRUPT, id="block-checksum"),
    pytest.param(duckdb.Error('Failure while replaying WAL file "/data/crisis.duckdb.wal": Corrupt WAL file: '
                              'entry at byte position 92 computed checksum 1 does not match stored checksum 2'),
                 CORRUPT, id="corrupt-wal"),
    pytest.param(StoreSchemaError("schema version '0', expected '1'"), CORRUPT, id="not-this-schema"),
    pytest.param(duckdb.IOException('IO Error: Could not read from file "/data/crisis.duckdb": Is a directory'),
                 OTHER, id="a-folder"),
    pytest.param(duckdb.IOException('IO Error: Cannot open file "/data/x/crisis.duckdb": No such file or '
                                    'directory'), OTHER, id="no-such-folder"),
    pytest.param(duckdb.IOException('IO Error: Trying to read a database file with version number 99, but we '
                                    'can only read version 64'), OTHER, id="another-duckdb-version"),
    pytest.param(OSError("Permission denied"), OTHER, id="not-duckdbs-error"),
])
def test_classify_open_error(error: BaseException, kind: str) -> None:
    assert classify_open_error(error) == kind


@pytest.mark.parametrize(("found", "version", "expected"), [
    pytest.param({}, None, None, id="empty-database-a-fresh-store"),
    pytest.param(core.store.db.expected_columns(), SCHEMA_VERSION, None, id="this-store"),
    pytest.param({**core.store.db.expected_columns(), "notes": ["text"]}, SCHEMA_VERSION, None,
                 id="tables-of-its-own-allowed"),
    pytest.param({"meta": ["key", "value"]}, SCHEMA_VERSION, "missing table(s) results", id="missing-tables"),
    pytest.param({**core.store.db.expected_columns(), "meta": ["key"]}, None, "table meta has columns ['key']",
                 id="other-columns"),
    pytest.param(core.store.db.expected_columns(), None, "schema version None", id="no-schema-version"),
])
def test_schema_problem(found: dict, version: str | None, expected: str | None) -> None:
    problem = schema_problem(found, version)
    assert problem == expected if expected is None else expected in problem


HOLD_WRITE_LOCK = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('holding', flush=True); time.sleep(120)"


class LockHolder:
    """Another process with a write connection to `db`, for as long as the `with` lasts."""

    def __init__(self, db: Path) -> None:
        self.db = db

    def __enter__(self) -> "LockHolder":
        self.process = subprocess.Popen([sys.executable, "-c", HOLD_WRITE_LOCK, str(self.db)],
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "holding"
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.kill()
        self.process.wait(timeout=30)


@pytest.mark.parametrize("read_only", [False, True], ids=["writer", "reader"])
def test_a_store_locked_by_another_process_is_an_error_and_is_not_moved(tmp_path: Path, read_only: bool) -> None:
    db = _valid_store(tmp_path / "crisis.duckdb")
    before = _files(tmp_path)
    with LockHolder(db):
        with pytest.raises(duckdb.IOException) as raised:
            Store(db, read_only=read_only)
        assert classify_open_error(raised.value) == LOCKED, str(raised.value)
        assert _files(tmp_path) == before, "nothing moved, nothing created"
    with Store(db) as store:
        assert store.recovery is None


def test_a_store_this_process_may_not_open_is_an_error_and_is_not_moved(tmp_path: Path, monkeypatch) -> None:
    """Permission denied (simulated: the tests may run as root, who may open anything)."""
    db = _valid_store(tmp_path / "crisis.duckdb")
    before = _files(tmp_path)

    def refuse(path: str, **options: Any) -> None:
        raise duckdb.IOException(f'IO Error: Cannot open file "{path}": Permission denied')

    monkeypatch.setattr(duckdb, "connect", refuse)
    with pytest.raises(duckdb.IOException, match="Permission denied"):
        Store(db)
    assert _files(tmp_path) == before


def test_a_store_path_that_is_a_folder_is_an_error_and_is_not_moved(tmp_path: Path) -> None:
    db = tmp_path / "crisis.duckdb"
    db.mkdir()
    (db / "keep.txt").write_text("the user's", encoding="utf-8")
    with pytest.raises(duckdb.IOException, match="Is a directory"):
        Store(db)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crisis.duckdb"]
    assert (db / "keep.txt").read_text(encoding="utf-8") == "the user's"


GARBAGE = random.Random(2).randbytes(10_000)


@pytest.mark.model
def test_ingest_moves_a_corrupt_store_aside_and_rebuilds_it_from_the_corpus(tmp_path: Path, capsys) -> None:
    corpus = _corpus(tmp_path / "corpus", 3)
    db = tmp_path / "crisis.duckdb"
    db.write_bytes(GARBAGE)
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    err = capsys.readouterr().err.splitlines()
    warnings = [line for line in err if "moved aside" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning: ") and str(db) in warnings[0]
    assert any("3 added, 0 skipped" in line for line in err), err
    (moved,) = tmp_path.glob("crisis.duckdb.corrupt-*")
    assert str(moved) in warnings[0] and moved.read_bytes() == GARBAGE
    with Store(db, read_only=True) as store:
        assert len(store.stored_ids()) == 3 and len(store.articles()) == 3


def test_export_of_a_corrupt_store_says_so_and_keeps_the_file(tmp_path: Path, capsys) -> None:
    db = tmp_path / "crisis.duckdb"
    db.write_bytes(GARBAGE)
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    (moved,) = tmp_path.glob("crisis.duckdb.corrupt-*")
    assert f"warning: The store {db}" in err and str(moved) in err
    assert "error: no usable store" in err and "ingest" in err
    assert moved.read_bytes() == GARBAGE and not (tmp_path / "out").exists()


# --- the dashboard ------------------------------------------------------------

def _dashboard(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """CRISIS_* set for a store and a corpus under tmp_path, the Streamlit caches empty."""
    from tests.test_app import _fresh_loader

    corpus = _fresh_loader(tmp_path, monkeypatch)
    return corpus, tmp_path / "store.duckdb"


def _clear_dashboard_caches() -> None:
    import ui.data

    ui.data._store_view.clear()
    ui.data._open_store.clear()


@pytest.mark.model
def test_dashboard_moves_a_corrupt_store_aside_and_rebuilds_it_from_the_corpus(tmp_path: Path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    from core.present.highlight import markdown_escape
    from tests.test_app import APP

    corpus, db = _dashboard(tmp_path, monkeypatch)
    (corpus / "2022-02-13_wire.txt").write_text(
        "Ben Wallace said on Sunday that 130,000 Russian troops were near Ukraine.", encoding="utf-8")
    db.write_bytes(GARBAGE)
    try:
        at = AppTest.from_file(APP, default_timeout=120).run()
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
        (moved,) = tmp_path.glob("store.duckdb.corrupt-*")
        notes = [w.value for w in at.warning if "moved aside" in w.value]
        assert len(notes) == 1                     # paths shown literally: Markdown characters escaped
        assert markdown_escape(str(db)) in notes[0] and markdown_escape(str(moved)) in notes[0]
        assert moved.read_bytes() == GARBAGE
        metrics = {m.label: m.value for m in at.metric}
        assert metrics["Articles"] == "1" and metrics["Claims"] == "1"     # rebuilt from the corpus
    finally:
        _clear_dashboard_caches()


def test_dashboard_shows_an_error_for_a_locked_store_and_moves_nothing(tmp_path: Path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.test_app import APP

    corpus, db = _dashboard(tmp_path, monkeypatch)
    _valid_store(db)
    before = _files(tmp_path)
    try:
        with LockHolder(db):
            at = AppTest.from_file(APP, default_timeout=60).run()
            assert not at.exception, [e.value for e in at.exception]
            assert at.error and str(db) in at.error[0].value and "lock" in at.error[0].value
            assert not [w for w in at.warning if "moved aside" in w.value]
            assert _files(tmp_path) == before
    finally:
        _clear_dashboard_caches()


# --------------------------------------------------------------------------
# 3. The result cache: a damaged entry is re-extracted and rewritten whole.


# (damage, whether ResultCache.get itself reads the entry as missing: a well-formed
# entry of this pipeline with fields missing is refused later, by ArticleResult.from_json)
CACHE_DAMAGE = [
    pytest.param(lambda path, version: path.write_bytes(random.Random(3).randbytes(500)), True, id="garbage-bytes"),
    pytest.param(lambda path, version: path.write_text(path.read_text(encoding="utf-8")[:40], encoding="utf-8"),
                 True, id="truncated-json"),
    pytest.param(lambda path, version: path.write_text("[1, 2, 3]", encoding="utf-8"), True, id="a-json-list"),
    pytest.param(lambda path, version: path.write_text(
        path.read_text(encoding="utf-8").replace(version, "en_core_web_sm-0.0+rules-0"), encoding="utf-8"),
        True, id="wrong-pipeline-version"),
    pytest.param(lambda path, version: path.write_text(json.dumps({"pipeline_version": version, "claims": []}),
                                                       encoding="utf-8"), False, id="missing-result-fields"),
]


@pytest.mark.model
@pytest.mark.parametrize(("damage", "reads_as_missing"), CACHE_DAMAGE)
def test_a_damaged_cache_entry_is_re_extracted_and_rewritten_whole(
        tmp_path: Path, nlp, damage, reads_as_missing: bool) -> None:
    from core.extract.articles import cache_key, extract_articles
    from core.store.cache import ResultCache

    (article,) = read_corpus([_corpus(tmp_path / "corpus", 1)]).articles
    cache = ResultCache(tmp_path / "cache", pipeline_version="test-version+rules-1")
    loads: list[int] = []

    def counted_nlp():
        loads.append(1)
        return nlp

    (first,) = extract_articles([article], nlp=counted_nlp, cache=cache)
    (entry,) = cache.root.glob("*.json")
    damage(entry, cache.pipeline_version)
    assert (cache.get(cache_key(article)) is None) is reads_as_missing
    (again,) = extract_articles([article], nlp=counted_nlp, cache=cache)
    assert len(loads) == 2, "the damaged entry was extracted again"
    assert again == first
    rewritten = json.loads(entry.read_text(encoding="utf-8"))
    assert isinstance(rewritten, dict) and rewritten["pipeline_version"] == cache.pipeline_version
    assert cache.get(cache_key(article)) is not None
    (third,) = extract_articles([article], nlp=counted_nlp, cache=cache)
    assert len(loads) == 2 and third == first, "the rewritten entry is used"


# Runs in its own process: the cache write dies (SIGKILL) half-way through the JSON.
DIE_IN_CACHE_WRITE = textwrap.dedent("""
    import json, os, signal, sys
    from pathlib import Path
    from core.store.cache import ResultCache

    def dying_dump(obj, handle, **options):
        text = json.dumps(obj, **options)
        handle.write(text[:len(text) // 2])
        handle.flush()
        os.fsync(handle.fileno())
        os.kill(os.getpid(), signal.SIGKILL)

    json.dump = dying_dump
    ResultCache(Path(sys.argv[1]), pipeline_version="v1").put("abc", {"x": 2, "pad": "y" * 10000})
""")


def test_a_cache_write_killed_half_way_leaves_the_previous_entry(tmp_path: Path) -> None:
    from core.store.cache import ResultCache

    cache = ResultCache(tmp_path, pipeline_version="v1")
    cache.put("abc", {"x": 1})
    died = subprocess.run([sys.executable, "-c", DIE_IN_CACHE_WRITE, str(tmp_path)], cwd=REPO, check=False)
    assert died.returncode == -signal.SIGKILL
    assert cache.get("abc") == {"x": 1, "pipeline_version": "v1"}


@pytest.mark.model
def test_a_cached_result_is_not_served_for_a_corrected_publication_date(tmp_path: Path, nlp) -> None:
    """The result cache keys on the text and the date: relative dates resolve against the date."""
    import dataclasses

    from core.extract.articles import extract_articles
    from core.records import Article
    from core.store.cache import ResultCache

    text = "Russia moved troops to the border on Sunday, officials said."
    first = Article(article_id="a1", text=text, title="t", source="", url="", published=date(2022, 2, 16), path="a")
    cache = ResultCache(tmp_path / "cache", pipeline_version="test-version+rules-1")
    (before,) = extract_articles([first], nlp=nlp, cache=cache)
    corrected = dataclasses.replace(first, published=date(2022, 3, 2))
    (after,) = extract_articles([corrected], nlp=nlp, cache=cache)
    assert [t.value for t in before.timexes if t.text == "Sunday"] == ["2022-02-13"]
    assert [t.value for t in after.timexes if t.text == "Sunday"] == ["2022-02-27"]
