"""The sidebar actor filter, shared by every page.

The selection lives in `st.session_state[STATE_KEY]`, a plain (non-widget)
key: Streamlit drops a widget's state on any page that does not render it,
so each page re-seeds the widget from that key before drawing it. The
selection is mirrored to the URL as repeated `?actor=` parameters; a new
session (a pasted URL) starts from them.
"""
from __future__ import annotations

from typing import Iterable

import pandas as pd
import streamlit as st

FILTER_KEY = "filter_actors"          # the multiselect widget
STATE_KEY = "filter_actors_selected"  # the selection, kept across pages
QUERY_PARAM = "actor"


def _remember() -> None:
    st.session_state[STATE_KEY] = list(st.session_state[FILTER_KEY])


def set_selected_actors(actors: Iterable[str]) -> None:
    """Set the shared selection from code (e.g. a click on the actor network).

    Safe in a widget callback: the next `actor_filter` call shows it in the
    sidebar; the URL follows at once.
    """
    chosen = list(dict.fromkeys(str(a) for a in actors))
    st.session_state[STATE_KEY] = chosen
    if chosen:
        st.query_params[QUERY_PARAM] = chosen
    elif QUERY_PARAM in st.query_params:
        del st.query_params[QUERY_PARAM]


def actor_options(actors: pd.DataFrame) -> list[str]:
    """Canonical actor names, most mentioned first."""
    if actors.empty:
        return []
    ordered = actors.assign(_m=pd.to_numeric(actors["mentions"], errors="coerce").fillna(0))
    ordered = ordered.sort_values(["_m", "actor"], ascending=[False, True])
    return list(dict.fromkeys(str(a) for a in ordered["actor"].dropna()))


def actor_filter(actors: pd.DataFrame) -> list[str]:
    """Draw the sidebar multiselect; return the selected canonical actors (empty = all)."""
    if STATE_KEY not in st.session_state:
        st.session_state[STATE_KEY] = st.query_params.get_all(QUERY_PARAM)
    options = actor_options(actors)
    wanted = list(st.session_state[STATE_KEY])
    selected = [name for name in wanted if name in options]
    unknown = [name for name in wanted if name not in options]
    st.session_state[FILTER_KEY] = selected
    mentions = dict(zip(actors["actor"].astype(str), actors["mentions"])) if not actors.empty else {}
    st.sidebar.multiselect(
        "Actors", options, key=FILTER_KEY, on_change=_remember,
        format_func=lambda name: f"{name} ({mentions[name]})" if pd.notna(mentions.get(name)) else name,
        placeholder="All actors", help="Show only what involves these actors. Empty means every actor.",
    )
    if unknown:
        st.sidebar.caption("Not in this corpus, ignored: " + ", ".join(unknown))
    if st.query_params.get_all(QUERY_PARAM) != selected:
        if selected:
            st.query_params[QUERY_PARAM] = selected
        else:
            del st.query_params[QUERY_PARAM]
    return selected
