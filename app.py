"""Crisis Timeline: run with `streamlit run app.py` (or `make run`).

The entry point only lists the pages, with their titles, icons and URL paths;
each view is a file under `pages/`. The page icons are emoji: Streamlit turns a
page's `:material/…:` icon into a favicon fetched from fonts.gstatic.com, while an
emoji is drawn by the browser's own fonts, so no page asks another host for anything.
"""
import streamlit as st

PAGES = [
    st.Page("pages/0_Overview.py", title="Overview", icon="📋", url_path="", default=True),
    st.Page("pages/1_Timeline.py", title="Timeline", icon="📈", url_path="Timeline"),
    st.Page("pages/2_Actors.py", title="Actors", icon="👥", url_path="Actors"),
    st.Page("pages/3_Claims.py", title="Claims", icon="🎖️", url_path="Claims"),
    st.Page("pages/4_Articles.py", title="Articles", icon="📰", url_path="Articles"),
    st.Page("pages/5_Import.py", title="Import", icon="📥", url_path="Import"),
]

st.navigation(PAGES).run()
