"""The timeline of counts: events counted per day or week, lane by lane, one
marker per cell, drawn when the events' points would be more than
`points.POINTS_MAX` (the counts come from the store, or `points.event_counts`)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui.figures.common import WEBGL_ABOVE, date_axis, empty_figure, escape, type_colour
from ui.figures.points import fold_quiet_lanes
from ui.figures.timeline import timeline_height


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
                           "<br>%{customdata[1]}<extra>most: " + escape(str(event_type)) + "</extra>"),
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
