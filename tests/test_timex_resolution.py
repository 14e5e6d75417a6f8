"""Issue 18, resolution that reasons like a reader: the classes of value errors fixed, case by case.

Every sentence here is written for these tests (none is taken from TimeBank or
the TempEval-3 test set). The normaliser tables run without spaCy; the
`model` tests run the real pipeline, where the tense of the governing verb
and the earlier dates of the text come into play.
"""
from __future__ import annotations

from datetime import date

import pytest

from core.extract.timex import FUTURE, PAST, PRESENT, TIMEX_SPAN_KEY, normalise, tag_text

MON = date(2013, 3, 18)     # a Monday, ISO week 2013-W12
AUG = date(2013, 8, 20)     # a Tuesday in the third quarter
NOV = date(2013, 11, 5)     # a Tuesday in the fourth quarter

P, F, PR, N = {"tense": PAST}, {"tense": FUTURE}, {"tense": PRESENT}, {}


def _read(text: str, dct: date | None, context: dict) -> tuple[str, str]:
    result = normalise(text, dct, **context)
    assert result is not None, text
    return result.type, result.value


# ---------------------------------------------------------------- words alone (no spaCy)

@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), [
    # durations versus points: "the past week" is the week before this one ...
    ("the past week", MON, P, "DATE", "2013-W11"),
    ("the last week", MON, N, "DATE", "2013-W11"),
    ("the past month", MON, P, "DATE", "2013-02"),
    ("the past year", MON, P, "DATE", "2012"),
    ("the last decade", MON, N, "DATE", "200"),
    # ... while counted spans stay spans of time
    ("the past three weeks", MON, P, "DURATION", "P3W"),
    # "in N units" is a point ahead only after a future verb
    ("eight years", MON, {"tense": PRESENT, "prev_word": "in"}, "DURATION", "P8Y"),
    ("100 days", MON, {"tense": PAST, "prev_word": "in"}, "DURATION", "P100D"),
    ("two weeks", MON, {"tense": FUTURE, "prev_word": "in"}, "DATE", "2013-W14"),
    ("three months", MON, {"prev_word": "in"}, "DURATION", "P3M"),
    # a month named without a year: past verb -> the last one, future -> the coming one, else the nearest
    ("June", MON, P, "DATE", "2012-06"),
    ("June", MON, F, "DATE", "2013-06"),
    ("June", MON, N, "DATE", "2013-06"),
    ("October", MON, N, "DATE", "2012-10"),
    ("October", MON, PR, "DATE", "2012-10"),
    ("January", NOV, N, "DATE", "2014-01"),
    ("12 December", date(2013, 2, 1), N, "DATE", "2012-12-12"),
    ("September", MON, N, "DATE", "2013-09"),      # six months either way: this year's
    # a month with a relative word
    ("last May", MON, N, "DATE", "2012-05"),
    ("last February", MON, N, "DATE", "2013-02"),
    ("last March", MON, N, "DATE", "2012-03"),
    ("next March", MON, N, "DATE", "2014-03"),
    ("next July", MON, N, "DATE", "2013-07"),
    ("this September", MON, P, "DATE", "2013-09"),
    ("June last year", MON, N, "DATE", "2012-06"),
    ("January of next year", MON, N, "DATE", "2014-01"),
    # seasons and quarters the same way
    ("the summer", MON, N, "DATE", "2013-SU"),
    ("autumn", MON, N, "DATE", "2012-FA"),
    ("autumn", MON, F, "DATE", "2013-FA"),
    ("winter", AUG, P, "DATE", "2012-WI"),   # December 2012 to February 2013, named by its December
    ("winter", AUG, F, "DATE", "2013-WI"),
    ("the first quarter", NOV, N, "DATE", "2014-Q1"),
    ("the first quarter", NOV, P, "DATE", "2013-Q1"),
    # quarters named by what they are to the text
    ("third-quarter", NOV, F, "DATE", "2013-Q3"),      # "will report third-quarter profit": the quarter just over
    ("fourth-quarter", NOV, P, "DATE", "2013-Q4"),
    ("fiscal second-quarter", AUG, P, "DATE", "2013-Q2"),
    ("the latest quarter", NOV, PR, "DATE", "2013-Q3"),
    ("the quarter", NOV, P, "DATE", "2013-Q3"),
    ("the quarter", NOV, F, "DATE", "2013-Q4"),
    ("the current quarter", NOV, P, "DATE", "2013-Q4"),
    ("the year-ago quarter", NOV, P, "DATE", "2012-Q3"),
    ("the 2011 third quarter", NOV, P, "DATE", "2011-Q3"),
    ("year-earlier", NOV, N, "DATE", "2012"),
    # sets
    ("each season", MON, N, "SET", "P1S"),
    ("every winter", MON, N, "SET", "XXXX-WI"),
    ("each March", MON, N, "SET", "XXXX-03"),
    ("Friday evenings", MON, N, "SET", "XXXX-WXX-5TEV"),
    ("every quarter", MON, N, "SET", "P1Q"),
    # clock durations ("finished in 2:14:09") and a clock time with seconds
    ("2:14:09", MON, N, "DURATION", "PT2H14M9S"),
    ("0:45:00", MON, N, "DURATION", "PT45M"),
    ("16:05:30", MON, {"prev_word": "at"}, "TIME", "2013-03-18T16:05:30"),
    # halves of a unit in the next smaller one
    ("a day and a half", MON, N, "DURATION", "P1DT12H"),
    ("an hour and a half", MON, N, "DURATION", "PT1H30M"),
    ("3 1/2 years", MON, N, "DURATION", "P3Y6M"),
    ("a minute and a half", MON, N, "DURATION", "PT1M30S"),
    # present, past and future references
    ("several months ago", MON, P, "DATE", "PAST_REF"),
    ("a few weeks ago", MON, P, "DATE", "PAST_REF"),
    ("one day", MON, {"prev_word": "could"}, "DATE", "FUTURE_REF"),
    ("current", MON, N, "DATE", "PRESENT_REF"),
    ("recent", MON, N, "DATE", "PAST_REF"),
    ("then current", MON, N, "DATE", "PAST_REF"),
    ("the long term", MON, N, "DATE", "FUTURE_REF"),
    ("a later date", MON, N, "DATE", "FUTURE_REF"),
    ("the foreseeable future", MON, N, "DATE", "FUTURE_REF"),
    # parts of the day with "mid"
    ("mid-morning yesterday", MON, P, "TIME", "2013-03-17TMO"),
    ("mid afternoon", MON, N, "TIME", "2013-03-18TAF"),
    # halves of a year
    ("the last half of 2012", MON, N, "DATE", "2012-H2"),
])
def test_words_read_in_context(text, dct, context, type_, value) -> None:
    assert _read(text, dct, context) == (type_, value)


# the last period named earlier in the text, at its own granularity
@pytest.mark.parametrize(("text", "anchor_value", "dct", "context", "value"), [
    ("the following decade", "197", MON, P, "198"),
    ("the previous decade", "197", MON, P, "196"),
    ("that year", "2009", MON, P, "2009"),
    ("the following year", "2009-05", MON, P, "2010"),
    ("the next month", "2011-03", MON, P, "2011-04"),
    ("a year earlier", "2013-Q2", AUG, P, "2012-Q2"),
    ("a year ago", "2013-Q2", AUG, P, "2012-Q2"),
    ("the year-earlier period", "2013-Q2", AUG, P, "2012-Q2"),
    ("the latest period", "2013-Q2", AUG, P, "2013-Q2"),
    ("the quarter", "2013-Q2", AUG, P, "2013-Q2"),
    ("the previous quarter", "2013-Q2", AUG, P, "2013-Q1"),
    ("two years later", "1997", MON, P, "1999"),
])
def test_anchored_on_the_last_period_named(text, anchor_value, dct, context, value) -> None:
    result = normalise(text, dct, anchor_value=anchor_value, **context)
    assert result is not None and result.value == value


# without a named quarter, "the latest period" is not placed; a fraction is no span of time
@pytest.mark.parametrize("text", ["the latest period", "a quarter", "three quarters"])
def test_not_a_period_here(text) -> None:
    result = normalise(text, AUG)
    assert result is None or result.type != "DURATION" and "Q" not in result.value


# ---------------------------------------------------------------- spans (rules alone, no model)

@pytest.mark.parametrize(("text", "spans"), [
    # quarters and periods
    ("Its third-quarter profit fell.", [("third-quarter", "DATE")]),
    ("Costs rose in the latest quarter.", [("the latest quarter", "DATE")]),
    ("Costs fell in the year-ago quarter.", [("the year-ago quarter", "DATE")]),
    # whole expressions, not pieces of them
    ("The plant closed several years ago.", [("several years ago", "DATE")]),
    ("They were jailed for 2 1/2 years.", [("2 1/2 years", "DURATION")]),
    ("It lasted a minute and a half.", [("a minute and a half", "DURATION")]),
    ("He visited last May.", [("last May", "DATE")]),
    ("It opened in June last year.", [("June last year", "DATE")]),
    # sets, clock durations, references
    ("Buses run on Sunday mornings.", [("Sunday mornings", "SET")]),
    ("The herders move each season.", [("each season", "SET")]),
    ("Pilgrims gather every August.", [("every August", "SET")]),
    ("She ran it in 2:21:05 flat.", [("2:21:05", "DURATION")]),
    ("Prices are high now that the mine is shut.", [("now", "DATE")]),
    # "recent" alone describes a noun, as "current" does: not tagged (round 20; every case of the corpus
    # sets and the news sets' one unmarked, TimeBank split 6 of 14 marked)
    ("The recent floods hit farms.", []),
    ("It will be decided at a later date.", [("a later date", "DATE")]),
    # adjectives of frequency that are not time expressions in TimeML
    ("The annual report is out.", []),
    ("The firm raised its quarterly dividend.", []),
    ("The current account deficit grew.", []),
    # "current" alone describes a noun, no time of its own: unmarked in all twelve cases of the news and
    # corpus sets (TimeBank is split, 8 of 16), so not tagged (round 20)
    ("The current crisis deepened.", []),
    # "current" inside a longer expression stays part of it
    ("Sales rose in the current fiscal year.", [("the current fiscal year", "DATE")]),
])
def test_rule_spans(blank_nlp, text: str, spans: list[tuple[str, str]]) -> None:
    doc = blank_nlp(text)
    assert [(s.text, s.label_) for s in doc.spans[TIMEX_SPAN_KEY]] == spans


# ---------------------------------------------------------------- in running text (model)

def _values(nlp, text: str, dct: date) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_text(nlp, text, dct)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    # weekdays: the tense of the verb, not of whatever the parse passes on the way
    ("Four guards were shot dead on Tuesday.", MON, [("Tuesday", "DATE", "2013-03-12")]),
    ("The summit opens at 15:00 GMT Saturday.", MON, [("15:00 GMT Saturday", "TIME", "2013-03-23T15:00Z")]),
    ("Kick-off is at 15:00 GMT Saturday.", MON, [("15:00 GMT Saturday", "TIME", "2013-03-23T15:00Z")]),
    ("Negotiators, set to meet again on Thursday, declined to comment.", MON, [("Thursday", "DATE", "2013-03-21")]),
    ("The ferry, due to sail on Friday, is still in port.", MON, [("Friday", "DATE", "2013-03-22")]),
    ("The rand slid, closing lower on Thursday.", MON, [("Thursday", "DATE", "2013-03-14")]),
    ("Rescuers were told to stop searching on Saturday.", MON, [("Saturday", "DATE", "2013-03-16")]),
    # months: the coming one after a future verb, the last one after a past verb, the nearest otherwise
    ("The referendum will be held in June.", MON, [("June", "DATE", "2013-06")]),
    ("The referendum was held in June.", MON, [("June", "DATE", "2012-06")]),
    ("The board approved a bonus, payable in January.", NOV, [("January", "DATE", "2014-01")]),
    ("Officials expect the bridge to reopen by Feb. 2.", NOV, [("Feb. 2", "DATE", "2014-02-02")]),
    ("Villagers were warned of a curfew in September.", AUG, [("September", "DATE", "2013-09")]),
    ("The mayor will be honoured for a rescue in December.", MON, [("December", "DATE", "2013-12")]),
    # a later expression counts from the period the text last named
    ("The band formed in the 1970s. The following decade it toured Asia.", MON,
     [("the 1970s", "DATE", "197"), ("The following decade", "DATE", "198")]),
    ("A new constitution was adopted in 2009. That year, turnout fell.", MON,
     [("2009", "DATE", "2009"), ("That year", "DATE", "2009")]),
    ("Profit rose in the second quarter, up from $4 million a year earlier.", AUG,
     [("the second quarter", "DATE", "2013-Q2"), ("a year earlier", "DATE", "2012-Q2")]),
    # spans of time and points
    ("Unemployment is at its highest in eight years.", MON, [("eight years", "DURATION", "P8Y")]),
    ("The new cabinet has 100 days to deliver reforms.", MON, [("100 days", "DURATION", "P100D")]),
    ("Over the past week, fuel prices fell.", MON, [("the past week", "DATE", "2013-W11")]),
    ("The envoy will return in two weeks.", MON, [("two weeks", "DATE", "2013-W14")]),
    # sets, clock durations, references
    ("The nomads move their herds each season.", MON, [("each season", "SET", "P1S")]),
    ("She won the marathon in 2:21:05.", MON, [("2:21:05", "DURATION", "PT2H21M5S")]),
    ("Fares will rise now that the subsidy has ended.", MON, [("now", "DATE", "PRESENT_REF")]),
    ("The island could one day be under water.", MON, [("one day", "DATE", "FUTURE_REF")]),
])
def test_in_running_text(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- fourth round: tense by subject agreement
# A verb whose past is spelled as its base ("hurt", "offset") that the tagger reads
# as a plural present (the nearest noun is plural) is past when its subject is
# singular: the present would take -s.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Weakness in mining stocks hurt the index on Friday.", MON, [("Friday", "DATE", "2013-03-15")]),
    ("Strength in energy shares offset losses in banks on Thursday.", MON, [("Thursday", "DATE", "2013-03-14")]),
    ("Heavy selling in bank shares hurt the market on Tuesday.", MON, [("Tuesday", "DATE", "2013-03-12")]),
])
def test_past_by_subject_agreement(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- fifth round: the day of the saying
# A day right after a verb of saying ("said on Monday he would ...", "announced
# Friday that ...") dates the saying, so it takes that verb's tense, though the
# parser may hang it from the reported verb ("would hold", "will start").
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Iran's foreign minister said on Friday he would hold talks with the envoys in Geneva.", MON,
     [("Friday", "DATE", "2013-03-15")]),
    ("Syria's army said on Sunday it would halt its advance on the city.", MON, [("Sunday", "DATE", "2013-03-17")]),
    ("The ministry announced Tuesday it will lift the curfew in the north.", MON,  # guard
     [("Tuesday", "DATE", "2013-03-12")]),
    ("The army says Wednesday's convoy will leave on Thursday.", MON,  # guard
     [("Wednesday", "DATE", "2013-03-20"), ("Thursday", "DATE", "2013-03-21")]),
])
def test_day_after_a_verb_of_saying(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- sixth round: a schedule word on a noun
# "the report due on Thursday" describes the report: still ahead, though the
# sentence is told in the past; only a verb the adjective completes ("was due",
# "had been due to") can put the day back.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Traders sold bonds on Monday ahead of the inflation report due on Thursday.", date(2022, 2, 14),
     [("Monday", "DATE", "2022-02-14"), ("Thursday", "DATE", "2022-02-17")]),
    ("Investors waited for the trade figures due on Wednesday, analysts said.", date(2022, 2, 14),
     [("Wednesday", "DATE", "2022-02-16")]),
    ("The rent was due on Friday.", date(2022, 2, 14), [("Friday", "DATE", "2022-02-11")]),  # guard
])
def test_schedule_word_on_a_noun(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- sixth round: the week before a week named
# "the previous week" after "last week" is the week before that week, though a
# day in another week was named earlier in the text.
@pytest.mark.model
def test_previous_week_counts_from_the_week_named(nlp) -> None:
    text = "The agency will publish its count on Friday. Claims rose to 250,000 last week from 231,000 the previous week."
    assert _values(nlp, text, date(2022, 2, 14)) == [
        ("Friday", "DATE", "2022-02-18"), ("last week", "DATE", "2022-W06"), ("the previous week", "DATE", "2022-W05")]


@pytest.mark.parametrize(("text", "anchor", "anchor_value", "value"), [
    ("the previous week", date(2022, 2, 18), "2022-W06", "2022-W05"),
    ("the following week", date(2022, 2, 1), "2022-W06", "2022-W07"),
    ("the previous week", date(2022, 2, 18), "2022-02-18", "2022-W06"),  # guard: a day named last
])
def test_anaphoric_week_from_the_last_week_named(text: str, anchor: date, anchor_value: str, value: str) -> None:
    result = normalise(text, date(2022, 2, 14), tense=PAST, anchor=anchor, anchor_value=anchor_value)
    assert result is not None and result.value == value


# ---------------------------------------------------------------- sixth round: a base form with a subject
# A verb the tagger reads as a base form but that has a subject of its own and no
# auxiliary heads a clause in the present tense ("Derby host Bristol on Saturday": a
# fixture ahead) or the subjunctive of a demand ("demanded that the army withdraw
# by Friday"): the day lies ahead, not behind.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Leeds, fourth with 40 points, visit Hull on March 30, while Derby host Bristol on Saturday.", MON,
     [("March 30", "DATE", "2013-03-30"), ("Saturday", "DATE", "2013-03-23")]),
    ("The rebels demanded that the army withdraw by Friday.", MON, [("Friday", "DATE", "2013-03-22")]),
    ("The Dodgers play the Giants on Friday.", MON, [("Friday", "DATE", "2013-03-22")]),  # guard
])
def test_base_form_with_a_subject(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- sixth round: expected, in the past, to happen
# A verb of scheduling in the simple past with an infinitive ("crews expected to
# reopen the bridge by Monday", "planned to resume flights on Tuesday") tells of
# an expectation still held: what it expects lies ahead. Another past verb with an
# infinitive ("tried to storm the building on Tuesday") keeps the day behind.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Repair crews expected to reopen the bridge by Monday.", date(2013, 3, 22), [("Monday", "DATE", "2013-03-25")]),
    ("The airline planned to resume flights on Tuesday, a spokeswoman said.", date(2013, 3, 22),
     [("Tuesday", "DATE", "2013-03-26")]),
    ("Protesters tried to storm the building on Tuesday.", date(2013, 3, 22),  # guard
     [("Tuesday", "DATE", "2013-03-19")]),
])
def test_expected_in_the_past_to_happen(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- sixth round: a time on the subject
# A time in a prepositional phrase on the subject ("a vote in May looked unlikely")
# dates the subject's own event, which a past verb does not place: the nearest such
# month, as for a noun inside a prepositional phrase.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The minister said a vote in May looked unlikely.", date(2015, 3, 18), [("May", "DATE", "2015-05")]),
    ("A rate rise in June seemed certain to economists.", date(2015, 3, 18), [("June", "DATE", "2015-06")]),
    ("Exports in February fell 3 percent.", date(2015, 3, 18), [("February", "DATE", "2015-02")]),  # guard
    ("Prices rose in May.", date(2015, 3, 18), [("May", "DATE", "2014-05")]),  # guard: on the verb
])
def test_time_on_the_subject(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- sixth round: "was due to" a plan still held
# "Was due to" with an infinitive, in the simple past, tells of a plan that still holds
# ("was due to land on Thursday": ahead); the pluperfect ("had been due to expire") may
# tell of one that lapsed, and "was due" with no infinitive of a deadline gone by.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The minister was due to arrive in Kyiv on Thursday.", MON, [("Thursday", "DATE", "2013-03-21")]),
    ("The envoy was due to meet rebel leaders on Wednesday.", MON, [("Wednesday", "DATE", "2013-03-20")]),
    ("The offer had been due to expire on Friday.", MON, [("Friday", "DATE", "2013-03-15")]),  # guard
    ("The rent was due on Friday.", MON, [("Friday", "DATE", "2013-03-15")]),  # guard
])
def test_was_due_to_a_plan_still_held(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- sixth round: a state that lasts until a day
# A future verb completed by an adjective ("will stay closed", "will remain shut") with
# the day as the far end of the state ("through Wednesday", "until Thursday") puts the
# day ahead; other adjectives still hold a state the verb does not date ("worth").
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The border crossing will remain closed until Thursday.", MON, [("Thursday", "DATE", "2013-03-21")]),
    ("Museums will stay shut through Sunday.", MON, [("Sunday", "DATE", "2013-03-24")]),
    ("The museum was closed until Thursday.", MON, [("Thursday", "DATE", "2013-03-14")]),  # guard
    # eighth round: a time the state holds on, under a future verb, is ahead too
    ("Schools in the county will stay closed on Thursday.", MON, [("Thursday", "DATE", "2013-03-21")]),
    ("The museum was closed on Thursday.", MON, [("Thursday", "DATE", "2013-03-14")]),  # guard
])
def test_state_until_a_day(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- seventh round: a date after "since"
# A date after "since" is the start of a span of comparison ("the first drop since
# October 2009"): anaphora ("a month earlier", "two days later") go on counting from
# the period the text named before it.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Exports fell in June, the first fall since March 2009. They had risen a month earlier.", AUG,
     [("June", "DATE", "2013-06"), ("March 2009", "DATE", "2009-03"), ("a month earlier", "DATE", "2013-05")]),
    ("The index slid on Friday to its lowest close since Jan. 3, 2012. Two days later it recovered.", MON,
     [("Friday", "DATE", "2013-03-15"), ("Jan. 3, 2012", "DATE", "2012-01-03"),
      ("Two days later", "DATE", "2013-03-17")]),
])
def test_since_starts_a_span_of_comparison(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- seventh round: a scheduled simple present
# A simple present of an event verb with "in <month/season>" right under it tells of
# what is scheduled ("takes office in January", "retires in the autumn"): the coming
# one, not the nearest. A past verb, or a month reached through a noun, is left alone.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The seat stays empty until the new governor takes office in January.", MON, [("January", "DATE", "2014-01")]),
    ("The chairman, who retires in the autumn, declined to comment.", date(2013, 1, 9), [("the autumn", "DATE", "2013-FA")]),
    ("The new governor took office in January.", MON, [("January", "DATE", "2013-01")]),  # guard: past
    ("The firm, under a June accord, is selling assets.", NOV, [("June", "DATE", "2013-06")]),  # guard: noun
])
def test_scheduled_simple_present(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- seventh round: a plan told in the past passive
# "was expected to", "were scheduled to" before an infinitive tell of a plan that still
# holds, as the active "crews expected to" does: the day is ahead. The pluperfect
# ("had been scheduled to") may have lapsed, and is left either side.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Officials said the storm was expected to reach the coast on Thursday.", MON, [("Thursday", "DATE", "2013-03-21")]),
    ("The two sides were scheduled to meet again Friday.", MON, [("Friday", "DATE", "2013-03-22")]),
    ("The two sides had been scheduled to meet on Friday.", MON, [("Friday", "DATE", "2013-03-15")]),  # guard
])
def test_plan_in_the_past_passive(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- seventh round: "as soon as <day>"
# "as soon as" before a day names the earliest a coming event may happen, even when a
# past verb reports it; without it the past verb still looks back.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The minister said the bridge was ready to reopen as soon as Thursday.", MON, [("Thursday", "DATE", "2013-03-21")]),
    ("The envoy said the talks were ready to start as soon as Friday.", MON, [("Friday", "DATE", "2013-03-22")]),
    ("The minister said the bridge reopened on Thursday.", MON, [("Thursday", "DATE", "2013-03-14")]),  # guard
])
def test_as_soon_as_a_day(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eighth round: set for, put off until
# A verb of scheduling ("set for", "scheduled for", "called for") or of putting off
# ("postponed until", "adjourned to", "delayed until"), right above the preposition before
# the expression, fixes a time still ahead, in any tense but the pluperfect
# (core/data/timex_schedule_prepositions.csv). The same verbs with other prepositions
# date the scheduling itself, and are left alone.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Presidential elections are set for October.", MON, [("October", "DATE", "2013-10")]),
    ("The hearing was scheduled for Friday.", MON, [("Friday", "DATE", "2013-03-22")]),
    ("The court adjourned the trial until Thursday.", MON, [("Thursday", "DATE", "2013-03-21")]),
    ("The referendum was postponed to November.", MON, [("November", "DATE", "2013-11")]),
    ("The judge set a new trial date for October.", MON, [("October", "DATE", "2013-10")]),
    ("The Games were postponed in October.", MON, [("October", "DATE", "2012-10")]),  # guard: when put off
    ("A record set in October still stands.", MON, [("October", "DATE", "2012-10")]),  # guard: "set in"
    ("The vote had been set for Friday.", MON, [("Friday", "DATE", "2013-03-15")]),  # guard: pluperfect
    # (round 21) through an adverb of the putting off, or "until after"
    ("The rocket launch was pushed back to Friday.", MON, [("Friday", "DATE", "2013-03-22")]),
    ("Parliament's vote on the budget was delayed until after Easter.", MON, [("Easter", "DATE", "2013-03-31")]),
    ("The strike went on until after Easter.", MON, [("Easter", "DATE", "2012-04-08")]),  # guard: no putting off
])
def test_scheduled_for_or_put_off_until(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eighth round: "the decade" the text named
# After a decade or a century has been named, "the decade", "the end of the century"
# told in the past or present are that one; only a future or modal verb makes them the
# current one ("must fall by the end of the decade").
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The mill opened in the 1950s. By the end of the decade, it employed 900 people.", MON,
     [("the 1950s", "DATE", "195"), ("the end of the decade", "DATE", "195")]),
    ("Rents soared in the 1990s, and the decade closed with a crash.", MON,
     [("the 1990s", "DATE", "199"), ("the decade", "DATE", "199")]),
    ("The port was built in the 18th century. By the end of the century, it was silting up.", MON,
     [("the 18th century", "DATE", "17"), ("the end of the century", "DATE", "17")]),
    ("Output doubled in the 1980s. It must double again by the end of the decade.", MON,  # guard: modal
     [("the 1980s", "DATE", "198"), ("the end of the decade", "DATE", "201")]),
    ("Coal use must halve by the end of the decade.", MON, [("the end of the decade", "DATE", "201")]),  # guard
])
def test_the_decade_the_text_named(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eighth round: participles as prepositions
# A present participle working as a preposition ("including a fall on Friday",
# "following a clash on Saturday") has no tense of its own: the verb above it dates the
# day. "starting", "beginning" name when a measure begins, and still look ahead
# (core/data/timex_schedule_words.csv).
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Shares had lost 4 percent last week, including a sharp fall on Friday.", MON,
     [("last week", "DATE", "2013-W11"), ("Friday", "DATE", "2013-03-15")]),
    ("The talks opened in Geneva on Monday, following a clash on Saturday.", MON,
     [("Monday", "DATE", "2013-03-18"), ("Saturday", "DATE", "2013-03-16")]),
    ("The governor told residents to stay indoors for a week starting Monday.", date(2013, 3, 16),
     [("a week", "DURATION", "P1W"), ("Monday", "DATE", "2013-03-18")]),  # guard
])
def test_participle_as_preposition(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eighth round: a superlative and a month
# "the first vote in 20 years": "in" after a noun a superlative picks out is a span looked
# back over, whatever the tense. A month or season there is no span: the verb dates it.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The probe will make its closest pass by Mars in October.", NOV, [("October", "DATE", "2014-10")]),
    ("The singer won her first award at a festival in September.", AUG, [("September", "DATE", "2012-09")]),
    ("It was the first such vote in 20 years.", MON, [("20 years", "DURATION", "P20Y")]),  # guard
])
def test_superlative_before_a_month(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eighth round: a superlative through a relative
# "the most destructive storm to hit the coast in 70 years", "the largest crowd seen in a
# decade": the superlative is on the noun the verb describes; the count after "in" is a
# span looked back over, even under a modal, not a point ahead. Without one it stays ahead.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Forecasters say it could be the most damaging flood to reach the town in more than 60 years.", MON,
     [("more than 60 years", "DURATION", "P60Y")]),
    ("It may be the heaviest snowfall to hit the city in 40 years.", MON, [("40 years", "DURATION", "P40Y")]),
    ("The flood will reach the town in two days.", MON, [("two days", "DATE", "2013-03-20")]),  # guard
])
def test_superlative_on_the_noun_a_verb_describes(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eighth round: a clock time on a day named after it
# A clock time with no day of its own, and none named before it in its sentence, is on the
# day its sentence names after it with "on" ("erupted at 11:40 a.m. (0540 GMT) on Sunday");
# a day after "through", "until", "by" or a verb of saying names another time.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The volcano erupted at 11:40 a.m. local time (0540 GMT) on Sunday, officials said.", MON,
     [("11:40 a.m. local time", "TIME", "2013-03-17T11:40"), ("0540 GMT", "TIME", "2013-03-17T05:40Z"),
      ("Sunday", "DATE", "2013-03-17")]),
    ("Polling stations will close at 8 p.m. across the country on Thursday.", MON,
     [("8 p.m.", "TIME", "2013-03-21T20:00"), ("Thursday", "DATE", "2013-03-21")]),
    ("The bridge shut at 6 p.m. and will stay shut through Wednesday.", MON,  # guard
     [("6 p.m.", "TIME", "2013-03-18T18:00"), ("Wednesday", "DATE", "2013-03-20")]),
])
def test_clock_time_on_a_day_named_after(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eighth round: an evening on the day told of
# A bare clock time from noon on, told in the past, with no day in its sentence, is on the
# last day the text named in the week before the document date (a report filed the
# morning after); a morning time is the report's own morning, on the document date.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The cup final was played on Saturday. It kicked off at 7:45 p.m. in heavy rain.", MON,
     [("Saturday", "DATE", "2013-03-16"), ("7:45 p.m.", "TIME", "2013-03-16T19:45")]),
    ("The ferry sank on Sunday. The last distress call came at 2100 GMT.", MON,
     [("Sunday", "DATE", "2013-03-17"), ("2100 GMT", "TIME", "2013-03-17T21:00Z")]),
    ("The storm made landfall on Sunday. Power failed at about 4 a.m.", MON,  # guard: morning
     [("Sunday", "DATE", "2013-03-17"), ("about 4 a.m.", "TIME", "2013-03-18T04:00")]),
    ("Talks ended on Sunday. The next round begins at 3 p.m.", MON,  # guard: not past
     [("Sunday", "DATE", "2013-03-17"), ("3 p.m.", "TIME", "2013-03-18T15:00")]),
])
def test_evening_on_the_day_told_of(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eighth round: "effective", "payable"
# "effective Thursday", "payable Jan. 2" name when a change or a payment is due: ahead of
# the document date, like "due" (core/data/timex_schedule_words.csv); "was effective", with
# a past verb completing it, may lie either side.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The bank raised its base rate to 2 percent, effective Thursday.", MON, [("Thursday", "DATE", "2013-03-21")]),
    ("The board declared a dividend of 10 cents, payable June 3.", NOV, [("June 3", "DATE", "2014-06-03")]),
    ("Under a new contract effective May 1, nurses get a 4 percent raise.", NOV, [("May 1", "DATE", "2014-05-01")]),
])
def test_effective_and_payable_look_ahead(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eighth round: a month of habit
# A bare month or season under a present-tense verb that an adverb of habit modifies
# ("usually", "typically": core/data/timex_habitual_adverbs.txt) is any year's: XXXX-MM.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Hay fever usually peaks in June.", MON, [("June", "DATE", "XXXX-06")]),
    ("The monsoon rains typically arrive in the summer.", MON, [("the summer", "DATE", "XXXX-SU")]),
    ("Hay fever peaked in June.", MON, [("June", "DATE", "2012-06")]),  # guard: an event, not a habit
])
def test_month_of_habit(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- ninth round: "today" and "tomorrow" as an age
# "today's world", "the leaders of tomorrow": the present age and the one to come, TimeML's
# PRESENT_REF and FUTURE_REF, not a calendar day (nouns of an age: core/data/timex_generic_nouns.txt);
# the day's own business ("today's vote", "by the end of today") keeps the day.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("In today's world, few people write letters by hand.", MON, [("today", "DATE", "PRESENT_REF")]),
    ("Today's young people watch less television.", MON, [("Today", "DATE", "PRESENT_REF")]),
    ("The academy trains the leaders of tomorrow.", MON, [("tomorrow", "DATE", "FUTURE_REF")]),
    ("Tomorrow's cities will run on solar power.", MON, [("Tomorrow", "DATE", "FUTURE_REF")]),
    ("Today's vote in the senate was close.", MON, [("Today", "DATE", "2013-03-18")]),
    ("Tomorrow's papers will carry the story.", MON, [("Tomorrow", "DATE", "2013-03-19")]),
    ("The shop stays open until the end of today.", MON, [("the end of today", "DATE", "2013-03-18")]),
    ("The minister spoke today about the world economy.", MON, [("today", "DATE", "2013-03-18")]),
    # (round 21, the corpus sets) a place as it now is, and more nouns of an age
    ("Nobody wants a neutral Austria to become today's Ukraine.", MON, [("today", "DATE", "PRESENT_REF")]),
    ("Diplomacy has to work in today's reality.", MON, [("today", "DATE", "PRESENT_REF")]),
    ("Today's Geneva talks ended early.", MON, [("Today", "DATE", "2013-03-18")]),  # guard: the talks' day
])
def test_today_and_tomorrow_as_an_age(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# Seventeenth round: "today" set against the same predicate in the past ("is higher today than
# it was", "looks nothing like it did") or dating a present progressive that goes on "still"
# names the present age (PRESENT_REF); a comparison with a forecast, a simple present with
# "still", a past verb and a present progressive without "still" keep the day.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Rents are far higher today than they were when the mill closed.", MON, [("today", "DATE", "PRESENT_REF")]),
    ("The port today looks nothing like it did in the 1970s.", MON,
     [("today", "DATE", "PRESENT_REF"), ("the 1970s", "DATE", "197")]),
    ("The old probe is still sending data today.", MON, [("today", "DATE", "PRESENT_REF")]),
    ("Prices are higher today than traders expected.", MON, [("today", "DATE", "2013-03-18")]),  # guard
    ("Today it still feels like a dream.", MON, [("Today", "DATE", "2013-03-18")]),  # guard
    ("Crews are clearing the roads today.", MON, [("today", "DATE", "2013-03-18")]),  # guard
    ("The mayor said today that the bridge is still closed.", MON, [("today", "DATE", "2013-03-18")]),  # guard
])
def test_today_as_the_present_age(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- ninth round: the future as what is spoken of
# "the future of the region", "the future looks bleak": prospects, the thing a sentence
# speaks of, not a time when something happens; "in the future", "worried about the
# future" stay FUTURE_REF.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The talks will shape the future of the region.", MON, []),
    ("The future looks bleak for the mill town.", MON, []),
    ("Farmers say the future is uncertain.", MON, []),
    ("Farmers are worried about the future.", MON, [("the future", "DATE", "FUTURE_REF")]),
    ("Prices will fall in the future, analysts said.", MON, [("the future", "DATE", "FUTURE_REF")]),
    ("What happens in the future is unclear.", MON, [("the future", "DATE", "FUTURE_REF")]),
    ("The plant will close in the near future.", MON, [("the near future", "DATE", "FUTURE_REF")]),
])
def test_the_future_spoken_of(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- ninth round: an infinitive planned now
# Under a present-tense verb of plan or intent, an infinitive that the expression dates
# itself ("is going to close the plant in March") tells of what lies ahead: a year-less
# month, season or quarter is the coming one, not the nearest. A period a noun under the
# infinitive covers ("to report a loss for the second quarter"), a month on a noun ("under
# a March agreement") and an infinitive under a past verb ("promised to ...") are unchanged.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The company is going to close the plant in March.", AUG, [("March", "DATE", "2014-03")]),
    ("The ministry plans to publish the figures in February.", AUG, [("February", "DATE", "2014-02")]),
    ("The club hopes to open its new stadium in the spring.", AUG, [("the spring", "DATE", "2014-SP")]),
    ("The airline wants to resume flights in the first quarter.", AUG, [("the first quarter", "DATE", "2014-Q1")]),
    ("The company expects to report a loss for the second quarter.", AUG, [("the second quarter", "DATE", "2013-Q2")]),
    ("The firm is trying to sell itself under a March agreement.", AUG, [("March", "DATE", "2013-03")]),
    ("The minister promised to finish the road in March.", AUG, [("March", "DATE", "2013-03")]),
    ("The firm closed the plant in March.", AUG, [("March", "DATE", "2013-03")]),
])
def test_infinitive_planned_now_lies_ahead(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- ninth round: the quarter a day closes
# "the quarter ended July 31", with no quarter named before it, is the calendar quarter
# most of its three months fall in (May to July: the second), not the last quarter over;
# once the text has named a quarter (a fiscal "first quarter"), TimeBank keeps that one.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The chain lost money in the quarter ended July 31.", NOV,
     [("the quarter", "DATE", "2013-Q2"), ("July 31", "DATE", "2013-07-31")]),
    ("For the quarter ending June 30, the lender posted a small profit.", NOV,
     [("the quarter", "DATE", "2013-Q2"), ("June 30", "DATE", "2013-06-30")]),
    ("The brewer made $9 million in the quarter ended Sept. 30.", NOV,
     [("the quarter", "DATE", "2013-Q3"), ("Sept. 30", "DATE", "2013-09-30")]),
    ("The group reported a loss in the fiscal first quarter. In the quarter ended Sept. 30, sales fell.", NOV,
     [("the fiscal first quarter", "DATE", "2013-Q1"), ("the quarter", "DATE", "2013-Q1"),
      ("Sept. 30", "DATE", "2013-09-30")]),
    ("In the three months ended Sept. 30, sales fell.", NOV,
     [("the three months", "DURATION", "P3M"), ("Sept. 30", "DATE", "2013-09-30")]),
])
def test_the_quarter_a_day_closes(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- tenth round: a day named after, on another verb
# A day named later in the sentence dates a bare clock time only when both date the same
# event: "at 5 a.m., hours after scouts had landed on Sunday evening" names the scouts'
# day, not the crossing's; the clock time then falls back on the document date (a morning)
# or on the day the text is telling of (an evening).
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Troops crossed the river at 5 a.m., hours after scouts had landed on Sunday evening.", MON,
     [("5 a.m.", "TIME", "2013-03-18T05:00"), ("hours", "DURATION", "PTXH"),  # "hours" since the seventeenth round
      ("Sunday evening", "TIME", "2013-03-17TEV")]),
    ("The concert opened on Sunday. It began at 8 p.m. in the old arena, where the band had first played on March 2.", MON,
     [("Sunday", "DATE", "2013-03-17"), ("8 p.m.", "TIME", "2013-03-17T20:00"), ("March 2", "DATE", "2013-03-02")]),
    ("The ferry docked at 7:15 a.m. on Saturday after a rough crossing.", MON,  # guard: the same event's day
     [("7:15 a.m. on Saturday", "TIME", "2013-03-16T07:15")]),
])
def test_day_named_after_on_another_verb(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- tenth round: the hours of a day already told
# Once the text tells a day by the clock or by its part ("at 1:10 a.m. on Sunday", "Saturday
# morning"), a later bare clock time of that day, told in the past, is on the same day,
# morning or not; a time earlier than the one told (after "10 p.m. on Sunday", "4 a.m.") has
# moved on to another day, and a day named only as a date leaves a morning on the document date.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The network called the race at 1:10 a.m. on Sunday. The loser conceded before 2 a.m.", MON,
     [("1:10 a.m. on Sunday", "TIME", "2013-03-17T01:10"), ("2 a.m.", "TIME", "2013-03-17T02:00")]),
    ("The train left the capital on Saturday morning. It derailed at 9 a.m. near the border.", MON,
     [("Saturday morning", "TIME", "2013-03-16TMO"), ("9 a.m.", "TIME", "2013-03-16T09:00")]),
    ("The fire started at 10 p.m. on Sunday. Crews put it out at 4 a.m.", MON,  # guard: an earlier hour
     [("10 p.m. on Sunday", "TIME", "2013-03-17T22:00"), ("4 a.m.", "TIME", "2013-03-18T04:00")]),
    ("The blaze began on Sunday night. Crews put it out at 4 a.m.", MON,  # guard: before the night
     [("Sunday night", "TIME", "2013-03-17TNI"), ("4 a.m.", "TIME", "2013-03-18T04:00")]),
])
def test_hours_of_a_day_already_told(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- tenth round: a clock time's zone
# The zone after a clock time belongs to the time expression, whichever zone it is
# (core/data/timex_time_zones.csv): an abbreviation ("CDT", "PST"), after a clock of four
# figures too ("1830 EDT"), or a zone name before "time" ("Pacific time", "local time"); a day
# after the zone joins it as after "EST". Greenwich time is written as UTC (Z); other zones
# carry their offset (round 21: "EST" -05:00; a zone named by place, "Pacific time", the
# offset of its rules on that day, summer time from March 10 in 2013).
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The levee broke at 4:20 a.m. CDT Sunday, the Corps of Engineers said.", MON,
     [("4:20 a.m. CDT Sunday", "TIME", "2013-03-17T04:20-05:00")]),
    ("The launch was scrubbed at 3:05 p.m. Pacific time yesterday.", MON,
     [("3:05 p.m. Pacific time yesterday", "TIME", "2013-03-17T15:05-07:00")]),
    ("Officers raided the compound at 0445 local time on Friday.", MON,
     [("0445 local time on Friday", "TIME", "2013-03-15T04:45")]),
    ("The president spoke at 1830 EDT on Saturday.", MON,
     [("1830 EDT on Saturday", "TIME", "2013-03-16T18:30-04:00")]),
    ("The ship sank at 2210 GMT on Saturday.", MON,  # guard: Greenwich time is UTC
     [("2210 GMT on Saturday", "TIME", "2013-03-16T22:10Z")]),
])
def test_clock_time_zone(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-first round: zone offsets
# Every blind-annotated set writes the zone's offset after a clock time (56 of the 63 zoned
# clock times of the dev sets). A zone whose letters say standard or summer time has a fixed offset; a zone
# named by place follows that place's rules on the day named; "local time" names no zone.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Polls in the state closed at 8 p.m. Eastern time on Tuesday.", NOV,
     [("8 p.m. Eastern time on Tuesday", "TIME", "2013-11-05T20:00-05:00")]),
    ("Polls in the state closed at 8 p.m. Eastern time on Tuesday.", AUG,
     [("8 p.m. Eastern time on Tuesday", "TIME", "2013-08-20T20:00-04:00")]),
    ("The shelling began at 4 a.m. Kyiv time.", date(2022, 2, 24),
     [("4 a.m. Kyiv time", "TIME", "2022-02-24T04:00+02:00")]),
    ("The sirens sounded at 4 a.m. Kyiv time.", date(2022, 7, 1),
     [("4 a.m. Kyiv time", "TIME", "2022-07-01T04:00+03:00")]),
    ("The talks opened at 10 A.M. EET.", date(2022, 3, 11),
     [("10 A.M. EET", "TIME", "2022-03-11T10:00+02:00")]),
    ("The quake struck at 2:46 p.m. Tokyo time.", date(2011, 3, 11),
     [("2:46 p.m. Tokyo time", "TIME", "2011-03-11T14:46+09:00")]),
    ("The market closed at 4 p.m. ET.", AUG, [("4 p.m. ET", "TIME", "2013-08-20T16:00-04:00")]),
    ("The text is embargoed until 2:15 p.m. Central European Time.", date(2022, 3, 24),
     [("2:15 p.m. Central European Time", "TIME", "2022-03-24T14:15+01:00")]),
    ("The curfew starts at 9 p.m. local time.", MON,  # guard: no zone named
     [("9 p.m. local time", "TIME", "2013-03-18T21:00")]),
    ("The curfew starts at 9 p.m.", MON, [("9 p.m.", "TIME", "2013-03-18T21:00")]),  # guard: no zone
])
def test_clock_time_zone_offset(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-first round: "hours ago"
# "N hours/minutes ago" is a time counted back from the clock time last named on the
# document's own day (a transcript's opening stamp), at the expression's granularity; with no
# such time it is some time back (PAST_REF), not a span. "a couple of" counts two.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("9:40 A.M. EST\n\nMR. SMITH: The governor asked for help a couple of hours ago.", date(2021, 12, 11),
     [("9:40 A.M. EST", "TIME", "2021-12-11T09:40-05:00"), ("a couple of hours ago", "TIME", "2021-12-11T07")]),
    ("11:02 A.M. EST\n\nMS. JONES: We heard from them 20 minutes ago.", date(2021, 12, 11),
     [("11:02 A.M. EST", "TIME", "2021-12-11T11:02-05:00"), ("20 minutes ago", "TIME", "2021-12-11T10:42")]),
    ("The ferry sank three hours ago.", MON, [("three hours ago", "DATE", "PAST_REF")]),
    ("The ministers spoke a couple of days ago.", MON, [("a couple of days ago", "DATE", "2013-03-16")]),
    ("The ministers spoke several days ago.", MON, [("several days ago", "DATE", "PAST_REF")]),  # guard
])
def test_hours_ago(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-first round: any night, "presently"
# "at night" under a simple present tells of any night (a habit), not the document's;
# "presently" is "currently".
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("In the camps the temperature drops below zero at night.", MON, [("night", "TIME", "XXXX-XX-XXTNI")]),
    ("The guards patrol the border at night.", MON, [("night", "TIME", "XXXX-XX-XXTNI")]),
    ("The convoy will cross the border at night.", MON, [("night", "TIME", "2013-03-18TNI")]),  # guard
    ("Both navies are presently holding drills in the sea.", MON, [("presently", "DATE", "PRESENT_REF")]),
])
def test_any_night_and_presently(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-first round: the rest of a model entity
# A model entity that runs from a time the rules read, past "to"/"until"/"and", to one they did
# not ("extended last year to 2036") keeps that other time; a hyphenated compound does not split.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The gas contracts were extended last year to 2036.", MON, [("last year", "DATE", "2012"), ("2036", "DATE", "2036")]),
    ('"I called every 10 minutes until morning," he said.', MON,
     [("every 10 minutes", "SET", "PT10M"), ("morning", "TIME", "2013-03-18TMO")]),
    ("Stocks were weak in the autumn-winter period.", MON, [("the autumn", "DATE", "2012-FA")]),  # guard
])
def test_rest_of_a_model_entity(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-first round: holidays of the corpus, idioms of the past
# Russian and Ukrainian state days the corpus dates by, under their full names, and "the other
# day", "moments ago", bare "hours ago": some time back (PAST_REF).
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Crowds gathered in Moscow to mark National Unity Day.", date(2021, 11, 4),
     [("National Unity Day", "DATE", "2021-11-04")]),
    ("Cadets were decorated on the Day of the Armed Forces of Ukraine.", date(2021, 12, 7),
     [("Day of the Armed Forces of Ukraine", "DATE", "2021-12-06")]),
    ("He laid flowers on the Day of Remembrance of the Heroes of Kruty.", date(2022, 1, 29),
     [("Day of Remembrance of the Heroes of Kruty", "DATE", "2022-01-29")]),
    ("The commission met in Athens the other day.", MON, [("the other day", "DATE", "PAST_REF")]),
    ("Moments ago, the minister left the building.", MON, [("Moments ago", "DATE", "PAST_REF")]),
    ("The ceasefire collapsed just hours ago.", MON, [("hours ago", "DATE", "PAST_REF")]),
    ("The ceasefire collapsed 20 years ago.", MON, [("20 years ago", "DATE", "1993")]),  # guard
])
def test_corpus_holidays_and_idioms_of_the_past(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-first round: "on the 12th"
# A day of the month said alone after "on" (spoken briefings: "a council meeting on the 12th")
# takes the month of a day its sentence named, else the nearer such day to the document date
# (behind it after a past verb, ahead after a present or future one); "on the 12th floor",
# "on the 5th anniversary" and "on the 18th day" are no days of the month.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The allies will gather in Brussels on the 9th, and the council meets on the 12th.", date(2021, 12, 29),
     [("the 9th", "DATE", "2022-01-09"), ("the 12th", "DATE", "2022-01-12")]),
    ("Talks opened on November 3 and broke up on the 9th.", MON,
     [("November 3", "DATE", "2012-11-03"), ("the 9th", "DATE", "2012-11-09")]),
    ("The budget vote took place on the 5th.", MON, [("the 5th", "DATE", "2013-03-05")]),
    ("The ministers will meet again on the 2nd.", MON, [("the 2nd", "DATE", "2013-04-02")]),
    ("Her office is on the 12th floor.", MON, []),  # guard
    ("They marked it on the 5th anniversary of the flood.", MON, []),  # guard
    ("The town fell on the 18th day of the siege.", MON, [("the 18th day", "DATE", "XXXX-XX-XX")]),  # guard
])
def test_day_of_the_month_said_alone(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-second round: "overnight" as "all at once"
# "overnight" whose verb is negated, under "can", or an infinitive an adjective of ease
# governs tells how fast, not of a night; the night of a report or a forecast stays.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Nobody believes the dispute can be settled overnight.", MON, []),
    ("A reform of this size does not happen overnight.", MON, []),
    ("It would be difficult to rebuild the bridge overnight.", MON, []),
    ("Rescuers pulled two more survivors from the rubble overnight.", MON, [("overnight", "TIME", "2013-03-17TNI")]),  # guard
    ("Forecasters said the storm would strengthen overnight.", MON, [("overnight", "TIME", "2013-03-18TNI")]),  # guard
])
def test_overnight_as_all_at_once(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-second round: a first stretch, "to this day"
# "(his) first year", "her first 100 days": the opening stretch of a term is as long as it counts
# (a first day is the day itself, a date, as "the first day" is); "to this day" is still, now.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The governor spent his first year in office fighting the legislature.", MON, [("his first year", "DURATION", "P1Y")]),
    ("Her first 100 days were dominated by the budget.", MON, [("Her first 100 days", "DURATION", "P100D")]),
    ("He proposed the bill in his first day in office.", MON, [("his first day", "DATE", "XXXX-XX-XX")]),  # a day, kept
    ("To this day, the families have had no answer.", MON, [("this day", "DATE", "PRESENT_REF")]),
    ("On this day the town remembers its dead.", MON, [("this day", "DATE", "2013-03-18")]),  # guard
])
def test_first_stretch_and_to_this_day(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-second round: "today" on a lasting state
# A "today" on a simple present of a lasting state (core/data/timex_state_verbs.txt), or set
# against all the past ("than ever"), names the present age; a day's doings keep the day.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Today, Norway supplies a quarter of the bloc's gas.", MON, [("Today", "DATE", "PRESENT_REF")]),
    ("That promise remains valid today.", MON, [("today", "DATE", "PRESENT_REF")]),
    ("The harbour today depends on tourism.", MON, [("today", "DATE", "PRESENT_REF")]),
    ("The alliance today is more united than ever.", MON, [("today", "DATE", "PRESENT_REF")]),
    ("Today the mayor opens the new bridge.", MON, [("Today", "DATE", "2013-03-18")]),  # guard
    ("The mayor received the award today.", MON, [("today", "DATE", "2013-03-18")]),  # guard: a past verb
    ("The harbour will receive two ships today.", MON, [("today", "DATE", "2013-03-18")]),  # guard: an auxiliary
])
def test_today_on_a_lasting_state(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-second round: a rate after a quantity
# "a year", "per day" right after a noun phrase that counts something is a rate (SET), not a span;
# "for a month", "a week before the vote", "Friday, a day after" stay spans.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The pipeline carries 30 billion cubic metres of gas a year to Italy.", MON, [("a year", "SET", "P1Y")]),
    ("The mine once produced 400 tonnes of ore a day.", MON, [("a day", "SET", "P1D")]),
    ("The crew rested for a month before the second leg.", MON, [("a month", "DURATION", "P1M")]),  # guard
    ("The flood cut off 12 villages a week before the vote.", MON, [("a week", "DURATION", "P1W")]),  # guard
])
def test_rate_after_a_quantity(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-second round: spoken clocks, fractions of a century
# A clock read aloud ("four o'clock in the morning", "six in the evening", with its zone); a
# quarter or half of a century is 25 or 50 years (not "its quarter-century low", an adjective).
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The first explosions came at four o'clock in the morning.", MON,
     [("four o'clock in the morning", "TIME", "2013-03-18T04:00")]),
    ("The ferry leaves at six in the evening.", MON, [("six in the evening", "TIME", "2013-03-18T18:00")]),
    ("Flights resume at 9 in the morning Eastern time.", MON,
     [("9 in the morning Eastern time", "TIME", "2013-03-18T09:00-04:00")]),
    ("The euro jumped above $1.33 in the afternoon after the polls.", MON,  # guard: a price
     [("the afternoon", "TIME", "2013-03-18TAF")]),
    ("Over the past quarter of a century the town doubled in size.", MON,
     [("the past quarter of a century", "DURATION", "P25Y")]),
    ("The border stayed shut for half a century.", MON, [("half a century", "DURATION", "P50Y")]),
    ("Jobless claims fell to a quarter-century low.", MON, []),  # guard: an adjective
])
def test_spoken_clock_and_fractions_of_a_century(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-second round: "over the years", "the year" in apposition
# "over the years", "in the days following the vote": units of no count; "the year", "the month",
# "the day" set off by a comma right after a period of that size retell it.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The two clubs have met often over the years.", MON, [("the years", "DURATION", "PXY")]),
    ("In the days following the vote, protests spread.", MON, [("the days", "DURATION", "PXD")]),
    ("The old clock counted down the seconds.", MON, []),  # guard
    ("The treaty dates from 1997, the year the two sides signed it.", MON,
     [("1997", "DATE", "1997"), ("the year", "DATE", "1997")]),
    ("They met in July, the month after the summit.", MON, [("July", "DATE", "2012-07"), ("the month", "DATE", "2012-07")]),
    ("The year began badly for the airline.", MON, [("The year", "DATE", "2013")]),  # guard
])
def test_years_of_no_count_and_a_period_retold(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-second round: counts, stretches ahead, days owned
# "a hundred years", "thousand-year" count; "years to come", "a number of months" are stretches
# of no count; "to this point" is until now; a day someone owns ("their day", "any dark days",
# "their worst day") is no time expression.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The dynasty ruled for a hundred years.", MON, [("a hundred years", "DURATION", "P100Y")]),
    ("Nothing in the thousand-year history of the city compares.", MON, [("thousand-year", "DURATION", "P1000Y")]),
    ("The sanctions will bite for years to come.", MON, [("years to come", "DURATION", "PXY")]),
    ("Repairs could take a number of months.", MON,  # (the model finds this one too)
     [("a number of months", "DURATION", "PXM")]),
    ("Talks have gone nowhere to this point.", MON, [("this point", "DATE", "PRESENT_REF")]),
    ("For the veterans, today is their day.", MON, [("today", "DATE", "2013-03-18")]),
    ("The town will come through any dark days.", MON, []),  # (the model leaves this one)
])
def test_counts_stretches_and_days_owned(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-second round: "the day" as what a day is; the end of the day
# "the day" after "be" names what a day is, no day; "the end/rest of the day" is the day of the
# report, but "At the end of the day," opening a sentence is "in the end".
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Voters know that Sunday will be the day of reckoning.", MON, [("Sunday", "DATE", "2013-03-24")]),
    ("Bids must arrive by the end of the day.", MON, [("the end of the day", "DATE", "2013-03-18")]),
    ("Staff will answer calls for the rest of the day.", MON, [("the rest of the day", "DATE", "2013-03-18")]),
    ("At the end of the day, the voters decide.", MON, []),
])
def test_day_as_a_predicate_and_end_of_the_day(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-second round: a while ago, Women's Day, comparisons with today
# "some time ago", "a short while ago", "not long ago" are PAST_REF; International Women's Day is
# 8 March; "today" in "than we are today" or set against "than I have been" is the present age;
# "these years" are years of no count; "countless hours" a vague length; "not be able to ...
# overnight" is "all at once".
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The plant was sold some time ago.", MON, [("some time ago", "DATE", "PAST_REF")]),
    ("Not long ago, this square was a car park.", MON, [("Not long ago", "DATE", "PAST_REF")]),
    ("Flowers sold out before International Women's Day.", date(2013, 3, 5),
     [("International Women's Day", "DATE", "2013-03-08")]),
    ("Our schools will be better in ten years than they are today.", MON,
     [("ten years", "DATE", "2023"), ("today", "DATE", "PRESENT_REF")]),
    ("Investors are calmer today than they have been in months.", MON,
     [("today", "DATE", "PRESENT_REF"), ("months", "DURATION", "PXM")]),
    ("Thousands fled the valley over these years.", MON, [("these years", "DURATION", "PXY")]),
    ("The crew spent countless hours at sea.", MON, [("countless hours", "DURATION", "PTXH")]),
    ("The airline will not be able to replace its fleet overnight.", MON, []),
    ('"But today it still feels like the sky has fallen."', MON, [("today", "DATE", "2013-03-18")]),  # guard
])
def test_while_ago_womens_day_and_today_compared(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-second round: the week of a day, every single day
# "the week of July 9", "the week of the 13th": the ISO week that day falls in; "every single day"
# is every day; "a couple weeks" two; "from day one" a date; "throughout the day", "of the day"
# the day told of.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The Senate will take up the bill the week of April 8.", MON, [("the week of April 8", "DATE", "2013-W15")]),
    ("Every single day, the ferry crosses twice.", MON, [("Every single day", "SET", "P1D")]),
    ("The strike has lasted a couple weeks.", MON, [("a couple weeks", "DURATION", "P2W")]),
    ("The mayor opposed the plan from day one.", MON, [("day one", "DATE", "XXXX-XX-XX")]),
    ("Her last meeting of the day was with the unions.", MON, [("the day", "DATE", "2013-03-18")]),
    ("On Friday the rescuers dug throughout the day.", MON,
     [("Friday", "DATE", "2013-03-15"), ("the day", "DATE", "2013-03-15")]),
])
def test_week_of_a_day_and_every_single_day(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


def test_every_zone_offset_is_well_formed() -> None:
    """Each zone's offset in core/data/timex_time_zones.csv is "Z", a fixed ISO 8601 offset,
    an IANA zone the tzdata package knows, or empty ("local time")."""
    import re
    from zoneinfo import ZoneInfo

    from core.extract.timex.lexicon import ZONE_OFFSETS

    assert {"est", "gmt", "eastern", "kyiv", "local"} <= set(ZONE_OFFSETS)
    for zone, offset in ZONE_OFFSETS.items():
        if "/" in offset:
            ZoneInfo(offset)  # raises for a name tzdata does not know
        else:
            assert re.fullmatch(r"|Z|[+-](0\d|1[0-4]):[0-5]\d", offset), (zone, offset)


# ---------------------------------------------------------------- tenth round: a base form joined to a past verb
# "were closed Friday and reopen Wednesday": a base form joined by "and" to a past verb,
# with no auxiliary of its own, is not under that verb's past (that would be "reopened"):
# it is a present tense of its own, and a weekday it dates lies ahead. A future or modal
# auxiliary of the first verb still carries over ("will close Friday and reopen ...").
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Schools were closed Friday because of the storm and reopen Wednesday.", MON,
     [("Friday", "DATE", "2013-03-15"), ("Wednesday", "DATE", "2013-03-20")]),
    ("The two banks shut their branches on Friday and reopen them on Thursday.", MON,
     [("Friday", "DATE", "2013-03-15"), ("Thursday", "DATE", "2013-03-21")]),
    ("Workers shut the plant on Friday and walked out on Thursday.", MON,  # guard: both past
     [("Friday", "DATE", "2013-03-15"), ("Thursday", "DATE", "2013-03-14")]),
    ("Schools will close Friday and reopen Wednesday.", MON,  # guard: the future carries over
     [("Friday", "DATE", "2013-03-22"), ("Wednesday", "DATE", "2013-03-20")]),
])
def test_base_form_joined_to_a_past_verb(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- tenth round: a month or season "of that year"
# "in March of that year", "the spring of that year": one expression, the month or season of
# the year the text named before ("that year" counts from the last period named), not a
# year-less month placed from the document date beside a separate "that year".
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The dam was finished in 1962. Cracks appeared in March of that year.", MON,
     [("1962", "DATE", "1962"), ("March of that year", "DATE", "1962-03")]),
    ("The regime fell in 1989, and the border opened in the autumn of that year.", MON,
     [("1989", "DATE", "1989"), ("the autumn of that year", "DATE", "1989-FA")]),
    ("The regime fell in 1989. That year was hard for everyone.", MON,  # guard: "that year" alone
     [("1989", "DATE", "1989"), ("That year", "DATE", "1989")]),
    ("The dam was finished in 1962. Cracks appeared in March of 1963.", MON,  # guard: a year of its own
     [("1962", "DATE", "1962"), ("March of 1963", "DATE", "1963-03")]),
])
def test_month_of_that_year(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- tenth round: "for the coming week"
# After "for" (or "spend"), "the coming week" says how long, as "for the past week" does:
# a DURATION; without such a lead ("in the coming week") it stays the week ahead.
@pytest.mark.parametrize(("text", "context", "type_", "value"), [
    ("the coming week", {"prev_word": "for"}, "DURATION", "P1W"),
    ("the coming month", {"prev_word": "for"}, "DURATION", "P1M"),
    ("the coming week", {"prev_word": "in"}, "DATE", "2013-W12"),  # guard
    ("the past week", {"prev_word": "for"}, "DURATION", "P1W"),  # guard: as before
])
def test_for_the_coming_unit(text: str, context: dict, type_: str, value: str) -> None:
    assert _read(text, MON, context) == (type_, value)


# ---------------------------------------------------------------- tenth round: a month name in a person's name
# "Jan Egeland", "April Ryan": a month's name that the model reads as part of a person's
# name is no time expression; the month beside it in the same sentence still is.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The aid chief, Jan Egeland, said the appeal was short of funds.", MON, []),
    ("The reporter April Ryan asked about the April jobs report.", MON, [("April", "DATE", "2013-04")]),
    ("The vote took place on Jan. 5, and Jan Kowalski won it.", MON, [("Jan. 5", "DATE", "2013-01-05")]),
    ("Talks resume in June, the envoy said.", MON, [("June", "DATE", "2013-06")]),  # guard
])
def test_month_in_a_persons_name(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- tenth round: Earth Day
# Named days of the calendar are read from core/data/timex_holidays.csv: Earth Day is 22 April.
@pytest.mark.parametrize(("text", "dct", "context", "value"), [
    ("Earth Day", date(2010, 4, 25), P, "2010-04-22"),
    ("Earth Day", date(2010, 3, 1), F, "2010-04-22"),
])
def test_earth_day(text: str, dct: date, context: dict, value: str) -> None:
    assert _read(text, dct, context) == ("DATE", value)


# ---------------------------------------------------------------- tenth round: a clock time and a part of a day
# "at 9:30 this morning", "at 11:15 last night": one TIME, the clock time on the day that
# the part of the day names; a part of the day alone keeps its own value.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The exchange opened at 9:30 this morning.", MON, [("9:30 this morning", "TIME", "2013-03-18T09:30")]),
    ("The blast came at 11:15 last night.", MON, [("11:15 last night", "TIME", "2013-03-17T23:15")]),
    ("The exchange opened this morning.", MON, [("this morning", "TIME", "2013-03-18TMO")]),  # guard
])
def test_clock_time_and_part_of_day(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- tenth round: a quarter named by its months
# "the October-December quarter", "the April-June quarter": the calendar quarter those
# three months make, in the year the tense points to, as "the fourth quarter"; months
# that make no calendar quarter ("the November-January quarter") name no ordinal quarter.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Output shrank 2 percent in the October-December quarter.", MON,
     [("the October-December quarter", "DATE", "2012-Q4")]),
    ("Exports grew in the April-June quarter of 2011.", MON,
     [("the April-June quarter of 2011", "DATE", "2011-Q2")]),
    ("Output shrank 2 percent in the fourth quarter.", MON,  # guard
     [("the fourth quarter", "DATE", "2012-Q4")]),
    ("Sales rose in the November-January quarter.", MON,  # guard: no calendar quarter
     [("the November-January quarter", "DATE", "XXXX-XX-XX")]),
])
def test_quarter_named_by_its_months(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# Seventeenth round: "the April-June period" is the quarter its months open and close, as "the
# April-June quarter" is; months that make no calendar quarter stay two months, as before.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Output shrank 2 percent in the October-December period.", MON,
     [("the October-December period", "DATE", "2012-Q4")]),
    ("Exports grew in the January-March period of 2011.", MON,
     [("the January-March period of 2011", "DATE", "2011-Q1")]),
    ("Factory orders climbed in the July-September period.", NOV,
     [("the July-September period", "DATE", "2013-Q3")]),
    ("Rainfall will be low in the June-August period.", MON,  # guard: no calendar quarter
     [("June", "DATE", "2013-06"), ("August", "DATE", "2013-08")]),
])
def test_quarter_named_by_its_months_as_a_period(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- tenth round: a day of a year named by "last year"
# "on March 3 last year", "two weeks ago today": one expression for one day, the day of the
# month in the year "last/next year" names, or the day so many units back from the document
# date (not the week "two weeks ago" names); a later count ("two weeks later") counts from it.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The plant was flooded on March 3 last year.", MON, [("March 3 last year", "DATE", "2012-03-03")]),
    ("The plant was flooded on 3 March last year. Two weeks later it reopened.", MON,
     [("3 March last year", "DATE", "2012-03-03"), ("Two weeks later", "DATE", "2012-03-17")]),
    ("The treaty was signed two weeks ago today.", MON, [("two weeks ago today", "DATE", "2013-03-04")]),
    ("The treaty was signed two weeks ago.", MON, [("two weeks ago", "DATE", "2013-W10")]),  # guard
    ("The plant was flooded in March last year.", MON, [("March last year", "DATE", "2012-03")]),  # guard
])
def test_day_of_a_year_named_by_last_year(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- tenth round: "the new year"
# "the new year" is the year that begins nearest the document date: the coming one when said
# in the second half of a year ("will see in the new year"), the one just begun in the first
# ("talks resumed in the new year"); "New Year's Day" stays the holiday.
@pytest.mark.parametrize(("text", "dct", "context", "value"), [
    ("the new year", date(2013, 12, 30), F, "2014"),
    ("the new year", date(2014, 1, 20), P, "2014"),
    ("New Year's Day", date(2013, 12, 30), F, "2014-01-01"),  # guard
])
def test_the_new_year(text: str, dct: date, context: dict, value: str) -> None:
    assert _read(text, dct, context) == ("DATE", value)


# ---------------------------------------------------------------- tenth round: "through the weekend"
# A past or perfect verb does not reach the far end of what it extends: after "through",
# "until" or "to", "the weekend" is the nearest one (the coming one from Thursday on, the
# one just gone early in the week), as a year-less month is; after "over" the one just gone.
FRI = date(2013, 3, 22)
TUE = date(2013, 3, 19)


@pytest.mark.parametrize(("text", "dct", "context", "value"), [
    ("the weekend", FRI, {"tense": PAST, "prev_word": "through"}, "2013-W12-WE"),
    ("the weekend", FRI, {"tense": PAST, "prev_word": "until"}, "2013-W12-WE"),
    ("the weekend", TUE, {"tense": PAST, "prev_word": "until"}, "2013-W11-WE"),
    ("the weekend", FRI, {"tense": PAST, "prev_word": "over"}, "2013-W11-WE"),  # guard
])
def test_through_the_weekend(text: str, dct: date, context: dict, value: str) -> None:
    assert _read(text, dct, context) == ("DATE", value)


# ---------------------------------------------------------------- tenth round: a weekday in a "when" clause on a week
# "begins next week, when the bank reports on Tuesday": a bare weekday in a "when" clause that
# hangs on a verb a week dates is that week's day, whatever the tense would say alone.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Trading resumes next week, when the exchange reopens on Tuesday.", MON,
     [("next week", "DATE", "2013-W13"), ("Tuesday", "DATE", "2013-03-26")]),
    ("Talks collapsed last week, when the envoy left on Thursday.", FRI,
     [("last week", "DATE", "2013-W11"), ("Thursday", "DATE", "2013-03-14")]),
    ("Trading resumes next week, the exchange said on Tuesday.", MON,  # guard: no "when" clause
     [("next week", "DATE", "2013-W13"), ("Tuesday", "DATE", "2013-03-12")]),
])
def test_weekday_in_a_when_clause_on_a_week(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- tenth round: minutes later than a clock time
# "two minutes later" after a clock time the text gave ("at 11:58 p.m. on Sunday") is the
# point that many minutes on, a TIME; after a day with no clock time it stays the gap, a
# DURATION, as the text gives no time of day to count from.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The old flag came down at 11:58 p.m. on Sunday, and the new one went up two minutes later.", MON,
     [("11:58 p.m. on Sunday", "TIME", "2013-03-17T23:58"), ("two minutes later", "TIME", "2013-03-18T00:00")]),
    ("The quake struck at 4:10 a.m. on Saturday. A second shock came 20 minutes later.", MON,
     [("4:10 a.m. on Saturday", "TIME", "2013-03-16T04:10"), ("20 minutes later", "TIME", "2013-03-16T04:30")]),
    ("The quake struck on Saturday. A second shock came two hours later.", MON,  # guard: no clock time
     [("Saturday", "DATE", "2013-03-16"), ("two hours later", "DURATION", "PT2H")]),
])
def test_minutes_later_than_a_clock_time(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eleventh round: named days and their weekends
# "Good Friday" and "Black Friday" are named days (the holiday table), not a weekday of an event's
# name ("the Good Friday Agreement" stays no time); "Bastille Day" is 14 July. "<named day> weekend"
# is the weekend nearest the day: the one before a Monday holiday, the one after a Thursday.
@pytest.mark.parametrize(("text", "dct", "context", "value"), [
    ("Labor Day weekend", date(2013, 9, 20), P, "2013-W35-WE"),       # Labor Day: Monday 2 September
    ("the Thanksgiving weekend", date(2013, 12, 6), P, "2013-W48-WE"),  # Thanksgiving: Thursday 28 November
    ("the Easter weekend", date(2013, 4, 10), P, "2013-W13-WE"),      # Easter Sunday: 31 March
    ("Black Friday", date(2013, 12, 6), P, "2013-11-29"),
    ("Bastille Day", date(2013, 7, 20), P, "2013-07-14"),
    ("Labor Day", date(2013, 9, 20), P, "2013-09-02"),                # guard: the day itself
])
def test_named_days_and_their_weekends(text: str, dct: date, context: dict, value: str) -> None:
    assert _read(text, dct, context) == ("DATE", value)


@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The figures were due on Good Friday but came out a week later.", date(2013, 4, 10),
     [("Good Friday", "DATE", "2013-03-29"), ("a week later", "DATE", "2013-04-05")]),
    ("Shoppers crowded the malls on Black Friday.", date(2013, 12, 6), [("Black Friday", "DATE", "2013-11-29")]),
    ("Traffic was heavy over Labor Day weekend.", date(2013, 9, 20), [("Labor Day weekend", "DATE", "2013-W35-WE")]),
    ("The Good Friday Agreement still holds.", MON, []),  # guard: a name
])
def test_named_days_found(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eleventh round: spans read out in parts
# "four and a half years" is a count and a half of the unit (P4Y6M, as "a year and a half" is
# P1Y6M); a span read out in three units ("5 hours, 16 minutes and 14 seconds") is one DURATION.
@pytest.mark.parametrize(("text", "value"), [
    ("four and a half years", "P4Y6M"),
    ("two and a half hours", "PT2H30M"),
    ("5 hours, 16 minutes and 14 seconds", "PT5H16M14S"),
    ("3 hours, 2 minutes, 9 seconds", "PT3H2M9S"),
    ("a year and a half", "P1Y6M"),              # guard: already read
    ("2 hours, 56 minutes", "PT2H56M"),          # guard: two units
    ("two minutes and five hours", "PXX"),       # guard: smaller unit first is no one span
])
def test_spans_read_out_in_parts(text: str, value: str) -> None:
    assert _read(text, MON, N) == ("DURATION", value)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("She won the stage in 4 hours, 51 minutes and 8 seconds.",
     [("4 hours, 51 minutes and 8 seconds", "DURATION", "PT4H51M8S")]),
    ("The envoy stepped down after three and a half years.", [("three and a half years", "DURATION", "P3Y6M")]),
    ("She won the stage in 4 hours, 51 minutes.", [("4 hours, 51 minutes", "DURATION", "PT4H51M")]),  # guard
])
def test_spans_read_out_in_parts_found(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- eleventh round: "the past" after "into", "to", "from"
# "the past" / "the future" as the time of an event is not only "in the past": "looking into the
# past", "will belong to the past", "never go back to the past" (a preposition on a verb, or on
# its adverb) are PAST_REF too; on a noun ("an approach to the future") or describing one ("the
# past president") they are no time expression.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Reading the old letters is like looking into the past.", [("the past", "DATE", "PAST_REF")]),
    ("Such fraud will belong to the past only if the rules change.", [("the past", "DATE", "PAST_REF")]),
    ('The coach said the club would "never go back to the past".', [("the past", "DATE", "PAST_REF")]),
    ("The minister said the country must learn from the past.", [("the past", "DATE", "PAST_REF")]),
    ("The board had no clear approach to the future.", []),  # guard: on a noun
    ("He handed the award to the past president.", []),     # guard: "past" describes a noun
    ("Such fraud has happened in the past.", [("the past", "DATE", "PAST_REF")]),  # guard: already read
])
def test_the_past_after_other_prepositions(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- eleventh round: a part of the day told in the past
# "the afternoon", "the night" with no day of their own take the day the text is telling of, but
# what is told in the past is not on a day still ahead: when the last day named lies after the
# document date, "in the afternoon" is the report's own afternoon and "spent the night" the night
# before the report (as "overnight"); so is "the night" told in the past of the report's own day,
# whose night is still to come ("tonight" stays that night). A past day named before still dates them.
SAT = date(2013, 3, 23)


@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The race ends in Paris on March 31. Crowds grew in the afternoon.", SAT,
     [("March 31", "DATE", "2013-03-31"), ("the afternoon", "TIME", "2013-03-23TAF")]),
    ("Aid will arrive on Tuesday. One family spent the night in a car.", SAT,
     [("Tuesday", "DATE", "2013-03-26"), ("the night", "TIME", "2013-03-22TNI")]),
    ("Officials said on Saturday that the search had continued through the night.", SAT,
     [("Saturday", "DATE", "2013-03-23"), ("the night", "TIME", "2013-03-22TNI")]),
    ("Warplanes struck the city again tonight.", SAT, [("tonight", "TIME", "2013-03-23TNI")]),  # guard
    ("The storm hit on Thursday. Temperatures passed 35 C in the afternoon, and crowds fled.", SAT,  # guard
     [("Thursday", "DATE", "2013-03-21"), ("the afternoon", "TIME", "2013-03-21TAF")]),
    ("The race ends on March 31. Temperatures will pass 35 C in the afternoon, and crowds will gather.", SAT,
     [("March 31", "DATE", "2013-03-31"), ("the afternoon", "TIME", "2013-03-31TAF")]),
])
def test_part_of_day_told_in_the_past(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eleventh round: the extent of a clock time
# "about"/"around" before a clock time is inside its extent (mod APPROX), as TimeBank and the news
# sets mark it ("at about 6 a.m. local time"), though "about" before a count is not; "noon", "midday"
# and "midnight" take a zone after them as the digits do ("noon Moscow time", "midnight GMT"), and
# "midnight tonight" is one TIME; "about 2 a.m. CDT Thursday" is then one TIME on that Thursday.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The convoy crossed the border at about 6 a.m. local time.", MON,
     [("about 6 a.m. local time", "TIME", "2013-03-18T06:00")]),
    ("The storm came ashore at about 2 a.m. CDT Sunday.", MON,
     [("about 2 a.m. CDT Sunday", "TIME", "2013-03-17T02:00-05:00")]),
    ("The crowd cheered around midnight.", MON, [("around midnight", "TIME", "2013-03-18T24:00")]),
    ("The president spoke at noon Moscow time.", MON, [("noon Moscow time", "TIME", "2013-03-18T12:00+04:00")]),
    ("The ceasefire began at midnight GMT.", MON, [("midnight GMT", "TIME", "2013-03-18T24:00Z")]),
    ("Police expect huge crowds by midnight tonight.", MON, [("midnight tonight", "TIME", "2013-03-18T24:00")]),
    ("The first strikes came at about 0530 local time.", MON, [("about 0530 local time", "TIME", "2013-03-18T05:30")]),
    ("About 20 people were hurt.", MON, []),  # guard: a count, no clock time
    ("The talks ended at 6 a.m.", MON, [("6 a.m.", "TIME", "2013-03-18T06:00")]),  # guard
])
def test_clock_time_extent(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eleventh round: the end of a range of days
# A weekday that ends a range begun by the day just named ("from 6 p.m. Friday until 6 a.m.
# Saturday", "Monday through Wednesday") is not before that day, whatever the tense would say
# alone; a list joined by "and" keeps each day's own reading, as lists need not run in order.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("A curfew will be in force in the town from 7 p.m. Friday until 7 a.m. Saturday, the sheriff said.", FRI,
     [("7 p.m. Friday", "TIME", "2013-03-22T19:00"), ("7 a.m. Saturday", "TIME", "2013-03-23T07:00")]),
    ("The curfew in the town ran from 7 p.m. Friday until 7 a.m. Saturday.", FRI,
     [("7 p.m. Friday", "TIME", "2013-03-22T19:00"), ("7 a.m. Saturday", "TIME", "2013-03-23T07:00")]),
    ("Schools were ordered shut from Friday through Monday, officials said.", FRI,
     [("Friday", "DATE", "2013-03-22"), ("Monday", "DATE", "2013-03-25")]),
    ("The statements were issued Friday and Thursday by the lawyer.", FRI,  # guard: a list
     [("Friday", "DATE", "2013-03-22"), ("Thursday", "DATE", "2013-03-21")]),
])
def test_end_of_a_range_of_days(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eleventh round: the first or last day of a period
# "the last day of 1999", "the first day of March", "the final day of the month": one DATE, the day
# that opens or closes the period named; "the first day of trading" names no period and stays unplaced.
@pytest.mark.parametrize(("text", "dct", "context", "value"), [
    ("the last day of 1999", MON, P, "1999-12-31"),
    ("the first day of March", date(2013, 2, 10), F, "2013-03-01"),
    ("the final day of the month", MON, F, "2013-03-31"),
    ("the last day of February 2012", MON, P, "2012-02-29"),
])
def test_first_or_last_day_of_a_period(text: str, dct: date, context: dict, value: str) -> None:
    assert _read(text, dct, context) == ("DATE", value)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Crowds gathered on the last day of 2012 to watch the fireworks.", [("the last day of 2012", "DATE", "2012-12-31")]),
    ("Shares fell on the first day of trading.", [("the first day", "DATE", "XXXX-XX-XX")]),  # guard
])
def test_first_or_last_day_of_a_period_found(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- eleventh round: a deadline on a past participle
# A past participle with no auxiliary ("filed", "gone") tells of a completed event, past; but with
# the expression a deadline on it ("claims filed by the end of June would be paid", "want him gone
# by the autumn") it tells of a state required by then, and the time is the clause's.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Under the settlement, claims filed by the end of June would be paid first.", date(2013, 5, 10),
     [("the end of June", "DATE", "2013-06")]),
    ("Many members want the leader gone by the autumn.", date(2013, 5, 10), [("the autumn", "DATE", "2013-FA")]),
    ("The accord signed in June is still in force.", date(2013, 5, 10), [("June", "DATE", "2012-06")]),  # guard
])
def test_deadline_on_a_past_participle(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eleventh round: the month of reported figures
# Figures are reported once their month is over: a bare month that names them ("its March sales
# figures", "the April jobs report", "March's figures"; core/data/timex_report_nouns.txt) is the
# latest such month begun by the document date, though a future verb tells of the release (unless
# it began more than three months before: said in March, "the April jobs report" is the coming one).
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The chain will publish its March figures next week.", date(2013, 4, 2),
     [("March", "DATE", "2013-03"), ("next week", "DATE", "2013-W15")]),
    ("The agency will release the November trade report on Thursday.", date(2013, 12, 3),
     [("November", "DATE", "2013-11"), ("Thursday", "DATE", "2013-12-05")]),
    ("Retailers will post their November sales results later this week.", date(2013, 12, 3),
     [("November", "DATE", "2013-11"), ("later this week", "DATE", "2013-W49")]),
    ("The chain will open new stores in March.", date(2013, 4, 2), [("March", "DATE", "2014-03")]),  # guard
    ("The board will hold its June meeting in Paris.", date(2013, 4, 2), [("June", "DATE", "2013-06")]),  # guard
    ("Traders await the April jobs report.", MON, [("April", "DATE", "2013-04")]),  # guard: last April's is stale
])
def test_month_of_reported_figures(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eleventh round: every named day
# "every Christmas", "each New Year's Day": the named day each year, a SET with that month and day;
# a movable feast ("every Easter") has no fixed month and day; a named day alone stays a DATE.
@pytest.mark.parametrize(("text", "type_", "value"), [
    ("every christmas", "SET", "XXXX-12-25"),
    ("each new year's day", "SET", "XXXX-01-01"),
    ("every easter", "SET", "XXXX-XX-XX"),
    ("christmas", "DATE", "2012-12-25"),  # guard
])
def test_every_named_day(text: str, type_: str, value: str) -> None:
    assert _read(text, MON, P) == (type_, value)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The family came home every Christmas for 20 years.",
     [("every Christmas", "SET", "XXXX-12-25"), ("20 years", "DURATION", "P20Y")]),
    ("The family came home for Christmas.", [("Christmas", "DATE", "2012-12-25")]),  # guard
])
def test_every_named_day_found(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- eleventh round: a gap in a race
# "is sixth, 1:50 behind": minutes and seconds between racers, a DURATION (PT1M50S), not a clock
# time; "at 1:50" with no such word after it stays the time of day.
@pytest.mark.parametrize(("text", "context", "type_", "value"), [
    ("1:50", {"next_word": "behind"}, "DURATION", "PT1M50S"),
    ("0:45", {"next_word": "ahead"}, "DURATION", "PT45S"),
    ("1:50", {"prev_word": "at"}, "TIME", "2013-03-18T01:50"),  # guard
])
def test_gap_in_a_race(text: str, context: dict, type_: str, value: str) -> None:
    assert _read(text, MON, context) == (type_, value)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The defending champion is fourth, 2:35 behind, after a fall.", [("2:35", "DURATION", "PT2M35S")]),
])
def test_gap_in_a_race_found(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- eleventh round: "will" shared by a second verb
# "would brush the coast tonight and reach the city early Sunday": a base form with no auxiliary
# joined by "and" to a verb under "will" or a modal shares it, so its day lies ahead too.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The storm will cross the islands tonight and reach the mainland Sunday.", SAT,
     [("tonight", "TIME", "2013-03-23TNI"), ("Sunday", "DATE", "2013-03-24")]),
    ("Officials said the convoy would leave the port tonight and reach the capital early Monday.", SAT,
     [("tonight", "TIME", "2013-03-23TNI"), ("early Monday", "DATE", "2013-03-25")]),
    ("The convoy left the port and reached the capital on Monday.", SAT,  # guard: past
     [("Monday", "DATE", "2013-03-18")]),
])
def test_will_shared_by_a_second_verb(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eleventh round: a year that names a noun
# "the 1998 season", "the 2004 campaign": the model's entity holds the noun too, which no reading
# takes whole; the year alone is the time expression, as TimeML marks "the 1994 elections".
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The club opens the 2014 season at home.", [("2014", "DATE", "2014")]),
    ("Profit fell in the 2012 period.", [("the 2012 period", "DATE", "2012")]),  # guard: read whole
])
def test_year_that_names_a_noun(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- eleventh round: "Today" in a title
# "USA Today", "VOA Today": a capitalised "Today" right after an acronym names a newspaper or a
# programme, no day; "the UN said today" and a sentence-initial "Today" stay the document date.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The coach told USA Today that he would stay.", []),
    ("You are listening to VOA Today.", []),
    ("The UN said today that aid had arrived.", [("today", "DATE", "2013-03-18")]),  # guard
    ("Today, the UN said, aid arrived.", [("Today", "DATE", "2013-03-18")]),  # guard
])
def test_today_in_a_title(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- eleventh round: "the same period last year"
# "the same period last year", "the same month a year earlier": one expression, the period the
# text is about (a quarter, a month) a year back, as "the year-earlier quarter"; with no such
# period named before, last year. "the same thing last year" names no period: "last year" alone.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Profit rose in the first quarter from the same period last year.", date(2013, 4, 20),
     [("the first quarter", "DATE", "2013-Q1"), ("the same period last year", "DATE", "2012-Q1")]),
    ("Sales in March rose from the same month a year earlier.", date(2013, 4, 20),
     [("March", "DATE", "2013-03"), ("the same month a year earlier", "DATE", "2012-03")]),
    ("The team did the same thing last year.", date(2013, 4, 20), [("last year", "DATE", "2012")]),  # guard
])
def test_same_period_last_year(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eleventh round: "over" as a preposition
# "over" before a count after a verb or a noun is the preposition of a span ("slammed into the
# planet over six days", "cost $2 billion over 20 years"): outside the extent, as TimeBank and the
# news sets mark it; after a preposition ("for over a decade") it is "more than" and stays; the
# particle of "took over" never belongs to the time.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The comet's fragments hit the planet over six days.", [("six days", "DURATION", "P6D")]),
    ("The program cost $2 billion over 20 years.", [("20 years", "DURATION", "P20Y")]),
    ("Gomez, who took over 18 months ago, resigned.", [("18 months ago", "DATE", "2011-09")]),
    ("She has led the firm for over a decade.", [("over a decade", "DURATION", "P10Y")]),  # guard
])
def test_over_as_a_preposition(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- eleventh round: so many units in every larger one
# "four days a week", "12 hours a day": a frequency, a SET of the larger unit (P1W, P1D), as
# "twice a week" is; a count alone stays a DURATION, and no unit is "a" smaller one.
@pytest.mark.parametrize(("text", "type_", "value"), [
    ("four days a week", "SET", "P1W"),
    ("12 hours a day", "SET", "P1D"),
    ("two weeks a year", "SET", "P1Y"),
    ("four days", "DURATION", "P4D"),  # guard
])
def test_units_in_every_larger_unit(text: str, type_: str, value: str) -> None:
    assert _read(text, MON, N) == (type_, value)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The court will sit three days a week until the verdict.", [("three days a week", "SET", "P1W")]),
])
def test_units_in_every_larger_unit_found(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- eleventh round: the early hours of a day
# "the early hours of Thursday", "the small hours of Sunday": one DATE, that day, as the news sets
# mark it; "the early hours" with no day named is left alone.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Missiles hit the capital in the early hours of Thursday.", FRI,
     [("the early hours of Thursday", "DATE", "2013-03-21")]),
    ("The raid came in the small hours of Sunday.", MON, [("the small hours of Sunday", "DATE", "2013-03-17")]),
    ("Missiles hit the capital on Thursday.", FRI, [("Thursday", "DATE", "2013-03-21")]),  # guard
])
def test_early_hours_of_a_day(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eleventh round: "earlier this summer", "later that day"
# "earlier/later" before "this <season>" and "earlier/later/early/late" before "that day" are inside
# the extent, as "earlier this month" already was: the season's or that day's own value.
@pytest.mark.parametrize(("text", "context", "value"), [
    ("earlier this summer", P, "2013-SU"),
    ("later this summer", F, "2013-SU"),
    ("later that day", {"tense": PAST, "anchor": date(2013, 3, 15)}, "2013-03-15"),
    ("early that day", {"tense": PAST, "anchor": date(2013, 3, 15)}, "2013-03-15"),
])
def test_edge_of_this_season_or_that_day(text: str, context: dict, value: str) -> None:
    assert _read(text, date(2013, 8, 6), context) == ("DATE", value)


@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The sprinter hurt his back earlier this summer.", date(2013, 8, 6), [("earlier this summer", "DATE", "2013-SU")]),
    ("The vote was held on Friday. Later that day, the leader resigned.", MON,
     [("Friday", "DATE", "2013-03-15"), ("Later that day", "DATE", "2013-03-15")]),
    ("The sprinter hurt his back this summer.", date(2013, 8, 6), [("this summer", "DATE", "2013-SU")]),  # guard
])
def test_edge_of_this_season_or_that_day_found(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- eleventh round: "the morning after"
# "the morning after", "the evening before" at the end of a clause: that part of the day after or
# before the day told of, as "the night before" already was; "the morning after the race" keeps
# "after" as the preposition of its noun, outside.
@pytest.mark.parametrize(("text", "value"), [
    ("the morning after", "2013-03-16TMO"),
    ("the evening before", "2013-03-14TEV"),
    ("the night before", "2013-03-14TNI"),  # guard: already read
])
def test_part_of_the_day_after(text: str, value: str) -> None:
    assert _read(text, MON, {"tense": PAST, "anchor": date(2013, 3, 15)}) == ("TIME", value)


@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The final ended late on Friday. He was exhausted the morning after.", MON,
     [("Friday", "DATE", "2013-03-15"), ("the morning after", "TIME", "2013-03-16TMO")]),
])
def test_part_of_the_day_after_found(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twelfth round: "soon" that places nothing
# "soon" before "after"/"before" measures the gap between two events ("died soon after his
# arrest"), and "too soon" means early ("too soon to judge"): neither refers to the future, so
# neither is a time expression; "soon" on its own, about what lies ahead, stays FUTURE_REF.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The hostage probably died soon after his capture.", []),
    ("The bridge reopened soon before the holiday traffic began.", []),
    ("The founder retired soon afterwards.", []),
    ("The minister said it was too soon to judge the reform.", []),
    ("The ministry expects to publish the figures soon.", [("soon", "DATE", "FUTURE_REF")]),  # guard
    ("Talks will resume as soon as possible.", []),  # guard: already no time expression
])
def test_soon_that_places_nothing(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- twelfth round: a season of play
# In a sentence about a sport or a competition (core/data/timex_competition_words.txt), "each
# season" is the season of play, which comes round once a year: a SET of P1Y. A season of the
# year (the herders' or the farmer's) stays P1S.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The club buys two new strikers each season.", [("each season", "SET", "P1Y")]),
    ("The 18 teams of the league meet twice every season.", [("every season", "SET", "P1Y")]),
    ("The veteran still enters a dozen tournaments each season.", [("each season", "SET", "P1Y")]),
    ("The nomads move their herds each season.", [("each season", "SET", "P1S")]),  # guard
    ("The orchard yields two harvests each season.", [("each season", "SET", "P1S")]),  # guard
])
def test_season_of_play(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- twelfth round: a day directed in the past
# What someone was urged, told or allowed to do (core/data/timex_directive_verbs.txt) comes after
# the directive, which a report tells soon after it was given: a bare weekday that dates the
# infinitive under such a verb in the past may lie either side of the document date, and the
# nearest is meant (not always the one behind, as for other past verbs: "agreed to meet again
# on Thursday", the ninth round's dropped try). Not when a time of its own dates the directive, or
# in the pluperfect.
FRI = date(2013, 3, 22)    # a Friday


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The governor urged drivers to keep off the highways Saturday.", [("Saturday", "DATE", "2013-03-23")]),
    ("Staff were told to return to work Monday.", [("Monday", "DATE", "2013-03-25")]),
    ("Officials asked residents to conserve water on Sunday.", [("Sunday", "DATE", "2013-03-24")]),
    ("Diplomats were ordered to leave the country on Wednesday.", [("Wednesday", "DATE", "2013-03-20")]),  # nearer behind
    ("On Tuesday, police told residents to stay indoors on Wednesday.",  # guard: the directive is dated
     [("Tuesday", "DATE", "2013-03-19"), ("Wednesday", "DATE", "2013-03-20")]),
    ("The coach had asked the players to report on Sunday.", [("Sunday", "DATE", "2013-03-17")]),  # guard
    # guard: no directive ("Saturday" here, six days back, is read ahead since the twenty-third round)
    ("The two sides agreed to meet again on Wednesday.", [("Wednesday", "DATE", "2013-03-20")]),
    ("The court ruled on Thursday that the vote was valid.", [("Thursday", "DATE", "2013-03-21")]),  # guard
])
def test_day_directed_in_the_past(nlp, text: str, expected) -> None:
    assert _values(nlp, text, FRI) == expected


# Seventeenth round: a past participle that tells the state the object of a verb of directing is
# to be brought to ("ordered the flags lowered until Monday", "ordered the schools closed on
# Monday") dates the deed ordered, as the infinitive does: the nearest such weekday.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The president ordered flags flown at half-staff until Monday.", [("Monday", "DATE", "2013-03-25")]),
    ("The governor ordered all schools closed on Sunday.", [("Sunday", "DATE", "2013-03-24")]),
    ("The governor ordered all schools closed on Wednesday.", [("Wednesday", "DATE", "2013-03-20")]),  # guard: nearer behind
    ("Police found the van abandoned on Sunday.", [("Sunday", "DATE", "2013-03-17")]),  # guard: no directive
    ("The governor had ordered all schools closed on Sunday.", [("Sunday", "DATE", "2013-03-17")]),  # guard: pluperfect
])
def test_state_directed_in_the_past(nlp, text: str, expected) -> None:
    assert _values(nlp, text, FRI) == expected


# ---------------------------------------------------------------- thirteenth round: a superlative standing for its noun
# "would be the weakest in five years", "could be the worst to strike the coast in a century": the
# superlative has no noun after it but stands for one, so the count after "in" is still a span
# looked back over (a DURATION), not a point ahead of a modal verb. A month there stays a date.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Output would then be the lowest in six years.", [("six years", "DURATION", "P6Y")]),
    ("Officials said the blaze could be the deadliest to sweep the state in a century.",
     [("a century", "DURATION", "P100Y")]),
    ("The harvest may prove the smallest in a decade.", [("a decade", "DURATION", "P10Y")]),
    ("Sales will be the strongest in December.", [("December", "DATE", "2013-12")]),  # guard: no count
    ("The bridge will reopen in three years.", [("three years", "DATE", "2016")]),  # guard: no superlative
])
def test_superlative_standing_for_its_noun(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- thirteenth round: counts with thousands separators
# "some 12,500 hours", "2,000 years": a count written with commas between its thousands is
# that count, not a span of unknown length (PXX). A comma not before three digits is no separator.
@pytest.mark.parametrize(("text", "type_", "value"), [
    ("12,500 hours", "DURATION", "PT12500H"),
    ("almost 2,000 years", "DURATION", "P2000Y"),
    ("1,095 days", "DURATION", "P1095D"),
    ("1,250.5 hours", "DURATION", "PT1250.5H"),
    ("1500 hours", "TIME", "2013-03-18T15:00"),    # guard: four digits and "hours" stay a clock time
    ("3,5 days", "DURATION", "PXX"),               # guard: a decimal comma is no thousands separator
])
def test_count_with_thousands_separators(text: str, type_: str, value: str) -> None:
    assert _read(text, MON, N) == (type_, value)


# ---------------------------------------------------------------- thirteenth round: "last" as a verb
# After a modal, "will" or "to", "last" is the verb ("the strike could last weeks", "meant to
# last several years"): the span it takes is what follows, and the verb stays outside the
# extent. Where what follows names a period, "last" is the adjective ("compared to last year").
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The blockade could last months.", [("months", "DURATION", "PXM")]),
    ("Officials warned the cleanup might last several weeks.", [("several weeks", "DURATION", "PXW")]),
    ("The new roof is meant to last decades.", [("decades", "DURATION", "PXDE")]),
    ("The strike will last two days.", [("two days", "DURATION", "P2D")]),  # guard: already right
    ("Exports fell compared to last year.", [("last year", "DATE", "2012")]),  # guard: the adjective
    ("The index returned to last week's level.", [("last week", "DATE", "2013-W11")]),  # guard
])
def test_last_as_a_verb(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- thirteenth round: a named day with a plural possessive
# Patriots' Day (the third Monday of April, the Boston Marathon's day) joins the named days;
# a name ending in a plural possessive ("Patriots' Day", "Presidents' Day") is matched as the
# tokenizer splits it ("Patriots", "'", "Day").
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The marathon is always run on Patriots' Day.", date(2013, 4, 10), [("Patriots' Day", "DATE", "2013-04-15")]),
    ("Schools closed for Presidents' Day.", date(2013, 2, 20), [("Presidents' Day", "DATE", "2013-02-18")]),
    ("Stores opened early on Presidents Day.", date(2013, 2, 20), [("Presidents Day", "DATE", "2013-02-18")]),  # guard
    ("The Patriots' defense held.", date(2013, 2, 20), []),  # guard: a team, no day
])
def test_named_day_with_plural_possessive(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- thirteenth round: a passive infinitive on a noun
# "the figures to be published Thursday", "the final, to be played Sunday": a passive infinitive
# that describes a noun tells what the noun is still to undergo, so the day it dates lies ahead,
# whatever tense the sentence is told in. An active infinitive on a noun ("had a chance to win
# the title on Sunday") tells no such thing and keeps the verb's tense.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Traders await the jobs figures to be published Thursday.", [("Thursday", "DATE", "2013-03-21")]),
    ("Fans of the cup final, to be played Sunday, bought every ticket.", [("Sunday", "DATE", "2013-03-24")]),
    ("The players said the new rankings to be issued on Wednesday would please them.",
     [("Wednesday", "DATE", "2013-03-20")]),
    ("She had a chance to win the title on Sunday.", [("Sunday", "DATE", "2013-03-17")]),  # guard: active
    ("The votes were counted on Sunday.", [("Sunday", "DATE", "2013-03-17")]),  # guard: a past passive
])
def test_passive_infinitive_on_a_noun(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- thirteenth round: a day in a clause of time ahead
# A clause of time after "when" or "once" takes the present in English when what it hangs from is
# ahead ("will trade lower when the exchange reopens Tuesday"): a day in it, with no past form in
# the clause, lies ahead when the verb above is future, modal or scheduled. Told in the past, or
# with the clause in the past, the day stays behind.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Oil traders will have their say when markets open Tuesday.", [("Tuesday", "DATE", "2013-03-19")]),
    ("Bank shares will come under pressure when the exchange reopens Tuesday.", [("Tuesday", "DATE", "2013-03-19")]),
    ("Dealers are expected to sell when trading resumes on Wednesday.", [("Wednesday", "DATE", "2013-03-20")]),
    ("The two leaders will sign the pact once they meet on Thursday.", [("Thursday", "DATE", "2013-03-21")]),
    ("Bank shares slid when the exchange reopened Tuesday.", [("Tuesday", "DATE", "2013-03-12")]),  # guard: past
    ("The leaders signed the pact when they met on Thursday.", [("Thursday", "DATE", "2013-03-14")]),  # guard
])
def test_day_in_a_clause_of_time_ahead(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- thirteenth round: "just over", "just under"
# "just over a week", "just under two hours": the grading words carry a mod (MORE_THAN, LESS_THAN)
# and belong inside the extent, as "well over" already did. Before a period placed on the calendar
# ("over the past year") "over" is the preposition and stays out, with whatever grades it.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The ceasefire held for just over a week.", [("just over a week", "DURATION", "P1W")]),
    ("The rescue took just under two hours.", [("just under two hours", "DURATION", "PT2H")]),
    ("Rents climbed just over the past year.", [("the past year", "DATE", "2012")]),  # guard: a period
    ("The talks ran well over the last month.", [("the last month", "DATE", "2013-02")]),  # guard
])
def test_just_over_and_under(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- fourteenth round: an evening told the morning after
# A bare clock time from noon on, told in the past or hanging on a noun ("in a speech at 9 p.m."),
# is on the last day the text named in the week before the report. When the text has since named
# only the report's own day or a day ahead ("said Monday", "turns 30 on May 2"), the evening is the
# one before the report, if the text named that day: a report is often filed the morning after.
# A morning hour, a day further back than the day before, or a future verb stays as it was.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The council met late Sunday. In a speech at 11:20 p.m. EDT, the mayor said the plan had passed.",
     [("late Sunday", "DATE", "2013-03-17"), ("11:20 p.m. EDT", "TIME", "2013-03-17T23:20-04:00")]),
    ("The jury deliberated for two days before giving its verdict at about 9 p.m.",
     [("two days", "DURATION", "P2D"), ("about 9 p.m.", "TIME", "2013-03-18T21:00")]),  # guard: no day told
    ("Rivera won the final on Sunday. He turns 30 on May 2. The final began at 8:40 p.m. local time.",
     [("Sunday", "DATE", "2013-03-17"), ("May 2", "DATE", "2013-05-02"),
      ("8:40 p.m. local time", "TIME", "2013-03-17T20:40")]),
    ("The polls closed Sunday. The mayor said Monday the count was over. He spoke at 10:15 p.m.",
     [("Sunday", "DATE", "2013-03-17"), ("Monday", "DATE", "2013-03-18"), ("10:15 p.m.", "TIME", "2013-03-17T22:15")]),
    ("The polls closed Sunday. The mayor said Monday the count was over. He spoke at 9:15 a.m.",
     [("Sunday", "DATE", "2013-03-17"), ("Monday", "DATE", "2013-03-18"),
      ("9:15 a.m.", "TIME", "2013-03-18T09:15")]),  # guard: a morning hour is the report's
    ("The polls closed Saturday. The mayor said Monday the count was over. He spoke at 10:15 p.m.",
     [("Saturday", "DATE", "2013-03-16"), ("Monday", "DATE", "2013-03-18"),
      ("10:15 p.m.", "TIME", "2013-03-18T22:15")]),  # guard: two days back is not the evening before
    ("The polls closed Sunday. The mayor said Monday he will speak at 10:15 p.m.",
     [("Sunday", "DATE", "2013-03-17"), ("Monday", "DATE", "2013-03-18"),
      ("10:15 p.m.", "TIME", "2013-03-18T22:15")]),  # guard: ahead
])
def test_evening_told_the_morning_after(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- fourteenth round: "more than last year"
# "more than", "fewer than" grade a count ("more than a year ago", "fewer than 10 days"); before a
# period counted from the document date ("last year", "this month") they compare with that period
# and stay outside its extent, with no mod.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Shoppers spent far more than last year.", [("last year", "DATE", "2012")]),
    ("The mill hired fewer than this month.", [("this month", "DATE", "2013-03")]),
    ("The treaty was signed more than a year ago.", [("more than a year ago", "DATE", "2012")]),  # guard: a count
    ("The dam held for less than two weeks.", [("less than two weeks", "DURATION", "P2W")]),  # guard
])
def test_comparison_with_a_period(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- fourteenth round: Cyber Monday
# Cyber Monday, the Monday after Thanksgiving, is a named day retail news dates by, like Black Friday.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Online stores will cut prices on Cyber Monday.", [("Cyber Monday", "DATE", "2013-12-02")]),
    ("Web sales jumped on Cyber Monday.", [("Cyber Monday", "DATE", "2012-11-26")]),
    ("The cyber attack came on Monday.", [("Monday", "DATE", "2013-03-18")]),  # guard: no named day
])
def test_cyber_monday(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- fourteenth round: seconds after a clock time
# "40 seconds later" after a clock time the text gave is that point to the second, the unit's own
# granularity; minutes and hours later keep the minute.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The first charge blew at 3:05 p.m. on Sunday, and a second went off 40 seconds later.",
     [("3:05 p.m. on Sunday", "TIME", "2013-03-17T15:05"), ("40 seconds later", "TIME", "2013-03-17T15:05:40")]),
    ("The first charge blew at 3:05 p.m. on Sunday, and a second went off five minutes later.",  # guard
     [("3:05 p.m. on Sunday", "TIME", "2013-03-17T15:05"), ("five minutes later", "TIME", "2013-03-17T15:10")]),
])
def test_seconds_after_a_clock_time(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- fifteenth round: scheduled present, future in the past
# "were to begin Thursday": "was"/"were" with a to-infinitive is a plan told in the past, still
# ahead (not "had been to ..."); "are shut today and reopen Wednesday": a base form joined to a
# present verb shares its present, which schedules a weekday ahead; "will be closed Friday": a
# future auxiliary the parser hangs from "be" rather than from the participle still makes it future.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The budget cuts that were to begin Thursday have been put off.", MON,
     [("Thursday", "DATE", "2013-03-21")]),
    ("The new ferry was to sail Friday, the harbour master said.", MON,
     [("Friday", "DATE", "2013-03-22")]),
    ("Banks are shut today and reopen Wednesday.", MON,
     [("today", "DATE", "2013-03-18"), ("Wednesday", "DATE", "2013-03-20")]),
    ("The bridge will be closed Friday for repairs.", MON,
     [("Friday", "DATE", "2013-03-22")]),
    ("The budget cuts began Thursday.", MON,  # guard: a plain past looks back
     [("Thursday", "DATE", "2013-03-14")]),
    ("The inspectors had been to the site on Thursday.", MON,  # guard: "had been to" is no plan
     [("Thursday", "DATE", "2013-03-14")]),
    ("Banks were shut Friday and reopened Saturday.", MON,  # guard: both past
     [("Friday", "DATE", "2013-03-15"), ("Saturday", "DATE", "2013-03-16")]),
    ("The bridge was closed Friday for repairs.", MON,  # guard: no future auxiliary
     [("Friday", "DATE", "2013-03-15")]),
])
def test_scheduled_present_and_future_in_the_past(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# A verb of expecting in the simple past (core/data/timex_expectation_verbs.txt), the weekday right
# on its noun object: the day dates the event expected, still ahead, not the expecting. A verb of
# scheduling there may date the scheduling itself, so it stays with the past.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The mayor said she expected a council vote Thursday or Friday.", MON,
     [("Thursday", "DATE", "2013-03-21"), ("Friday", "DATE", "2013-03-22")]),
    ("The board scheduled a vote Thursday.", MON,  # guard: not a verb of expecting
     [("Thursday", "DATE", "2013-03-14")]),
    ("The mayor said she held a council vote Thursday.", MON,  # guard: a deed, past
     [("Thursday", "DATE", "2013-03-14")]),
])
def test_event_expected_on_a_day(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# Seventeenth round: the same in the passive, the time right on "was/were expected" ("results were
# expected early Tuesday", "were expected overnight"): the subject is the event expected, still
# ahead. The pluperfect may put the expecting back, so it keeps the past.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Full returns were expected early Thursday.", MON, [("early Thursday", "DATE", "2013-03-21")]),
    ("A verdict was expected on Wednesday.", MON, [("Wednesday", "DATE", "2013-03-20")]),
    ("The ship was expected to dock on Wednesday.", MON, [("Wednesday", "DATE", "2013-03-20")]),  # guard: as before
    ("A verdict had been expected on Wednesday.", MON, [("Wednesday", "DATE", "2013-03-13")]),  # guard: pluperfect
    ("A verdict was delivered on Wednesday.", MON, [("Wednesday", "DATE", "2013-03-13")]),  # guard: a deed, past
])
def test_event_expected_on_a_day_in_the_passive(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- sixteenth round: a clock time "on" a date
# A clock time, "on", then a calendar date or a named day is two TIMEX3s: the clock time (dated by
# the day after it) and the day. Before a bare weekday the join stays ("10am on Monday"), where the
# news sets disagree. A clock time on a day with no verb above it ("Shops open at ...", parsed as a
# noun phrase) is read without looping up the parse for ever.
@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The ferry sank at 4:40 a.m. on March 2, 2011, the coast guard said.", MON,
     [("4:40 a.m.", "TIME", "2011-03-02T04:40"), ("March 2, 2011", "DATE", "2011-03-02")]),
    ("The count began at 9 p.m. on New Year's Day.", MON,
     [("9 p.m.", "TIME", "2013-01-01T21:00"), ("New Year's Day", "DATE", "2013-01-01")]),
    ("Stores were packed at 7 a.m. EST on Christmas Eve.", MON,
     [("7 a.m. EST", "TIME", "2012-12-24T07:00-05:00"), ("Christmas Eve", "DATE", "2012-12-24")]),
    ("Stalls will open at 6 p.m. on Christmas Eve.", MON,
     [("6 p.m.", "TIME", "2013-12-24T18:00"), ("Christmas Eve", "DATE", "2013-12-24")]),
    ("The vote closed at 5 p.m. on Friday.", MON,  # guard: before a weekday the join stays
     [("5 p.m. on Friday", "TIME", "2013-03-15T17:00")]),
    ("The vote closed on Friday at 5 p.m.", MON,  # guard: a day, then "at" its clock time
     [("Friday at 5 p.m.", "TIME", "2013-03-15T17:00")]),
    ("The vote closed at 5 p.m. March 8.", MON,  # guard: no "on", one expression
     [("5 p.m. March 8", "TIME", "2013-03-08T17:00")]),
])
def test_clock_time_on_a_date(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


@pytest.mark.model
def test_clock_time_on_a_date_with_no_verb_above(nlp) -> None:
    """ "Shops open ..." parsed as a noun phrase: looking for the day's verb ends at the root."""
    found = _values(nlp, "Shops open at 6 p.m. on Thanksgiving.", MON)
    assert [(text, kind) for text, kind, _ in found] == [("6 p.m.", "TIME"), ("Thanksgiving", "DATE")]


# ---------------------------------------------------------------- sixteenth round: a winter named by its December
# A winter runs from December into the next year and is named by the year it begins, as every news
# set marks it: the one ahead in the autumn is this year's, the one under way in January or February
# is last year's. Other seasons, and a winter with its year written, keep the year they name.
OCT = date(2021, 10, 6)   # a Wednesday in the autumn
JAN = date(2021, 1, 20)   # a Wednesday in the middle of a winter
DEC = date(2021, 12, 15)  # a Wednesday at the start of one


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), [
    ("winter", OCT, F, "DATE", "2021-WI"),
    ("the winter", OCT, N, "DATE", "2021-WI"),
    ("this winter", JAN, N, "DATE", "2020-WI"),
    ("this winter", DEC, N, "DATE", "2021-WI"),
    ("last winter", JAN, N, "DATE", "2019-WI"),
    ("last winter", DEC, N, "DATE", "2020-WI"),
    ("next winter", JAN, N, "DATE", "2021-WI"),
    ("winter", JAN, P, "DATE", "2020-WI"),
    ("the winter of 1994", OCT, N, "DATE", "1994-WI"),  # guard: the year written stays
    ("this summer", JAN, N, "DATE", "2021-SU"),  # guard: other seasons do not move
    ("last autumn", JAN, N, "DATE", "2020-FA"),  # guard
])
def test_winter_named_by_its_december(text: str, dct: date, context: dict, type_: str, value: str) -> None:
    assert _read(text, dct, context) == (type_, value)


# Eighteenth round: the same stretch of months a year back. After a report on a span of months
# ("for the six months"), "the year-earlier period" and "the year-ago eight months" are that span
# a year before, measured as the span (TimeBank writes P9M for both forms); after a quarter, or a
# three-month span that retells one, "the year-earlier period" stays that quarter a year back.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Profit for the six months climbed 8%. In the year-earlier period, the mill lost $2 million.",
     [("the six months", "DURATION", "P6M"), ("the year-earlier period", "DURATION", "P6M")]),
    ("Sales for the eight months fell to $40 million from $52 million in the year-ago eight months.",
     [("the eight months", "DURATION", "P8M"), ("the year-ago eight months", "DURATION", "P8M")]),
    ("Orders in the third quarter rose 4%. In the year-earlier period, they fell.",  # guard: a quarter
     [("the third quarter", "DATE", "2013-Q3"), ("the year-earlier period", "DATE", "2012-Q3")]),
    ("Sales in the year-ago quarter were $3 million.",  # guard: a quarter named
     [("the year-ago quarter", "DATE", "2012-Q3")]),
    ("Sales fell from year-earlier levels.", [("year-earlier", "DATE", "2012")]),  # guard: the adjective alone
])
def test_year_back_span_of_months(nlp, text: str, expected) -> None:
    assert _values(nlp, text, NOV) == expected


# ---------------------------------------------------------------- stop 40: read from the corpus beside HeidelTime
# "last <season>" is the latest one that has ended: "last summer" said in November is that year's (every
# news set marks it so, and two corpus texts mean it: "Last summer, as you know, Greece faced several large
# fires", said in December 2021). A winter still under way is not the last one.
NOV21 = date(2021, 11, 22)
MAY23 = date(2023, 5, 21)


@pytest.mark.parametrize(("text", "dct", "context", "type_", "value"), [
    ("last summer", NOV21, N, "DATE", "2021-SU"),
    ("last spring", DEC, N, "DATE", "2021-SP"),
    ("last fall", JAN, N, "DATE", "2020-FA"),
    ("last summer", MAY23, N, "DATE", "2022-SU"),     # guard: this year's is still ahead
    ("last winter", JAN, N, "DATE", "2019-WI"),       # guard: the one under way is not the last
])
def test_last_season_is_the_latest_over(text: str, dct: date, context: dict, type_: str, value: str) -> None:
    assert _read(text, dct, context) == (type_, value)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # a bare month opening a range whose closing month has its year takes that year
    ("Trade between the two grew in January-June 2021.",
     [("January", "DATE", "2021-01"), ("June 2021", "DATE", "2021-06")]),
    ("Exports fell in November-February 2022.", [("November", "DATE", "2021-11"), ("February 2022", "DATE", "2022-02")]),
    # a clock time that is a line of its own is the document's own time, on its date, whatever day the
    # text told of last (a White House transcript's closing stamp)
    ("1:02 P.M. EST\nMS. LEE:  He spoke with them yesterday, and again this morning.\nQ    Thank you.\n1:40 P.M. EST",
     [("1:02 P.M. EST", "TIME", "2021-11-22T13:02-05:00"), ("yesterday", "DATE", "2021-11-21"),
      ("this morning", "TIME", "2021-11-22TMO"), ("1:40 P.M. EST", "TIME", "2021-11-22T13:40-05:00")]),
    # guard: a clock time inside a sentence about yesterday is yesterday's
    ("He spoke with them yesterday. The call began at 1:40 p.m. and ran long.",
     [("yesterday", "DATE", "2021-11-21"), ("1:40 p.m.", "TIME", "2021-11-21T13:40")]),
])
def test_ranges_and_time_stamps_read_from_the_corpus(nlp, text: str, expected) -> None:
    assert _values(nlp, text, NOV21) == expected


# ---------------------------------------------------------------- round 20: read from the blind corpus sets
# (tests/data/timex_corpus_dev to timex_corpus_dev5: corpus documents annotated by hand, docs/tempeval3.md).
# Sentences in our own words; every positive row fails on the code before the round, every guard passes on it.
JAN22 = date(2022, 1, 24)   # a Monday


@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    # a transcript's closing stamp after its END mark is the document's own time, whatever day was told of
    ("THE PRESIDENT:  We spoke with him last evening.\nEND                4:12 P.M. EST",
     NOV21, [("last evening", "TIME", "2021-11-21TEV"), ("4:12 P.M. EST", "TIME", "2021-11-22T16:12-05:00")]),
    # guard: a mark in lower case is no transcript's mark
    ("He spoke with them yesterday.\nend 4:12 p.m.",
     NOV21, [("yesterday", "DATE", "2021-11-21"), ("4:12 p.m.", "TIME", "2021-11-21T16:12")]),
    # "the nearest future", as Kremlin and Kyiv English write "the near future"
    ("The two sides will meet again in the nearest future.", NOV21, [("the nearest future", "DATE", "FUTURE_REF")]),
    # "the coming year" is a stretch ahead, as "the next year" and "the coming months" are, not the next
    # calendar year (said in January, that would be a year too far)
    ("No blackouts are planned in the coming year.", JAN22, [("the coming year", "DURATION", "P1Y")]),
    ("Talks could resume in the coming week.", JAN22, [("the coming week", "DATE", "2022-W04")]),  # guard: the seed's
    ("Talks could resume in the coming months.", JAN22, [("the coming months", "DURATION", "PXM")]),  # guard
    # each end of a range of days in one month is a date of its own
    ("The ministers met in Vilnius on March 3-4.", NOV21, [("March 3", "DATE", "2021-03-03"), ("4", "DATE", "2021-03-04")]),
    ("The forum is held from 8 to 10 December.", NOV21, [("8", "DATE", "2021-12-08"), ("10 December", "DATE", "2021-12-10")]),
    # guards: "and" lists days, a number before a noun counts it, a later number than the month has is none
    ("The ministers met on March 3 and 4.", NOV21, [("March 3", "DATE", "2021-03-03")]),
    ("From March 3 to 14 delegates attended.", NOV21, [("March 3", "DATE", "2021-03-03")]),
    ("The votes were held on February 27-30.", NOV21, [("February 27", "DATE", "2021-02-27")]),
    # a season that describes the noun after it: "the" is that noun's; an event after which a past one
    # happened is past too
    ("After the spring drills, the troops stayed near the border.", NOV21, [("spring", "DATE", "2021-SP")]),
    ("The winter campaign stalled.", NOV21, [("winter", "DATE", "2021-WI")]),
    ("After the summer recess, the senate will vote.", NOV21, [("summer", "DATE", "2022-SU")]),
    ("They met in the summer.", NOV21, [("the summer", "DATE", "2021-SU")]),  # guard: the season is the noun
    # from the second blind corpus set (tests/data/timex_corpus_dev2)
    # "over/within the next week": the stretch ahead, as "the next two years" is; a week after a day told
    # of stays that week
    ("Prices should settle over the next decade.", NOV21, [("the next decade", "DURATION", "P10Y")]),
    ("We expect an answer within the next month.", NOV21, [("the next month", "DURATION", "P1M")]),
    ("They landed on May 3 and flew home the next week.", NOV21,
     [("May 3", "DATE", "2021-05-03"), ("the next week", "DATE", "2021-W19")]),  # guard
    # "end-of-the-year", "end-of-year" as adjectives: the end of the year
    ("The leaders held their end-of-the-year call.", NOV21, [("end-of-the-year", "DATE", "2021")]),
    # "at this point (in time)", "at this moment": now
    ("The next step is up to Moscow at this point.", NOV21, [("this point", "DATE", "PRESENT_REF")]),
    ("At this point in time, no deal is possible.", NOV21, [("this point in time", "DATE", "PRESENT_REF")]),
    ("This time, the vote passed.", NOV21, []),  # guard: "this time" as this occasion
    # (the third corpus set) with a word of weight between: "at this very moment", "at this difficult time"
    ("Aid matters most at this very moment.", NOV21, [("this very moment", "DATE", "PRESENT_REF")]),
    ("Kyiv needs its friends at this difficult time.", NOV21, [("this difficult time", "DATE", "PRESENT_REF")]),
    # (the fifth corpus set) or after "in"
    ("We stand with Romania in this challenging moment.", NOV21, [("this challenging moment", "DATE", "PRESENT_REF")]),
    # "all these years": years of no count
    ("They waited all these years.", NOV21, [("all these years", "DURATION", "PXY")]),
    # "more than yesterday": a comparison with a day, no modifier of it
    ("The shelling is heavier today, even more than yesterday.", NOV21,
     [("today", "DATE", "2021-11-22"), ("yesterday", "DATE", "2021-11-21")]),
    # centuries in Roman numerals
    ("Such borders have no place in the XXI century.", NOV21, [("the XXI century", "DATE", "20")]),
    # (the fourth corpus set) prepositions outside the extent of a point: "up to now", "up to 2024", "at
    # present", "at the moment"; "up to" still grades a length
    ("We had heard little up to now.", NOV21, [("now", "DATE", "PRESENT_REF")]),
    ("The programme covers the period up to 2024.", NOV21, [("2024", "DATE", "2024")]),
    ("The talks could last up to two years.", NOV21, [("up to two years", "DURATION", "P2Y")]),  # guard
    ("At present, much depends on the governors.", NOV21, [("present", "DATE", "PRESENT_REF")]),
    ("It is hard for us at the moment.", NOV21, [("the moment", "DATE", "PRESENT_REF")]),
    ("They went back to the lines held at the moment of signing.", NOV21, []),  # guard: a past moment
    # "shortly" on its own is a time ahead (not before "after" or "before")
    ("Pensions will be raised shortly, the minister said.", NOV21, [("shortly", "DATE", "FUTURE_REF")]),
    # "Now," opening a sentence is a turn of speech; "Now" before a clause without a comma is now
    ("Now, as you know, the sanctions are in place.", NOV21, []),
    ("Now the company employs 500 people.", NOV21, [("Now", "DATE", "PRESENT_REF")]),  # guard
    # "does this fall on" is the verb; "last-minute" an adjective of haste
    ("Where does this fall on the agenda?", NOV21, []),
    ("We made some last-minute changes.", NOV21, []),
    ("The summit will be held this fall.", NOV21, [("this fall", "DATE", "2021-FA")]),  # guard
    # (the fifth corpus set) a range of years written as one is two years, each a DATE
    ("They signed a plan of action for 2022\u20132024.", NOV21, [("2022", "DATE", "2022"), ("2024", "DATE", "2024")]),
    ("The programme runs for 2021-2023 as well.", NOV21, [("2021", "DATE", "2021"), ("2023", "DATE", "2023")]),
    ("It ran from 2019 to 2021.", NOV21, [("2019", "DATE", "2019"), ("2021", "DATE", "2021")]),  # guard
])
def test_read_from_the_blind_corpus_set(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-third round: a weekday of no tense, six days back
# With no verb to tell its tense (a possessive, a noun the weekday dates, a parse that finds no
# verb), a bare weekday is read behind the document date, since news reports the past. But the
# weekday six days behind is also the day after the report, and a report names the coming day by
# its weekday far more often than one nearly a week gone: that one is read ahead. A past verb keeps
# it behind, and nearer weekdays keep to the past.
@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Dealers trimmed their books ahead of Tuesday's bond auction.", [("Tuesday", "DATE", "2013-03-19")]),
    ("Shares slipped before Tuesday's rate decision.", [("Tuesday", "DATE", "2013-03-19")]),
    ("Villagers were told to leave by noon Tuesday.", [("noon Tuesday", "TIME", "2013-03-19T12:00")]),
    ("The minister resigned on Tuesday.", [("Tuesday", "DATE", "2013-03-12")]),  # guard: a past verb
    ("Fans mourned after Saturday's defeat.", [("Saturday", "DATE", "2013-03-16")]),  # guard: two days back
    ("Wednesday's storm cut power to the valley.", [("Wednesday", "DATE", "2013-03-13")]),  # guard: five back
])
def test_weekday_of_no_tense_six_days_back(nlp, text: str, expected) -> None:
    assert _values(nlp, text, MON) == expected


# ---------------------------------------------------------------- twenty-third round: read from corpus dev15 and dev16
DEC23 = date(2021, 12, 23)  # a Thursday, two days before Christmas


@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    # "last Christmas" two days before Christmas is the one a year gone; "last Thanksgiving" the one weeks ago
    ("Last Christmas the shops ran short.", DEC23, [("Last Christmas", "DATE", "2020-12-25")]),
    ("He spoke last Thanksgiving.", DEC23, [("last Thanksgiving", "DATE", "2021-11-25")]),  # guard: weeks ago
    ("We will meet at Christmas.", DEC23, [("Christmas", "DATE", "2021-12-25")]),  # guard: no modifier
    # the short name of Martin Luther King Jr. Day
    ("The caucus wants a vote by MLK Day.", DEC23, [("MLK Day", "DATE", "2022-01-17")]),
    # "the year ahead" as "the coming year" (a span after "in"); "the week ahead" as "the coming week"
    ("The talks will go on in the year ahead.", DEC23, [("the year ahead", "DURATION", "P1Y")]),
    ("We will have news on the week ahead.", date(2022, 1, 14), [("the week ahead", "DATE", "2022-W03")]),
    # a rate after "billions of ...": the plural counts as the number
    ("The fund will give billions of dollars a year.", DEC23, [("a year", "SET", "P1Y")]),
    ("The crew spent a year at sea.", DEC23, [("a year", "DURATION", "P1Y")]),  # guard: no quantity
    # "over the course of the fall": the season, not a fall
    ("Prices rose over the course of the fall.", DEC23, [("the fall", "DATE", "2021-FA")]),
    ("Over the course of the fall of the empire, trade withered.", DEC23, []),  # guard: "the fall of"
    # "the first year" of a term told of: its opening stretch, as "his first year"
    ("What surprised you most in the first year?", DEC23, [("the first year", "DURATION", "P1Y")]),
])
def test_read_from_corpus_dev15_and_dev16(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected


# ---------------------------------------------------------------- twenty-third round: read from news dev9
OCT1 = date(2013, 10, 1)  # a Tuesday


@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    # "These days" opening a paragraph (the model's entity is lost after a blank line)
    ("Sales fell.\n\nThese days, the shop opens only at weekends.", OCT1, [("These days", "DATE", "PRESENT_REF")]),
    # "a generation ago" is a time gone by, as "decades ago" is
    ("A generation ago, the valley held a glacier.", OCT1, [("A generation ago", "DATE", "PAST_REF")]),
    # "in a single day": one day, stressed
    ("The index lost 9% in a single day.", OCT1, [("a single day", "DURATION", "P1D")]),
    # "12-hour days": the hyphenated length is the expression; the days it measures are no span of their own
    ("Clerks who worked 12-hour days to clear the backlog left.", OCT1, [("12-hour", "DURATION", "PT12H")]),
    ("The men rested for days.", OCT1, [("days", "DURATION", "PXD")]),  # guard: a bare plural alone
    # "through the night" after a day told of is that day's night
    ("Polls closed on Monday, and counting went on through the night.", OCT1,
     [("Monday", "DATE", "2013-09-30"), ("the night", "TIME", "2013-09-30TNI")]),
    # "the following February", "the following spring": after the period the text named last
    ("The ruling came in August 2009, and he was charged the following February.", OCT1,
     [("August 2009", "DATE", "2009-08"), ("the following February", "DATE", "2010-02")]),
    ("She was dismissed on Dec. 2, 2010, and indicted the following spring.", OCT1,
     [("Dec. 2, 2010", "DATE", "2010-12-02"), ("the following spring", "DATE", "2011-SP")]),
    ("The mill shut in 2004 and the town emptied the following summer.", OCT1,
     [("2004", "DATE", "2004"), ("the following summer", "DATE", "2005-SU")]),
    ("The dam failed in March 2011, after the previous winter's storms.", OCT1,
     [("March 2011", "DATE", "2011-03"), ("the previous winter", "DATE", "2010-WI")]),
    # in a report on a quarter, "a year ago" is that quarter a year back; "Three years ago" tells a story back, in years
    ("Net rose in the third quarter from a year ago. Three years ago, fees made up half of sales.", OCT1,
     [("the third quarter", "DATE", "2013-Q3"), ("a year ago", "DATE", "2012-Q3"), ("Three years ago", "DATE", "2010")]),
    # "UPDATE 3:15 p.m. ET:" opening a paragraph is the story's own time, on the document date
    ("The agency said Monday it would brief reporters Friday.\n\nUPDATE 3:15 p.m. ET: More cases were found.", OCT1,
     [("Monday", "DATE", "2013-09-30"), ("Friday", "DATE", "2013-10-04"), ("3:15 p.m. ET", "TIME", "2013-10-01T15:15-04:00")]),
])
def test_read_from_news_dev9(nlp, text: str, dct: date, expected) -> None:
    assert _values(nlp, text, dct) == expected
