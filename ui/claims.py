"""The Claims page's ledger: the contested claims, the ledger table with its CSV, and
the sentences of one claim (the rules are in core/combine/ledger.py; the tables in
`ui.selection`, pure pandas)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.combine.ledger import CONTEST_DAYS, CONTEST_SHARE, MERGE_DAYS, sources_of
from core.present.highlight import markdown_escape
from ui import filters, widgets
from ui.selection import ARTICLES_PATH, QUESTIONS_PARAM, contested_lines

QUESTIONS_KEY = "claims_questions"
CHART_KEY = "claims_chart_view"
CHART_VIEWS = {"series": "One panel per side, category and unit", "claimant": "One series per claimant"}
SOURCES_KEY = "claims_ledger_sources"
ARTICLES_PAGE = "pages/4_Articles.py"
RULE = (f"A claim is **contested** when another claimant gives a figure for the same side, category and unit "
        f"class at most {CONTEST_DAYS} days apart that differs by more than {CONTEST_SHARE:.0%} of the larger "
        f"(figures from reporters' questions and vague counts never are). The same claim from several sources "
        f"is one row: the same claimant, figure, side, category and unit class within {MERGE_DAYS} days.")
LEDGER_COLUMN_CONFIG = {
    "first_date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
    "last_date": st.column_config.DateColumn("Last reported", format="YYYY-MM-DD"),
    "side": "Whose forces", "claimant": "Claimed by",
    "value": st.column_config.NumberColumn("Figure", format="localized"),
    "low": st.column_config.NumberColumn("At least", format="localized"),
    "high": st.column_config.NumberColumn("At most", format="localized"),
    "qualifier": "Wording", "category": "Category", "unit_class": "Counts",
    "contested": st.column_config.CheckboxColumn(
        "Contested", help=f"Another claimant's figure differs by more than {CONTEST_SHARE:.0%} of the larger"),
    "contested_by": st.column_config.ListColumn("Contested by"),
    "n_sources": st.column_config.NumberColumn("Sources", format="%d"),
    "sentence": st.column_config.TextColumn("First source (figure in ⟦ ⟧)", width="large"),
    "article": "Article", "link": st.column_config.LinkColumn("Sentences", display_text="open the article"),
    "units": st.column_config.ListColumn("Units as written"), "ledger_id": "Ledger id",
    "article_ids": st.column_config.ListColumn("Articles (ids)"),
    "spans": st.column_config.ListColumn("Sources (article:start-end of each figure)"),
}


def question_switch(where) -> bool:
    """The "Show figures from reporters' questions" switch (off by default, `?claim_questions=on`)."""
    return filters.url_toggle(where, param=QUESTIONS_PARAM, key=QUESTIONS_KEY,
                              label="Show figures from reporters' questions",
                              help="A figure a reporter puts in a question is not a claim; off, they are hidden.")


def chart_view() -> str:
    """Which chart the page draws: the ledger's panels (default) or one series per claimant."""
    chosen = st.segmented_control("Chart", list(CHART_VIEWS), format_func=CHART_VIEWS.get, default="series",
                                  key=CHART_KEY, label_visibility="collapsed")
    return chosen or "series"


def contested(table: pd.DataFrame) -> None:
    """The contested claims, one line each, with the rule."""
    lines = contested_lines(table)
    st.subheader(f"Contested ({len(lines)})", anchor=False)
    if lines:
        st.markdown("\n".join(f"- ⚠ {markdown_escape(line)}" for line in lines))
    st.caption(RULE)


def ledger(table: pd.DataFrame, claims: pd.DataFrame) -> None:
    """The ledger table with its CSV, and the sentences of the claim picked below it."""
    st.subheader(f"Ledger ({len(table)})", anchor=False)
    st.caption("One row per claim with all its sources; click a column's header to sort "
               "(by side, claimant or date). *Sentences* opens the first source's article.")
    widgets.table(table, hide_index=True, width="stretch", key="claims_ledger_table",
                  column_config=LEDGER_COLUMN_CONFIG)
    widgets.download_csv(table, file_name="ledger.csv", key="claims_ledger_download", label="Download the ledger")
    _sentences(table, claims)


def _label(row: dict) -> str:
    when = "undated" if pd.isna(row["first_date"]) else f"{pd.Timestamp(row['first_date']):%Y-%m-%d}"
    figure = "?" if pd.isna(row["value"]) else f"{row['value']:,.0f}"
    mark = "⚠ " if row["contested"] else ""
    return f"{mark}{when} · {row['claimant'] or 'unattributed'}: {figure} {row['unit_class']} ({row['side']})"


def _sentences(table: pd.DataFrame, claims: pd.DataFrame) -> None:
    rows = {row["ledger_id"]: row for row in table.to_dict("records")}
    if not rows:
        return
    spans = dict(zip(table["ledger_id"], table["spans"]))
    first = next((i for i, row in rows.items() if row["contested"]), next(iter(rows)))
    if st.session_state.get(SOURCES_KEY) not in rows:
        st.session_state[SOURCES_KEY] = first
    picked = st.selectbox("The sentences of one claim", list(rows), key=SOURCES_KEY,
                          format_func=lambda i: _label(rows[i]))
    for source in sources_of(claims, spans[picked]).to_dict("records"):
        with st.container(border=True):
            text = source.get("in_context") if isinstance(source.get("in_context"), str) else source["sentence"]
            st.markdown(markdown_escape(str(text or "")))
            credit = " · ".join(markdown_escape(str(part)) for part in (source.get("article") or source["article_id"],
                                                                        source.get("attribution")) if part)
            st.caption(credit)
            st.page_link(ARTICLES_PAGE, label="Read it in its article", icon=":material/article:",
                         query_params={"article": str(source["article_id"])})
    st.caption(f"Every source of the claim, each opening its article ({ARTICLES_PATH}).")

