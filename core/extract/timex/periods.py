"""Calendar arithmetic in TIMEX3 values: a day, an ISO week, a month, a quarter, a
year, a decade or a century as a value with its interval; the period a value
names; the unit some count of units away from a day; the year in which a
year-less month or quarter falls. No spaCy."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from core.extract.timex.values import DATE, FUTURE, PAST, Normalised


def iso_week(d: date) -> tuple[str, date, date]:
    """(value, Monday, Sunday) of the ISO week holding `d`."""
    year, week, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return f"{year}-W{week:02d}", monday, monday + timedelta(days=6)


def calendar_month(year: int, month: int) -> tuple[str, date, date]:
    """(value, first day, last day) of a month."""
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last)


def shift_month(d: date, months: int) -> tuple[int, int]:
    """(year, month) `months` months from the month of `d`."""
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def the_day(d: date, type_: str = DATE) -> Normalised:
    """One day, as a DATE (or `type_`)."""
    return Normalised(type_, d.isoformat(), d, d)


def interval(type_: str, value: str, span: tuple[date, date] | None) -> Normalised:
    """A value with its interval, if it has one."""
    return Normalised(type_, value, *(span or (None, None)))


def period_start(value: str) -> date | None:
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


def named_day(value: str) -> date | None:
    """The day a TIMEX3 date or time value names ("2016-12-10", "2016-12-10TNI"), else None
    (a month or a week names no day)."""
    return period_start(value) if re.match(r"\d{4}-\d\d-\d\d(?:T|$)", value) else None


def units_from(base: date, count: int, letter: str) -> Normalised:
    """The calendar unit `count` units from base, at the unit's granularity."""
    if letter == "D":
        return the_day(base + timedelta(days=count))
    if letter == "W":
        return interval(DATE, *split_triple(iso_week(base + timedelta(weeks=count))))
    if letter == "M":
        return interval(DATE, *split_triple(calendar_month(*shift_month(base, count))))
    if letter == "Y":
        return the_year(base.year + count)
    if letter == "Q":
        index = base.year * 4 + (base.month - 1) // 3 + count
        return the_quarter(index // 4, index % 4 + 1)
    if letter == "DE":
        return the_decade((base.year + 10 * count) // 10)
    year = base.year + 100 * count
    return the_century(year // 100)


def split_triple(triple: tuple[str, date, date]) -> tuple[str, tuple[date, date]]:
    """(value, first, last) -> (value, (first, last)), as `interval` takes them."""
    return triple[0], (triple[1], triple[2])


def the_year(year: int) -> Normalised:
    """A year; XXXX outside 1-9999."""
    if not 0 < year <= 9999:
        return Normalised(DATE, "XXXX")
    return Normalised(DATE, f"{year:04d}", date(year, 1, 1), date(year, 12, 31))


def the_decade(decade: int) -> Normalised:
    """A decade by its first three digits (199: the 1990s)."""
    if not 0 < decade <= 999:
        return Normalised(DATE, "XXX")
    return Normalised(DATE, f"{decade:03d}", date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31))


def the_century(hundreds: int) -> Normalised:
    """A century by its first two digits (19: the 1900s)."""
    if not 0 <= hundreds <= 99:
        return Normalised(DATE, "XX")
    return Normalised(DATE, f"{hundreds:02d}", date(max(hundreds * 100, 1), 1, 1), date(hundreds * 100 + 99, 12, 31))


def the_quarter(year: int, q: int) -> Normalised:
    """Quarter `q` (1-4) of `year`."""
    first = date(year, 3 * q - 2, 1)
    last = date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
    return Normalised(DATE, f"{year:04d}-Q{q}", first, last)


def quarter_named(value: str) -> tuple[int, int] | None:
    """(year, quarter) of a quarter's value ("1989-Q3"), None for any other value."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    return (int(m.group(1)), int(m.group(2))) if m else None


def latest_quarter(dct: date) -> tuple[int, int]:
    """(year, quarter) of the last quarter over before `dct`: the one a report is about."""
    q = (dct.month - 1) // 3 + 1
    return (dct.year, q - 1) if q > 1 else (dct.year - 1, 4)


def infer_year(month: int, dct: date, tense: str) -> int:
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
    return nearest_year(month - 1, dct.month - 1, 12, dct.year)


def nearest_year(position: int, current: int, length: int, year: int) -> int:
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
