"""The start every page shares: the browser tab's title and icon, the page's
heading (and caption), then the corpus with its banners (a page stops on an
empty corpus or a store it cannot open) and the sidebar filters."""
from __future__ import annotations

from typing import Any, Callable, NamedTuple

import streamlit as st

from core.query import Filters
from ui import data, filters, widgets


class PageCorpus(NamedTuple):
    """What a page reads once its start is drawn."""

    view: Any               # the corpus as the pages query it (`ui.source`)
    chosen: Filters         # what the sidebar filters select
    selected: list[str]     # the actors among them


def open_corpus(*, problem_limit: int | None = widgets.MAX_PROBLEMS_SHOWN,
                before_stop: Callable[[], object] = lambda: None) -> PageCorpus:
    """The corpus with its banners (at most `problem_limit` problems named; None: all),
    stopping the page when there is nothing to show (calling `before_stop` first),
    then the sidebar filters. `page` calls it; a page that draws something between
    its heading and the corpus's banners calls it itself."""
    view = data.load_view(before_stop=before_stop)
    widgets.corpus_view_or_stop(view, problem_limit=problem_limit, before_stop=before_stop)
    chosen = filters.sidebar_filters(view.options())
    return PageCorpus(view, chosen, list(chosen.actors))


def page(name: str, *, title: str | None = None, caption: str | None = None, corpus: bool = True,
         problem_limit: int | None = widgets.MAX_PROBLEMS_SHOWN) -> PageCorpus | None:
    """Start a page: `name` in the browser tab, `title` (default `name`) as its heading,
    `caption` under it, then, unless `corpus` is False, the corpus (`open_corpus`)."""
    widgets.page_setup(name)
    st.title(title or name)
    if caption:
        st.caption(caption)
    return open_corpus(problem_limit=problem_limit) if corpus else None
