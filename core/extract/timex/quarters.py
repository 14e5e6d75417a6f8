"""Quarters and reporting periods, as business news names them: "the third
quarter", "Q3 2021", "the latest quarter", "the year-ago quarter", "the 1988
period"; and "year-earlier", "year-ago", "year-end" as adjectives. No spaCy."""
from __future__ import annotations

import calendar
import re
from datetime import date

from core.extract.timex.lexicon import MONTHS, ORDINALS
from core.extract.timex.parts import read_part_of_period
from core.extract.timex.periods import infer_year, latest_quarter, nearest_year, quarter_named, the_quarter, the_year
from core.extract.timex.values import DATE, FUTURE, NO_TENSE, PAST, PRESENT, Context, Normalised, Recogniser

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


# "the october-december quarter", "the april-june period": a quarter named by its first and
# last months (a "period" so named is the quarter only when the months open and close one).
_MONTHS_QUARTER_RE = re.compile(r"(?:the )?(?P<first>[a-z]+)\.? ?(?:-|to) ?(?P<last>[a-z]+)\.? (?:quarter|period)(?P<rest>(?: of \d{4})?)")
_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth"}


def _quarter_of_months(s: str) -> str:
    """ "the october-december quarter" (or "period") as "the fourth quarter" when the two
    months open and close a calendar quarter; else the words unchanged."""
    m = _MONTHS_QUARTER_RE.fullmatch(s)
    if not m:
        return s
    first, last = MONTHS.get(m.group("first")), MONTHS.get(m.group("last"))
    if first is None or last is None or first % 3 != 1 or last != first + 2:
        return s
    return f"the {_ORDINAL_WORDS[(first - 1) // 3 + 1]} quarter{m.group('rest')}"


def read_quarter_phrase(s: str, ctx: Context) -> Normalised | None:
    s = _quarter_of_months(s)
    if s in ("last quarter", "final quarter"):
        return None  # the quarter before this one: see relative.read_relative_unit
    m = re.fullmatch(r"(?:the )?(last|final) quarter(?: of (?:the year |)(\d{4}))?", s) or \
        re.fullmatch(r"q([1-4])(?: (\d{4}))?", s)
    if m:
        q = int(m.group(1)) if m.group(1).isdigit() else ORDINALS[m.group(1)]
        if m.group(2):
            return the_quarter(int(m.group(2)), q)
        if ctx.dct is None:
            return Normalised(DATE, f"XXXX-Q{q}")
        return the_quarter(_quarter_year(q, ctx.dct, ctx.tense), q)
    m = _QUARTER_RE.fullmatch(s)
    if not m:
        return None
    return _reporting_quarter(m, ctx)


def _reporting_quarter(m: re.Match[str], ctx: Context) -> Normalised | None:
    """A quarter named by ordinal, by year, or by its place in the text."""
    mods = m.group("mods") or ""
    year_back = any(word in mods for word in _YEAR_BACK) or m.group("back") is not None
    explicit_year = m.group("year") or m.group("year2")
    ordinal = _QUARTER_ORDINALS.get(m.group("ord") or "")
    named = quarter_named(ctx.anchor_value) or quarter_named(ctx.quarter_value)
    if m.group("unit") == "period" and not (named or ordinal):
        # "the latest period" names a quarter once one is named; found without context, it may
        if explicit_year and (in_text := quarter_named(ctx.quarter_value)):
            return the_quarter(int(explicit_year), in_text[1])
        if explicit_year:
            return the_year(int(explicit_year))
        if ctx.dct is None and not ctx.anchor_value and mods:
            return Normalised(DATE, "XXXX-QX")
        return None
    if ctx.dct is None and not explicit_year and not named:
        return Normalised(DATE, f"XXXX-Q{ordinal}" if ordinal else "XXXX-QX")
    if explicit_year:
        # "the 1988 quarter", "the 1989 period": the quarter the text is about, in that year
        in_text = named or quarter_named(ctx.quarter_value)
        year, q = int(explicit_year), ordinal or (in_text[1] if in_text else 0)
        if not q:
            return the_year(year)
    elif ordinal and ctx.dct is not None and (owner := re.search(r"\b(last|this|next) year's", mods)):
        # "next year's first quarter", "last year's fourth quarter": that quarter of the year named
        year, q, year_back = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[owner.group(1)], ordinal, False
    elif ordinal:
        # "third-quarter earnings": an adjective names the period its noun reports
        # on; the verb's tense tells of the report ("will report third-quarter
        # earnings" in October: the quarter just over), so only a past tense counts.
        adjective = "-quarter" in m.group(0) and ctx.tense != PAST
        # A known bug, kept: an undated text that named a quarter gets here with no dct. It raised
        # AttributeError, now AssertionError; core.extract.timex.document catches both (expression unresolved).
        assert ctx.dct is not None
        year, q = _quarter_year(ordinal, ctx.dct, NO_TENSE if adjective else ctx.tense), ordinal
    elif "latest" in mods and m.group("unit") == "quarter" or "current" in mods or not named:
        year, q = _default_quarter(ctx, current="current" in mods, latest="latest" in mods)
    else:
        year, q = named
    if "previous" in mods or "prior" in mods:
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    return the_quarter(year - 1 if year_back else year, q)


def read_year_back(s: str, ctx: Context, *, resolve: Recogniser) -> Normalised | None:
    """"year-ago", "year-earlier" as adjectives ("year-earlier sales") and "the same period
    last year", "the same quarter a year earlier": the quarter (or, for "the same ...", the
    month) named a year back, else last year; "year-end": the end of the year
    the verb's tense points to (this one's, unless told in the past before December)."""
    same = re.fullmatch(r"the same (?:period|quarter|month|time) (?:last year|(?:a|one) year (?:earlier|ago|before))", s)
    if s in ("year-ago", "year-earlier", "year-before", "prior-year") or same:
        if quarter := quarter_named(ctx.anchor_value):
            return the_quarter(quarter[0] - 1, quarter[1])
        if same and (month := re.fullmatch(r"(\d{4})-(\d\d)", ctx.anchor_value)):
            # "sales in March rose from the same month last year": that month a year back
            year, number = int(month.group(1)) - 1, int(month.group(2))
            return Normalised(DATE, f"{year:04d}-{number:02d}", date(year, number, 1),
                              date(year, number, calendar.monthrange(year, number)[1]))
        return the_year(ctx.dct.year - 1) if ctx.dct else Normalised(DATE, "XXXX")
    if s in ("year-end", "year end", "year's end", "end-year", "end of year"):
        if ctx.dct is None:
            return Normalised(DATE, "XXXX")
        return read_part_of_period(f"the end of {infer_year(12, ctx.dct, ctx.tense)}", ctx, resolve=resolve)
    return None


def _default_quarter(ctx: Context, *, current: bool, latest: bool) -> tuple[int, int]:
    """"the quarter" with none named before: the one running when told in the
    present or future tense, else the last one over (the one being reported);
    "the latest quarter" is always the last one over."""
    assert ctx.dct is not None
    if current or (ctx.tense in (PRESENT, FUTURE) and not latest):
        return ctx.dct.year, (ctx.dct.month - 1) // 3 + 1
    return latest_quarter(ctx.dct)


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
    return nearest_year(q - 1, (dct.month - 1) // 3, 4, dct.year)
