"""Actors: where they are, who is named with whom, and the actor table."""
import streamlit as st

from ui import filters, widgets
from ui.figures.maps import places_map
from ui.figures.network import NETWORK_TOP, actor_graph, network_figure
from ui.page import page
from ui.selection import actor_table, actors_for, clicked_actors, places_named_in, without_actors

TOPOJSON_URL = "/app/static/topojson/"  # served from static/ (enableStaticServing): no CDN
NETWORK_KEY = "actors_network"


def _on_network_click() -> None:
    """A click on a node sets the shared sidebar filter to that actor."""
    clicked = clicked_actors(st.session_state[NETWORK_KEY].selection.points)
    if clicked:
        filters.set_selected_actors(clicked[:1])


view, chosen, selected = page("Actors", title="Actors and places")
# Dates, sources and event types narrow the events that place actors and join them;
# the chosen actors then pick from those (ringed in the network, with their neighbours).
frames = view.frames(without_actors(chosen))
actors = actors_for(frames.actors, selected)
events = frames.events

# --- map ----------------------------------------------------------------------
# the places named in the chosen actors' events (the store's actor filter), else every place
places = places_named_in(frames.places, view.events(chosen)) if selected else frames.places
st.subheader("Places" + (f" named in events with {', '.join(selected)}" if selected else ""))
located = places["lat"].notna() & places["lon"].notna()
if places.empty:
    if selected:
        widgets.nothing_matches("events naming a place", selected)
    else:
        st.info("No places were found in this corpus.", icon=":material/map:")
else:
    st.plotly_chart(places_map(places, actors=actors), key="actors_map", width="stretch",
                    config={"topojsonURL": TOPOJSON_URL})
    st.caption("Marker area is proportional to the number of mentions of a place. Countries are shaded "
               "by mentions: of the places in them plus of the actors from them.")
if (~located).any():
    st.markdown(f"**Not geocoded** ({int((~located).sum())})")
    widgets.table(places.loc[~located, ["place", "country", "kind", "mentions"]], hide_index=True,
                 width="stretch", key="actors_not_geocoded")

# --- network ------------------------------------------------------------------
st.subheader("Who is named with whom")
if frames.actors.empty:
    st.info("The extractor found no actors in this corpus.", icon=":material/groups:")
else:
    graph = actor_graph(frames.actors, events, selected=selected)
    st.plotly_chart(network_figure(graph), key=NETWORK_KEY, width="stretch", on_select=_on_network_click,
                    selection_mode="points", config={"displaylogo": False})
    notes = ["A line joins two actors named in the same sentence; its width is the number of such sentences. "
             "Marker area is proportional to mentions. Click an actor to filter every page to it."]
    if selected:
        notes.append(f"Showing {', '.join(selected)} (ringed) and the actors named with them.")
    if graph.truncated:
        notes.append(f"Only the {len(graph.nodes)} most mentioned of {graph.total} actors are drawn "
                     f"(at most {NETWORK_TOP}); the table lists them all.")
    st.caption(" ".join(notes))

# --- table --------------------------------------------------------------------
st.subheader(f"Actors ({len(actors)})")
if actors.empty:
    st.info("The extractor found no actors in this corpus.", icon=":material/groups:")
else:
    table = actor_table(actors)
    widgets.table(
        table, hide_index=True, width="stretch", key="actors_table",
        column_config={
            "actor": "Actor",
            "timeline": st.column_config.LinkColumn("Timeline", display_text="timeline",
                                                    help="The timeline filtered to this actor"),
            "kind": "Kind", "country": "Country", "role": "Role",
            "aliases": st.column_config.ListColumn("Also called"),
            "mentions": st.column_config.ProgressColumn(
                "Mentions", format="%d", min_value=0,
                max_value=max(1, int(frames.actors["mentions"].fillna(0).max()))),
            "first_event": st.column_config.DateColumn("First event", format="YYYY-MM-DD"),
            "last_event": st.column_config.DateColumn("Last event", format="YYYY-MM-DD"),
        },
    )
    widgets.download_csv(table, file_name="actors.csv", key="actors_download", label="Download actors CSV")
if not places.empty:
    widgets.download_csv(places, file_name="places.csv", key="places_download", label="Download places CSV")
