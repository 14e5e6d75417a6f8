"""Expressions placed from now or from what the text named before: references with
no calendar anchor ("now", "recently", "soon"), units counted from the document
date ("last week", "this month", "three days ago", "in two weeks"), and units
counted from the last date or period the text named ("two days later", "the
following decade", "that year"). No spaCy."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from core.extract.timex.durations import duration_value
from core.extract.timex.lexicon import (
    ANAPHORIC_NEXT,
    ANAPHORIC_PREV,
    NUMBER_RE,
    PARTS_OF_DAY,
    REFS,
    UNIT_RE,
    ZONE_OFFSET_RE,
    parse_count,
    parse_unit,
)
from core.extract.timex.periods import (
    calendar_month,
    iso_week,
    period_start,
    quarter_named,
    shift_month,
    the_century,
    the_day,
    the_decade,
    the_quarter,
    the_year,
    units_from,
)
from core.extract.timex.values import (
    DATE,
    DURATION,
    FUTURE,
    NO_TENSE,
    PAST,
    TIME,
    UNRESOLVED_DATE,
    Context,
    Normalised,
    Recogniser,
)

# Words before "the past year", "the last week", "the coming week" that make it a length of
# time ("for the past year", "has spent the past week", "closed for the coming week"), not the
# calendar unit before or after this one; after "over" or "in" TimeBank and the news sets disagree, so those stay.
_SPAN_LEADS = frozenset({"for", "spend", "spends", "spent", "spending"})
# Words before "the next <unit>" that make it the stretch ahead, not the unit after a day told of.
_SPAN_AHEAD_LEADS = _SPAN_LEADS | {"over", "within", "during", "throughout"}

# Auxiliaries before "one day" that make it "some day ahead" ("could one day win").
_FORWARD_AUX = frozenset({"will", "would", "could", "might", "may", "can", "shall", "should", "'ll"})



def read_ref(s: str, ctx: Context) -> Normalised | None:
    if re.fullmatch(r"(?:an? |the )?(?:few|several|many|some|number of) ?" + UNIT_RE + " ago", s):
        return Normalised(DATE, "PAST_REF")  # "several years ago": some time back, no count to place it
    if s == "one day" and ctx.prev_word in _FORWARD_AUX:
        return Normalised(DATE, "FUTURE_REF")  # "will one day be": some day ahead, not a span of a day
    if re.fullmatch(r"this (?:[a-z]+,? ){0,3}(?:point|moment|time|juncture)(?: in time)?", s):
        # "at this point (in time)", "at this very moment", "at this difficult time" (the "at"
        # outside; which words may come between is the patterns' "at-this-point"): now
        return Normalised(DATE, "PRESENT_REF")
    value = REFS.get(s) or REFS.get(s.removeprefix("in "))
    return Normalised(DATE, value) if value else None


# A period named just before, at each granularity an appositive "the <unit>" may retell.
_APPOSITIVE_VALUES = {"year": r"\d{4}", "month": r"\d{4}-\d\d", "day": r"\d{4}-\d\d-\d\d"}


def _in_apposition(s: str, ctx: Context) -> Normalised | None:
    """ "in July, the month after the summit", "its 1997 configuration, the year the Founding Act
    was signed", "on Sept. 21, the day the phone went on sale": "the year/month/day" set off by a
    comma right after a period of that size retells that period, not the document's."""
    m = re.fullmatch(r"the (year|month|day)", s)
    if m is None or ctx.prev_word != ",":
        return None
    unit, start = m.group(1), period_start(ctx.anchor_value)
    if start is None or not re.fullmatch(_APPOSITIVE_VALUES[unit], ctx.anchor_value):
        return None
    if unit == "year":
        return the_year(start.year)
    if unit == "month":
        return Normalised(DATE, *calendar_month(start.year, start.month))
    return the_day(start)


def read_anaphoric(s: str, ctx: Context) -> Normalised | None:
    """Relative to the last date in the text: "two days later", "the next day",
    "the following decade" (after "the 1990s"), "that year" (after "in 1988");
    "later in the day" is that day, the one the text is telling of."""
    s = re.sub(r"^(?:earlier|later|early|late) in the day$", "that day", s)
    if (told := _in_apposition(s, ctx)) is not None:
        return told
    m = re.fullmatch(r"(?:(?:a )?few |several |some )?(hours|minutes|seconds) (?:later|earlier|afterwards)", s)
    if m:  # "hours later": a gap of no stated count from a time the text rarely gives to the hour
        return Normalised(DURATION, duration_value(None, m.group(1)))
    m = re.fullmatch(NUMBER_RE + r" " + UNIT_RE + r" (later|earlier|afterwards|after that|before that)", s)
    sign, part = 0, ""
    counted = m is not None  # "a week later" counts units from a day; "the next week" names a week
    if m:
        count, unit_word = parse_count(m.group(1)), m.group(2)
        sign = 1 if m.group(3) in ("later", "afterwards", "after that") else -1
    else:
        m = re.fullmatch(r"(?:the|a) (" + "|".join(ANAPHORIC_NEXT + ANAPHORIC_PREV) + r") " + UNIT_RE, s)
        m2 = re.fullmatch(r"the (day|week|month|year|night|morning|afternoon|evening) (before|after|earlier|later)", s)
        # "that night" is a TIME; "later that day", "early that day": that day (mod END, START)
        m3 = re.fullmatch(r"(?:(?:earlier|later|early|late) )?(?:that|the same|that same) (day|week|month|year|decade|quarter)", s)
        if m and m.group(1) == "next" and s.startswith("the ") and ctx.prev_word in _SPAN_AHEAD_LEADS \
                and m.group(2) in ("week", "month", "year", "decade"):
            # "over the next decade", "over the next week to 10 days": the stretch of time ahead, as
            # "the next two years" is (every such case of the news and corpus sets but one)
            return Normalised(DURATION, duration_value(1, m.group(2)))
        if m:
            count, unit_word = 1, m.group(2)
            sign = 1 if m.group(1) in ANAPHORIC_NEXT else -1
        elif m2:
            count, unit_word = 1, m2.group(1)
            sign = 1 if m2.group(2) in ("after", "later") else -1
            if unit_word in ("morning", "afternoon", "evening"):
                part, unit_word = unit_word, "day"  # "the morning after": that part of the next day
        elif m3:
            count, unit_word = 0, m3.group(1)
        else:
            return None
    if count is None or not float(count).is_integer():
        return None
    letter, is_time = parse_unit(unit_word)
    if is_time:
        if counted and (clock := _clock_of(ctx.anchor_value)) is not None:
            # "at 11:58 p.m. ... two minutes later": the point so many minutes or hours on
            moment = clock + timedelta(**{_CLOCK_STEPS[letter]: int(count) * sign})
            # at the unit's granularity: "12 seconds later" names the second ("...T14:49:12")
            return Normalised(TIME, moment.strftime("%Y-%m-%dT%H:%M:%S" if letter == "S" else "%Y-%m-%dT%H:%M"),
                              moment.date(), moment.date())
        # "22 hours earlier", "two hours later": the gap, as a span (the text rarely gives
        # the time of day it counts from), not an unplaceable PXX
        return Normalised(DURATION, duration_value(count, unit_word)) if counted else None
    steps = int(count) * sign
    if letter == "Y" and (quarter := quarter_named(ctx.anchor_value)):
        return the_quarter(quarter[0] + steps, quarter[1])  # "a year earlier" than a quarter: that quarter
    if steps > 0 and ctx.anchor is None and period_start(ctx.anchor_value) is None:
        return Normalised(DATE, UNRESOLVED_DATE)  # "80 years later" after no date: after an event, not after today
    base = _anaphoric_base(letter, ctx, back=steps < 0)
    if base is None:
        return Normalised(DATE, UNRESOLVED_DATE)
    if letter == "W" and counted and ctx.anchor is not None and base == ctx.anchor:
        result = the_day(base + timedelta(weeks=steps))  # "on June 3 ... a week later": June 10, a day
    else:
        result = units_from(base, steps, letter)
    if steps > 0 and _beyond_what_is_told(base, result, letter, ctx):
        return Normalised(DATE, UNRESOLVED_DATE)  # "80 years later" counts from some event, not the last day named
    if (part or unit_word == "night") and not counted and result.type == DATE:
        # "the previous night", "the night before", "the morning after": a part of that day, a TIME
        return Normalised(TIME, result.value + "T" + PARTS_OF_DAY[part or "night"], result.date_start, result.date_end)
    return result


def read_of_that_year(s: str, ctx: Context, *, resolve: Recogniser) -> Normalised | None:
    """ "March of that year", "the autumn of the same year": the month or season (read by
    `resolve`) of the year "that year" names, the last period the text named."""
    m = re.fullmatch(r"(.+) of (that|the same|that same) year", s)
    if not m:
        return None
    year = read_anaphoric("that year", ctx)
    if year is None or not re.fullmatch(r"\d{4}", year.value):
        return None
    return resolve(f"{m.group(1)} of {year.value}", ctx)


# Clock units that "two minutes later" counts in from a clock time the text gave.
_CLOCK_STEPS = {"H": "hours", "M": "minutes", "S": "seconds"}


def _clock_of(value: str) -> datetime | None:
    """The moment a TIMEX3 clock value names ("2013-03-17T23:58", "...T24:00"), else None."""
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)", value)
    if not m:
        return None
    return datetime.fromisoformat(m.group(1)) + timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))


# Units so long that a present tense does not schedule them ahead ("the runoff
# follows two weeks later" does; "a century later the town still builds ships" tells of now).
_LONG_UNITS = frozenset({"Y", "DE", "CE"})


def _beyond_what_is_told(base: date, result: Normalised, letter: str, ctx: Context) -> bool:
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


def _anaphoric_base(letter: str, ctx: Context, *, back: bool = False) -> date | None:
    """The day an anaphoric expression counts from: for days and weeks the last
    day named (for weeks, the last week, if a week was named after it; counting
    back in the past tense, not a day ahead of the document date), for longer
    units the start of the last period named (a month, a year, a decade), else
    the document date."""
    period = period_start(ctx.anchor_value)
    if letter == "W" and re.fullmatch(r"\d{4}-W\d\d", ctx.anchor_value):
        return period  # "fell last week from 240,000 the previous week": the week before the one named
    if letter in ("D", "W") or period is None:
        if back and ctx.tense == PAST and ctx.anchor and ctx.dct and ctx.anchor > ctx.dct:
            # "reported 756 deaths, down from 889 the day before" after a date ahead ("until
            # April 3"): a past tense tells of what happened, so it counts back from the document date
            return ctx.dct
        return ctx.anchor or ctx.dct
    return period


# Units that "... ago today" counts back in, whole days at a time.
_DAY_STEPS = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}


def read_ago(s: str, ctx: Context) -> Normalised | None:
    """"three days ago", "in two weeks", "two weeks from now"; "two weeks ago today": the day."""
    m = re.fullmatch(NUMBER_RE + r" " + UNIT_RE + r" ago today", s)
    if m and ctx.dct is not None and (count := parse_count(m.group(1))) is not None and float(count).is_integer():
        letter, is_time = parse_unit(m.group(2))
        if letter in _DAY_STEPS and not is_time:
            # "two weeks ago today": the same day of the week, month or year, so many back
            return the_day(ctx.dct - relativedelta(**{_DAY_STEPS[letter]: int(count)}))
    m = re.fullmatch(NUMBER_RE + r" " + UNIT_RE + r" (ago|from now|hence|time)", s)
    # "will leave in two weeks": a point ahead; "the highest in eight years", "the
    # first time in 100 days", "is due in two weeks" are spans of time.
    forward_in = ctx.prev_word == "in" and ctx.tense == FUTURE
    m_in = None if m else re.fullmatch(NUMBER_RE + r" " + UNIT_RE, s) if forward_in else None
    match = m or m_in
    if not match:
        return None
    count = parse_count(match.group(1))
    letter, is_time = parse_unit(match.group(2))
    if count is None or not float(count).is_integer():
        return None
    if is_time:
        if m_in:
            return Normalised(DURATION, duration_value(count, match.group(2)))
        return _hours_ago(int(count), letter, ctx) if m and m.group(3) == "ago" else None
    if ctx.dct is None:
        return Normalised(DATE, UNRESOLVED_DATE)
    sign = -1 if (m and m.group(3) == "ago") else 1
    count_int = int(count) * (2 if match.group(2).startswith("fortnight") else 1)
    if letter == "Y" and sign < 0 and count_int == 1 and (quarter := quarter_named(ctx.anchor_value)):
        # "up from $2 a year ago" in a text about a quarter: that quarter, a year back from now (not
        # "Three years ago, subscriptions made up ...": a story told back, at the granularity of years)
        return the_quarter(ctx.dct.year - count_int, quarter[1])
    return units_from(ctx.dct, sign * count_int, letter)


def _hours_ago(count: int, letter: str, ctx: Context) -> Normalised:
    """"a couple of hours ago", "20 minutes ago": counted back from the clock time the text
    last named on the document's own day (a transcript's opening stamp, "4:15 P.M. EST"), at
    the expression's granularity ("2021-12-11T14"); with no such time, some time back."""
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)" + ZONE_OFFSET_RE, ctx.anchor_value)
    if ctx.dct is None or m is None or m.group(1) != ctx.dct.isoformat() or int(m.group(2)) > 23:
        return Normalised(DATE, "PAST_REF")
    told = datetime(ctx.dct.year, ctx.dct.month, ctx.dct.day, int(m.group(2)), int(m.group(3)))
    back = told - (timedelta(hours=count) if letter == "H" else timedelta(minutes=count))
    value = back.strftime("%Y-%m-%dT%H" if letter == "H" else "%Y-%m-%dT%H:%M")
    return Normalised(TIME, value, back.date(), back.date())


def _this_week_base(ctx: Context) -> date:
    """The day whose ISO week "this week" means: tomorrow when said on a Sunday."""
    assert ctx.dct is not None
    if ctx.dct.weekday() == 6 and ctx.tense != PAST:
        return ctx.dct + timedelta(days=1)
    return ctx.dct


def read_period_ended(s: str, ctx: Context) -> Normalised | None:
    """"the year ended March 31", "the fiscal year ending June 30": twelve months
    counted back from the day named after it (a span), not a calendar year."""
    if ctx.next_word in ("ended", "ending") and re.fullmatch(r"the (?:fiscal |financial )?year", s):
        return Normalised(DURATION, "P1Y")
    return None


def read_relative_unit(s: str, ctx: Context) -> Normalised | None:
    """"last week", "this month", "next year", "earlier this month", "the coming week";
    "earlier in the year" is "earlier this year", as "the year" is this one; "the
    latest (fiscal) year" is the last one over, as "the latest quarter" is."""
    if s in ("the new year", "this new year"):
        # the year beginning nearest the document date: the coming one from July on
        if ctx.dct is None:
            return Normalised(DATE, "XXXX")
        return the_year(ctx.dct.year + (1 if ctx.dct.month >= 7 else 0))
    s = re.sub(r"^(earlier|later|early|late) in the (week|month|year)$", r"\1 this \2", s)
    s = re.sub(r"^the (?:latest|most recent) (?=(?:fiscal |calendar )?year$)", "last ", s)
    s = re.sub(r"^the (week|month|year|decade) ahead$", r"the coming \1", s)  # "talks in the year ahead"
    m = re.fullmatch(r"(?:(earlier|later|early|late) )?(?:the )?(?:full |whole |entire )?"
                     r"(last|this|next|coming|current|past|previous|following)? ?"
                     r"(?:fiscal |calendar )?(week|month|year|decade|century|quarter)", s)
    if not m or (m.group(2) is None and not s.startswith("the ")):
        return None
    part, which, unit = m.group(1), m.group(2) or "this", m.group(3)
    if s.startswith("the ") and which == "coming" and unit == "year" and not part:
        # "planned in the coming year", said in January: a span of time ahead, as "the coming
        # months" is, not the next calendar year ("in the coming week" is the week ahead, the
        # calendar week that starts next: the seed's gold and the tenth round). "the next week"
        # never gets here: read_anaphoric reads it (a span after "over", "within", ...)
        return Normalised(DURATION, duration_value(1, unit))
    if s.startswith("the ") and which in ("past", "last", "coming") and not part and ctx.prev_word in _SPAN_LEADS:
        # "for the past year", "for the coming week": how long, not which year or week
        return Normalised(DURATION, duration_value(1, unit))
    # "the past week", "the last decade": the calendar unit before this one, as
    # "last week" (TimeML reads them as the week, not as a stretch of seven days)
    if which in ("previous", "following"):
        return None  # anaphoric, see read_anaphoric
    if (m.group(2) is None and not part and unit in ("decade", "century") and ctx.tense != FUTURE
            and re.fullmatch(r"\d{3}" if unit == "decade" else r"\d{2}", ctx.anchor_value)):
        # "built in the 1960s; by the end of the decade ...": the decade the text named, not
        # this one (only a future verb speaks of the current one: "must fall by the end of the decade")
        return (the_decade if unit == "decade" else the_century)(int(ctx.anchor_value))
    if ctx.dct is None:
        return Normalised(DATE, {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX"))
    dct = ctx.dct
    step = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[which]
    first: date | None  # None for a year out of range
    last: date | None
    if unit == "week":
        if step < 0:
            base = dct - timedelta(weeks=1)  # the ISO week before the dct's own, on a Sunday too
        elif which == "coming":
            base = dct if dct.weekday() == 0 else dct + timedelta(days=7 - dct.weekday())
        elif step == 0:
            base = _this_week_base(ctx)
        else:
            base = dct + timedelta(weeks=1)
        value, first, last = iso_week(base)
    elif unit == "month":
        value, first, last = calendar_month(*shift_month(dct, step))
    elif unit == "year":
        result = the_year(dct.year + step)
        value, first, last = result.value, result.date_start, result.date_end
    elif unit == "quarter":
        q = (dct.month - 1) // 3 + step
        year, q = dct.year + q // 4, q % 4 + 1
        return the_quarter(year, q)
    elif unit == "decade":
        return the_decade(dct.year // 10 + step)
    else:
        return the_century(dct.year // 100 + step)
    if part in ("earlier", "early") and step == 0 and first and last:
        last = min(last, dct)
    elif part in ("later", "late") and step == 0 and first and last:
        first = max(first, dct)
    return Normalised(DATE, value, first, last)
