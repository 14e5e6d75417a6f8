"""A part of a period that another expression names: its end, start, middle or
rest ("the end of the week", "the rest of the year"), one of its halves ("the
first half of 2012"), or the week a day falls in ("the week of the 13th"). The period itself is read by the `resolve` passed in (the
whole normaliser), as any expression can name it. No spaCy."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from core.extract.timex.periods import iso_week
from core.extract.timex.values import DATE, Context, Normalised, Recogniser


def read_week_of(s: str, ctx: Context, *, resolve: Recogniser) -> Normalised | None:
    """"the week of March 13", "the week of the 13th": the ISO week the day named falls in (the
    day is read as said after "on", as a date is)."""
    m = re.fullmatch(r"(?:the )?week of (.+)", s)
    if not m:
        return None
    day = resolve(m.group(1), replace(ctx, prev_word="on", next_word=""))
    if day is None or day.type != DATE or day.date_start is None or day.date_start != day.date_end:
        return None
    return Normalised(DATE, *iso_week(day.date_start))


def read_part_of_period(s: str, ctx: Context, *, resolve: Recogniser) -> Normalised | None:
    """"the end of the week", "the start of March", "the rest of the year"."""
    m = re.fullmatch(r"(?:the )?(end|close|start|beginning|middle|rest|remainder|turn|course) of (.+)", s)
    if not m:
        return None
    part, tail = m.group(1), m.group(2)
    if tail in ("the week", "the month", "the year"):
        tail = "this " + tail[4:]
    elif tail == "the day":
        tail = "today"  # "they have till the end of the day", "the rest of the day": the day of the report
    base = resolve(tail, ctx)
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


def read_edge_day(s: str, ctx: Context, *, resolve: Recogniser) -> Normalised | None:
    """"the last day of 1999", "the first day of March", "the final day of the month": the day
    that opens or closes the period named; "the early hours of Thursday": that day."""
    hours = re.fullmatch(r"the (?:early|small|wee) hours of (.+)", s)
    if hours:
        named = resolve(hours.group(1), ctx)
        return named if named is not None and named.type == DATE and named.date_start == named.date_end else None
    m = re.fullmatch(r"the (first|last|final) day of (.+)", s)
    if not m:
        return None
    tail = "this " + m.group(2)[4:] if m.group(2) in ("the week", "the month", "the year") else m.group(2)
    base = resolve(tail, ctx)
    if base is None or base.type != DATE or base.date_start is None or base.date_end is None:
        return None
    day = base.date_start if m.group(1) == "first" else base.date_end
    return Normalised(DATE, day.isoformat(), day, day)


def read_half_phrase(s: str, ctx: Context, *, resolve: Recogniser) -> Normalised | None:
    """"the first half of 2012", "the first two quarters of 1990" (H1), "the second
    half of the year"; a half of a decade or a century has no TIMEX3 value of its
    own: "the last half of the '80s" keeps the decade's value, with the half's days."""
    m = re.fullmatch(r"(?:the )?(first|second|last|latter) (?:half|two quarters) of (?:the year |fiscal )?(.+)", s)
    if not m:
        return None
    tail = "this year" if m.group(2) == "the year" else m.group(2)
    base = resolve(tail, ctx)
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
