"""Page furniture: page config, corpus banners, empty states, CSV downloads."""
from __future__ import annotations

from typing import Callable

import numpy as np
import pandas as pd
import streamlit as st
from PIL import Image

from core.combine.ledger import with_ledger
from core.present.export import frames_zip, to_csv_bytes
from core.present.highlight import markdown_escape
from core.query import Filters
from core.read import limits
from core.read.corpus import corpus_dirs_from_env
from ui.figures.common import empty_figure
from ui.figures.timeline import TIMELINE_MIN_HEIGHT
from ui.memo import Memo
from ui.selection import undated_articles

MAX_PROBLEMS_SHOWN = 10
BOM_KEY = "csv_bom"            # sidebar toggle: CSV with a byte-order mark, for Excel
BOM_STATE_KEY = "csv_bom_selected"  # its value, kept across pages (widget state is not)


def page_icon() -> Image.Image:
    """A 32×32 favicon drawn here: a timeline with three events, served by this
    server (a Material page icon as favicon is fetched from fonts.gstatic.com)."""
    icon = np.zeros((32, 32, 3), dtype=np.uint8)
    icon[:] = (179, 38, 30)
    icon[15:17, 3:29] = 255
    for x in (7, 16, 25):
        icon[12:20, x - 3:x + 3] = 255
    return Image.fromarray(icon)


def table(data: pd.DataFrame, **options):
    """`st.dataframe` as every page draws a table: no index, the page's width, and a
    missing value shown blank (Streamlit writes a grey "None" otherwise)."""
    options.setdefault("hide_index", True)
    options.setdefault("width", "stretch")
    return st.dataframe(data, placeholder="", **options)


def page_setup(title: str) -> None:
    st.set_page_config(page_title=f"{title} · Crisis Timeline", page_icon=page_icon(), layout="wide")


def csv_bom() -> bool:
    """The sidebar's Excel option for every CSV download, kept across pages;
    drawn once per page, under the filters."""
    st.session_state.setdefault(BOM_STATE_KEY, False)
    st.session_state[BOM_KEY] = st.session_state[BOM_STATE_KEY]
    st.sidebar.toggle("CSV for Excel (UTF-8 with BOM)", key=BOM_KEY,
                      on_change=lambda: st.session_state.update({BOM_STATE_KEY: st.session_state[BOM_KEY]}),
                      help="Excel reads UTF-8 CSV correctly only with a byte-order mark. Leave off for "
                           "pandas, R and other tools.")
    return bool(st.session_state[BOM_KEY])


def show_problems(problems: tuple[str, ...] | list[str], *, limit: int | None = MAX_PROBLEMS_SHOWN) -> None:
    """One warning naming each file that could not be read (or read only in part)."""
    if not problems:
        return
    shown = list(problems) if limit is None else list(problems)[:limit]
    lines = "\n".join(f"- {markdown_escape(str(problem))}" for problem in shown)   # file names are the user's
    more = len(problems) - len(shown)
    tail = f"\n\n…and {more} more (all listed on the home page)." if more > 0 else ""
    st.warning(f"**{len(problems)} problem(s) reading the corpus:**\n\n{lines}{tail}", icon=":material/warning:")


def flag_undated(articles: pd.DataFrame) -> None:
    """Say which articles have no publication date: their relative dates stay unresolved."""
    undated = undated_articles(articles)
    if undated.empty:
        return
    names = ", ".join(f"“{markdown_escape(t)}”" for t in undated["title"].fillna(undated["path"]).astype(str).head(10))
    more = f" and {len(undated) - 10} more" if len(undated) > 10 else ""
    st.info(
        f"{len(undated)} article(s) have no publication date, so their relative dates "
        f"(“on Sunday”, “last week”) are left unresolved: {names}{more}. Add a `published` date in a "
        "`NAME.meta.json` sidecar or a `YYYY-MM-DD_` file-name prefix to resolve them.",
        icon=":material/event_busy:",
    )


def corpus_view_or_stop(view, *, problem_limit: int | None = MAX_PROBLEMS_SHOWN,
                        before_stop: Callable[[], object] = lambda: None) -> None:
    """Show the corpus banners; on an empty corpus say what to do and stop the page
    (calling `before_stop` first: a page empties its `chart_placeholder`)."""
    show_problems(view.problems, limit=problem_limit)
    if view.counts()["articles"] == 0:
        folders = ", ".join(f"`{p}`" for p in corpus_dirs_from_env())
        st.info(
            f"No articles to show: the corpus folder(s) {folders} hold no readable article. "
            "Add articles on the *Import* page, or put `.txt`, `.md`, `.html` or `.json` files there "
            "(or start the app with `CRISIS_CORPUS=/path/to/articles`), then reload the page.",
            icon=":material/folder_open:",
        )
        before_stop()
        st.stop()
    flag_undated(view.articles(Filters()))


def chart_placeholder(*, height: int | None = None):
    """An `st.empty` slot holding a blank chart `height` pixels tall, for the page to
    fill with its real chart, or to empty, later (before any `st.stop()`: nothing is
    drawn after it). Drawn before the page queries the store, it makes the browser
    fetch and parse Plotly (a 4.7 MB script, loaded with the first chart) while the
    server works: about 0.4 s sooner to the first chart at 10,000 articles
    (`bench/app_scale.py`). The height defaults to the smallest timeline's."""
    slot = st.empty()
    blank = empty_figure("").update_layout(height=height or TIMELINE_MIN_HEIGHT)
    slot.plotly_chart(blank, width="stretch", config={"displaylogo": False, "staticPlot": True})
    return slot


def nothing_matches(what: str, selected: list[str]) -> None:
    """The empty state when the filters leave nothing (`selected`: the chosen actors, if any)."""
    if not selected:
        st.info(f"No {what} match the sidebar filters. Change them, or clear them to see everything.",
                icon=":material/filter_alt_off:")
        return
    st.info(
        f"No {what} involve {', '.join(selected)}. Pick other actors in the sidebar, "
        "or clear the filter to see everything.",
        icon=":material/filter_alt_off:",
    )


def _bom_chosen() -> bool:
    return bool(st.session_state.get(BOM_STATE_KEY, False))


def download_csv(df: pd.DataFrame, *, file_name: str, key: str, label: str = "Download CSV") -> None:
    """A download button for exactly `df` (what the page shows), as UTF-8 CSV
    (with a BOM when the sidebar's Excel option is on)."""
    bom = _bom_chosen()
    st.download_button(
        f"{label} ({rows_label(len(df))})", data=to_csv_bytes(df, bom=bom), file_name=file_name, mime="text/csv",
        key=key, disabled=df.empty, on_click="ignore", icon=":material/download:",
    )


def download_csv_later(build: Callable[[], pd.DataFrame], *, rows: int | None, file_name: str, key: str,
                       label: str, memo: Memo | None = None, memo_key: tuple = (),
                       at_most: int | None = None) -> None:
    """A download button for a table the page does not show (e.g. every mention of the
    events shown), built by `build()`; `rows` for its label (None: not counted
    beforehand, the label gives no number; `at_most` then bounds it).

    Built now when it has at most `download_rows_now` rows (or `at_most` does), kept in
    `memo` under `memo_key` when given (a view's `ui.memo.Memo`: built once for every
    session), else built only when clicked. A file Streamlit builds on click belongs to no
    session, so any two other sessions finishing a run before the browser fetches it
    delete it (a 404: 2 of 28 such downloads with ten sessions at once,
    `bench/concurrency.py`); a file built with the page lives as long as the page."""
    bom = _bom_chosen()
    bound = rows if rows is not None else at_most
    data: bytes | Callable[[], bytes]
    if bound is not None and bound <= limits.LIMITS.download_rows_now:
        def csv() -> bytes:
            return to_csv_bytes(build(), bom=bom)

        data = memo.get(("csv", file_name, *memo_key, bom), csv) if memo is not None else csv()
    else:
        data = lambda: to_csv_bytes(build(), bom=bom)      # noqa: E731
    st.download_button(
        label if rows is None else f"{label} ({rows_label(rows)})", data=data,
        file_name=file_name, mime="text/csv", key=key, disabled=rows == 0, on_click="ignore",
    )


def rows_label(count: int) -> str:
    return f"{count:,} row" if count == 1 else f"{count:,} rows"


def export_zip(tables: dict[str, pd.DataFrame], *, bom: bool = False, note: str = "") -> bytes:
    """The bytes of the whole export: every table, the ledger of their claims, and a README."""
    return frames_zip(with_ledger(tables).items(), bom=bom, note=note)


def download_zip(tables: dict[str, pd.DataFrame], *, key: str, note: str = "") -> None:
    """A download button for a zip of every table and the ledger, with a README of the columns."""
    bom = _bom_chosen()
    st.download_button(
        "Download everything (.zip of CSVs with a README of the columns)",
        data=export_zip(tables, bom=bom, note=note), file_name="crisis-timeline.zip",
        mime="application/zip", key=key, on_click="ignore", icon=":material/folder_zip:",
    )
