"""The Import page's view of the server's background extraction job (`ui.imports`):
its progress while it runs, then what became of each file the session imported."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import data


@st.fragment(run_every=1.0)
def extraction_progress(waiting_key: str, *, summary_key: str, failed_key: str) -> None:
    """While the server's background job extracts this session's imports: its progress,
    redrawn every second; then what became of each file, and a rerun of the page."""
    waiting = st.session_state.get(waiting_key)
    status = data.import_job().status()
    if status.running:
        done, total = status.done, status.total
        st.progress(done / total if total else 0.0,
                    text=(f"Extracting in the background: {done} of {total} article(s) extracted and stored. "
                          "You can leave this page; every page shows the corpus as it was until they are stored."
                          if total else "Extracting in the background: loading the language model…"))
        return
    st.session_state.pop(waiting_key, None)
    lines = list(waiting["summary"])
    if status.error:
        st.session_state[failed_key] = True
        lines.append(f"Extraction stopped: {status.error}. The files are imported; they are extracted when "
                     "a page next loads the corpus.")
    else:
        failed = status.report.failures_of([Path(p) for p in waiting["saved"]]) if status.report else []
        lines += [f.problem() for f in failed] or ["Extraction done: the Timeline shows the new events."]
        st.session_state[failed_key] = bool(failed)
    st.session_state[summary_key] = lines
    st.rerun(scope="app")
