"""TimeML values by class, third round (issue 18): each table is one class of
expression whose value follows the TimeML/TimeBank annotation guidelines.

Normaliser rows are (text, dct, context, type, value); context holds keyword
options of `normalise` (tense, prev_word, anchor, anchor_value, quarter_value).
The last tests run the whole tagger, which carries the text's context.
"""
from __future__ import annotations

from datetime import date

import pytest

from core.extract.timex import FUTURE, NO_TENSE, PAST, PRESENT, normalise, tag_text

SUN = date(2022, 2, 13)   # a Sunday, ISO week 2022-W06
MON = date(2022, 2, 14)   # 2022-W07
FRI = date(2022, 2, 18)   # 2022-W07
OCT = date(1989, 10, 30)  # a Monday in late October
JAN = date(2022, 1, 12)


def _check(text: str, dct: date, context: dict, type_: str, value: str) -> None:
    result = normalise(text, dct, **context)
    assert result is not None, text
    assert (result.type, result.value) == (type_, value), text


# ---------------------------------------------------------------- weeks
# "last week" is the calendar week before the one holding the document date; said
# on a Sunday that is still the week before the ISO week now ending, not that week.
WEEKS = [
    ("last week", SUN, {"tense": PAST}, "DATE", "2022-W05"),
    ("Last week", SUN, {}, "DATE", "2022-W05"),
    ("late last week", SUN, {"tense": PAST}, "DATE", "2022-W05"),
    ("the past week", SUN, {"tense": PAST}, "DATE", "2022-W05"),
    ("last week", MON, {"tense": PAST}, "DATE", "2022-W06"),
    ("last week", FRI, {"tense": PAST}, "DATE", "2022-W06"),
    ("this week", SUN, {"tense": PAST}, "DATE", "2022-W06"),
    ("two weeks ago", SUN, {"tense": PAST}, "DATE", "2022-W04"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), WEEKS)
def test_weeks(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


# ---------------------------------------------------------------- limits after a past verb
# "extended to Nov. 16", "gave them until mid-November", "loans through January":
# the past tense dates the extending, not the far end, which is the nearest such
# month (here ahead of the document date). Without such a preposition the past
# tense still means the last such month.
LIMITS = [
    ("Nov. 16", OCT, {"tense": PAST, "prev_word": "to"}, "DATE", "1989-11-16"),
    ("mid-November", OCT, {"tense": PAST, "prev_word": "until"}, "DATE", "1989-11"),
    ("January", OCT, {"tense": PAST, "prev_word": "through"}, "DATE", "1990-01"),
    ("Dec. 1", OCT, {"tense": PAST, "prev_word": "till"}, "DATE", "1989-12-01"),
    ("through Nov. 17", OCT, {"tense": PAST}, "DATE", "1989-11-17"),
    # the nearest one may lie behind: a strike that lasted until October, told in January
    ("October", JAN, {"tense": PAST, "prev_word": "until"}, "DATE", "2021-10"),
    # no limit word: past means past
    ("Nov. 16", OCT, {"tense": PAST, "prev_word": "on"}, "DATE", "1988-11-16"),
    ("November", OCT, {"tense": PAST, "prev_word": "in"}, "DATE", "1988-11"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), LIMITS)
def test_limits_after_a_past_verb(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


# ---------------------------------------------------------------- vague stretches
# A plural unit with no count ("recent weeks", "the coming months", "the days
# ahead") measures a stretch of time up to or from now: a DURATION of that unit
# with an unknown count, as "the past few weeks" is. Words with no unit stay
# *_REF dates, and "years ago" is a point.
VAGUE = [
    ("recent months", SUN, {"tense": PAST}, "DURATION", "PXM"),
    ("recent years", SUN, {"tense": PRESENT}, "DURATION", "PXY"),
    ("in recent weeks", SUN, {"tense": PAST}, "DURATION", "PXW"),
    ("recent days", SUN, {}, "DURATION", "PXD"),
    ("coming weeks", SUN, {"tense": FUTURE}, "DURATION", "PXW"),
    ("the coming months", SUN, {"tense": FUTURE}, "DURATION", "PXM"),
    ("upcoming years", SUN, {}, "DURATION", "PXY"),
    ("the weeks ahead", SUN, {"tense": FUTURE}, "DURATION", "PXW"),
    ("the months to come", SUN, {"tense": FUTURE}, "DURATION", "PXM"),
    ("coming quarters", SUN, {}, "DURATION", "PXQ"),
    ("recently", SUN, {"tense": PAST}, "DATE", "PAST_REF"),
    ("recent", SUN, {}, "DATE", "PAST_REF"),
    ("the future", SUN, {}, "DATE", "FUTURE_REF"),
    ("several years ago", SUN, {"tense": PAST}, "DATE", "PAST_REF"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), VAGUE)
def test_vague_stretches(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


# ---------------------------------------------------------------- parts of a named period
# "earlier in the year" is "earlier this year" (the year, mod START); "later in the
# day" is the day the text is telling of (the last day named, else the document's);
# "the latest fiscal year" is the last one over, as "the latest quarter" is.
PARTS = [
    ("earlier in the year", OCT, {"tense": PAST}, "DATE", "1989"),
    ("later in the year", OCT, {"tense": FUTURE}, "DATE", "1989"),
    ("earlier in the month", OCT, {"tense": PAST}, "DATE", "1989-10"),
    ("later in the day", OCT, {"tense": PAST}, "DATE", "1989-10-30"),
    ("earlier in the day", OCT, {"tense": PAST, "anchor": date(1989, 10, 26)}, "DATE", "1989-10-26"),
    ("the latest fiscal year", OCT, {"tense": PAST}, "DATE", "1988"),
    ("the most recent year", OCT, {}, "DATE", "1988"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), PARTS)
def test_parts_of_a_named_period(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


# ---------------------------------------------------------------- parts of the day in focus
# "in the morning", "that night" after a day is named are that day's morning and
# night: a TIME (a part of a day), anaphoric as "that day" is; "this morning" and
# "tonight" are the document date's, as is "the morning" when no day was named.
DAY_PARTS = [
    ("the morning", OCT, {"tense": PAST, "anchor": date(1989, 10, 27)}, "TIME", "1989-10-27TMO"),
    ("in the morning", OCT, {"tense": PAST, "anchor": date(1989, 10, 27)}, "TIME", "1989-10-27TMO"),
    ("that night", OCT, {"tense": PAST, "anchor": date(1989, 10, 26)}, "TIME", "1989-10-26TNI"),
    ("that morning", OCT, {"tense": PAST, "anchor": date(1989, 10, 26)}, "TIME", "1989-10-26TMO"),
    ("the same evening", OCT, {"tense": PAST, "anchor": date(1989, 10, 26)}, "TIME", "1989-10-26TEV"),
    ("that day", OCT, {"tense": PAST, "anchor": date(1989, 10, 26)}, "DATE", "1989-10-26"),
    ("this morning", OCT, {"tense": PAST, "anchor": date(1989, 10, 27)}, "TIME", "1989-10-30TMO"),
    ("tonight", OCT, {"tense": FUTURE, "anchor": date(1989, 10, 27)}, "TIME", "1989-10-30TNI"),
    ("the morning", OCT, {"tense": PAST}, "TIME", "1989-10-30TMO"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), DAY_PARTS)
def test_parts_of_the_day_in_focus(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


# ---------------------------------------------------------------- the quarter the text is about
# Once a text names a quarter, "the 1988 quarter" and "the 1988 period" are that
# quarter in 1988, and "the quarter" is that quarter, though a day or a year was
# named in between; with no quarter named they keep their year-only reading.
QUARTERS = [
    ("the 1988 quarter", OCT, {"tense": PAST, "anchor_value": "1988", "quarter_value": "1989-Q3"}, "DATE", "1988-Q3"),
    ("the 1988 period", OCT, {"tense": PAST, "anchor_value": "1989-09-29", "quarter_value": "1989-Q1"},
     "DATE", "1988-Q1"),
    ("the quarter", OCT, {"tense": PAST, "anchor_value": "1989-10", "quarter_value": "1989-Q1"}, "DATE", "1989-Q1"),
    ("the 1988 quarter", OCT, {"tense": PAST}, "DATE", "1988"),
    ("the 1988 period", OCT, {"tense": PAST}, "DATE", "1988"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), QUARTERS)
def test_quarter_the_text_is_about(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


@pytest.mark.parametrize(("text", "dct", "expected"), [
    # a year named in between does not make "the 1988 quarter" a year
    ("Acme earned $5 million in the third quarter. Last year it lost money. "
     "It earned $4 million in the 1988 quarter.", OCT,
     [("the third quarter", "1989-Q3"), ("Last year", "1988"), ("the 1988 quarter", "1988-Q3")]),
    # once the text reports on a span of months, the quarter no longer names "the period"
    # or what "a year earlier" counts back from
    ("Acme earned $5 million in the third quarter. In the first nine months, net rose "
     "from a loss in the 1988 period.", OCT,
     [("the third quarter", "1989-Q3"), ("the first nine months", "P9M"), ("the 1988 period", "1988")]),
    ("Acme earned $5 million in the third quarter. In the first nine months, net rose "
     "to $9 million from $7 million a year earlier.", OCT,
     [("the third quarter", "1989-Q3"), ("the first nine months", "P9M"), ("a year earlier", "1988")]),
])
def test_quarter_context_in_the_tagger(nlp, text: str, dct: date, expected: list[tuple[str, str]]) -> None:
    got = [(t.text, t.value) for t in tag_text(nlp, text, dct)]
    assert got == expected


# sixth round: once the text reports on the last quarter over, another quarter named
# beside it (an earlier one looked back on, one forecast) is an aside: "the period",
# "a year ago" still mean the quarter reported
NOV = date(2022, 11, 2)


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Third-quarter profit rose 12%. After a weak second quarter, demand for tires recovered. "
     "In the year-earlier period, the company lost $3 million.", NOV,
     [("Third-quarter", "2022-Q3"), ("second quarter", "2022-Q2"), ("the year-earlier period", "2021-Q3")]),
    ("Net income fell 8% in the third quarter. Analysts expect the slump to last into the first quarter "
     "of 2023. In the year-ago period, the brewer earned $40 million.", NOV,
     [("the third quarter", "2022-Q3"), ("the first quarter of 2023", "2023-Q1"), ("the year-ago period", "2021-Q3")]),
    # guard: a text about an earlier quarter keeps it
    ("Net income fell 8% in the second quarter. In the year-ago period, the brewer earned $40 million.", NOV,
     [("the second quarter", "2022-Q2"), ("the year-ago period", "2021-Q2")]),
])
def test_aside_quarter_leaves_the_reported_one(nlp, text: str, dct: date, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag_text(nlp, text, dct)] == expected


def test_no_tense_is_unchanged_by_limit_words() -> None:
    # the nearest month either way when the verb's tense does not reach the date
    assert normalise("January", OCT, tense=NO_TENSE, prev_word="through").value == "1990-01"
    assert normalise("April", OCT, tense=NO_TENSE, prev_word="until").value == "1989-04"


@pytest.mark.parametrize(("text", "expected"), [
    # a superlative or "first" looks back over the span, whatever the verb's tense
    ("It will be the biggest project in Germany in 100 years.", [("100 years", "DURATION", "P100Y")]),
    ("For the first time in 30 years the budget will grow.", [("30 years", "DURATION", "P30Y")]),
    # without one, "in" after a future verb is a point ahead (a guard)
    ("The troops will leave in two weeks.", [("two weeks", "DATE", "2022-W08")]),
])
def test_in_a_span_after_a_superlative_is_a_duration(nlp, text: str, expected) -> None:
    assert [(t.text, t.type, t.value) for t in tag_text(nlp, text, SUN)] == expected


def test_later_with_no_date_before_counts_from_no_day() -> None:
    # "80 years later" after no date named: after some event, not 80 years after publication
    assert normalise("80 years later", SUN).value == "XXXX-XX-XX"
    assert normalise("80 years later", SUN, anchor=date(1942, 3, 26)).value == "2022"


# ---------------------------------------------------------------- fourth round: later than told
# A point counted forward ("80 years later") from a day on or before the document
# date that lands after it while the verb does not look ahead counts from some event the text did not date:
# a past tense (or none) reports what has happened, a present one with years tells
# of now. A future verb, or a present one scheduling days or weeks, still counts.
LATER_THAN_TOLD = [
    ("80 years later", SUN, {"anchor": date(2022, 2, 10), "tense": PAST}, "DATE", "XXXX-XX-XX"),
    ("80 years later", SUN, {"anchor": date(2022, 2, 10)}, "DATE", "XXXX-XX-XX"),
    ("a century later", SUN, {"anchor": date(2022, 2, 10), "tense": PRESENT}, "DATE", "XXXX-XX-XX"),
    ("three days later", SUN, {"anchor": date(2022, 2, 12), "tense": PAST}, "DATE", "XXXX-XX-XX"),
    # guards: still counted
    ("two weeks later", SUN, {"anchor": date(2022, 2, 13), "tense": PRESENT}, "DATE", "2022-02-27"),
    ("two days later", SUN, {"anchor": date(2022, 2, 12), "tense": FUTURE}, "DATE", "2022-02-14"),
    ("80 years later", SUN, {"anchor": date(1942, 3, 26), "tense": PAST}, "DATE", "2022"),
    ("two days later", SUN, {"anchor": date(2022, 2, 9), "tense": PAST}, "DATE", "2022-02-11"),
    # counting on from a day the text already put after the document date
    ("a day later", SUN, {"anchor": date(2022, 2, 24), "tense": PAST}, "DATE", "2022-02-25"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), LATER_THAN_TOLD)
def test_later_than_told(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


def test_later_than_told_in_running_text(nlp) -> None:
    text = "The museum reopened on Friday. Its founder had opened it in a shed, and 80 years later it drew crowds."
    assert [(t.text, t.value) for t in tag_text(nlp, text, SUN)] == [
        ("Friday", "2022-02-11"), ("80 years later", "XXXX-XX-XX")]


# ---------------------------------------------------------------- fourth round: weekdays counted from the text's day
# "the previous Friday", "the following Monday" step from the day the text is
# telling of (the last day named, else the document date), never landing on it;
# "overnight" is the night that ran into that day.
ANAPHORIC_WEEKDAYS = [
    ("the previous Friday", MON, {"anchor": date(2022, 2, 11)}, "DATE", "2022-02-04"),
    ("the following Monday", FRI, {"anchor": date(2022, 2, 15), "tense": PAST}, "DATE", "2022-02-21"),
    ("the following Tuesday", MON, {"anchor": date(2022, 2, 15)}, "DATE", "2022-02-22"),
    ("the preceding Sunday", MON, {}, "DATE", "2022-02-13"),
    ("the prior Wednesday", MON, {"anchor": date(2022, 1, 20), "tense": PAST}, "DATE", "2022-01-19"),
    # "overnight" is the night that ran into the day its sentence tells of; ahead of a future
    # verb, its coming night (eighth round: a day named in an earlier sentence does not move it)
    ("overnight", MON, {"tense": PAST}, "TIME", "2022-02-13TNI"),
    ("overnight", MON, {"sentence_value": "2022-02-11", "tense": PAST}, "TIME", "2022-02-10TNI"),
    ("overnight", MON, {"anchor": date(2022, 2, 11), "tense": PAST}, "TIME", "2022-02-13TNI"),
    ("overnight", MON, {"tense": FUTURE}, "TIME", "2022-02-14TNI"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), ANAPHORIC_WEEKDAYS)
def test_anaphoric_weekdays(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Shares closed at 210 on Friday, down 3% from the previous Friday.", MON,
     [("Friday", "2022-02-11"), ("the previous Friday", "2022-02-04")]),
    ("The envoy arrived on Tuesday and left the following Monday.", FRI,
     [("Tuesday", "2022-02-15"), ("the following Monday", "2022-02-21")]),
    ("Markets fell on Friday, hit by overnight losses in Asia, and ended 2% below the previous Friday.", MON,
     [("Friday", "2022-02-11"), ("overnight", "2022-02-10TNI"), ("the previous Friday", "2022-02-04")]),
])
def test_anaphoric_weekdays_in_running_text(nlp, text, dct, expected) -> None:
    assert [(t.text, t.value) for t in tag_text(nlp, text, dct)] == expected


# ---------------------------------------------------------------- eighth round: "overnight" in a report
# An "overnight" that dates a verb is found wherever it stands, and is the night before the
# report was filed (ahead of a future or modal verb, the coming night), not the night before a
# day an earlier sentence named; a day named earlier in its own sentence still moves it, and an
# "overnight" before a noun ("overnight losses") stays on the day the text tells of.
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Rockets struck the port overnight, officials said.", MON, [("overnight", "2022-02-13TNI")]),
    ("Flood sirens sounded along the coast overnight, and roads were closed.", MON,  # the model misses it
     [("overnight", "2022-02-13TNI")]),
    ("The river kept rising overnight in the valley.", MON, [("overnight", "2022-02-13TNI")]),
    ("Forecasters say the winds could ease overnight.", MON, [("overnight", "2022-02-14TNI")]),
    ("The strike began on Thursday. Trains stood idle overnight, the union said.", MON,
     [("Thursday", "2022-02-10"), ("overnight", "2022-02-13TNI")]),
    ("On Thursday, after heavy rain overnight, the dam burst.", MON,
     [("Thursday", "2022-02-10"), ("overnight", "2022-02-09TNI")]),
    ("Bond prices slid on Thursday. Dealers blamed overnight selling in Tokyo.", MON,
     [("Thursday", "2022-02-10"), ("overnight", "2022-02-09TNI")]),
])
def test_overnight_in_a_report(nlp, text, dct, expected) -> None:
    assert [(t.text, t.value) for t in tag_text(nlp, text, dct)] == expected


# ---------------------------------------------------------------- fourth round: halves and a year's quarters
# Two quarters of a year are its half (H1, H2); a half of a decade or a century has
# no value of its own and keeps the decade's or century's; "the year" is this one.
# A year named as a possessive ("next year's first quarter") is the year of the quarter.
HALVES_AND_QUARTERS = [
    ("the first two quarters of 2023", SUN, {}, "DATE", "2023-H1"),
    ("the last two quarters of 2021", SUN, {}, "DATE", "2021-H2"),
    ("the second half of the year", SUN, {"tense": FUTURE}, "DATE", "2022-H2"),
    ("the first half of last year", SUN, {}, "DATE", "2021-H1"),  # guard
    ("the latter half of the 1970s", SUN, {}, "DATE", "197"),
    ("the last half of the '90s", SUN, {}, "DATE", "199"),
    ("the first half of the 19th century", SUN, {}, "DATE", "18"),
    ("next year's first quarter", SUN, {"tense": FUTURE}, "DATE", "2023-Q1"),
    ("last year's fourth quarter", JAN, {"tense": PAST}, "DATE", "2021-Q4"),
    ("this year's second quarter", SUN, {}, "DATE", "2022-Q2"),  # guard
    ("2019's third quarter", SUN, {"tense": PAST}, "DATE", "2019-Q3"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), HALVES_AND_QUARTERS)
def test_halves_and_a_years_quarters(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


# ---------------------------------------------------------------- fourth round: the day an event has reached
# Told in the present tense, the ordinal day an ongoing event has reached ("is the
# eighth day of the strike", "is in its tenth day") is the document date; a day set
# apart by "on"/"by" ("on the second day, they left") is a point we cannot place.
ORDINAL_DAYS = [
    ("the eighth day", FRI, {"tense": PRESENT, "prev_word": "is"}, "DATE", "2022-02-18"),
    ("its tenth day", FRI, {"tense": PRESENT, "prev_word": "in"}, "DATE", "2022-02-18"),
    ("the 12th straight day", FRI, {"tense": PRESENT, "prev_word": "'s"}, "DATE", "2022-02-18"),
    ("the second day", FRI, {"tense": PAST, "prev_word": "on"}, "DATE", "XXXX-XX-XX"),  # guard
    ("the third day", FRI, {"tense": PRESENT, "prev_word": "by"}, "DATE", "XXXX-XX-XX"),  # guard
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), ORDINAL_DAYS)
def test_the_day_an_event_has_reached(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


def test_the_day_an_event_has_reached_in_running_text(nlp) -> None:
    text = "The blockade of the port is now in its ninth day. It is the ninth day of talks, too."
    assert [(t.text, t.value) for t in tag_text(nlp, text, FRI) if t.value != "PRESENT_REF"] == [
        ("ninth day", "2022-02-18"), ("the ninth day", "2022-02-18")]


# ---------------------------------------------------------------- fifth round: decades and centuries as spans
# A counted span of decades or centuries is written in years, as TimeBank writes
# "two decades" (P20Y); "decades" with no count keeps its unit (PXDE).
DECADE_SPANS = [
    ("three decades", MON, {"tense": PAST}, "DURATION", "P30Y"),
    ("almost a decade", MON, {"tense": PAST}, "DURATION", "P10Y"),
    ("the past four decades", MON, {"tense": PRESENT}, "DURATION", "P40Y"),
    ("a two-decade", MON, {}, "DURATION", "P20Y"),
    ("more than a century", MON, {"tense": PAST}, "DURATION", "P100Y"),
    ("two centuries", MON, {"tense": PAST}, "DURATION", "P200Y"),
    ("a decade and a half", MON, {"tense": PAST}, "DURATION", "P15Y"),
    ("decades", MON, {"tense": PAST}, "DURATION", "PXDE"),  # guard
    ("three decades ago", MON, {"tense": PAST}, "DATE", "199"),  # guard
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), DECADE_SPANS)
def test_decades_and_centuries_as_spans(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


# ---------------------------------------------------------------- fifth round: days fixed as a weekday of a month
# Named days set as "the nth weekday of a month" (Thanksgiving, Labor Day, US
# Election Day) are the date that weekday falls on in the year the tense points to.
WEEKDAY_HOLIDAYS = [
    ("Thanksgiving", date(2019, 12, 2), {"tense": PAST}, "DATE", "2019-11-28"),
    ("Labor Day", date(2021, 8, 20), {"tense": FUTURE}, "DATE", "2021-09-06"),
    ("Election Day", date(2016, 11, 10), {"tense": PAST}, "DATE", "2016-11-08"),
    ("Mother's Day", date(2022, 5, 2), {"tense": FUTURE}, "DATE", "2022-05-08"),
    ("Memorial Day", date(2020, 6, 3), {"tense": PAST}, "DATE", "2020-05-25"),
    ("Martin Luther King Day", date(2023, 1, 3), {"tense": FUTURE}, "DATE", "2023-01-16"),
    ("Thanksgiving 2012", MON, {}, "DATE", "2012-11-22"),
    ("Christmas", date(2019, 12, 2), {"tense": FUTURE}, "DATE", "2019-12-25"),  # guard
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), WEEKDAY_HOLIDAYS)
def test_days_fixed_as_a_weekday_of_a_month(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


# ---------------------------------------------------------------- sixth round: what the sentence has named
# A clock time with no day of its own is on the day named earlier in the same
# sentence ("on Saturday ... at noon"); a year-less month or day told in the past
# tense, after the sentence has gone back to an earlier year, is in that year.
SENTENCE_NAMED = [
    ("about noon", MON, {"tense": PAST, "sentence_value": "2022-02-12"}, "TIME", "2022-02-12T12:00"),
    ("3:30 p.m.", MON, {"tense": PAST, "sentence_value": "2022-02-10TEV"}, "TIME", "2022-02-10T15:30"),
    ("noon", MON, {"tense": PAST}, "TIME", "2022-02-14T12:00"),  # guard: no day named, the document's
    ("noon", MON, {"tense": PAST, "sentence_value": "2021"}, "TIME", "2022-02-14T12:00"),  # guard: a year is no day
    ("October", MON, {"tense": PAST, "sentence_value": "1998"}, "DATE", "1998-10"),
    ("Sept. 4", MON, {"tense": PAST, "sentence_value": "2003"}, "DATE", "2003-09-04"),
    ("October", MON, {"tense": FUTURE, "sentence_value": "1998"}, "DATE", "2022-10"),  # guard: ahead
    ("October", MON, {"tense": PAST, "prev_word": "through", "sentence_value": "1998"}, "DATE", "2021-10"),  # guard
    ("December", MON, {"tense": PAST, "sentence_value": "2022"}, "DATE", "2021-12"),  # guard: this year
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), SENTENCE_NAMED)
def test_what_the_sentence_has_named(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The jury heard two more witnesses on Thursday before the judge adjourned at 4 p.m.", MON,
     [("Thursday", "2022-02-10"), ("4 p.m.", "2022-02-10T16:00")]),
    ("The bridge first opened in 1931, when the river froze in January.", MON,
     [("1931", "1931"), ("January", "1931-01")]),
    ("In 2015, the company moved to Ohio, and in May it opened a plant.", MON, [("2015", "2015"), ("May", "2015-05")]),
    # guards: a year as a point of comparison does not take the sentence there
    ("Sales rose 5 percent from 2019 levels in March.", date(2022, 11, 2), [("2019", "2019"), ("March", "2022-03")]),
    ("Turnout was higher than in 2018 when polls closed in October.", date(2022, 11, 2),
     [("2018", "2018"), ("October", "2022-10")]),
])
def test_what_the_sentence_has_named_in_running_text(nlp, text, dct, expected) -> None:
    assert [(t.text, t.value) for t in tag_text(nlp, text, dct)] == expected


# Sixteenth round: a year that dates a clause of its own, a relative clause on a noun or one of two
# verbs joined by "and", takes only that clause to its year; a month or day the rest of the
# sentence tells is read from the document date as usual.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The ferry, which entered service in 1998, was last inspected on March 3, officials said.",
     date(2019, 6, 12), [("1998", "1998"), ("March 3", "2019-03-03")]),
    ("The mill was founded in 1952 and had been running three shifts since January.",
     date(2019, 6, 12), [("1952", "1952"), ("January", "2019-01")]),
    # guards: a year over the whole sentence still takes it there
    ("The mill opened in 1952, when the river flooded in April.", date(2019, 6, 12),
     [("1952", "1952"), ("April", "1952-04")]),
    ("In 1952 the mill was founded and in April it hired its first workers.", date(2019, 6, 12),
     [("1952", "1952"), ("April", "1952-04")]),
])
def test_a_year_of_its_own_clause(nlp, text, dct, expected) -> None:
    assert [(t.text, t.value) for t in tag_text(nlp, text, dct)] == expected


# ---------------------------------------------------------------- sixth round: weeks counted from a day
# "A week later", "three weeks earlier" after a day named count whole weeks from
# that day and land on a day; "the following week" names a calendar week.
WEEKS_FROM_A_DAY = [
    ("a week later", MON, {"anchor": date(2022, 3, 5), "tense": FUTURE}, "DATE", "2022-03-12"),
    ("two weeks later", MON, {"anchor": date(2021, 5, 7), "tense": PAST}, "DATE", "2021-05-21"),
    ("three weeks earlier", MON, {"anchor": date(2022, 1, 24), "tense": PAST}, "DATE", "2022-01-03"),
    ("the following week", MON, {"anchor": date(2022, 3, 5), "tense": FUTURE}, "DATE", "2022-W10"),  # guard
    ("two weeks ago", MON, {"anchor": date(2022, 2, 1), "tense": PAST}, "DATE", "2022-W05"),  # guard: from now
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), WEEKS_FROM_A_DAY)
def test_weeks_counted_from_a_day(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


# ---------------------------------------------------------------- sixth round: counting back from a day ahead
# Told in the past tense, "the day before", "two days earlier" count back from the
# document date when the last day named lies ahead of it ("shut until April 10 ...
# reported 300 cases, down from 340 the day before"): what is reported has happened.
COUNTING_BACK = [
    ("the day before", SUN, {"tense": PAST, "anchor": date(2022, 3, 1)}, "DATE", "2022-02-12"),
    ("two days earlier", SUN, {"tense": PAST, "anchor": date(2022, 2, 20)}, "DATE", "2022-02-11"),
    ("the day before", SUN, {"tense": FUTURE, "anchor": date(2022, 3, 1)}, "DATE", "2022-02-28"),  # guard
    ("the day before", SUN, {"tense": PAST, "anchor": date(2022, 2, 9)}, "DATE", "2022-02-08"),  # guard
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), COUNTING_BACK)
def test_counting_back_from_a_day_ahead(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


@pytest.mark.model
def test_counting_back_from_a_day_ahead_in_running_text(nlp) -> None:
    text = "Schools will stay shut until April 10. Officials reported 300 new cases, down from 340 the day before."
    assert [(t.text, t.value) for t in tag_text(nlp, text, date(2020, 3, 29))] == [
        ("April 10", "2020-04-10"), ("the day before", "2020-03-28")]


# ---------------------------------------------------------------- ninth round: a part of the day next to the day told of
# "the following morning", "the previous night", "the night before" are that part of the day
# after or before the day the text is telling of (the anchor, else the document date): a
# TIME, as "that night" is; "that same day", "that same year" are that day, that year.
NEIGHBOUR_DAY_PARTS = [
    ("the following morning", MON, {"anchor": date(2021, 6, 3)}, "TIME", "2021-06-04TMO"),
    ("the next evening", MON, {"anchor": date(2021, 6, 3)}, "TIME", "2021-06-04TEV"),
    ("the previous night", MON, {"anchor": date(2021, 6, 3)}, "TIME", "2021-06-02TNI"),
    ("the night before", MON, {"anchor": date(2021, 6, 3)}, "TIME", "2021-06-02TNI"),
    ("the following night", MON, {"anchor": date(2021, 6, 3)}, "TIME", "2021-06-04TNI"),
    ("the next morning", MON, {}, "TIME", "2022-02-15TMO"),
    ("that same day", MON, {"anchor": date(2021, 6, 3)}, "DATE", "2021-06-03"),
    ("that same year", MON, {"anchor": date(2021, 6, 3), "anchor_value": "2021"}, "DATE", "2021"),
    # guards: the day itself, and days counted, stay as they were
    ("that night", MON, {"anchor": date(2021, 6, 3)}, "TIME", "2021-06-03TNI"),
    ("the next day", MON, {"anchor": date(2021, 6, 3)}, "DATE", "2021-06-04"),
    ("two nights later", MON, {"anchor": date(2021, 6, 3)}, "DATE", "2021-06-05"),
    ("this morning", MON, {"anchor": date(2021, 6, 3)}, "TIME", "2022-02-14TMO"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), NEIGHBOUR_DAY_PARTS)
def test_part_of_a_day_next_to_the_day_told_of(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The ferry sank on Tuesday. The next morning, divers found the wreck.", MON,
     [("Tuesday", "2022-02-08"), ("The next morning", "2022-02-09TMO")]),
    ("Troops took the bridge on Friday after shelling it the night before.", MON,
     [("Friday", "2022-02-11"), ("the night before", "2022-02-10TNI")]),
    ("The mine opened in 2004. That same year, it flooded.", MON,
     [("2004", "2004"), ("That same year", "2004")]),
])
def test_part_of_a_day_next_to_the_day_told_of_in_running_text(nlp, text, dct, expected) -> None:
    assert [(t.text, t.value) for t in tag_text(nlp, text, dct)] == expected


# ---------------------------------------------------------------- ninth round: "the fall" as a season
# American news names autumn "the fall": after "in", "during", "by", "until", "since",
# "through" it is the season (with a year after "of", that year's), read by the verb's
# tense as the other seasons are; "the fall of the government", "the fall in prices",
# "died in the fall from the cliff" are no time expressions. (The model already tags some
# of these rows itself; the rule makes them not depend on it.)
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The new terminal will open in the fall.", MON, [("the fall", "2022-FA")]),
    ("Fares went up twice during the fall.", MON, [("the fall", "2021-FA")]),
    ("Talks on a new treaty are expected to resume in the fall.", MON, [("the fall", "2022-FA")]),
    ("The mill closed in the fall, the union said.", MON, [("the fall", "2021-FA")]),
    ("The dam should be finished by the late fall.", MON, [("the late fall", "2022-FA")]),
    ("In the fall of 2019, the mayor stepped down.", MON, [("the fall of 2019", "2019-FA")]),
    ("Riots followed the fall of the government.", MON, []),
    ("Shares rebounded after the fall in oil prices.", MON, []),
    ("The hiker was hurt in the fall from the ridge.", MON, []),
])
def test_the_fall_as_a_season(nlp, text, dct, expected) -> None:
    assert [(t.text, t.value) for t in tag_text(nlp, text, dct)] == expected


# ---------------------------------------------------------------- ninth round: "before", "after" outside the extent
# "just before midnight", "shortly after 5 a.m.": the model folds the preposition into its
# entity; TimeML leaves such signals outside the TIMEX3, as it does "on", "at", "since".
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The tremor struck just before midnight.", MON, [("midnight", "2022-02-14T24:00")]),
    ("The ferry docked shortly after 6 a.m. on Sunday.", MON, [("6 a.m. on Sunday", "2022-02-13T06:00")]),
    ("The ferry docked at 6 a.m. on Sunday.", MON, [("6 a.m. on Sunday", "2022-02-13T06:00")]),
])
def test_signal_outside_the_extent(nlp, text, dct, expected) -> None:
    assert [(t.text, t.value) for t in tag_text(nlp, text, dct)] == expected


# ---------------------------------------------------------------- ninth round: "week-long", "all day"
# An adjective of length ("a week-long strike", "a yearlong inquiry") and "all day", "all
# week" measure one unit: DURATION P1W, P1Y, P1D; "months-long talks" measures units of
# no count (PXM), as "months" does.
LENGTHS = [
    ("week-long", MON, {}, "DURATION", "P1W"),
    ("weeklong", MON, {}, "DURATION", "P1W"),
    ("year-long", MON, {}, "DURATION", "P1Y"),
    ("months-long", MON, {}, "DURATION", "PXM"),
    ("all day", MON, {}, "DURATION", "P1D"),
    ("all week long", MON, {}, "DURATION", "P1W"),
    # guards: a counted length and a plural unit are as before
    ("two-day", MON, {}, "DURATION", "P2D"),
    ("months", MON, {}, "DURATION", "PXM"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), LENGTHS)
def test_lengths_of_one_unit(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The week-long walkout ended on Friday.", MON, [("week-long", "P1W"), ("Friday", "2022-02-11")]),
    ("A yearlong audit found no fraud.", MON, [("yearlong", "P1Y")]),
    ("Months-long negotiations broke down.", MON, [("Months-long", "PXM")]),
    ("Rescuers dug all day.", MON, [("all day", "P1D")]),
    ("The valley has a long history of floods.", MON, []),
])
def test_lengths_of_one_unit_in_running_text(nlp, text, dct, expected) -> None:
    assert [(t.text, t.value) for t in tag_text(nlp, text, dct)] == expected


# ---------------------------------------------------------------- ninth round: "the 1800s" is a century
# A plural of a round hundred before 2000 ("the 1800s", "the late 1600s") names that
# century (TimeML 18, 16), not the decade 1800-1809; "the 2000s" is read as the decade,
# as news writes it, and "the 1990s" stays a decade.
HUNDREDS = [
    ("the 1800s", MON, {}, "DATE", "18"),
    ("the late 1600s", MON, {}, "DATE", "16"),
    ("the 1900s", MON, {}, "DATE", "19"),
    ("the 2000s", MON, {}, "DATE", "200"),
    ("the 1990s", MON, {}, "DATE", "199"),
    ("the early 1950s", MON, {}, "DATE", "195"),
]


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), HUNDREDS)
def test_round_hundreds_are_centuries(text, dct, context, type_, value) -> None:
    _check(text, dct, context, type_, value)
