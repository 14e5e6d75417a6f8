"""Overview: the home page (what the corpus holds, and the whole export)."""
import streamlit as st

from ui import widgets
from ui.page import page
from ui.selection import Filters

view, chosen, selected = page(
    "Overview", title="Crisis Timeline", problem_limit=None,
    caption="News articles about a crisis, turned into a timeline of events, the actors and places, "
            "and every claim about troop numbers: who claimed it, and when.")

articles = view.articles(Filters())
counts = view.counts()
published = articles["published"].dropna()
if published.empty:
    span = "no dates"
elif published.min() == published.max():
    span = f"{published.min():%d %b %Y}"
else:
    span = f"{published.min():%d %b %Y} – {published.max():%d %b %Y}"
undated = int(articles["published"].isna().sum())
cols = st.columns(5)
for column, name in zip(cols, ("articles", "events", "claims", "actors", "places")):
    column.metric(name.capitalize(), f"{counts[name]:,}")
st.markdown(f"**Published:** {span}" + (f" · {undated} article(s) undated" if undated else ""))

st.subheader("Articles" + (f" mentioning {', '.join(selected)}" if selected else ""))
shown = view.articles(chosen)
if shown.empty:
    widgets.nothing_matches("articles", selected)
else:
    table = shown[["published", "title", "source", "side", "words", "url", "path", "warnings", "attribution",
                   "licence"]]
    widgets.table(
        table, hide_index=True, width="stretch", key="home_articles",
        column_config={
            "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
            "title": st.column_config.TextColumn("Title", width="large"),
            "source": "Source",
            "side": st.column_config.TextColumn("Side", help="Who the document speaks for (the outlet, for news)"),
            "words": st.column_config.NumberColumn("Words", format="%d"),
            "url": st.column_config.LinkColumn("URL"),
            "path": "File",
            "warnings": st.column_config.ListColumn("Warnings"),
            "attribution": "Attribution", "licence": "Licence",
        },
    )
    widgets.download_csv(table, file_name="articles.csv", key="home_download")
    widgets.download_zip(view.export_tables(chosen), key="home_download_zip",
                         note="" if chosen == Filters() else f"Filtered view: {chosen}")

st.markdown(
    "**Pages:** *Timeline* puts the dated events on one axis, lane by actor; click a point for its source · "
    "*Actors* maps the places and shows who is named with whom · *Claims* tracks every troop figure by who "
    "claimed it · *Articles* shows an article with everything the extractors found marked · *Import* adds "
    "your own files. The sidebar filters apply to every page and are kept in the URL: paste it to share the view."
)
st.caption(f"Pipeline version: `{view.pipeline_version}`")
