"""The corpus for the pages: `core.corpus.build_frames`, cached by Streamlit.

The cache key is the corpus folders, the cache folder and the corpus
fingerprint (file names, sizes and modification times), so adding or editing
an article re-extracts on the next rerun. Tests inject a ready
`CorpusResult` through `st.session_state[CORPUS_OVERRIDE_KEY]` instead.
"""
from __future__ import annotations

import traceback
from pathlib import Path

import streamlit as st

from core import corpus
from core.corpus import CorpusResult

CORPUS_OVERRIDE_KEY = "corpus_override"


@st.cache_data(show_spinner="Reading and extracting the corpus…", max_entries=4)
def _build(paths: tuple[str, ...], cache_dir: str | None, fingerprint: str) -> CorpusResult:
    # `fingerprint` is only part of the key: it changes when a corpus file does.
    return corpus.build_frames([Path(p) for p in paths], cache_dir=Path(cache_dir) if cache_dir else None)


def corpus_dirs() -> list[Path]:
    return corpus.corpus_dirs_from_env()


def load_corpus() -> CorpusResult:
    """The corpus result (cached); on failure, an error on the page and a stop."""
    override = st.session_state.get(CORPUS_OVERRIDE_KEY)
    if isinstance(override, CorpusResult):
        return override
    paths = corpus_dirs()
    cache_dir = corpus.cache_dir_from_env()
    try:
        fingerprint = corpus.corpus_fingerprint(paths)
        return _build(tuple(str(p) for p in paths), str(cache_dir) if cache_dir else None, fingerprint)
    except Exception as error:  # noqa: BLE001 - shown to the user, with details on demand
        st.error(
            f"Could not read the corpus in {', '.join(str(p) for p in paths)}: "
            f"{type(error).__name__}: {error}. Check the folder (or `CRISIS_CORPUS`) and reload."
        )
        with st.expander("Details"):
            st.code(traceback.format_exc(), language="text")
        st.stop()
        raise  # unreachable: st.stop() raises


def load_view():
    """The corpus as the pages query it (`ui.source`): the injected test corpus,
    or the corpus folders read and extracted (cached)."""
    from ui.source import FramesView

    result = load_corpus()
    return FramesView(result.frames, problems=result.problems, pipeline_version=result.pipeline_version)
