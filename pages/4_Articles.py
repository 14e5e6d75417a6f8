"""Articles: read one article with its time expressions, actors, places and claims marked.

`?article=<article_id>` opens an article (other pages link here); picking one writes it back.
"""
import streamlit as st

from core.present import highlight
from ui import widgets
from ui.page import page
from ui.selection import Filters

PICK_KEY = "articles_pick"
LAYERS_KEY = "articles_layers"
QUERY_PARAM = "article"
LAYER_NAMES = {"time": "Time expressions", "actor": "Actors", "place": "Places", "claim": "Claims"}
DATES = {column: st.column_config.DateColumn(column, format="YYYY-MM-DD") for column in ("date_start", "date_end", "date")}


@st.cache_data(show_spinner=False, max_entries=64)
def article_text(path: str, article_id: str) -> str | None:
    return highlight.load_article_text(path, article_id)


def _remember_pick() -> None:
    st.query_params[QUERY_PARAM] = st.session_state[PICK_KEY]


view, chosen, selected = page("Articles")

articles = view.articles(Filters()).sort_values(["published", "title"], ascending=[False, True], na_position="last")
facts = {row["article_id"]: highlight.article_facts(row) for row in articles.to_dict("records")}
keep = set(view.articles(chosen)["article_id"])
shown_ids = [a for a in facts if a in keep]
wanted = st.query_params.get(QUERY_PARAM)
if wanted in facts and wanted not in shown_ids:
    shown_ids.insert(0, wanted)  # a link always opens its article, whatever the actor filter
if not shown_ids:
    widgets.nothing_matches("articles", selected)
    st.stop()
if wanted in shown_ids:
    st.session_state[PICK_KEY] = wanted
elif st.session_state.get(PICK_KEY) not in shown_ids:
    st.session_state[PICK_KEY] = shown_ids[0]

article_id = st.selectbox("Article", shown_ids, key=PICK_KEY, format_func=lambda a: facts[a].label,
                          on_change=_remember_pick,
                          help="Articles that pass the sidebar filters (all when none is set).")
if st.query_params.get(QUERY_PARAM) != article_id:
    st.query_params[QUERY_PARAM] = article_id
fact = facts[article_id]
path = str(articles.set_index("article_id").at[article_id, "path"] or "")

# Title and source come from the article file: escaped so that they show literally.
st.subheader(highlight.markdown_escape(fact.title), anchor=False)
st.markdown(f"**Source:** {highlight.markdown_escape(fact.source) or 'unknown'} · "
            f"**Side:** {highlight.markdown_escape(fact.side) or 'unknown'} · "
            f"**Published:** {fact.published or 'unknown'} · "
            f"**Words:** {fact.words or '?'}")
st.caption(f"**Attribution:** {highlight.markdown_escape(fact.credit)}")   # with the text, as its licence asks
if fact.url:                                  # ArticleFacts keeps only http(s) links
    st.link_button("Open the original", fact.url, icon=":material/open_in_new:")
for warning in fact.warnings:                 # warnings quote the file's own metadata: shown literally
    st.warning(highlight.markdown_escape(warning), icon=":material/warning:")

layers = st.pills("Highlight", highlight.LAYER_LABELS, selection_mode="multi", default=list(highlight.LAYER_LABELS),
                  format_func=LAYER_NAMES.get, key=LAYERS_KEY)
frames = view.article_frames(article_id)
text = article_text(path, article_id)
if text is None:
    st.warning(f"The text of this article is no longer in {highlight.markdown_escape(path)} (the file was moved "
               "or edited since it was extracted). Reload the page to re-read the corpus; its annotations are "
               "listed below.",
               icon=":material/description:")
else:
    spans = highlight.article_spans(frames, article_id, layers=layers)
    # Safe: core.present.highlight escapes every piece of article text and every tooltip
    # (html.escape, quote=True); the only markup is its own <mark>/<br>/<div>.
    # Never pass anything but core.present.highlight's output to st.html.
    st.html(highlight.legend_html(shown=layers))
    with st.container(border=True, key="articles_text"):
        st.html(highlight.render_article(text, spans))
    st.caption(f"{len(spans)} marked span(s). Hover a mark for its value: the resolved date, "
               "the canonical actor or place, or who claimed the figure.")

tables = highlight.article_tables(frames, article_id)
tabs = st.tabs([f"{LAYER_NAMES[label]} ({len(table)})" for label, table in tables.items()])
for tab, (label, table) in zip(tabs, tables.items()):
    with tab:
        if table.empty:
            st.caption(f"No {LAYER_NAMES[label].lower()} found in this article.")
        else:
            widgets.table(table, hide_index=True, width="stretch", key=f"articles_table_{label}", column_config=DATES)
        # the rows quote the article: the CSV carries its credit
        widgets.download_csv(table.assign(attribution=fact.credit), file_name=f"article-{article_id}-{label}.csv",
                             key=f"articles_download_{label}")
