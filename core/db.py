"""The store: every article's extraction results and the corpus frames, in an
embedded DuckDB database (default `data/crisis.duckdb`, or `CRISIS_DB`).

Each article is extracted once per (content hash, pipeline version): the
version is `core.nlp.pipeline_version()` plus a digest of the actor dictionary
in use, as in `core.corpus.build_frames`, so a changed rule re-extracts. The
pages query the corpus tables with their filters pushed down into SQL.

Schema
------
``meta(key VARCHAR PRIMARY KEY, value VARCHAR)``
    ``schema_version``; ``problems`` (JSON list, from the last sync);
    ``dictionary`` (path of the actor dictionary of the last sync);
    ``failed_extractions`` (JSON object: article id -> its ``version``, ``path``
    and ``message``: the articles of the corpus whose extraction failed, not
    tried again by a sync until their text or the pipeline version changes).
``results(article_id, version, article_json, result_json, n_timexes, n_claims,
n_actor_mentions, n_place_mentions, n_sentences, batch_id, stored_at)``
    One row per article and pipeline version, primary key (article_id,
    version). ``article_json`` is `article_to_json` (the Article with its text),
    ``result_json`` is `ArticleResult.to_json()`; the ``n_*`` counts repeat the
    lengths of its lists so a reader can check a row is whole. ``batch_id``
    names the transaction that wrote it: a batch is committed whole or not at all.
``frame_articles``, ``frame_events``, ``frame_timexes``, ``frame_claims``,
``frame_actors``, ``frame_places``, ``frame_mentions`` (event mentions), ``frame_entity_mentions``
    The assembled corpus frames (`core.extract.assemble` over every stored
    article of the version), with `core.frames.FRAME_COLUMNS` as columns plus
    ``_row`` (the frame's row order). List cells (events.actors,
    events.places, actors.aliases) are ``VARCHAR[]``; dates are ``DATE``.
    They are rebuilt in one transaction after each sync or attach.

Writes happen in transactions: each batch of per-article results in one,
the removal of vanished articles plus the rebuild of the corpus tables in
another. A crash leaves the batches committed before it and nothing
half-written; the next sync extracts only what is missing.

DuckDB lets one process write a database file at a time; readers in other
processes open it with ``read_only=True`` when no writer holds it.

A store file that is not a usable store (not a DuckDB file, truncated, a
checksum failure, a corrupt WAL, or a database without our tables or with
another schema version) is never deleted: `Store` moves it (and its ``.wal``)
aside to ``<name>.corrupt-YYYYmmddTHHMMSS``, starts a fresh store, and says so
in ``Store.recovery``; the next sync rebuilds it from the corpus files. A store
locked by another process, or one this process may not open, is not corrupt:
that error is raised as it is (`classify_open_error` tells them apart;
`open_error_message` says it in one line, with what to do).
"""
from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import logging
import os
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

import duckdb
import pandas as pd

from core.frames import DATE_COLUMNS, FRAME_COLUMNS, INT_COLUMNS, Frames
from core.query import BUCKETS, LANES, NO_ACTOR, VALUE_FACETS, Filters, exports_reporting_articles, where
from core import records
from core.records import Article

if TYPE_CHECKING:
    from core.event_merge import Correction

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB_PATH = REPO_ROOT / "data" / "crisis.duckdb"
SCHEMA_VERSION = "2"

# SQL types of the frame columns (dates and counts as core.frames types them); every other column is VARCHAR.
_LIST_COLUMNS = {("events", "actors"), ("events", "places"), ("actors", "aliases"), ("events", "sides"),
                 ("events", "sources"), ("events", "merge_reasons"), ("mentions", "agents"),
                 ("mentions", "patients"), ("mentions", "actors")}
_FLOAT_COLUMNS = {("claims", "value"), ("claims", "low"), ("claims", "high"), ("places", "lat"), ("places", "lon")}


def db_path_from_env() -> Path:
    """`CRISIS_DB`, the database file; default `data/crisis.duckdb`."""
    raw = os.environ.get("CRISIS_DB", "").strip()
    return Path(raw) if raw else DEFAULT_DB_PATH


@dataclass(frozen=True)
class ExtractionFailure:
    """An article the pipeline could not extract: its file and why, in one line."""

    article_id: str
    path: str
    message: str

    def problem(self) -> str:
        """The problem line: the file, then what went wrong."""
        from core.ingest import printable

        return (f"{printable(self.path)}: extraction failed: {self.message}; "
                "not tried again until the file or the pipeline changes")


@dataclass(frozen=True)
class SyncReport:
    added: int
    skipped: int
    removed: int
    failed: int
    problems: tuple[str, ...]
    cancelled: bool = False
    # The articles of the corpus not extracted (this sync's failures and those recorded before).
    failures: tuple[ExtractionFailure, ...] = ()

    def failures_of(self, files: Sequence[Path | str]) -> list[ExtractionFailure]:
        """The failures of these files (e.g. the ones just imported), in the report's order."""
        wanted = {Path(f).resolve() for f in files}
        return [f for f in self.failures if Path(f.path).resolve() in wanted]


FAILURES_KEY = "failed_extractions"     # meta key: see the module docstring
_MESSAGE_CHARS = 500                    # a failure's message is cut to this many characters


def failure_message(error: BaseException) -> str:
    """An exception as one line of at most `_MESSAGE_CHARS` characters: its type and message."""
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text if len(text) <= _MESSAGE_CHARS else text[:_MESSAGE_CHARS - 1] + "\u2026"


def _sql_type(name: str, column: str) -> str:
    if (name, column) in _LIST_COLUMNS:
        return "VARCHAR[]"
    if column in DATE_COLUMNS:
        return "DATE"
    if column in INT_COLUMNS:
        return "BIGINT"
    if (name, column) in _FLOAT_COLUMNS:
        return "DOUBLE"
    return "VARCHAR"


def _quote(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


# The results table's columns, in order, with their SQL types.
_RESULT_COLUMNS = (
    ("article_id", "VARCHAR"), ("version", "VARCHAR"), ("article_json", "VARCHAR"), ("result_json", "VARCHAR"),
    ("n_timexes", "BIGINT"), ("n_claims", "BIGINT"), ("n_actor_mentions", "BIGINT"),
    ("n_place_mentions", "BIGINT"), ("n_sentences", "BIGINT"), ("batch_id", "VARCHAR"), ("stored_at", "TIMESTAMP"),
)


# The user's merges and splits of events (core.event_merge.Correction), in the order made.
# They name mentions by id, so a re-extraction of the same text keeps them; a rebuild never
# touches this table.
_CORRECTION_COLUMNS = (("seq", "BIGINT"), ("action", "VARCHAR"), ("mention_ids", "VARCHAR[]"),
                       ("note", "VARCHAR"), ("made_at", "TIMESTAMP"))


def _schema_sql() -> list[str]:
    results = ", ".join(f"{name} {kind} NOT NULL" for name, kind in _RESULT_COLUMNS)
    statements = [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        f"CREATE TABLE IF NOT EXISTS results ({results}, PRIMARY KEY (article_id, version))",
        f"CREATE TABLE IF NOT EXISTS corrections ({', '.join(f'{n} {k}' for n, k in _CORRECTION_COLUMNS)})",
    ]
    for name, columns in FRAME_COLUMNS.items():
        body = ", ".join(f"{_quote(c)} {_sql_type(name, c)}" for c in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS frame_{name} ({body}, _row BIGINT)")
    return statements


# --------------------------------------------------------------------------
# Opening: a store file that is not a usable store is moved aside, never deleted.

CORRUPT, LOCKED, PERMISSION, OTHER = "corrupt", "locked", "permission", "other"

# Lower-case fragments of DuckDB's messages, checked in this order: a lock or a
# permission problem says nothing about the file's contents, so it wins.
_OPEN_ERROR_MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (LOCKED, ("could not set lock", "conflicting lock")),
    (PERMISSION, ("permission denied", "read-only file system", "operation not permitted")),
    (CORRUPT, ("not a valid duckdb database file", "could not read enough bytes", "corrupt database file",
               "corrupt wal file", "failure while replaying wal", "does not match stored checksum")),
)


class StoreSchemaError(Exception):
    """A DuckDB file that opens but is not this store: our tables are missing or
    have other columns, or its schema version is not `SCHEMA_VERSION`."""


def classify_open_error(error: BaseException) -> str:
    """Why a store could not be opened: CORRUPT (the file is not a usable store:
    recover by moving it aside), LOCKED (another process writes it: wait),
    PERMISSION (this process may not open it), or OTHER (anything else, e.g. a
    DuckDB version that cannot read the file). Only CORRUPT is ever recovered."""
    if isinstance(error, StoreSchemaError):
        return CORRUPT
    if not isinstance(error, duckdb.Error):
        return OTHER
    message = str(error).lower()
    for kind, markers in _OPEN_ERROR_MARKERS:
        if any(marker in message for marker in markers):
            return kind
    return OTHER


def open_error_reason(error: BaseException) -> str:
    """The first line of an open error, for a message naming what was wrong."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")


def open_error_message(path: Path, error: BaseException) -> str | None:
    """What to tell a user who cannot open the store at `path`, in one line that
    says what to do; None for an error that is not about opening it (a bug: let it raise)."""
    if not isinstance(error, duckdb.Error):
        return None
    kind = classify_open_error(error)
    if kind == LOCKED:
        holder = _LOCK_HOLDER.search(str(error))
        who = f" ({holder.group(1)}, PID {holder.group(2)})" if holder else ""
        return (f"the store {path} is in use by another process{who}, most likely the dashboard: stop it, "
                "or point this command at another store with --db FILE or CRISIS_DB=FILE")
    if kind == PERMISSION:
        return f"this user may not open the store {path} ({open_error_reason(error)}): check its permissions"
    return f"cannot open the store {path}: {open_error_reason(error)}"


def expected_columns() -> dict[str, list[str]]:
    """Our tables and their columns, in order, as `_schema_sql` creates them."""
    tables = {"meta": ["key", "value"], "results": [name for name, _ in _RESULT_COLUMNS],
              "corrections": [name for name, _ in _CORRECTION_COLUMNS]}
    for name, columns in FRAME_COLUMNS.items():
        tables[f"frame_{name}"] = [*columns, "_row"]
    return tables


def schema_problem(found: dict[str, list[str]], schema_version: str | None) -> str | None:
    """What makes a database with tables `found` (name -> column names, in
    order) and meta ``schema_version`` not this store; None when it is this
    store, or an empty database (a fresh store whose schema is still to create).
    Tables of its own beside ours are allowed."""
    if not found:
        return None
    expected = expected_columns()
    missing = [name for name in expected if name not in found]
    if missing:
        return f"not this store's schema: missing table(s) {', '.join(missing)}"
    for name, columns in expected.items():
        if list(found[name]) != columns:
            return f"not this store's schema: table {name} has columns {found[name]}, expected {columns}"
    if schema_version != SCHEMA_VERSION:
        return f"schema version {schema_version!r}, expected {SCHEMA_VERSION!r}"
    return None


def _found_schema(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, list[str]], str | None]:
    """The user tables of the open database with their columns, and its meta schema_version."""
    rows = con.execute(
        """SELECT table_name, column_name FROM duckdb_columns()
           WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
             AND table_name IN (SELECT table_name FROM duckdb_tables()
                                WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary)
           ORDER BY table_name, column_index"""
    ).fetchall()
    found: dict[str, list[str]] = {}
    for table, column in rows:
        found.setdefault(table, []).append(column)
    version = None
    if found.get("meta") == ["key", "value"]:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = row[0] if row else None
    return found, version


def _create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Our tables, in one transaction (a crash leaves all of them or none)."""
    con.execute("BEGIN TRANSACTION")
    for statement in _schema_sql():
        con.execute(statement)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    con.execute("COMMIT")


def _connect_checked(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection to the store at `path`, created with its schema when there is
    no file (or an empty database) yet. Raises StoreSchemaError when the file is
    a database but not this store, and DuckDB's error when it cannot be opened."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only and path.exists())
    try:
        found, version = _found_schema(con)
        problem = schema_problem(found, version)
        if problem:
            raise StoreSchemaError(problem)
        if not found and read_only:
            # A reader of a store that was never written sees an empty corpus:
            # create its schema once, then read.
            con.close()
            con = duckdb.connect(str(path))
            _create_schema(con)
            con.close()
            con = duckdb.connect(str(path), read_only=True)
        elif not read_only:
            _create_schema(con)
    except BaseException:
        con.close()
        raise
    return con


@dataclass(frozen=True)
class Recovery:
    """A store file that could not be used, and where it was moved."""

    path: Path
    reason: str
    moved_to: Path
    moved_wal_to: Path | None = None

    def message(self) -> str:
        wal = f" (its write-ahead log to {self.moved_wal_to})" if self.moved_wal_to else ""
        return (f"The store {self.path} was not usable ({self.reason}). It was moved aside to "
                f"{self.moved_to}{wal}, not deleted, and a fresh store was started: the next sync "
                "rebuilds it from the corpus files.")


def aside_path(path: Path, now: datetime) -> Path:
    """Where a corrupt store file is moved: beside it, named `<name>.corrupt-YYYYmmddTHHMMSS`,
    with `-2`, `-3`, ... added when that name is taken (never overwrite an earlier one)."""
    base = path.with_name(f"{path.name}.corrupt-{now:%Y%m%dT%H%M%S}")
    candidate, number = base, 1
    while candidate.exists() or Path(f"{candidate}.wal").exists():
        number += 1
        candidate = base.with_name(f"{base.name}-{number}")
    return candidate


def move_aside(path: Path, *, reason: str, now: datetime | None = None) -> Recovery:
    """Rename the store file at `path` (and its `.wal`, kept beside it as
    `<new name>.wal` so DuckDB still replays it when the moved file is opened)
    out of the way; nothing is deleted. The WAL moves first: a crash between the
    two renames must not leave the old WAL to be replayed into a fresh store."""
    target = aside_path(path, now or datetime.now())
    wal, wal_target = Path(f"{path}.wal"), Path(f"{target}.wal")
    moved_wal = None
    if wal.exists():
        os.replace(wal, wal_target)
        moved_wal = wal_target
    if path.exists():
        os.replace(path, target)
    return Recovery(path=path, reason=reason, moved_to=target, moved_wal_to=moved_wal)


def needs_extraction(articles: Sequence[Article], stored: dict[str, str | None]) -> list[Article]:
    """The articles to extract: not stored for this version, or stored with another
    publication date (relative dates such as "on Sunday" resolve against it, so a
    corrected date must re-extract the article even though its text is the same)."""
    def published(article: Article) -> str | None:
        return article.published.isoformat() if article.published else None

    return [a for a in articles if a.article_id not in stored or stored[a.article_id] != published(a)]


# --------------------------------------------------------------------------
# Records as JSON (the same form core.distributed writes to Parquet).


def article_to_json(article: Article) -> str:
    """An Article, text included, as JSON text (`core.records.article_to_json`)."""
    return json.dumps(records.article_to_json(article), ensure_ascii=False)


article_from_json = records.article_from_json


def _version_for(entries: Sequence[Any]) -> str:
    from core.corpus import pipeline_key

    return pipeline_key(entries)


def fingerprint_digest(fingerprint: str) -> str:
    """A corpus fingerprint (`core.corpus.corpus_fingerprint`, one line per file) as a short digest."""
    return hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class Store:
    """The DuckDB store; a context manager. See the module docstring for the schema."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        # Set when the file at `path` was not a usable store and was moved aside.
        self.recovery: Recovery | None = None
        try:
            self._con = _connect_checked(self.path, read_only=read_only)
        except Exception as error:  # noqa: BLE001 - only a corrupt store is recovered; the rest is re-raised
            if classify_open_error(error) != CORRUPT:
                raise
            # Callers report it (the CLI on stderr, the dashboard as a warning); logged here for the record.
            self.recovery = move_aside(self.path, reason=open_error_reason(error))
            log.info("%s", self.recovery.message())
            self._con = _connect_checked(self.path, read_only=read_only)
        self._dictionary_path = self._stored_dictionary_path()
        self._entries: tuple[Any, ...] | None = None
        self.version = _version_for(self._dictionary_entries())

    # -- lifecycle ---------------------------------------------------------

    def sibling(self) -> "Store":
        """The same store on a connection of its own (a DuckDB cursor), for another
        thread: what it writes is seen by this one's queries once committed, and
        neither waits for the other's reads. Close it when done."""
        other = copy.copy(self)
        other._con = self._con.cursor()
        other.recovery = None
        return other

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _meta(self, key: str) -> str | None:
        try:
            row = self._con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        except duckdb.CatalogException:
            return None
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def synced_fingerprint(self) -> str | None:
        """The digest (`fingerprint_digest`) of the corpus fingerprint recorded by
        the last complete sync for this pipeline version; None if none was recorded."""
        raw = self._meta("synced_fingerprint")
        if not raw:
            return None
        version, _, digest = raw.partition("\n")
        return digest if version == self.version else None

    def record_fingerprint(self, fingerprint: str) -> None:
        """Record that the store holds exactly the corpus with this fingerprint
        (call after a complete, uncancelled sync): a restart can then skip reading it."""
        self._con.execute("BEGIN TRANSACTION")
        self._set_meta("synced_fingerprint", f"{self.version}\n{fingerprint_digest(fingerprint)}")
        self._con.execute("COMMIT")

    def _stored_dictionary_path(self) -> Path:
        from core.corpus import DEFAULT_CORPUS_DIR, ACTOR_DICTIONARY_NAME

        stored = self._meta("dictionary")
        if stored and Path(stored).is_file():
            return Path(stored)
        return DEFAULT_CORPUS_DIR / ACTOR_DICTIONARY_NAME

    def _dictionary_entries(self) -> tuple[Any, ...]:
        if self._entries is None:
            from core.actors import load_dictionary

            entries, problems = load_dictionary(self._dictionary_path)
            for problem in problems:
                log.warning("%s", problem)
            self._entries = tuple(entries)
        return self._entries

    def _use_dictionary(self, path: Path) -> list[str]:
        from core.actors import load_dictionary

        entries, problems = load_dictionary(path)
        self._dictionary_path = Path(path)
        self._entries = tuple(entries)
        self.version = _version_for(self._entries)
        return list(problems)

    # -- writing -------------------------------------------------------------

    def stored_ids(self) -> set[str]:
        rows = self._con.execute("SELECT article_id FROM results WHERE version = ?", [self.version]).fetchall()
        return {r[0] for r in rows}

    def stored_publication_dates(self) -> dict[str, str | None]:
        """Article id -> the publication date (ISO) its stored results were extracted with."""
        rows = self._con.execute(
            "SELECT article_id, json_extract_string(article_json, '$.published') FROM results WHERE version = ?",
            [self.version]).fetchall()
        return dict(rows)

    def sync(
        self,
        paths: Sequence[Path],
        *,
        nlp: Any = None,
        n_process: int = 1,
        batch_size: int = 64,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        elsewhere: bool = False,
        keep_duplicates: bool = False,
    ) -> SyncReport:
        """Make the store hold exactly the articles under `paths`, extracting only
        what is not stored for this version. `nlp` is a Language or a function
        that builds one (default `core.nlp.build_pipeline`), called only when
        something must be extracted. `progress(done, total)` counts the articles
        to extract, after each committed batch; `cancel()` is asked between batches.
        `elsewhere`: extract in a child process (`core.worker`; `nlp` and
        `n_process` are then not used), so this process never runs the pipeline.
        `keep_duplicates`: keep articles `core.dedupe` finds duplicate (`core.ingest.read_corpus`).

        An article the pipeline fails on is recorded (`recorded_failures`) with
        its message and reported in `SyncReport.failures` and as a problem line
        naming its file; later syncs report it again without trying it, until
        its text (so its id) or the pipeline version changes.
        """
        from core.corpus import dictionary_path_for
        from core.ingest import printable, read_corpus

        ingested = read_corpus(paths, keep_duplicates=keep_duplicates)
        problems = [str(p) for p in ingested.problems]
        failed = sum(1 for p in ingested.problems if p.fatal)
        problems += self._use_dictionary(dictionary_path_for(paths))
        articles = list(ingested.articles)
        todo = needs_extraction(articles, self.stored_publication_dates())
        skipped = len(articles) - len(todo)
        # An article whose extraction failed for this version is not tried again: reported as it was.
        recorded = self.recorded_failures()
        failures = [dataclasses.replace(recorded[a.article_id], path=a.path) for a in todo if a.article_id in recorded]
        todo = [a for a in todo if a.article_id not in recorded]
        total = len(todo)
        if progress:
            progress(0, total)
        added, cancelled = 0, False
        if todo:
            if elsewhere:
                from core.worker import extract_elsewhere

                results = extract_elsewhere(todo, entries=self._dictionary_entries(), failed=lambda article, error:
                                            ExtractionFailure(article.article_id, article.path, failure_message(error)))
            else:
                results = self._extract(todo, nlp=nlp, n_process=n_process, batch_size=batch_size)
            batch: list[tuple[Article, Any]] = []
            try:
                for article, result in results:
                    if isinstance(result, ExtractionFailure):      # the whole extraction failed on it
                        failures.append(result)
                        continue
                    problems += [f"{printable(article.path)}: {error}" for error in result.errors]
                    batch.append((article, result))
                    if len(batch) >= batch_size:
                        added += self._write_batch(batch)
                        batch = []
                        if progress:
                            progress(added, total)
                        if cancel and cancel():
                            cancelled = True
                            break
                if batch and not cancelled:
                    added += self._write_batch(batch)
                    if progress:
                        progress(added, total)
            finally:
                close = getattr(results, "close", None)
                if close:
                    close()
        failed += len(failures)
        problems += [failure.problem() for failure in failures]
        if failures or recorded:
            self._record_failures(failures)
        key = self._corpus_key(articles)
        if added == 0 and not cancelled and key == self._meta("corpus_key"):
            removed = 0      # the corpus tables already hold exactly this corpus
            self._con.execute("BEGIN TRANSACTION")
            self._set_meta("problems", json.dumps(problems, ensure_ascii=False))
            self._con.execute("COMMIT")
        else:
            removed = self._rebuild(articles, problems=problems, prune=True, key=key)
        return SyncReport(
            added=added, skipped=skipped, removed=removed, failed=failed,
            problems=tuple(problems), cancelled=cancelled, failures=tuple(failures),
        )

    def recorded_failures(self) -> dict[str, ExtractionFailure]:
        """Article id -> its recorded extraction failure, for this pipeline version."""
        raw = self._meta(FAILURES_KEY)
        try:
            entries = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        return {article_id: ExtractionFailure(article_id, str(entry.get("path", "")), str(entry.get("message", "")))
                for article_id, entry in entries.items()
                if isinstance(entry, dict) and entry.get("version") == self.version}

    def _record_failures(self, failures: Sequence[ExtractionFailure]) -> None:
        """Keep exactly `failures` (this sync's corpus, this version) as the recorded ones, in one transaction:
        a failure of an article no longer in the corpus, or of another version, is forgotten."""
        entries = {f.article_id: {"version": self.version, "path": f.path, "message": f.message} for f in failures}
        self._con.execute("BEGIN TRANSACTION")
        self._set_meta(FAILURES_KEY, json.dumps(entries, ensure_ascii=False))
        self._con.execute("COMMIT")

    def _corpus_key(self, articles: Sequence[Article]) -> str:
        """What the corpus tables were assembled from: the version, and each
        article's id and metadata in order."""
        digest = hashlib.sha256(self.version.encode("utf-8"))
        for article in articles:
            meta = dataclasses.replace(article, text="")
            digest.update(repr(meta).encode("utf-8"))
        return digest.hexdigest()

    def _extract(self, todo: Sequence[Article], *, nlp: Any, n_process: int, batch_size: int) -> Iterator[tuple[Article, Any]]:
        """(article, ArticleResult or ExtractionFailure) for each article, in order, streaming.
        A failure's traceback goes to the log at INFO level; its message is in the ExtractionFailure."""
        from spacy.language import Language

        from core import extract

        if nlp is None:
            from core.nlp import build_pipeline

            nlp = build_pipeline
        pipeline = nlp if isinstance(nlp, Language) else nlp()
        entries = self._dictionary_entries()
        iter_extracted = getattr(extract, "iter_extracted", None)
        done = 0
        try:
            if iter_extracted is not None:
                stream = iter_extracted(todo, nlp=pipeline, entries=entries, n_process=n_process,
                                        batch_size=min(batch_size, 64))
                for article, result in stream:
                    done += 1
                    yield article, result
            else:
                docs = pipeline.pipe((a.text for a in todo), batch_size=min(batch_size, 64), n_process=n_process)
                for article, doc in zip(todo, docs):
                    done += 1
                    yield article, extract.extract_doc(doc, article, entries=entries)
        except Exception:  # noqa: BLE001 - the pipeline broke mid-stream: go on one by one
            log.info("the pipeline failed after %d articles; extracting the rest one by one", done, exc_info=True)
            for article in todo[done:]:
                try:
                    if iter_extracted is not None:
                        yield next(iter(iter_extracted([article], nlp=pipeline, entries=entries)))
                    else:
                        yield article, extract.extract_doc(pipeline(article.text), article, entries=entries)
                except Exception as error:  # noqa: BLE001 - one bad article must not sink the run
                    log.info("extraction failed on %s", article.path or article.article_id, exc_info=True)
                    yield article, ExtractionFailure(article.article_id, article.path, failure_message(error))

    def _write_batch(self, batch: Sequence[tuple[Article, Any]]) -> int:
        """One transaction: every article of the batch, or none."""
        return self._insert_results(
            [(article_to_json(a), json.dumps(r.to_json(), ensure_ascii=False), a.article_id, r) for a, r in batch],
            version=self.version,
        )

    def _insert_results(self, rows: Sequence[tuple[str, str, str, Any]], *, version: str) -> int:
        batch_id = uuid.uuid4().hex[:12]
        records = []
        for article_json, result_json, article_id, result in rows:
            records.append({
                "article_id": article_id, "version": version, "article_json": article_json,
                "result_json": result_json, "n_timexes": len(result.timexes), "n_claims": len(result.claims),
                "n_actor_mentions": len(result.actor_mentions), "n_place_mentions": len(result.place_mentions),
                "n_sentences": len(result.sentences), "batch_id": batch_id,
            })
        if not records:
            return 0
        table = pd.DataFrame(records)
        self._con.execute("BEGIN TRANSACTION")
        try:
            self._con.register("_batch", table)
            self._con.execute(
                "DELETE FROM results WHERE version = ? AND article_id IN (SELECT article_id FROM _batch)", [version]
            )
            self._con.execute(
                """INSERT INTO results SELECT article_id, version, article_json, result_json, n_timexes, n_claims,
                   n_actor_mentions, n_place_mentions, n_sentences, batch_id, now()::TIMESTAMP FROM _batch"""
            )
            self._con.execute("COMMIT")
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        finally:
            self._con.unregister("_batch")
        return len(records)

    def _rebuild(self, articles: Sequence[Article] | None, *, problems: Sequence[str], prune: bool,
                 key: str = "") -> int:
        """Remove vanished articles (when `prune`), then reassemble the corpus
        tables from the stored results of this version, in one transaction.
        `articles`: the corpus in order (fresh metadata); None: every stored one."""
        from core.extract import ArticleResult, assemble

        rows = self._con.execute(
            "SELECT article_id, article_json, result_json FROM results WHERE version = ?", [self.version]
        ).fetchall()
        stored = {article_id: (article_json, result_json) for article_id, article_json, result_json in rows}
        if articles is None:
            corpus = sorted((article_from_json(a) for a, _ in stored.values()), key=lambda a: (a.path, a.article_id))
        else:
            corpus = [a for a in articles if a.article_id in stored]
        results = [ArticleResult.from_json(json.loads(stored[a.article_id][1])) for a in corpus]
        frames = assemble(corpus, results, entries=self._dictionary_entries(), corrections=self.corrections())
        removed = 0
        self._con.execute("BEGIN TRANSACTION")
        try:
            if prune and articles is not None:
                keep = pd.DataFrame({"article_id": pd.Series([a.article_id for a in articles], dtype=object)})
                self._con.register("_keep", keep)
                removed = self._con.execute(
                    "SELECT count(DISTINCT article_id) FROM results WHERE article_id NOT IN (SELECT article_id FROM _keep)"
                ).fetchone()[0]
                self._con.execute("DELETE FROM results WHERE article_id NOT IN (SELECT article_id FROM _keep)")
                self._con.unregister("_keep")
            for name, df in frames.items():
                self._write_frame(name, df)
            self._set_meta("problems", json.dumps(list(problems), ensure_ascii=False))
            self._set_meta("dictionary", str(self._dictionary_path))
            self._set_meta("corpus_key", key)   # "" (attach): the next sync reassembles
            self._con.execute("COMMIT")
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        return removed

    def _write_frame(self, name: str, df: pd.DataFrame) -> None:
        columns = FRAME_COLUMNS[name]
        table = pd.DataFrame(index=range(len(df)))
        for column in columns:
            series = df[column].reset_index(drop=True) if column in df.columns else pd.Series([None] * len(df))
            kind = _sql_type(name, column)
            if kind == "VARCHAR[]":
                series = series.map(lambda v: [str(x) for x in v] if isinstance(v, (list, tuple)) else [])
            elif kind == "DATE":
                series = pd.to_datetime(series, errors="coerce")
            elif kind == "VARCHAR":
                series = series.astype(object).where(series.notna(), None).map(lambda v: v if v is None else str(v))
            elif kind == "DOUBLE":
                series = pd.to_numeric(series, errors="coerce").astype("float64")
            table[column] = series.astype(object) if kind in ("VARCHAR[]", "VARCHAR") else series
        table["_row"] = range(len(df))
        self._con.execute(f"DELETE FROM frame_{name}")
        if not len(table):
            return
        self._con.register("_frame", table)
        try:
            select = ", ".join(f"CAST({_quote(c)} AS {_sql_type(name, c)})" for c in columns)
            self._con.execute(f"INSERT INTO frame_{name} SELECT {select}, _row FROM _frame")
        finally:
            self._con.unregister("_frame")

    def attach_parquet(self, folder: Path) -> SyncReport:
        """Import a distributed run's output (columns article_json, result_json,
        pipeline_version; one row per article), then rebuild the corpus tables.
        Rows for another pipeline version are refused with a problem line."""
        from core.extract import ArticleResult

        folder = Path(folder)
        files = sorted(folder.rglob("*.parquet")) if folder.is_dir() else [folder]
        problems: list[str] = []
        rows: list[tuple[str, str, str, Any]] = []
        refused = failed = 0
        for file in files:
            try:
                table = self._con.execute(
                    "SELECT article_json, result_json, pipeline_version FROM read_parquet(?)", [str(file)]
                ).fetchall()
            except duckdb.Error as error:
                failed += 1
                problems.append(f"{file}: not a readable result dataset ({error})")
                continue
            for number, (article_json, result_json, version) in enumerate(table, start=1):
                if version != self.version:
                    refused += 1
                    problems.append(f"{file}: row {number} is for pipeline version {version!r}, "
                                    f"not this store's {self.version!r}; refused")
                    continue
                try:
                    article = article_from_json(article_json)
                    data = json.loads(result_json) if isinstance(result_json, str) else result_json
                    result = ArticleResult.from_json(data)
                except (KeyError, TypeError, ValueError) as error:
                    failed += 1
                    problems.append(f"{file}: row {number} is malformed ({type(error).__name__}: {error})")
                    continue
                rows.append((article_to_json(article), json.dumps(data, ensure_ascii=False), article.article_id, result))
        before = self.stored_ids()
        added = sum(self._insert_results(chunk, version=self.version) for chunk in _chunks(rows, 512))
        new = len({r[2] for r in rows} - before)
        self._rebuild(None, problems=problems, prune=False)
        return SyncReport(added=new, skipped=added - new, removed=0, failed=failed + refused,
                          problems=tuple(problems))

    # -- reading -----------------------------------------------------------

    def problems(self) -> tuple[str, ...]:
        raw = self._meta("problems")
        return tuple(json.loads(raw)) if raw else ()

    def _query_frame(self, name: str, where: str = "", params: dict[str, Any] | None = None) -> pd.DataFrame:
        columns = FRAME_COLUMNS[name]
        select = ", ".join(_quote(c) for c in columns)
        sql = f"SELECT {select} FROM frame_{name} AS t {('WHERE ' + where) if where else ''} ORDER BY _row"
        df = self._con.execute(sql, _used(sql, params)).df()
        return _as_frame(name, df)

    def table(self, name: str, *, article_id: str | None = None, empty: bool = False) -> pd.DataFrame:
        """One frame whole, or one article's rows of it, or none of it (its columns only)."""
        if empty:
            return self._query_frame(name, "FALSE")
        if article_id is not None:
            return self._query_frame(name, "article_id = $article", {"article": article_id})
        return self._query_frame(name)

    def counts(self) -> dict[str, int]:
        """Rows per frame."""
        return {name: self._con.execute(f"SELECT count(*) FROM frame_{name}").fetchone()[0] for name in FRAME_COLUMNS}

    def actor_mentions(self) -> dict[str, int]:
        """Mentions per canonical actor."""
        rows = self._con.execute("SELECT actor, mentions FROM frame_actors WHERE mentions IS NOT NULL").fetchall()
        return {str(actor): int(mentions) for actor, mentions in rows}

    def corrections(self) -> list["Correction"]:
        """The user's merges and splits, oldest first."""
        from core.event_merge import Correction

        rows = self._con.execute("SELECT action, mention_ids FROM corrections ORDER BY seq").fetchall()
        return [Correction(str(action), tuple(ids or ())) for action, ids in rows]

    def add_correction(self, action: str, mention_ids: Sequence[str], *, note: str = "") -> None:
        """Store a merge or a split and rebuild the corpus tables with it (no extraction)."""
        if action not in ("merge", "split"):
            raise ValueError(f"unknown correction {action!r}: merge or split")
        ids = sorted({str(m) for m in mention_ids})
        if not ids:
            raise ValueError("a correction names at least one mention")
        self._con.execute(
            "INSERT INTO corrections SELECT coalesce(max(seq), 0) + 1, ?, ?, ?, now()::TIMESTAMP FROM corrections",
            [action, ids, note])
        self._rebuild(None, problems=self.problems(), prune=False, key=self._meta("corpus_key") or "")

    def undo_correction(self) -> bool:
        """Remove the latest correction and rebuild; False when there is none."""
        last = self._con.execute("SELECT max(seq) FROM corrections").fetchone()[0]
        if last is None:
            return False
        self._con.execute("DELETE FROM corrections WHERE seq = ?", [last])
        self._rebuild(None, problems=self.problems(), prune=False, key=self._meta("corpus_key") or "")
        return True

    def event_mentions(self, event_id: str) -> pd.DataFrame:
        """Every mention of one event, in report order."""
        return self._query_frame("mentions", "t.event_id = $event_id", {"event_id": str(event_id)})

    def article_of_event(self, event_id: str) -> str | None:
        found = self._con.execute("SELECT article_id FROM frame_events WHERE event_id = ? LIMIT 1",
                                  [str(event_id)]).fetchone()
        return found[0] if found else None

    def frames(self, filters: Filters = Filters()) -> Frames:
        """Every frame: events, claims and articles filtered in SQL; time
        expressions and mentions of the kept articles; actors and places
        named by them (all of them when there is no filter)."""
        if filters == Filters():
            return Frames(**{name: self._query_frame(name) for name in FRAME_COLUMNS})
        kept_articles, params = where("articles", filters)
        if exports_reporting_articles(filters):   # the articles the chosen events come from
            kept_events, event_params = where("events", filters)
            kept_articles += (" AND article_id IN (SELECT m.article_id FROM frame_mentions AS m WHERE m.event_id IN"
                              f" (SELECT event_id FROM frame_events AS t WHERE {kept_events}))")
            params = {**params, **event_params}
        kept = f"article_id IN (SELECT article_id FROM frame_articles AS t WHERE {kept_articles})"
        named = f"(SELECT entity FROM frame_entity_mentions AS m WHERE m.{kept})"
        return Frames(
            articles=self._query_frame("articles", kept_articles, params),
            events=self.events(filters),
            timexes=self._query_frame("timexes", kept, params),
            claims=self.claims(filters),
            actors=self._query_frame("actors", f"actor IN {named}", params),
            places=self._query_frame("places", f"place IN {named}", params),
            mentions=self._query_frame("mentions", kept, params),
            entity_mentions=self._query_frame("entity_mentions", kept, params),
        )

    def events(self, filters: Filters = Filters()) -> pd.DataFrame:
        return self._query_frame("events", *where("events", filters))

    def claims(self, filters: Filters = Filters()) -> pd.DataFrame:
        return self._query_frame("claims", *where("claims", filters))

    def articles(self, filters: Filters = Filters()) -> pd.DataFrame:
        return self._query_frame("articles", *where("articles", filters))

    def event_counts(self, filters: Filters = Filters(), *, bucket: str = "day", lane: str = "actor") -> pd.DataFrame:
        """Dated events counted per (bucket start, lane, event type), in SQL: one
        count per (event, actor) (the lane NO_ACTOR when none), or per event when
        `lane` is "event_type". Weeks start on Monday. Same columns as
        core.figures.event_counts."""
        if bucket not in BUCKETS:
            raise ValueError(f"bucket must be one of {BUCKETS}, not {bucket!r}")
        if lane not in LANES:
            raise ValueError(f"lane must be one of {LANES}, not {lane!r}")
        condition, params = where("events", filters)
        start = "date_trunc('week', t.date_start)::DATE" if bucket == "week" else "t.date_start"
        kind = "coalesce(nullif(t.event_type, ''), 'other')"
        if lane == "event_type":
            lanes = f"{kind} AS lane"
        else:
            lanes = f"unnest(CASE WHEN len(t.actors) > 0 THEN t.actors ELSE ['{NO_ACTOR}'] END) AS lane"
        sql = f"""
            WITH points AS (
                SELECT {start} AS bucket_start, {lanes}, {kind} AS event_type
                FROM frame_events AS t WHERE t.date_start IS NOT NULL AND {condition})
            SELECT bucket_start, lane, event_type, count(*) AS events FROM points
            GROUP BY ALL ORDER BY bucket_start, lane, event_type"""
        counts = self._con.execute(sql, _used(sql, params)).df()
        counts["bucket_start"] = pd.to_datetime(counts["bucket_start"]).dt.date
        counts["events"] = counts["events"].astype("int64")
        return counts[["bucket_start", "lane", "event_type", "events"]]

    def filter_options(self) -> dict[str, list[str]]:
        def values(sql: str) -> list[str]:
            return [r[0] for r in self._con.execute(sql).fetchall()]

        return {facet.field: values(facet.options) for facet in VALUE_FACETS}

    def date_bounds(self) -> tuple[date, date] | None:
        low, high = self._con.execute("""
            SELECT min(d), max(d) FROM (
                SELECT date_start AS d FROM frame_events UNION ALL SELECT date_end FROM frame_events
                UNION ALL SELECT date FROM frame_claims UNION ALL SELECT published FROM frame_articles)
        """).fetchone()
        return (low, high) if low is not None else None

    def export_parquet(self, folder: Path) -> list[Path]:
        """One Parquet file per frame, FRAME_COLUMNS as columns, in frame order."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, columns in FRAME_COLUMNS.items():
            target = folder / f"{name}.parquet"
            select = ", ".join(_quote(c) for c in columns)
            escaped = str(target).replace("'", "''")
            self._con.execute(f"COPY (SELECT {select} FROM frame_{name} ORDER BY _row) TO '{escaped}' (FORMAT parquet)")
            written.append(target)
        return written


def _used(sql: str, params: dict[str, Any] | None) -> dict[str, Any]:
    """The named parameters `sql` refers to (DuckDB refuses unused ones)."""
    return {k: v for k, v in (params or {}).items() if f"${k}" in sql}


def _as_frame(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """A DuckDB result with the dtypes `core.frames.frame` gives: lists as Python
    lists, dates as datetimes, counts as Int64, text as str (object when all null)."""
    for column in df.columns:
        kind = _sql_type(name, column)
        series = df[column]
        if kind == "VARCHAR[]":
            df[column] = series.map(lambda v: list(v) if v is not None and not isinstance(v, float) else [])
            df[column] = df[column].astype(object)
        elif kind == "DATE":
            df[column] = pd.to_datetime(series, errors="coerce")
        elif kind == "BIGINT":
            df[column] = series.astype("Int64")
        elif kind == "VARCHAR":
            df[column] = series.astype(object) if series.isna().all() else series.astype("str")
    return df.reset_index(drop=True)


def frames_from_parquet(folder: Path) -> Frames:
    """The frames written by `Store.export_parquet`, with frame() dtypes."""
    folder = Path(folder)
    tables = {}
    for name in FRAME_COLUMNS:
        df = duckdb.sql(f"SELECT * FROM read_parquet('{str(folder / (name + '.parquet')).replace(chr(39), chr(39) * 2)}')").df()
        tables[name] = _as_frame(name, df)
    return Frames(**tables)
