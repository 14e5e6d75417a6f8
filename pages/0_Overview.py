"""Overview: the home page (what the corpus holds, and the whole export)."""
import streamlit as st

from ui import data, filters, widgets
from ui.selection import Filters, filter_articles, filtered_tables

widgets.page_setup("Overview")
st.title("Crisis Timeline")
st.caption("News articles about a crisis, turned into a timeline of events, the actors and places, "
           "and every claim about troop numbers: who claimed it, and when.")

result = data.load_corpus()
frames = widgets.corpus_frames_or_stop(result, problem_limit=None)
chosen = filters.sidebar_filters(frames)
selected = list(chosen.actors)

articles = frames.articles
published = articles["published"].dropna()
if published.empty:
    span = "no dates"
elif published.min() == published.max():
    span = f"{published.min():%d %b %Y}"
else:
    span = f"{published.min():%d %b %Y} – {published.max():%d %b %Y}"
undated = int(articles["published"].isna().sum())
cols = st.columns(5)
cols[0].metric("Articles", len(articles))
cols[1].metric("Events", len(frames.events))
cols[2].metric("Claims", len(frames.claims))
cols[3].metric("Actors", len(frames.actors))
cols[4].metric("Places", len(frames.places))
st.markdown(f"**Published:** {span}" + (f" · {undated} article(s) undated" if undated else ""))

st.subheader("Articles" + (f" mentioning {', '.join(selected)}" if selected else ""))
shown = filter_articles(frames, chosen)
if shown.empty:
    widgets.nothing_matches("articles", selected)
else:
    table = shown[["published", "title", "source", "words", "url", "path", "warnings"]]
    st.dataframe(
        table, hide_index=True, width="stretch", key="home_articles",
        column_config={
            "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
            "title": st.column_config.TextColumn("Title", width="large"),
            "source": "Source",
            "words": st.column_config.NumberColumn("Words", format="%d"),
            "url": st.column_config.LinkColumn("URL"),
            "path": "File",
            "warnings": st.column_config.ListColumn("Warnings"),
        },
    )
    widgets.download_csv(table, file_name="articles.csv", key="home_download")
    widgets.download_zip(filtered_tables(frames, chosen), key="home_download_zip",
                         note="" if chosen == Filters() else f"Filtered view: {chosen}")

st.markdown(
    "**Pages:** *Timeline* puts the dated events on one axis, lane by actor; click a point for its source · "
    "*Actors* maps the places and shows who is named with whom · *Claims* tracks every troop figure by who "
    "claimed it · *Articles* shows an article with everything the extractors found marked · *Import* adds "
    "your own files. The sidebar filters apply to every page and are kept in the URL: paste it to share the view."
)
st.caption(f"Pipeline version: `{result.pipeline_version}`")
