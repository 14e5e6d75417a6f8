"""The store: every article's extraction results and the corpus frames, in an
embedded DuckDB database (default `data/crisis.duckdb`, or `CRISIS_DB`).

Each article is extracted once per (content hash, pipeline version): the
version is `core.extract.model.pipeline_version()` plus a digest of the actor dictionary
in use, as in `core.combine.build.build_frames`, so a changed rule re-extracts. The
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
    version). ``article_json`` is `core.records.article_json_text` (the Article with its text),
    ``result_json`` is `ArticleResult.to_json()`; the ``n_*`` counts repeat the
    lengths of its lists so a reader can check a row is whole. ``batch_id``
    names the transaction that wrote it: a batch is committed whole or not at all.
``frame_articles``, ``frame_events``, ``frame_timexes``, ``frame_claims``,
``frame_actors``, ``frame_places``, ``frame_mentions`` (event mentions), ``frame_entity_mentions``
    The assembled corpus frames (`core.combine.assemble.assemble` over every stored
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

The package, in the order a store is used:

- `core.store.db.schema`: the tables, their columns and SQL types, frame <-> table;
- `core.store.db.opening`: opening a file as this store, moving a corrupt one aside;
- `core.store.db.extraction`: which articles need extracting, and running the pipeline
  over them (spaCy, loaded only then);
- `core.store.db.sync`: the writes (sync, attach, corrections) and the rebuild;
- `core.store.db.queries`: the reads, filtered by the facet table of `core.query`;
- `core.store.db.store`: `Store`, the store on a file;
- `core.store.db.memory`: `FramesStore`, ready frames answering the same queries in memory.

Everything a caller needs is imported from `core.store.db` itself.
"""
from __future__ import annotations

from core.store.db.extraction import MESSAGE_CHARS, ExtractionFailure, failure_message, needs_extraction
from core.store.db.memory import FramesStore
from core.store.db.opening import (
    CORRUPT,
    LOCKED,
    OTHER,
    PERMISSION,
    Recovery,
    StoreSchemaError,
    aside_path,
    classify_open_error,
    connect_checked,
    move_aside,
    open_error_message,
    open_error_reason,
)
from core.store.db.queries import frames_from_parquet
from core.store.db.schema import (
    DEFAULT_DB_PATH,
    SCHEMA_VERSION,
    db_path_from_env,
    expected_columns,
    schema_problem,
)
from core.store.db.store import Store, fingerprint_digest
from core.store.db.sync import FAILURES_KEY, SyncReport

__all__ = [
    "CORRUPT", "DEFAULT_DB_PATH", "FAILURES_KEY", "LOCKED", "MESSAGE_CHARS", "OTHER", "PERMISSION",
    "SCHEMA_VERSION", "ExtractionFailure", "FramesStore", "Recovery", "Store", "StoreSchemaError", "SyncReport",
    "aside_path", "classify_open_error", "connect_checked",
    "db_path_from_env", "expected_columns", "failure_message", "fingerprint_digest", "frames_from_parquet",
    "move_aside", "needs_extraction", "open_error_message", "open_error_reason", "schema_problem",
]
