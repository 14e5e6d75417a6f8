"""Property-based fuzzing of the whole extraction, as the dashboard runs it.

What is fuzzed: the article text (and its publication date) fed to the
product's entry point, `core.extract.articles.extract_articles` with the extraction
pipeline (`core.extract.pipeline.build_pipeline`) and the shipped actor dictionary, then
`core.combine.assemble.assemble`, which yields the frames the user sees and
downloads. The text is arbitrary Unicode, or real crisis-news sentences
interleaved with hostile pieces (and with ranges and date arithmetic):
long digit runs, huge numbers ("10" * 400, "1e308", "999,999,999,999,999
troops"), nested and unbalanced quotes, emoji, control and invisible
characters (C0, DEL, U+2028, zero-width, bidi marks), letters whose case
mapping changes the string's length, and numbers with junk between them and
their unit. The real sentences make the rules fire; the hostile pieces sit
inside and between them.

Why: articles come from users' files and pasted text, and the extractors
index into the text with offsets the highlighter and the CSV export trust.
The properties:

1. extraction never fails: no exception, and none swallowed either (an
   extractor that fails is logged and noted in the result's errors, so the
   article silently loses its rows);
2. every span lies inside the text and the text at its offsets is the row's
   text (time expressions, mentions, claims and their sentences, events);
3. extraction is deterministic: the same article extracted again, after
   another article in the same batch, or read back from the result cache,
   gives identical rows.

CI runs a fixed, derandomized budget (`FUZZ_EXAMPLES` raises it for a longer
local run); `pytest -s` prints how many examples each property ran.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from core.combine.assemble import FIGURE_MARKS, assemble
from core.extract.actors import load_dictionary
from core.extract.articles import extract_articles
from core.frames import Frames
from core.read.corpus import DEFAULT_CORPUS_DIR, dictionary_path_for
from core.read.ingest import content_id
from core.records import Article, ArticleResult, Sentence
from core.store.cache import ResultCache

pytestmark = [
    pytest.mark.model,
    # A year before 1000 (the fuzz's publication date 0001-01-01) makes pandas parse the frames'
    # ISO dates one by one with a warning; the values are still right.
    pytest.mark.filterwarnings("ignore:Could not infer format:UserWarning"),
]

# ------------------------------------------------------------------ budget

CI_EXAMPLES = 250
settings.register_profile(
    "crisis-fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", CI_EXAMPLES)),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Applied per test, not loaded globally: other modules keep hypothesis's defaults.
FUZZ = settings.get_profile("crisis-fuzz")
# No example database, and hypothesis's own caches (Unicode tables, constants) outside the repo too.
if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "crisis-timeline-hypothesis")
EXAMPLES_RUN: Counter[str] = Counter()
# The shipped actor dictionary, as the dashboard passes it: its aliases are matched in the text too.
DICTIONARY = tuple(load_dictionary(dictionary_path_for([DEFAULT_CORPUS_DIR]))[0])
# Examples of the span property whose rows include each frame: the strategy must make the rules fire.
ROWS_SEEN: Counter[str] = Counter()
SPAN_FRAMES = ("timexes", "claims", "entity_mentions", "events", "mentions")

# ------------------------------------------------------------------ material

NEWS_FRAGMENTS = (
    "Russia has massed 100,000 troops near the border, Ukraine said on Sunday.",
    "About 30,000 Russian troops remain in Belarus, NATO said.",
    "Up to 5,000 troops are believed to be near the border.",
    "The Pentagon said 2,000 US troops would deploy to Poland next week.",
    "Ukraine said 40 soldiers were killed in Kharkiv on 24 February 2022.",
    "A 40-mile Russian convoy was seen north of Kyiv yesterday, Maxar said.",
    "Between 150,000 and 190,000 troops are now massed around Ukraine, Joe Biden warned on Friday night.",
    "Tens of thousands of soldiers crossed into Ukraine two days later.",
    "Vladimir Putin recognised two breakaway regions of Ukraine on Monday.",
    "The Kremlin said more than half a million reservists may be called up in March.",
    "Kyiv says at least 1.2 million people have fled since 2014.",
    "Moscow\u2019s forces are massing on Ukraine\u2019s north, east and south, the UK's defence secretary Ben Wallace said.",
    "Ukraine is now seeking a meeting with Russia within the next 48 hours.",
    "He warned that Moscow could launch an offensive at midnight on Dec. 31.",
    "Mr Raab replied.",
    "ITV News Correspondent Dan Rivers reports from Kyiv",
    "Some 130k troops and two dozen tanks were spotted every day last week, she said.",
    "Russia said 10,000 troops had returned to base on 3/02/2022.",
    "On Sunday morning, three weeks after the drills began, Liz Truss spoke to her counterpart.",
    "Boris Johnson will travel to Munich towards the end of the week, Downing Street said this morning.",
    "The talks, held every Tuesday since last year, resumed on May 5 and again in the 1990s-style format at 14:00 GMT.",
    "Zelenskyy's office said the RAF and the MoD had flown 600 Britons out of Kabul; Shoigu denied it.",
    "Nato's Secretary General said the Taliban's fighters numbered some 75,000 men.",
)
UNITS = ("troops", "soldiers", "tanks", "battalion tactical groups", "servicemen", "people were killed", "wounded")
PLAIN_FIGURES = ("100,000", "5,000", "40", "130k", "1.2 million", "two dozen", "tens of thousands of",
                 "half a million", "between 5,000 and 7,000", "up to 5,000", "more than 5,000")
RANGE_CUES = ("between ", "from ", "", "up to ", "about ", "increased from ", "more than ")
RANGE_JOINERS = ("and", "to", "-", "\u2013", "or")
SCALES = ("", " million", "k", " thousand", "bn", "m", " quadrillion")
TIME_UNITS = ("days", "weeks", "fortnights", "months", "years", "decades", "centuries", "hours", "minutes")
TIME_RELATIONS = ("{} ago", "{} later", "{} earlier", "in {}", "{} from now", "for {}", "every {}", "the past {}")
ODD_DATES = ("31/02/2022", "2022-13-45", "29 February 2023", "at 25:99", "at 24:00 GMT", "week 53 of 2021", "Q4 0000",
             "the 99990s", "the 99th century", "Christmas 0000", "Easter 9999", "mid-February 0000", "0000-00-00",
             "9999-12-31", "next year", "the first half of 9999", "winter 0000", "12 o'clock", "noon on 1 January 1")
HUGE_NUMBERS = (
    "10" * 400, "1e308", "1.7976931348623157e308", "999,999,999,999,999", "10^999", "10 ^ 400",
    "9" * 400 + ".5", "1,000,000,000,000,000,000,000 quadrillion", "NaN", "inf", "0.000000001",
    "a hundred thousand million billion trillion quadrillion", "1 234 567", "1\u202f000\u2009000",
    "\u0663\u0660\u0660\u0660\u0660",   # 30000 in Arabic-Indic digits
    "\uff11\uff12\uff13,\uff14\uff15\uff16",  # 123,456 in full-width digits
    "\u00b2\u00b3",                       # superscript digits: isdigit() but not \d
)
CONTROL_CHARS = (
    *(chr(code) for code in range(0x20)), "\x7f", "\x85", "\u00a0", "\u2028", "\u2029",
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069", "\u2009", "\u202f", "\ufeff", "\u0301",
)
# Letters whose upper or lower case has another length ("İ".lower() is two characters).
CASE_SHIFTERS = ("\u0130", "\u1e9e", "\ufb01", "\u00df", "\u01c5", "\ufb00", "\u0149")
QUOTE_PAIRS = (('"', '"'), ("'", "'"), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"),
               ("\u201e", "\u201c"), ("`", "'"), ("(", ")"))
EMOJI = ("\U0001f600", "\U0001f1fa\U0001f1e6", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\U0001fa96",
         "\U0001f4a5", "\u26a0\ufe0f", "\U0001f525", "\U0001f44d\U0001f3fd")
SEPARATORS = (" ", "", "\n", "\n\n", ", ", "\t", "\r\n", "\u2028", " - ", ". ")
PUBLISHED = (date(2022, 2, 13), None, date(1, 1, 1), date(9999, 12, 31), date(2024, 2, 29))

# ------------------------------------------------------------------ strategies


def _splice(fragment: str, piece: str, at: int) -> str:
    """`piece` inserted into `fragment`, at any character position."""
    at %= len(fragment) + 1
    return fragment[:at] + piece + fragment[at:]


def _quoted(pair: tuple[str, str], inner: str, balanced: bool) -> str:
    return pair[0] + inner + (pair[1] if balanced else "")


control_runs = st.text(alphabet=st.sampled_from(CONTROL_CHARS), min_size=1, max_size=8)
digit_runs = st.one_of(
    st.integers(1, 600).map(lambda n: "9" * n),
    st.text(alphabet="0123456789,. ", min_size=1, max_size=60),
)
hostile_pieces = st.one_of(
    st.text(max_size=30),                 # any Unicode but lone surrogates (ingest cannot produce them)
    control_runs,
    digit_runs,
    st.sampled_from(HUGE_NUMBERS),
    st.sampled_from(EMOJI),
    st.sampled_from(CASE_SHIFTERS),
    st.sampled_from([open_ for open_, _ in QUOTE_PAIRS] + [close for _, close in QUOTE_PAIRS]),
)
figures = st.one_of(st.sampled_from(PLAIN_FIGURES), st.sampled_from(HUGE_NUMBERS), digit_runs)
# A figure and its unit with junk (or a plain space) between them: "5,000 😀 troops".
figure_phrases = st.builds(
    lambda figure, junk, unit: f"{figure}{junk}{unit}",
    figures, st.one_of(st.just(" "), hostile_pieces), st.sampled_from(UNITS),
)
counts = st.one_of(st.integers(0, 2000).map(str), figures)
# Ranges and bounds, zero and huge ends included: "between 0 and 0 million troops".
range_phrases = st.builds(
    lambda cue, low, joiner, high, scale, unit: f"{cue}{low} {joiner} {high}{scale} {unit}",
    st.sampled_from(RANGE_CUES), counts, st.sampled_from(RANGE_JOINERS), counts,
    st.sampled_from(SCALES), st.sampled_from(UNITS),
)
# Date arithmetic with odd counts: "10^999 weeks ago", "in 0 fortnights", "on 31 February 99999".
time_phrases = st.one_of(
    st.builds(lambda count, unit, relation: relation.format(f"{count} {unit}"),
              counts, st.sampled_from(TIME_UNITS), st.sampled_from(TIME_RELATIONS)),
    st.builds(lambda day, month, year: f"on {day} {month} {year}",
              st.integers(0, 99), st.sampled_from(("February", "May", "March", "Dec.")), counts),
    st.sampled_from(ODD_DATES),
)
news = st.sampled_from(NEWS_FRAGMENTS)
rule_phrases = st.one_of(figure_phrases, range_phrases, time_phrases)
spliced_news = st.builds(_splice, news, st.one_of(hostile_pieces, rule_phrases), st.integers(0, 200))
plain_pieces = st.one_of(news, spliced_news, rule_phrases, hostile_pieces)
# Quotes nested in quotes, some left open.
quoted_pieces = st.recursive(
    plain_pieces,
    lambda inner: st.builds(_quoted, st.sampled_from(QUOTE_PAIRS), inner, st.booleans()),
    max_leaves=4,
)
mixed_texts = st.lists(
    st.tuples(st.one_of(plain_pieces, quoted_pieces), st.sampled_from(SEPARATORS)), min_size=1, max_size=8,
).map(lambda parts: "".join(piece + separator for piece, separator in parts))
article_texts = st.one_of(st.text(), *[mixed_texts] * 3)   # three texts in four make the rules fire
publication_dates = st.sampled_from(PUBLISHED)

# The nastiest inputs, always run (text, publication date).
NASTY_EXAMPLES = (
    ("", date(2022, 2, 13)),
    (" \n\t\r\n  \u00a0\u2028 ", date(2022, 2, 13)),
    ("".join(CONTROL_CHARS), date(2022, 2, 13)),
    ("1" * 5000, date(2022, 2, 13)),
    # regression: int() of a 5,000-digit figure raised ValueError and lost the article's claims
    ("Russia has " + "9" * 5000 + " troops near the border.", date(2022, 2, 13)),
    # regression: a range ending in "0 million" divided by zero and lost the article's claims
    ("between 0 and 0 million troops", date(2022, 2, 13)),
    ("10" * 400 + " troops, 1e308 tanks and 999,999,999,999,999 troops", date(2022, 2, 13)),
    ('He said "Russia has \u201cmassed \'100,000 troops near \u00abthe border, Ukraine said on Sunday.', date(2022, 2, 13)),
    ("Russia has massed 100,000 \U0001f600 troops near the border, Ukraine said on Sunday.", date(2022, 2, 13)),
    ("Ukraine said 40 soldiers were killed next week.", date(9999, 12, 31)),
    ("Russia massed troops two days earlier, on 1 January.", date(1, 1, 1)),
)


def nasty_examples(**other_arguments):
    """A decorator adding an @example for each of NASTY_EXAMPLES (with `other_arguments`)."""
    def decorate(test):
        for text, published in reversed(NASTY_EXAMPLES):
            test = example(text=text, published=published, **other_arguments)(test)
        return test
    return decorate


# ------------------------------------------------------------------ extraction


class _ErrorLog(logging.Handler):
    """Collects the errors `core` logs: the extractors log what they swallow."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


@dataclass(frozen=True)
class Extraction:
    article: Article
    result: ArticleResult
    frames: Frames
    logged_errors: tuple[str, ...]


def make_article(text: str, published: date | None) -> Article:
    return Article(article_id=content_id(text), text=text, source="Wire", published=published)


def extract(nlp, text: str, published: date | None, *, before: str | None = None,
            cache: ResultCache | None = None) -> Extraction:
    """The product's extraction of one article (after `before` in the same batch, if given)."""
    article = make_article(text, published)
    batch = [make_article(before, published), article] if before is not None and before != text else [article]
    handler = _ErrorLog()
    logger = logging.getLogger("core")
    logger.addHandler(handler)
    try:
        result = extract_articles(batch, nlp=nlp, entries=DICTIONARY, cache=cache)[-1]
        frames = assemble([article], [result], entries=DICTIONARY)
    finally:
        logger.removeHandler(handler)
    return Extraction(article, result, frames, tuple(handler.messages))


# ------------------------------------------------------------------ span checks


def _offset_problems(frame: str, row, text: str) -> list[str]:
    start, end = int(row.start), int(row.end)
    if not 0 <= start <= end <= len(text):
        return [f"{frame} offsets {start}:{end} outside a text of {len(text)} characters"]
    return []


def _sentence_holding(start: int, end: int, sentences: tuple[Sentence, ...]) -> Sentence | None:
    return next((s for s in sentences if s.start <= start and end <= s.end), None)


def _indexed_span_problems(frame: str, df: pd.DataFrame, text: str, sentences: tuple[Sentence, ...]) -> list[str]:
    """Timexes and mentions: the text at the offsets, starting in the sentence they name.
    (Only the start: the NER and the time-expression rules run before line breaks
    split sentences, so a span may run on into the next one.)"""
    problems = []
    for row in df.itertuples():
        if bad := _offset_problems(frame, row, text):
            problems += bad
            continue
        if text[row.start:row.end] != row.text:
            problems.append(f"{frame} {row.start}:{row.end} is {text[row.start:row.end]!r}, row says {row.text!r}")
        index = int(row.sentence_index)
        if not 0 <= index < len(sentences):
            problems.append(f"{frame} {row.text!r}: sentence_index {index} of {len(sentences)} sentences")
        elif not sentences[index].start <= row.start < sentences[index].end:
            problems.append(f"{frame} {row.text!r} at {row.start} is not in sentence {index} "
                            f"({sentences[index].start}:{sentences[index].end})")
    return problems


def _expected_in_context(text: str, sentence: Sentence, start: int, end: int) -> str:
    lo, hi = sentence.start, sentence.end
    return (text[lo:start] + FIGURE_MARKS[0] + text[start:end] + FIGURE_MARKS[1] + text[end:hi]).strip()


def _claim_problems(df: pd.DataFrame, text: str, sentences: tuple[Sentence, ...]) -> list[str]:
    """A claim's figure, phrase, sentence and marked sentence all agree with the text."""
    problems = []
    for row in df.itertuples():
        if bad := _offset_problems("claim", row, text):
            problems += bad
            continue
        figure = text[row.start:row.end]
        if row.figure != figure:
            problems.append(f"claim {row.start}:{row.end} is {figure!r}, row says {row.figure!r}")
        if figure not in row.text:
            problems.append(f"claim phrase {row.text!r} lacks its figure {figure!r}")
        sentence = _sentence_holding(row.start, row.end, sentences)
        if sentence is None:
            problems.append(f"claim figure {figure!r} at {row.start} is in no sentence")
            continue
        sentence_text = text[sentence.start:sentence.end]
        if row.sentence != sentence_text:
            problems.append(f"claim sentence {row.sentence!r} is not the text's {sentence_text!r}")
        if row.text not in sentence_text:
            problems.append(f"claim phrase {row.text!r} is not within its sentence {sentence_text!r}")
        if row.in_context != _expected_in_context(text, sentence, row.start, row.end):
            problems.append(f"claim in_context {row.in_context!r} does not mark {figure!r} in {sentence_text!r}")
    return problems


def _event_problems(df: pd.DataFrame, text: str) -> list[str]:
    problems = []
    for row in df.itertuples():
        if bad := _offset_problems("event", row, text):
            problems += bad
            continue
        if row.sentence != text[row.start:row.end].strip():
            problems.append(f"event {row.start}:{row.end} sentence {row.sentence!r} is not the text's")
        if row.date_source in ("explicit", "relative") and row.date_text not in row.sentence:
            problems.append(f"event date {row.date_text!r} is not in its sentence {row.sentence!r}")
    if df.event_id.duplicated().any():
        problems.append("two events share an event_id")
    return problems


def _event_mention_problems(df: pd.DataFrame, events: pd.DataFrame, text: str) -> list[str]:
    """An event mention's trigger lies in its sentence, both as the text has them, and
    its event exists."""
    problems = []
    for row in df.itertuples():
        if bad := _offset_problems("event mention", row, text):
            problems += bad
            continue
        if not row.start <= row.trigger_start < row.trigger_end <= row.end:
            problems.append(f"event mention trigger {row.trigger_start}:{row.trigger_end} outside {row.start}:{row.end}")
        elif text[row.trigger_start:row.trigger_end] != row.trigger:
            problems.append(f"event mention trigger {row.trigger!r} is not the text's "
                            f"{text[row.trigger_start:row.trigger_end]!r}")
        if row.sentence != text[row.start:row.end].strip():
            problems.append(f"event mention sentence {row.sentence!r} is not the text's")
    if not set(df.event_id) <= set(events.event_id):
        problems.append("an event mention names an event that is not in the events frame")
    return problems


def _sentence_problems(sentences: tuple[Sentence, ...], text: str) -> list[str]:
    """The sentences every other check leans on: in order, inside the text, not overlapping."""
    problems, previous_end = [], 0
    for sentence in sentences:
        if not previous_end <= sentence.start <= sentence.end <= len(text):
            problems.append(f"sentence {sentence.start}:{sentence.end} after {previous_end} in {len(text)} characters")
        previous_end = max(previous_end, sentence.end)
    return problems


def span_problems(extraction: Extraction) -> list[str]:
    """Every way the rows' offsets disagree with the article text."""
    text, frames = extraction.article.text, extraction.frames
    sentences = extraction.result.sentences
    problems = _sentence_problems(sentences, text)
    problems += _indexed_span_problems("timex", frames.timexes, text, sentences)
    problems += _indexed_span_problems("mention", frames.entity_mentions, text, sentences)
    problems += _event_mention_problems(frames.mentions, frames.events, text)
    problems += _claim_problems(frames.claims, text, sentences)
    problems += _event_problems(frames.events, text)
    if list(frames.articles.article_id) != [content_id(text)]:
        problems.append(f"article ids {list(frames.articles.article_id)} are not the text's hash")
    return problems


def failures(extraction: Extraction) -> list[str]:
    """Errors the extraction recorded or logged instead of raising."""
    return list(extraction.result.errors) + list(extraction.logged_errors)


# ------------------------------------------------------------------ determinism


def _result_rows(result: ArticleResult) -> str:
    return json.dumps(result.to_json(), sort_keys=True, default=str)


def frame_differences(first: Frames, second: Frames) -> list[str]:
    differences = []
    for (name, left), (_, right) in zip(first.items(), second.items()):
        try:
            pd.testing.assert_frame_equal(left, right)
        except AssertionError as difference:
            differences.append(f"{name}: {difference}")
    return differences


# ------------------------------------------------------------------ the properties


@pytest.fixture(scope="module", autouse=True)
def report_examples_run():
    """With `pytest -s`: how many examples each property ran."""
    yield
    for name, count in sorted(EXAMPLES_RUN.items()):
        print(f"\n{name}: {count} examples (budget {FUZZ.max_examples} generated + {len(NASTY_EXAMPLES)} explicit)")
    if ROWS_SEEN:
        print("examples with rows: " + ", ".join(f"{name} {ROWS_SEEN[name]}" for name in SPAN_FRAMES))


def count_rows(frames: Frames) -> None:
    for name in SPAN_FRAMES:
        if len(getattr(frames, name)):
            ROWS_SEEN[name] += 1
            event(f"has {name}")   # shown by --hypothesis-show-statistics


@nasty_examples()
@given(text=article_texts, published=publication_dates)
@FUZZ
def test_extraction_never_fails_and_spans_match_the_text(nlp, text: str, published: date | None) -> None:
    EXAMPLES_RUN["spans"] += 1
    extraction = extract(nlp, text, published)
    count_rows(extraction.frames)
    assert not failures(extraction)
    assert not span_problems(extraction)


@nasty_examples(other=NEWS_FRAGMENTS[0])
@given(text=article_texts, published=publication_dates, other=article_texts)
@FUZZ
def test_extraction_is_deterministic(nlp, text: str, published: date | None, other: str) -> None:
    EXAMPLES_RUN["determinism"] += 1
    first = extract(nlp, text, published)
    again = extract(nlp, text, published, before=other)
    with tempfile.TemporaryDirectory() as folder:
        cache = ResultCache(Path(folder), pipeline_version="fuzz")
        stored = extract(nlp, text, published, cache=cache)
        cached = extract(nlp, text, published, cache=cache)
    for later in (again, stored, cached):
        assert not failures(later)
        assert _result_rows(later.result) == _result_rows(first.result)
        assert not frame_differences(first.frames, later.frames)


def test_every_property_ran_its_budget_and_the_rules_fired() -> None:
    """The fuzz is not silently cut short (each property ran at least its budget),
    and the generated texts give rows of every kind in a fair share of examples."""
    short = {name: count for name, count in EXAMPLES_RUN.items() if count < FUZZ.max_examples}
    assert not short, f"properties ran fewer than {FUZZ.max_examples} examples: {short}"
    if EXAMPLES_RUN["spans"]:
        rare = {name: ROWS_SEEN[name] for name in SPAN_FRAMES if ROWS_SEEN[name] < EXAMPLES_RUN["spans"] // 10}
        assert not rare, f"rows of these frames in under a tenth of {EXAMPLES_RUN['spans']} examples: {rare}"
