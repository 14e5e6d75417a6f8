"""`FramesStore`: ready corpus frames held in an in-memory DuckDB database with
the store's tables, answering the store's queries (`core.store.db.queries`) with the
same SQL. No file, no extraction, no actor dictionary, so nothing to sync or
correct: what the dashboard serves for a corpus injected by the tests
(`ui.data.CORPUS_OVERRIDE_KEY`)."""
from __future__ import annotations

import json
from typing import Sequence

import duckdb

from core.frames import Frames
from core.store.db.queries import Queries
from core.store.db.schema import create_schema, write_frame


class FramesStore(Queries):
    """`frames` as the store's corpus tables, in memory; `problems` and `version`
    are what `problems()` and `version` then say."""

    def __init__(self, frames: Frames, *, problems: Sequence[str] = (), version: str = "") -> None:
        self.version = version
        self._con = duckdb.connect(":memory:")
        create_schema(self._con)
        self._con.execute("BEGIN TRANSACTION")
        for name, df in frames.items():
            write_frame(self._con, name, df)
        self._con.execute("INSERT OR REPLACE INTO meta VALUES ('problems', ?)",
                          [json.dumps(list(problems), ensure_ascii=False)])
        self._con.execute("COMMIT")

    def close(self) -> None:
        self._con.close()
