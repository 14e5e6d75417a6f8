"""`Store`, the store on a database file: opened (a corrupt file moved aside,
`core.store.db.opening`), closed, and told which corpus it last synced with; its
writes are `core.store.db.sync`'s, its reads `core.store.db.queries`'."""
from __future__ import annotations

import copy
import hashlib
import logging
from pathlib import Path

from core.store.db.opening import CORRUPT, Recovery, classify_open_error, connect_checked, move_aside, open_error_reason
from core.store.db.sync import Syncing

log = logging.getLogger(__name__)


def fingerprint_digest(fingerprint: str) -> str:
    """A corpus fingerprint (`core.read.corpus.corpus_fingerprint`, one line per file) as a short digest."""
    return hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()


class Store(Syncing):
    """The DuckDB store; a context manager. See `core.store.db`'s docstring for the schema."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        # Set when the file at `path` was not a usable store and was moved aside.
        self.recovery: Recovery | None = None
        try:
            self._con = connect_checked(self.path, read_only=read_only)
        except Exception as error:  # noqa: BLE001 - only a corrupt store is recovered; the rest is re-raised
            if classify_open_error(error) != CORRUPT:
                raise
            # Callers report it (the CLI on stderr, the dashboard as a warning); logged here for the record.
            self.recovery = move_aside(self.path, reason=open_error_reason(error))
            log.info("%s", self.recovery.message())
            self._con = connect_checked(self.path, read_only=read_only)
        self.use_stored_dictionary()

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

    def synced_fingerprint(self) -> str | None:
        """The digest (`fingerprint_digest`) of the corpus fingerprint recorded by
        the last complete sync for this pipeline version; None if none was recorded."""
        raw = self.meta("synced_fingerprint")
        if not raw:
            return None
        version, _, digest = raw.partition("\n")
        return digest if version == self.version else None

    def record_fingerprint(self, fingerprint: str) -> None:
        """Record that the store holds exactly the corpus with this fingerprint
        (call after a complete, uncancelled sync): a restart can then skip reading it."""
        self._con.execute("BEGIN TRANSACTION")
        self.set_meta("synced_fingerprint", f"{self.version}\n{fingerprint_digest(fingerprint)}")
        self._con.execute("COMMIT")
