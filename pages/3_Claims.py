"""Claims: every figure about troop numbers, who claimed it and when."""
import streamlit as st

from core.figures import claims_figure
from core.highlight import article_credits
from ui import data, filters, widgets
from ui.selection import CLAIM_FACETS, CLAIM_QUERY_PARAMS, claims_matching, facet_options

widgets.page_setup("Claims")
st.title("Troop-number claims")
view = data.load_view()
widgets.corpus_view_or_stop(view)
chosen = filters.sidebar_filters(view.options())
selected = list(chosen.actors)

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
claims = claims_matching(claims, chosen)
if claims.empty:
    widgets.nothing_matches("claims", selected)
    st.stop()

titles = frames.articles.set_index("article_id")["title"]
claims = claims.assign(article=claims["article_id"].map(titles).fillna(claims["article_id"]),
                       attribution=claims["article_id"].map(article_credits(frames.articles)).fillna(""))
plotted = claims["date"].notna() & claims["value"].notna()
if plotted.any():
    st.plotly_chart(claims_figure(claims), key="claims_chart", width="stretch")
    st.caption("One series per claimant; bars show a claimed range (low–high). "
               "Hover a point for the sentence and article it came from.")
if (~plotted).any():
    st.caption(f"{int((~plotted).sum())} claim(s) without a date or a figure are in the table but not on the chart.")

st.subheader(f"Claims ({len(claims)})")
table = claims[["date", "claimant", "side", "value", "qualifier", "unit", "in_context", "low", "high", "category",
                "location", "article", "attribution", "flags"]].sort_values("date", na_position="last")
widgets.table(
    table, hide_index=True, width="stretch", key="claims_table",
    column_config={
        "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
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
