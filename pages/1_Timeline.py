"""Timeline: events (each occurrence once, with every document that reports it)
on one date axis, a lane per actor (or event type), on event time or report time.

Marker size is the number of documents reporting an event, colour its type,
hollow when it is planned, possible, a question or denied. The chart opens on the
densest span holding 90% of the events; the rest are listed under it. Click a
point to open its panel: every report grouped by side, and corrections.
"""
import streamlit as st

from core.query import LANES
from ui import detail, widgets
from ui import timeline as controls
from ui.figures.counts import timeline_counts_figure
from ui.figures.points import POINTS_MAX, clock_dates
from ui.figures.timeline import TIMELINE_CUSTOMDATA, timeline_figure
from ui.page import open_corpus, page
from ui.selection import clicked_event_ids, events_table, mentions_table

CHART_KEY = "timeline_chart"
DETAIL_KEY = detail.DETAIL_KEY          # the event whose detail is open, kept across reruns


page("Timeline", corpus=False)
banners = st.container()       # the corpus's warnings, above the chart though written after it
lane_column, clock_column, span_column = st.columns([2, 2, 2], vertical_alignment="bottom")
lane = lane_column.radio("Lanes", LANES, horizontal=True, key="timeline_lanes",
                         format_func={"actor": "one per actor", "event_type": "one per event type"}.get)
clock = controls.clock_switch(clock_column)
whole_span = span_column.toggle("Every date", key="timeline_whole_span",
                                help="Draw every event, however far from the rest (a 1938 reference "
                                     "among 2022 events squashes the crisis into one column).")
# A blank chart at once, replaced by the timeline: the browser fetches and parses
# Plotly while the server reads the store.
chart_slot = widgets.chart_placeholder()
with banners:    # (the sidebar filters it draws go to the sidebar all the same)
    view, chosen, selected = open_corpus(before_stop=chart_slot.empty)
controls.mirror_clock(clock)
if view.counts()["events"] == 0:
    chart_slot.empty()
    st.info("The extractor found no events in this corpus. Add articles that report dated events "
            "(the *Import* page takes your own files), then reload.")
    st.stop()


def _open_detail() -> None:
    """A click on a point opens its panel; a click on empty space leaves the open one (it has a Close button)."""
    clicked = clicked_event_ids(st.session_state[CHART_KEY].selection.points,
                                position=TIMELINE_CUSTOMDATA.index("event_id"))
    if clicked:
        st.session_state[DETAIL_KEY] = clicked[0]


# Built once per view and choice, for every session (ui.memo): a redraw another session
# has drawn already costs nothing.
shown = (chosen, lane, clock, whole_span)
timeline = view.memo.get(("timeline", *shown),
                         lambda: view.timeline(chosen, lane=lane, clock=clock, whole_span=whole_span))
events = timeline.events
on_clock = "report time (first report)" if clock == "report" else "event time"
if timeline.counts is not None:
    # Too many to draw one by one: counts per day or week, until the filters narrow the view.
    chart_slot.plotly_chart(view.memo.get(("timeline counts figure", *shown),
                                          lambda: timeline_counts_figure(timeline.counts, bucket=timeline.bucket,
                                                                         window=timeline.window)),
                            key="timeline_counts", width="stretch", config={"displaylogo": False})
    st.caption(f"{timeline.points:,} points are too many to draw one by one, so each marker counts the events "
               f"of a {timeline.bucket} in a lane (hover for the count by type; drag across the chart to zoom in "
               f"time, double-click to zoom out). Narrow the dates or actors in the sidebar to "
               f"{POINTS_MAX:,} points or fewer to see and click individual events.")
    controls.list_outside(timeline, clock)
    controls.download_filtered_events(view, chosen, clock)
    st.stop()
if events.empty:
    chart_slot.empty()
    widgets.nothing_matches("events", selected)
    controls.list_outside(timeline, clock)
    st.stop()
dated = clock_dates(events, clock)[0].notna()
if dated.any():
    chart = view.memo.get(("timeline figure", *shown), lambda: timeline_figure(events, lane=lane, clock=clock))
    chart_slot.plotly_chart(chart, key=CHART_KEY, width="stretch",
                            on_select=_open_detail, selection_mode="points", config={"displaylogo": False})
    window = (f" The chart opens on {timeline.window[0]:%d %b %Y} – {timeline.window[1]:%d %b %Y}, the shortest "
              "span holding 90% of the events." if timeline.window else "")
    st.caption(f"Each event once, on {on_clock}. **Size:** how many documents report it. **Colour:** its type "
               "(the same colour in every view). **Filled:** asserted; **hollow:** planned, possible, a question "
               "or denied. A bar is an event time of a week or more, drawn over its whole span. Click a point "
               "for every report of it, grouped by side; hover for its dates and how they were resolved. An event "
               f"with several participants appears in each of their lanes.{window}")
else:
    chart_slot.empty()
    st.info(f"None of these events has a date on {on_clock}, so there is nothing to place on the axis; "
            "they are listed below.")
if (~dated).any():
    st.caption(f"{int((~dated).sum())} event(s) with no resolved date are in the table but not on the chart.")
controls.list_outside(timeline, clock)

# --- detail panel (a dialog over the chart), else the last correction and its undo ---
if st.session_state.get(DETAIL_KEY):
    detail.show_event(view, st.session_state[DETAIL_KEY], events=events)
else:
    detail.correction_note(view, key="timeline_undo")

table = events_table(events, clock=clock)
st.subheader(f"Events ({len(table)})")
controls.events_table_view(table)
downloads = st.columns(2)
with downloads[0]:
    widgets.download_csv(table, file_name="events.csv", key="timeline_download", label="Download events CSV")
with downloads[1]:
    shown_ids = table["event_id"].astype(str).tolist()
    widgets.download_csv_later(lambda: mentions_table(view.mentions_of(shown_ids), shown_ids),
                               rows=int(table["n_mentions"].fillna(0).sum()), file_name="mentions.csv",
                               memo=view.memo, memo_key=shown,
                               key="timeline_download_mentions", label="Download mentions CSV")
st.caption(f"The events CSV holds the {len(table)} events above, one row each; the mentions CSV every report "
           "of them, each with its event's id.")
