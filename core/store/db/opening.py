"""Opening a store file, and recovering from one that is not a usable store.

A store file that is not a usable store (not a DuckDB file, truncated, a
checksum failure, a corrupt WAL, or a database without our tables or with
another schema version) is never deleted: `move_aside` renames it (and its
``.wal``) to ``<name>.corrupt-YYYYmmddTHHMMSS`` and `core.store.db.Store` starts a
fresh store. A store locked by another process, or one this process may not
open, is not corrupt: that error is raised as it is (`classify_open_error`
tells them apart; `open_error_message` says it in one line, with what to do).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from core.store.db.schema import create_schema, found_schema, schema_problem

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


def connect_checked(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection to the store at `path`, created with its schema when there is
    no file (or an empty database) yet. Raises StoreSchemaError when the file is
    a database but not this store, and DuckDB's error when it cannot be opened."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only and path.exists())
    try:
        found, version = found_schema(con)
        problem = schema_problem(found, version)
        if problem:
            raise StoreSchemaError(problem)
        if not found and read_only:
            # A reader of a store that was never written sees an empty corpus:
            # create its schema once, then read.
            con.close()
            con = duckdb.connect(str(path))
            create_schema(con)
            con.close()
            con = duckdb.connect(str(path), read_only=True)
        elif not read_only:
            create_schema(con)
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
