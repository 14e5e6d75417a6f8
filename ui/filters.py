"""The sidebar filters, shared by every page: actors, dates, event types,
sides, sources and claim category.

Each selection lives in a plain (non-widget) `st.session_state` key:
Streamlit drops a widget's state on any page that does not render it, so each
page re-seeds the widgets from those keys before drawing them. The selection
is mirrored to the URL (`?actor=…&type=…&side=…&source=…&category=…&from=…&to=…`);
a new session (a pasted URL) starts from it. A page's own filters (the Claims
page's side, unit, category and claimant, and its questions switch) are kept the
same way, by `url_multiselect` and `url_toggle`. What the filters mean for each
frame is in `ui.selection` (pure pandas).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

import pandas as pd
import streamlit as st

from core.highlight import markdown_escape
from ui.widgets import csv_bom
from ui.selection import (DATE_PARAMS, QUERY_PARAMS, Filters, date_bounds, facet_options,
                          filters_from_query, filters_to_query)

FILTER_KEY = "filter_actors"          # the actor multiselect widget
STATE_KEY = "filter_actors_selected"  # the actor selection, kept across pages
QUERY_PARAM = QUERY_PARAMS["actors"]
DATES_KEY = "filter_dates"            # the date-range widget
DATES_STATE_KEY = "filter_dates_selected"
CATEGORY_LABELS = {"force_size": "force size", "killed": "killed", "wounded": "wounded",
                   "captured": "captured", "missing": "missing"}


@dataclass(frozen=True)
class FilterOptions:
    """What the sidebar offers: the values present in the corpus, most frequent first."""

    actors: list[str]
    mentions: dict[str, int]          # actor -> mentions, for the "Russia (10)" labels
    event_types: list[str]
    sources: list[str]
    categories: list[str]
    bounds: tuple[date, date] | None  # earliest and latest date anywhere in the corpus
    sides: list[str] = field(default_factory=list)   # who the documents speak for (articles.side)


@dataclass(frozen=True)
class _Facet:
    """One multiselect filter: the `Filters` field it sets and how it is shown."""

    field: str
    label: str
    help: str
    key: str = ""          # the widget key; "filter_<field>" when empty

    @property
    def widget_key(self) -> str:
        return self.key or f"filter_{self.field}"

    @property
    def state_key(self) -> str:
        return f"{self.widget_key}_selected"


FACETS = (
    _Facet("actors", "Actors", "Show only what involves these actors. Empty means every actor."),
    _Facet("event_types", "Event types", "Timeline events of these types only."),
    _Facet("sides", "Sides", "Only documents from these sides: the United States, Russia, Ukraine, "
                             "or a news outlet (for news, its side is its outlet)."),
    _Facet("sources", "Sources", "Only what these outlets published."),
    _Facet("categories", "Claim category", "Troop claims of these categories only (force size, killed, …)."),
)


def _url_filters() -> Filters:
    return filters_from_query(st.query_params.get_all)


def _seed_from_url() -> None:
    """A new session starts from the URL (a pasted link restores the view)."""
    if all(facet.state_key in st.session_state for facet in FACETS) and DATES_STATE_KEY in st.session_state:
        return
    url = _url_filters()
    for facet in FACETS:
        st.session_state.setdefault(facet.state_key, list(getattr(url, facet.field)))
    st.session_state.setdefault(DATES_STATE_KEY, (url.date_from, url.date_to))


def _remember(facet: _Facet) -> None:
    st.session_state[facet.state_key] = list(st.session_state[facet.widget_key])


def _remember_dates(bounds: tuple[date, date]) -> None:
    chosen = st.session_state[DATES_KEY]
    if isinstance(chosen, (list, tuple)) and len(chosen) == 2:
        start, end = chosen
        # the whole span is no restriction: undated rows stay in
        st.session_state[DATES_STATE_KEY] = (None if start <= bounds[0] else start,
                                             None if end >= bounds[1] else end)


def set_selected_actors(actors: Iterable[str]) -> None:
    """Set the shared actor selection from code (e.g. a click on the actor network).

    Safe in a widget callback: the next `sidebar_filters` call shows it in the
    sidebar; the URL follows at once.
    """
    chosen = list(dict.fromkeys(str(a) for a in actors))
    st.session_state[STATE_KEY] = chosen
    _set_query_param(QUERY_PARAM, chosen)


def actor_options(actors: pd.DataFrame) -> list[str]:
    """Canonical actor names, most mentioned first."""
    if actors.empty:
        return []
    ordered = actors.assign(_m=pd.to_numeric(actors["mentions"], errors="coerce").fillna(0))
    ordered = ordered.sort_values(["_m", "actor"], ascending=[False, True])
    return list(dict.fromkeys(str(a) for a in ordered["actor"].dropna()))


def filter_options(frames) -> FilterOptions:
    """The choices the sidebar offers for an in-memory corpus (a store gives its own)."""
    mentions = {str(a): int(m) for a, m in zip(frames.actors["actor"], frames.actors["mentions"]) if pd.notna(m)}
    return FilterOptions(
        actors=actor_options(frames.actors), mentions=mentions,
        event_types=facet_options(frames.events, "event_type"), sources=facet_options(frames.articles, "source"),
        categories=facet_options(frames.claims, "category"), bounds=date_bounds(frames),
        sides=facet_options(frames.articles, "side") if "side" in frames.articles else [],
    )


def _multiselect(facet: _Facet, options: list[str], format_func=str, *, where=None) -> list[str]:
    where = st.sidebar if where is None else where
    wanted = list(st.session_state[facet.state_key])
    selected = [name for name in wanted if name in options]
    unknown = [name for name in wanted if name not in options]
    st.session_state[facet.widget_key] = selected
    where.multiselect(facet.label, options, key=facet.widget_key, on_change=_remember, args=(facet,),
                      format_func=format_func, placeholder="All", help=facet.help or None)
    if unknown:
        # `unknown` may come from a pasted URL: shown literally, never as Markdown
        where.caption(f"{facet.label} not in this corpus, ignored: " + ", ".join(map(markdown_escape, unknown)))
    return selected


def url_multiselect(where, *, field: str, param: str, label: str, options: list[str], key: str,
                    help: str = "") -> list[str]:
    """A page's own multiselect kept like the sidebar filters: its selection survives a
    page switch (in a plain session-state key), is mirrored to `?param=`, and a new
    session (a pasted link) starts from the URL. Drawn in `where` (a column, say)."""
    facet = _Facet(field, label, help, key=key)
    if facet.state_key not in st.session_state:
        st.session_state[facet.state_key] = list(dict.fromkeys(st.query_params.get_all(param)))
    selected = _multiselect(facet, options, where=where)
    _set_query_param(param, selected)
    return selected


def _remember_toggle(key: str) -> None:
    st.session_state[f"{key}_selected"] = bool(st.session_state[key])


def url_toggle(where, *, param: str, label: str, key: str, help: str = "") -> bool:
    """A page's own on/off switch kept like `url_multiselect`: off by default, on is
    `?param=on` in the URL, and it survives a page switch. Drawn in `where`."""
    state_key = f"{key}_selected"
    if state_key not in st.session_state:
        st.session_state[state_key] = st.query_params.get(param) == "on"
    st.session_state[key] = bool(st.session_state[state_key])
    where.toggle(label, key=key, on_change=_remember_toggle, args=(key,), help=help or None)
    _set_query_param(param, ["on"] if st.session_state[state_key] else [])
    return bool(st.session_state[state_key])


def _date_range(bounds: tuple[date, date] | None) -> tuple[date | None, date | None]:
    if bounds is None:
        return None, None
    start, end = st.session_state[DATES_STATE_KEY]
    start = min(max(start or bounds[0], bounds[0]), bounds[1])
    end = max(min(end or bounds[1], bounds[1]), start)
    st.session_state[DATES_KEY] = (start, end)
    st.sidebar.date_input("Dates", key=DATES_KEY, min_value=bounds[0], max_value=bounds[1],
                          on_change=_remember_dates, args=(bounds,), format="YYYY-MM-DD",
                          help="Events, claims and articles dated within this range. "
                               "The whole range keeps undated items too.")
    return (None if start <= bounds[0] else start), (None if end >= bounds[1] else end)


def options_of(corpus) -> FilterOptions:
    """The options of corpus `Frames`, or `corpus` itself when it is options already.

    Told apart by shape, not by class: the store's cached view can hold options
    made before Streamlit reloaded this module (after a code change on disk),
    whose class is then not this module's `FilterOptions`.
    """
    return filter_options(corpus) if hasattr(corpus, "events") else corpus


def sidebar_filters(corpus) -> Filters:
    """Draw every sidebar filter; return what they select (empty = no restriction).

    `corpus` is the corpus `Frames` or ready `FilterOptions` (a store's). The
    URL is updated to reproduce the selection.
    """
    options = options_of(corpus)
    _seed_from_url()
    mentions = options.mentions
    chosen = {
        "actors": _multiselect(
            FACETS[0], options.actors,
            lambda name: f"{name} ({mentions[name]})" if name in mentions else name),
    }
    date_from, date_to = _date_range(options.bounds)
    for facet in FACETS[1:]:
        labels = CATEGORY_LABELS if facet.field == "categories" else {}
        chosen[facet.field] = _multiselect(facet, list(getattr(options, facet.field, ())),
                                           lambda value, labels=labels: labels.get(value, value))
    filters = Filters(**{field: tuple(values) for field, values in chosen.items()},
                      date_from=date_from, date_to=date_to)
    _mirror_to_url(filters)
    if filters != Filters():
        st.sidebar.button("Clear filters", key="filter_clear", on_click=clear_filters, icon=":material/filter_alt_off:")
    csv_bom()
    return filters


def clear_filters() -> None:
    for facet in FACETS:
        st.session_state[facet.state_key] = []
    st.session_state[DATES_STATE_KEY] = (None, None)


def _mirror_to_url(filters: Filters) -> None:
    wanted = filters_to_query(filters)
    for param in list(QUERY_PARAMS.values()) + list(DATE_PARAMS.values()):
        _set_query_param(param, wanted.get(param, []))


def _set_query_param(param: str, values: list[str]) -> None:
    """`?param=` holds exactly `values` (absent when empty); untouched when it already does."""
    if st.query_params.get_all(param) == values:
        return
    if values:
        st.query_params[param] = values
    elif param in st.query_params:
        del st.query_params[param]
