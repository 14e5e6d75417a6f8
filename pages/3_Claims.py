"""Claims: every figure about troop numbers, who claimed it and when, as a ledger
(core/combine/ledger.py: the same claim once with all its sources; contested claims marked)."""
import streamlit as st

from core.combine.ledger import build_ledger, without_questions
from core.present.highlight import article_credits
from ui import claims as ledger_view
from ui import filters, widgets
from ui.figures.claims import claims_figure, ledger_figure
from ui.page import page
from ui.selection import CLAIM_FACETS, CLAIM_QUERY_PARAMS, claims_matching, facet_options, ledger_matching, ledger_table

view, chosen, selected = page("Claims", title="Troop-number claims")

frames = view.frames(chosen)
claims = frames.claims
if view.counts()["claims"] == 0:
    st.info("No claims about troop numbers were found in this corpus. Add articles that report "
            "figures (e.g. “an estimated 130,000 Russian troops”), then reload.", icon=":material/inbox:")
    st.stop()

columns = st.columns(len(CLAIM_FACETS))
# kept across pages and in the URL, like the sidebar's filters (?claim_side=…&claimant=…)
chosen = {
    facet: filters.url_multiselect(column, field=facet, param=CLAIM_QUERY_PARAMS[facet], label=facet.capitalize(),
                                   options=facet_options(claims, facet), key=f"claims_filter_{facet}")
    for facet, column in zip(CLAIM_FACETS, columns)
}
if not ledger_view.question_switch(st):
    answered = without_questions(claims)
    if len(answered) < len(claims):
        st.caption(f"{len(claims) - len(answered)} figure(s) from reporters' questions hidden.")
    claims = answered
titles = frames.articles.set_index("article_id")["title"]
claims = claims.assign(article=claims["article_id"].map(titles).fillna(claims["article_id"]),
                       attribution=claims["article_id"].map(article_credits(frames.articles)).fillna(""))
# contested among every claim the sidebar keeps; the page's own filters then pick the rows shown
ledger = ledger_table(ledger_matching(build_ledger(claims), chosen), claims, titles)
sources = claims
claims = claims_matching(claims, chosen)
if claims.empty:
    widgets.nothing_matches("claims", selected)
    st.stop()

plotted = claims["date"].notna() & claims["value"].notna()
if plotted.any():
    if ledger_view.chart_view() == "series":
        st.plotly_chart(ledger_figure(ledger), key="claims_chart", width="stretch")
        st.caption("One panel per side, category and unit class, every claimant's figures on its axis; "
                   "◆ outlined: a contested claim; ○ open: a side guessed from the name nearest the figure. Bars "
                   "show a claimed range (low–high). Hover a point for its "
                   "sources and whom it is contested by. The busiest panels are drawn; the filters above narrow them.")
    else:
        st.plotly_chart(claims_figure(claims), key="claims_chart", width="stretch")
        st.caption("One series per claimant; bars show a claimed range (low–high). "
                   "Hover a point for the sentence and article it came from.")
if (~plotted).any():
    st.caption(f"{int((~plotted).sum())} claim(s) without a date or a figure are in the tables but not on the chart.")

ledger_view.contested(ledger)
ledger_view.ledger(ledger, sources)

st.subheader(f"Claims ({len(claims)})")
st.caption("Every figure as extracted, one row per figure in a sentence.")
table = claims[["date", "as_of", "claimant", "side", "value", "qualifier", "unit", "in_context", "low", "high", "category",
                "location", "article", "attribution", "flags"]].sort_values("date", na_position="last")
widgets.table(
    table, hide_index=True, width="stretch", key="claims_table",
    column_config={
        "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD",
                                            help="When the claim was made: a date in its clause, else publication"),
        "as_of": st.column_config.DateColumn("Applies to", format="YYYY-MM-DD",
                                             help="The date the figure is for, when the text gives one apart from "
                                                  "when it was claimed (\"as of Wednesday\")"),
        "claimant": "Claimed by", "side": "Whose forces",
        "value": st.column_config.NumberColumn("Figure", format="localized"),
        "low": st.column_config.NumberColumn("At least", format="localized"),
        "high": st.column_config.NumberColumn("At most", format="localized"),
        "qualifier": "Wording", "unit": "Unit", "category": "Category", "location": "Where",
        "in_context": st.column_config.TextColumn("Sentence (figure in ⟦ ⟧)", width="large"),
        "article": "Article", "attribution": "Attribution", "flags": "Flags",
    },
)
widgets.download_csv(table, file_name="claims.csv", key="claims_download")
