"""Articles to frames, in named steps.

1. `extract_articles`: run the spaCy pipeline over each article (or take its
   cached result) and call each extractor on the Doc; results are plain
   records, cached per article and pipeline version.
2. `assemble`: corpus-level decisions that need every article at once
   (one name per actor, geocoding with the corpus's countries, events), then
   the frames.

An extractor that fails on one article is logged and recorded as that
article's warning; the rest of the article and the corpus go on. An article
longer than `core.chunks.CHUNK_CHARS` is extracted in pieces of whole
paragraphs, its offsets into the whole text (`extract_long`).
"""
from __future__ import annotations

import dataclasses
import logging
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span

from core import actors as actors_mod
from core import claims as claims_mod
from core import countries as countries_mod
from core import event_lexicon
from core import event_mentions as event_mentions_mod
from core import events as events_mod
from core import places as places_mod
from core import speakers as speakers_mod
from core import timex as timex_mod
from core.frames import Frames, frame
from core.event_merge import Correction
from core.records import Article, Claim, EventMention, Mention, Timex
from core.store import ResultCache

log = logging.getLogger(__name__)
R = TypeVar("R")
_DATE_FIELDS = {"date_start", "date_end", "date", "as_of", "published"}


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class ArticleResult:
    """Everything extracted from one article, before corpus-level resolution."""

    article_id: str
    timexes: tuple[Timex, ...] = ()
    claims: tuple[Claim, ...] = ()
    actor_mentions: tuple[Mention, ...] = ()
    place_mentions: tuple[Mention, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    errors: tuple[str, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "timexes": [_record_to_json(r) for r in self.timexes],
            "claims": [_record_to_json(r) for r in self.claims],
            "actor_mentions": [_record_to_json(r) for r in self.actor_mentions],
            "place_mentions": [_record_to_json(r) for r in self.place_mentions],
            "sentences": [_record_to_json(r) for r in self.sentences],
            "errors": list(self.errors),
            "event_mentions": [_record_to_json(r) for r in self.event_mentions],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ArticleResult":
        return cls(
            article_id=data["article_id"],
            timexes=tuple(_record_from_json(Timex, r) for r in data["timexes"]),
            claims=tuple(_record_from_json(Claim, r) for r in data["claims"]),
            actor_mentions=tuple(_record_from_json(Mention, r) for r in data["actor_mentions"]),
            place_mentions=tuple(_record_from_json(Mention, r) for r in data["place_mentions"]),
            sentences=tuple(_record_from_json(Sentence, r) for r in data["sentences"]),
            errors=tuple(data.get("errors", ())),
            event_mentions=tuple(_record_from_json(EventMention, r) for r in data.get("event_mentions", ())),
        )


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _record_to_json(record: Any) -> dict[str, Any]:
    """A flat record (`core.records`) as a JSON-able dict: dates in ISO form. Field by
    field, not `dataclasses.asdict`, which deep-copies every value (a tenth of the
    extraction's own time)."""
    row = {name: getattr(record, name) for name in _field_names(type(record))}
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}


def _record_from_json(cls: type[R], row: dict[str, Any]) -> R:
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name not in row:
            continue
        value = row[f.name]
        if f.name in _DATE_FIELDS and isinstance(value, str):
            value = date.fromisoformat(value)
        elif isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return cls(**values)


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
# The bulk pipeline is NER only (`core.nlp.build_pipeline`); the tagger, parser
# and lemmatizer run on the sentences below alone (`core.syntax.annotate_sentences`).
# Each test is lexical and errs on the side of parsing.

# Entity labels that may name an actor (and so make a sentence an event).
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# A four-digit year: the expression's value does not hang on the verb's tense.
_YEAR = re.compile(r"\b(1[0-9]|20|21)\d\d\b")
# Months that are also verbs or modals: the time-expression rules read their tag.
_VERB_MONTHS = frozenset({"May", "March"})
_ROLE_WINDOW = 6     # tokens before a name that `actors._role_and_country` reads


@lru_cache(maxsize=1)
def _lemma_exceptions() -> tuple[tuple[str, str], ...]:
    """(irregular form, lemma) pairs from the model's lemmatizer tables."""
    from core.syntax import syntax_pipeline

    lookups = syntax_pipeline().get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_exc"):
        return ()
    table = lookups.get_table("lemma_exc")
    return tuple((form, lemma) for pos in table.keys() for form, lemmas in table[pos].items() for lemma in lemmas)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(word for title in actors_mod.titles() for word in title.split())


def _tense_matters(span: Span) -> bool:
    """A date or time without a year: a weekday, a month, a season reads the verb's tense."""
    return span.label_ in ("DATE", "TIME") and not _YEAR.search(span.text)


def _needs_syntax(sent: Span, sent_ents: Sequence[Span], sent_timexes: Sequence[Span], trigger_forms: frozenset[str],
                  metonyms: frozenset[str]) -> bool:
    """`sent_ents`: the sentence's entities (`sent.ents`); `sent_timexes`: the time expressions that start in it."""
    doc = sent.doc
    if any(t.text in _VERB_MONTHS for t in sent):
        return True                                   # "May" the month or the modal
    if any(_tense_matters(span) for span in sent_timexes):
        return True                                   # timex: the governing verb's tense
    ents = [e for e in sent_ents if e.label_ in _ACTOR_LABELS]
    lowered = {t.lower_ for t in sent}
    if not lowered.isdisjoint(metonyms):
        return True                                   # "Moscow said" or "flew to Moscow", tagged or not
    if not lowered.isdisjoint(trigger_forms):
        return True                                   # an event trigger: its part of speech, modality, roles
    for ent in ents:
        if ent.label_ == "PERSON":
            before = doc[max(sent.start, ent.start - _ROLE_WINDOW):ent.start]
            if any(t.lower_.rstrip(".") in _title_words() or countries_mod.country_for(t.text) for t in before):
                return True                           # a role or a country before the name
        if ent.label_ == "ORG" and any(t.text[:1].isupper() and places_mod.is_known_place(t.text) for t in ent):
            return True                               # a city inside an organisation's name
    return False


def sentences_needing_syntax(sentences: Sequence[Span]) -> set[int]:
    """Indices of the sentences whose tags, lemmas or tree some rule reads:
    the claim rules' own choice (`claims._sentences_to_parse`) and, for a
    claim with a pronoun, every earlier sentence that may name a person; a
    date or time whose value hangs on the tense; a word that may be an event
    trigger (`core.event_lexicon.trigger_forms`); a metonym, a title or country before a
    person's name, a city inside an organisation's name."""
    if not sentences:
        return set()
    doc = sentences[0].doc
    lex = claims_mod.lexicons()
    chosen = set(claims_mod._sentences_to_parse(sentences, lex))
    ents_of = _per_sentence(sentences, doc.ents, whole=True)
    names_someone: list[bool] | None = None       # per sentence, worked out once when a claim needs it
    for index, sent in enumerate(sentences):
        if claims_mod._might_hold_claims(sent, lex) and any(t.lower_ in claims_mod._PRONOUNS_PERSON for t in sent):
            if names_someone is None:
                names_someone = [any(e.label_ == "PERSON" for e in ents_of[i])
                                 or any(t.lower_.rstrip(".") in lex.titles for t in sentences[i])
                                 for i in range(len(sentences))]
            chosen.update(i for i in range(index) if names_someone[i])
    timex_spans = list(doc.spans[timex_mod.TIMEX_SPAN_KEY]) if timex_mod.TIMEX_SPAN_KEY in doc.spans else []
    timexes_of = _per_sentence(sentences, sorted(timex_spans, key=lambda span: span.start), whole=False)
    trigger_forms = event_lexicon.trigger_forms(_lemma_exceptions())
    metonyms = frozenset(word for name in actors_mod.metonyms() for word in name.split())
    chosen.update(i for i, sent in enumerate(sentences)
                  if i not in chosen and _needs_syntax(sent, ents_of[i], timexes_of[i], trigger_forms, metonyms))
    return chosen


def _per_sentence(sentences: Sequence[Span], spans: Sequence[Span], *, whole: bool) -> list[list[Span]]:
    """For each sentence, the `spans` (sorted by start, not overlapping when `whole`) that start
    in it: with `whole`, those that also end in it, as `Span.ents` gives a sentence's entities.
    One pass over `spans` for all sentences, where `sent.ents` reads every entity of the
    Doc for each sentence (quadratic in a long Doc)."""
    starts = [span.start for span in spans]
    found: list[list[Span]] = []
    for sent in sentences:
        i, inside = bisect_left(starts, sent.start), []
        while i < len(spans) and spans[i].start < sent.end:
            if whole and spans[i].end > sent.end:
                break                    # Span.ents stops at the first entity that runs past the sentence
            inside.append(spans[i])
            i += 1
        found.append(inside)
    return found


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

    With the extraction pipeline (`core.nlp.build_pipeline`) the extractors run
    inside it, so with `n_process` > 1 in the worker processes too, and only
    the results travel back. Any other pipeline runs as it is, and the
    extractors run here on its Docs.

    An article longer than `core.chunks.CHUNK_CHARS` (or the pipeline's
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
# (core.chunks.CHUNK_CHARS each): 64 news articles of 5,000 characters fit, 64 of 90,000 do not.
BATCH_PIECES = 4


def _batch_for(articles: Sequence[Article], batch_size: int, limit: int) -> int:
    """`batch_size`, made smaller when that many of the longest of `articles` would
    hold more than `BATCH_PIECES` × `limit` characters; at least 1."""
    longest = max((len(a.text) for a in articles), default=0)
    return max(1, min(batch_size, BATCH_PIECES * limit // max(longest, 1)))


def piece_limit(pipeline: Language) -> int:
    """The most characters extracted as one Doc: `core.chunks.CHUNK_CHARS`, or the pipeline's `max_length` if less."""
    from core.chunks import CHUNK_CHARS

    return max(1, min(CHUNK_CHARS, pipeline.max_length))


def _extract_whole(articles: Sequence[Article], pipeline: Language, entries: tuple[actors_mod.DictionaryEntry, ...],
                   *, n_process: int, batch_size: int) -> Iterator[tuple[Article, ArticleResult]]:
    """Each article extracted as one Doc, in batches, in input order."""
    if not articles:
        return
    from core.nlp import EXTRACT_COMPONENT

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
    """One article extracted in pieces of whole paragraphs (`core.chunks.paragraph_spans`),
    one Doc at a time in this process, so memory holds one piece's Doc; the
    pieces' results joined (`join_pieces`) with offsets into the whole text.

    What reads across a cut is lost at it: a relative date anchored on a date
    in the piece before, a pronoun whose person is named there."""
    from core.chunks import paragraph_spans

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


def _moved(record: R, offset: int, sentences_before: int) -> R:
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


FIGURE_MARKS = ("\u27e6", "\u27e7")  # ⟦130,000⟧: plain text, so it survives CSV and any table


def mark_figure(text: str, start: int, end: int, sentences: Sequence["Sentence"]) -> str:
    """The sentence holding text[start:end] with that figure bracketed, for tables
    that cannot style text. Offsets, not a search: a sentence may repeat a figure."""
    around = next((s for s in sentences if s.start <= start and end <= s.end), None)
    lo, hi = (around.start, around.end) if around else (start, end)
    return f"{text[lo:start]}{FIGURE_MARKS[0]}{text[start:end]}{FIGURE_MARKS[1]}{text[end:hi]}".strip()


def claimant_name(surface: str, index: "actors_mod.ActorIndex", article: Article) -> str:
    """The claimant as an actor's canonical name; the article's source when unattributed.

    A seat of government or a capital keeps its own name ("the Pentagon said",
    "the Kremlin said", "Kyiv says"): the actors page merges it into its country,
    but for a claim the office that spoke is what an analyst weighs.
    """
    if not surface:
        return article.source or "unattributed"
    canonical = index.canonical(surface)
    if canonical is None:
        return surface
    actor = index.actors.get(canonical)
    written = actors_mod.clean_surface(surface)
    if actor is not None and actor.kind == "country" and countries_mod.country_for(written) is None:
        return written
    return canonical


def _timex_row(article_id: str, timex: Timex) -> dict[str, Any]:
    row = timex.to_dict()
    row["sentence_index"] = row.pop("sentence")
    return {"article_id": article_id, **row}


def _within(start: int, end: int, items: Iterable[R]) -> list[R]:
    return [item for item in items if start <= item.start and item.end <= end]  # type: ignore[attr-defined]


def _unique(names: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


def _event_span_by_actor(event_rows: Sequence[dict[str, Any]]) -> dict[str, tuple[date, date]]:
    """Each actor's first and last dated event (start of the earliest, end of the latest)."""
    spans: dict[str, tuple[date, date]] = {}
    for row in event_rows:
        if row["date_start"] is None:
            continue
        end = row["date_end"] or row["date_start"]
        for name in row["actors"]:
            first, last = spans.get(name, (row["date_start"], end))
            spans[name] = (min(first, row["date_start"]), max(last, end))
    return spans


def _who(index: "actors_mod.ActorIndex") -> events_mod.Who:
    """A person stands for their country when events are merged; labels use surnames."""
    party, short = {}, {}
    for actor in index.actors.values():
        if actor.kind == "person":
            short[actor.name] = actor.name.split()[-1]
            if actor.country:
                party[actor.name] = actor.country
    return events_mod.Who(party=party, short=short)


def _context_countries(mentions: Iterable[Mention], index: "actors_mod.ActorIndex") -> list[str]:
    """The countries an article talks about, most mentioned first (to pick among same-name places)."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        name = index.canonical(mention.text)
        actor = index.actors.get(name) if name else None
        if actor is not None and actor.kind == "country":
            counts[actor.name] += 1
        elif actor is not None and actor.country:
            counts[actor.country] += 1
    return [name for name, _ in counts.most_common()]


def assemble(
    articles: Sequence[Article],
    results: Sequence[ArticleResult],
    *,
    entries: Sequence[actors_mod.DictionaryEntry] = (),
    corrections: Sequence[Correction] = (),
) -> Frames:
    """Corpus-level resolution (actors, places, events: mentions merged, the
    user's `corrections` applied) and the frames."""
    by_id = {a.article_id: a for a in articles}
    index = actors_mod.build_actor_index(
        [m for r in results for m in r.actor_mentions], entries=entries
    )
    mention_rows: list[dict[str, Any]] = []
    place_cache: dict[tuple[str, tuple[str, ...]], places_mod.Place] = {}
    place_rows: dict[str, dict[str, Any]] = {}
    actor_counts: Counter[str] = Counter()
    actor_articles: defaultdict[str, set[str]] = defaultdict(set)
    timex_rows, claim_rows, event_mention_rows = [], [], []

    for result in results:
        article = by_id[result.article_id]
        context = tuple(_context_countries(result.actor_mentions, index))
        actor_of: dict[tuple[int, int], str] = {}
        for mention in result.actor_mentions:
            name = index.canonical(mention.text)
            if not name:
                continue
            actor_of[(mention.start, mention.end)] = name
            actor_counts[name] += 1
            actor_articles[name].add(article.article_id)
            mention_rows.append({"article_id": article.article_id, "start": mention.start, "end": mention.end,
                                 "text": mention.text, "entity": name, "kind": "actor", "sentence_index": mention.sentence})
        place_of: dict[tuple[int, int], str] = {}
        for mention in result.place_mentions:
            key = (mention.text, context)
            if key not in place_cache:
                place_cache[key] = places_mod.geocode(mention.text, context_countries=context)
            place = place_cache[key]
            place_of[(mention.start, mention.end)] = place.name
            row = place_rows.setdefault(place.name, {
                "place": place.name, "lat": place.lat, "lon": place.lon, "country": place.country,
                "kind": place.kind, "mentions": 0, "articles": set(),
            })
            row["mentions"] += 1
            row["articles"].add(article.article_id)
            mention_rows.append({"article_id": article.article_id, "start": mention.start, "end": mention.end,
                                 "text": mention.text, "entity": place.name, "kind": "place", "sentence_index": mention.sentence})

        timex_rows += [_timex_row(article.article_id, t) for t in result.timexes]
        for claim in result.claims:
            row = claim.to_dict()
            row["article_id"] = article.article_id
            row["claimant"] = claimant_name(claim.claimant, index, article)
            row["side"] = (index.canonical(claim.side) or claim.side) if claim.side else ""
            row["figure"] = article.text[claim.start:claim.end]
            row["in_context"] = mark_figure(article.text, claim.start, claim.end, result.sentences)
            claim_rows.append(row)

        # ingest sets `side` (core.ingest.document_side); an Article made by hand may not
        side = article.side or article.source
        for mention in result.event_mentions:
            row = events_mod.mention_row(article, mention, side=side, canonical=index.canonical,
                                         place=lambda text: place_cache[(text, context)].name
                                         if (text, context) in place_cache else text)
            row["actors"] = _unique(actor_of[(m.start, m.end)]
                                    for m in _within(mention.sent_start, mention.sent_end, result.actor_mentions)
                                    if (m.start, m.end) in actor_of)
            event_mention_rows.append(row)

    event_rows, event_mention_rows = events_mod.build_events(event_mention_rows, who=_who(index),
                                                              corrections=corrections)
    span_of = _event_span_by_actor(event_rows)
    actor_rows = [
        {"actor": a.name, "kind": a.kind, "country": a.country, "role": a.role, "aliases": list(a.aliases),
         "mentions": actor_counts[a.name], "articles": len(actor_articles[a.name]),
         "first_event": span_of.get(a.name, (None, None))[0], "last_event": span_of.get(a.name, (None, None))[1]}
        for a in index.actors.values() if actor_counts[a.name]
    ]
    for row in place_rows.values():
        row["articles"] = len(row["articles"])
    return Frames(
        articles=frame("articles", [a.to_dict() for a in articles]),
        events=frame("events", event_rows),
        timexes=frame("timexes", timex_rows),
        claims=frame("claims", claim_rows),
        actors=frame("actors", sorted(actor_rows, key=lambda r: (-r["mentions"], r["actor"]))),
        places=frame("places", sorted(place_rows.values(), key=lambda r: (-r["mentions"], r["place"]))),
        mentions=frame("mentions", event_mention_rows),
        entity_mentions=frame("entity_mentions", mention_rows),
    )
