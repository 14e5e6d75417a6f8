"""Timeline: dated events on one date axis, a lane per actor (or event type).

Click a point to open its detail panel: the sentence with its time
expression, actors, places and claims marked, the article it came from, and
the other events read from the same sentence.
"""
import streamlit as st

from core.figures import LANES, POINTS_MAX, TIMELINE_CUSTOMDATA, timeline_counts_figure, timeline_figure
from ui import data, detail, filters, widgets
from ui.selection import clicked_event_ids

CHART_KEY = "timeline_chart"
DETAIL_KEY = "timeline_detail_event"   # the event whose detail is open, kept across reruns

widgets.page_setup("Timeline")
st.title("Timeline")
banners = st.container()       # the corpus's warnings, above the chart though written after it
lane = st.radio("Lanes", LANES, horizontal=True, key="timeline_lanes",
                format_func={"actor": "one per actor", "event_type": "one per event type"}.get)
# A blank chart at once, replaced by the timeline: the browser fetches and parses
# Plotly while the server reads the store.
chart_slot = widgets.chart_placeholder()
with banners:
    view = data.load_view(before_stop=chart_slot.empty)
    widgets.corpus_view_or_stop(view, before_stop=chart_slot.empty)
chosen = filters.sidebar_filters(view.options())
selected = list(chosen.actors)
if view.counts()["events"] == 0:
    chart_slot.empty()
    st.info("The extractor found no events in this corpus. Add articles that report dated events "
            "(the *Import* page takes your own files), then reload.", icon=":material/inbox:")
    st.stop()


def _open_detail() -> None:
    """A click on a point opens its panel; a click on empty space leaves the open one (it has a Close button)."""
    clicked = clicked_event_ids(st.session_state[CHART_KEY].selection.points,
                                position=TIMELINE_CUSTOMDATA.index("event_id"))
    if clicked:
        st.session_state[DETAIL_KEY] = clicked[0]


timeline = view.timeline(chosen, lane=lane)
events = timeline.events
if timeline.counts is not None:
    # Too many to draw one by one: counts per day or week, until the filters narrow the view.
    chart_slot.plotly_chart(timeline_counts_figure(timeline.counts, bucket=timeline.bucket),
                            key="timeline_counts", width="stretch", config={"displaylogo": False})
    st.caption(f"{timeline.points:,} points are too many to draw one by one, so each marker counts the events "
               f"of a {timeline.bucket} in a lane (hover for the count by type; drag across the chart to zoom in "
               f"time, double-click to zoom out). Narrow the dates or actors in the sidebar to "
               f"{POINTS_MAX:,} points or fewer to see, click and download individual events.")
    st.stop()
if events.empty:
    chart_slot.empty()
    widgets.nothing_matches("events", selected)
    st.stop()
dated = events["date_start"].notna()
if dated.any():
    chart_slot.plotly_chart(timeline_figure(events, lane=lane), key=CHART_KEY, width="stretch",
                            on_select=_open_detail, selection_mode="points", config={"displaylogo": False})
    st.caption("Click a point for its sentence and article. Hover for the date as written and how it was "
               "resolved. A bar is a vague date (a week, a month) drawn over its whole span. Drag the slider "
               "under the chart to zoom in time. An event naming several actors appears in each of their lanes.")
else:
    chart_slot.empty()
    st.info("None of these events has a resolved date, so there is nothing to place on the axis; "
            "they are listed below.", icon=":material/event_busy:")
if (~dated).any():
    st.caption(f"{int((~dated).sum())} event(s) with no resolved date are in the table but not on the chart.")

# --- detail panel -------------------------------------------------------------
if st.session_state.get(DETAIL_KEY):
    detail.show_event(view.event_frames(st.session_state[DETAIL_KEY]), st.session_state[DETAIL_KEY],
                      state_key=DETAIL_KEY)

st.subheader(f"Events ({len(events)})")
table = events[["date_start", "date_end", "date_text", "date_source", "event_type", "actors", "places",
                "sentence", "article_id"]].sort_values("date_start", na_position="last")
st.dataframe(
    table, hide_index=True, width="stretch", key="timeline_table",
    column_config={
        "date_start": st.column_config.DateColumn("Start", format="YYYY-MM-DD"),
        "date_end": st.column_config.DateColumn("End", format="YYYY-MM-DD"),
        "date_text": "As written",
        "date_source": "Resolved from",
        "event_type": "Type",
        "actors": st.column_config.ListColumn("Actors"),
        "places": st.column_config.ListColumn("Places"),
        "sentence": st.column_config.TextColumn("Sentence", width="large"),
        "article_id": "Article",
    },
)
widgets.download_csv(table, file_name="events.csv", key="timeline_download")
