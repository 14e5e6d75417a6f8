"""The timeline's events as points, before anything is drawn: the two clocks
(event time, report time), the window the timeline opens on, how each event's
date was resolved, one point per event and lane, the quiet lanes folded into
one, and, past `POINTS_MAX` points, the counts per day or week in pandas."""
from __future__ import annotations

from datetime import date

import pandas as pd

from core.combine.events import densest_window
from core.query import LANES, NO_ACTOR
from core.read.limits import LIMITS
from ui.figures.common import as_count, as_list, escape, wrap_hover

HOVER_MAX_ACTORS = 8      # a hover names this many participants, then "and N more" (the panel lists all)
MAX_LANES = 40            # a timeline keeps its busiest lanes; the rest go in one (a filter on Russia names 363 actors)
# The timeline's clocks: when the event happened, or when it was first reported.
CLOCKS = ("event", "report")
CLOCK_LABELS = {"event": "event time", "report": "report time"}
# Modalities drawn hollow: what is not reported as having happened.
HOLLOW_MODALITIES = frozenset({"planned", "possible", "question", "denied"})
# How an event time was found: its anchor (`date_anchor`), each with what the hover,
# the detail panel and the events table say of it.
ANCHOR_LABELS = {
    "explicit": "explicit date in the text",
    "relative": "relative date, resolved against the publication date",
    "publication": "publication date only: no date in the text",
    "undated": "undated: no explicit date in the text, and no publication date to resolve against",
}

POINTS_MAX = LIMITS.timeline_points   # beyond this many timeline points, the chart shows counts per day or week
WEEKLY_AFTER_DAYS = 120   # counts per week when the shown dates span more than this, else per day


def _iso(value: object) -> str:
    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def date_anchor(date_start: object, date_source: object) -> str:
    """What an event time rests on: "explicit", "relative" (to the publication date),
    "publication" (the publication date alone) or "undated" (nothing resolved it: an
    undated article's events, whatever `date_source` the extractor left)."""
    if date_start is None or pd.isna(date_start):
        return "undated"
    return date_source if isinstance(date_source, str) and date_source else ""


def resolution_text(date_start: object, date_end: object, date_source: object) -> str:
    """How a date was resolved, e.g. "2022-02-13 (explicit date in the text)"; an
    event with no date says why ("undated: …")."""
    anchor = date_anchor(date_start, date_source)
    if anchor == "undated":
        return ANCHOR_LABELS["undated"]
    start, end = _iso(date_start), _iso(date_end)
    span = start if not end or end == start else f"{start} – {end}"
    label = ANCHOR_LABELS.get(anchor, anchor)
    return f"{span} ({label})" if label else span


def is_hollow(modality: object) -> bool:
    """Whether an event of this modality is drawn hollow (not reported as having happened)."""
    return isinstance(modality, str) and modality in HOLLOW_MODALITIES


def _check_clock(clock: str) -> None:
    if clock not in CLOCKS:
        raise ValueError(f"clock must be one of {CLOCKS}, not {clock!r}")


def clock_dates(events: pd.DataFrame, clock: str = "event") -> tuple[pd.Series, pd.Series]:
    """(start, end) of each event on `clock`, as datetimes (NaT when unknown): its
    event time, or its report time (the day of its first report)."""
    _check_clock(clock)
    if clock == "report":
        day = pd.to_datetime(events["first_reported"], errors="coerce")
        return day, day
    start = pd.to_datetime(events["date_start"], errors="coerce")
    return start, pd.to_datetime(events["date_end"], errors="coerce").fillna(start)


def timeline_window(events: pd.DataFrame, clock: str = "event") -> tuple[date, date] | None:
    """The span the timeline opens on: the shortest one holding 90% of the events'
    days on `clock` (`core.combine.events.densest_window`), so a 1938 reference among 2022
    events does not squash the crisis into one column. None when nothing is dated."""
    start, _ = clock_dates(events, clock)
    return densest_window(day.date() for day in start.dropna())


def in_window(events: pd.DataFrame, window: tuple[date, date] | None, clock: str = "event") -> pd.Series:
    """Events whose time on `clock` overlaps `window` (every dated event when None);
    undated events are never in it."""
    start, end = clock_dates(events, clock)
    keep = start.notna()
    if window is not None:
        keep &= (start <= pd.Timestamp(window[1])) & (end >= pd.Timestamp(window[0]))
    return keep.reindex(events.index, fill_value=False)


def _reporting(event: dict) -> str:
    """Who reports an event: "2 documents · 2 sides: Russia, United States<br>sources: ..." """
    documents, sides = as_count(event.get("n_articles")), as_count(event.get("n_sides"), 0)
    side_names = ", ".join(as_list(event.get("sides")))
    sources = ", ".join(as_list(event.get("sources")))
    text = f"{documents} document{'s' if documents != 1 else ''} · {sides} side{'s' if sides != 1 else ''}"
    text += f": {side_names}" if side_names else ""
    return escape(text) + (f"<br>sources: {escape(sources)}" if sources else "")


def participants_text(actors: list[str], *, limit: int = HOVER_MAX_ACTORS) -> str:
    """ "A, B, C" for a hover, the first `limit` names then "and N more": an event in
    forty lanes would otherwise carry forty names on each of its forty points."""
    if not actors:
        return NO_ACTOR
    shown = ", ".join(actors[:limit])
    return shown if len(actors) <= limit else f"{shown} and {len(actors) - limit} more"


def timeline_points(events: pd.DataFrame, *, lane: str = "actor", clock: str = "event") -> pd.DataFrame:
    """The points the timeline draws: one per (event dated on `clock`, actor), or
    one per dated event when `lane` is "event_type".

    `date_start`/`date_end` are the event's days on the clock. Events without a
    date on it are left out (the page lists them); events naming no actor go in
    the lane `NO_ACTOR`.
    """
    if lane not in LANES:
        raise ValueError(f"lane must be one of {LANES}, not {lane!r}")
    columns = ["lane", "date_start", "date_end", "event_type", "label", "modality", "resolution", "reported",
               "reporting", "sentence", "hover_sentence", "article_id", "actors", "event_id", "documents", "hollow"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    start, end = clock_dates(events, clock)
    rows = []
    for event, day, last in zip(events.to_dict("records"), start, end):
        if pd.isna(day):
            continue
        actors = as_list(event.get("actors"))
        event_type = _text(event.get("event_type")) or "other"
        label = _text(event.get("label")) or event_type
        modality = _text(event.get("modality"))
        reported = _iso(event.get("first_reported"))
        lag = event.get("lag_days")
        if reported and lag is not None and not pd.isna(lag):
            reported += f" ({int(lag)} day{'s' if abs(int(lag)) != 1 else ''} after the event starts)"
        row = {
            "date_start": day, "date_end": last, "event_type": event_type, "label": escape(label),
            "modality": modality or "asserted",
            "resolution": resolution_text(event.get("date_start"), event.get("date_end"), event.get("date_source")),
            "reported": reported or "unknown",
            "reporting": _reporting(event),
            "sentence": event.get("sentence"), "hover_sentence": wrap_hover(event.get("sentence")),
            "article_id": str(event.get("article_id")),
            "actors": escape(participants_text(actors)), "event_id": str(event.get("event_id", "")),
            "documents": max(1, as_count(event.get("n_articles"))), "hollow": is_hollow(modality),
        }
        for name in ([event_type] if lane == "event_type" else actors or [NO_ACTOR]):
            rows.append({"lane": name, **row})
    return pd.DataFrame(rows, columns=columns)


def fold_quiet_lanes(frame: pd.DataFrame, totals: pd.Series, *,
                     keep: int = MAX_LANES) -> tuple[pd.DataFrame, str | None]:
    """(`frame` with the lanes past the `keep` busiest (by `totals`, lane -> weight) put
    in one lane, that lane's name "(other N lanes)", or None when nothing was folded):
    363 lanes of one or two events each are neither readable nor quick to draw."""
    if len(totals) <= keep:
        return frame, None
    ranked = totals.sort_values(ascending=False, kind="stable")
    busiest = set(ranked.index[:keep])
    other = f"(other {len(ranked) - keep} lanes)"
    return frame.assign(lane=frame["lane"].where(frame["lane"].isin(busiest), other)), other


def is_interval(points: pd.DataFrame) -> pd.Series:
    """Points whose date is a stretch of days (a week, a month), not one day."""
    start = pd.to_datetime(points["date_start"], errors="coerce")
    end = pd.to_datetime(points["date_end"], errors="coerce")
    return (end.notna() & (end > start)).reindex(points.index, fill_value=False)


def event_points_count(events: pd.DataFrame, *, lane: str = "actor", clock: str = "event") -> int:
    """How many markers `timeline_figure` would draw: one per dated event and actor lane."""
    dated = events[clock_dates(events, clock)[0].notna()] if len(events) else events
    if lane == "event_type" or dated.empty:
        return len(dated)
    return int(dated["actors"].map(lambda cell: max(1, len(cell)) if isinstance(cell, (list, tuple)) else 1).sum())


def bucket_for(date_start: object, date_end: object) -> str:
    """ "day" or "week": the bucket that keeps an aggregated timeline readable over this span."""
    start, end = pd.Timestamp(date_start), pd.Timestamp(date_end)
    return "week" if (end - start).days > WEEKLY_AFTER_DAYS else "day"


def event_counts(events: pd.DataFrame, *, lane: str = "actor", bucket: str = "day",
                 clock: str = "event") -> pd.DataFrame:
    """Dated events counted per (bucket start, lane, event type), in pandas: the
    same columns as `core.store.db.Store.event_counts`, which does it in SQL (on event time)."""
    points = timeline_points(events, lane=lane, clock=clock)
    columns = ["bucket_start", "lane", "event_type", "events"]
    if points.empty:
        return pd.DataFrame(columns=columns)
    start = pd.to_datetime(points["date_start"])
    if bucket == "week":
        start = start - pd.to_timedelta(start.dt.day_of_week, unit="D")     # ISO weeks start on Monday
    counted = points.assign(bucket_start=start.dt.date).groupby(["bucket_start", "lane", "event_type"]).size()
    return counted.rename("events").reset_index()[columns]
