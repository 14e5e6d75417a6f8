"""Extracting the articles a sync must store: which ones need it, running the
pipeline over them (spaCy, loaded only when something is to be extracted), and
what is kept of an article the pipeline fails on. No SQL here."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from core.read.ingest import printable
from core.records import Article

log = logging.getLogger(__name__)

MESSAGE_CHARS = 500                    # a failure's message is cut to this many characters


@dataclass(frozen=True)
class ExtractionFailure:
    """An article the pipeline could not extract: its file and why, in one line."""

    article_id: str
    path: str
    message: str

    def problem(self) -> str:
        """The problem line: the file, then what went wrong."""
        return (f"{printable(self.path)}: extraction failed: {self.message}; "
                "not tried again until the file or the pipeline changes")


def failure_message(error: BaseException) -> str:
    """An exception as one line of at most `MESSAGE_CHARS` characters: its type and message."""
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text if len(text) <= MESSAGE_CHARS else text[:MESSAGE_CHARS - 1] + "\u2026"


def needs_extraction(articles: Sequence[Article], stored: dict[str, str | None]) -> list[Article]:
    """The articles to extract: not stored for this version, or stored with another
    publication date (relative dates such as "on Sunday" resolve against it, so a
    corrected date must re-extract the article even though its text is the same)."""
    def published(article: Article) -> str | None:
        return article.published.isoformat() if article.published else None

    return [a for a in articles if a.article_id not in stored or stored[a.article_id] != published(a)]


def extract_or_fail(todo: Sequence[Article], *, nlp: Any, entries: Sequence[Any], n_process: int,
                     batch_size: int) -> Iterator[tuple[Article, Any]]:
    """(article, ArticleResult or ExtractionFailure) for each article, in order, streaming.
    `nlp` is a Language or a function that builds one (None: `core.extract.pipeline.build_pipeline`).
    A failure's traceback goes to the log at INFO level; its message is in the ExtractionFailure."""
    # spaCy and the extractors: imported here, so that a process that only reads the store never loads them
    from spacy.language import Language

    from core.extract.articles import iter_extracted
    from core.extract.pipeline import build_pipeline

    if nlp is None:
        nlp = build_pipeline
    pipeline = nlp if isinstance(nlp, Language) else nlp()
    done = 0
    try:
        stream = iter_extracted(todo, nlp=pipeline, entries=entries, n_process=n_process,
                                batch_size=min(batch_size, 64))
        for article, result in stream:
            done += 1
            yield article, result
    except Exception:  # noqa: BLE001 - the pipeline broke mid-stream: go on one by one
        log.info("the pipeline failed after %d articles; extracting the rest one by one", done, exc_info=True)
        for article in todo[done:]:
            try:
                yield next(iter(iter_extracted([article], nlp=pipeline, entries=entries)))
            except Exception as error:  # noqa: BLE001 - one bad article must not sink the run
                log.info("extraction failed on %s", article.path or article.article_id, exc_info=True)
                yield article, ExtractionFailure(article.article_id, article.path, failure_message(error))
