"""Crisis Timeline: run with `streamlit run app.py` (or `make run`).

The entry point only lists the pages, with their titles, icons and URL paths;
each view is a file under `pages/`.
"""
import streamlit as st

PAGES = [
    st.Page("pages/0_Overview.py", title="Overview", icon=":material/dashboard:", url_path="", default=True),
    st.Page("pages/1_Timeline.py", title="Timeline", icon=":material/timeline:", url_path="Timeline"),
    st.Page("pages/2_Actors.py", title="Actors", icon=":material/groups:", url_path="Actors"),
    st.Page("pages/3_Claims.py", title="Claims", icon=":material/military_tech:", url_path="Claims"),
    st.Page("pages/4_Articles.py", title="Articles", icon=":material/article:", url_path="Articles"),
    st.Page("pages/5_Import.py", title="Import", icon=":material/upload_file:", url_path="Import"),
]

st.navigation(PAGES).run()
