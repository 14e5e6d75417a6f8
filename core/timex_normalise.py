"""TimeML (TIMEX3) normalisation of one time expression: pure functions, no spaCy.

`normalise(text, dct, tense=..., anchor=...)` turns the words of a time
expression ("Sunday night", "the coming week", "about 50 minutes") into its
TIMEX3 type and value as used in TempEval-3, plus the inclusive calendar
interval it denotes. The caller (core.timex) finds the spans and reads the
context (tense of the governing verb, the last date resolved in the text);
this module only reads words.

Conventions:
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
  is last October); core.timex withholds the tense when it does not reach
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

import calendar
import csv
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import dateparser
from dateutil.easter import easter

# Tense of the verb that governs the expression, as read by core.timex.
PAST = "PAST"
PRESENT = "PRESENT"
FUTURE = "FUTURE"
NO_TENSE = ""

DATE, TIME, DURATION, SET = "DATE", "TIME", "DURATION", "SET"
UNRESOLVED_DATE = "XXXX-XX-XX"

_DATA = Path(__file__).parent / "data"
_HOLIDAYS_FILE = _DATA / "timex_holidays.csv"
_UNMARKED_MODIFIERS_FILE = _DATA / "timex_unmarked_modifiers.txt"
_MOD_PREFIXES_FILE = _DATA / "timex_mod_prefixes.txt"
_MOD_SUFFIXES_FILE = _DATA / "timex_mod_suffixes.txt"


def _read_words(path: Path) -> tuple[str, ...]:
    """One word or phrase a line; "#" starts a comment line."""
    with path.open(encoding="utf-8") as handle:
        return tuple(line.strip().lower() for line in handle if line.strip() and not line.startswith("#"))


# Focus adverbs with no TIMEX3 `mod` value ("just last month"): outside the extent.
NO_MOD_FOCUS: tuple[str, ...] = _read_words(_UNMARKED_MODIFIERS_FILE)
# Words with a TIMEX3 `mod` value ("at least", "almost"): inside the extent.
MOD_PREFIXES: tuple[str, ...] = _read_words(_MOD_PREFIXES_FILE)
# Words with a TIMEX3 `mod` value after the expression ("or so", "or later"): inside too.
MOD_SUFFIXES: tuple[str, ...] = _read_words(_MOD_SUFFIXES_FILE)
_MOD_SUFFIX_RE = re.compile(r" (?:" + "|".join(re.escape(w) for w in MOD_SUFFIXES) + r")\b")

_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTHS = {name.lower(): number for name, number in _MONTHS.items()}
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
MONTH_NAMES = frozenset(_MONTHS)  # lower case, abbreviations too ("sept")
WEEKDAY_NAMES = frozenset(_WEEKDAYS) | frozenset(_WEEKDAY_ABBR)

# Parts of the day and their TIMEX3 codes ("Sunday night" -> 2022-02-13TNI).
_PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "lunchtime": "MI", "midday": "MI",
    "mid-morning": "MO", "midmorning": "MO", "mid-afternoon": "AF", "midafternoon": "AF",
    "mid-evening": "EV",
}
_CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
_UTC_ZONES = {"gmt", "utc"}  # zones written with the UTC designator Z
# Words before "the past year", "the last week" that make it a length of time
# ("for the past year", "has spent the past week"), not the calendar unit before
# this one; after "over" or "in" TimeBank and the news sets disagree, so those stay.
_SPAN_LEADS = frozenset({"for", "spend", "spends", "spent", "spending"})
# Where in a day or an afternoon something falls ("late yesterday", "earlier
# Sunday", "later this afternoon"): TimeML keeps the word in the extent (mod
# START or END), and the value is the day's or the part of day's own.
_DAY_PART_EDGE = re.compile(r"^(?:early|late|earlier|later) ")

# Spelled-out counts in durations and "ago"; a/an mean one.
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
}
# Vague quantities give an X in the value: "for several weeks" -> PXW.
_VAGUE_COUNTS = ("a few", "few", "several", "many", "some", "a number of", "numerous", "countless")
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21, "last": 4, "final": 4,
}
# Duration units: (TIMEX3 letter, is a time-of-day unit needing "PT").
_UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False),
    "centurie": ("CE", False),
}
_UNIT_RE = (r"(seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?"
            r"|century|centuries)")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "twenty-four", "thirty six": a count in two words
_COMPOUND_NUMBER_RE = "(?:" + "|".join(_TENS) + ")[- ](?:" + "|".join(_ONES) + ")"
_PLURAL_UNIT_RE = r"(?:seconds|minutes|hours|days|nights|weeks|fortnights|months|quarters|years|decades|centuries)"
_NUMBER_RE = (r"(\d+(?:\.\d+)?|" + _COMPOUND_NUMBER_RE + "|"
              + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True)) + ")")
_VAGUE_RE = "(" + "|".join(_VAGUE_COUNTS) + ")"

_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_NAMES = frozenset(_SEASONS)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

# Reference to now, the past or the future, no calendar anchor (TIMEX3 *_REF).
_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "present": "PRESENT_REF", "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the moment": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "today's": "PRESENT_REF", "now-": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF",
    "formerly": "PAST_REF", "once": "PAST_REF", "years ago": "PAST_REF",
    "decades ago": "PAST_REF", "weeks ago": "PAST_REF", "months ago": "PAST_REF", "days ago": "PAST_REF",
    "a later date": "FUTURE_REF", "a future date": "FUTURE_REF", "then current": "PAST_REF",
    "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "the future": "FUTURE_REF", "in the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "in future": "FUTURE_REF", "future": "FUTURE_REF",
    # "recent weeks", "the coming months", "the days ahead" are not here: a plural
    # unit with no count measures a stretch of time up to or from now, a DURATION
    # of that unit (PXW), as "the past few weeks" is; see _duration.
    # adjectives of time ("the current crisis", "a recent visit")
    "current": "PRESENT_REF", "recent": "PAST_REF",
    "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF", "the immediate future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
}
# Auxiliaries before "one day" that make it "some day ahead" ("could one day win").
_FORWARD_AUX = frozenset({"will", "would", "could", "might", "may", "can", "shall", "should", "'ll"})
# Frequencies: one word or "every/each/per <unit>".
_SET_WORDS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "hourly": "PT1H", "quarterly": "P3M",
    "everyday": "P1D", "weekdays": "XXXX-WXX-WD", "weekends": "XXXX-WXX-WE",
}
# Anaphoric words: relative to the last date resolved in the text.
_ANAPHORIC_NEXT = ("next", "following", "subsequent")
_ANAPHORIC_PREV = ("previous", "preceding", "prior")
# Words that only qualify the value (TIMEX3 puts them in `mod`).
_MODIFIER_PREFIXES = (
    *MOD_PREFIXES, *NO_MOD_FOCUS, "about", "around", "some", "over", "under", "an estimated", "little more than",
    "very", "the very", "late on", "early on", "as early as", "as late as", "as soon as",
)
_PREPOSITIONS = (
    "on", "in", "at", "since", "until", "till", "by", "from", "during", "within", "for",
    "throughout", "towards", "toward", "through", "over", "before", "after", "of", "between",
)


@dataclass(frozen=True)
class Normalised:
    """The TIMEX3 reading of one expression."""

    type: str
    value: str
    date_start: date | None = None
    date_end: date | None = None


@dataclass(frozen=True)
class _Ctx:
    dct: date | None
    tense: str
    anchor: date | None
    prev_word: str
    date_order: str
    anchor_value: str = ""
    next_word: str = ""
    quarter_value: str = ""
    sentence_value: str = ""


# ---------------------------------------------------------------- entry point

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
    ctx = _Ctx(dct=dct, tense=tense, anchor=anchor, prev_word=lead or prev_word.lower(), date_order=date_order,
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
    return text.strip(" ,.") if not re.search(r"\b[ap]\.m\.$", text) else text


# A year read out as broadcasters say it: "nineteen ninety-six", "twenty twenty-two",
# "two thousand (and) one". Only a century word of a plausible year starts one.
_SPELLED_YEAR_RE = re.compile(
    r"\b(?:(?P<century>eighteen|nineteen|twenty) (?P<teen>" + "|".join(_TEENS) + r")"
    r"|(?P<century2>eighteen|nineteen|twenty) (?P<tens>" + "|".join(_TENS) + r")"
    r"(?:[- ](?P<ones>" + "|".join(_ONES) + r"))?"
    r"|two thousand(?: and)?(?: (?P<ones2>" + "|".join(_ONES + _TEENS) + r"))?)\b")


def spelled_years_as_digits(text: str) -> str:
    """"january nineteen ninety-seven" -> "january 1997"; "the year two thousand" -> "the year 2000"."""
    def digits(m: re.Match[str]) -> str:
        if m.group("century"):
            return str(100 * _NUMBER_WORDS[m.group("century")] + _NUMBER_WORDS[m.group("teen")])
        if m.group("century2"):
            ones = _NUMBER_WORDS[m.group("ones")] if m.group("ones") else 0
            return str(100 * _NUMBER_WORDS[m.group("century2")] + _NUMBER_WORDS[m.group("tens")] + ones)
        return str(2000 + (_NUMBER_WORDS[m.group("ones2")] if m.group("ones2") else 0))
    return _SPELLED_YEAR_RE.sub(digits, text) if "teen" in text or "ty" in text or "thousand" in text else text


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
                    if rest in _REFS and word == "in":  # keep "in the past", "in future"
                        continue
                    lead = word
                text, changed = rest, True
                break
    return text, lead


def _resolve(s: str, ctx: _Ctx) -> Normalised | None:
    for step in _STEPS:
        result = step(s, ctx)
        if result is not None:
            return result
    return None


def _unresolved(s: str) -> Normalised | None:
    """Temporal words we cannot place: keep the type, X out the value."""
    if re.search(r"\b" + _UNIT_RE + r"\b", s) and re.search(r"\d|" + _NUMBER_RE, s) and \
            not re.search(r"\b(the|of|year \d|quarters?)\b", s):
        return Normalised(DURATION, "PXX")
    words = set(re.findall(r"[a-z]+", s))
    if words & (set(_MONTHS) | set(_WEEKDAYS) | {"year", "week", "month", "day", "weekend", "date"}):
        return Normalised(DATE, UNRESOLVED_DATE)
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", s):
        return Normalised(DATE, UNRESOLVED_DATE)
    if words & set(_PARTS_OF_DAY):
        return Normalised(TIME, "XXXX-XX-XXTXX")
    return None


# ---------------------------------------------------------------- calendar helpers

def _week(d: date) -> tuple[str, date, date]:
    year, week, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return f"{year}-W{week:02d}", monday, monday + timedelta(days=6)


def _month(year: int, month: int) -> tuple[str, date, date]:
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last)


def _shift_month(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def _day(d: date, type_: str = DATE) -> Normalised:
    return Normalised(type_, d.isoformat(), d, d)


def _interval(type_: str, value: str, span: tuple[date, date] | None) -> Normalised:
    return Normalised(type_, value, *(span or (None, None)))


def _weekday_date(dct: date, weekday: int, *, tense: str, modifier: str = "") -> date:
    """The date a weekday name points to from dct.

    "last Friday" is strictly before, "next Friday" strictly after; a bare
    weekday looks back from a past-tense verb (or no verb: news reports the
    past) and forward from a present or future one; the dct's own weekday is
    the dct itself in both directions.
    """
    back = (dct.weekday() - weekday) % 7
    ahead = (weekday - dct.weekday()) % 7
    if modifier == "last":
        return dct - timedelta(days=back or 7)
    if modifier == "next":
        return dct + timedelta(days=ahead or 7)
    if tense in (PAST, NO_TENSE):
        return dct - timedelta(days=back)
    return dct + timedelta(days=ahead)


def _count(word: str) -> float | None:
    """A count in digits or words; None for vague quantities."""
    word = word.strip()
    if re.fullmatch(r"\d+(\.\d+)?", word):
        return float(word)
    if re.fullmatch(_COMPOUND_NUMBER_RE, word):
        tens, ones = re.split(r"[- ]", word)
        return _NUMBER_WORDS[tens] + _NUMBER_WORDS[ones]
    return _NUMBER_WORDS.get(word)


def _unit(word: str) -> tuple[str, bool]:
    word = word.rstrip("s") if word not in ("centuries",) else "centurie"
    return _UNITS[word]


# Half a unit in the next smaller one, as TimeML writes "an hour and a half"
# (PT1H30M) and "two and a half years" (P2Y6M): (TIMEX3 letter, is a time of
# day) -> the half. A unit not here keeps a decimal ("P1.5W").
_HALVES = {("H", True): "30M", ("M", True): "30S", ("D", False): "T12H", ("Y", False): "6M"}


def _and_a_half(whole: int, unit_word: str) -> str:
    letter, is_time = _unit(unit_word)
    if letter in _YEARS_IN:
        return f"P{whole * _YEARS_IN[letter] + _YEARS_IN[letter] // 2}Y"  # "a decade and a half": P15Y
    prefix, half = ("PT" if is_time else "P"), _HALVES.get((letter, is_time))
    return f"{prefix}{whole}.5{letter}" if half is None else f"{prefix}{whole}{letter}{half}"


# Decades and centuries counted as a span are written in years, as TimeBank does
# ("two decades" P20Y, "more than a century" P100Y); an uncounted "decades" keeps
# its unit (PXDE), which years could not say.
_YEARS_IN = {"DE": 10, "CE": 100}


def _duration_value(count: float | None, unit_word: str) -> str:
    letter, is_time = _unit(unit_word)
    if unit_word.startswith("fortnight"):
        count = None if count is None else count * 2
    if letter in _YEARS_IN and count is not None:
        count, letter = count * _YEARS_IN[letter], "Y"
    amount = "X" if count is None else (str(int(count)) if float(count).is_integer() else str(count))
    return ("PT" if is_time else "P") + amount + letter


# ---------------------------------------------------------------- recognisers

def _ref(s: str, ctx: _Ctx) -> Normalised | None:
    if re.fullmatch(r"(?:an? |the )?(?:few|several|many|some|couple of|number of) ?" + _UNIT_RE + " ago", s):
        return Normalised(DATE, "PAST_REF")  # "several years ago": some time back, no count to place it
    if s == "one day" and ctx.prev_word in _FORWARD_AUX:
        return Normalised(DATE, "FUTURE_REF")  # "will one day be": some day ahead, not a span of a day
    value = _REFS.get(s) or _REFS.get(s.removeprefix("in "))
    return Normalised(DATE, value) if value else None


def _set(s: str, ctx: _Ctx) -> Normalised | None:
    if s in _SET_WORDS:
        return Normalised(SET, _SET_WORDS[s])
    m = re.fullmatch(r"(?:every|each) (morning|afternoon|evening|night)", s)
    if m:  # "each night": a part of every day, as "every morning" (not the unit "night", P1D)
        return Normalised(SET, f"XXXX-XX-XXT{_PARTS_OF_DAY[m.group(1)]}")
    m = re.fullmatch(r"every (?:few|several|couple of) " + _UNIT_RE, s)
    if m:  # "every few years": a recurrence of no stated count
        return Normalised(SET, _duration_value(None, m.group(1)))
    m = re.fullmatch(r"(every|each|per) (other )?" + r"(?:" + _NUMBER_RE + r" )?" + _UNIT_RE, s)
    if m:
        count = _count(m.group(3)) if m.group(3) else 1.0
        count = (count or 1) * (2 if m.group(2) else 1)
        return Normalised(SET, _duration_value(count, m.group(4)))
    m = re.fullmatch(r"(?:once|twice|thrice|\w+ times) (?:a|an|per|every) " + _UNIT_RE, s)
    if m:
        return Normalised(SET, _duration_value(1, m.group(1)))
    m = re.fullmatch(r"(?:every|each) (" + "|".join(_WEEKDAYS) + r")", s) or re.fullmatch(
        r"(?:on )?(" + "|".join(_WEEKDAYS) + r")s", s)
    if m:
        return Normalised(SET, f"XXXX-WXX-{_WEEKDAYS[m.group(1)] + 1}")
    m = re.fullmatch(r"(?:on )?(" + "|".join(_WEEKDAYS) + r")s? (morning|afternoon|evening|night)s", s)
    if m:  # "Tuesday nights": every Tuesday night
        return Normalised(SET, f"XXXX-WXX-{_WEEKDAYS[m.group(1)] + 1}T{_PARTS_OF_DAY[m.group(2)]}")
    m = re.fullmatch(r"(?:every|each) (" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?", s)
    if m:
        return Normalised(SET, f"XXXX-{_MONTHS[m.group(1)]:02d}")
    m = re.fullmatch(r"(?:every|each) (spring|summer|autumn|fall|winter)", s)
    if m:
        return Normalised(SET, f"XXXX-{_SEASONS[m.group(1)]}")
    if re.fullmatch(r"(?:every|each|per) season", s):
        return Normalised(SET, "P1S")  # a season as a unit, named as "every month" is P1M
    return None


def _split_time_of_day(s: str) -> tuple[str, str] | None:
    """Split "sunday night" / "3pm on sunday" into (date words, TIMEX3 time suffix)."""
    clock = (r"(?P<h12>\d{1,2})(?:[:.](?P<m12>\d{2}))? ?(?P<ampm>a\.?m\.?|p\.?m\.?)"
             r"|(?P<h24>\d{1,2})[:.](?P<m24>\d{2})"
             r"|(?P<hmil>[01]\d|2[0-3])(?P<mmil>[0-5]\d) ?(?P<milzone>gmt|utc|hrs|hours)")
    zone = r"(?: (?P<zone>gmt|utc|bst|cet|est|edt|et|pst|msk|local time|kyiv time|moscow time))?"
    m = re.fullmatch(r"(?:(?P<before>.*?) ?(?:at|on|,) )?(?:" + clock + r")" + zone + r"(?:(?: on| ,|,)? (?P<after>.*))?", s)
    if m:
        hour, minute = _clock(m)
        if hour is None:
            return None
        rest = " ".join(p for p in (m.group("before"), m.group("after")) if p)
        # Greenwich time is written as UTC ("2300 GMT" T23:00Z); other named zones keep
        # no offset, as TimeBank writes "5 p.m. EST" T17:00
        utc = "Z" if {m.group("zone"), m.group("milzone")} & _UTC_ZONES else ""
        return rest, f"T{hour:02d}:{minute:02d}{utc}"
    for word, clock_value in _CLOCK_WORDS.items():
        m = re.fullmatch(r"(?:(.*?) ?(?:at|on|,)? )?" + word + r"(?:,? (?:on )?(.*))?", s)
        if m:
            rest = " ".join(p for p in (m.group(1), m.group(2)) if p)
            return rest, "T" + clock_value
    days = "|".join(["yesterday", "today", "tomorrow", *_WEEKDAYS])
    m = re.fullmatch(r"(?:(?P<before>.*) )?(?:(?:early|late|the|mid) )?"
                     r"(?P<part>mid-?morning|mid-?afternoon|mid-evening|morning|afternoon|evening|night|overnight|lunchtime)"
                     r"(?: (?:of|on) (?P<after>.*)| (?P<day>" + days + r"))?", s)
    if m:
        rest = " ".join(p for p in (m.group("before"), m.group("after"), m.group("day")) if p)
        part = m.group("part")
        return rest, "T" + _PARTS_OF_DAY[part if part in _PARTS_OF_DAY else part.replace("mid", "mid-")]
    if s == "tonight":
        return "today", "TNI"
    return None


def _clock(m: re.Match[str]) -> tuple[int | None, int]:
    """Hour and minute of a clock match; None for impossible times ("25:00", "13pm")."""
    if m.group("ampm"):
        hour, minute = int(m.group("h12")), int(m.group("m12") or 0)
        if not 1 <= hour <= 12:
            return None, 0
        hour = hour % 12 + (12 if m.group("ampm").startswith("p") else 0)
    elif m.group("h24"):
        hour, minute = int(m.group("h24")), int(m.group("m24"))
    else:
        hour, minute = int(m.group("hmil")), int(m.group("mmil"))
    if hour > 24 or minute > 59:
        return None, 0
    return hour, minute


def _time_of_day(s: str, ctx: _Ctx) -> Normalised | None:
    """A day plus a part of day or clock time: TIME, value DATE + suffix."""
    split = _split_time_of_day(s)
    if split is None:
        return None
    rest, suffix = split
    if s == "overnight" and ctx.dct is not None:
        # the night that ran into the day its sentence tells of (the day named earlier in
        # it, else the document date: a news report's "overnight" is the night before it
        # was filed, whatever day an earlier sentence named); ahead of a future verb, that
        # day's own coming night
        day = _named_day(ctx.sentence_value) or ctx.dct
        day = day if ctx.tense == FUTURE else day - timedelta(days=1)
        return Normalised(TIME, day.isoformat() + suffix, day, day)
    rest = _DAY_PART_EDGE.sub("", rest)
    if rest in ("", "this", "the", "that", "the same", "today", "early", "late", "mid", "in the"):
        if ctx.dct is None:
            return Normalised(TIME, "XXXX-XX-XX" + suffix)
        # "that night", "in the morning" after "Friday": the part of the day the text is
        # telling of; "this morning", "tonight" are the document date's
        day = ctx.anchor if rest in ("the", "that", "the same", "in the") and ctx.anchor else ctx.dct
        if rest == "" and re.fullmatch(r"T\d\d:\d\dZ?", suffix) and (named := _named_day(ctx.sentence_value)):
            day = named  # "on Saturday before resting at noon": a clock time on the day its sentence named
    elif rest == "last" and suffix == "TNI":
        if ctx.dct is None:
            return Normalised(TIME, "XXXX-XX-XX" + suffix)
        day = ctx.dct - timedelta(days=1)
    else:
        base = _resolve(rest, ctx)
        if base is None or base.type != DATE:
            return None
        if not re.fullmatch(r"(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)|XXXX-WXX-\d", base.value):
            return None
        return Normalised(TIME, base.value + suffix, base.date_start, base.date_end)
    return Normalised(TIME, day.isoformat() + suffix, day, day)


def _named_day(value: str) -> date | None:
    """The day a TIMEX3 date or time value names ("2016-12-10", "2016-12-10TNI"), else None
    (a month or a week names no day)."""
    return _period_start(value) if re.match(r"\d{4}-\d\d-\d\d(?:T|$)", value) else None


def _clock_duration(s: str, ctx: _Ctx) -> Normalised | None:
    """"3:07:35" (a race run in three hours, seven minutes and 35 seconds): a
    duration; after "at" ("at 14:30:00") the clock time of the day."""
    m = re.fullmatch(r"(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.\d+)?", s)
    if not m:
        return None
    hours, minutes, seconds = (int(g) for g in m.groups())
    if ctx.prev_word == "at":
        if hours > 23:
            return None
        suffix = f"T{hours:02d}:{minutes:02d}:{seconds:02d}"
        return Normalised(TIME, ctx.dct.isoformat() + suffix, ctx.dct, ctx.dct) if ctx.dct else \
            Normalised(TIME, "XXXX-XX-XX" + suffix)
    parts = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    return Normalised(DURATION, "PT" + (parts or "0S"))


def _deictic(s: str, ctx: _Ctx) -> Normalised | None:
    """"yesterday", "the day after tomorrow"; "late yesterday" is still that day (mod END)."""
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
               "the day after tomorrow": 2, "this day": 0}
    s = _DAY_PART_EDGE.sub("", s)
    if s not in offsets:
        return None
    if ctx.dct is None:
        return Normalised(DATE, UNRESOLVED_DATE)
    return _day(ctx.dct + timedelta(days=offsets[s]))


def _anaphoric(s: str, ctx: _Ctx) -> Normalised | None:
    """Relative to the last date in the text: "two days later", "the next day",
    "the following decade" (after "the 1990s"), "that year" (after "in 1988");
    "later in the day" is that day, the one the text is telling of."""
    s = re.sub(r"^(?:earlier|later|early|late) in the day$", "that day", s)
    m = re.fullmatch(r"(?:(?:a )?few |several |some )?(hours|minutes|seconds) (?:later|earlier|afterwards)", s)
    if m:  # "hours later": a gap of no stated count from a time the text rarely gives to the hour
        return Normalised(DURATION, _duration_value(None, m.group(1)))
    m = re.fullmatch(_NUMBER_RE + r" " + _UNIT_RE + r" (later|earlier|afterwards|after that|before that)", s)
    sign = 0
    counted = m is not None  # "a week later" counts units from a day; "the next week" names a week
    if m:
        count, unit_word = _count(m.group(1)), m.group(2)
        sign = 1 if m.group(3) in ("later", "afterwards", "after that") else -1
    else:
        m = re.fullmatch(r"(?:the|a) (" + "|".join(_ANAPHORIC_NEXT + _ANAPHORIC_PREV) + r") " + _UNIT_RE, s)
        m2 = re.fullmatch(r"the (day|week|month|year|night) (before|after|earlier|later)", s)
        m3 = re.fullmatch(r"(?:that|the same) (day|week|month|year|decade|quarter)", s)  # "that night": _time_of_day
        if m:
            count, unit_word = 1, m.group(2)
            sign = 1 if m.group(1) in _ANAPHORIC_NEXT else -1
        elif m2:
            count, unit_word = 1, m2.group(1)
            sign = 1 if m2.group(2) in ("after", "later") else -1
        elif m3:
            count, unit_word = 0, m3.group(1)
        else:
            return None
    if count is None or not float(count).is_integer():
        return None
    letter, is_time = _unit(unit_word)
    if is_time:
        # "22 hours earlier", "two hours later": the gap, as a span (the text rarely gives
        # the time of day it counts from), not an unplaceable PXX
        return Normalised(DURATION, _duration_value(count, unit_word)) if counted else None
    steps = int(count) * sign
    if letter == "Y" and (quarter := _anchor_quarter(ctx.anchor_value)):
        return _quarter(quarter[0] + steps, quarter[1])  # "a year earlier" than a quarter: that quarter
    if steps > 0 and ctx.anchor is None and _period_start(ctx.anchor_value) is None:
        return Normalised(DATE, UNRESOLVED_DATE)  # "80 years later" after no date: after an event, not after today
    base = _anaphoric_base(letter, ctx, back=steps < 0)
    if base is None:
        return Normalised(DATE, UNRESOLVED_DATE)
    if letter == "W" and counted and ctx.anchor is not None and base == ctx.anchor:
        result = _day(base + timedelta(weeks=steps))  # "on June 3 ... a week later": June 10, a day
    else:
        result = _offset(base, steps, letter)
    if steps > 0 and _beyond_what_is_told(base, result, letter, ctx):
        return Normalised(DATE, UNRESOLVED_DATE)  # "80 years later" counts from some event, not the last day named
    return result


# Units so long that a present tense does not schedule them ahead ("the runoff
# follows two weeks later" does; "a century later the town still builds ships" tells of now).
_LONG_UNITS = frozenset({"Y", "DE", "CE"})


def _beyond_what_is_told(base: date, result: Normalised, letter: str, ctx: _Ctx) -> bool:
    """Whether a point counted forward ("80 years later") from a day on or before
    the document date crosses it though the verb does not look ahead: a past tense
    (or none) reports what has happened, and a present tense tells of now, not of
    decades ahead. The text counts from an event it did not date, so the point is
    unknown. Counting on from a date the text put ahead of the document is fine."""
    if ctx.dct is None or result.date_start is None or ctx.tense == FUTURE:
        return False
    if base > ctx.dct or result.date_start <= ctx.dct:
        return False
    return ctx.tense in (PAST, NO_TENSE) or letter in _LONG_UNITS


# Prepositions that set an ordinal day apart as a point described ("on the second
# day", "by the tenth day"), not as what today is ("is the second day", "in its tenth day").
_POINT_PREPOSITIONS = frozenset({"on", "by", "until", "till", "after", "before", "since", "from", "for", "of"})


def _ordinal_day(s: str, ctx: _Ctx) -> Normalised | None:
    """"(today) is the eighth day of the strike", "the siege is in its tenth day": told
    in the present tense, the day an ongoing event has reached is the document date."""
    ordinals = "|".join(w for w in _ORDINALS if w not in ("last", "final"))
    if not re.fullmatch(r"(?:(?:the|its|their) )?(?:" + ordinals + r"|\d{1,3}(?:st|nd|rd|th)) "
                        r"(?:straight |consecutive |successive )?day", s):
        return None
    if ctx.dct is None or ctx.tense != PRESENT or ctx.prev_word in _POINT_PREPOSITIONS:
        return Normalised(DATE, UNRESOLVED_DATE)
    return _day(ctx.dct)


def _anaphoric_base(letter: str, ctx: _Ctx, *, back: bool = False) -> date | None:
    """The day an anaphoric expression counts from: for days and weeks the last
    day named (for weeks, the last week, if a week was named after it; counting
    back in the past tense, not a day ahead of the document date), for longer
    units the start of the last period named (a month, a year, a decade), else
    the document date."""
    period = _period_start(ctx.anchor_value)
    if letter == "W" and re.fullmatch(r"\d{4}-W\d\d", ctx.anchor_value):
        return period  # "fell last week from 240,000 the previous week": the week before the one named
    if letter in ("D", "W") or period is None:
        if back and ctx.tense == PAST and ctx.anchor and ctx.dct and ctx.anchor > ctx.dct:
            # "reported 756 deaths, down from 889 the day before" after a date ahead ("until
            # April 3"): a past tense tells of what happened, so it counts back from the document date
            return ctx.dct
        return ctx.anchor or ctx.dct
    return period


def _period_start(value: str) -> date | None:
    """The first day of the calendar period a TIMEX3 value names, None if it names none."""
    try:
        if m := re.match(r"(\d{4})-(\d\d)-(\d\d)", value):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", value):
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            return date(int(m.group(1)), int(m.group(2)), 1)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            return date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
        if m := re.fullmatch(r"(\d{4})(?:-(?:SP|SU|FA|WI|H[12]))?", value):
            return date(int(m.group(1)), 1, 1)
        if m := re.fullmatch(r"(\d{2,3})", value):
            return date(max(int(m.group(1)) * 10 ** (4 - len(value)), 1), 1, 1)
    except ValueError:
        return None
    return None


def _offset(base: date, count: int, letter: str) -> Normalised:
    """The calendar unit `count` units from base, at the unit's granularity."""
    if letter == "D":
        return _day(base + timedelta(days=count))
    if letter == "W":
        return _interval(DATE, *_split3(_week(base + timedelta(weeks=count))))
    if letter == "M":
        return _interval(DATE, *_split3(_month(*_shift_month(base, count))))
    if letter == "Y":
        return _year(base.year + count)
    if letter == "Q":
        index = base.year * 4 + (base.month - 1) // 3 + count
        return _quarter(index // 4, index % 4 + 1)
    if letter == "DE":
        return _decade((base.year + 10 * count) // 10)
    year = base.year + 100 * count
    return _century(year // 100)


def _split3(triple: tuple[str, date, date]) -> tuple[str, tuple[date, date]]:
    return triple[0], (triple[1], triple[2])


def _year(year: int) -> Normalised:
    if not 0 < year <= 9999:
        return Normalised(DATE, "XXXX")
    return Normalised(DATE, f"{year:04d}", date(year, 1, 1), date(year, 12, 31))


def _decade(decade: int) -> Normalised:
    if not 0 < decade <= 999:
        return Normalised(DATE, "XXX")
    return Normalised(DATE, f"{decade:03d}", date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31))


def _century(hundreds: int) -> Normalised:
    if not 0 <= hundreds <= 99:
        return Normalised(DATE, "XX")
    return Normalised(DATE, f"{hundreds:02d}", date(max(hundreds * 100, 1), 1, 1), date(hundreds * 100 + 99, 12, 31))


def _ago(s: str, ctx: _Ctx) -> Normalised | None:
    """"three days ago", "in two weeks", "two weeks from now"."""
    m = re.fullmatch(_NUMBER_RE + r" " + _UNIT_RE + r" (ago|from now|hence|time)", s)
    # "will leave in two weeks": a point ahead; "the highest in eight years", "the
    # first time in 100 days", "is due in two weeks" are spans of time.
    forward_in = ctx.prev_word == "in" and ctx.tense == FUTURE
    m_in = None if m else re.fullmatch(_NUMBER_RE + r" " + _UNIT_RE, s) if forward_in else None
    if not (m or m_in):
        return None
    match = m or m_in
    count = _count(match.group(1))
    letter, is_time = _unit(match.group(2))
    if count is None or not float(count).is_integer():
        return None
    if is_time:
        return Normalised(DURATION, _duration_value(count, match.group(2))) if m_in else None
    if ctx.dct is None:
        return Normalised(DATE, UNRESOLVED_DATE)
    sign = -1 if (m and m.group(3) == "ago") else 1
    count_int = int(count) * (2 if match.group(2).startswith("fortnight") else 1)
    if letter == "Y" and sign < 0 and (quarter := _anchor_quarter(ctx.anchor_value)):
        # "up from $2 a year ago" in a text about a quarter: that quarter, a year back from now
        return _quarter(ctx.dct.year - count_int, quarter[1])
    return _offset(ctx.dct, sign * count_int, letter)


def _this_week_base(ctx: _Ctx) -> date:
    """The day whose ISO week "this week" means: tomorrow when said on a Sunday."""
    assert ctx.dct is not None
    if ctx.dct.weekday() == 6 and ctx.tense != PAST:
        return ctx.dct + timedelta(days=1)
    return ctx.dct


def _period_ended(s: str, ctx: _Ctx) -> Normalised | None:
    """"the year ended March 31", "the fiscal year ending June 30": twelve months
    counted back from the day named after it (a span), not a calendar year."""
    if ctx.next_word in ("ended", "ending") and re.fullmatch(r"the (?:fiscal |financial )?year", s):
        return Normalised(DURATION, "P1Y")
    return None


def _relative_unit(s: str, ctx: _Ctx) -> Normalised | None:
    """"last week", "this month", "next year", "earlier this month", "the coming week";
    "earlier in the year" is "earlier this year", as "the year" is this one; "the
    latest (fiscal) year" is the last one over, as "the latest quarter" is."""
    s = re.sub(r"^(earlier|later|early|late) in the (week|month|year)$", r"\1 this \2", s)
    s = re.sub(r"^the (?:latest|most recent) (?=(?:fiscal |calendar )?year$)", "last ", s)
    m = re.fullmatch(r"(?:(earlier|later|early|late) )?(?:the )?(?:full |whole |entire )?"
                     r"(last|this|next|coming|current|past|previous|following)? ?"
                     r"(?:fiscal |calendar )?(week|month|year|decade|century|quarter)", s)
    if not m or (m.group(2) is None and not s.startswith("the ")):
        return None
    part, which, unit = m.group(1), m.group(2) or "this", m.group(3)
    if s.startswith("the ") and which == "next" and not part:
        return Normalised(DURATION, _duration_value(1, unit))  # "over the next week": a span of time ahead
    if s.startswith("the ") and which in ("past", "last") and not part and ctx.prev_word in _SPAN_LEADS:
        return Normalised(DURATION, _duration_value(1, unit))  # "for the past year": how long, not which year
    # "the past week", "the last decade": the calendar unit before this one, as
    # "last week" (TimeML reads them as the week, not as a stretch of seven days)
    if which in ("previous", "following"):
        return None  # anaphoric, see _anaphoric
    if (m.group(2) is None and not part and unit in ("decade", "century") and ctx.tense != FUTURE
            and re.fullmatch(r"\d{3}" if unit == "decade" else r"\d{2}", ctx.anchor_value)):
        # "built in the 1960s; by the end of the decade ...": the decade the text named, not
        # this one (only a future verb speaks of the current one: "must fall by the end of the decade")
        return (_decade if unit == "decade" else _century)(int(ctx.anchor_value))
    if ctx.dct is None:
        return Normalised(DATE, {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX"))
    dct = ctx.dct
    step = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[which]
    if unit == "week":
        if step < 0:
            base = dct - timedelta(weeks=1)  # the ISO week before the dct's own, on a Sunday too
        elif which == "coming":
            base = dct if dct.weekday() == 0 else dct + timedelta(days=7 - dct.weekday())
        elif step == 0:
            base = _this_week_base(ctx)
        else:
            base = dct + timedelta(weeks=1)
        value, first, last = _week(base)
    elif unit == "month":
        value, first, last = _month(*_shift_month(dct, step))
    elif unit == "year":
        result = _year(dct.year + step)
        value, first, last = result.value, result.date_start, result.date_end
    elif unit == "quarter":
        q = (dct.month - 1) // 3 + step
        year, q = dct.year + q // 4, q % 4 + 1
        return _quarter(year, q)
    elif unit == "decade":
        return _decade(dct.year // 10 + step)
    else:
        return _century(dct.year // 100 + step)
    if part in ("earlier", "early") and step == 0 and first and last:
        last = min(last, dct)
    elif part in ("later", "late") and step == 0 and first and last:
        first = max(first, dct)
    return Normalised(DATE, value, first, last)


def _quarter(year: int, q: int) -> Normalised:
    first = date(year, 3 * q - 2, 1)
    last = date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
    return Normalised(DATE, f"{year:04d}-Q{q}", first, last)


def _part_of_period(s: str, ctx: _Ctx) -> Normalised | None:
    """"the end of the week", "the start of March", "the rest of the year"."""
    m = re.fullmatch(r"(?:the )?(end|close|start|beginning|middle|rest|remainder|turn|course) of (.+)", s)
    if not m:
        return None
    part, tail = m.group(1), m.group(2)
    if tail in ("the week", "the month", "the year"):
        tail = "this " + tail[4:]
    base = _resolve(tail, ctx)
    if base is None or base.type != DATE:
        return None
    if base.date_start is None or base.date_end is None:
        return base
    first, last = base.date_start, base.date_end
    length = (last - first).days + 1
    if part in ("rest", "remainder"):
        if ctx.dct and first <= ctx.dct <= last:
            first = ctx.dct
    elif "-W" in base.value and length == 7:
        # end of a week: Friday to Sunday; start: Monday to Wednesday
        if part in ("end", "close"):
            first = first + timedelta(days=4)
        elif part in ("start", "beginning", "turn"):
            last = first + timedelta(days=2)
        else:
            first, last = first + timedelta(days=2), first + timedelta(days=3)
    elif length <= 31:
        # a month in thirds: 1-10, 11-20, 21-end
        if part in ("end", "close"):
            first = first.replace(day=21)
        elif part in ("start", "beginning", "turn"):
            last = first.replace(day=10)
        else:
            first, last = first.replace(day=11), first.replace(day=20)
    elif length >= 365 and first.month == 1 and last.month == 12 and first.year == last.year:
        # a year in quarters: the end is October to December
        if part in ("end", "close"):
            first = first.replace(month=10)
        elif part in ("start", "beginning", "turn"):
            last = date(first.year, 3, 31)
        else:
            first, last = first.replace(month=4), date(first.year, 9, 30)
    return Normalised(DATE, base.value, first, last)


def _weekend(s: str, ctx: _Ctx) -> Normalised | None:
    m = re.fullmatch(r"(?:(?:the|this|last|next|that|past|coming|long|bank holiday) )*weekend", s)
    if not m:
        return None
    if ctx.dct is None:
        return Normalised(DATE, "XXXX-WXX-WE")
    dct, words = ctx.dct, s.split()
    on_weekend = dct.weekday() >= 5
    this_saturday = dct - timedelta(days=dct.weekday() - 5) if on_weekend else None
    if "last" in words or "past" in words:
        saturday = this_saturday - timedelta(days=7) if this_saturday else dct - timedelta(days=dct.weekday() + 2)
    elif "next" in words:
        saturday = this_saturday + timedelta(days=7) if this_saturday else dct + timedelta(days=5 - dct.weekday())
    elif this_saturday:
        saturday = this_saturday
    elif ctx.tense in (PAST, NO_TENSE) and "coming" not in words and not ("this" in words and dct.weekday() >= 2):
        # "over the weekend", "this weekend" said early in the week: the one just gone; from
        # Wednesday on, "this weekend" is the one ahead ("called for a rally this weekend")
        saturday = dct - timedelta(days=dct.weekday() + 2)
    else:
        saturday = dct + timedelta(days=5 - dct.weekday())
    return Normalised(DATE, _week(saturday)[0] + "-WE", saturday, saturday + timedelta(days=1))


def _midweek(s: str, ctx: _Ctx) -> Normalised | None:
    """"midweek": the Wednesday behind a past-tense verb, else the one ahead."""
    if s not in ("midweek", "mid-week", "mid week", "mid - week"):
        return None
    if ctx.dct is None:
        return Normalised(DATE, "XXXX-WXX-3")
    return _day(_weekday_date(ctx.dct, 2, tense=ctx.tense if ctx.tense != NO_TENSE else PRESENT))


def _anaphoric_weekday(s: str, ctx: _Ctx) -> Normalised | None:
    """"the previous Friday", "the following Monday": the weekday before or after the
    day the text is telling of (the last day named, else the document date), never that day."""
    m = re.fullmatch(r"the (previous|preceding|prior|following) (" + "|".join(_WEEKDAYS) + r")", s)
    if not m:
        return None
    weekday = _WEEKDAYS[m.group(2)]
    base = ctx.anchor or ctx.dct
    if base is None:
        return Normalised(DATE, f"XXXX-WXX-{weekday + 1}")
    return _day(_weekday_date(base, weekday, tense=NO_TENSE,
                              modifier="next" if m.group(1) == "following" else "last"))


def _weekday(s: str, ctx: _Ctx) -> Normalised | None:
    names = "|".join(list(_WEEKDAYS) + list(_WEEKDAY_ABBR))
    s = re.sub(r"^this (?=(?:coming|past) )", "", s)  # "this coming Sunday", "this past Sunday"
    m = re.fullmatch(r"(?:(last|this|next|coming|past|early|late|earlier|later|on) )?(" + names + r")\.?", s)
    if not m:
        return None
    weekday = _WEEKDAYS.get(m.group(2), _WEEKDAY_ABBR.get(m.group(2)))
    if ctx.dct is None:
        return Normalised(DATE, f"XXXX-WXX-{weekday + 1}")
    modifier = {"last": "last", "past": "last", "next": "next"}.get(m.group(1) or "", "")
    tense = PRESENT if m.group(1) == "coming" else ctx.tense
    return _day(_weekday_date(ctx.dct, weekday, tense=tense, modifier=modifier))


def _relative_month(s: str, ctx: _Ctx) -> Normalised | None:
    """"last May" (the latest May before this month), "next March", "this
    September" (this year's), "June last year", "January of next year"."""
    names = "|".join(sorted(_MONTHS, key=len, reverse=True))
    m = re.fullmatch(r"(?:(?:early|late|mid)[- ])?(last|this|next|past|coming) (" + names + r")\.?", s)
    m2 = None if m else re.fullmatch(
        r"(?:(?:early|late|mid)[- ])?(" + names + r")\.?(?: of)? (last|this|next) year", s)
    if not (m or m2):
        return None
    which, month = (m.group(1), _MONTHS[m.group(2)]) if m else (m2.group(2), _MONTHS[m2.group(1)])
    if ctx.dct is None:
        return Normalised(DATE, f"XXXX-{month:02d}")
    year = ctx.dct.year
    if m2:
        year += {"last": -1, "this": 0, "next": 1}[which]
    elif which in ("last", "past"):
        year -= 1 if month >= ctx.dct.month else 0
    elif which == "next":
        year += 1 if month <= ctx.dct.month else 0
    elif which == "coming":
        year += 1 if month < ctx.dct.month else 0
    return _interval(DATE, *_split3(_month(year, month)))


def _season(s: str, ctx: _Ctx) -> Normalised | None:
    m = re.fullmatch(r"(?:(?:the|this|last|next|early|late|mid|past|coming) )*(?:(?:of )?)(spring|summer|autumn|fall|winter)(?: (?:of )?(\d{4}))?", s)
    if not m:
        return None
    code = _SEASONS[m.group(1)]
    words = s.split()
    if m.group(2):
        year = int(m.group(2))
    elif ctx.dct is None:
        return Normalised(DATE, f"XXXX-{code}")
    else:
        year = _season_year(code, ctx.dct, words, ctx.tense)
    first, last = _season_bounds(code, year)
    return Normalised(DATE, f"{year:04d}-{code}", first, last)


def _season_year(code: str, dct: date, words: list[str], tense: str) -> int:
    """The year of "this/last/next <season>" or a bare season; winter Y runs
    December Y-1 to February Y. A bare season is the last one begun after a
    past-tense verb, the current or coming one after a future verb, and
    otherwise the nearest (the current one when the dct falls inside it)."""
    year = dct.year + (1 if code == "WI" and dct.month == 12 else 0)
    started = code == "WI" or dct.month >= _SEASON_MONTHS[code][0]
    if "this" in words and "past" in words:  # "this past spring": the latest one begun
        return max(y for y in (year - 1, year) if _season_bounds(code, y)[0] <= dct)
    if "last" in words or "past" in words:
        return year - 1
    if "next" in words or "coming" in words:
        return year + 1 if started else year
    if "this" in words:
        return year
    candidates = [(y, *_season_bounds(code, y)) for y in (year - 1, year, year + 1)]
    if tense == PAST:
        return max(y for y, first, _ in candidates if first <= dct)
    if tense == FUTURE:
        return min(y for y, _, last in candidates if last >= dct)
    return min(candidates, key=lambda c: (max((c[1] - dct).days, (dct - c[2]).days, 0), c[0] != year))[0]


def _season_bounds(code: str, year: int) -> tuple[date, date]:
    if code == "WI":
        return date(year - 1, 12, 1), date(year, 2, calendar.monthrange(year, 2)[1])
    first_month, last_month = _SEASON_MONTHS[code]
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


# A quarter or a reporting period named by what it is to the text: the one just
# reported ("the latest quarter"), the same one a year before ("the year-ago
# quarter"), the one now running ("the current quarter"), the one before ("the
# previous quarter"). Business news compares a quarter with the same quarter a
# year earlier, and calls both "the period" once a quarter is named.
_QUARTER_RE = re.compile(
    r"(?:the )?(?:(?P<year>\d{4})(?:'s)? )?(?P<mods>(?:(?:fiscal|year-ago|year-earlier|year ago|year earlier|comparable|"
    r"corresponding|same|latest|most recent|just-ended|just ended|recent|current|previous|prior|last year's|"
    r"this year's|next year's) )*)"
    r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?)?(?:fiscal[- ])?(?P<unit>quarter|period)"
    r"(?: of (?:fiscal |the year )?(?P<year2>\d{4}))?(?: (?P<back>last year|a year ago|a year earlier))?")
_QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_YEAR_BACK = ("year-ago", "year-earlier", "year ago", "year earlier", "comparable", "corresponding", "last year's")


def _quarter_phrase(s: str, ctx: _Ctx) -> Normalised | None:
    if s in ("last quarter", "final quarter"):
        return None  # the quarter before this one: see _relative_unit
    m = re.fullmatch(r"(?:the )?(last|final) quarter(?: of (?:the year |)(\d{4}))?", s) or \
        re.fullmatch(r"q([1-4])(?: (\d{4}))?", s)
    if m:
        q = int(m.group(1)) if m.group(1).isdigit() else _ORDINALS[m.group(1)]
        if m.group(2):
            return _quarter(int(m.group(2)), q)
        if ctx.dct is None:
            return Normalised(DATE, f"XXXX-Q{q}")
        return _quarter(_quarter_year(q, ctx.dct, ctx.tense), q)
    m = _QUARTER_RE.fullmatch(s)
    if not m:
        return None
    return _reporting_quarter(m, ctx)


def _reporting_quarter(m: re.Match[str], ctx: _Ctx) -> Normalised | None:
    """A quarter named by ordinal, by year, or by its place in the text."""
    mods = m.group("mods") or ""
    year_back = any(word in mods for word in _YEAR_BACK) or m.group("back") is not None
    explicit_year = m.group("year") or m.group("year2")
    ordinal = _QUARTER_ORDINALS.get(m.group("ord") or "")
    named = _anchor_quarter(ctx.anchor_value) or _anchor_quarter(ctx.quarter_value)
    if m.group("unit") == "period" and not (named or ordinal):
        # "the latest period" names a quarter once one is named; found without context, it may
        if explicit_year and (in_text := _anchor_quarter(ctx.quarter_value)):
            return _quarter(int(explicit_year), in_text[1])
        if explicit_year:
            return _year(int(explicit_year))
        if ctx.dct is None and not ctx.anchor_value and mods:
            return Normalised(DATE, "XXXX-QX")
        return None
    if ctx.dct is None and not explicit_year and not named:
        return Normalised(DATE, f"XXXX-Q{ordinal}" if ordinal else "XXXX-QX")
    if explicit_year:
        # "the 1988 quarter", "the 1989 period": the quarter the text is about, in that year
        in_text = named or _anchor_quarter(ctx.quarter_value)
        year, q = int(explicit_year), ordinal or (in_text[1] if in_text else 0)
        if not q:
            return _year(year)
    elif ordinal and ctx.dct is not None and (owner := re.search(r"\b(last|this|next) year's", mods)):
        # "next year's first quarter", "last year's fourth quarter": that quarter of the year named
        year, q, year_back = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[owner.group(1)], ordinal, False
    elif ordinal:
        # "third-quarter earnings": an adjective names the period its noun reports
        # on; the verb's tense tells of the report ("will report third-quarter
        # earnings" in October: the quarter just over), so only a past tense counts.
        adjective = "-quarter" in m.group(0) and ctx.tense != PAST
        year, q = _quarter_year(ordinal, ctx.dct, NO_TENSE if adjective else ctx.tense), ordinal
    elif "latest" in mods and m.group("unit") == "quarter" or "current" in mods or not named:
        year, q = _default_quarter(ctx, current="current" in mods, latest="latest" in mods)
    else:
        year, q = named
    if "previous" in mods or "prior" in mods:
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    return _quarter(year - 1 if year_back else year, q)


def _year_back(s: str, ctx: _Ctx) -> Normalised | None:
    """"year-ago", "year-earlier" as adjectives ("year-earlier sales"): the
    quarter named a year back, else last year; "year-end": the end of the year
    the verb's tense points to (this one's, unless told in the past before December)."""
    if s in ("year-ago", "year-earlier", "year-before", "prior-year"):
        if quarter := _anchor_quarter(ctx.anchor_value):
            return _quarter(quarter[0] - 1, quarter[1])
        return _year(ctx.dct.year - 1) if ctx.dct else Normalised(DATE, "XXXX")
    if s in ("year-end", "year end", "year's end", "end-year", "end of year"):
        if ctx.dct is None:
            return Normalised(DATE, "XXXX")
        return _part_of_period(f"the end of {_infer_year(12, ctx.dct, ctx.tense)}", ctx)
    return None


def _anchor_quarter(value: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _default_quarter(ctx: _Ctx, *, current: bool, latest: bool) -> tuple[int, int]:
    """"the quarter" with none named before: the one running when told in the
    present or future tense, else the last one over (the one being reported);
    "the latest quarter" is always the last one over."""
    assert ctx.dct is not None
    if current or (ctx.tense in (PRESENT, FUTURE) and not latest):
        return ctx.dct.year, (ctx.dct.month - 1) // 3 + 1
    return latest_quarter(ctx.dct)


def latest_quarter(dct: date) -> tuple[int, int]:
    """(year, quarter) of the last quarter over before `dct`: the one a report is about."""
    q = (dct.month - 1) // 3 + 1
    return (dct.year, q - 1) if q > 1 else (dct.year - 1, 4)


def _quarter_year(q: int, dct: date, tense: str) -> int:
    """As for months: a quarter not yet begun, told in the past tense, is last
    year's ("the fourth quarter ended" said in January); one already over,
    told in the future tense, is next year's; with no tense, the nearest."""
    first_month, last_month = 3 * q - 2, 3 * q
    if tense == PAST and first_month > dct.month:
        return dct.year - 1
    if tense == FUTURE and last_month < dct.month:
        return dct.year + 1
    if tense in (PAST, FUTURE):
        return dct.year
    return _nearest_year(q - 1, (dct.month - 1) // 3, 4, dct.year)


def _half_phrase(s: str, ctx: _Ctx) -> Normalised | None:
    """"the first half of 2012", "the first two quarters of 1990" (H1), "the second
    half of the year"; a half of a decade or a century has no TIMEX3 value of its
    own: "the last half of the '80s" keeps the decade's value, with the half's days."""
    m = re.fullmatch(r"(?:the )?(first|second|last|latter) (?:half|two quarters) of (?:the year |fiscal )?(.+)", s)
    if not m:
        return None
    tail = "this year" if m.group(2) == "the year" else m.group(2)
    base = _resolve(tail, ctx)
    if base is None or base.type != DATE:
        return None
    half = 1 if m.group(1) == "first" else 2
    if base.date_start is None or base.date_end is None:
        return Normalised(DATE, "XXXX-HX") if re.fullmatch(r"X{4}|\d{4}", base.value) else base
    first, last = base.date_start, base.date_end
    middle = first + (last - first) / 2
    first, last = (first, middle) if half == 1 else (middle + timedelta(days=1), last)
    if re.fullmatch(r"\d{4}", base.value):
        year = int(base.value)
        return Normalised(DATE, f"{year:04d}-H{half}", date(year, 1 if half == 1 else 7, 1),
                          date(year, 6, 30) if half == 1 else date(year, 12, 31))
    if re.fullmatch(r"\d{2,3}", base.value):
        return Normalised(DATE, base.value, first, last)
    return None


def _decade_century(s: str, ctx: _Ctx) -> Normalised | None:
    m = re.fullmatch(r"(?:the )?(?:early |mid-?|late |mid )?(\d{3})0'?s", s)
    if m:
        return _decade(int(m.group(1)))
    m = re.fullmatch(r"(?:the )?(?:early |mid-?|late |mid )?'(\d)0s", s)
    if m:
        return _decade(190 + int(m.group(1)))
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(" + "|".join(tens) + ")", s)
    if m:
        return _decade(190 + tens[m.group(1)])
    s = re.sub(r"(?<=st|nd|rd|th)-century$", " century", s)  # "a 19th-century landmark": the century
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(\d{1,2})(?:st|nd|rd|th) century", s) or re.fullmatch(
        r"(?:the )?(?:early |late |mid-?)?(" + "|".join(_ORDINALS) + r") century", s)
    if m:
        number = int(m.group(1)) if m.group(1).isdigit() else _ORDINALS[m.group(1)]
        return _century(number - 1)
    return None


# Words between a count and its unit that leave the span as counted: "20 more
# years", "an additional year", "eight trading days", "five working days".
_SPAN_ADJECTIVES = ("more |full |whole |long |straight |consecutive |additional |extra |further "
                    "|trading |business |working ")


# Nouns that name a stretch of time a counted adjective measures: "a three-year period".
_PERIOD_NOUNS = " (?:period|term|span|stretch|spell|stint)"


def _duration(s: str, ctx: _Ctx) -> Normalised | None:
    """"about 50 minutes", "the next 48 hours", "weeks", "several days", "48-hour"."""
    if re.search(r"\bquarters?\b", s) and not re.match(r"the |\d|several |(?:a )?few |many |recent |coming |upcoming ", s):
        return None  # "a quarter of the vote", "three quarters of them": fractions, not spans of time
    s = re.sub(r"^the (?:next|past|last|previous|first|coming|following|final|latest|preceding) ", "", s)
    # "another week", "another two days": that much more time, a span as "a week", "two days"
    s = re.sub(r"^another (?=" + _UNIT_RE + r"$)", "a ", s)
    s = re.sub(r"^another (?=" + _NUMBER_RE + r" " + _PLURAL_UNIT_RE + r"$)", "", s)
    # "for the nine months": a span, as without "the"; in "the two day rally" the "the" is the rally's
    s = re.sub(r"^the (?=" + _NUMBER_RE + r" (?:\w+ )?" + _PLURAL_UNIT_RE + r"$)", "", s)
    s = re.sub(r"\s*-\s*", "-", s)
    if s == "half an hour" or s == "half-hour":
        return Normalised(DURATION, "PT30M")
    if s in ("a while", "quite a while"):
        return Normalised(DURATION, "PXX")  # "for a while": a span of no stated unit
    m = re.fullmatch(r"(?:(an?|one|\d+) )?(" + "|".join(_UNITS) + r")s? and a half", s) or \
        re.fullmatch(r"(\d+) 1/2 (" + "|".join(_UNITS) + r")s?", s)
    if m:
        whole = 1 if m.group(1) in (None, "a", "an", "one") else int(m.group(1))
        return Normalised(DURATION, _and_a_half(whole, m.group(2)))
    compound = _compound_duration(s)
    if compound is not None:
        return Normalised(DURATION, compound)
    m = re.fullmatch(r"(?:an? )?(?:" + _NUMBER_RE + "|" + _VAGUE_RE + r")-" + _UNIT_RE
                     + r"(?:-old|-long|" + _PERIOD_NOUNS + r")?", s)
    if m:  # "48-hour", "several-year", "a three-year period"
        count = _count(m.group(1)) if m.group(1) else None
        if count is None and m.group(1):
            return None
        return Normalised(DURATION, _duration_value(count, m.group(3)))
    m = re.fullmatch(r"(?:" + _NUMBER_RE + r"|" + _VAGUE_RE + r") (?:" + _SPAN_ADJECTIVES + r")?" + _UNIT_RE + r"(?: long| old| or so)?", s)
    if m:
        count = _count(m.group(1)) if m.group(1) else None
        return Normalised(DURATION, _duration_value(count, m.group(3)))
    # a range is one expression of an unknown count: "two to three weeks", "a year or two", "weeks or months"
    m = re.fullmatch(_NUMBER_RE + r" ?(?:to|or|-) ?" + _NUMBER_RE + " " + _UNIT_RE, s) or \
        re.fullmatch(r"(?:an? |one )?" + _UNIT_RE + r" or (?:two|three)", s) or \
        re.fullmatch(_PLURAL_UNIT_RE.replace("(?:", "(", 1) + " or " + _PLURAL_UNIT_RE, s)
    if m:
        return Normalised(DURATION, _duration_value(None, m.group(m.lastindex)))
    m = re.fullmatch(r"(?:many |long |recent |coming |upcoming )?"
                     r"(seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries)", s) or \
        re.fullmatch(r"(?:the )?(hours|days|weeks|months|years|decades) (?:ahead|to come)", s)
    if m:
        return Normalised(DURATION, _duration_value(None, m.group(1)))
    return None


# Units in the order a span of time is read out in them ("two years and three months",
# "2 hours, 56 minutes"): each part of a compound span is smaller than the one before.
_UNIT_ORDER = ("Y", "M", "W", "D", "H", "TM", "S")


def _compound_duration(s: str) -> str | None:
    """ "2 hours, 56 minutes" -> PT2H56M, "a year and two months" -> P1Y2M: one span read out
    in two units, the larger first; None if `s` is not one."""
    count = r"(\d+|" + _COMPOUND_NUMBER_RE + "|" + "|".join(w for w in _NUMBER_WORDS if " " not in w) + ")"
    m = re.fullmatch(count + " " + _UNIT_RE + r"(?:,| ,| and|, and)? " + count + " " + _UNIT_RE, s)
    if not m:
        return None
    parts = []
    for number, unit_word in ((m.group(1), m.group(2)), (m.group(3), m.group(4))):
        amount, (letter, is_time) = _count(number), _unit(unit_word)
        if amount is None or not float(amount).is_integer() or letter not in ("Y", "M", "W", "D", "H", "S"):
            return None
        parts.append((int(amount), letter, is_time))
    order = [_UNIT_ORDER.index("TM" if letter == "M" and is_time else letter) for _, letter, is_time in parts]
    if order[0] >= order[1]:
        return None
    if [letter for _, letter, _ in parts] == ["W", "D"]:
        return f"P{7 * parts[0][0] + parts[1][0]}D"  # ISO 8601 writes weeks alone: "a week and two days" is P9D
    date_part = "".join(f"{n}{letter}" for n, letter, is_time in parts if not is_time)
    time_part = "".join(f"{n}{letter}" for n, letter, is_time in parts if is_time)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def _absolute(s: str, ctx: _Ctx) -> Normalised | None:
    """Calendar dates by dateparser: "13 February 2022", "Feb. 13", "02/13/2022", "March 2021"."""
    text = re.sub(r"\b(" + "|".join(list(_WEEKDAYS) + list(_WEEKDAY_ABBR)) + r")\b\.?,?", " ", s)
    if text != s:  # "this coming Sunday, March 8": the date names the day the words point to
        text = re.sub(r"^\s*(?:this )?(?:coming|past|next|last)\b", "", text)
    text = _DAY_ORDINAL_RE.sub(lambda m: f"{_day_ordinal(m.group(0))}th", text)  # "March eighth"
    text = re.sub(r"^(?:early|late|mid|the middle of|the end of|the start of)[- ]", "", text.strip())
    text = re.sub(r"\s+", " ", text).strip(" ,")
    text = re.sub(r"^the ", "", text)
    month_names = "|".join(sorted(_MONTHS, key=len, reverse=True))
    numeric = re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})|\d{4} ?- ?\d{1,2} ?- ?\d{1,2}", text)
    month = re.search(r"\b(" + month_names + r")\b\.?", text)
    if not (numeric or month):
        return None
    if month and not numeric:
        rest = re.sub(r"\b(" + month_names + r")\b\.?|\bof\b|\bthe\b|,", " ", text)
        if not re.fullmatch(r"\s*(\d{1,2}(st|nd|rd|th)?)?\s*(\d{4}|'\d\d)?\s*", rest):
            return None
    text = text.replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    has_year = bool(numeric) or bool(re.search(r"\b\d{4}\b|'\d\d\b", text))
    has_day = bool(numeric) or bool(re.search(r"(?<![\d'])([012]?\d|3[01])(st|nd|rd|th)?\b(?!\d)", re.sub(r"\b\d{4}\b|'\d\d\b", "", text)))
    if not has_year:
        parse_text = text + " 2000"  # a leap year, so "29 February" parses
    else:
        parse_text = re.sub(r"'(\d\d)\b", r"20\1", text)
    parsed = _parse_date(parse_text, ctx.date_order if not re.fullmatch(r"\d{4}.*", text) else "YMD")
    if parsed is None:
        return Normalised(DATE, UNRESOLVED_DATE)
    if has_year:
        year = parsed.year
    elif ctx.dct is None:
        return Normalised(DATE, f"XXXX-{parsed.month:02d}" + (f"-{parsed.day:02d}" if has_day else ""))
    elif _limit_tense(ctx) == PAST and re.fullmatch(r"\d{4}", ctx.sentence_value) \
            and int(ctx.sentence_value) < ctx.dct.year:
        # "in 1964, when the Games were held in October": the sentence has gone back to a year; that one's
        year = int(ctx.sentence_value)
    else:
        year = _infer_year(parsed.month, ctx.dct, _limit_tense(ctx))
    if not has_day:
        return _interval(DATE, *_split3(_month(year, parsed.month)))
    try:
        return _day(date(year, parsed.month, parsed.day))
    except ValueError:
        return Normalised(DATE, UNRESOLVED_DATE)


# Days of the month in words ("March eighth", "the twenty-first of June").
_DAY_ORDINALS = {word: n for word, n in _ORDINALS.items() if word not in ("last", "final")} | {
    "twentieth": 20, "thirtieth": 30, "thirty-first": 31, "thirty first": 31}
_DAY_ORDINAL_RE = re.compile(
    r"\b(?:twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    + "|".join(sorted(map(re.escape, _DAY_ORDINALS), key=len, reverse=True)) + r")\b")


def _day_ordinal(words: str) -> int:
    if words in _DAY_ORDINALS:
        return _DAY_ORDINALS[words]
    return 20 + _DAY_ORDINALS[re.split(r"[- ]", words, maxsplit=1)[1]]


@lru_cache(maxsize=4096)
def _parse_date(text: str, date_order: str) -> date | None:
    """dateparser with explicit settings; absolute formats only."""
    settings = {
        "DATE_ORDER": date_order,
        "PREFER_DAY_OF_MONTH": "first",
        "RELATIVE_BASE": datetime(2000, 1, 1),
        "PARSERS": ["absolute-time"],
        "STRICT_PARSING": False,
        "REQUIRE_PARTS": ["month"],
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None


# Prepositions that make a date the far end of something the verb starts or
# moves ("the offer was extended to Nov. 16", "gave them until mid-November",
# "loans through January"): the verb's past tense dates the extending, not the end.
LIMIT_PREPOSITIONS = frozenset({"until", "till", "til", "through", "thru", "to"})
# "since" names the start of a span that runs up to the time told of: whatever the
# verb's tense, a year-less day, month or holiday after it lies behind, and (core.timex)
# it is a point of comparison ("the first drop since October 2009") that does not move
# the period the text goes on about.
SPAN_START_PREPOSITIONS = frozenset({"since"})
# "have called a strike for Jan. 9", "set the vote for March 3": a past verb does not
# date the day that "for" names (the day an arrangement is for), which may lie ahead.
_TARGET_PREPOSITIONS = frozenset({"for"})


def _limit_tense(ctx: _Ctx) -> str:
    """The tense that places a year-less month or day: a past tense does not
    reach a limit introduced by "until", "through" or "to" (the nearest such
    month is meant, which may lie after the document date)."""
    if ctx.tense == PAST and (ctx.prev_word in LIMIT_PREPOSITIONS or ctx.prev_word in _TARGET_PREPOSITIONS):
        return NO_TENSE
    return ctx.tense


def _infer_year(month: int, dct: date, tense: str) -> int:
    """The year of a year-less month, read as a reader would from the verb.

    A past-tense verb means the last such month (on or before the dct's: a
    month after it is last year's), a future one the coming month (one before
    the dct's is next year's); otherwise, or when the verb's tense does not
    reach the expression ("payable Dec. 15"), the nearest one.
    """
    if tense == PAST:
        return dct.year - 1 if month > dct.month else dct.year
    if tense == FUTURE:
        return dct.year + 1 if month < dct.month else dct.year
    return _nearest_year(month - 1, dct.month - 1, 12, dct.year)


def _nearest_year(position: int, current: int, length: int, year: int) -> int:
    """The year in which `position` of a yearly cycle (a month 0-11, a quarter
    0-3) lies nearest the dct's `current` one; a tie stays in `year`. A
    year-less "October" said in January is last October, said in June this one."""
    ahead = (position - current) % length
    behind = (current - position) % length
    if ahead == 0 or ahead == behind:
        return year
    if ahead < behind:
        return year + 1 if position < current else year
    return year - 1 if position > current else year


def _holiday(s: str, ctx: _Ctx) -> Normalised | None:
    s = re.sub(r"^(?:this|last|next) ", "", s)
    m = re.fullmatch(r"(.+?)(?: (\d{4}))?", s)
    holidays = _holidays()
    if not m or m.group(1) not in holidays:
        return None
    month, day, easter_offset, weekday = holidays[m.group(1)]
    if m.group(2):
        year = int(m.group(2))
    elif ctx.dct is None:
        fixed = easter_offset is None and weekday is None
        return Normalised(DATE, f"XXXX-{month:02d}-{day:02d}" if fixed else UNRESOLVED_DATE)
    else:
        year = _infer_year(month or 4, ctx.dct, ctx.tense)
    if easter_offset is not None:
        return _day(easter(year) + timedelta(days=easter_offset))
    first = date(year, month, day)
    if weekday is not None:  # "the fourth Thursday of November": the first Thursday on or after the 22nd
        return _day(first + timedelta(days=(weekday - first.weekday()) % 7))
    return _day(first)


@lru_cache(maxsize=1)
def _holidays() -> dict[str, tuple[int, int, int | None, int | None]]:
    """Named days from core/data/timex_holidays.csv: fixed dates, Easter offsets,
    or the first given weekday on or after a date (month, day, easter_offset, weekday)."""
    table: dict[str, tuple[int, int, int | None, int | None]] = {}
    with _HOLIDAYS_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            offset, weekday = row["easter_offset"].strip(), (row.get("weekday") or "").strip()
            table[row["name"].strip().lower()] = (
                int(row["month"] or 0), int(row["day"] or 0), int(offset) if offset else None,
                int(weekday) if weekday else None)
    return table


def _year_phrase(s: str, ctx: _Ctx) -> Normalised | None:
    m = re.fullmatch(r"(?:the )?(?:year |early |late |mid-?|mid |fiscal |calendar )?(\d{4})", s)
    if m and 1000 <= int(m.group(1)) <= 2199:
        return _year(int(m.group(1)))
    m = re.fullmatch(r"the year (\d+)", s)
    if m:
        return Normalised(DATE, "XXXX")
    return None


_STEPS = (
    _ref, _set, _clock_duration, _deictic, _ordinal_day, _midweek, _weekend, _anaphoric, _ago, _year_back,
    _part_of_period, _quarter_phrase, _half_phrase, _period_ended, _relative_unit, _relative_month, _season,
    _decade_century, _anaphoric_weekday, _weekday, _year_phrase, _holiday, _time_of_day, _duration, _absolute,
)
