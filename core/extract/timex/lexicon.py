"""The words of time expressions and how to read them: month, weekday, season and
part-of-day names, number words and units (and the regular expressions built from
them), references to now, the past and the future, the modifier lists kept as data
in core/data, the prepositions that change what a verb's tense says, and counts,
units and spelled-out years read from words. No spaCy."""
from __future__ import annotations

import calendar
import re
from pathlib import Path

from core import DATA_DIR

_UNMARKED_MODIFIERS_FILE = DATA_DIR / "timex_unmarked_modifiers.txt"
_MOD_PREFIXES_FILE = DATA_DIR / "timex_mod_prefixes.txt"
_MOD_SUFFIXES_FILE = DATA_DIR / "timex_mod_suffixes.txt"
_TIME_ZONES_FILE = DATA_DIR / "timex_time_zones.csv"
_BARE_DAY_FOLLOWERS_FILE = DATA_DIR / "timex_bare_day_followers.txt"


def read_words(path: Path) -> tuple[str, ...]:
    """One word or phrase a line; "#" starts a comment line."""
    with path.open(encoding="utf-8") as handle:
        return tuple(line.strip().lower() for line in handle if line.strip() and not line.startswith("#"))


def _read_time_zones(path: Path) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]:
    """Zone abbreviations ("est"), zone names before "time" ("eastern"), and each zone's
    offset as the data file writes it ("Z", "-05:00", "America/New_York" or "")."""
    with path.open(encoding="utf-8") as handle:  # not read_words: an IANA name keeps its case
        rows = [line.strip().split(",") for line in handle if line.strip() and not line.startswith("#")][1:]
    rows = [[zone.lower(), written.lower(), offset] for zone, written, offset in rows]
    abbreviations = tuple(zone for zone, written, _ in rows if written == "abbreviation")
    names = tuple(zone for zone, written, _ in rows if written == "name")
    return abbreviations, names, {zone: offset for zone, _, offset in rows}


# Time zones after a clock time (core/data/timex_time_zones.csv): "EST", "Eastern time".
ZONE_ABBREVIATIONS, ZONE_NAMES, ZONE_OFFSETS = _read_time_zones(_TIME_ZONES_FILE)
# Words after "on the 12th" that leave it a day of the month said alone (not "the 12th floor").
BARE_DAY_FOLLOWERS: tuple[str, ...] = read_words(_BARE_DAY_FOLLOWERS_FILE)
# What a zone puts after a clock time in a TIMEX3 value, if anything: "Z", "-05:00".
ZONE_OFFSET_RE = r"(?:Z|[+-]\d\d:\d\d)?"
# The same as one regular expression over lowercased text: "est", "eastern time".
ZONE_RE = "|".join(sorted([*ZONE_ABBREVIATIONS, *(f"{name} time" for name in ZONE_NAMES)], key=len, reverse=True))

# Focus adverbs with no TIMEX3 `mod` value ("just last month"): outside the extent.
NO_MOD_FOCUS: tuple[str, ...] = read_words(_UNMARKED_MODIFIERS_FILE)
# Words with a TIMEX3 `mod` value ("at least", "almost"): inside the extent.
MOD_PREFIXES: tuple[str, ...] = read_words(_MOD_PREFIXES_FILE)
# Words with a TIMEX3 `mod` value after the expression ("or so", "or later"): inside too.
MOD_SUFFIXES: tuple[str, ...] = read_words(_MOD_SUFFIXES_FILE)

MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTHS = {name.lower(): number for name, number in MONTHS.items()}
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
MONTH_NAMES = frozenset(MONTHS)  # lower case, abbreviations too ("sept")
WEEKDAY_NAMES = frozenset(WEEKDAYS) | frozenset(WEEKDAY_ABBR)

# Parts of the day and their TIMEX3 codes ("Sunday night" -> 2022-02-13TNI).
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "lunchtime": "MI", "midday": "MI",
    "mid-morning": "MO", "midmorning": "MO", "mid-afternoon": "AF", "midafternoon": "AF",
    "mid-evening": "EV",
}
# The codes alone, as one regular expression: "MO|AF|..." (a value's "T" part of the day).
PART_OF_DAY_CODES = "|".join(sorted(set(PARTS_OF_DAY.values())))

# Where in a day or an afternoon something falls ("late yesterday", "earlier
# Sunday", "later this afternoon"): TimeML keeps the word in the extent (mod
# START or END), and the value is the day's or the part of day's own.
DAY_PART_EDGE = re.compile(r"^(?:early|late|earlier|later) ")

# Spelled-out counts in durations and "ago"; a/an mean one.
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "a couple of": 2, "couple of": 2, "a couple": 2, "a dozen": 12, "dozen": 12, "a hundred": 100, "a thousand": 1000,
}

# Possessive determiners: "his first year", "their day", "its tenth day".
POSSESSIVE_DETERMINERS = ("my", "your", "his", "her", "its", "our", "their")
POSSESSIVE_RE = "(?:" + "|".join(POSSESSIVE_DETERMINERS) + ")"

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21, "last": 4, "final": 4,
}
# Duration units: (TIMEX3 letter, is a time-of-day unit needing "PT").
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False),
    "centurie": ("CE", False),
}
UNIT_RE = (r"(seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?"
           r"|century|centuries)")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "twenty-four", "thirty six": a count in two words
COMPOUND_NUMBER_RE = "(?:" + "|".join(_TENS) + ")[- ](?:" + "|".join(_ONES) + ")"
NUMBER_RE = (r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + COMPOUND_NUMBER_RE + "|"
             + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + ")")

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# Anaphoric words: a period after ("the next day", "the following February") or before ("the
# previous week") the one the text last named.
ANAPHORIC_NEXT = ("next", "following", "subsequent")
ANAPHORIC_PREV = ("previous", "preceding", "prior")
SEASON_NAMES = frozenset(SEASONS)

# Reference to now, the past or the future, no calendar anchor (TIMEX3 *_REF).
REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
    "at present": "PRESENT_REF", "present": "PRESENT_REF", "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the moment": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "today's": "PRESENT_REF", "now-": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the other day": "PAST_REF", "moments ago": "PAST_REF",
    "a while ago": "PAST_REF", "a short while ago": "PAST_REF", "a little while ago": "PAST_REF",
    "time ago": "PAST_REF", "not long ago": "PAST_REF",  # "some time ago": "some" is read off as a modifier
    "minutes ago": "PAST_REF", "hours ago": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF",
    "a generation ago": "PAST_REF", "one generation ago": "PAST_REF",
    "formerly": "PAST_REF", "once": "PAST_REF", "years ago": "PAST_REF",
    "decades ago": "PAST_REF", "weeks ago": "PAST_REF", "months ago": "PAST_REF", "days ago": "PAST_REF",
    "a later date": "FUTURE_REF", "a future date": "FUTURE_REF", "then current": "PAST_REF",
    "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "the future": "FUTURE_REF", "in the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "in future": "FUTURE_REF", "future": "FUTURE_REF",
    # "recent weeks", "the coming months", "the days ahead" are not here: a plural
    # unit with no count measures a stretch of time up to or from now, a DURATION
    # of that unit (PXW), as "the past few weeks" is; see durations.read_duration.
    # adjectives of time ("the current crisis", "a recent visit")
    "current": "PRESENT_REF", "recent": "PAST_REF",
    "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF", "the immediate future": "FUTURE_REF",
    "the nearest future": "FUTURE_REF",  # as Kremlin and Kyiv English write "the near future"
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
}

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
            return str(100 * NUMBER_WORDS[m.group("century")] + NUMBER_WORDS[m.group("teen")])
        if m.group("century2"):
            ones = NUMBER_WORDS[m.group("ones")] if m.group("ones") else 0
            return str(100 * NUMBER_WORDS[m.group("century2")] + NUMBER_WORDS[m.group("tens")] + ones)
        return str(2000 + (NUMBER_WORDS[m.group("ones2")] if m.group("ones2") else 0))
    return _SPELLED_YEAR_RE.sub(digits, text) if "teen" in text or "ty" in text or "thousand" in text else text


def parse_count(word: str) -> float | None:
    """A count in digits or words; None for vague quantities."""
    word = word.strip()
    if re.fullmatch(r"\d+(\.\d+)?", word):
        return float(word)
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", word):  # "10,000 hours": thousands set off by commas
        return float(word.replace(",", ""))
    if re.fullmatch(COMPOUND_NUMBER_RE, word):
        tens, ones = re.split(r"[- ]", word)
        return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    return NUMBER_WORDS.get(word)


def parse_unit(word: str) -> tuple[str, bool]:
    """(TIMEX3 letter, is a time-of-day unit) of a unit word, singular or plural."""
    word = word.rstrip("s") if word not in ("centuries",) else "centurie"
    return UNITS[word]


# Prepositions that make a date the far end of something the verb starts or
# moves ("the offer was extended to Nov. 16", "gave them until mid-November",
# "loans through January"): the verb's past tense dates the extending, not the end.
LIMIT_PREPOSITIONS = frozenset({"until", "till", "til", "through", "thru", "to"})
# "since" names the start of a span that runs up to the time told of: whatever the
# verb's tense, a year-less day, month or holiday after it lies behind, and
# (core.extract.timex.document) it is a point of comparison ("the first drop since October
# 2009") that does not move the period the text goes on about.
SPAN_START_PREPOSITIONS = frozenset({"since"})
# "have called a strike for Jan. 9", "set the vote for March 3": a past verb does not
# date the day that "for" names (the day an arrangement is for), which may lie ahead.
TARGET_PREPOSITIONS = frozenset({"for"})
