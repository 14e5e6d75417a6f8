"""Presenting, without Streamlit: an article as HTML with its annotations marked
(`highlight`) and the frames as CSV and zip downloads (`export`). The Plotly
figures are the dashboard's own (`ui/figures/`)."""
