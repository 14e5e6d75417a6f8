"""Actors: who is involved, and a map of the places named with them."""
import streamlit as st

from core.figures import places_map
from ui import data, filters, widgets
from ui.selection import actors_for, places_for_actors

TOPOJSON_URL = "/app/static/topojson/"  # served from static/ (enableStaticServing): no CDN

widgets.page_setup("Actors")
st.title("Actors and places")
frames = widgets.corpus_frames_or_stop(data.load_corpus())
selected = filters.actor_filter(frames.actors)

places = places_for_actors(frames.places, frames.events, selected)
st.subheader("Places" + (f" named in events with {', '.join(selected)}" if selected else ""))
located = places["lat"].notna() & places["lon"].notna()
if places.empty:
    if selected:
        widgets.nothing_matches("events naming a place", selected)
    else:
        st.info("No places were found in this corpus.", icon=":material/map:")
elif located.any():
    st.plotly_chart(places_map(places), key="actors_map", width="stretch",
                    config={"topojsonURL": TOPOJSON_URL})
    st.caption("Marker area is proportional to the number of mentions.")
else:
    st.info("None of these places could be geocoded, so the map is empty; they are listed below.", icon=":material/map:")
if (~located).any():
    st.markdown(f"**Not geocoded** ({int((~located).sum())})")
    st.dataframe(places.loc[~located, ["place", "country", "kind", "mentions"]], hide_index=True,
                 width="stretch", key="actors_not_geocoded")

actors = actors_for(frames.actors, selected)
st.subheader(f"Actors ({len(actors)})")
if actors.empty:
    st.info("The extractor found no actors in this corpus.", icon=":material/groups:")
else:
    table = actors.sort_values("mentions", ascending=False)[
        ["actor", "kind", "country", "role", "aliases", "mentions", "articles"]]
    st.dataframe(
        table, hide_index=True, width="stretch", key="actors_table",
        column_config={
            "actor": "Actor", "kind": "Kind", "country": "Country", "role": "Role",
            "aliases": st.column_config.ListColumn("Also called"),
            "mentions": st.column_config.ProgressColumn(
                "Mentions", format="%d", min_value=0,
                max_value=max(1, int(frames.actors["mentions"].fillna(0).max()))),
            "articles": st.column_config.NumberColumn("Articles", format="%d"),
        },
    )
    widgets.download_csv(table, file_name="actors.csv", key="actors_download", label="Download actors CSV")
if not places.empty:
    widgets.download_csv(places, file_name="places.csv", key="places_download", label="Download places CSV")
