"""The sidebar filters, shared by every page: one widget per row of the facet
table (`core.query.FACETS`, listed in docs/filters.md), in its order, with its
label and help.

Each selection lives in a plain (non-widget) `st.session_state` key:
Streamlit drops a widget's state on any page that does not render it, so each
page re-seeds the widgets from those keys before drawing them. The selection
is mirrored to the URL (each facet's parameter: `?actor=…&from=…&to=…&type=…`);
a new session (a pasted URL) starts from it. A page's own filters (the Claims
page's side, unit, category and claimant, and its questions switch) are kept the
same way, by `url_multiselect` and `url_toggle`. What the filters keep is the
store's SQL (`core.query.where`).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterable

import streamlit as st

from core.present.highlight import markdown_escape
from core.query import (
    FACETS,
    VALUE_FACETS,
    DateRange,
    FilterOptions,
    Filters,
    facet,
    filters_from_query,
    filters_to_query,
)
from ui.widgets import csv_bom

FILTER_KEY = "filter_actors"          # the actor multiselect widget
STATE_KEY = "filter_actors_selected"  # the actor selection, kept across pages
QUERY_PARAM = facet("actors").param
DATES_KEY = "filter_dates"            # the date-range widget
DATES_STATE_KEY = "filter_dates_selected"
CATEGORY_LABELS = {"force_size": "force size", "killed": "killed", "wounded": "wounded",
                   "captured": "captured", "missing": "missing"}
# How a facet's values are shown, where not as they are (the actors get their mentions: `_actor_label`).
VALUE_LABELS = {"categories": CATEGORY_LABELS}


@dataclass(frozen=True)
class _Widget:
    """A multiselect kept across pages: how it is shown, its widget key, and the
    plain session-state key that keeps its selection."""

    label: str
    help: str
    key: str

    @property
    def state_key(self) -> str:
        return f"{self.key}_selected"


# The sidebar's multiselects, one per value facet: `filter_<field>` (FILTER_KEY for the actors).
_WIDGETS = {f.field: _Widget(f.label, f.help, f"filter_{f.field}") for f in VALUE_FACETS}


def _url_filters() -> Filters:
    return filters_from_query(st.query_params.get_all)


def _seed_from_url() -> None:
    """A new session starts from the URL (a pasted link restores the view)."""
    if all(widget.state_key in st.session_state for widget in _WIDGETS.values()) and DATES_STATE_KEY in st.session_state:
        return
    url = _url_filters()
    for field, widget in _WIDGETS.items():
        st.session_state.setdefault(widget.state_key, list(getattr(url, field)))
    st.session_state.setdefault(DATES_STATE_KEY, (url.date_from, url.date_to))


def _remember(widget: _Widget) -> None:
    st.session_state[widget.state_key] = list(st.session_state[widget.key])


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


def _multiselect(widget: _Widget, options: list[str], format_func: Callable[[str], str] = str, *,
                 where=None) -> list[str]:
    where = st.sidebar if where is None else where
    wanted = list(st.session_state[widget.state_key])
    selected = [name for name in wanted if name in options]
    unknown = [name for name in wanted if name not in options]
    st.session_state[widget.key] = selected
    where.multiselect(widget.label, options, key=widget.key, on_change=_remember, args=(widget,),
                      format_func=format_func, placeholder="All", help=widget.help or None)
    if unknown:
        # `unknown` may come from a pasted URL: shown literally, never as Markdown
        where.caption(f"{widget.label} not in this corpus, ignored: " + ", ".join(map(markdown_escape, unknown)))
    return selected


def url_multiselect(where, *, field: str, param: str, label: str, options: list[str], key: str,
                    help: str = "") -> list[str]:
    """A page's own multiselect kept like the sidebar filters: its selection survives a
    page switch (in a plain session-state key), is mirrored to `?param=`, and a new
    session (a pasted link) starts from the URL. Drawn in `where` (a column, say)."""
    widget = _Widget(label, help, key)
    if widget.state_key not in st.session_state:
        st.session_state[widget.state_key] = list(dict.fromkeys(st.query_params.get_all(param)))
    selected = _multiselect(widget, options, where=where)
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


def _date_range(dates: DateRange, bounds: tuple[date, date] | None) -> tuple[date | None, date | None]:
    if bounds is None:
        return None, None
    start, end = st.session_state[DATES_STATE_KEY]
    start = min(max(start or bounds[0], bounds[0]), bounds[1])
    end = max(min(end or bounds[1], bounds[1]), start)
    st.session_state[DATES_KEY] = (start, end)
    st.sidebar.date_input(dates.label, key=DATES_KEY, min_value=bounds[0], max_value=bounds[1],
                          on_change=_remember_dates, args=(bounds,), format="YYYY-MM-DD", help=dates.help)
    return (None if start <= bounds[0] else start), (None if end >= bounds[1] else end)


def _value_label(field: str, options: FilterOptions) -> Callable[[str], str]:
    """How the sidebar shows a value of facet `field`: an actor with its mentions
    ("Russia (10)"), a claim category in words, anything else as it is."""
    if field == "actors":
        mentions = options.mentions
        return lambda name: f"{name} ({mentions[name]})" if name in mentions else name
    labels = VALUE_LABELS.get(field, {})
    return lambda value: labels.get(value, value)


def sidebar_filters(options: FilterOptions) -> Filters:
    """Draw every sidebar filter, in the facet table's order, from the corpus's
    `options` (`view.options()`); return what they select (empty = no
    restriction). The URL is updated to reproduce the selection."""
    _seed_from_url()
    chosen: dict[str, Any] = {}
    for row in FACETS:
        if isinstance(row, DateRange):
            chosen["date_from"], chosen["date_to"] = _date_range(row, options.bounds)
        else:
            values = list(options.values.get(row.field, ()))
            chosen[row.field] = tuple(_multiselect(_WIDGETS[row.field], values, _value_label(row.field, options)))
    filters = Filters(**chosen)
    _mirror_to_url(filters)
    if filters != Filters():
        st.sidebar.button("Clear filters", key="filter_clear", on_click=clear_filters, icon=":material/filter_alt_off:")
    csv_bom()
    return filters


def clear_filters() -> None:
    for widget in _WIDGETS.values():
        st.session_state[widget.state_key] = []
    st.session_state[DATES_STATE_KEY] = (None, None)


def _mirror_to_url(filters: Filters) -> None:
    wanted = filters_to_query(filters)
    for param in (param for row in FACETS for param in row.url_params):
        _set_query_param(param, wanted.get(param, []))


def _set_query_param(param: str, values: list[str]) -> None:
    """`?param=` holds exactly `values` (absent when empty); untouched when it already does."""
    if st.query_params.get_all(param) == values:
        return
    if values:
        st.query_params[param] = values
    elif param in st.query_params:
        del st.query_params[param]
