"""Plotly figures for the dashboard, built from the contract frames.

Pure functions: a frame in, a `go.Figure` out, no Streamlit. Every trace is
SVG (`go.Scatter`, `go.Scattergeo`), never WebGL, so a browser test can count
the drawn points. Hover text says where each point came from: the sentence,
the date as written and how it was resolved.
"""
from __future__ import annotations

import math
import textwrap
from typing import Iterable

import pandas as pd
import plotly.graph_objects as go

NO_ACTOR = "(no actor named)"
UNATTRIBUTED = "(unattributed)"
HOVER_WIDTH = 70          # characters per line of a wrapped hover sentence
HOVER_MAX_CHARS = 420     # longer sentences are cut, with an ellipsis
LANE_HEIGHT = 34          # pixels per timeline lane
LANES = ("actor", "event_type")
DAY_MS = 86_400_000       # plotly date axes count in milliseconds
MAP_HEIGHT = 520
MAP_ASPECT = 1.8          # width / height of the map as the Actors page shows it
_DATE_SOURCE_LABELS = {
    "explicit": "explicit date in the text",
    "publication": "resolved against the publication date",
}


def wrap_hover(text: object, *, width: int = HOVER_WIDTH, limit: int = HOVER_MAX_CHARS) -> str:
    """A sentence as hover text: HTML-escaped, cut to `limit`, wrapped with <br>."""
    if not isinstance(text, str) or not text.strip():
        return ""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<br>".join(textwrap.wrap(text, width=width)) or text


def _iso(value: object) -> str:
    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def resolution_text(date_start: object, date_end: object, date_source: object) -> str:
    """How a date was resolved, e.g. "2022-02-13 (resolved against the publication date)"."""
    start, end = _iso(date_start), _iso(date_end)
    if not start:
        return "unresolved"
    span = start if not end or end == start else f"{start} – {end}"
    label = _DATE_SOURCE_LABELS.get(date_source, str(date_source)) if isinstance(date_source, str) else ""
    return f"{span} ({label})" if label else span


def _as_list(value: object) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, str) and v]
    return []


def empty_figure(message: str) -> go.Figure:
    """A blank figure carrying `message`, for callers that must return a figure."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(height=240, margin=dict(l=10, r=10, t=10, b=10))
    return fig


def timeline_points(events: pd.DataFrame, *, lane: str = "actor") -> pd.DataFrame:
    """The points the timeline draws: one per (dated event, actor), or one per
    dated event when `lane` is "event_type".

    Events without a resolved start date are left out (the page lists them);
    events naming no actor go in the lane `NO_ACTOR`.
    """
    if lane not in LANES:
        raise ValueError(f"lane must be one of {LANES}, not {lane!r}")
    columns = ["lane", "date_start", "date_end", "event_type", "date_text", "resolution", "sentence",
               "article_id", "actors"]
    dated = events[events["date_start"].notna()] if len(events) else events
    rows = []
    for event in dated.itertuples(index=False):
        actors = _as_list(event.actors)
        event_type = event.event_type if isinstance(event.event_type, str) and event.event_type else "other"
        lanes = [event_type] if lane == "event_type" else actors or [NO_ACTOR]
        for name in lanes:
            rows.append({
                "lane": name,
                "date_start": event.date_start,
                "date_end": event.date_end,
                "event_type": event_type,
                "date_text": event.date_text if isinstance(event.date_text, str) else "",
                "resolution": resolution_text(event.date_start, event.date_end, event.date_source),
                "sentence": event.sentence,
                "article_id": event.article_id,
                "actors": ", ".join(actors) or NO_ACTOR,
            })
    return pd.DataFrame(rows, columns=columns)


def timeline_figure(events: pd.DataFrame, *, lane: str = "actor", title: str | None = None) -> go.Figure:
    """Dated events on a date axis, one lane per actor (or event type), one colour per event type."""
    points = timeline_points(events, lane=lane)
    if points.empty:
        return empty_figure("No dated events to show.")
    # Busiest lane on top: categories are listed bottom-up on a y axis.
    counts = points["lane"].value_counts()
    lane_order = sorted(counts.index, key=lambda lane: (lane != NO_ACTOR, counts[lane], lane))
    fig = go.Figure()
    for event_type, group in sorted(points.groupby("event_type"), key=lambda kv: -len(kv[1])):
        customdata = list(zip(
            group["date_text"], group["resolution"], group["sentence"].map(wrap_hover),
            group["actors"], group["article_id"].astype(str),
        ))
        fig.add_trace(go.Scatter(
            x=group["date_start"], y=group["lane"], mode="markers", name=str(event_type),
            marker=dict(size=11, opacity=0.8, line=dict(width=1, color="white")),
            customdata=customdata,
            hovertemplate=(
                "<b>%{y}</b> · " + str(event_type) + "<br>"
                "date as written: <i>%{customdata[0]}</i><br>"
                "resolved: %{customdata[1]}<br><br>%{customdata[2]}<br><br>"
                "actors: %{customdata[3]}<br>article: %{customdata[4]}<extra></extra>"
            ),
        ))
    fig.update_yaxes(categoryorder="array", categoryarray=lane_order, title=None, automargin=True)
    fig.update_xaxes(type="date", rangeslider=dict(visible=True, thickness=0.08), title=None,
                     **date_axis(points["date_start"]))
    fig.update_layout(
        title=title, hovermode="closest", legend=dict(title="event type", orientation="h", y=1.02, yanchor="bottom"),
        height=max(320, 160 + LANE_HEIGHT * len(lane_order)), margin=dict(l=10, r=10, t=40, b=10),
        hoverlabel=dict(align="left"),
    )
    return fig


def focus_window(dates: pd.Series, *, min_reach: pd.Timedelta = pd.Timedelta(days=90)) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The dates the view opens on: every event within reach of the median date
    (three interquartile ranges, at least `min_reach`), so that one historical
    reference ("Munich in 1938") does not squash the crisis into one column.
    The range slider still covers every event."""
    ordered = pd.to_datetime(dates).dropna().sort_values()
    median = ordered.quantile(0.5)
    reach = max(min_reach, 3 * (ordered.quantile(0.75) - ordered.quantile(0.25)))
    kept = ordered[(ordered - median).abs() <= reach]
    return pd.Timestamp(kept.min()), pd.Timestamp(kept.max())


def date_axis(dates: pd.Series) -> dict:
    """X-axis settings for day-resolution dates: padded range on the busy window, whole-day ticks on short spans."""
    first, last = focus_window(dates)
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
    lon_span = max((lon_high - lon_low) * 1.4, lat_span * aspect / max(math.cos(math.radians(mid_lat)), 0.2))
    mid_lon = (lon_low + lon_high) / 2
    return {
        "lataxis_range": [max(-85.0, mid_lat - lat_span / 2), min(85.0, mid_lat + lat_span / 2)],
        "lonaxis_range": [max(-180.0, mid_lon - lon_span / 2), min(180.0, mid_lon + lon_span / 2)],
    }


def _marker_sizes(mentions: Iterable[object], *, smallest: float = 8, largest: float = 40) -> list[float]:
    """Marker diameters with area proportional to mentions."""
    values = [float(m) if m is not None and not pd.isna(m) else 1.0 for m in mentions]
    top = max(values, default=1.0) or 1.0
    return [max(smallest, largest * math.sqrt(max(v, 0.0) / top)) for v in values]


def places_map(places: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Geocoded places on a world map, sized by mentions; the view fits the points."""
    located = places[places["lat"].notna() & places["lon"].notna()] if len(places) else places
    if located.empty:
        return empty_figure("No geocoded places to show.")
    located = located.sort_values("mentions", ascending=False, na_position="last")
    customdata = list(zip(
        located["country"].fillna("").astype(str), located["kind"].fillna("").astype(str),
        located["mentions"].fillna(0).astype(int),
    ))
    fig = go.Figure(go.Scattergeo(
        lat=located["lat"].astype(float), lon=located["lon"].astype(float),
        text=located["place"].astype(str), mode="markers",
        marker=dict(size=_marker_sizes(located["mentions"]), opacity=0.75, line=dict(width=1, color="white")),
        customdata=customdata,
        hovertemplate="<b>%{text}</b><br>%{customdata[1]} · %{customdata[0]}<br>"
                      "mentions: %{customdata[2]}<extra></extra>",
    ))
    fig.update_geos(
        scope="world", resolution=50, projection_type="mercator",
        **geo_window(located["lat"].astype(float), located["lon"].astype(float)),
        showcountries=True, countrycolor="#9aa5b1", showland=True, landcolor="#f3f1ea",
        showocean=True, oceancolor="#e8f0f6", showlakes=False, showframe=False,
    )
    fig.update_layout(title=title, height=MAP_HEIGHT, margin=dict(l=0, r=0, t=30 if title else 0, b=0))
    return fig


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
