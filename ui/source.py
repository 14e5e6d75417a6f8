"""What the pages read the corpus through: `StoreView`, a view of the DuckDB
store (`core.store.db.Store`) that answers filtered queries. Every filter is pushed
down into SQL, so a page never loads the whole corpus to show a slice of it.
A corpus injected by the tests is served the same way: `frames_view` holds its
frames in an in-memory store (`core.store.db.FramesStore`) and queries them with the
same SQL.

Pages ask for `view.frames(filters)`: articles, events and claims already
filtered, the (small) actors and places tables whole, and no mentions or time
expressions (those are per article: `view.article_frames(article_id)`, or per
event: `view.event_frames(event_id)`, every mention of one event with its
documents).

The Timeline asks `view.timeline(filters, lane=..., clock=...)`: the events to
draw on event or report time, inside the default window (`ui.figures.points.timeline_window`:
the densest span holding 90% of them) unless the user chose dates, and the
events left outside it, which the page lists.

Corrections (merge two events, split mentions off one) are stored in the store
and survive re-extraction: `StoreView.correct` calls `core.store.db.Store.add_correction`.
A `frames_view` holds frames only, without the actor dictionary the events are
rebuilt with, so it offers none (`can_correct` is False and the page says so).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Sequence

import numpy as np
import pandas as pd

from core.combine.events import densest_window
from core.frames import Frames
from core.query import FilterOptions, Filters
from core.store.db import FramesStore
from ui.figures import points as figures
from ui.memo import Memo

_EMPTY_LAYERS = ("mentions", "entity_mentions", "timexes")


@dataclass(frozen=True)
class Timeline:
    """What the Timeline draws: the events themselves, or, beyond `POINTS_MAX`
    points, their counts per `bucket` (day or week) and lane; `window` is the
    default span it opened on (None when the user chose dates), and `outside`
    the events dated outside it, which the page lists instead of drawing."""

    points: int
    events: pd.DataFrame | None = None
    counts: pd.DataFrame | None = None
    bucket: str = "day"
    window: tuple[date, date] | None = None
    outside: pd.DataFrame | None = None


def _chose_dates(filters: Filters) -> bool:
    return filters.date_from is not None or filters.date_to is not None


def windowed_timeline(events: pd.DataFrame, filters: Filters, *, lane: str, clock: str,
                      whole_span: bool = False) -> Timeline:
    """The timeline of `events` (already filtered): inside the default window on
    `clock` unless the user chose dates or asked for the `whole_span`, as markers
    or, beyond `POINTS_MAX`, as counts. Events with no date on the clock stay in
    `events` (the page lists them)."""
    window = None if whole_span or _chose_dates(filters) else figures.timeline_window(events, clock)
    dated = figures.clock_dates(events, clock)[0].notna()
    inside = figures.in_window(events, window, clock)
    shown, outside = events[inside | ~dated], events[dated & ~inside]
    points = figures.event_points_count(shown, lane=lane, clock=clock)
    if points <= figures.POINTS_MAX:
        return Timeline(points=points, events=shown, window=window, outside=outside)
    bucket = _bucket(shown, clock)
    return Timeline(points=points, counts=figures.event_counts(shown, lane=lane, bucket=bucket, clock=clock),
                    bucket=bucket, window=window, outside=outside)


def _bucket(events: pd.DataFrame, clock: str = "event") -> str:
    start, end = figures.clock_dates(events, clock)
    return figures.bucket_for(start.min(), end.max())


def _window_of_counts(per_event_day: pd.DataFrame) -> tuple[date, date] | None:
    """`core.combine.events.densest_window` over daily counts of events (one count per event)."""
    days = np.repeat(per_event_day["bucket_start"].to_numpy(), per_event_day["events"].to_numpy())
    return densest_window(days.tolist())


class StoreView:
    """The corpus in the DuckDB store: every filter is pushed down into SQL.

    One store connection serves every session of the server; DuckDB
    connections are not safe to share between threads, so each query holds a
    lock (queries are short: the filtering happens in the database).
    """

    def __init__(self, store, *, problems: tuple[str, ...] = (), lock=None, can_correct: bool = True) -> None:
        self.store = store
        self.can_correct = can_correct
        self.problems = tuple(problems) or tuple(store.problems())
        self.pipeline_version = store.version
        self._lock = lock or threading.RLock()
        self._counts: dict[str, int] | None = None
        self._options: FilterOptions | None = None
        self.memo = Memo()

    def _table(self, name: str, **which) -> pd.DataFrame:
        with self._lock:
            return self.store.table(name, **which)

    def counts(self) -> dict[str, int]:
        if self._counts is None:
            with self._lock:
                self._counts = self.store.counts()
        return self._counts

    def options(self) -> FilterOptions:
        if self._options is None:
            with self._lock:
                values = self.store.filter_options()
                bounds = self.store.date_bounds()
                mentions = self.store.actor_mentions()
            self._options = FilterOptions(values=values, mentions=mentions, bounds=bounds)
        return self._options

    def articles(self, filters: Filters) -> pd.DataFrame:
        with self._lock:
            return self.store.articles(filters)

    def events(self, filters: Filters) -> pd.DataFrame:
        with self._lock:
            return self.store.events(filters)

    def frames(self, filters: Filters) -> Frames:
        with self._lock:
            articles, events, claims = (self.store.articles(filters), self.store.events(filters),
                                        self.store.claims(filters))
        empty = {name: self._table(name, empty=True) for name in _EMPTY_LAYERS}
        return Frames(articles=articles, events=events, claims=claims, actors=self._table("actors"),
                      places=self._table("places"), **empty)

    def timeline(self, filters: Filters, *, lane: str, clock: str = "event",
                 whole_span: bool = False) -> Timeline:
        """Counted in SQL first: the events are loaded only when there are few enough
        to draw (on report time, whose dates the store does not count, always)."""
        with self._lock:
            daily = self.store.event_counts(filters, bucket="day", lane=lane)
        if int(daily["events"].sum()) <= figures.POINTS_MAX or clock == "report":
            with self._lock:
                events = self.store.events(filters)
            return windowed_timeline(events, filters, lane=lane, clock=clock, whole_span=whole_span)
        window, inside, outside = None, filters, None
        if not whole_span and not _chose_dates(filters):
            with self._lock:
                window = _window_of_counts(self.store.event_counts(filters, bucket="day", lane="event_type"))
            if window is not None:
                inside = replace(filters, date_from=window[0], date_to=window[1])
                with self._lock:
                    daily = self.store.event_counts(inside, bucket="day", lane=lane)
                    before = self.store.events(replace(filters, date_to=window[0] - timedelta(days=1)))
                    after = self.store.events(replace(filters, date_from=window[1] + timedelta(days=1)))
                outside = pd.concat([before, after[after["date_start"] > pd.Timestamp(window[1])]],
                                    ignore_index=True)
                outside = outside[~figures.in_window(outside, window)]
        points = int(daily["events"].sum())
        if points <= figures.POINTS_MAX:
            with self._lock:
                return Timeline(points=points, events=self.store.events(inside), window=window, outside=outside)
        span = pd.to_datetime(daily["bucket_start"])
        bucket = figures.bucket_for(span.min(), span.max())
        if bucket == "week":
            with self._lock:
                daily = self.store.event_counts(inside, bucket=bucket, lane=lane)
        return Timeline(points=points, counts=daily, bucket=bucket, window=window, outside=outside)

    def article_frames(self, article_id: str) -> Frames:
        one = {name: self._table(name, article_id=article_id)
               for name in ("articles", "events", "timexes", "claims", "mentions", "entity_mentions")}
        return Frames(actors=self._table("actors"), places=self._table("places"), **one)

    def event_frames(self, event_id: str) -> Frames:
        """One event, every mention of it (all documents) and their articles."""
        with self._lock:
            article_id = self.store.article_of_event(event_id)
            mentions = self.store.event_mentions(event_id)
        events = self._table("events", article_id=article_id or "")
        events = events[events["event_id"].astype(str) == str(event_id)]
        ids = list(dict.fromkeys(mentions["article_id"].astype(str)))
        articles = pd.concat([self._table("articles", article_id=a) for a in ids] or [self._table("articles", empty=True)],
                             ignore_index=True)
        empty = {name: self._table(name, empty=True) for name in ("timexes", "claims", "actors", "places",
                                                                 "entity_mentions")}
        return Frames(articles=articles, events=events, mentions=mentions, **empty)

    def mentions_of(self, event_ids: Sequence[str]) -> pd.DataFrame:
        """The mentions of these events (for the mentions CSV, built when downloaded)."""
        mentions = self._table("mentions")
        return mentions[mentions["event_id"].astype(str).isin([str(e) for e in event_ids])]

    def event_of_mention(self, article_id: str, mention_id: str) -> str | None:
        mentions = self._table("mentions", article_id=article_id)
        found = mentions.loc[mentions["mention_id"] == mention_id, "event_id"]
        return str(found.iloc[0]) if len(found) else None

    def export_tables(self, filters: Filters) -> dict[str, pd.DataFrame]:
        with self._lock:
            return dict(self.store.frames(filters).items())

    def corrections(self) -> list:
        with self._lock:
            return self.store.corrections()

    def correct(self, action: str, mention_ids: Sequence[str], *, note: str = "") -> None:
        """Store a merge or split (`core.store.db.Store.add_correction`, which rebuilds the
        corpus tables) and forget what this view cached of the old tables."""
        with self._lock:
            self.store.add_correction(action, list(mention_ids), note=note)
        self._forget()

    def undo_correction(self) -> bool:
        with self._lock:
            undone = self.store.undo_correction()
        self._forget()
        return undone

    def _forget(self) -> None:
        self._counts = None
        self._options = None
        self.memo.clear()


def frames_view(frames: Frames, *, problems: Sequence[str] = (), pipeline_version: str = "") -> StoreView:
    """A view of ready corpus frames (a corpus the tests inject), held in an
    in-memory store and queried with the store's SQL. It offers no corrections."""
    store = FramesStore(frames, problems=problems, version=pipeline_version)
    return StoreView(store, can_correct=False)
