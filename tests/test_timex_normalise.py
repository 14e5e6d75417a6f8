"""Normaliser cases: words + document date + context -> TimeML type, value, interval.

Fast: no spaCy. Each row is (text, dct, context, type, value, date_start, date_end);
context is a dict of the keyword options of `normalise` (tense, anchor, prev_word,
date_order). Dates in the table are ISO strings, None when not anchored.
"""
from __future__ import annotations

from datetime import date

import pytest

from core.extract.timex import FUTURE, NO_TENSE, PAST, PRESENT, is_resolvable, normalise

SUN = "2022-02-13"   # Sunday, ISO week 2022-W06
MON = "2022-02-14"   # Monday, 2022-W07
WED = "2022-02-16"   # Wednesday, 2022-W07
THU = "2022-02-24"   # Thursday, 2022-W08
SAT = "2022-02-19"   # Saturday, 2022-W07
NYE = "2021-12-31"   # Friday, 2021-W52
LEAP = "2024-02-29"  # Thursday, leap day

P, F, N, PR = {"tense": PAST}, {"tense": FUTURE}, {}, {"tense": PRESENT}

CASES = [
    # weekdays: past tense looks back (on or before dct), future looks ahead
    ("Sunday", SUN, P, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    ("Sunday", SUN, N, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    ("Sunday", SUN, F, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    ("Saturday", SUN, P, "DATE", "2022-02-12", "2022-02-12", "2022-02-12"),
    ("Saturday", SUN, F, "DATE", "2022-02-19", "2022-02-19", "2022-02-19"),
    ("Monday", WED, P, "DATE", "2022-02-14", "2022-02-14", "2022-02-14"),
    ("Monday", WED, F, "DATE", "2022-02-21", "2022-02-21", "2022-02-21"),
    ("Friday", WED, PR, "DATE", "2022-02-18", "2022-02-18", "2022-02-18"),
    ("Friday", WED, N, "DATE", "2022-02-11", "2022-02-11", "2022-02-11"),
    ("Thursday", THU, P, "DATE", "2022-02-24", "2022-02-24", "2022-02-24"),
    ("Tuesday", THU, P, "DATE", "2022-02-22", "2022-02-22", "2022-02-22"),
    ("Wednesday", MON, F, "DATE", "2022-02-16", "2022-02-16", "2022-02-16"),
    ("Sunday", SAT, F, "DATE", "2022-02-20", "2022-02-20", "2022-02-20"),
    ("Friday", NYE, P, "DATE", "2021-12-31", "2021-12-31", "2021-12-31"),
    ("Monday", NYE, F, "DATE", "2022-01-03", "2022-01-03", "2022-01-03"),
    ("last Friday", SUN, N, "DATE", "2022-02-11", "2022-02-11", "2022-02-11"),
    ("last Sunday", SUN, N, "DATE", "2022-02-06", "2022-02-06", "2022-02-06"),
    ("next Monday", SUN, N, "DATE", "2022-02-14", "2022-02-14", "2022-02-14"),
    ("next Wednesday", WED, N, "DATE", "2022-02-23", "2022-02-23", "2022-02-23"),
    ("this Friday", WED, F, "DATE", "2022-02-18", "2022-02-18", "2022-02-18"),
    ("early Sunday", SUN, P, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    ("Sunday's", SUN, P, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    # parts of day: TIME, value date + TMO/TAF/TEV/TNI
    ("Sunday night", SUN, P, "TIME", "2022-02-13TNI", "2022-02-13", "2022-02-13"),
    ("Sunday morning", SUN, P, "TIME", "2022-02-13TMO", "2022-02-13", "2022-02-13"),
    ("Saturday afternoon", SUN, P, "TIME", "2022-02-12TAF", "2022-02-12", "2022-02-12"),
    ("Friday night", SUN, P, "TIME", "2022-02-11TNI", "2022-02-11", "2022-02-11"),
    ("Friday evening", WED, F, "TIME", "2022-02-18TEV", "2022-02-18", "2022-02-18"),
    ("Monday morning", THU, P, "TIME", "2022-02-21TMO", "2022-02-21", "2022-02-21"),
    ("this morning", WED, N, "TIME", "2022-02-16TMO", "2022-02-16", "2022-02-16"),
    ("this afternoon", WED, F, "TIME", "2022-02-16TAF", "2022-02-16", "2022-02-16"),
    ("tonight", WED, F, "TIME", "2022-02-16TNI", "2022-02-16", "2022-02-16"),
    ("last night", WED, P, "TIME", "2022-02-15TNI", "2022-02-15", "2022-02-15"),
    ("yesterday afternoon", MON, P, "TIME", "2022-02-13TAF", "2022-02-13", "2022-02-13"),
    ("tomorrow morning", NYE, F, "TIME", "2022-01-01TMO", "2022-01-01", "2022-01-01"),
    ("late on Friday night", SUN, P, "TIME", "2022-02-11TNI", "2022-02-11", "2022-02-11"),
    # clock times
    ("3pm on Sunday", SUN, F, "TIME", "2022-02-13T15:00", "2022-02-13", "2022-02-13"),
    ("Sunday at 3 p.m.", SUN, P, "TIME", "2022-02-13T15:00", "2022-02-13", "2022-02-13"),
    # Greenwich or universal time carries the UTC designator Z; other named zones no offset
    ("10:30 GMT", WED, N, "TIME", "2022-02-16T10:30Z", "2022-02-16", "2022-02-16"),
    ("0900 GMT", WED, N, "TIME", "2022-02-16T09:00Z", "2022-02-16", "2022-02-16"),
    ("1845 UTC", WED, N, "TIME", "2022-02-16T18:45Z", "2022-02-16", "2022-02-16"),
    ("4 a.m. UTC", WED, N, "TIME", "2022-02-16T04:00Z", "2022-02-16", "2022-02-16"),
    ("2200 GMT Tuesday", WED, P, "TIME", "2022-02-15T22:00Z", "2022-02-15", "2022-02-15"),
    ("7 p.m. EST", WED, N, "TIME", "2022-02-16T19:00-05:00", "2022-02-16", "2022-02-16"),
    ("9 a.m. local time", WED, N, "TIME", "2022-02-16T09:00", "2022-02-16", "2022-02-16"),
    ("11.45pm", WED, N, "TIME", "2022-02-16T23:45", "2022-02-16", "2022-02-16"),
    ("12am", WED, N, "TIME", "2022-02-16T00:00", "2022-02-16", "2022-02-16"),
    ("midnight", WED, N, "TIME", "2022-02-16T24:00", "2022-02-16", "2022-02-16"),
    ("noon", WED, N, "TIME", "2022-02-16T12:00", "2022-02-16", "2022-02-16"),
    # deictic days
    ("today", WED, N, "DATE", "2022-02-16", "2022-02-16", "2022-02-16"),
    ("yesterday", MON, P, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    ("tomorrow", NYE, F, "DATE", "2022-01-01", "2022-01-01", "2022-01-01"),
    ("the day before yesterday", WED, P, "DATE", "2022-02-14", "2022-02-14", "2022-02-14"),
    # weeks: ISO weeks; "last week" is the week before the dct's, on a Sunday too
    # (TimeML counts calendar weeks: the week now ending is "this week")
    ("last week", SUN, P, "DATE", "2022-W05", "2022-01-31", "2022-02-06"),
    ("last week", MON, P, "DATE", "2022-W06", "2022-02-07", "2022-02-13"),
    ("last week", WED, P, "DATE", "2022-W06", "2022-02-07", "2022-02-13"),
    ("last week", SAT, P, "DATE", "2022-W06", "2022-02-07", "2022-02-13"),
    ("this week", WED, P, "DATE", "2022-W07", "2022-02-14", "2022-02-20"),
    ("this week", SUN, F, "DATE", "2022-W07", "2022-02-14", "2022-02-20"),
    ("this week", SUN, P, "DATE", "2022-W06", "2022-02-07", "2022-02-13"),
    ("the week", SUN, N, "DATE", "2022-W07", "2022-02-14", "2022-02-20"),
    ("next week", WED, F, "DATE", "2022-W08", "2022-02-21", "2022-02-27"),
    ("next week", SUN, F, "DATE", "2022-W07", "2022-02-14", "2022-02-20"),
    ("the coming week", SUN, F, "DATE", "2022-W07", "2022-02-14", "2022-02-20"),
    ("the coming week", THU, F, "DATE", "2022-W09", "2022-02-28", "2022-03-06"),
    ("last week", "2022-01-05", P, "DATE", "2021-W52", "2021-12-27", "2022-01-02"),
    ("next week", NYE, F, "DATE", "2022-W01", "2022-01-03", "2022-01-09"),
    # "the past <unit>" after "for" or a verb of spending time measures a span; after
    # "over"/"in" it stays the calendar unit before this one (TimeBank writes a DATE)
    ("the past year", WED, {"tense": PAST, "prev_word": "for"}, "DURATION", "P1Y", None, None),
    ("the last month", WED, {"tense": PRESENT, "prev_word": "for"}, "DURATION", "P1M", None, None),
    ("the past week", WED, {"tense": PRESENT, "prev_word": "spent"}, "DURATION", "P1W", None, None),
    ("the past decade", WED, {"tense": PAST, "prev_word": "spending"}, "DURATION", "P10Y", None, None),
    ("the past year", WED, {"tense": PAST, "prev_word": "over"}, "DATE", "2021", "2021-01-01", "2021-12-31"),
    ("last year", WED, {"tense": PAST, "prev_word": "for"}, "DATE", "2021", "2021-01-01", "2021-12-31"),
    ("the end of the week", SUN, F, "DATE", "2022-W07", "2022-02-18", "2022-02-20"),
    ("the end of the week", WED, F, "DATE", "2022-W07", "2022-02-18", "2022-02-20"),
    ("the start of next week", WED, F, "DATE", "2022-W08", "2022-02-21", "2022-02-23"),
    # midweek: the Wednesday ahead, or behind after a past-tense verb
    ("midweek", SUN, F, "DATE", "2022-02-16", "2022-02-16", "2022-02-16"),
    ("midweek", MON, N, "DATE", "2022-02-16", "2022-02-16", "2022-02-16"),
    ("midweek", THU, P, "DATE", "2022-02-23", "2022-02-23", "2022-02-23"),
    ("mid-week", SAT, F, "DATE", "2022-02-23", "2022-02-23", "2022-02-23"),
    # weekends
    ("the weekend", SUN, P, "DATE", "2022-W06-WE", "2022-02-12", "2022-02-13"),
    ("the weekend", WED, P, "DATE", "2022-W06-WE", "2022-02-12", "2022-02-13"),
    ("the weekend", WED, F, "DATE", "2022-W07-WE", "2022-02-19", "2022-02-20"),
    ("this weekend", THU, F, "DATE", "2022-W08-WE", "2022-02-26", "2022-02-27"),
    ("last weekend", SUN, P, "DATE", "2022-W05-WE", "2022-02-05", "2022-02-06"),
    ("last weekend", WED, P, "DATE", "2022-W06-WE", "2022-02-12", "2022-02-13"),
    ("next weekend", SAT, F, "DATE", "2022-W08-WE", "2022-02-26", "2022-02-27"),
    ("weekend", SUN, N, "DATE", "2022-W06-WE", "2022-02-12", "2022-02-13"),
    # months and years relative to dct
    ("this month", WED, N, "DATE", "2022-02", "2022-02-01", "2022-02-28"),
    ("earlier this month", SUN, P, "DATE", "2022-02", "2022-02-01", "2022-02-13"),
    ("later this month", SUN, F, "DATE", "2022-02", "2022-02-13", "2022-02-28"),
    ("last month", NYE, P, "DATE", "2021-11", "2021-11-01", "2021-11-30"),
    ("next month", NYE, F, "DATE", "2022-01", "2022-01-01", "2022-01-31"),
    ("last year", SUN, P, "DATE", "2021", "2021-01-01", "2021-12-31"),
    ("this year", WED, N, "DATE", "2022", "2022-01-01", "2022-12-31"),
    ("next year", NYE, F, "DATE", "2022", "2022-01-01", "2022-12-31"),
    ("earlier this year", SUN, P, "DATE", "2022", "2022-01-01", "2022-02-13"),
    ("the end of the month", WED, F, "DATE", "2022-02", "2022-02-21", "2022-02-28"),
    ("the end of the year", WED, F, "DATE", "2022", "2022-10-01", "2022-12-31"),
    ("the end of February", NYE, F, "DATE", "2022-02", "2022-02-21", "2022-02-28"),
    # N units ago / in N units / N units from now
    ("three days ago", WED, P, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    ("a week ago", WED, P, "DATE", "2022-W06", "2022-02-07", "2022-02-13"),
    ("two weeks ago", SUN, P, "DATE", "2022-W04", "2022-01-24", "2022-01-30"),
    ("six months ago", WED, P, "DATE", "2021-08", "2021-08-01", "2021-08-31"),
    ("two years ago", WED, P, "DATE", "2020", "2020-01-01", "2020-12-31"),
    ("in two days", WED, F, "DATE", "2022-02-18", "2022-02-18", "2022-02-18"),
    ("in three weeks", NYE, F, "DATE", "2022-W03", "2022-01-17", "2022-01-23"),
    ("ten days from now", SUN, F, "DATE", "2022-02-23", "2022-02-23", "2022-02-23"),
    ("two days", WED, {"tense": FUTURE, "prev_word": "in"}, "DATE", "2022-02-18", "2022-02-18", "2022-02-18"),
    ("years ago", WED, P, "DATE", "PAST_REF", None, None),
    # anchored on the last date in the text (else the dct)
    ("two days later", SUN, {"tense": PAST, "anchor": date(2022, 1, 5)}, "DATE", "2022-01-07", "2022-01-07", "2022-01-07"),
    ("the next day", SUN, {"tense": PAST, "anchor": date(2022, 2, 28)}, "DATE", "2022-03-01", "2022-03-01", "2022-03-01"),
    ("the following day", WED, {"anchor": date(2021, 12, 31)}, "DATE", "2022-01-01", "2022-01-01", "2022-01-01"),
    ("the day before", WED, {"anchor": date(2022, 3, 1)}, "DATE", "2022-02-28", "2022-02-28", "2022-02-28"),
    ("the previous day", WED, {}, "DATE", "2022-02-15", "2022-02-15", "2022-02-15"),
    ("the following week", SUN, {"anchor": date(2022, 1, 5)}, "DATE", "2022-W02", "2022-01-10", "2022-01-16"),
    ("a day later", WED, {"anchor": date(2022, 2, 24)}, "DATE", "2022-02-25", "2022-02-25", "2022-02-25"),
    ("that day", WED, {"anchor": date(2022, 2, 24)}, "DATE", "2022-02-24", "2022-02-24", "2022-02-24"),
    # absolute dates, British and American
    ("13 February 2022", WED, N, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    ("February 13, 2022", WED, N, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    ("Feb. 13, 2022", WED, N, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    ("13th February", WED, P, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    ("the 24th of February", WED, F, "DATE", "2022-02-24", "2022-02-24", "2022-02-24"),
    ("Sunday 13 February 2022", WED, N, "DATE", "2022-02-13", "2022-02-13", "2022-02-13"),
    ("Thursday, February 24", SUN, F, "DATE", "2022-02-24", "2022-02-24", "2022-02-24"),
    ("12/02/2022", WED, N, "DATE", "2022-02-12", "2022-02-12", "2022-02-12"),
    ("02/12/2022", WED, {"date_order": "MDY"}, "DATE", "2022-02-12", "2022-02-12", "2022-02-12"),
    ("24.02.2022", WED, N, "DATE", "2022-02-24", "2022-02-24", "2022-02-24"),
    ("2022-02-24", WED, N, "DATE", "2022-02-24", "2022-02-24", "2022-02-24"),
    ("1 March 2014", WED, N, "DATE", "2014-03-01", "2014-03-01", "2014-03-01"),
    ("December 2021", WED, N, "DATE", "2021-12", "2021-12-01", "2021-12-31"),
    ("March 2014", WED, N, "DATE", "2014-03", "2014-03-01", "2014-03-31"),
    ("February", WED, P, "DATE", "2022-02", "2022-02-01", "2022-02-28"),
    ("December", WED, P, "DATE", "2021-12", "2021-12-01", "2021-12-31"),
    ("April", WED, F, "DATE", "2022-04", "2022-04-01", "2022-04-30"),
    ("January", NYE, F, "DATE", "2022-01", "2022-01-01", "2022-01-31"),
    ("mid-February", WED, N, "DATE", "2022-02", "2022-02-01", "2022-02-28"),
    ("29 February", LEAP, P, "DATE", "2024-02-29", "2024-02-29", "2024-02-29"),
    ("May 9", WED, F, "DATE", "2022-05-09", "2022-05-09", "2022-05-09"),
    # a past verb of arranging does not date the day "for" names ("have called a strike
    # for Jan. 9"): the nearest such day; "on" after a past verb still looks back
    ("Jan. 9", "2019-12-23", {"tense": PAST, "prev_word": "for"}, "DATE", "2020-01-09", "2020-01-09", "2020-01-09"),
    ("March", WED, {"tense": PAST, "prev_word": "for"}, "DATE", "2022-03", "2022-03-01", "2022-03-31"),
    ("Jan. 9", "2019-12-23", {"tense": PAST, "prev_word": "on"}, "DATE", "2019-01-09", "2019-01-09", "2019-01-09"),
    # years, decades, centuries
    ("1938", SUN, N, "DATE", "1938", "1938-01-01", "1938-12-31"),
    ("the year 2014", SUN, N, "DATE", "2014", "2014-01-01", "2014-12-31"),
    ("the 1990s", SUN, N, "DATE", "199", "1990-01-01", "1999-12-31"),
    ("the early 2000s", SUN, N, "DATE", "200", "2000-01-01", "2009-12-31"),
    ("the '90s", SUN, N, "DATE", "199", "1990-01-01", "1999-12-31"),
    ("the twentieth century", SUN, N, "DATE", "19", "1900-01-01", "1999-12-31"),
    ("the 19th century", SUN, N, "DATE", "18", "1800-01-01", "1899-12-31"),
    ("this century", SUN, N, "DATE", "20", "2000-01-01", "2099-12-31"),
    # seasons and quarters
    ("spring", SUN, P, "DATE", "2021-SP", "2021-03-01", "2021-05-31"),
    ("spring", SUN, F, "DATE", "2022-SP", "2022-03-01", "2022-05-31"),
    ("last summer", SUN, P, "DATE", "2021-SU", "2021-06-01", "2021-08-31"),
    ("this autumn", SUN, F, "DATE", "2022-FA", "2022-09-01", "2022-11-30"),
    ("summer 2014", SUN, N, "DATE", "2014-SU", "2014-06-01", "2014-08-31"),
    ("the winter", SUN, N, "DATE", "2021-WI", "2021-12-01", "2022-02-28"),  # named by its December
    ("the first quarter", SUN, N, "DATE", "2022-Q1", "2022-01-01", "2022-03-31"),
    ("the third quarter of 2021", SUN, N, "DATE", "2021-Q3", "2021-07-01", "2021-09-30"),
    # a quarter not begun yet, told in the past, is last year's; one over, told in the future, next year's
    ("the fourth quarter", SUN, P, "DATE", "2021-Q4", "2021-10-01", "2021-12-31"),
    ("the fourth quarter", SUN, F, "DATE", "2022-Q4", "2022-10-01", "2022-12-31"),
    ("the first quarter", "2022-11-02", F, "DATE", "2023-Q1", "2023-01-01", "2023-03-31"),
    ("the first quarter", "2022-11-02", P, "DATE", "2022-Q1", "2022-01-01", "2022-03-31"),
    ("Q4 2021", SUN, N, "DATE", "2021-Q4", "2021-10-01", "2021-12-31"),
    ("last quarter", SUN, P, "DATE", "2021-Q4", "2021-10-01", "2021-12-31"),
    ("the first half of 2022", SUN, N, "DATE", "2022-H1", "2022-01-01", "2022-06-30"),
    # named days
    ("Christmas", SUN, P, "DATE", "2021-12-25", "2021-12-25", "2021-12-25"),
    ("Christmas Eve", "2022-12-01", F, "DATE", "2022-12-24", "2022-12-24", "2022-12-24"),
    ("Easter", SUN, F, "DATE", "2022-04-17", "2022-04-17", "2022-04-17"),
    ("Good Friday", SUN, F, "DATE", "2022-04-15", "2022-04-15", "2022-04-15"),
    ("New Year's Eve", SUN, P, "DATE", "2021-12-31", "2021-12-31", "2021-12-31"),
    # after "since" the start of a span lies behind, whatever the verb's tense
    ("Christmas", SUN, {"tense": FUTURE, "prev_word": "since"}, "DATE", "2021-12-25", "2021-12-25", "2021-12-25"),
    ("Easter", "2022-11-02", {"tense": PRESENT, "prev_word": "since"}, "DATE", "2022-04-17", "2022-04-17", "2022-04-17"),
    ("October", SUN, {"tense": FUTURE, "prev_word": "since"}, "DATE", "2021-10", "2021-10-01", "2021-10-31"),
    ("Friday", SUN, {"prev_word": "since"}, "DATE", "2022-02-11", "2022-02-11", "2022-02-11"),
    # durations
    ("the next 48 hours", SUN, F, "DURATION", "PT48H", None, None),
    ("about 50 minutes", SUN, P, "DURATION", "PT50M", None, None),
    ("weeks", SUN, P, "DURATION", "PXW", None, None),
    ("hours", SUN, P, "DURATION", "PTXH", None, None),
    ("several days", SUN, P, "DURATION", "PXD", None, None),
    ("a few months", SUN, P, "DURATION", "PXM", None, None),
    ("the past few weeks", SUN, P, "DURATION", "PXW", None, None),
    ("the last three days", SUN, P, "DURATION", "P3D", None, None),
    ("the past 24 hours", SUN, P, "DURATION", "PT24H", None, None),
    ("two years", SUN, P, "DURATION", "P2Y", None, None),
    ("eight years", SUN, P, "DURATION", "P8Y", None, None),
    ("a week", SUN, P, "DURATION", "P1W", None, None),
    ("a fortnight", SUN, P, "DURATION", "P2W", None, None),
    ("30 seconds", SUN, P, "DURATION", "PT30S", None, None),
    ("half an hour", SUN, P, "DURATION", "PT30M", None, None),
    ("an hour and a half", SUN, P, "DURATION", "PT1H30M", None, None),
    ("48-hour", SUN, N, "DURATION", "PT48H", None, None),
    ("two-day", SUN, N, "DURATION", "P2D", None, None),
    ("21-year-old", SUN, N, "DURATION", "P21Y", None, None),
    ("the past week", SUN, P, "DATE", "2022-W05", "2022-01-31", "2022-02-06"),  # as "last week", on a Sunday too
    ("the past decade", SUN, P, "DATE", "201", "2010-01-01", "2019-12-31"),
    ("decades", SUN, P, "DURATION", "PXDE", None, None),
    ("more than 20 years", SUN, P, "DURATION", "P20Y", None, None),
    ("at least 10 days", SUN, P, "DURATION", "P10D", None, None),
    ("in 48 hours", SUN, F, "DURATION", "PT48H", None, None),
    # sets
    ("daily", SUN, N, "SET", "P1D", None, None),
    ("weekly", SUN, N, "SET", "P1W", None, None),
    ("monthly", SUN, N, "SET", "P1M", None, None),
    ("annually", SUN, N, "SET", "P1Y", None, None),
    ("hourly", SUN, N, "SET", "PT1H", None, None),
    ("every Monday", SUN, N, "SET", "XXXX-WXX-1", None, None),
    ("every Sunday", SUN, N, "SET", "XXXX-WXX-7", None, None),
    ("every day", SUN, N, "SET", "P1D", None, None),
    ("every two weeks", SUN, N, "SET", "P2W", None, None),
    ("each year", SUN, N, "SET", "P1Y", None, None),
    ("twice a week", SUN, N, "SET", "P1W", None, None),
    ("once a month", SUN, N, "SET", "P1M", None, None),
    ("Fridays", SUN, N, "SET", "XXXX-WXX-5", None, None),
    ("every morning", SUN, N, "SET", "XXXX-XX-XXTMO", None, None),
    # present, past and future references
    ("now", SUN, N, "DATE", "PRESENT_REF", None, None),
    ("currently", SUN, N, "DATE", "PRESENT_REF", None, None),
    ("at present", SUN, N, "DATE", "PRESENT_REF", None, None),
    ("nowadays", SUN, N, "DATE", "PRESENT_REF", None, None),
    ("recently", SUN, P, "DATE", "PAST_REF", None, None),
    ("lately", SUN, P, "DATE", "PAST_REF", None, None),
    ("in the past", SUN, P, "DATE", "PAST_REF", None, None),
    ("the past", SUN, P, "DATE", "PAST_REF", None, None),
    # a plural unit with no count measures a vague stretch up to or from now: DURATION PX<unit>
    ("recent weeks", SUN, P, "DURATION", "PXW", None, None),
    ("soon", SUN, F, "DATE", "FUTURE_REF", None, None),
    ("the future", SUN, F, "DATE", "FUTURE_REF", None, None),
    ("the near future", SUN, F, "DATE", "FUTURE_REF", None, None),
    ("coming days", SUN, F, "DURATION", "PXD", None, None),
    ("the coming weeks", SUN, F, "DURATION", "PXW", None, None),
    ("in coming days", SUN, F, "DURATION", "PXD", None, None),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value", "start", "end"), CASES)
def test_normalise(text, dct, context, type_, value, start, end) -> None:
    result = normalise(text, date.fromisoformat(dct), **context)
    assert result is not None, text
    got = (result.type, result.value, _iso(result.date_start), _iso(result.date_end))
    assert got == (type_, value, start, end)


# no document date: relative expressions keep their type, X-filled value, no interval
@pytest.mark.parametrize(("text", "type_", "value"), [
    ("Sunday", "DATE", "XXXX-WXX-7"),
    ("Friday", "DATE", "XXXX-WXX-5"),
    ("last week", "DATE", "XXXX-WXX"),
    ("next month", "DATE", "XXXX-XX"),
    ("this year", "DATE", "XXXX"),
    ("the weekend", "DATE", "XXXX-WXX-WE"),
    ("midweek", "DATE", "XXXX-WXX-3"),
    ("yesterday", "DATE", "XXXX-XX-XX"),
    ("three days ago", "DATE", "XXXX-XX-XX"),
    ("Sunday night", "TIME", "XXXX-WXX-7TNI"),
    ("tonight", "TIME", "XXXX-XX-XXTNI"),
    ("13 February", "DATE", "XXXX-02-13"),
    ("February", "DATE", "XXXX-02"),
    ("spring", "DATE", "XXXX-SP"),
    ("now", "DATE", "PRESENT_REF"),
    ("soon", "DATE", "FUTURE_REF"),
    ("the next 48 hours", "DURATION", "PT48H"),
    ("daily", "SET", "P1D"),
])
def test_without_dct(text: str, type_: str, value: str) -> None:
    result = normalise(text, None)
    assert result is not None
    assert (result.type, result.value, result.date_start, result.date_end) == (type_, value, None, None)


# absolute expressions need no dct
@pytest.mark.parametrize(("text", "value"), [
    ("13 February 2022", "2022-02-13"),
    ("1938", "1938"),
    ("the 1990s", "199"),
    ("March 2014", "2014-03"),
])
def test_absolute_without_dct(text: str, value: str) -> None:
    result = normalise(text, None)
    assert result is not None and result.value == value and result.date_start is not None


# absurd dates: kept as temporal text with an unresolved value, never an exception
@pytest.mark.parametrize(("text", "type_", "value"), [
    ("31 February", "DATE", "XXXX-XX-XX"),
    ("31 February 2022", "DATE", "XXXX-XX-XX"),
    ("29 February 2022", "DATE", "XXXX-XX-XX"),
    ("the year 99999", "DATE", "XXXX"),
    ("45/13/2022", "DATE", "XXXX-XX-XX"),
])
def test_absurd_dates_are_unresolved(text: str, type_: str, value: str) -> None:
    result = normalise(text, date(2022, 2, 13))
    assert result is not None
    assert (result.type, result.value, result.date_start) == (type_, value, None)


# not time expressions at all
@pytest.mark.parametrize("text", [
    "", "   ", "130,000", "99999", "2,000", "Radio 4", "second", "the Second World War", "25:99", "troops",
    "hello world", "42",
])
def test_not_temporal(text: str) -> None:
    assert normalise(text, date(2022, 2, 13)) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Friday", True), ("last week", True), ("Friday and Saturday", False), ("31 February", False), ("troops", False),
])
def test_is_resolvable(text: str, expected: bool) -> None:
    assert is_resolvable(text) is expected


def test_tense_constants_are_distinct() -> None:
    assert len({PAST, PRESENT, FUTURE, NO_TENSE}) == 4


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# sixth round: a span read out in two units, the larger first, is one DURATION
@pytest.mark.parametrize(("text", "value"), [
    ("3 hours, 12 minutes", "PT3H12M"),
    ("four hours and 40 minutes", "PT4H40M"),
    ("two years and five months", "P2Y5M"),
    ("a day and 9 hours", "P1DT9H"),
    ("1 minute 45 seconds", "PT1M45S"),
    ("a week and three days", "P10D"),
])
def test_compound_durations(text: str, value: str) -> None:
    result = normalise(text, None)
    assert result is not None and (result.type, result.value) == ("DURATION", value)


@pytest.mark.parametrize("text", ["12 minutes, 3 hours", "two months and five years"])
def test_compound_durations_need_the_larger_unit_first(text: str) -> None:
    result = normalise(text, None)
    assert result is None or result.value == "PXX"


# sixth round: "this weekend" said from Wednesday on is the one ahead, whatever the
# verb ("called for a rally this weekend"); early in the week, told in the past, the one
# just gone; "the weekend" keeps following the tense
@pytest.mark.parametrize(("text", "dct", "tense", "value"), [
    ("this weekend", date(2022, 2, 16), PAST, "2022-W07-WE"),   # a Wednesday
    ("this weekend", date(2022, 2, 18), NO_TENSE, "2022-W07-WE"),  # a Friday
    ("this weekend", date(2022, 2, 14), PAST, "2022-W06-WE"),   # guard: a Monday, the one just gone
    ("the weekend", date(2022, 2, 16), PAST, "2022-W06-WE"),    # guard
])
def test_this_weekend_midweek(text: str, dct: date, tense: str, value: str) -> None:
    result = normalise(text, dct, tense=tense)
    assert result is not None and result.value == value


# eighth round: a part of the day recurring ("each night") is that part of every day, as
# "every morning" already was, not the unit "night"; "every few years" recurs with no
# count; a hyphenated ordinal century before a noun ("a 16th-century chapel") is the century
@pytest.mark.parametrize(("text", "type_", "value"), [
    ("each night", "SET", "XXXX-XX-XXTNI"),
    ("every evening", "SET", "XXXX-XX-XXTEV"),
    ("every few years", "SET", "PXY"),
    ("every several weeks", "SET", "PXW"),
    ("every few minutes", "SET", "PTXM"),
    ("16th-century", "DATE", "15"),
    ("the 21st-century", "DATE", "20"),
    ("each day", "SET", "P1D"),  # guard: a unit, not a part of the day
])
def test_recurring_parts_and_hyphenated_centuries(text: str, type_: str, value: str) -> None:
    result = normalise(text, date(2013, 3, 18))
    assert result is not None and (result.type, result.value) == (type_, value)


# eighth round: "another week" is a span as "a week" is; a gap counted in hours, minutes or
# seconds from a time the text seldom gives ("22 hours earlier", "minutes later") is the
# span, not an unplaceable PXX; days and longer still count from the day named
@pytest.mark.parametrize(("text", "context", "type_", "value"), [
    ("another week", {}, "DURATION", "P1W"),
    ("another three months", {}, "DURATION", "P3M"),
    ("almost 22 hours earlier", {}, "DURATION", "PT22H"),
    ("two hours later", {"anchor": date(2013, 3, 15)}, "DURATION", "PT2H"),
    ("minutes later", {}, "DURATION", "PTXM"),
    ("a few hours afterwards", {}, "DURATION", "PTXH"),
    ("two days later", {"anchor": date(2013, 3, 15)}, "DATE", "2013-03-17"),  # guard
])
def test_another_unit_and_gaps_in_hours(text: str, context: dict, type_: str, value: str) -> None:
    result = normalise(text, date(2013, 3, 18), **context)
    assert result is not None and (result.type, result.value) == (type_, value)
