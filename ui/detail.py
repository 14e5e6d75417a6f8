"""The Timeline's detail panel: one event, its sentence marked, its article one click away."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.highlight import article_facts, legend_html, markdown_escape, render_article
from core.ingest import checked_url
from ui.selection import event_detail

ARTICLES_PAGE = "pages/4_Articles.py"


def show_event(frames, event_id: str, *, state_key: str) -> None:
    """Draw the panel for `event_id`; say so when the corpus no longer holds it.
    Its Close button clears `st.session_state[state_key]`."""
    detail = event_detail(frames, event_id)
    if detail is None:
        st.info("The event you clicked is no longer in the corpus (its article was removed or re-read). "
                "Click another point.", icon=":material/help:")
        return
    article, event = detail.article, detail.event
    with st.container(border=True, key="timeline_detail"):
        heading, close = st.columns([12, 1], vertical_alignment="center")
        heading.markdown(f"#### {markdown_escape(str(article.get('title') or event['article_id']))}")
        close.button("Close", key="timeline_detail_close", icon=":material/close:",
                     on_click=lambda: st.session_state.update({state_key: None}))
        published = article.get("published")
        when = f"published {published:%Y-%m-%d}" if published is not None and not pd.isna(published) else "undated"
        st.caption(f"{markdown_escape(str(article.get('source') or 'source unknown'))} · {when} · "
                   f"{markdown_escape(article_facts(article).credit)}")   # the text's credit, shown with it
        if link := checked_url(article.get("url"))[0]:      # only http(s): never a javascript: link
            st.link_button("Open the original article", link, icon=":material/open_in_new:")
        # render_article escapes every character of the sentence and of each tooltip: the only
        # markup is its own <mark> tags (core/highlight.py), so this HTML is safe to show.
        st.html(render_article(str(event["sentence"]), detail.spans) + legend_html())
        st.markdown(f"**Date as written:** {markdown_escape(str(event.get('date_text') or '—'))} · "
                    f"**Type:** {markdown_escape(str(event.get('event_type') or 'other'))}")
        st.page_link(ARTICLES_PAGE, label="Read the whole article", query_params={"article": str(event["article_id"])},
                     icon=":material/article:")
        if not detail.claims.empty:
            st.markdown("**Claims in this sentence**")
            st.dataframe(detail.claims[["value", "unit", "side", "claimant", "category"]], hide_index=True,
                         key="timeline_detail_claims")
        if not detail.siblings.empty:
            st.markdown(f"**Other events from this sentence** ({len(detail.siblings)})")
            st.dataframe(detail.siblings[["date_start", "date_text", "event_type", "actors"]], hide_index=True,
                         key="timeline_detail_siblings")
