"""Extraction in a separate process, so that the process serving pages never runs spaCy.

`extract_elsewhere(articles, entries=..., failed=...)` yields `(article, ArticleResult
or failed(article, error))`
in input order, like `core.extract.articles.iter_extracted`, but the pipeline runs in one
child process started for the job (spawned, so it shares no state with the
server) and ended after it: the memory a long article takes goes back to the
system when the job ends, and the server's own threads keep serving other
sessions meanwhile. Only the results travel back, as JSON. A failure on one
article yields `failed(article, error)` for it (its traceback logged); the job goes
on with the rest. If the child process dies (killed, out of memory), each article
not yet done yields `failed(article, BrokenProcessPool(...))`, and no new process
is started for them.

The child does not run the parent's main script. A spawned child first re-runs the
file of the parent's `__main__` module (multiprocessing's "safe importing of the main
module"), and in a Streamlit server that module is the script Streamlit ran last
(Streamlit installs each script it runs as `__main__`): the child would run a page in
bare mode first, and a page loads the corpus and syncs the store. So the child is
started while `__main__` is a blank module (`_main_script_hidden`); it needs nothing
from `__main__`, only this module's functions and the articles.
"""
from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
import types
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Sequence

from core.records import Article, ArticleResult

log = logging.getLogger(__name__)

# How many articles are handed to the child ahead of the one being read back:
# enough to keep it busy, few enough that a cancelled job stops soon.
AHEAD = 4

_pipeline: Any = None
_entries: tuple = ()

# One child starts at a time while `__main__` is swapped (see the module docstring).
_STARTING = threading.Lock()


@contextmanager
def _main_script_hidden() -> Iterator[None]:
    """`__main__` is a blank module while the block runs (a child process starts), then
    what it was, unless another thread has installed a new one meanwhile (Streamlit, at
    the start of a script run), which is kept."""
    with _STARTING:
        main = sys.modules.get("__main__")
        blank = types.ModuleType("__main__")
        sys.modules["__main__"] = blank
        try:
            yield
        finally:
            if sys.modules.get("__main__") is blank and main is not None:
                sys.modules["__main__"] = main


def _start(entries: tuple) -> None:
    """In the child: load the pipeline once for the whole job."""
    global _pipeline, _entries
    # here, in the child: the serving process never loads spaCy's pipeline
    from core.extract.pipeline import build_pipeline

    _pipeline = build_pipeline()
    _entries = entries


def _extract_one(article: Article) -> dict[str, Any]:
    """In the child: one article's result, as JSON (what the store keeps)."""
    from core.extract.articles import iter_extracted  # here, in the child (see _start)

    ((_, result),) = list(iter_extracted([article], nlp=_pipeline, entries=_entries))
    return result.to_json()


def extract_elsewhere(articles: Sequence[Article], *, entries: Sequence[Any] = (),
                      failed: Callable[[Article, BaseException], Any] = lambda article, error: None
                      ) -> Iterator[tuple[Article, Any]]:
    """(article, ArticleResult or `failed(article, error)`) for each of `articles`, in
    order, extracted in a child process (see the module's docstring). Closing the
    iterator early stops the child after the article it is on."""
    if not articles:
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_start, initargs=(tuple(entries),))
    pending: list[tuple[Article, Any]] = []
    try:
        with _main_script_hidden():      # the first submit starts the child, the pool's only one
            pending.append((articles[0], pool.submit(_extract_one, articles[0])))
        for article in articles[1:]:
            pending.append((article, pool.submit(_extract_one, article)))
            if len(pending) > AHEAD:
                yield _collect(*pending.pop(0), ArticleResult, failed)
        while pending:
            yield _collect(*pending.pop(0), ArticleResult, failed)
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(article: Article, future: Any, result_type: Any,
             failed: Callable[[Article, BaseException], Any]) -> tuple[Article, Any]:
    try:
        return article, result_type.from_json(future.result())
    except BrokenProcessPool as error:
        log.error("the extraction process stopped before %s", article.path or article.article_id)
        return article, failed(article, error)
    except Exception as error:  # noqa: BLE001 - one bad article must not sink the job
        log.info("extraction failed on %s", article.path or article.article_id, exc_info=True)
        return article, failed(article, error)
