"""Tagger cases: sentence + document date -> the time expressions found, as plain values.

Rule tests run on `spacy.blank("en")` plus our component (no model); the
integration tests use the real pipeline, loaded once per session (conftest `nlp`).
"""
from __future__ import annotations

from datetime import date

import pytest

from core.extract.timex import COMPONENT_NAME, TIMEX_SPAN_KEY, add_to_pipeline, iter_timexes, tag_text

SUN, MON, WED, THU, SAT = (date(2022, 2, 13), date(2022, 2, 14), date(2022, 2, 16), date(2022, 2, 24), date(2022, 2, 19))


# ---------------------------------------------------------------- rules alone (no model)

@pytest.mark.parametrize(("text", "spans"), [
    # weekdays, parts of day, dates
    ("He left on Sunday night.", [("Sunday night", "TIME")]),
    ("Talks resume on Thursday, February 24.", [("Thursday, February 24", "DATE")]),
    ("It began on 24 February 2022 at dawn.", [("24 February 2022", "DATE")]),
    ("It began on February 24, 2022, at dawn.", [("February 24, 2022", "DATE")]),
    ("Filed 24/02/2022 in Kyiv.", [("24/02/2022", "DATE")]),
    ("The deadline is 2022-02-24.", [("2022-02-24", "DATE")]),
    ("Crimea was annexed in March 2014.", [("March 2014", "DATE")]),
    ("Crimea was annexed in 2014.", [("2014", "DATE")]),
    ("It happened in March.", [("March", "DATE")]),
    # durations and sets
    ("Talks lasted for weeks.", [("weeks", "DURATION")]),
    ("He spoke for about 50 minutes.", [("about 50 minutes", "DURATION")]),
    ("A 48-hour ceasefire held.", [("48-hour", "DURATION")]),
    ("He gets daily briefings.", [("daily", "SET")]),
    ("They meet every Monday.", [("every Monday", "SET")]),
    ("They meet twice a week.", [("twice a week", "SET")]),
    # references and relative expressions
    ("Leave now while you can.", [("now", "DATE")]),
    # a plural unit with no count: a stretch of days ahead, DURATION as TimeML types "the next few days"
    ("It may escalate in coming days.", [("coming days", "DURATION")]),
    ("It was different in the past.", [("the past", "DATE")]),
    ("He will travel towards the end of the week.", [("the end of the week", "DATE")]),
    ("He flew there last week.", [("last week", "DATE")]),
    ("An invasion within the week.", [("the week", "DATE")]),
    ("It could come as soon as midweek.", [("midweek", "DATE")]),
    # not time expressions
    ("In a Sunday Times interview he spoke.", []),
    ("He told BBC Radio 4 listeners.", []),
    ("It failed to prevent the Second World War.", []),
    ("Russia may launch an attack.", []),
    ("The Taliban were marching on Kabul.", []),
    ("Some 130,000 troops are massed there.", []),
    ("He read the Daily Mail.", []),
    ("The now-defunct agency closed.", []),
    ("Troops will march on the capital.", []),
    ("", []),
])
def test_rule_spans(blank_nlp, text: str, spans: list[tuple[str, str]]) -> None:
    doc = blank_nlp(text)
    assert [(s.text, s.label_) for s in doc.spans[TIMEX_SPAN_KEY]] == spans


def test_add_to_pipeline_is_idempotent(blank_nlp) -> None:
    add_to_pipeline(blank_nlp)
    assert blank_nlp.pipe_names.count(COMPONENT_NAME) == 1


def test_component_sits_after_ner(nlp) -> None:
    names = nlp.pipe_names
    assert names.index(COMPONENT_NAME) == names.index("ner") + 1


def test_finding_is_separate_from_writing(blank_nlp) -> None:
    tagger = blank_nlp.get_pipe(COMPONENT_NAME)
    doc = blank_nlp.make_doc("Talks resume on Friday.")
    spans = tagger.match(doc)
    assert TIMEX_SPAN_KEY not in doc.spans and [s.text for s in spans] == ["Friday"]
    tagger.set_annotations(doc, spans)
    assert [s.text for s in doc.spans[TIMEX_SPAN_KEY]] == ["Friday"]


# ---------------------------------------------------------------- full pipeline (model)

def _plain(timexes) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in timexes]


@pytest.mark.model
@pytest.mark.parametrize(("text", "dct", "expected"), [
    # a clock time and its weekday are one TIME; "on" a calendar date, two (the sixteenth round)
    ("The ceasefire expired at midnight on Dec. 31, 2021.", WED,
     [("midnight", "TIME", "2021-12-31T24:00"), ("Dec. 31, 2021", "DATE", "2021-12-31")]),
    ("Troops crossed the border at 10am on Monday.", WED, [("10am on Monday", "TIME", "2022-02-14T10:00")]),
    ("They will meet on Friday at noon.", WED, [("Friday at noon", "TIME", "2022-02-18T12:00")]),
    # weekday direction from the tense of the governing verb
    ("Russia said on Monday that talks would go on.", WED, [("Monday", "DATE", "2022-02-14")]),
    ("The summit will be held on Friday.", WED, [("Friday", "DATE", "2022-02-18")]),
    ("The summit is on Friday.", WED, [("Friday", "DATE", "2022-02-18")]),
    ("The summit was held on Friday.", WED, [("Friday", "DATE", "2022-02-11")]),
    ("Ministers met on Sunday.", SUN, [("Sunday", "DATE", "2022-02-13")]),
    ("Ministers will meet on Sunday.", SAT, [("Sunday", "DATE", "2022-02-20")]),
    ("Troops have been arriving since Tuesday.", THU, [("Tuesday", "DATE", "2022-02-22")]),
    ("Biden could order strikes on Thursday.", MON, [("Thursday", "DATE", "2022-02-17")]),
    ("Nationals were ordered to leave on Friday night.", SUN, [("Friday night", "TIME", "2022-02-11TNI")]),
    ("She said she discussed it “in talks” during a call on Saturday.", SUN, [("Saturday", "DATE", "2022-02-12")]),
    ("A spokeswoman on Sunday night said the crisis was critical.", SUN, [("Sunday night", "TIME", "2022-02-13TNI")]),
    ("Passengers arrived on Saturday afternoon.", SUN, [("Saturday afternoon", "TIME", "2022-02-12TAF")]),
    ("He said on Sunday morning that he would return.", SUN, [("Sunday morning", "TIME", "2022-02-13TMO")]),
    # dates, British and American
    ("The invasion began on 24 February 2022.", SAT, [("24 February 2022", "DATE", "2022-02-24")]),
    ("The invasion began on February 24, 2022.", SAT, [("February 24, 2022", "DATE", "2022-02-24")]),
    ("Russia recognised the republics on 21 February.", THU, [("21 February", "DATE", "2022-02-21")]),
    ("Elections are due in October.", WED, [("October", "DATE", "2022-10")]),
    ("Crimea was annexed in 2014.", WED, [("2014", "DATE", "2014")]),
    ("Munich was signed in September 1938.", WED, [("September 1938", "DATE", "1938-09")]),
    # relative expressions
    ("He flew to Moscow last week.", WED, [("last week", "DATE", "2022-W06")]),
    # on a Sunday too "last week" is the ISO week before the dct's own (TimeML counts calendar weeks)
    ("He flew to Moscow last week.", SUN, [("last week", "DATE", "2022-W05")]),
    ("Johnson will hold talks in the coming week.", SUN, [("the coming week", "DATE", "2022-W07")]),
    ("They met earlier this month.", SUN, [("earlier this month", "DATE", "2022-02")]),
    ("An attack could come as soon as midweek.", SUN, [("midweek", "DATE", "2022-02-16")]),
    ("He will travel towards the end of the week.", SUN, [("the end of the week", "DATE", "2022-W07")]),
    ("Talks took place three days ago.", WED, [("three days ago", "DATE", "2022-02-13")]),
    ("The deal was signed last year.", WED, [("last year", "DATE", "2021")]),
    ("The troops withdrew yesterday.", MON, [("yesterday", "DATE", "2022-02-13")]),
    # anchored on an earlier date in the text
    ("Talks began on 10 February. Two days later, they collapsed.", WED,
     [("10 February", "DATE", "2022-02-10"), ("Two days later", "DATE", "2022-02-12")]),
    ("Troops crossed on 24 February. The next day, Kyiv was shelled.", SAT,
     [("24 February", "DATE", "2022-02-24"), ("The next day", "DATE", "2022-02-25")]),
    # durations, sets, references
    ("Talks have been taking place for weeks.", SUN, [("weeks", "DURATION", "PXW")]),
    ("Biden spoke for about 50 minutes.", SUN, [("about 50 minutes", "DURATION", "PT50M")]),
    ("A meeting within the next 48 hours is sought.", SUN, [("the next 48 hours", "DURATION", "PT48H")]),
    ("He receives daily intelligence briefings.", SUN, [("daily", "SET", "P1D")]),
    ("The council meets every Monday.", SUN, [("every Monday", "SET", "XXXX-WXX-1")]),
    ("Ukraine is now seeking a meeting.", SUN, [("now", "DATE", "PRESENT_REF")]),
    ("Prices have risen recently.", SUN, [("recently", "DATE", "PAST_REF")]),
    ("Russia may attack in coming days.", SUN, [("coming days", "DURATION", "PXD")]),
    # not time expressions
    ("In a Sunday Times interview, he spoke.", SUN, []),
    ("He told BBC Radio 4's programme.", SUN, []),
    ("It failed to prevent the Second World War.", SUN, []),
    ("It may be that he goes home.", SUN, []),
    ("May we all go home.", SUN, []),
    ("The Taliban were marching back to power.", SUN, []),
    ("Some 130,000 Russian troops are massed there.", SUN, []),
    ("Russia massed troops near the border.", SUN, []),
])
def test_tagger(nlp, text: str, dct: date, expected: list[tuple[str, str, str]]) -> None:
    timexes = tag_text(nlp, text, dct)
    assert _plain(timexes) == expected
    assert all(text[t.start:t.end] == t.text for t in timexes)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The summit is on Friday.", [("Friday", "DATE", "XXXX-WXX-5")]),
    ("He flew to Moscow last week.", [("last week", "DATE", "XXXX-WXX")]),
    ("Ukraine is now seeking a meeting.", [("now", "DATE", "PRESENT_REF")]),
])
def test_no_dct_keeps_type_without_dates(nlp, text: str, expected) -> None:
    timexes = tag_text(nlp, text, None)
    assert _plain(timexes) == expected
    assert all(t.date_start is None and t.date_end is None for t in timexes)


@pytest.mark.model
def test_intervals_and_sentence_index(nlp) -> None:
    timexes = tag_text(nlp, "No date here. They met last week. Troops left on Friday.", WED)
    assert [(t.text, t.date_start, t.date_end, t.sentence) for t in timexes] == [
        ("last week", date(2022, 2, 7), date(2022, 2, 13), 1),
        ("Friday", date(2022, 2, 11), date(2022, 2, 11), 2),
    ]


@pytest.mark.model
@pytest.mark.parametrize("text", ["No time here.", "Russia massed troops near the border.", "", "   \n\n "])
def test_no_time_expressions(nlp, text: str) -> None:
    assert tag_text(nlp, text, SUN) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "span_text"), [
    ("It was signed on 31 February.", "31 February"),
    ("It was signed on 31 February 2022.", "31 February 2022"),
    ("It will happen in the year 99999.", "the year 99999"),
])
def test_absurd_dates_do_not_crash(nlp, text: str, span_text: str) -> None:
    timexes = tag_text(nlp, text, SUN)
    match = [t for t in timexes if t.text == span_text]
    assert match and match[0].date_start is None and "X" in match[0].value


@pytest.mark.model
def test_iter_timexes_without_our_component(nlp) -> None:
    """A Doc from a pipeline without the component is tagged on the fly."""
    from core.extract.model import load_model

    bare = load_model(exclude=("parser",))
    doc = bare("Talks resumed on Friday.")
    assert [(t.text, t.value) for t in iter_timexes(doc, WED)] == [("Friday", "2022-02-11")]


def test_a_list_of_rare_words_is_a_cheaper_anchor_than_one_common_word():
    """A pattern "the ... of <month>" must be anchored on its month, not on "the": a month list
    holding "may" is rarer in running text than "the" (anchoring on "the" made the matcher run
    over most of every article)."""
    from core.extract.timex.matcher import _anchor_cost

    months = {"LOWER": {"IN": ["january", "february", "march", "april", "may", "june", "july"]}}
    assert _anchor_cost(months) < _anchor_cost({"LOWER": "the"})
