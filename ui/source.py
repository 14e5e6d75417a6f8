"""What the pages read the corpus through: a view that answers filtered queries.

Two implementations, one interface:

- `FramesView` wraps corpus frames already in memory (tests, and what
  `core.corpus.build_frames` returns); it filters with `ui.selection` in pandas.
- `StoreView` wraps the DuckDB store (`core.db.Store`); every filter is pushed
  down into SQL, so a page never loads the whole corpus to show a slice of it.

Pages ask for `view.frames(filters)`: articles, events and claims already
filtered, the (small) actors and places tables whole, and no mentions or time
expressions (those are per article: `view.article_frames(article_id)`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

import pandas as pd

from core import figures
from core.frames import Frames
from core.query import Filters
from ui.selection import filter_articles, filter_claims, filter_events, filtered_tables

_EMPTY_LAYERS = ("mentions", "entity_mentions", "timexes")


@dataclass(frozen=True)
class Timeline:
    """What the Timeline draws: the events themselves, or, beyond `POINTS_MAX`
    points, their counts per `bucket` (day or week) and lane."""

    points: int
    events: pd.DataFrame | None = None
    counts: pd.DataFrame | None = None
    bucket: str = "day"


class CorpusView(Protocol):
    problems: tuple[str, ...]
    pipeline_version: str

    def counts(self) -> dict[str, int]: ...
    def options(self): ...
    def articles(self, filters: Filters) -> pd.DataFrame: ...
    def frames(self, filters: Filters) -> Frames: ...
    def timeline(self, filters: Filters, *, lane: str) -> Timeline: ...
    def article_frames(self, article_id: str) -> Frames: ...
    def event_frames(self, event_id: str) -> Frames: ...
    def export_tables(self, filters: Filters) -> dict[str, pd.DataFrame]: ...


def _without_layers(frames: Frames) -> Frames:
    return replace(frames, **{name: getattr(frames, name).iloc[0:0] for name in _EMPTY_LAYERS})


@dataclass
class FramesView:
    """A corpus held in memory as frames: filtered with pandas."""

    whole: Frames
    problems: tuple[str, ...] = ()
    pipeline_version: str = ""
    _options: object = field(default=None, repr=False)

    def counts(self) -> dict[str, int]:
        return {name: len(df) for name, df in self.whole.items()}

    def options(self):
        from ui.filters import filter_options

        if self._options is None:
            self._options = filter_options(self.whole)
        return self._options

    def articles(self, filters: Filters) -> pd.DataFrame:
        return filter_articles(self.whole, filters)

    def timeline(self, filters: Filters, *, lane: str) -> Timeline:
        events = filter_events(self.whole.events, self.whole.articles, filters)
        points = figures.event_points_count(events, lane=lane)
        if points <= figures.POINTS_MAX:
            return Timeline(points=points, events=events)
        bucket = _bucket(events)
        return Timeline(points=points, counts=figures.event_counts(events, lane=lane, bucket=bucket), bucket=bucket)

    def frames(self, filters: Filters) -> Frames:
        frames = self.whole
        return replace(
            _without_layers(frames),
            articles=filter_articles(frames, filters),
            events=filter_events(frames.events, frames.articles, filters),
            claims=filter_claims(frames.claims, frames.articles, filters),
        )

    def article_frames(self, article_id: str) -> Frames:
        frames = self.whole
        per_article = {name: getattr(frames, name)[getattr(frames, name)["article_id"] == article_id]
                       for name in ("articles", "events", "timexes", "claims", "mentions", "entity_mentions")}
        return replace(frames, **per_article)

    def event_frames(self, event_id: str) -> Frames:
        events = self.whole.events
        found = events.loc[events["event_id"].astype(str) == str(event_id), "article_id"]
        return self.article_frames(str(found.iloc[0]) if len(found) else "")

    def export_tables(self, filters: Filters) -> dict[str, pd.DataFrame]:
        return filtered_tables(self.whole, filters)




def _bucket(events: pd.DataFrame) -> str:
    start = pd.to_datetime(events["date_start"], errors="coerce")
    end = pd.to_datetime(events["date_end"], errors="coerce").fillna(start)
    return figures.bucket_for(start.min(), end.max())


class StoreView:
    """The corpus in the DuckDB store: every filter is pushed down into SQL.

    One store connection serves every session of the server; DuckDB
    connections are not safe to share between threads, so each query holds a
    lock (queries are short: the filtering happens in the database).
    """

    def __init__(self, store, *, problems: tuple[str, ...] = (), lock=None) -> None:
        import threading

        self.store = store
        self.problems = tuple(problems) or tuple(store.problems())
        self.pipeline_version = store.version
        self._lock = lock or threading.RLock()
        self._counts: dict[str, int] | None = None
        self._options = None

    def _table(self, name: str, **which) -> pd.DataFrame:
        with self._lock:
            return self.store.table(name, **which)

    def counts(self) -> dict[str, int]:
        if self._counts is None:
            with self._lock:
                self._counts = self.store.counts()
        return self._counts

    def options(self):
        from ui.filters import FilterOptions

        if self._options is None:
            with self._lock:
                values = self.store.filter_options()
                bounds = self.store.date_bounds()
                mentions = self.store.actor_mentions()
            self._options = FilterOptions(
                actors=values["actors"], mentions=mentions,
                event_types=values["event_types"], sources=values["sources"], categories=values["categories"],
                bounds=bounds, sides=values["sides"])
        return self._options

    def articles(self, filters: Filters) -> pd.DataFrame:
        with self._lock:
            return self.store.articles(filters)

    def frames(self, filters: Filters) -> Frames:
        with self._lock:
            articles, events, claims = (self.store.articles(filters), self.store.events(filters),
                                        self.store.claims(filters))
        empty = {name: self._table(name, empty=True) for name in _EMPTY_LAYERS}
        return Frames(articles=articles, events=events, claims=claims, actors=self._table("actors"),
                      places=self._table("places"), **empty)

    def timeline(self, filters: Filters, *, lane: str) -> Timeline:
        with self._lock:
            daily = self.store.event_counts(filters, bucket="day", lane=lane)
        points = int(daily["events"].sum())
        if points <= figures.POINTS_MAX:
            with self._lock:
                return Timeline(points=points, events=self.store.events(filters))
        span = pd.to_datetime(daily["bucket_start"])
        bucket = figures.bucket_for(span.min(), span.max())
        if bucket == "day":
            return Timeline(points=points, counts=daily, bucket=bucket)
        with self._lock:
            return Timeline(points=points, counts=self.store.event_counts(filters, bucket=bucket, lane=lane),
                            bucket=bucket)

    def article_frames(self, article_id: str) -> Frames:
        one = {name: self._table(name, article_id=article_id)
               for name in ("articles", "events", "timexes", "claims", "mentions", "entity_mentions")}
        return Frames(actors=self._table("actors"), places=self._table("places"), **one)

    def event_frames(self, event_id: str) -> Frames:
        with self._lock:
            article_id = self.store.article_of_event(event_id)
        return self.article_frames(article_id or "")

    def export_tables(self, filters: Filters) -> dict[str, pd.DataFrame]:
        with self._lock:
            return dict(self.store.frames(filters).items())
