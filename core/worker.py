"""Extraction in a separate process, so that the process serving pages never runs spaCy.

`extract_elsewhere(articles, entries=...)` yields `(article, ArticleResult or None)`
in input order, like `core.extract.iter_extracted`, but the pipeline runs in one
child process started for the job (spawned, so it shares no state with the
server) and ended after it: the memory a long article takes goes back to the
system when the job ends, and the server's own threads keep serving other
sessions meanwhile. Only the results travel back, as JSON. A failure on one
article yields None for it (and is logged); the job goes on with the rest. If
the child process dies (killed, out of memory), the articles not yet done yield
None and a new process is not started for them.
"""
from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterator, Sequence

from core.records import Article

log = logging.getLogger(__name__)

# How many articles are handed to the child ahead of the one being read back:
# enough to keep it busy, few enough that a cancelled job stops soon.
AHEAD = 4

_pipeline: Any = None
_entries: tuple = ()


def _start(entries: tuple) -> None:
    """In the child: load the pipeline once for the whole job."""
    global _pipeline, _entries
    from core.nlp import build_pipeline

    _pipeline = build_pipeline()
    _entries = entries


def _extract_one(article: Article) -> dict[str, Any]:
    """In the child: one article's result, as JSON (what the store keeps)."""
    from core.extract import iter_extracted

    ((_, result),) = list(iter_extracted([article], nlp=_pipeline, entries=_entries))
    return result.to_json()


def extract_elsewhere(articles: Sequence[Article], *, entries: Sequence[Any] = ()
                      ) -> Iterator[tuple[Article, Any]]:
    """(article, ArticleResult or None) for each of `articles`, in order, extracted in
    a child process (see the module's docstring). Closing the iterator early (a
    cancelled import) stops the child after the article it is on."""
    from core.extract import ArticleResult

    if not articles:
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_start, initargs=(tuple(entries),))
    pending: list[tuple[Article, Any]] = []
    queue = iter(articles)
    try:
        for article in queue:
            pending.append((article, pool.submit(_extract_one, article)))
            if len(pending) > AHEAD:
                yield _collect(*pending.pop(0), ArticleResult)
        while pending:
            yield _collect(*pending.pop(0), ArticleResult)
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(article: Article, future: Any, result_type: Any) -> tuple[Article, Any]:
    try:
        return article, result_type.from_json(future.result())
    except BrokenProcessPool:
        log.error("the extraction process stopped before %s", article.path or article.article_id)
        return article, None
    except Exception:  # noqa: BLE001 - one bad article must not sink the job
        log.exception("extraction failed on %s", article.path or article.article_id)
        return article, None
