"""Claims: every figure about troop numbers, who claimed it and when."""
import streamlit as st

from core.figures import claims_figure
from ui import data, filters, widgets
from ui.selection import claims_for_actors

widgets.page_setup("Claims")
st.title("Troop-number claims")
frames = widgets.corpus_frames_or_stop(data.load_corpus())
selected = filters.actor_filter(frames.actors)

claims = claims_for_actors(frames.claims, selected)
if frames.claims.empty:
    st.info("No claims about troop numbers were found in this corpus. Add articles that report "
            "figures (e.g. “an estimated 130,000 Russian troops”), then reload.", icon=":material/inbox:")
    st.stop()
if claims.empty:
    widgets.nothing_matches("claims", selected)
    st.stop()

plotted = claims["date"].notna() & claims["value"].notna()
if plotted.any():
    st.plotly_chart(claims_figure(claims), key="claims_chart", width="stretch")
    st.caption("One series per claimant; bars show a claimed range (low–high). "
               "Hover a point for the sentence it came from.")
if (~plotted).any():
    st.caption(f"{int((~plotted).sum())} claim(s) without a date are in the table but not on the chart.")

st.subheader(f"Claims ({len(claims)})")
table = claims[["date", "claimant", "side", "value", "low", "high", "qualifier", "unit", "category",
                "location", "sentence", "article_id"]].sort_values("date", na_position="last")
st.dataframe(
    table, hide_index=True, width="stretch", key="claims_table",
    column_config={
        "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
        "claimant": "Claimed by", "side": "About",
        "value": st.column_config.NumberColumn("Figure", format="localized"),
        "low": st.column_config.NumberColumn("Low", format="localized"),
        "high": st.column_config.NumberColumn("High", format="localized"),
        "qualifier": "Qualifier", "unit": "Unit", "category": "Category", "location": "Where",
        "sentence": st.column_config.TextColumn("Sentence", width="large"),
        "article_id": "Article",
    },
)
widgets.download_csv(table, file_name="claims.csv", key="claims_download")
