"""Timeline: dated events on one date axis, a lane per actor."""
import streamlit as st

from core.figures import LANES, timeline_figure
from ui import data, filters, widgets
from ui.selection import events_for_actors

widgets.page_setup("Timeline")
st.title("Timeline")
frames = widgets.corpus_frames_or_stop(data.load_corpus())
selected = filters.actor_filter(frames.actors)

events = events_for_actors(frames.events, selected)
if frames.events.empty:
    st.info("The extractor found no events in this corpus. Add articles that report dated events, then reload.",
            icon=":material/inbox:")
    st.stop()
if events.empty:
    widgets.nothing_matches("events", selected)
    st.stop()

lane = st.radio("Lanes", LANES, horizontal=True, key="timeline_lanes",
                format_func={"actor": "one per actor", "event_type": "one per event type"}.get)
dated = events["date_start"].notna()
if dated.any():
    st.plotly_chart(timeline_figure(events, lane=lane), key="timeline_chart", width="stretch")
    st.caption("Hover a point for its sentence, the date as written and how it was resolved. "
               "Drag the slider under the chart to zoom in time. An event naming several actors "
               "appears in each of their lanes.")
else:
    st.info("None of these events has a resolved date, so there is nothing to place on the axis; "
            "they are listed below.", icon=":material/event_busy:")
if (~dated).any():
    st.caption(f"{int((~dated).sum())} event(s) with no resolved date are in the table but not on the chart.")

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
