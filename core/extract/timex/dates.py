"""Points named on the calendar: dates read by dateparser ("13 February 2022", "Feb.
13", "02/13/2022", "March 2021"), months ("last May", "June last year"), seasons,
holidays (core/data/timex_holidays.csv), years, decades and centuries; a year left
unsaid is inferred from the verb's tense. No spaCy."""
from __future__ import annotations

import calendar
import csv
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser
from dateutil.easter import easter

from core import DATA_DIR
from core.extract.timex.lexicon import (
    ANAPHORIC_NEXT,
    ANAPHORIC_PREV,
    LIMIT_PREPOSITIONS,
    MONTHS,
    ORDINALS,
    SEASONS,
    TARGET_PREPOSITIONS,
    WEEKDAY_ABBR,
    WEEKDAYS,
)
from core.extract.timex.periods import (
    calendar_month,
    infer_year,
    interval,
    iso_week,
    period_start,
    split_triple,
    the_century,
    the_day,
    the_decade,
    the_year,
)
from core.extract.timex.values import (
    DATE,
    FUTURE,
    NO_TENSE,
    PAST,
    SET,
    UNRESOLVED_DATE,
    Context,
    Normalised,
    Recogniser,
)

HOLIDAYS_FILE = DATA_DIR / "timex_holidays.csv"

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def read_relative_month(s: str, ctx: Context) -> Normalised | None:
    """"last May" (the latest May before this month), "next March", "this
    September" (this year's), "June last year", "January of next year"."""
    names = "|".join(sorted(MONTHS, key=len, reverse=True))
    m = re.fullmatch(r"(?:(?:early|late|mid)[- ])?(last|this|next|past|coming) (" + names + r")\.?", s)
    m2 = None if m else re.fullmatch(
        r"(?:(?:early|late|mid)[- ])?(" + names + r")\.?(?: of)? (last|this|next) year", s)
    if m:
        which, month = m.group(1), MONTHS[m.group(2)]
    elif m2:
        which, month = m2.group(2), MONTHS[m2.group(1)]
    else:
        return None
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
    return interval(DATE, *split_triple(calendar_month(year, month)))


def read_following_month_or_season(s: str, ctx: Context) -> Normalised | None:
    """"charged in August 2009 ... the following February" (2010-02), "fired on Dec. 2, 2010 ...
    indicted the following spring" (2011-SP): the first such month or season after the day the
    text last named (after a year, after that year), or the last one before it for "the previous
    ..."; counted from the document date when the text has named none."""
    names = "|".join(sorted(list(MONTHS) + list(SEASONS), key=len, reverse=True))
    m = re.fullmatch(r"the (" + "|".join(ANAPHORIC_NEXT + ANAPHORIC_PREV) + r") (" + names + r")", s)
    if not m:
        return None
    step = 1 if m.group(1) in ANAPHORIC_NEXT else -1
    if re.fullmatch(r"\d{4}", ctx.anchor_value):
        base: date | None = date(int(ctx.anchor_value), 12 if step > 0 else 1, 1)
    else:
        base = period_start(ctx.anchor_value) or ctx.anchor or ctx.dct
    if base is None:
        return Normalised(DATE, "XXXX-XX" if m.group(2) in MONTHS else f"XXXX-{SEASONS[m.group(2)]}")
    if m.group(2) in MONTHS:
        month = MONTHS[m.group(2)]
        year = base.year + (0 if (month - base.month) * step > 0 else step)
        value, first, last = calendar_month(year, month)
        return Normalised(DATE, value, first, last)
    code = SEASONS[m.group(2)]
    # as "next spring" / "last spring" are read from the document date, here from the base
    ends = _season_year(code, base, ["next" if step > 0 else "last"], NO_TENSE)
    named = ends - (1 if code == "WI" else 0)
    first, last = _season_bounds(code, ends)
    return Normalised(DATE, f"{named:04d}-{code}", first, last)


def read_day_relative_year(s: str, ctx: Context, *, resolve: Recogniser) -> Normalised | None:
    """ "March 3 last year", "3 March next year": that day of the month in the year named
    (read by `resolve` with the year written out); a month alone is read_relative_month's."""
    m = re.fullmatch(r"(.*\d.*?),? (last|this|next) year", s)
    if not m or ctx.dct is None:
        return None
    year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m.group(2)]
    result = resolve(f"{m.group(1)} {year}", ctx)
    if result is None or result.type != DATE or not re.fullmatch(r"\d{4}-\d\d-\d\d", result.value):
        return None
    return result


def read_season(s: str, ctx: Context) -> Normalised | None:
    m = re.fullmatch(r"(?:(?:the|this|last|next|early|late|earlier|later|mid|past|coming) )*(?:(?:of )?)"
                     r"(spring|summer|autumn|fall|winter)(?: (?:of )?(\d{4}))?", s)
    if not m:
        return None
    code = SEASONS[m.group(1)]
    words = s.split()
    # a winter is named by the year it begins, its December ("this winter" said in January 2013 is
    # 2012-WI, "before winter" said in September 2022 is 2022-WI), as every news set marks it
    if m.group(2):
        named = int(m.group(2))
        ends = named + (1 if code == "WI" else 0)
    elif ctx.dct is None:
        return Normalised(DATE, f"XXXX-{code}")
    else:
        ends = _season_year(code, ctx.dct, words, ctx.tense)
        named = ends - (1 if code == "WI" else 0)
    try:
        first, last = _season_bounds(code, ends)
    except ValueError:  # "winter 9999" ends past the calendar: the name without its days
        return Normalised(DATE, f"{named:04d}-{code}")
    return Normalised(DATE, f"{named:04d}-{code}", first, last)


def _season_year(code: str, dct: date, words: list[str], tense: str) -> int:
    """The year of "this/last/next <season>" or a bare season, counted here as the year the
    season ends in: winter Y runs December Y-1 to February Y (its value names December's year).
    "last <season>" is the latest one that has ended (every news set and two corpus texts; one
    TimeBank "last spring", of October 1989, is 1988). A bare season is the last one begun after a
    past-tense verb, the current or coming one after a future verb, and
    otherwise the nearest (the current one when the dct falls inside it)."""
    year = dct.year + (1 if code == "WI" and dct.month == 12 else 0)
    started = code == "WI" or dct.month >= _SEASON_MONTHS[code][0]
    if "this" in words and "past" in words:  # "this past spring": the latest one begun
        return max(y for y in (year - 1, year) if _season_bounds(code, y)[0] <= dct)
    if "last" in words:  # "last summer" said in November 2021 is 2021's: the latest one over
        return max(y for y in (year - 2, year - 1, year) if _season_bounds(code, y)[1] < dct)
    if "past" in words:
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


def read_decade_century(s: str, ctx: Context) -> Normalised | None:
    m = re.fullmatch(r"(?:the )?(?:early |mid-?|late |mid )?(\d{3})0'?s", s)
    if m:
        if re.fullmatch(r"1\d0", m.group(1)):
            return the_century(int(m.group(1)) // 10)  # "the 1800s", "the late 1600s": a century, 18, 16
        return the_decade(int(m.group(1)))  # "the 1990s"; "the 2000s" is the decade 2000-2009
    m = re.fullmatch(r"(?:the )?(?:early |mid-?|late |mid )?'(\d)0s", s)
    if m:
        return the_decade(190 + int(m.group(1)))
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(" + "|".join(tens) + ")", s)
    if m:
        return the_decade(190 + tens[m.group(1)])
    s = re.sub(r"(?<=st|nd|rd|th)-century$", " century", s)  # "a 19th-century landmark": the century
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(\d{1,2})(?:st|nd|rd|th) century", s) or re.fullmatch(
        r"(?:the )?(?:early |late |mid-?)?(" + "|".join(ORDINALS) + r") century", s)
    if m:
        number = int(m.group(1)) if m.group(1).isdigit() else ORDINALS[m.group(1)]
        return the_century(number - 1)
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(x{1,2}(?:ix|iv|v?i{0,3})) century", s)
    if m and m.group(1):  # "the XXI century", as Kremlin and Kyiv English number centuries
        return the_century(_roman(m.group(1)) - 1)
    return None


_ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10}


def _roman(numeral: str) -> int:
    """The value of a Roman numeral of the centuries read (X to XXIX: "xxi" -> 21)."""
    values = [_ROMAN_DIGITS[c] for c in numeral]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def read_absolute(s: str, ctx: Context) -> Normalised | None:
    """Calendar dates by dateparser: "13 February 2022", "Feb. 13", "02/13/2022", "March 2021"."""
    text = re.sub(r"\b(" + "|".join(list(WEEKDAYS) + list(WEEKDAY_ABBR)) + r")\b\.?,?", " ", s)
    if text != s:  # "this coming Sunday, March 8": the date names the day the words point to
        text = re.sub(r"^\s*(?:this )?(?:coming|past|next|last)\b", "", text)
    text = _DAY_ORDINAL_RE.sub(lambda m: f"{_day_ordinal(m.group(0))}th", text)  # "March eighth"
    text = re.sub(r"^(?:early|late|mid|the middle of|the end of|the start of)[- ]", "", text.strip())
    text = re.sub(r"\s+", " ", text).strip(" ,")
    text = re.sub(r"^the ", "", text)
    month_names = "|".join(sorted(MONTHS, key=len, reverse=True))
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
        year = infer_year(parsed.month, ctx.dct, _limit_tense(ctx))
    if not has_day:
        return interval(DATE, *split_triple(calendar_month(year, parsed.month)))
    try:
        return the_day(date(year, parsed.month, parsed.day))
    except ValueError:
        return Normalised(DATE, UNRESOLVED_DATE)


# Days of the month in words ("March eighth", "the twenty-first of June").
_DAY_ORDINALS = {word: n for word, n in ORDINALS.items() if word not in ("last", "final")} | {
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


def _limit_tense(ctx: Context) -> str:
    """The tense that places a year-less month or day: a past tense does not
    reach a limit introduced by "until", "through" or "to" (the nearest such
    month is meant, which may lie after the document date)."""
    if ctx.tense == PAST and (ctx.prev_word in LIMIT_PREPOSITIONS or ctx.prev_word in TARGET_PREPOSITIONS):
        return NO_TENSE
    return ctx.tense


def read_holiday(s: str, ctx: Context) -> Normalised | None:
    """A named day ("Good Friday", "Christmas 2012"), or the weekend it names ("Labor Day
    weekend", "the Thanksgiving weekend"): the weekend nearest the day, the one before a
    Monday or Tuesday holiday, else the one after (or holding) it; "every Christmas" is a SET.
    "last Christmas" is the latest one before the document date (said on 23 December, the year
    before's), "next Christmas" the first one after it, "this Christmas" the one of its year."""
    which = re.match(r"(this|last|next) ", s)
    s = s[which.end():] if which else s
    holidays = _holidays()
    every = re.fullmatch(r"(?:every|each) (.+)", s)
    if every and every.group(1) in holidays:
        # "every Christmas": the day each year, a SET; a movable feast has no fixed month and day
        month, day, easter_offset, weekday = holidays[every.group(1)]
        fixed = easter_offset is None and weekday is None
        return Normalised(SET, f"XXXX-{month:02d}-{day:02d}" if fixed else "XXXX-XX-XX")
    weekend = re.fullmatch(r"(?:the )?(.+) weekend", s)
    if weekend and weekend.group(1) in holidays:
        named = read_holiday(weekend.group(1), ctx)
        if named is None or named.date_start is None:
            return Normalised(DATE, "XXXX-WXX-WE")
        saturday = named.date_start + timedelta(days=5 - named.date_start.weekday())
        if named.date_start.weekday() <= 1:
            saturday -= timedelta(days=7)
        return Normalised(DATE, iso_week(saturday)[0] + "-WE", saturday, saturday + timedelta(days=1))
    m = re.fullmatch(r"(.+?)(?: (\d{4}))?", s)
    if not m or m.group(1) not in holidays:
        return None
    spec = holidays[m.group(1)]
    month, day, easter_offset, weekday = spec
    if m.group(2):
        return the_day(_holiday_in(int(m.group(2)), spec))
    if ctx.dct is None:
        fixed = easter_offset is None and weekday is None
        return Normalised(DATE, f"XXXX-{month:02d}-{day:02d}" if fixed else UNRESOLVED_DATE)
    if which and which.group(1) == "this":
        return the_day(_holiday_in(ctx.dct.year, spec))
    if which:
        step = -1 if which.group(1) == "last" else 1
        when = _holiday_in(ctx.dct.year, spec)
        if (when - ctx.dct).days * step <= 0:  # not strictly on that side of the document date
            when = _holiday_in(ctx.dct.year + step, spec)
        return the_day(when)
    return the_day(_holiday_in(infer_year(month or 4, ctx.dct, ctx.tense), spec))


def _holiday_in(year: int, spec: tuple[int, int, int | None, int | None]) -> date:
    """The date of a named day (a row of `_holidays`) in `year`."""
    month, day, easter_offset, weekday = spec
    if easter_offset is not None:
        return easter(year) + timedelta(days=easter_offset)
    first = date(year, month, day)
    if weekday is not None:  # "the fourth Thursday of November": the first Thursday on or after the 22nd
        return first + timedelta(days=(weekday - first.weekday()) % 7)
    return first


@lru_cache(maxsize=1)
def _holidays() -> dict[str, tuple[int, int, int | None, int | None]]:
    """Named days from core/data/timex_holidays.csv: fixed dates, Easter offsets,
    or the first given weekday on or after a date (month, day, easter_offset, weekday)."""
    table: dict[str, tuple[int, int, int | None, int | None]] = {}
    with HOLIDAYS_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            offset, weekday = row["easter_offset"].strip(), (row.get("weekday") or "").strip()
            table[row["name"].strip().lower()] = (
                int(row["month"] or 0), int(row["day"] or 0), int(offset) if offset else None,
                int(weekday) if weekday else None)
    return table


# A range of two years written as one ("for 2022–2024", "2021-2023"): TimeML marks each year; the
# range reads as its first year here, and core.extract.timex.document yields both.
YEAR_RANGE_RE = re.compile(r"(\d{4}) ?[-\u2013] ?(\d{4})")


def read_year_phrase(s: str, ctx: Context) -> Normalised | None:
    m = re.fullmatch(r"(?:the )?(?:year |early |late |mid-?|mid |fiscal |calendar )?(\d{4})", s)
    if m and 1000 <= int(m.group(1)) <= 2199:
        return the_year(int(m.group(1)))
    m = YEAR_RANGE_RE.fullmatch(s)
    if m and 1000 <= int(m.group(1)) < int(m.group(2)) <= 2199:
        return the_year(int(m.group(1)))
    m = re.fullmatch(r"the year (\d+)", s)
    if m:
        return Normalised(DATE, "XXXX")
    return None
