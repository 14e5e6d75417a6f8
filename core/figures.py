"""Plotly figures for the dashboard, built from the contract frames.

Pure functions: a frame in, a `go.Figure` out, no Streamlit. Traces are SVG
(`go.Scatter`, `go.Bar`, `go.Scattergeo`), so a browser test can count the
drawn points, until a timeline holds more than `WEBGL_ABOVE` points, when its
markers switch to WebGL (`go.Scattergl`). Hover text says where each point
came from: the event's label, its date and how it was resolved, its sources.

The timeline draws events (one per occurrence, `core.events`): marker size is
the number of documents that report it, colour its type (each type's fixed
colour, `core/data/event_types.csv`), hollow when it is not asserted (planned,
possible, a question, denied). It runs on one of two clocks (`CLOCKS`): event
time (`date_start`..`date_end`) or report time (`first_reported`).
"""
from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from datetime import date
from typing import Collection, Iterable

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.countries import countries, country_for
from core.limits import LIMITS
from core.query import LANES, NO_ACTOR

UNATTRIBUTED = "(unattributed)"
HOVER_WIDTH = 70          # characters per line of a wrapped hover sentence
HOVER_MAX_CHARS = 420     # longer sentences are cut, with an ellipsis
HOVER_MAX_ACTORS = 8      # a hover names this many participants, then "and N more" (the panel lists all)
RANGESLIDER_POINTS = 400  # a timeline of more markers has no range slider (it would draw them twice)
LANE_HEIGHT = 34          # pixels per timeline lane
MAX_LANES = 40            # a timeline keeps its busiest lanes; the rest go in one (a filter on Russia names 363 actors)
TIMELINE_MIN_HEIGHT = 320  # pixels: a timeline of few lanes
# The timeline's clocks: when the event happened, or when it was first reported.
CLOCKS = ("event", "report")
CLOCK_LABELS = {"event": "event time", "report": "report time"}
# Modalities drawn hollow: what is not reported as having happened.
HOLLOW_MODALITIES = frozenset({"planned", "possible", "question", "denied"})
OTHER_TYPE_COLOUR = "#c7c7c7"   # a type missing from core/data/event_types.csv (no type's colour)
# Timeline markers beyond which SVG gets slower than WebGL. Measured in headless
# Chromium (software WebGL), one 2,456-cell counts chart: SVG 0.20 s, WebGL 0.57 s;
# at 4x the markers, SVG 0.63 s, WebGL 0.82 s (WebGL pays a fixed cost for its context).
WEBGL_ABOVE = 5_000
BAR_WIDTH = 0.5           # height of a vague-date bar reported by one document, as a share of its lane
# Marker diameter in pixels for an event one document reports; it grows with the square
# root of the number of documents, up to MARKER_MAX.
MARKER_MIN, MARKER_MAX = 9.0, 34.0
# customdata columns of every timeline point, in order (the page reads event_id on a click;
# bench/concurrency.py reads the actors at 3 and the event id at 5)
TIMELINE_CUSTOMDATA = ("label", "event_type", "modality", "actors", "resolution", "event_id", "reported",
                       "reporting", "hover_sentence")
DAY_MS = 86_400_000       # plotly date axes count in milliseconds
MAP_HEIGHT = 520
MAP_ASPECT = 1.8          # width / height of the map as the Actors page shows it
MAP_COLORSCALE = "OrRd"   # country shading; the place markers are blue on top of it
PLACE_COLOR = "#1f5f99"
NETWORK_TOP = 30          # the actor network shows at most this many actors
NETWORK_SEED = 7          # spring layout seed: the same corpus always gives the same picture
NETWORK_HEIGHT = 600
_GRAVITY = 0.3            # pull of the layout's hidden hub: keeps loose actors near the rest
KIND_COLORS = {"country": "#c0392b", "person": "#1f77b4", "organisation": "#2e8b57", "group": "#8e44ad"}
OTHER_KIND_COLOR = "#7f8c8d"
EDGE_COLOR, EDGE_HIGHLIGHT = "#c3cbd3", "#4a5866"
# How an event time was found: its anchor (`date_anchor`), each with what the hover,
# the detail panel and the events table say of it.
ANCHOR_LABELS = {
    "explicit": "explicit date in the text",
    "relative": "relative date, resolved against the publication date",
    "publication": "publication date only: no date in the text",
    "undated": "undated: no explicit date in the text, and no publication date to resolve against",
}


def wrap_hover(text: object, *, width: int = HOVER_WIDTH, limit: int = HOVER_MAX_CHARS) -> str:
    """A sentence as hover text: HTML-escaped, cut to `limit`, wrapped with <br>."""
    if not isinstance(text, str) or not text.strip():
        return ""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = _escape(text)
    return "<br>".join(textwrap.wrap(text, width=width)) or text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _iso(value: object) -> str:
    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


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


def _as_list(value: object) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, str) and v]
    return []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _count(value: object, default: int = 1) -> int:
    return default if value is None or pd.isna(value) else int(value)


def type_colour(event_type: object) -> str:
    """The fixed colour of an event type (core/data/event_types.csv), the same in every view."""
    from core.event_lexicon import event_types

    found = event_types().get(str(event_type)) if isinstance(event_type, str) else None
    return found.colour if found else OTHER_TYPE_COLOUR


def is_hollow(modality: object) -> bool:
    """Whether an event of this modality is drawn hollow (not reported as having happened)."""
    return isinstance(modality, str) and modality in HOLLOW_MODALITIES


def source_size(documents: object) -> float:
    """Marker diameter for an event that `documents` documents report (area grows with them)."""
    n = max(1, _count(documents))
    return round(min(MARKER_MAX, MARKER_MIN + 6.0 * math.sqrt(n - 1)), 1)


def empty_figure(message: str) -> go.Figure:
    """A blank figure carrying `message`, for callers that must return a figure."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(height=240, margin=dict(l=10, r=10, t=10, b=10))
    return fig


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
    days on `clock` (`core.events.densest_window`), so a 1938 reference among 2022
    events does not squash the crisis into one column. None when nothing is dated."""
    from core.events import densest_window

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
    documents, sides = _count(event.get("n_articles")), _count(event.get("n_sides"), 0)
    side_names = ", ".join(_as_list(event.get("sides")))
    sources = ", ".join(_as_list(event.get("sources")))
    text = f"{documents} document{'s' if documents != 1 else ''} · {sides} side{'s' if sides != 1 else ''}"
    text += f": {side_names}" if side_names else ""
    return _escape(text) + (f"<br>sources: {_escape(sources)}" if sources else "")


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
        actors = _as_list(event.get("actors"))
        event_type = _text(event.get("event_type")) or "other"
        label = _text(event.get("label")) or event_type
        modality = _text(event.get("modality"))
        reported = _iso(event.get("first_reported"))
        lag = event.get("lag_days")
        if reported and lag is not None and not pd.isna(lag):
            reported += f" ({int(lag)} day{'s' if abs(int(lag)) != 1 else ''} after the event starts)"
        row = {
            "date_start": day, "date_end": last, "event_type": event_type, "label": _escape(label),
            "modality": modality or "asserted",
            "resolution": resolution_text(event.get("date_start"), event.get("date_end"), event.get("date_source")),
            "reported": reported or "unknown",
            "reporting": _reporting(event),
            "sentence": event.get("sentence"), "hover_sentence": wrap_hover(event.get("sentence")),
            "article_id": str(event.get("article_id")),
            "actors": _escape(participants_text(actors)), "event_id": str(event.get("event_id", "")),
            "documents": max(1, _count(event.get("n_articles"))), "hollow": is_hollow(modality),
        }
        for name in ([event_type] if lane == "event_type" else actors or [NO_ACTOR]):
            rows.append({"lane": name, **row})
    return pd.DataFrame(rows, columns=columns)


def _customdata(points: pd.DataFrame) -> np.ndarray:
    """The hover's and the click's fields of each point, as one object array: Plotly
    keeps a NumPy array as it is, where it would check a list of lists cell by cell
    (a tenth of the time for a Timeline of 2,000 points; the same JSON)."""
    return points[list(TIMELINE_CUSTOMDATA)].to_numpy(dtype=object)


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


def timeline_height(lanes: int) -> int:
    """Pixels for a timeline of `lanes` lanes: room for each, and never below `TIMELINE_MIN_HEIGHT`."""
    return max(TIMELINE_MIN_HEIGHT, 160 + LANE_HEIGHT * lanes)


def _rgba(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({red},{green},{blue},{alpha})"


def timeline_figure(events: pd.DataFrame, *, lane: str = "actor", clock: str = "event",
                    title: str | None = None) -> go.Figure:
    """Events on a date axis (event or report time), one lane per actor (or event
    type): colour by type, marker size by the documents reporting the event,
    hollow when it is not asserted. On event time, a week or a month is a bar
    over its whole span."""
    points = timeline_points(events, lane=lane, clock=clock)
    if points.empty:
        return empty_figure("No dated events to show.")
    points, other = fold_quiet_lanes(points, points["lane"].value_counts())
    if other is not None:      # one mark per event in the folded lane
        points = points[(points["lane"] != other) | ~points.duplicated(["event_id", "lane"])]
    # Busiest lane on top: categories are listed bottom-up on a y axis; the folded lane and
    # the events naming no actor at the bottom.
    counts = points["lane"].value_counts()
    lane_order = sorted(counts.index, key=lambda lane: (lane not in (NO_ACTOR, other), counts[lane], lane))
    fig = go.Figure()
    interval = is_interval(points)
    marker_trace = go.Scattergl if int((~interval).sum()) > WEBGL_ABOVE else go.Scatter
    for event_type, group in sorted(points.groupby("event_type"), key=lambda kv: (-len(kv[1]), kv[0])):
        color = type_colour(event_type)
        hover = _timeline_hover()
        points_only, bars = group[~interval.loc[group.index]], group[interval.loc[group.index]]
        # Filled points, then hollow ones, each one trace with one symbol (Plotly checks a
        # list of symbols and colours point by point); the legend shows the type once,
        # filled when any of its events is asserted.
        for hollow in (False, True):
            some = points_only[points_only["hollow"] == hollow]
            if some.empty:
                continue
            fig.add_trace(marker_trace(
                x=some["date_start"], y=some["lane"], mode="markers", name=str(event_type),
                legendgroup=str(event_type), showlegend=not hollow or not (~points_only["hollow"]).any(),
                marker=dict(size=some["documents"].map(source_size).to_numpy(), color=color, opacity=0.85,
                            symbol="circle-open" if hollow else "circle",
                            line=dict(width=2 if hollow else 1, color=color if hollow else "white")),
                customdata=_customdata(some), hovertemplate=hover,
            ))
        if len(bars):
            # A week or a month is drawn over its whole interval: a vague date looks vague.
            start = pd.to_datetime(bars["date_start"])
            end = pd.to_datetime(bars["date_end"]) + pd.Timedelta(days=1)
            hollow = bars["hollow"].tolist()
            fig.add_trace(go.Bar(
                base=start.dt.strftime("%Y-%m-%d").tolist(), x=((end - start).dt.total_seconds() * 1000).tolist(),
                y=bars["lane"], orientation="h", name=str(event_type), legendgroup=str(event_type),
                showlegend=not len(points_only),
                width=[round(min(0.85, BAR_WIDTH * source_size(n) / MARKER_MIN), 3) for n in bars["documents"]],
                marker=dict(color=[_rgba(color, 0.0 if h else 0.45) for h in hollow],
                            line=dict(width=[2 if h else 1 for h in hollow], color=color)),
                customdata=_customdata(bars), hovertemplate=hover,
            ))
    fig.update_yaxes(categoryorder="array", categoryarray=lane_order, title=None, automargin=True)
    last = pd.concat([pd.to_datetime(points["date_start"]), pd.to_datetime(points["date_end"])]).max()
    # A range slider draws every marker a second time: measured in headless Chromium on
    # the real corpus's Russia lane (1,800 markers), 0.42 s to draw with it, 0.21 s without.
    # Past RANGESLIDER_POINTS, dragging across the plot zooms in time, as on the counts chart.
    slider = len(points) <= RANGESLIDER_POINTS
    fig.update_xaxes(type="date", rangeslider=dict(visible=slider, thickness=0.08), title=None,
                     **date_axis(points["date_start"], window=(pd.to_datetime(points["date_start"]).min(), last)))
    fig.update_layout(
        title=title, hovermode="closest", barmode="overlay",
        legend=dict(title="event type", orientation="h", y=1.02, yanchor="bottom", itemsizing="constant"),
        height=timeline_height(len(lane_order)), margin=dict(l=10, r=10, t=40, b=10),
        hoverlabel=dict(align="left"),
    )
    return fig


POINTS_MAX = LIMITS.timeline_points   # beyond this many timeline points, the chart shows counts per day or week
WEEKLY_AFTER_DAYS = 120   # counts per week when the shown dates span more than this, else per day


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
    same columns as `core.db.Store.event_counts`, which does it in SQL (on event time)."""
    points = timeline_points(events, lane=lane, clock=clock)
    columns = ["bucket_start", "lane", "event_type", "events"]
    if points.empty:
        return pd.DataFrame(columns=columns)
    start = pd.to_datetime(points["date_start"])
    if bucket == "week":
        start = start - pd.to_timedelta(start.dt.day_of_week, unit="D")     # ISO weeks start on Monday
    counted = points.assign(bucket_start=start.dt.date).groupby(["bucket_start", "lane", "event_type"]).size()
    return counted.rename("events").reset_index()[columns]


def timeline_counts_figure(counts: pd.DataFrame, *, bucket: str = "day", title: str | None = None,
                           window: tuple[object, object] | None = None) -> go.Figure:
    """Events counted per day (or week), lane by lane: a readable timeline of
    100,000 events. Marker area is proportional to the count; colour is the
    most frequent event type of the cell (its fixed colour); hover gives the
    count by type. SVG markers up to `WEBGL_ABOVE` cells, WebGL beyond. The axis
    spans `window` when given: an event that overlaps it but starts long before
    (an ongoing state) is counted at its start, off the axis, not on a stretched one."""
    if counts.empty:
        return empty_figure("No dated events to show.")
    counts, other = fold_quiet_lanes(counts, counts.groupby("lane")["events"].sum())
    cells = counts.groupby(["bucket_start", "lane", "event_type"], as_index=False)["events"].sum()
    cells = cells.sort_values(["events", "event_type"], ascending=[False, True], kind="stable")
    keys = ["bucket_start", "lane"]
    labelled = cells.assign(line=cells["event_type"].astype(str) + ": " + cells["events"].map("{:,}".format))
    table = cells.drop_duplicates(keys).set_index(keys)[["event_type"]]       # the most frequent type
    table["events"] = cells.groupby(keys)["events"].sum()
    table["breakdown"] = labelled.groupby(keys)["line"].agg("<br>".join)
    table = table.reset_index()
    types = list(cells.groupby("event_type")["events"].sum().sort_values(ascending=False).index)
    biggest = max(1, int(table["events"].max()))
    lane_totals = table.groupby("lane")["events"].sum()
    lane_order = sorted(lane_totals.index, key=lambda name: (name != other, lane_totals[name], name))
    period = "week of " if bucket == "week" else ""
    fig = go.Figure()
    marker_trace = go.Scattergl if len(table) > WEBGL_ABOVE else go.Scatter
    for event_type in types:
        group = table[table["event_type"] == event_type]
        if group.empty:
            continue
        fig.add_trace(marker_trace(
            x=pd.to_datetime(group["bucket_start"]), y=group["lane"], mode="markers", name=str(event_type),
            marker=dict(size=(6 + 24 * (group["events"] / biggest) ** 0.5).round(1).tolist(),
                        color=type_colour(event_type), opacity=0.75),
            customdata=list(zip(group["events"], group["breakdown"])),
            hovertemplate=("<b>%{y}</b>, " + period + "%{x|%d %b %Y}<br>%{customdata[0]:,} events"
                           "<br>%{customdata[1]}<extra>most: " + _escape(str(event_type)) + "</extra>"),
        ))
    fig.update_yaxes(categoryorder="array", categoryarray=lane_order, title=None, automargin=True)
    # No range slider: it draws every marker a second time (0.42 s instead of 0.20 s
    # for 2,456 SVG markers). Dragging across the plot zooms in time.
    fig.update_xaxes(type="date", title=None, **(date_axis(pd.Series(dtype="datetime64[ns]"), window=window)
                                                  if window is not None else {}))
    fig.update_layout(
        title=title, hovermode="closest",
        legend=dict(title="most frequent type", orientation="h", y=1.02, yanchor="bottom"),
        height=timeline_height(len(lane_order)), margin=dict(l=10, r=10, t=40, b=10),
        hoverlabel=dict(align="left"),
    )
    return fig


def is_interval(points: pd.DataFrame) -> pd.Series:
    """Points whose date is a stretch of days (a week, a month), not one day."""
    start = pd.to_datetime(points["date_start"], errors="coerce")
    end = pd.to_datetime(points["date_end"], errors="coerce")
    return (end.notna() & (end > start)).reindex(points.index, fill_value=False)


def _timeline_hover() -> str:
    """Hover of a timeline point: label, type and modality, event time and how it
    was resolved, report time, who reports it, the sentence, the participants."""
    at = {name: f"%{{customdata[{i}]}}" for i, name in enumerate(TIMELINE_CUSTOMDATA)}
    return (
        f"<b>{at['label']}</b><br>"
        f"{at['event_type']} · {at['modality']}<br>"
        f"event time: {at['resolution']}<br>"
        f"first reported: {at['reported']}<br>"
        f"{at['reporting']}<br><br>{at['hover_sentence']}<br><br>"
        f"participants: {at['actors']}<extra>%{{y}}</extra>"
    )


def focus_window(dates: pd.Series, *, min_reach: pd.Timedelta = pd.Timedelta(days=90)) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The dates a claims chart opens on: every date within reach of the median date
    (three interquartile ranges, at least `min_reach`), so that one historical
    reference ("Munich in 1938") does not squash the crisis into one column.
    The timeline does not use it: it draws only its window (`timeline_window`)."""
    ordered = pd.to_datetime(dates).dropna().sort_values()
    median = ordered.quantile(0.5)
    reach = max(min_reach, 3 * (ordered.quantile(0.75) - ordered.quantile(0.25)))
    kept = ordered[(ordered - median).abs() <= reach]
    return pd.Timestamp(kept.min()), pd.Timestamp(kept.max())


def date_axis(dates: pd.Series, *, window: tuple[object, object] | None = None) -> dict:
    """X-axis settings for day-resolution dates: a padded range on `window` (by
    default the busy window of `dates`), whole-day ticks on short spans."""
    first, last = (pd.Timestamp(window[0]), pd.Timestamp(window[1])) if window else focus_window(dates)
    span = last - first
    pad = max(pd.Timedelta(days=1), span * 0.04)
    settings: dict = {"range": [(first - pad).isoformat(), (last + pad).isoformat()]}
    if span <= pd.Timedelta(days=14):
        settings.update(dtick=DAY_MS, tickformat="%a %d %b<br>%Y")  # never hours: dates are days
    else:
        settings.update(tickformatstops=[
            dict(dtickrange=[None, 7 * DAY_MS], value="%d %b<br>%Y"),
            dict(dtickrange=[7 * DAY_MS, None], value="%b %Y"),
        ])
    return settings


def geo_window(lat: pd.Series, lon: pd.Series, *, aspect: float = MAP_ASPECT, min_span: float = 14.0) -> dict:
    """Mercator ranges around the points: padded so neighbouring countries give
    context, and widened to the chart's aspect ratio so the map fills it."""
    lat_low, lat_high = float(lat.min()), float(lat.max())
    lon_low, lon_high = float(lon.min()), float(lon.max())
    lat_span = max(min_span, (lat_high - lat_low) * 1.4)
    mid_lat = (lat_low + lat_high) / 2
    # On a Mercator map a degree of latitude is 1/cos(latitude) as tall as a degree of longitude is wide.
    stretch = max(math.cos(math.radians(mid_lat)), 0.2)
    lon_span = min(360.0, max((lon_high - lon_low) * 1.4, lat_span * aspect / stretch))
    mid_lon = (lon_low + lon_high) / 2
    lat_range = [max(-85.0, mid_lat - lat_span / 2), min(85.0, mid_lat + lat_span / 2)]
    # Points far apart east-west: make the window as tall as the aspect asks
    # (measured in Mercator y), or the map is a thin strip in a tall chart.
    y_low, y_high = _mercator_y(lat_range[0]), _mercator_y(lat_range[1])
    y_span = math.radians(lon_span) / aspect
    if y_high - y_low < y_span:
        y_low = (y_low + y_high) / 2 - y_span / 2
        y_low = min(max(y_low, _mercator_y(-80.0)), _mercator_y(80.0) - y_span)
        lat_range = [max(-85.0, _mercator_lat(y_low)), min(85.0, _mercator_lat(y_low + y_span))]
    return {
        "lataxis_range": lat_range,
        "lonaxis_range": [max(-180.0, mid_lon - lon_span / 2), min(180.0, mid_lon + lon_span / 2)],
    }


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _mercator_lat(y: float) -> float:
    return math.degrees(math.atan(math.sinh(y)))


def _marker_sizes(mentions: Iterable[object], *, smallest: float = 8, largest: float = 40) -> list[float]:
    """Marker diameters with area proportional to mentions."""
    values = [float(m) if m is not None and not pd.isna(m) else 1.0 for m in mentions]
    top = max(values, default=1.0) or 1.0
    return [max(smallest, largest * math.sqrt(max(v, 0.0) / top)) for v in values]


def _iso3(country: object) -> str | None:
    """ISO-3 code of a country given by name or code ("Russia", "RU"), or None."""
    if not isinstance(country, str) or not country.strip():
        return None
    name = country_for(country)
    return countries()[name].iso3 if name in countries() else None


def country_mentions(places: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """The countries involved, one row each, with what the map shades them by.

    `place_mentions` sums the mentions of every place in the country (the
    country itself included, when it is named as a place); `actor_mentions`
    sums the mentions of the actors from it; `mentions` is both. Countries
    that cannot be resolved to an ISO-3 code are left out.
    """
    columns = ["iso3", "country", "place_mentions", "actor_mentions", "mentions"]
    rows: dict[str, dict] = {}

    def add(country: object, mentions: object, column: str) -> None:
        iso3 = _iso3(country)
        if iso3 is None:
            return
        row = rows.setdefault(iso3, {"iso3": iso3, "country": country_for(str(country)),
                                     "place_mentions": 0, "actor_mentions": 0})
        row[column] += 0 if mentions is None or pd.isna(mentions) else int(mentions)

    for place in places.itertuples(index=False):
        add(place.place if place.kind == "country" and _iso3(place.place) else place.country,
            place.mentions, "place_mentions")
    if actors is not None:
        for actor in actors.itertuples(index=False):
            add(actor.country, actor.mentions, "actor_mentions")
    table = pd.DataFrame(list(rows.values()), columns=columns[:-1])
    table["mentions"] = table["place_mentions"] + table["actor_mentions"]
    return table.sort_values(["mentions", "country"], ascending=[False, True], ignore_index=True)[columns]


def _empty_map(message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font=dict(size=15), bgcolor="rgba(255,255,255,0.85)")
    return fig


def places_map(places: pd.DataFrame, *, actors: pd.DataFrame | None = None, title: str | None = None) -> go.Figure:
    """Geocoded places on a world map, sized by mentions, over the countries
    involved shaded by mentions (see `country_mentions`); the view fits the points.

    With nothing to draw, a bare world map carrying a message.
    """
    located = places[places["lat"].notna() & places["lon"].notna()] if len(places) else places
    shaded = country_mentions(places, actors)
    if located.empty and shaded.empty:
        fig = _empty_map("No geocoded places to show.")
    else:
        fig = go.Figure()
    if not shaded.empty:
        fig.add_trace(go.Choropleth(
            locations=shaded["iso3"], locationmode="ISO-3", z=shaded["mentions"], zmin=0,
            text=shaded["country"], name="countries", colorscale=MAP_COLORSCALE,
            marker=dict(line=dict(width=0.6, color="#ffffff")),
            colorbar=dict(title=dict(text="mentions", side="top"), thickness=12, len=0.4, x=0.01,
                          xanchor="left", y=0.04, yanchor="bottom", bgcolor="rgba(255,255,255,0.75)"),
            customdata=list(zip(shaded["place_mentions"], shaded["actor_mentions"])),
            hovertemplate="<b>%{text}</b><br>%{z} mentions<br>places there: %{customdata[0]}"
                          " · actors from there: %{customdata[1]}<extra></extra>",
        ))
    if not located.empty:
        located = located.sort_values("mentions", ascending=False, na_position="last")
        customdata = list(zip(
            located["country"].fillna("").astype(str), located["kind"].fillna("").astype(str),
            located["mentions"].fillna(0).astype(int),
        ))
        fig.add_trace(go.Scattergeo(
            lat=located["lat"].astype(float), lon=located["lon"].astype(float), name="places",
            text=located["place"].astype(str), mode="markers",
            marker=dict(size=_marker_sizes(located["mentions"]), color=PLACE_COLOR, opacity=0.7,
                        line=dict(width=1, color="white")),
            customdata=customdata,
            hovertemplate="<b>%{text}</b><br>%{customdata[1]} · %{customdata[0]}<br>"
                          "mentions: %{customdata[2]}<extra></extra>",
        ))
        window = geo_window(located["lat"].astype(float), located["lon"].astype(float))
    else:
        window = {"lataxis_range": [-58.0, 84.0], "lonaxis_range": [-180.0, 180.0]}
    fig.update_geos(
        scope="world", resolution=50, projection_type="mercator", **window,
        showcountries=True, countrycolor="#9aa5b1", showland=True, landcolor="#f3f1ea",
        showocean=True, oceancolor="#e8f0f6", showlakes=False, showframe=False,
    )
    fig.update_layout(title=title, height=MAP_HEIGHT, showlegend=False,
                      margin=dict(l=0, r=0, t=30 if title else 0, b=0))
    return fig


# --- actor network ------------------------------------------------------------

@dataclass(frozen=True)
class ActorGraph:
    """What the actor network draws: `nodes` (one row per actor, with x, y and
    `selected`), `edges` (source, target, weight) and how many actors there
    were to choose from (`total`), so a caller can say when some were left out."""

    nodes: pd.DataFrame
    edges: pd.DataFrame
    total: int

    @property
    def truncated(self) -> bool:
        return len(self.nodes) < self.total


NODE_COLUMNS = ["actor", "kind", "country", "role", "mentions", "x", "y", "selected", "degree"]
EDGE_COLUMNS = ["source", "target", "weight"]


def co_mentions(events: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors named in the same sentence (event): `source` < `target`,
    `weight` = the number of sentences naming both. Sorted by weight, then names."""
    counts: dict[tuple[str, str], int] = {}
    for cell in events["actors"] if len(events) else []:
        names = sorted(set(_as_list(cell)))
        for i, source in enumerate(names):
            for target in names[i + 1:]:
                counts[(source, target)] = counts.get((source, target), 0) + 1
    edges = pd.DataFrame([(s, t, w) for (s, t), w in counts.items()], columns=EDGE_COLUMNS)
    return edges.sort_values(["weight", "source", "target"], ascending=[False, True, True], ignore_index=True)


def network_layout(nodes: Iterable[str], edges: pd.DataFrame, *, seed: int = NETWORK_SEED) -> dict[str, tuple[float, float]]:
    """Spring layout with a fixed seed; heavier co-mention pulls closer (on a log scale).

    A hidden hub tied weakly to every node acts as gravity, so actors named
    with nobody else stay near the rest instead of being flung to the corners.
    """
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    names = list(graph.nodes)
    if len(names) <= 1:
        return {name: (0.0, 0.0) for name in names}
    for edge in edges.itertuples(index=False):
        graph.add_edge(edge.source, edge.target, pull=1.0 + 0.5 * math.log(edge.weight))
    hub = object()
    graph.add_edges_from(((hub, name) for name in names), pull=_GRAVITY)
    k = 2.8 / math.sqrt(len(names))
    positions = nx.spring_layout(graph, seed=seed, weight="pull", k=k, iterations=300)
    return {name: (round(float(positions[name][0]), 6), round(float(positions[name][1]), 6)) for name in names}


def actor_graph(actors: pd.DataFrame, events: pd.DataFrame, *, selected: Collection[str] = (),
                top: int = NETWORK_TOP, seed: int = NETWORK_SEED) -> ActorGraph:
    """The co-mention network of the actors table.

    With a selection, only the selected actors and their neighbours are kept.
    Then the `top` most mentioned actors are kept (selected ones always).
    """
    edges = co_mentions(events)
    known = actors.assign(mentions=pd.to_numeric(actors["mentions"], errors="coerce").fillna(0).astype(int))
    known = known.drop_duplicates("actor").sort_values(["mentions", "actor"], ascending=[False, True])
    wanted = set(selected) & set(known["actor"])
    if wanted:
        touching = edges[edges["source"].isin(wanted) | edges["target"].isin(wanted)]
        keep = wanted | set(touching["source"]) | set(touching["target"])
        known = known[known["actor"].isin(keep)]
    total = len(known)
    ranked = known.assign(_pinned=~known["actor"].isin(wanted)).sort_values(
        ["_pinned", "mentions", "actor"], ascending=[True, False, True], kind="stable")
    shown = known[known["actor"].isin(set(ranked["actor"].head(top)))]
    names = shown["actor"].astype(str).tolist()
    edges = edges[edges["source"].isin(names) & edges["target"].isin(names)].reset_index(drop=True)
    positions = network_layout(names, edges, seed=seed)
    degree = pd.concat([edges["source"], edges["target"]]).value_counts()
    nodes = pd.DataFrame({
        "actor": names,
        "kind": shown["kind"].fillna("").astype(str).tolist(),
        "country": shown["country"].fillna("").astype(str).tolist(),
        "role": shown["role"].fillna("").astype(str).tolist(),
        "mentions": shown["mentions"].tolist(),
        "x": [positions[n][0] for n in names],
        "y": [positions[n][1] for n in names],
        "selected": [n in wanted for n in names],
        "degree": [int(degree.get(n, 0)) for n in names],
    }, columns=NODE_COLUMNS)
    return ActorGraph(nodes=nodes, edges=edges, total=total)


def _edge_width(weight: int, top: int) -> float:
    return round(1.0 + 7.0 * math.sqrt(weight / max(top, 1)), 2)


def network_figure(graph: ActorGraph, *, title: str | None = None) -> go.Figure:
    """The actor network: edge width by co-mentions, marker area by mentions,
    colour by kind; selected actors ringed in black. Node traces come after the
    edge traces, one per kind, each point's `customdata[0]` being the actor."""
    nodes, edges = graph.nodes, graph.edges
    if nodes.empty:
        return empty_figure("No actors to show.")
    fig = go.Figure()
    where = dict(zip(nodes["actor"], zip(nodes["x"], nodes["y"])))
    picked = set(nodes.loc[nodes["selected"], "actor"])
    top = int(edges["weight"].max()) if not edges.empty else 1
    groups: dict[tuple[int, bool], list[tuple[str, str]]] = {}
    for edge in edges.itertuples(index=False):
        lit = bool(picked) and (edge.source in picked or edge.target in picked)
        groups.setdefault((int(edge.weight), lit), []).append((edge.source, edge.target))
    for (weight, lit), pairs in sorted(groups.items()):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for source, target in pairs:
            xs += [where[source][0], where[target][0], None]
            ys += [where[source][1], where[target][1], None]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False, name=f"{weight} sentence(s)",
            line=dict(width=_edge_width(weight, top), color=EDGE_HIGHLIGHT if lit else EDGE_COLOR),
            opacity=0.9 if lit or not picked else 0.6,
        ))
    sizes = dict(zip(nodes["actor"], _marker_sizes(nodes["mentions"], smallest=10, largest=46)))
    kinds = nodes["kind"].where(nodes["kind"] != "", "other")
    for kind in sorted(set(kinds), key=lambda k: (k not in KIND_COLORS, list(KIND_COLORS).index(k)
                                                  if k in KIND_COLORS else 0, k)):
        group = nodes[kinds == kind]
        fig.add_trace(go.Scatter(
            x=group["x"], y=group["y"], mode="markers+text", name=kind,
            text=group["actor"], textposition="top center",
            textfont=dict(size=11, color="#1c2833"),
            marker=dict(size=[sizes[a] for a in group["actor"]], color=KIND_COLORS.get(kind, OTHER_KIND_COLOR),
                        opacity=0.88,
                        line=dict(width=[3 if s else 1 for s in group["selected"]],
                                  color=["#000000" if s else "#ffffff" for s in group["selected"]])),
            customdata=list(zip(group["actor"], group["kind"].replace("", "—"), group["country"].replace("", "—"),
                                group["role"].replace("", "—"), group["mentions"], group["degree"])),
            hovertemplate="<b>%{customdata[0]}</b><br>kind: %{customdata[1]}<br>country: %{customdata[2]}"
                          "<br>role: %{customdata[3]}<br>mentions: %{customdata[4]}"
                          "<br>named in a sentence with %{customdata[5]} other actor(s)"
                          "<br><i>click to filter every page to this actor</i><extra></extra>",
        ))
    fig.update_xaxes(visible=False, range=_padded(nodes["x"]))
    fig.update_yaxes(visible=False, range=_padded(nodes["y"], top=0.12))
    fig.update_layout(
        title=title, height=NETWORK_HEIGHT, hovermode="closest", plot_bgcolor="#ffffff", dragmode="pan",
        legend=dict(title="kind", orientation="h", y=1.0, yanchor="bottom", x=0, itemsizing="constant"),
        margin=dict(l=10, r=10, t=40 if title else 30, b=10), hoverlabel=dict(align="left"),
    )
    return fig


def _padded(values: pd.Series, *, top: float = 0.08) -> list[float]:
    """Axis range around the nodes, with room for markers and, above, their labels."""
    low, high = float(values.min()), float(values.max())
    span = max(high - low, 0.5)
    return [low - 0.08 * span, high + top * span]


def claims_figure(claims: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Claimed figures over time, one series per claimant, ranges as error bars."""
    dated = claims[claims["date"].notna() & claims["value"].notna()] if len(claims) else claims
    if dated.empty:
        return empty_figure("No dated figures to show.")
    dated = dated.assign(claimant=dated["claimant"].where(dated["claimant"].notna() & (dated["claimant"] != ""),
                                                          UNATTRIBUTED))
    fig = go.Figure()
    series = sorted(dated.groupby("claimant"), key=lambda kv: (-len(kv[1]), kv[0]))
    for position, (claimant, group) in enumerate(series):
        group = group.sort_values("date")
        value = group["value"].astype(float)
        high = pd.to_numeric(group["high"], errors="coerce")
        low = pd.to_numeric(group["low"], errors="coerce")
        plus = (high - value).where(high.notna(), 0.0).clip(lower=0)
        minus = (value - low).where(low.notna(), 0.0).clip(lower=0)
        customdata = list(zip(
            group["unit"].fillna("").astype(str), group["side"].fillna("—").astype(str),
            group["category"].fillna("").astype(str), group["sentence"].map(wrap_hover),
            [_range_text(lo, hi) for lo, hi in zip(low, high)],
            group.get("article", group["article_id"]).fillna("").astype(str).map(wrap_hover),
        ))
        has_range = bool((plus > 0).any() or (minus > 0).any())
        fig.add_trace(go.Scatter(
            x=group["date"] + MIDDAY + dodge(position, len(series)), y=value, mode="markers+lines", name=str(claimant),
            line=dict(width=1, dash="dot"), marker=dict(size=10),
            error_y=dict(type="data", symmetric=False, array=plus.tolist(), arrayminus=minus.tolist(),
                         visible=has_range, thickness=1.5, width=6),
            customdata=customdata,
            hovertemplate=(
                "<b>" + str(claimant).replace("<", "&lt;") + "</b> · %{x|%Y-%m-%d}<br>"
                "%{y:,.0f} %{customdata[0]}%{customdata[4]}<br>side: %{customdata[1]} · %{customdata[2]}"
                "<br><br>%{customdata[3]}<br><br><i>%{customdata[5]}</i><extra></extra>"
            ),
        ))
    # Day labels centred on their day, where the points sit.
    fig.update_xaxes(type="date", title=None, ticklabelmode="period", **date_axis(dated["date"]))
    fig.update_yaxes(title="claimed figure", rangemode="tozero", separatethousands=True)
    fig.update_layout(title=title, height=460, hovermode="closest", legend=dict(title="claimant"),
                      margin=dict(l=10, r=10, t=40 if title else 10, b=10), hoverlabel=dict(align="left"))
    return fig


# The ledger chart (core/ledger.py): one panel per (side, category, unit class), a trace per claimant.
LEDGER_PANELS_MAX = 6        # panels drawn; the rest of the series are in the table (the filters narrow them)
LEDGER_PANEL_HEIGHT = 220    # pixels per panel
CONTESTED_SYMBOL = "diamond"  # a contested claim's marker, outlined in CONTESTED_LINE
CONTESTED_LINE = "#7a0019"
CONTESTED_LEGEND = "contested (◆ outlined)"
LEDGER_SERIES = ("side", "category", "unit_class")
# customdata of every ledger point, in order
LEDGER_CUSTOMDATA = ("ledger_id", "unit_class", "side", "category", "range", "sources", "contested_by", "sentence")
_CLAIMANT_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
                     "#17becf", "#d62728")


def _plotted_ledger(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger rows a chart can place: a figure and a date."""
    if ledger.empty:
        return ledger
    return ledger[ledger["first_date"].notna() & ledger["value"].notna()]


def ledger_series(ledger: pd.DataFrame) -> list[tuple[str, str, str]]:
    """The (side, category, unit class) series of the ledger's dated figures:
    those with a contested claim first, then the fullest, then by name."""
    dated = _plotted_ledger(ledger)
    if dated.empty:
        return []
    stats = dated.groupby(list(LEDGER_SERIES), dropna=False).agg(contested=("contested", "any"),
                                                                  rows=("ledger_id", "size"))
    return sorted((tuple(str(part) for part in key) for key in stats.index),
                  key=lambda key: (not bool(stats.loc[key, "contested"]), -int(stats.loc[key, "rows"]), key))


def series_label(series: tuple[str, str, str]) -> str:
    """ "Russia · killed · personnel" """
    side, category, unit = series
    return " · ".join([side or "side unknown", category.replace("_", " ") or "no category", unit or "no unit"])


def ledger_figure(ledger: pd.DataFrame, *, panels: int = LEDGER_PANELS_MAX) -> go.Figure:
    """The ledger over time: one panel per (side, category, unit class) series, every
    claimant's figures on its axis (one colour per claimant in every panel), ranges as
    error bars, a contested claim drawn as an outlined diamond. At most `panels`
    series, those with a contested claim first (`ledger_series`)."""
    from plotly.subplots import make_subplots

    dated = _plotted_ledger(ledger)
    series = ledger_series(ledger)[:panels]
    if not series:
        return empty_figure("No dated figures to show.")
    dated = dated.assign(claimant=dated["claimant"].where(dated["claimant"].fillna("") != "", UNATTRIBUTED))
    counts = dated["claimant"].value_counts()
    order = sorted(counts.index, key=lambda name: (-counts[name], name))
    colours = {name: _CLAIMANT_COLOURS[i % len(_CLAIMANT_COLOURS)] for i, name in enumerate(order)}
    fig = make_subplots(rows=len(series), cols=1, shared_xaxes=True,
                        subplot_titles=[_escape(series_label(key)) for key in series],
                        vertical_spacing=min(0.08, 0.35 / len(series)))
    keys = dated[list(LEDGER_SERIES)].astype(str).apply(tuple, axis=1)
    in_legend: set[str] = set()
    for row, key in enumerate(series, start=1):
        panel = dated[keys == key]
        names = [name for name in order if name in set(panel["claimant"])]
        for position, claimant in enumerate(names):
            group = panel[panel["claimant"] == claimant].sort_values("first_date")
            fig.add_trace(_ledger_trace(group, claimant, colours[claimant], dodge(position, len(names)),
                                        legend=claimant not in in_legend), row=row, col=1)
            in_legend.add(claimant)
    if dated["contested"].any():
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=CONTESTED_LEGEND, hoverinfo="skip",
                                 marker=dict(symbol=CONTESTED_SYMBOL, size=13, color="rgba(0,0,0,0)",
                                             line=dict(color=CONTESTED_LINE, width=2.5))), row=1, col=1)
    fig.update_xaxes(type="date", title=None, ticklabelmode="period", **date_axis(dated["first_date"]))
    fig.update_yaxes(rangemode="tozero", separatethousands=True)
    fig.update_layout(height=LEDGER_PANEL_HEIGHT * len(series) + 60, hovermode="closest",
                      legend=dict(title="claimant"), margin=dict(l=10, r=10, t=30, b=10),
                      hoverlabel=dict(align="left"))
    return fig


def _ledger_trace(group: pd.DataFrame, claimant: str, colour: str, offset: pd.Timedelta, *,
                  legend: bool) -> go.Scatter:
    value = group["value"].astype(float)
    high = pd.to_numeric(group["high"], errors="coerce")
    low = pd.to_numeric(group["low"], errors="coerce")
    plus = (high - value).where(high.notna(), 0.0).clip(lower=0)
    minus = (value - low).where(low.notna(), 0.0).clip(lower=0)
    contested = group["contested"].astype(bool).tolist()
    sources = [f"{n} source{'s' if n != 1 else ''}" for n in group["n_sources"].fillna(1).astype(int)]
    sentence = group["sentence"] if "sentence" in group else pd.Series("", index=group.index)
    customdata = list(zip(
        group["ledger_id"].astype(str), group["unit_class"].fillna("").astype(str),
        group["side"].fillna("").astype(str), group["category"].fillna("").astype(str).str.replace("_", " "),
        [_range_text(lo, hi) for lo, hi in zip(low, high)], sources,
        ["<br><b>contested by</b> " + "<br>".join(_escape(str(o)) for o in others) if len(others) else ""
         for others in group["contested_by"]],
        sentence.map(wrap_hover),
    ))
    return go.Scatter(
        x=group["first_date"] + MIDDAY + offset, y=value, mode="markers+lines", name=str(claimant),
        legendgroup=str(claimant), showlegend=legend, line=dict(width=1, dash="dot", color=colour),
        marker=dict(color=colour, size=[13 if c else 9 for c in contested],
                    symbol=[CONTESTED_SYMBOL if c else "circle" for c in contested],
                    line=dict(color=[CONTESTED_LINE if c else colour for c in contested],
                              width=[2.5 if c else 0 for c in contested])),
        error_y=dict(type="data", symmetric=False, array=plus.tolist(), arrayminus=minus.tolist(),
                     visible=bool((plus > 0).any() or (minus > 0).any()), thickness=1.5, width=6),
        customdata=customdata,
        hovertemplate=(
            "<b>" + _escape(str(claimant)) + "</b> · %{x|%Y-%m-%d}<br>"
            "%{y:,.0f} %{customdata[1]}%{customdata[4]}<br>side: %{customdata[2]} · %{customdata[3]}"
            " · %{customdata[5]}%{customdata[6]}<br><br>%{customdata[7]}<extra></extra>"
        ),
    )


MIDDAY = pd.Timedelta(hours=12)  # a day-precise date is drawn mid-day, inside its day


def dodge(position: int, count: int) -> pd.Timedelta:
    """A within-day offset for series `position` of `count`, so that claimants who
    gave the same figure on the same day stay visible side by side. Dates are
    day-precise, so the offset never moves a point off its day (at most ±10 hours)."""
    if count <= 1:
        return pd.Timedelta(0)
    step = min(pd.Timedelta(hours=4), pd.Timedelta(hours=20) / (count - 1))
    return step * (position - (count - 1) / 2)


def _range_text(low: float, high: float) -> str:
    if pd.isna(low) and pd.isna(high):
        return ""
    lo = "…" if pd.isna(low) else f"{low:,.0f}"
    hi = "…" if pd.isna(high) else f"{high:,.0f}"
    return f" (range {lo}–{hi})"
