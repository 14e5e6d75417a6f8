"""The spaCy component that finds and types time expressions, context-free (no
document date).

`TimexTagger.match(doc)` takes candidates from rules kept as data
(`core/data/timex_patterns.jsonl`, Matcher patterns with optional context tokens
trimmed off) plus the model's DATE/TIME entities, widens each over a modifier that
TimeML puts inside the extent ("at least", "or so": `core/data/timex_mod_prefixes.txt`,
`timex_mod_suffixes.txt`), drops what a blocker rule covers
(`core/data/timex_blockers.jsonl`, context tokens trimmed as in the patterns:
"Sunday Times", "Second World War", an age after its noun ("61 years old"; "the
61-year-old" is a DURATION), the "a day" of a rate), the modal "may" and the verb
"march", keeps the longest of overlapping candidates and types each one (DATE,
TIME, DURATION, SET). `set_annotations(doc, spans)` writes them to
`doc.spans["timex"]`."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from core import DATA_DIR
from core.extract.timex.dates import HOLIDAYS_FILE
from core.extract.timex.lexicon import (
    BARE_DAY_FOLLOWERS,
    MOD_PREFIXES,
    MOD_SUFFIXES,
    NO_MOD_FOCUS,
    POSSESSIVE_DETERMINERS,
    WEEKDAY_NAMES,
    ZONE_ABBREVIATIONS,
    ZONE_NAMES,
)
from core.extract.timex.matcher import AnchoredMatcher, holiday_patterns, load_patterns
from core.extract.timex.normaliser import is_resolvable, normalise
from core.extract.timex.values import DATE, DURATION, TIME, UNRESOLVED_DATE

TIMEX_SPAN_KEY = "timex"
# spaCy forbids "." in factory names (config sections are dotted), so the
# versioned name "crisis.timex.v1" is spelled with underscores.
FACTORY_NAME = "crisis_timex_v1"
COMPONENT_NAME = "crisis_timex"

PATTERNS_FILE = DATA_DIR / "timex_patterns.jsonl"
BLOCKERS_FILE = DATA_DIR / "timex_blockers.jsonl"
# The word lists that patterns name with "@": {"LOWER": {"IN": "@zones"}}.
PATTERN_WORD_LISTS = {"@zones": ZONE_ABBREVIATIONS, "@zone_names": ZONE_NAMES, "@bare_day_followers": BARE_DAY_FOLLOWERS}

# Model entity labels that are time expressions.
_NER_LABELS = frozenset({"DATE", "TIME"})
# Words the model folds into a time entity that TimeML leaves outside the
# timex: evaluative adjectives ("a long weekend" -> "weekend"), prepositions
# ("shortly before midnight" -> "midnight": TimeML's signals) and focus adverbs
# with no TIMEX3 `mod` ("just last month" -> "last month").
# "about"/"the" stay: TimeML keeps them ("about 50 minutes").
_NER_TRIM_LEFT = frozenset({"long", "whole", "entire", "full", "busy", "hectic", "an", "estimated",
                            "on", "in", "at", "since", "until", "by", "during", "for", "from", "between",
                            "before", "after", "shortly", *NO_MOD_FOCUS})
# The same, in several words ("as early as next year" -> "next year"), longest first.
_NER_TRIM_LEFT_PHRASES = tuple(sorted((tuple(p.split()) for p in NO_MOD_FOCUS if " " in p), key=len, reverse=True))
_EDGE_PUNCT = frozenset({",", ".", ";", ":", "(", ")", '"', "'", "-", "\u2019", "\u2018", "\u201c", "\u201d"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'"})
# Month names that are also a modal or a verb: only capitalised and not
# tagged as a verb/modal are they months ("May 5", not "it may be", "march").
_VERB_MONTHS = frozenset({"may", "march"})
# Words that tie a clock time to its day: "10am on Monday", "Friday at noon".
_TIME_DATE_JOINERS = frozenset({"on", "of", "at"})
# ... except "on" before a calendar date or a named day: "at 12:26 p.m. on June 25, 2009",
# "at 6 p.m. on Thanksgiving" are two TIMEX3s, a clock time and the day it falls on
# (as HeidelTime and the news sets mark them; TimeBank has no case). Before a weekday
# the news sets disagree ("2:46 p.m. on Friday" one in dev4, two in dev3 and dev7),
# and the join stays.
_SPLIT_BEFORE = "on"

# Comparatives that, before "than", make a counted span the gap between two times
# ("two months earlier than he had planned"), not a point counted from a day.
_COMPARATIVES = frozenset({"earlier", "later", "sooner"})


@dataclass(frozen=True)
class TimexSettings:
    """Options of the component and of normalisation."""

    date_order: str = "DMY"      # how to read 03/02/2022: DMY (British) or MDY (American)
    use_ner: bool = True         # add the model's DATE/TIME entities to the rule matches


class TimexTagger:
    """Finds and types time expressions; context-free (no document date)."""

    def __init__(self, vocab: Vocab, name: str = COMPONENT_NAME, *, settings: TimexSettings = TimexSettings()) -> None:
        self.name = name
        self.settings = settings
        # Compiled once per component: matching is then one pass per Doc.
        self.matcher = AnchoredMatcher(vocab, load_patterns(PATTERNS_FILE, PATTERN_WORD_LISTS) + holiday_patterns(HOLIDAYS_FILE))
        self.blocker = AnchoredMatcher(vocab, load_patterns(BLOCKERS_FILE))
        self._trims = {row["id"]: tuple(row.get("trim", (0, 0))) for row in load_patterns(PATTERNS_FILE)}
        self._blocker_trims = {row["id"]: tuple(row.get("trim", (0, 0))) for row in load_patterns(BLOCKERS_FILE)}

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def match(self, doc: Doc) -> list[Span]:
        """Candidate spans from rules and NER, filtered, de-overlapped and typed."""
        rule_spans = [_without_preposition_over(_widen_over_approximation(_widen_over_modifiers(_without_comparative(
                      _without_verb_last(span))))) for span in self._rule_candidates(doc)]
        ner_spans = [_without_preposition_over(_widen_over_modifiers(_without_comparative(_without_verb_last(span))))
                     for span in _ner_candidates(doc)] if self.settings.use_ner else []
        blocked = _blocked_tokens(doc, self.blocker, self._blocker_trims)
        kept: list[Span] = []
        for span in _prefer(rule_spans, ner_spans):
            if any(i in blocked for i in range(span.start, span.end)) or _is_verb_month(span):
                continue
            type_ = _context_free_type(span.text, self.settings)
            if type_ is None and (year := _year_naming_a_noun(span)) is not None:
                span, type_ = year, "DATE"  # "the 1998 season": the year, the noun outside
            if type_ is not None:
                kept.append(Span(doc, span.start, span.end, label=type_))
        return _join_time_and_date(sorted(kept, key=lambda s: s.start), self.settings)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        doc.spans[TIMEX_SPAN_KEY] = spans

    def _rule_candidates(self, doc: Doc) -> list[Span]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            left, right = self._trims.get(doc.vocab.strings[match_id], (0, 0))
            span = _trim_edges(doc[start + left:end - right])
            if span is not None:
                spans.append(span)
        return spans


@Language.factory(FACTORY_NAME, default_config={"date_order": "DMY", "use_ner": True})
def make_timex_tagger(nlp: Language, name: str, date_order: str, use_ner: bool) -> TimexTagger:
    return TimexTagger(nlp.vocab, name, settings=TimexSettings(date_order=date_order, use_ner=use_ner))


def add_to_pipeline(nlp: Language, *, settings: TimexSettings = TimexSettings()) -> None:
    """Add the tagger after the model's NER (or last); a second call does nothing."""
    if COMPONENT_NAME in nlp.pipe_names:
        return
    config = {"date_order": settings.date_order, "use_ner": settings.use_ner}
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {"last": True}
    nlp.add_pipe(FACTORY_NAME, name=COMPONENT_NAME, config=config, **where)


def _trim_edges(span: Span) -> Span | None:
    """Drop punctuation and a possessive at the edges: "Sunday's" -> "Sunday"."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].text in _EDGE_PUNCT:
        start += 1
    while end > start and (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].lower_ in _POSSESSIVE):
        end -= 1
    return doc[start:end] if end > start else None


def _ner_candidates(doc: Doc) -> list[Span]:
    spans = []
    for ent in doc.ents:
        if ent.label_ not in _NER_LABELS:
            continue
        start = ent.start
        while start < ent.end - 1:
            if doc[start].lower_ in _NER_TRIM_LEFT:
                start += 1
            elif words := _leading_phrase(doc[start:ent.end], _NER_TRIM_LEFT_PHRASES):
                start += words
            else:
                break
        span = _trim_edges(doc[start:ent.end])
        if span is not None and not _described_day(span):
            spans.append(span)
    return spans


# Possessive determiners before a day that is someone's ("their day", "its best day").
_OWNERS = frozenset(POSSESSIVE_DETERMINERS)


def _described_day(span: Span) -> bool:
    """ "a bad day", "a new day of protests", "any dark days", "today is their day": a day
    described or owned, with no count or length the words measure (the normaliser can only say
    PXX), is no time expression, though the model tags it DATE; nor is a period ranked by a
    superlative that the normaliser cannot place ("the hottest month", "the best year")."""
    if len(span) == 3 and span[0].lower_ in ("the", "its", "their") and _superlative_word(span[1]):
        # "the hottest month", "its best year" (eighth round): a period ranked, not placed;
        # "the latest quarter" resolves and stays
        result = normalise(span.text, None)
        return result is not None and result.value in (UNRESOLVED_DATE, "PXX")
    owned = span[0].lower_ in _OWNERS and len(span) >= 2  # "their day", "their worst day": a day of theirs
    if not owned and (span[0].lower_ not in ("a", "an", "any") or len(span) < 3):
        return False
    result = normalise(span.text, None)
    return result is not None and result.type == DURATION and result.value == "PXX"


def _superlative_word(token: Token) -> bool:
    """ "hottest", "best": by its spelling, as the tagger runs before the parser and tagger
    have set token tags ("latest", "earliest" resolve, and are kept by the caller)."""
    word = token.lower_
    return word in ("best", "worst") or len(word) > 5 and word.endswith("est") and word.isalpha()


def _leading_phrase(span: Span, phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many tokens of one of `phrases` open `span`, leaving at least one token; 0 if none does."""
    for words in phrases:
        if len(words) < len(span) and tuple(t.lower_ for t in span[:len(words)]) == words:
            return len(words)
    return 0


_YEAR = re.compile(r"^(1[0-9]|20|21)\d\d$")


def _year_naming_a_noun(span: Span) -> Span | None:
    """ "the 1998 season", "the 2011 Atlantic season": a model entity of a year and the noun it
    names, which the normaliser cannot read whole: the year alone, as TimeML marks "the 1994
    elections" (the noun is no time); None for anything else."""
    years = [t for t in span if _YEAR.match(t.text)]
    if len(years) != 1 or span[0].lower_ != "the" or years[0].i != span.start + 1 or years[0].i == span.end - 1:
        return None
    return span.doc[years[0].i:years[0].i + 1]


def _prefer(rule_spans: list[Span], ner_spans: list[Span]) -> list[Span]:
    """The longest of overlapping candidates; a model entity only beats the
    rules when it overlaps none of them or is itself a resolvable expression
    (so "Friday and Saturday" as one entity does not swallow two rule matches)."""
    rules = filter_spans(rule_spans)
    keep_ner = []
    for span in ner_spans:
        overlapping = [r for r in rules if r.start < span.end and span.start < r.end]
        if not overlapping or is_resolvable(span.text):
            keep_ner.append(span)
        elif (rest := _left_after_rules(span, overlapping)) is not None:
            keep_ner.append(rest)
    return filter_spans(rules + keep_ner)


# Words that join a time the rules found to another after it in one model entity ("last year to 2036").
_ENTITY_JOINERS = frozenset({"to", "and", "or", "through", "until", "till"})


def _left_after_rules(span: Span, overlapping: list[Span]) -> Span | None:
    """ "extended last year to 2036": a model entity whose start the rules read ("last year") and
    which goes on, past a joining word, to another time they did not ("2036"): that other time,
    if it reads as a whole expression; else None."""
    read_to = max(r.end for r in overlapping)
    start = read_to
    while start < span.end and span.doc[start].lower_ in _ENTITY_JOINERS:
        start += 1
    if start == read_to or start >= span.end:
        return None  # no joining word, or nothing after it
    rest = span.doc[start:span.end]
    return rest if is_resolvable(rest.text) else None


# Modifiers with a TIMEX3 `mod` value, as token sequences, longest first.
_MOD_PREFIX_WORDS = tuple(sorted((tuple(p.split()) for p in MOD_PREFIXES), key=len, reverse=True))
# Modifiers after the expression, as token sequences ("or so": APPROX, "or later": ON_OR_AFTER).
_MOD_SUFFIX_WORDS = tuple(tuple(p.split()) for p in MOD_SUFFIXES)


# Words that open a period placed on the calendar, not a count: "over the past year", "over this week".
_PERIOD_DETERMINERS = frozenset({"the", "this", "that", "last", "next", "these", "those"})
# Words that open a period counted from the document date ("last year", "this month", "yesterday"): a
# "more than" or "fewer than" before one compares with the period ("sold more than last year", "even
# more than yesterday"), grading no count.
_DEICTIC_PERIOD_WORDS = frozenset({"last", "this", "next", "yesterday", "today", "tomorrow", "tonight"})


def _widen_over_modifiers(span: Span) -> Span:
    """A candidate widened over a modifier TimeML puts inside the extent: "at least"
    before it ("at least 20 more years"), "or so" after it ("a year or so", "1994 or later");
    a comparison before a period counted from the document date ("more than last year") is cut."""
    doc, start, end = span.doc, span.start, span.end
    for words in _MOD_PREFIX_WORDS:
        n = len(words)
        if (words[-1] == "than" and end - start > n and doc[start + n].lower_ in _DEICTIC_PERIOD_WORDS
                and tuple(t.lower_ for t in doc[start:start + n]) == words):
            return doc[start + n:end]  # "fewer than this month", matched whole: the period alone
    for words in _MOD_PREFIX_WORDS:
        if words[-1] in ("over", "under") and span[0].lower_ in _PERIOD_DETERMINERS:
            continue  # "rose just over the past year": the preposition of a period, no count graded
        if words[-1] == "than" and span[0].lower_ in _DEICTIC_PERIOD_WORDS:
            continue  # "one day more than last year": a comparison with a period, no count graded
        if words == ("up", "to") and _names_a_point(span):
            continue  # "the period up to 2024", "heard little up to now": the preposition of a point
        # the whole modifier before the span, or its head cut off ("least another week" after "at")
        cut = next((k for k in range(len(words)) if start - k >= 0 and k + end - start > len(words)
                    and tuple(t.lower_ for t in doc[start - k:start - k + len(words)]) == words), None)
        if cut is None:
            left = start - len(words)
            if left >= 0 and tuple(t.lower_ for t in doc[left:start]) == words:
                start = left
                break
        elif cut:
            start -= cut
            break
    for words in _MOD_SUFFIX_WORDS:
        if tuple(t.lower_ for t in doc[end:end + len(words)]) == words:
            end += len(words)
            break
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def _names_a_point(span: Span) -> bool:
    """Whether the words name a point or period placed in time ("2024", "now", "March 3"), not a
    length that "up to" could grade ("up to two years")."""
    result = normalise(span.text, None)
    return result is not None and result.type in (DATE, TIME)


# Words of approximation that TimeML puts inside a clock time's extent (mod APPROX), though
# "about" is left out of the general modifiers as it is as often a preposition ("talked about").
_CLOCK_APPROXIMATIONS = frozenset({"about", "around"})
_CLOCK_START = re.compile(r"^(?:\d{1,2}(?:[:.]\d\d)?(?:am|pm|a\.m\.?|p\.m\.?)?|\d{4}|noon|midnight|midday)$")


def _widen_over_approximation(span: Span) -> Span:
    """ "at about 6 a.m. local time", "around midnight": a clock time widened over the "about"
    or "around" before it (a clock time is not what is talked about)."""
    doc, start = span.doc, span.start
    if start == 0 or doc[start - 1].lower_ not in _CLOCK_APPROXIMATIONS or not _CLOCK_START.match(span[0].lower_):
        return span
    if not (len(span) > 1 and span[1].lower_ in ("am", "pm", "a.m.", "p.m.", "a.m", "p.m") or span[0].lower_.isalpha()
            or re.search(r"[:.](?=\d)|m\.?$", span[0].lower_) or len(span) > 1 and re.fullmatch(r"\d{4}", span[0].text) is not None
            and span[1].lower_ in (*ZONE_ABBREVIATIONS, *ZONE_NAMES, "hrs")):
        return span  # "about 20 people": a count, no clock time ("about 0534 local time" is one)
    return doc[start - 1:span.end]


# Words after which "over" before a count means "more than" (mod MORE_THAN, inside the extent):
# a preposition ("in over a month", "for over a decade"), a verb of lasting ("to last over a week")
# or a word that grades it ("just over a month", "a little over an hour").
_OVER_AS_MORE_THAN_AFTER = frozenset({
    "in", "for", "within", "after", "of", "from", "to", "than", "just", "well", "little", "slightly", "only",
    "last", "lasts", "lasted", "lasting", "is", "was", "were", "are", "be", "been", "(", '"'})
# Verbs whose particle "over" is ("took over 18 months ago"): never "more than".
_OVER_PARTICLE_VERBS = frozenset({"take", "takes", "took", "taken", "taking", "hand", "handed", "turn", "turned"})


def _without_preposition_over(span: Span) -> Span:
    """ "slammed into Jupiter over six days", "cost $1 billion over 20 years": "over" after a verb
    or a noun is the preposition of a span of time, outside the extent ("six days"); after a
    preposition or a grading word ("in just over a month", "for over a decade"), or counting back
    ("over 20 years ago"), it is "more than" and stays; a verb's particle ("took over 18 months
    ago") never does."""
    doc = span.doc
    if len(span) < 2 or span[0].lower_ != "over":
        return span
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in _OVER_PARTICLE_VERBS:
        return doc[span.start + 1:span.end]
    if before in _OVER_AS_MORE_THAN_AFTER or span[-1].lower_ in ("ago", "earlier", "later"):
        return span
    return doc[span.start + 1:span.end]


# Words after which "last" is the verb ("could last weeks", "will last a decade", "built to last 90 days").
_BEFORE_VERB_LAST = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "to", "'ll", "not",
                               "n't", "wo", "ca", "cannot", "could've"})


def _without_verb_last(span: Span) -> Span:
    """ "the standoff could last weeks", "will last several days": "last" after a modal or "to"
    is the verb, and the span of time it takes is what follows ("weeks"); the adjective stays
    where what follows names a period, not a length ("compared to last year", "to last week")."""
    doc = span.doc
    if len(span) < 2 or span[0].lower_ != "last" or span.start == 0 or doc[span.start - 1].lower_ not in _BEFORE_VERB_LAST:
        return span
    rest = doc[span.start + 1:span.end]
    result = normalise(rest.text, None)
    return rest if result is not None and result.type == DURATION and result.value != "PXX" else span


def _without_comparative(span: Span) -> Span:
    """ "two months earlier than planned", "a year later than expected": the gap between
    two times, a DURATION ("two months"); the comparative is outside the extent."""
    doc, end = span.doc, span.end
    if len(span) > 1 and span[-1].lower_ in _COMPARATIVES and end < len(doc) and doc[end].lower_ == "than":
        return doc[span.start:end - 1]
    return span


def _join_time_and_date(spans: list[Span], settings: TimexSettings) -> list[Span]:
    """A clock time and the day it falls on are one TIME: "10am on Monday", "Friday at
    noon", "9 a.m. GMT, March 4"; but "on" before a calendar date or a named day
    ("midnight on Dec. 31", "6 p.m. on Thanksgiving") leaves two (`_clock_on_date`)."""
    joined: list[Span] = []
    for span in spans:
        previous = joined[-1] if joined else None
        if previous is not None and {previous.label_, span.label_} == {"TIME", "DATE"}:
            between = [t.lower_ for t in span.doc[previous.end:span.start]]
            # a clock time, a comma, then its day: "at 9 a.m. GMT, March 4", "at noon, Friday"
            # (not a day that owns what follows: "at 6 p.m., Friday's papers said")
            owner = span.end < len(span.doc) and span.doc[span.end].lower_ in _POSSESSIVE
            dateline = between == [","] and previous.label_ == "TIME" and not owner
            joins = len(between) <= 1 and set(between) <= _TIME_DATE_JOINERS or dateline
            if joins and not _clock_on_date(previous, between, span):
                merged = span.doc[previous.start:span.end]
                if _context_free_type(merged.text, settings) == "TIME":
                    joined[-1] = Span(span.doc, merged.start, merged.end, label="TIME")
                    continue
        joined.append(span)
    return joined


def _clock_on_date(previous: Span, between: list[str], span: Span) -> bool:
    """A clock time, "on", then a calendar date or a named day that is not a bare weekday."""
    if previous.label_ != "TIME" or span.label_ != "DATE" or between != [_SPLIT_BEFORE]:
        return False
    return not all(t.lower_.rstrip(".") in WEEKDAY_NAMES for t in span if not t.is_punct)


def _blocked_tokens(doc: Doc, blocker: AnchoredMatcher, trims: dict[str, tuple[int, int]]) -> set[int]:
    """Tokens a blocker rule covers, less its context tokens (its "trim")."""
    blocked: set[int] = set()
    for match_id, start, end in blocker(doc):
        left, right = trims.get(doc.vocab.strings[match_id], (0, 0))
        blocked.update(range(start + left, end - right))
    return blocked


def _is_verb_month(span: Span) -> bool:
    """The modal "may" or the verb "march", not the month."""
    for token in span:
        if token.lower_ not in _VERB_MONTHS:
            continue
        if token.text.islower() or token.tag_ in ("MD", "VB", "VBP", "VBZ", "VBD", "VBG", "VBN"):
            return True
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None and following.tag_ in ("VB", "RB") and not following.like_num:
            return True  # sentence-initial "May we ..." / "May be ..."
    return False


def _context_free_type(text: str, settings: TimexSettings) -> str | None:
    result = normalise(text, None, date_order=settings.date_order)
    return result.type if result is not None else None
