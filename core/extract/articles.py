"""Articles to results: the spaCy pipeline and every extractor over each article.

`extract_articles` runs the pipeline over each article (or takes its cached
result) and calls each extractor on the Doc (`extract_doc`); results are plain
records (`core.records.ArticleResult`), cached per article and pipeline version.
The corpus's frames are made from them by `core.combine.assemble`.

An extractor that fails on one article is logged and recorded as that
article's warning; the rest of the article and the corpus go on. An article
longer than `core.extract.chunks.CHUNK_CHARS` is extracted in pieces of whole
paragraphs, its offsets into the whole text (`extract_long`).
"""
from __future__ import annotations

import dataclasses
import logging
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from core.extract import actors as actors_mod
from core.extract import claims as claims_mod
from core.extract import event_mentions as event_mentions_mod
from core.extract import places as places_mod
from core.extract import speakers as speakers_mod
from core.extract import timex as timex_mod
from core.extract.chunks import CHUNK_CHARS, paragraph_spans
from core.extract.model import EXTRACT_COMPONENT
from core.records import Article, ArticleResult, EventMention, Mention, Sentence, Timex
from core.store.cache import ResultCache

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R")
Rec = TypeVar("Rec", bound="DataclassInstance")  # a record of core.records
log = logging.getLogger(__name__)

def _guarded(step: str, article: Article, errors: list[str], run: Callable[[], Iterable[R]]) -> tuple[R, ...]:
    """Run one extractor; on failure note it (its traceback in the log at INFO level:
    the note is the problem line users see) and return nothing."""
    try:
        return tuple(run())
    except Exception as error:  # noqa: BLE001 - one extractor must not sink the article
        log.info("%s failed on %s", step, article.path or article.article_id, exc_info=True)
        errors.append(f"{step} failed: {type(error).__name__}: {error}")
        return ()


# --- which sentences the rules read syntax in ----------------------------------------
# The bulk pipeline is NER only (`core.extract.pipeline.build_pipeline`); the tagger, parser
# and lemmatizer run on the sentences below alone (`core.extract.syntax.annotate_sentences`).
# Each test is lexical and errs on the side of parsing.


def extract_doc(doc: Doc, article: Article, *, entries: Sequence[actors_mod.DictionaryEntry] = ()) -> ArticleResult:
    """All extractors over one processed Doc."""
    errors: list[str] = []
    claims_mod.remember_text(doc, article.text)
    timexes = _guarded("time expressions", article, errors, lambda: timex_mod.iter_timexes(doc, article.published))
    voices = speakers_mod.voices(article.text, title=article.title, side=article.side, entries=entries)
    claims = _guarded(
        "claims", article, errors,
        lambda: claims_mod.iter_claims(doc, published=article.published, timexes=timexes, voices=voices),
    )
    actor_mentions = _guarded("actors", article, errors, lambda: actors_mod.iter_actor_mentions(doc, entries=entries))
    place_mentions = _guarded("places", article, errors, lambda: places_mod.iter_place_mentions(doc))
    sentences = tuple(Sentence(s.start_char, s.end_char) for s in doc.sents)
    event_mentions = _guarded(
        "events", article, errors,
        lambda: event_mentions_mod.iter_event_mentions(
            doc, published=article.published, timexes=timexes, actor_mentions=actor_mentions,
            place_mentions=place_mentions),
    )
    return ArticleResult(
        article_id=article.article_id,
        timexes=timexes,
        claims=claims,
        actor_mentions=actor_mentions,
        place_mentions=place_mentions,
        sentences=sentences,
        errors=tuple(errors),
        event_mentions=event_mentions,
    )


ARTICLE_KEY = "crisis_article"   # doc.user_data: the article a Doc is extracted for
RESULT_KEY = "crisis_result"     # doc.user_data: its ArticleResult, as JSON


def _request_user_data(article: Article, entries: Sequence[actors_mod.DictionaryEntry]) -> dict[str, Any]:
    """What `crisis_extract` needs to know of the article, in msgpack-able values."""
    return {
        "article": {k: (v.isoformat() if isinstance(v, date) else list(v) if isinstance(v, tuple) else v)
                    for k, v in dataclasses.asdict(article).items() if k != "text"},
        "entries": [dataclasses.asdict(e) for e in entries],
    }


def request_from_user_data(request: dict[str, Any], text: str) -> tuple[Article, tuple[actors_mod.DictionaryEntry, ...]]:
    fields = dict(request["article"])
    if fields.get("published"):
        fields["published"] = date.fromisoformat(fields["published"])
    fields["warnings"] = tuple(fields.get("warnings", ()))
    entries = tuple(actors_mod.DictionaryEntry(**{**e, "aliases": tuple(e["aliases"])}) for e in request["entries"])
    return Article(text=text, **fields), entries


def iter_extracted(
    articles: Sequence[Article],
    *,
    nlp: Language | Callable[[], Language],
    entries: Sequence[actors_mod.DictionaryEntry] = (),
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[Article, ArticleResult]]:
    """Each article with its result, in input order, as the pipeline delivers them.

    With the extraction pipeline (`core.extract.pipeline.build_pipeline`) the extractors run
    inside it, so with `n_process` > 1 in the worker processes too, and only
    the results travel back. Any other pipeline runs as it is, and the
    extractors run here on its Docs.

    An article longer than `core.extract.chunks.CHUNK_CHARS` (or the pipeline's
    `max_length`, if less) is extracted in pieces of whole paragraphs, one
    piece at a time, and its result put together with every offset into the
    whole text (`extract_long`): spaCy refuses a text over `max_length`, and a
    Doc's memory grows with its length. The articles around it go through the
    pipeline in batches of at most `batch_size` articles and, bar one article,
    `BATCH_PIECES` pieces' worth of characters (a batch's Docs are in memory together).
    """
    if not articles:
        return
    pipeline = nlp if isinstance(nlp, Language) else nlp()
    entries = tuple(entries)
    limit = piece_limit(pipeline)
    run: list[Article] = []
    for article in articles:
        if len(article.text) <= limit:
            run.append(article)
            continue
        yield from _extract_whole(run, pipeline, entries, n_process=n_process,
                                  batch_size=_batch_for(run, batch_size, limit))
        run = []
        yield article, extract_long(article, pipeline=pipeline, entries=entries, limit=limit)
    yield from _extract_whole(run, pipeline, entries, n_process=n_process, batch_size=_batch_for(run, batch_size, limit))


# A batch of whole articles holds at most this many pieces' worth of characters
# (core.extract.chunks.CHUNK_CHARS each): 64 news articles of 5,000 characters fit, 64 of 90,000 do not.
BATCH_PIECES = 4


def _batch_for(articles: Sequence[Article], batch_size: int, limit: int) -> int:
    """`batch_size`, made smaller when that many of the longest of `articles` would
    hold more than `BATCH_PIECES` × `limit` characters; at least 1."""
    longest = max((len(a.text) for a in articles), default=0)
    return max(1, min(batch_size, BATCH_PIECES * limit // max(longest, 1)))


def piece_limit(pipeline: Language) -> int:
    """The most characters extracted as one Doc: `core.extract.chunks.CHUNK_CHARS`, or the pipeline's `max_length` if less."""
    return max(1, min(CHUNK_CHARS, pipeline.max_length))


def _extract_whole(articles: Sequence[Article], pipeline: Language, entries: tuple[actors_mod.DictionaryEntry, ...],
                   *, n_process: int, batch_size: int) -> Iterator[tuple[Article, ArticleResult]]:
    """Each article extracted as one Doc, in batches, in input order."""
    if not articles:
        return
    if EXTRACT_COMPONENT in pipeline.pipe_names:
        def requests() -> Iterator[Doc]:
            for article in articles:
                doc = pipeline.make_doc(article.text)
                doc.user_data[ARTICLE_KEY] = _request_user_data(article, entries)
                yield doc

        carriers = pipeline.pipe(requests(), n_process=n_process, batch_size=batch_size)
        for article, carrier in zip(articles, carriers):
            data = carrier.user_data.get(RESULT_KEY)
            yield article, (ArticleResult.from_json(data) if data is not None
                            else extract_doc(carrier, article, entries=entries))
        return
    docs = pipeline.pipe((a.text for a in articles), n_process=n_process, batch_size=batch_size)
    for article, doc in zip(articles, docs):
        yield article, extract_doc(doc, article, entries=entries)


def extract_long(article: Article, *, pipeline: Language, entries: Sequence[actors_mod.DictionaryEntry] = (),
                 limit: int | None = None) -> ArticleResult:
    """One article extracted in pieces of whole paragraphs (`core.extract.chunks.paragraph_spans`),
    one Doc at a time in this process, so memory holds one piece's Doc; the
    pieces' results joined (`join_pieces`) with offsets into the whole text.

    What reads across a cut is lost at it: a relative date anchored on a date
    in the piece before, a pronoun whose person is named there."""
    spans = paragraph_spans(article.text, limit or piece_limit(pipeline))
    pieces = []
    for start, end in spans:
        piece = dataclasses.replace(article, text=article.text[start:end])
        ((_, result),) = _extract_whole([piece], pipeline, tuple(entries), n_process=1, batch_size=1)
        pieces.append((start, result))
    return join_pieces(article, pieces)


def join_pieces(article: Article, pieces: Sequence[tuple[int, ArticleResult]]) -> ArticleResult:
    """The results of an article's pieces, each with the character offset its piece
    starts at, as one result: every offset (start, end, sent_start, sent_end) moved by
    its piece's start and every sentence index by the sentences of the pieces before."""
    fields: dict[str, list[Any]] = defaultdict(list)
    errors: list[str] = []
    sentences_before = 0
    records = [f.name for f in dataclasses.fields(ArticleResult) if f.name not in ("article_id", "errors")]
    for offset, result in pieces:
        for name in records:
            fields[name] += [_moved(record, offset, sentences_before) for record in getattr(result, name)]
        errors += result.errors
        sentences_before += len(result.sentences)
    fields["claims"] = claims_mod.repeats_share_sides(fields["claims"])   # a repeat in another piece
    return ArticleResult(article_id=article.article_id, errors=tuple(dict.fromkeys(errors)),
                         **{name: tuple(moved) for name, moved in fields.items()})


# The fields of a record that are character offsets, and those that index sentences.
_OFFSET_FIELDS = ("start", "end", "sent_start", "sent_end")
_SENTENCE_INDEX_FIELDS = {Timex: "sentence", Mention: "sentence", EventMention: "sentence"}


def _moved(record: Rec, offset: int, sentences_before: int) -> Rec:
    """`record` with its offsets moved by `offset` and its sentence index by `sentences_before`."""
    changes = {name: getattr(record, name) + offset for name in _OFFSET_FIELDS if hasattr(record, name)}
    index = _SENTENCE_INDEX_FIELDS.get(type(record))
    if index and getattr(record, index) >= 0:
        changes[index] = getattr(record, index) + sentences_before
    return dataclasses.replace(record, **changes) if changes else record


def extract_articles(
    articles: Sequence[Article],
    *,
    nlp: Language | Callable[[], Language],
    entries: Sequence[actors_mod.DictionaryEntry] = (),
    cache: ResultCache | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> list[ArticleResult]:
    """Per-article results, from the cache where present, else from the pipeline.

    `nlp` may be a function that builds the pipeline: it is called only when
    some article is not cached, so a fully cached corpus never loads the model.
    """
    results: dict[str, ArticleResult] = {}
    todo: list[Article] = []
    for article in articles:
        cached = cache.get(cache_key(article)) if cache else None
        if cached is not None:
            try:
                results[article.article_id] = ArticleResult.from_json(cached)
                continue
            except (KeyError, TypeError, ValueError) as error:
                log.warning("cached result for %s is malformed (%s); re-extracting", article.path, error)
        todo.append(article)
    for article, result in iter_extracted(todo, nlp=nlp, entries=entries, n_process=n_process, batch_size=batch_size):
        if cache is not None and not result.errors:
            cache.put(cache_key(article), result.to_json())
        results[article.article_id] = result
    return [results[a.article_id] for a in articles]


def cache_key(article: Article) -> str:
    """A result depends on the text and on the publication date (relative dates
    resolve against it): a corrected date must not be served the old result."""
    return f"{article.article_id}-{article.published.isoformat() if article.published else 'undated'}"


