"""The corpus for the pages: the DuckDB store, kept in step with the corpus folders.

`load_view` syncs the store once per corpus fingerprint (file names, sizes and
modification times), so adding or editing an article extracts just that
article on the next rerun, and a restart extracts nothing. A corrupt store file
is moved aside and rebuilt from the corpus, with a warning naming where it went;
any other failure to open the store (locked by an ingest, say) is an error.
Tests inject a ready `CorpusResult` through `st.session_state[CORPUS_OVERRIDE_KEY]` instead:
its frames are served from an in-memory store with the same queries (`ui.source.frames_view`).
"""
from __future__ import annotations

import logging
import threading
import traceback
from pathlib import Path
from typing import Callable

import streamlit as st

from core.present.highlight import markdown_escape
from core.read import corpus
from core.read.corpus import CorpusResult
from core.store.db import Store, db_path_from_env, fingerprint_digest
from ui.imports import Job
from ui.source import StoreView, frames_view

CORPUS_OVERRIDE_KEY = "corpus_override"
log = logging.getLogger(__name__)


def load_view(*, before_stop: Callable[[], object] = lambda: None):
    """The corpus as the pages query it (`ui.source`): the injected test corpus,
    or the DuckDB store (`CRISIS_DB`, default `data/crisis.duckdb`) kept in step
    with the corpus folders: articles already stored are never extracted again.
    If the store cannot be opened, says why and stops the page, calling `before_stop` first."""
    override = st.session_state.get(CORPUS_OVERRIDE_KEY)
    if isinstance(override, CorpusResult):
        return frames_view(override.frames, problems=override.problems, pipeline_version=override.pipeline_version)
    paths = corpus.corpus_dirs_from_env()
    try:
        view = _view_of(paths, corpus.corpus_fingerprint(paths))
        extraction_note()
        recovery = store_recovery(str(db_path()))
        if recovery is not None:   # the paths are the user's: shown literally, not as markup
            st.warning(markdown_escape(recovery.message()), icon=":material/warning:")
        return view
    except Exception as error:  # noqa: BLE001 - shown to the user, with details on demand
        st.error(
            f"Could not open the corpus store {db_path()} for {', '.join(str(p) for p in paths)}: "
            f"{type(error).__name__}: {error}. If another process (a `python -m core ingest`) is writing "
            "to the store, wait for it to finish, then reload."
        )
        with st.expander("Details"):
            st.code(traceback.format_exc(), language="text")
        before_stop()
        st.stop()
        raise  # unreachable: st.stop() raises


def db_path() -> Path:
    return db_path_from_env()


@st.cache_resource(show_spinner=False)
def _open_store(path: str):
    """One store connection per server process, with the lock its queries share.
    A corrupt store file is moved aside and a fresh one started (`core.store.db.Store`);
    a locked or unreadable one raises, and `load_view` shows the error."""
    store = Store(Path(path))
    if store.recovery is not None:
        log.warning("%s", store.recovery.message())
    return store, threading.RLock()


def store_recovery(path: str):
    """The `core.store.db.Recovery` of the open store at `path` (the corrupt file it moved
    aside when this server process opened it), or None. Shown on every page until
    a restart, so whoever looks learns where the old file went."""
    store, _ = _open_store(path)
    return store.recovery


def _view_of(paths: list[Path], fingerprint: str):
    """The store's view of the corpus `paths` at `fingerprint` (cached per both)."""
    return _store_view(str(db_path()), tuple(str(p) for p in paths), fingerprint)


def _holds(store, fingerprint: str) -> bool:
    """Whether the last complete sync of `store` was of the corpus at `fingerprint`:
    its files are as they were then, so there is nothing to read."""
    return store.synced_fingerprint() == fingerprint_digest(fingerprint)


@st.cache_resource(show_spinner="Reading the corpus; extracting articles not yet in the store…", max_entries=4)
def _store_view(path: str, paths: tuple[str, ...], fingerprint: str):
    # `fingerprint` is only part of the key: it changes when a corpus file does.
    store, lock = _open_store(path)
    if import_job().status().running:
        return StoreView(store, lock=lock)     # the last committed store; the job clears this cache when done
    with lock:
        if _holds(store, fingerprint):
            return StoreView(store, lock=lock)
        report = _sync(store, [Path(p) for p in paths], fingerprint=fingerprint)
    return StoreView(store, problems=report.problems, lock=lock)


def import_job():
    """The server's one background extraction job for its store (`ui.imports.Job`)."""
    return _import_job(str(db_path()))


@st.cache_resource(show_spinner=False)
def _import_job(path: str):
    return Job(db_path=Path(path), open_store=lambda: _open_store(path), on_done=_store_view.clear)


def extraction_note() -> None:
    """A small note on every page while imported articles are being extracted."""
    status = import_job().status()
    if status.running:
        left = f"{status.total - status.done} of {status.total}" if status.total else "new"
        st.caption(f"⏳ {left} imported article(s) being extracted in the background; the pages show the "
                   "corpus as it was before, until they are stored.")


def _sync(store, paths: list[Path], *, fingerprint: str, **options):
    """Sync the store with `paths`; a complete sync records the corpus fingerprint
    it was taken at, so the next load (or a restart) need not read the files."""
    report = store.sync(paths, **options)
    if not report.cancelled:
        store.record_fingerprint(fingerprint)
    return report


def warm_store() -> bool:
    """Open the store and, when it is in step with the corpus folders, read what every
    page asks first (counts, filter options), into this process's caches: for
    `ui.launch`, before the server listens, so the first visitor does not wait for it.
    Never syncs (`build_store` does, with its progress on the terminal); False when
    the store needs a sync or cannot be opened (the page then says why)."""
    paths = corpus.corpus_dirs_from_env()
    try:
        store, _lock = _open_store(str(db_path()))
        fingerprint = corpus.corpus_fingerprint(paths)
        if not _holds(store, fingerprint):
            return False
        view = _view_of(paths, fingerprint)
        view.counts()
        view.options()
    except Exception:  # noqa: BLE001 - the first page load opens it again and shows the error
        log.warning("could not warm the store %s up", db_path(), exc_info=True)
        return False
    return True


def build_store(*, progress=None, batch_size: int = 8):
    """For `ui.launch`, before the server listens: bring the store in step with the
    corpus folders now, extracting what it lacks and reporting `progress(done, total)`
    after each committed batch, so the first visitor does not wait for it. The same
    store, folders, actor dictionary and recorded fingerprint as a page's sync: the
    first page then finds the store in step and extracts nothing. None (nothing read)
    when it is in step already, else the `core.store.db.SyncReport`."""
    store, _lock = _open_store(str(db_path()))
    if _holds(store, corpus.corpus_fingerprint(corpus.corpus_dirs_from_env())):
        return None
    return sync_store(progress=progress, batch_size=batch_size)


def sync_store(*, progress=None, batch_size: int = 4):
    """Bring the store in step with the corpus folders now (after an import),
    reporting `progress(done, total)` after each small committed batch. A rerun
    (the Cancel button) stops it between batches: what is committed stays,
    the rest is extracted on the next page load."""
    store, lock = _open_store(str(db_path()))
    paths = corpus.corpus_dirs_from_env()
    with lock:
        report = _sync(store, paths, fingerprint=corpus.corpus_fingerprint(paths), progress=progress,
                       batch_size=batch_size)
    _store_view.clear()
    return report
