"""The Timeline page's own widgets: the clock switch (mirrored to the URL), the
list of events outside the default window, the events table, and the counts
view's events CSV."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import widgets
from ui.figures.points import CLOCK_LABELS, CLOCKS, clock_dates
from ui.selection import events_table

CLOCK_KEY = "timeline_clock"                    # the clock switch (widget)
CLOCK_STATE_KEY = "timeline_clock_selected"     # its value, kept across pages (widget state is not)
CLOCK_PARAM = "clock"                           # ?clock=report (absent: event time)
CLOCK_HELP = ("Event time: when the event happened (or is to happen), as the reports date it. "
              "Report time: when it was first reported (its first document's publication date).")


def clock_switch(where=st) -> str:
    """The clock radio in `where`: a new session starts on the URL's clock, the choice
    is kept across pages and written back to the URL (`?clock=report`)."""
    if CLOCK_STATE_KEY not in st.session_state:
        wanted = st.query_params.get(CLOCK_PARAM)
        st.session_state[CLOCK_STATE_KEY] = wanted if wanted in CLOCKS else "event"
    st.session_state[CLOCK_KEY] = st.session_state[CLOCK_STATE_KEY]
    return where.radio("Clock", CLOCKS, horizontal=True, key=CLOCK_KEY, format_func=CLOCK_LABELS.get,
                       on_change=lambda: st.session_state.update({CLOCK_STATE_KEY: st.session_state[CLOCK_KEY]}),
                       help=CLOCK_HELP)


def mirror_clock(clock: str) -> None:
    """`?clock=` holds the clock when it is not the default (call after the filters mirror theirs)."""
    if clock == "event":
        if CLOCK_PARAM in st.query_params:
            del st.query_params[CLOCK_PARAM]
    elif st.query_params.get(CLOCK_PARAM) != clock:
        st.query_params[CLOCK_PARAM] = clock


def list_outside(timeline, clock: str) -> None:
    """The events dated outside the default window: listed, not drawn on a squashed axis."""
    outside = timeline.outside
    if outside is None or outside.empty or timeline.window is None:
        return
    first, last = timeline.window
    with st.expander(f"{len(outside):,} event(s) outside the window {first:%Y-%m-%d} – {last:%Y-%m-%d}",
                     key="timeline_outside"):
        st.caption("The chart opens on the shortest span holding 90% of the events. These lie outside it: "
                   "choose dates in the sidebar, or switch on *Every date*, to draw them.")
        listed = outside.assign(day=clock_dates(outside, clock)[0])
        listed = listed[["day", "label", "event_type", "modality", "sources", "event_id"]].sort_values("day")
        widgets.table(listed, hide_index=True, width="stretch", key="timeline_outside_table",
                      column_config={"day": st.column_config.DateColumn(CLOCK_LABELS[clock].capitalize(),
                                                                         format="YYYY-MM-DD"),
                                     "label": "Event", "event_type": "Type", "modality": "Modality",
                                     "sources": st.column_config.ListColumn("Sources"), "event_id": "Event id"})


EVENT_TABLE_CONFIG = {
    "date_start": st.column_config.DateColumn("Start", format="YYYY-MM-DD"),
    "date_end": st.column_config.DateColumn("End", format="YYYY-MM-DD"),
    "label": "Event", "event_type": "Type", "modality": "Modality", "precision": "Precision",
    "date_text": "As written", "date_source": "Resolved from",
    "actors": st.column_config.ListColumn("Participants"),
    "places": st.column_config.ListColumn("Places"),
    "n_articles": st.column_config.NumberColumn("Documents", format="%d"),
    "n_sides": st.column_config.NumberColumn("Sides", format="%d"),
    "sides": st.column_config.ListColumn("Reported by"),
    "sources": st.column_config.ListColumn("Sources"),
    "first_reported": st.column_config.DateColumn("First reported", format="YYYY-MM-DD"),
    "lag_days": st.column_config.NumberColumn("Lag (days)", format="%d"),
    "n_mentions": st.column_config.NumberColumn("Reports", format="%d"),
    "sentence": st.column_config.TextColumn("Sentence", width="large"),
    "event_id": "Event id", "article_id": "First report",
}


def filtered_events(view, filters, clock: str) -> pd.DataFrame:
    """Every event `filters` match, as the events CSV has them (whatever the chart's window)."""
    return events_table(view.frames(filters).events, clock=clock)


def download_filtered_events(view, filters, clock: str) -> None:
    """The counts view's events CSV: built from the store only when clicked (the page
    does not load the events to count them), every event the sidebar filters match."""
    widgets.download_csv_later(lambda: filtered_events(view, filters, clock), rows=None,
                               at_most=int(view.counts()["events"]), memo=view.memo, memo_key=(filters, clock),
                               file_name="events.csv", key="timeline_download",
                               label="Download events CSV (every event the sidebar filters match)")
    st.caption("The events CSV holds every event the sidebar filters match, one row each, dated inside the "
               "chart's window or not.")


def events_table_view(events: pd.DataFrame) -> None:
    widgets.table(events, hide_index=True, width="stretch", key="timeline_table", column_config=EVENT_TABLE_CONFIG)
