"""Streamlit helpers for the pages: cached corpus loading, the sidebar actor
filter, problem banners and CSV downloads. Pure selection logic (no
Streamlit) lives in `ui.selection` so tests can call it directly."""
