"""TimeML (TIMEX3) normalisation of one time expression: pure functions, no spaCy.

`normalise(text, dct, tense=..., anchor=...)` turns the words of a time
expression ("Sunday night", "the coming week", "about 50 minutes") into its
TIMEX3 type and value as used in TempEval-3, plus the inclusive calendar
interval it denotes. The caller (core.extract.timex.document) finds the spans and reads
the context (tense of the governing verb, the last date resolved in the text);
normalisation only reads words.

This module is the entry: it cleans the words, strips the modifiers and
prepositions before the head, and asks each recogniser in turn (`_STEPS`, from
core.extract.timex.relative, durations, times, days, quarters, parts and dates); words
that are temporal but that none of them can place keep an X-filled value.

Conventions of the recognisers:
- Weeks are ISO weeks (Monday to Sunday), written `2022-W07`.
- A weekday with no modifier points back from a past-tense verb (the most
  recent such day on or before the document date) and forward otherwise
  (the next one on or after it); with no verb at all news reports the past.
- "last week" is the ISO week before the document date's (TimeML counts
  calendar weeks; said on a Sunday too, when the week now ending is "this
  week"). Said on a Sunday with a verb that does not look back, "this week",
  "the week", "the coming week" are the week starting tomorrow: British and
  American Sunday papers both talk that way.
- Absolute dates are parsed by dateparser with explicit settings, never by
  its `search_dates` finder. A year-less date, month, season or quarter is
  the last one after a past-tense verb, the coming one after a future verb,
  and otherwise the nearest to the document date ("October" said in January
  is last October); core.extract.timex.tense withholds the tense when it does not reach
  the expression ("payable Dec. 15").
- "The past week", "the last decade" are the calendar unit before this one;
  "in two weeks" is a point ahead only after a future verb, else a span.
  "Two weeks later" after a day is the day fourteen days on, not its week.
  A plural unit with no count ("recent weeks", "the coming months", "the
  days ahead") is a DURATION of unknown count (PXW), as "the past few weeks".
- A past-tense verb does not reach the far end of what it starts or extends:
  after "until", "through" or "to" ("extended to Nov. 16") a year-less date
  is the nearest one, as with no tense.
- "That night", "in the morning" are the part of the last day named (else
  of the document date); "this morning" is always the document date's. A
  bare clock time ("at about noon") is on the day named earlier in its own
  sentence, else on the document date.
- A year-less month or day told in the past tense, in a sentence that has
  gone back to an earlier year ("in 1964, when the Games were held in
  October"), is in that year.
- Anaphoric expressions count from the last period named in the text, at
  its granularity: "the following decade" after "the 1990s" is 200, "a year
  earlier" after a quarter is that quarter a year back. Once a quarter is
  named, "the 1988 quarter", "the 1988 period" and "the quarter" are that
  quarter, until the text turns to a span of months ("the first nine months").
Anything temporal that cannot be resolved keeps its type with an X-filled
value ("XXXX-XX-XX") and no interval; nothing here raises on odd input.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache, partial

from core.extract.timex.dates import (
    read_absolute,
    read_day_relative_year,
    read_decade_century,
    read_following_month_or_season,
    read_holiday,
    read_relative_month,
    read_season,
    read_year_phrase,
)
from core.extract.timex.days import (
    read_anaphoric_weekday,
    read_day_of_month,
    read_deictic,
    read_midweek,
    read_ordinal_day,
    read_weekday,
    read_weekend,
)
from core.extract.timex.durations import read_duration, read_set
from core.extract.timex.lexicon import (
    MOD_PREFIXES,
    MOD_SUFFIXES,
    MONTHS,
    NO_MOD_FOCUS,
    NUMBER_RE,
    PARTS_OF_DAY,
    REFS,
    SPAN_START_PREPOSITIONS,
    UNIT_RE,
    WEEKDAYS,
    spelled_years_as_digits,
)
from core.extract.timex.parts import read_edge_day, read_half_phrase, read_part_of_period, read_week_of
from core.extract.timex.quarters import read_quarter_phrase, read_year_back
from core.extract.timex.relative import (
    read_ago,
    read_anaphoric,
    read_of_that_year,
    read_period_ended,
    read_ref,
    read_relative_unit,
)
from core.extract.timex.times import read_clock_duration, read_time_of_day
from core.extract.timex.values import (
    DATE,
    DURATION,
    NO_TENSE,
    PAST,
    TIME,
    UNRESOLVED_DATE,
    Context,
    Normalised,
    Recogniser,
)

_MOD_SUFFIX_RE = re.compile(r" (?:" + "|".join(re.escape(w) for w in MOD_SUFFIXES) + r")\b")

# Words that only qualify the value (TIMEX3 puts them in `mod`).
_MODIFIER_PREFIXES = (
    *MOD_PREFIXES, *NO_MOD_FOCUS, "about", "around", "some", "over", "under", "an estimated", "little more than",
    "very", "the very", "late on", "early on", "as early as", "as late as", "as soon as",
)
_PREPOSITIONS = (
    "on", "in", "at", "since", "until", "till", "by", "from", "during", "within", "for",
    "throughout", "towards", "toward", "through", "over", "before", "after", "of", "between",
)

# Results of `normalise`, a pure function of its arguments (dateparser runs with a
# fixed base date): news repeats its expressions ("last week", "on Sunday"), and the
# tagger asks again of every candidate whether it resolves.
_NORMALISED_CACHE = 16_384


@lru_cache(maxsize=_NORMALISED_CACHE)
def normalise(
    text: str,
    dct: date | None,
    *,
    tense: str = NO_TENSE,
    anchor: date | None = None,
    prev_word: str = "",
    date_order: str = "DMY",
    anchor_value: str = "",
    next_word: str = "",
    quarter_value: str = "",
    sentence_value: str = "",
) -> Normalised | None:
    """TIMEX3 type, value and interval of `text`, or None if it is not temporal.

    `dct` is the document creation time; `tense` the tense of the governing
    verb (PAST, PRESENT, FUTURE or ""); `anchor` the last date resolved
    earlier in the text ("two days later" counts from it); `prev_word` the
    word before the span ("in" makes "two weeks" a date); `date_order` how
    to read 03/02/2022 (DMY British, MDY American); `anchor_value` the TIMEX3
    value of the last calendar period named earlier in the text, at its own
    granularity ("1989-Q3", "199", "1988"): "the following decade" after "the
    1990s", "a year earlier" after a quarter, "that year" after "in 1988";
    `next_word` the word after the span ("the year" before "ended" is a span of a year);
    `quarter_value` the last quarter named earlier in the text ("1989-Q3"), though
    other periods were named since: "the 1988 quarter" is that quarter of 1988;
    `sentence_value` the TIMEX3 value of the last date or time named earlier in the
    same sentence ("on Saturday before resting at noon": noon of that Saturday).
    """
    cleaned = spelled_years_as_digits(clean(text))
    cleaned = _MOD_SUFFIX_RE.sub("", cleaned)  # "a week or so ago", "1994 or later": the value without the mod
    if not cleaned:
        return None
    cleaned, lead = _strip_leading(cleaned)
    if (lead or prev_word.lower()) in SPAN_START_PREPOSITIONS:
        tense = PAST  # "his 30th rally since Labor Day", said before a future verb: the start lies behind
    ctx = Context(dct=dct, tense=tense, anchor=anchor, prev_word=lead or prev_word.lower(), date_order=date_order,
               anchor_value=anchor_value, next_word=next_word.lower(), quarter_value=quarter_value,
               sentence_value=sentence_value)
    try:
        result = _resolve(cleaned, ctx)
    except (ValueError, OverflowError, ArithmeticError, TypeError, KeyError):
        result = None  # odd input is kept as an unresolved expression, never raised
    if result is not None:
        return result
    return _unresolved(cleaned)


# Values that say "temporal, but we could not tell when".
_UNRESOLVED_VALUES = frozenset({UNRESOLVED_DATE, "XXXX", "PXX", "XXXX-XX-XXTXX"})
# A fixed Monday for testing whether words resolve at all, independent of any article.
_PROBE_DCT = date(2001, 1, 1)


def is_resolvable(text: str) -> bool:
    """Whether `text` reads as one whole time expression we can give a value."""
    result = normalise(text, _PROBE_DCT)
    return result is not None and result.value not in _UNRESOLVED_VALUES


def clean(text: str) -> str:
    """Lower-case, straight quotes, single spaces, no possessive or edge punctuation."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"\s+", " ", text).strip(" ,;:()\"")
    text = re.sub(r"'s$", "", text)
    # "end-of-the-year calls", "an end-of-year rally": the adjective reads as "the end of the year"
    text = re.sub(r"\b(end|start|beginning|middle)-of-(?:the-)?(week|month|quarter|year)\b", r"\1 of the \2", text)
    return text.strip(" ,.") if not re.search(r"\b[ap]\.m\.$", text) else text


def _strip_leading(text: str) -> tuple[str, str]:
    """Drop modifiers and prepositions before the head; return the last preposition."""
    lead = ""
    changed = True
    while changed:
        changed = False
        for word in sorted(_MODIFIER_PREFIXES + _PREPOSITIONS, key=len, reverse=True):
            if text.startswith(word + " ") and len(text) > len(word) + 1:
                rest = text[len(word) + 1:]
                if word in _PREPOSITIONS:
                    if rest in REFS and word == "in":  # keep "in the past", "in future"
                        continue
                    lead = word
                text, changed = rest, True
                break
    return text, lead


def _resolve(s: str, ctx: Context) -> Normalised | None:
    """The reading of the first recogniser that reads `s`, in the order of `_STEPS`."""
    for step in _STEPS:
        result = step(s, ctx)
        if result is not None:
            return result
    return None


def _unresolved(s: str) -> Normalised | None:
    """Temporal words we cannot place: keep the type, X out the value."""
    if re.search(r"\b" + UNIT_RE + r"\b", s) and re.search(r"\d|" + NUMBER_RE, s) and \
            not re.search(r"\b(the|of|year \d|quarters?)\b", s):
        return Normalised(DURATION, "PXX")
    words = set(re.findall(r"[a-z]+", s))
    if words & (set(MONTHS) | set(WEEKDAYS) | {"year", "week", "month", "day", "weekend", "date"}):
        return Normalised(DATE, UNRESOLVED_DATE)
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", s):
        return Normalised(DATE, UNRESOLVED_DATE)
    if words & set(PARTS_OF_DAY):
        return Normalised(TIME, "XXXX-XX-XXTXX")
    return None


# The recognisers, tried in this order; those that read another expression inside
# theirs ("the end of <a period>", "noon on <a day>") are handed the whole of it.
_STEPS: tuple[Recogniser, ...] = (
    read_ref, read_set, read_clock_duration, read_deictic, read_ordinal_day, read_day_of_month, read_midweek, read_weekend,
    read_anaphoric, partial(read_of_that_year, resolve=_resolve), read_ago, partial(read_year_back, resolve=_resolve),
    partial(read_week_of, resolve=_resolve), partial(read_part_of_period, resolve=_resolve),
    partial(read_edge_day, resolve=_resolve), read_quarter_phrase,
    partial(read_half_phrase, resolve=_resolve),
    read_period_ended, read_relative_unit, partial(read_day_relative_year, resolve=_resolve), read_following_month_or_season,
    read_relative_month, read_season, read_decade_century,
    read_anaphoric_weekday, read_weekday, read_year_phrase, read_holiday, partial(read_time_of_day, resolve=_resolve),
    read_duration, read_absolute,
)
