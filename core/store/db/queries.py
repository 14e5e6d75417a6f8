"""The store's queries: the corpus frames, whole, per article or per event, or
narrowed by `Filters` in SQL (the WHERE clauses come from the facet table,
`core.query.where`), the counts the timeline draws past its point limit, the
values the sidebar offers, and the frames as Parquet. Only reads."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from core import query
from core.combine.event_merge import Correction
from core.frames import FRAME_COLUMNS, Frames
from core.query import BUCKETS, LANES, NO_ACTOR, Filters
from core.store.db.schema import as_frame, one_row, quote


class Queries:
    """What the store answers, over its connection `_con` (`core.store.db.Store`, or an
    in-memory `core.store.db.FramesStore`)."""

    _con: duckdb.DuckDBPyConnection
    version: str

    def meta(self, key: str) -> str | None:
        """The value of `key` in the meta table (None when absent)."""
        try:
            row = self._con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        except duckdb.CatalogException:
            return None
        return row[0] if row else None

    def problems(self) -> tuple[str, ...]:
        raw = self.meta("problems")
        return tuple(json.loads(raw)) if raw else ()

    def _query_frame(self, name: str, condition: str = "", params: dict[str, Any] | None = None) -> pd.DataFrame:
        columns = FRAME_COLUMNS[name]
        select = ", ".join(quote(c) for c in columns)
        sql = f"SELECT {select} FROM frame_{name} AS t {('WHERE ' + condition) if condition else ''} ORDER BY _row"
        df = self._con.execute(sql, _used(sql, params)).df()
        return as_frame(name, df)

    def table(self, name: str, *, article_id: str | None = None, empty: bool = False) -> pd.DataFrame:
        """One frame whole, or one article's rows of it, or none of it (its columns only)."""
        if empty:
            return self._query_frame(name, "FALSE")
        if article_id is not None:
            return self._query_frame(name, "article_id = $article", {"article": article_id})
        return self._query_frame(name)

    def counts(self) -> dict[str, int]:
        """Rows per frame."""
        return {name: one_row(self._con, f"SELECT count(*) FROM frame_{name}")[0] for name in FRAME_COLUMNS}

    def actor_mentions(self) -> dict[str, int]:
        """Mentions per canonical actor."""
        rows = self._con.execute("SELECT actor, mentions FROM frame_actors WHERE mentions IS NOT NULL").fetchall()
        return {str(actor): int(mentions) for actor, mentions in rows}

    def corrections(self) -> list[Correction]:
        """The user's merges and splits, oldest first."""
        rows = self._con.execute("SELECT action, mention_ids FROM corrections ORDER BY seq").fetchall()
        return [Correction(str(action), tuple(ids or ())) for action, ids in rows]

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
        kept_articles, params = query.where("articles", filters)
        if query.exports_reporting_articles(filters):   # the articles the chosen events come from
            kept_events, event_params = query.where("events", filters)
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
        return self._query_frame("events", *query.where("events", filters))

    def claims(self, filters: Filters = Filters()) -> pd.DataFrame:
        return self._query_frame("claims", *query.where("claims", filters))

    def articles(self, filters: Filters = Filters()) -> pd.DataFrame:
        return self._query_frame("articles", *query.where("articles", filters))

    def event_counts(self, filters: Filters = Filters(), *, bucket: str = "day", lane: str = "actor") -> pd.DataFrame:
        """Dated events counted per (bucket start, lane, event type), in SQL: one
        count per (event, actor) (the lane NO_ACTOR when none), or per event when
        `lane` is "event_type". Weeks start on Monday. Same columns as
        ui.figures.points.event_counts."""
        if bucket not in BUCKETS:
            raise ValueError(f"bucket must be one of {BUCKETS}, not {bucket!r}")
        if lane not in LANES:
            raise ValueError(f"lane must be one of {LANES}, not {lane!r}")
        condition, params = query.where("events", filters)
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

        return {facet.field: values(facet.options) for facet in query.VALUE_FACETS}

    def date_bounds(self) -> tuple[date, date] | None:
        low, high = one_row(self._con, """
            SELECT min(d), max(d) FROM (
                SELECT date_start AS d FROM frame_events UNION ALL SELECT date_end FROM frame_events
                UNION ALL SELECT date FROM frame_claims UNION ALL SELECT published FROM frame_articles)
        """)
        return (low, high) if low is not None else None

    def export_parquet(self, folder: Path) -> list[Path]:
        """One Parquet file per frame, FRAME_COLUMNS as columns, in frame order."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, columns in FRAME_COLUMNS.items():
            target = folder / f"{name}.parquet"
            select = ", ".join(quote(c) for c in columns)
            escaped = str(target).replace("'", "''")
            self._con.execute(f"COPY (SELECT {select} FROM frame_{name} ORDER BY _row) TO '{escaped}' (FORMAT parquet)")
            written.append(target)
        return written


def _used(sql: str, params: dict[str, Any] | None) -> dict[str, Any]:
    """The named parameters `sql` refers to (DuckDB refuses unused ones)."""
    return {k: v for k, v in (params or {}).items() if f"${k}" in sql}


def frames_from_parquet(folder: Path) -> Frames:
    """The frames written by `Store.export_parquet`, with frame() dtypes."""
    folder = Path(folder)
    tables = {}
    for name in FRAME_COLUMNS:
        df = duckdb.read_parquet(str(folder / f"{name}.parquet")).df()
        tables[name] = as_frame(name, df)
    return Frames(**tables)
