"""The events timeline: one marker per event and lane on a date axis.

Marker size is the number of documents that report the event, colour its type
(each type's fixed colour, `core/data/event_types.csv`), hollow when it is not
asserted (planned, possible, a question, denied); a week or a month is a bar
over its whole span. It runs on one of two clocks (`points.CLOCKS`): event time
(`date_start`..`date_end`) or report time (`first_reported`).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.query import NO_ACTOR
from ui.figures.common import WEBGL_ABOVE, as_count, date_axis, empty_figure, type_colour
from ui.figures.points import fold_quiet_lanes, is_interval, timeline_points

RANGESLIDER_POINTS = 400  # a timeline of more markers has no range slider (it would draw them twice)
LANE_HEIGHT = 34          # pixels per timeline lane
TIMELINE_MIN_HEIGHT = 320  # pixels: a timeline of few lanes
BAR_WIDTH = 0.5           # height of a vague-date bar reported by one document, as a share of its lane
# Marker diameter in pixels for an event one document reports; it grows with the square
# root of the number of documents, up to MARKER_MAX.
MARKER_MIN, MARKER_MAX = 9.0, 34.0
# customdata columns of every timeline point, in order (the page reads event_id on a click;
# bench/concurrency.py reads the actors at 3 and the event id at 5)
TIMELINE_CUSTOMDATA = ("label", "event_type", "modality", "actors", "resolution", "event_id", "reported",
                       "reporting", "hover_sentence")


def source_size(documents: object) -> float:
    """Marker diameter for an event that `documents` documents report (area grows with them)."""
    n = max(1, as_count(documents))
    return round(min(MARKER_MAX, MARKER_MIN + 6.0 * math.sqrt(n - 1)), 1)


def _customdata(points: pd.DataFrame) -> np.ndarray:
    """The hover's and the click's fields of each point, as one object array: Plotly
    keeps a NumPy array as it is, where it would check a list of lists cell by cell
    (a tenth of the time for a Timeline of 2,000 points; the same JSON)."""
    return points[list(TIMELINE_CUSTOMDATA)].to_numpy(dtype=object)


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
