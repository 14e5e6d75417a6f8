"""Time expressions of a whole Doc normalised in text order (`iter_timexes`): each
tagged span's value from its words, the tense of its verb, and what the text
named before it (the last day, the last period, the last quarter, the day named
earlier in its sentence), as `core.records.Timex` records."""
from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from core import DATA_DIR
from core.extract.timex.dates import YEAR_RANGE_RE
from core.extract.timex.lexicon import (
    MONTH_NAMES,
    MONTHS,
    PART_OF_DAY_CODES,
    SEASON_NAMES,
    SPAN_START_PREPOSITIONS,
    UNITS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    ZONE_OFFSET_RE,
    read_words,
)
from core.extract.timex.normaliser import normalise
from core.extract.timex.periods import calendar_month, latest_quarter, named_day, the_day, the_quarter, the_year
from core.extract.timex.tagger import TIMEX_SPAN_KEY, TimexSettings, TimexTagger
from core.extract.timex.tense import COMPARISON_LEADS, governing_tense, in_after_superlative, under_past_directive
from core.extract.timex.values import DATE, DURATION, NO_TENSE, PAST, SET, TIME, UNRESOLVED_DATE, Normalised
from core.records import Timex

log = logging.getLogger(__name__)

HABITUAL_ADVERBS_FILE = DATA_DIR / "timex_habitual_adverbs.txt"
REPORT_NOUNS_FILE = DATA_DIR / "timex_report_nouns.txt"
GENERIC_NOUNS_FILE = DATA_DIR / "timex_generic_nouns.txt"
EASE_ADJECTIVES_FILE = DATA_DIR / "timex_ease_adjectives.txt"
STATE_VERBS_FILE = DATA_DIR / "timex_state_verbs.txt"
COMPETITION_WORDS_FILE = DATA_DIR / "timex_competition_words.txt"
TRANSCRIPT_MARKS_FILE = DATA_DIR / "timex_transcript_marks.txt"
UPDATE_MARKS_FILE = DATA_DIR / "timex_update_marks.txt"

# "a.m", "p.m": what the tokenizer leaves of "a.m."/"p.m." when a second period follows.
_CUT_ABBREVIATIONS = frozenset({"a.m", "p.m"})

# Words of a point of comparison ("from $2 a year earlier", "the year-ago quarter"):
# such an expression does not move the period the text is talking about.
_COMPARISON_WORDS = frozenset({"ago", "earlier", "year-ago", "year-earlier"})

# "the year-earlier period", "the year-ago period": the period reported on, a year back.
_YEAR_BACK_PERIOD_RE = re.compile(r"the year ?- ?(?:ago|earlier) period")

# Prepositions by which a year sets the scene of its sentence ("in 1964, when the Games
# were held in October"), unless a comparison leads into them ("than in 2019").
_SCENE_PREPOSITIONS = frozenset({"in", "during"})
# Clauses on a noun, whose year dates the noun's own story, not the sentence's.
_OWN_CLAUSE_DEPS = frozenset({"relcl", "acl"})


def iter_timexes(doc: Doc, dct: date | None, *, settings: TimexSettings = TimexSettings()) -> Iterator[Timex]:
    """The tagged spans normalised against the document creation time `dct`.

    Expressions anchored on an earlier date ("two days later") count from
    the last day resolved before them in the text, else from dct; those that
    name a period of the same kind ("the following decade", "that year", "a
    year earlier" after a quarter) from the last period named, at its own
    granularity. A point of comparison ("up from $2 a year ago") names no new
    period: the text goes on talking about the one it named before. The last
    quarter named is kept apart, for "the 1988 quarter" after "last year". Once
    the text reports on the last quarter over, another quarter named beside it
    ("after a flat second quarter", a forecast "into the fourth quarter") is an
    aside and names no new period either.
    """
    spans = doc.spans[TIMEX_SPAN_KEY] if TIMEX_SPAN_KEY in doc.spans else _tag_on_the_fly(doc, settings)
    sentence_of = _sentence_index(doc)
    anchor: date | None = None
    anchor_value = ""
    past_day: date | None = None  # the last day named in the week before dct
    quarter_value = ""  # the last quarter named, kept while other periods are named
    months_value = ""  # the span of months the text last reported on ("the nine months": P9M)
    named_in_sentence: tuple[int, str] = (-1, "")  # (sentence, value) of the last date or time resolved
    ordered = sorted((_without_determiner_of_a_noun(s) for s in spans), key=lambda s: (s.start, s.end))
    for index, span in enumerate(ordered):
        if _future_spoken_of(span) or _reference_not_of_a_verb(span) or _now_of_no_time(span) \
                or _overnight_of_no_night(span) or _day_of_no_date(span) or _unit_a_length_measures(span):
            continue
        sentence = sentence_of.get(span.start, -1)
        day_before = named_in_sentence[1] if sentence >= 0 and named_in_sentence[0] == sentence else ""

        def resolve(sentence_value: str, span: Span = span) -> Normalised | None:
            return normalise(
                span.text, dct,
                tense=NO_TENSE if in_after_superlative(span) else governing_tense(span), anchor=anchor,
                prev_word=doc[span.start - 1].lower_ if span.start > 0 else "",
                next_word=doc[span.end].lower_ if span.end < len(doc) else "",
                date_order=settings.date_order, anchor_value=anchor_value, quarter_value=quarter_value,
                sentence_value=sentence_value,
            )

        try:
            result = resolve(anchor.isoformat() if anchor and _overnight_on_noun(span) else day_before)
            if result is not None and named_day(day_before) is None and _bare_clock_time(span, result, dct) \
                    and not _time_stamp_line(span):
                later = _day_named_later(ordered, index, sentence, sentence_of, dct, settings)
                if later:
                    result = resolve(later)  # "struck at 11:56 a.m. (0611 GMT) on Saturday": that Saturday's
                elif anchor is not None and (_evening_of_a_day_told(span, result, anchor, dct)
                                             or _later_hour_of_a_day_told(span, result, anchor, anchor_value, dct)):
                    result = resolve(anchor.isoformat())  # "the final started at 9:50 p.m.", after "on Sunday"
                elif (past_day is not None and dct is not None and anchor is not None and anchor >= dct
                      and (dct - past_day).days == 1
                      and _evening_of_a_day_told(span, result, past_day, dct)):
                    # the text has since named only the report's day or one ahead ("won Sunday ... turns 26
                    # on Aug. 21. The race started at 9:50 p.m."): the evening before the report, if named
                    result = resolve(past_day.isoformat())
        except Exception:  # noqa: BLE001 - one odd expression must not sink the article
            log.exception("could not normalise %r", span.text)
            result = Normalised(span.label_ or DATE, UNRESOLVED_DATE)
        if result is None:
            continue
        if day_before and (in_week := _weekday_of_a_week_told(span, result, day_before)) is not None:
            result = in_week  # "begins next week, when Alcoa reports on Thursday": that week's Thursday
        if index and (range_end := _weekday_after_the_first(span, ordered[index - 1], result, day_before)) is not None:
            result = range_end  # "from 6 p.m. Friday until 6 a.m. Saturday": the Saturday after that Friday
        if index + 1 < len(ordered) and (opening := _month_opening_a_dated_range(span, ordered[index + 1])):
            result = opening  # "in January-June 2021": the January of that June's year
        if not quarter_value and (ended := _quarter_ended_on(span, ordered, index, dct, settings)):
            # "the quarter ended July 31" with no quarter named before: the quarter that date closes
            # (once a fiscal quarter is named, "the fiscal first quarter", TimeML keeps its ordinal)
            result = ended
        if generic := _generic_day_word(span):
            result = Normalised(DATE, generic)  # "today's world", "the leaders of tomorrow": the age, no day
        if result.type == DATE and dct is not None and (figures_month := _month_of_figures(span, result, dct)) is not None:
            result = figures_month  # "will release its November figures next Thursday": the November just over
        if result.type == DATE and dct is not None and (directed := _day_directed(span, dct)) is not None:
            result = directed  # "urged residents to stay home Saturday", said on Friday: the next day
        if result.type == DURATION and _rate_of_a_quantity(span):
            result = Normalised(SET, result.value)  # "55 billion cubic metres of gas a year": each year
        if result.value == _SEASON_UNIT and _season_of_play(span):
            result = Normalised(result.type, "P1Y")  # "plays 20 tournaments each season": once a year
        if result.type == DATE and _habitual(span) and (m := re.fullmatch(r"\d{4}(-(?:\d\d|SP|SU|FA|WI))", result.value)):
            result = Normalised(DATE, "XXXX" + m.group(1))  # "flu usually peaks in February": any year's
        if not quarter_value and months_value and result.type == DATE and _YEAR_BACK_PERIOD_RE.fullmatch(span.text.lower()):
            # "net for the nine months rose ... In the year-earlier period": the same stretch of
            # months a year back, measured as that stretch, as "the year-earlier nine months" is
            result = Normalised(DURATION, months_value)
        if result.type == DURATION and re.fullmatch(r"P\d+M", result.value):
            # "the first nine months": the text now reports on months, not on a quarter
            quarter_value = ""
            # (three months are a quarter retold: "the fiscal fourth quarter ... net for the three
            # months rose from the year-earlier period" compares quarters, not a span)
            months_value = "" if result.value == "P3M" else result.value
            if re.fullmatch(r"\d{4}-Q[1-4]", anchor_value):
                anchor_value = ""
        if result.type in (DATE, TIME) and result.date_start is not None:
            if not (re.fullmatch(r"\d{4}", result.value) and not _sets_the_scene(span)):
                named_in_sentence = (sentence, result.value)
            since = span.start > 0 and doc[span.start - 1].lower_ in SPAN_START_PREPOSITIONS
            if result.date_start == result.date_end and not since:
                anchor = result.date_start
                if _in_week_before(anchor, dct):
                    past_day = anchor
            if not (since or _COMPARISON_WORDS & {t.lower_ for t in span} or _year_back_of(result.value, quarter_value)
                    or _aside_quarter(result.value, quarter_value, dct)):
                anchor_value = result.value
                if re.fullmatch(r"\d{4}-Q[1-4]", result.value):
                    quarter_value = result.value
                    months_value = ""
        other_end = _other_end_of_a_day_range(span, result, ordered)
        if other_end is not None and other_end[0].start < span.start:
            day_span, day = other_end
            yield _timex_of(day_span.start_char, day_span.end_char, day_span.text, day, sentence)  # "13-14 January"
        if (years := _years_of_a_range(span, sentence)) is not None:
            yield from years  # "for 2022–2024": each year a DATE of its own
            continue
        end_char, text = _with_swallowed_period(span)
        yield _timex_of(span.start_char, end_char, text, result, sentence)
        if other_end is not None and other_end[0].start > span.start:
            day_span, day = other_end
            yield _timex_of(day_span.start_char, day_span.end_char, day_span.text, day, sentence)  # "January 13-14"


_DAY_WORDS = frozenset(MONTH_NAMES) | frozenset(WEEKDAY_NAMES) | {
    "today", "yesterday", "tomorrow", "tonight", "day", "night", "morning", "afternoon", "evening"}


def _bare_clock_time(span: Span, result: Normalised | None, dct: date | None) -> bool:
    """A clock time with no day of its own ("at 11:56 a.m. local time", "2050 GMT"), which
    the normaliser put on the document date."""
    return (result is not None and dct is not None and result.type == TIME
            and re.fullmatch(re.escape(dct.isoformat()) + r"T\d\d:\d\d" + ZONE_OFFSET_RE, result.value) is not None
            and not any(t.lower_.rstrip(".") in _DAY_WORDS for t in span))


@lru_cache(maxsize=1)
def transcript_marks() -> frozenset[str]:
    """Marks written before a transcript's closing time stamp (core/data/timex_transcript_marks.txt),
    lower-cased; the text's mark must be in capitals, as transcripts write it."""
    return frozenset(read_words(TRANSCRIPT_MARKS_FILE))


@lru_cache(maxsize=1)
def update_marks() -> frozenset[str]:
    """Marks a story writes before the clock time of an update (core/data/timex_update_marks.txt),
    lower-cased; the text's mark must be in capitals."""
    return frozenset(read_words(UPDATE_MARKS_FILE))


def _time_stamp_line(span: Span) -> bool:
    """A clock time that is a line of its own ("5:21 P.M. EST" closing a White House transcript,
    "1:02 P.M. EST" opening it), after a transcript's closing mark ("END    3:50 P.M. EST"), or
    opening a paragraph after an update mark and before a colon ("UPDATE, 10:45 a.m. ET: ..."):
    the document's own time, on the document date, whatever day the text told of last."""
    text = span.doc.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    before = text[line_start:span.start_char].strip()
    after = text[span.end_char:line_end if line_end >= 0 else len(text)].strip()
    if before.isupper() and before.rstrip(",").lower() in update_marks():
        return after.startswith(":")
    return (not before or before.isupper() and before.lower() in transcript_marks()) and not after


def _evening_of_a_day_told(span: Span, result: Normalised, anchor: date, dct: date | None) -> bool:
    """Whether a bare clock time is on the last day the text named rather than on the
    document date: told in the past, from noon on, with that day in the week before the
    document date ("Bolt won on Sunday. The final started at 9:50 p.m."; a report is often
    filed the morning after), or hanging on a noun with no verb of its own to tense it ("in an
    address at 11:35 p.m., Obama said"). A morning time ("cut power at about 3 a.m.") is the report's
    own morning, and stays on the document date."""
    return (_in_week_before(anchor, dct)
            and int(result.value[11:13]) >= 12 and governing_tense(span) in (PAST, NO_TENSE))


def _in_week_before(day: date, dct: date | None) -> bool:
    """Whether `day` is one of the seven days before the document date (subtracting dates, which
    cannot overflow as `dct - timedelta` can at the first date there is)."""
    return dct is not None and 0 < (dct - day).days <= 7


# The hour a part of the day begins, for a clock time told after it ("Saturday morning ... at 9 a.m.").
_PART_OF_DAY_HOURS = {"MO": 0, "MI": 11, "AF": 12, "EV": 17, "NI": 20}


def _later_hour_of_a_day_told(span: Span, result: Normalised, anchor: date, anchor_value: str,
                              dct: date | None) -> bool:
    """Whether a bare clock time goes on telling the hours of the last day named: that day was
    told by the clock or by its part ("called the race at 1:10 a.m. on Sunday", "left on Saturday
    morning"), in the week before the document date, and this time, told in the past, is not
    earlier than it ("conceded before 2 a.m.", "derailed at 9 a.m."). An earlier hour ("at 10 p.m.
    on Sunday ... at 4 a.m.") has moved on to another day."""
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(?:(\d\d):\d\d" + ZONE_OFFSET_RE + "|(" + PART_OF_DAY_CODES + "))", anchor_value)
    if dct is None or m is None or m.group(1) != anchor.isoformat() or not _in_week_before(anchor, dct):
        return False
    told = int(m.group(2)) if m.group(2) else _PART_OF_DAY_HOURS[m.group(3)]
    return int(result.value[11:13]) >= told and governing_tense(span) in (PAST, NO_TENSE)


def _weekday_of_a_week_told(span: Span, result: Normalised, week_value: str) -> Normalised | None:
    """A bare weekday in a "when" clause that hangs on a verb a week dates ("begins next
    week, when Alcoa reports on Thursday", "collapsed last week, when the envoy left on
    Thursday"): that weekday of the week named before it in the sentence; else None."""
    m = re.fullmatch(r"(\d{4})-W(\d\d)", week_value)
    words = [t.lower_.rstrip(".") for t in span if t.lower_ != "on"]
    if m is None or result.type != DATE or len(words) != 1 or words[0] not in WEEKDAYS:
        return None
    verb = _event_verb(span)
    if verb is None or verb.dep_ != "advcl" or not any(c.lower_ == "when" for c in verb.children):
        return None
    if not any(c.lower_ == "week" for c in verb.head.children):
        return None
    return the_day(date.fromisocalendar(int(m.group(1)), int(m.group(2)), WEEKDAYS[words[0]] + 1))


# Words that join the two ends of a range, the earlier first: "Friday until Saturday", "Monday
# through Wednesday". Not "and": a list need not keep the order of days ("statements made Friday
# and Thursday").
_RANGE_JOINERS = frozenset({"until", "till", "to", "through", "thru", "-", "\u2013"})


def _weekday_after_the_first(span: Span, before: Span, result: Normalised, day_before: str) -> Normalised | None:
    """A weekday that ends a range begun by the day just named ("from 6 p.m. Friday until 6 a.m.
    Saturday", "closed Monday through Wednesday") is not before it: the first such weekday on or
    after that day, keeping a clock time or part of the day; None when it already is, or the two
    are not so joined."""
    doc = span.doc
    if not (before.end == span.start - 1 and doc[before.end].lower_ in _RANGE_JOINERS):
        return None
    first = named_day(day_before)
    weekdays = [WEEKDAYS[w] for t in span if (w := t.lower_.rstrip(".")) in WEEKDAYS]
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)(T.*)?", result.value)
    if not first or len(weekdays) != 1 or m is None or result.date_start is None or result.date_start >= first:
        return None
    if any(t.lower_.rstrip(".") in MONTH_NAMES or t.like_num and t.text.isdigit() and len(t.text) == 4 for t in span):
        return None  # a date of its own ("Friday, March 8")
    day = first + timedelta(days=(weekdays[0] - first.weekday()) % 7)
    return Normalised(result.type, day.isoformat() + (m.group(2) or ""), day, day)


def _without_determiner_of_a_noun(span: Span) -> Span:
    """ "after the spring gathering of troops", "The summer offensive failed", "since the 1990s
    boom": a season or a decade that describes the noun after it is the expression; "the" is
    that noun's determiner, outside the extent, as for "won the [November] election" or "by the
    [Tuesday] deadline". Read here, not in the tagger: it needs the parse, which runs after it.
    ("in the future people will remember", misparsed, keeps its "the": neither.)"""
    doc = span.doc
    if len(span) != 2 or span[0].lower_ != "the" or span.end >= len(doc):
        return span
    noun, last = doc[span.end], span[-1]
    if (noun.pos_ in ("NOUN", "PROPN") and last.head.i == noun.i and span[0].head.i == noun.i
            and last.dep_ in ("compound", "nmod", "amod")
            and (last.lower_ in SEASON_NAMES or re.fullmatch(r"\d{3}0'?s", last.lower_))):
        return Span(doc, span.start + 1, span.end, label=span.label_)
    return span


def _other_end_of_a_day_range(span: Span, result: Normalised, spans: list[Span]) -> tuple[Span, Normalised] | None:
    """The bare day number at the other end of a range of days in one month ("on January 13-14",
    "from 13 to 15 March"): TimeML marks each end, and that number is the day of the month the
    expression names (the later one after it, the earlier one before it); None otherwise. "and"
    joins no range ("February 10 and 11 others"), as for weekdays."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", result.value)
    if m is None or result.type != DATE:
        return None
    doc, year, month, day = span.doc, int(m.group(1)), int(m.group(2)), int(m.group(3))
    if span[-1].text.isdigit() and int(span[-1].text) == day:  # "January 13" - 14
        at, later = span.end + 1, True
    elif span[0].text.isdigit() and int(span[0].text) == day:  # 13 - "14 January"
        at, later = span.start - 2, False
    else:
        return None
    joiner = at - 1 if later else at + 1
    if not (0 <= at < len(doc) and doc[joiner].lower_ in _RANGE_JOINERS and doc[at].text.isdigit()):
        return None
    other = int(doc[at].text)
    if (other > day) != later or other == day or other > calendar.monthrange(year, month)[1]:
        return None
    if later and at + 1 < len(doc) and doc[at + 1].pos_ in ("NOUN", "PROPN"):
        return None  # "January 13 to 14 delegates": a count of something else
    if any(s.start <= at < s.end for s in spans):
        return None
    when = date(year, month, other)
    return doc[at:at + 1], Normalised(DATE, when.isoformat(), when, when)


def _years_of_a_range(span: Span, sentence: int) -> list[Timex] | None:
    """The two years of a range written as one ("2022–2024", "2021 - 2023"; `dates.YEAR_RANGE_RE`),
    each a DATE at its own characters, as TimeML marks the ends of a range; None otherwise."""
    m = YEAR_RANGE_RE.fullmatch(span.text)
    if m is None or not int(m.group(1)) < int(m.group(2)):
        return None
    return [_timex_of(span.start_char + m.start(group), span.start_char + m.end(group), m.group(group),
                      the_year(int(m.group(group))), sentence) for group in (1, 2)]


def _timex_of(start: int, end: int, text: str, result: Normalised, sentence: int) -> Timex:
    """The record of one expression at characters `start`-`end` of the document."""
    return Timex(start=start, end=end, text=text, type=result.type, value=result.value,
                 date_start=result.date_start, date_end=result.date_end, sentence=sentence)


def _month_opening_a_dated_range(span: Span, after: Span) -> Normalised | None:
    """A bare month that opens a range whose closing month has its year ("January-June 2021",
    "March to May 2022"): that year's month, or the year before's if it comes later in the year
    than the closing month ("November-February 2022"); None otherwise."""
    doc = span.doc
    if len(span) != 1 or span[0].lower_.rstrip(".") not in MONTHS \
            or not (after.start == span.end + 1 and doc[span.end].lower_ in _RANGE_JOINERS):
        return None
    m = re.fullmatch(r"([A-Za-z]+)\.?,?\s+(\d{4})", after.text.strip())
    if m is None or m.group(1).lower() not in MONTHS:
        return None
    first, last = MONTHS[span[0].lower_.rstrip(".")], MONTHS[m.group(1).lower()]
    year = int(m.group(2)) - (1 if first > last else 0)
    value, start, end = calendar_month(year, first)
    return Normalised(DATE, value, start, end)


def _event_verb(span: Span) -> Token | None:
    """The verb whose event the expression dates: the first verb up the tree from it."""
    token = span.root
    while token.head.i != token.i:  # spaCy makes a new Token on each access: compare indices
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return token if token.pos_ in ("VERB", "AUX") else None


def _day_named_later(spans: list[Span], index: int, sentence: int, sentence_of: dict[int, int],
                     dct: date | None, settings: TimexSettings) -> str:
    """The value of the first day named after spans[index] in the same sentence, when it is
    the day the event falls on ("at 6 a.m. ... on Election Day", "at 11:56 a.m. (0611 GMT)
    on Saturday"), else ""."""
    if sentence < 0:
        return ""
    for later in spans[index + 1:]:
        if sentence_of.get(later.start, -1) != sentence:
            return ""
        doc = later.doc
        result = normalise(
            later.text, dct, tense=governing_tense(later),
            prev_word=doc[later.start - 1].lower_ if later.start > 0 else "",
            next_word=doc[later.end].lower_ if later.end < len(doc) else "", date_order=settings.date_order)
        if _bare_clock_time(later, result, dct):
            continue  # "(0611 GMT)": the same moment on another clock, no day of its own
        if result is not None and result.type in (DATE, TIME) and named_day(result.value) is not None:
            # only a day the event falls "on": "closed at 5 p.m. and will stay closed through
            # Thursday", "rose by 11 a.m.; sales fell, it said Tuesday" name other times, and so
            # does a day on another verb between them ("at 5 a.m., hours after scouts landed on Sunday")
            on = later.start > 0 and doc[later.start - 1].lower_ == "on"
            verb = _event_verb(later)
            other = (verb is not None and verb is not _event_verb(spans[index])
                     and spans[index].end <= verb.i < later.start)
            return result.value[:10] if on and not other else ""
    return ""


@lru_cache(maxsize=1)
def habitual_adverbs() -> frozenset[str]:
    """Adverbs of habit (core/data/timex_habitual_adverbs.txt)."""
    return frozenset(read_words(HABITUAL_ADVERBS_FILE))


def _habitual(span: Span) -> bool:
    """A bare month or season ("in February", "in the spring") right under a present-tense
    verb that an adverb of habit modifies ("flu usually peaks in February")."""
    words = [t.lower_ for t in span if t.lower_ not in ("the", "in")]
    if len(words) != 1 or not (words[0] in MONTH_NAMES or words[0] in SEASON_NAMES):
        return False
    prep = span.root.head
    verb = prep.head if prep.dep_ == "prep" else prep
    return (verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VBZ", "VBP")
            and any(c.dep_ == "advmod" and c.lower_ in habitual_adverbs() for c in verb.children))


def _day_directed(span: Span, dct: date) -> Normalised | None:
    """A bare weekday that dates what someone was urged, told or allowed to do
    (`under_past_directive`): the deed follows a directive the report tells soon after, so it may
    lie either side of the document date, and the nearest such weekday is meant ("urged residents
    to stay home Saturday", said on Friday: the next day; "were ordered to leave on Friday", said
    on Sunday: two days before). None for any other expression."""
    words = [t.lower_.rstrip(".") for t in span if t.lower_ != "on"]
    if len(words) != 1 or words[0] not in WEEKDAYS or not under_past_directive(span):
        return None
    back = (dct.weekday() - WEEKDAYS[words[0]]) % 7
    ahead = (WEEKDAYS[words[0]] - dct.weekday()) % 7
    return the_day(dct + timedelta(days=ahead) if ahead < back else dct - timedelta(days=back))


# The value of "each season" read from its words alone: a season of the year as a unit.
_SEASON_UNIT = "P1S"


@lru_cache(maxsize=1)
def competition_words() -> frozenset[str]:
    """Word forms of a sport or a competition (core/data/timex_competition_words.txt)."""
    return frozenset(read_words(COMPETITION_WORDS_FILE))


def _season_of_play(span: Span) -> bool:
    """ "each season" in a sentence of a sport or a competition ("the club refreshes the squad
    each season", "plays 38 matches each season"): the season of play, once a year."""
    words = span.sent if span.doc.has_annotation("SENT_START") else span.doc
    return any(t.lower_ in competition_words() for t in words if not span.start <= t.i < span.end)


@lru_cache(maxsize=1)
def report_nouns() -> frozenset[str]:
    """Nouns of figures reported for a period once it is over (core/data/timex_report_nouns.txt)."""
    return frozenset(read_words(REPORT_NOUNS_FILE))


# How many months after its end a month's figures are still the news ("will release its November
# figures" said in December, or in February after revisions); older ones would be stale, and the
# coming month of that name is meant ("the April jobs report" said in March).
_FIGURES_LAG_MONTHS = 3


def _month_of_figures(span: Span, result: Normalised, dct: date) -> Normalised | None:
    """A bare month that names reported figures ("its November figures", "the October employment
    report", "December's sales"): the latest such month begun by the document date, if it began
    at most `_FIGURES_LAG_MONTHS` months before, as figures are reported once their month is over;
    None for any other expression, or when it already is."""
    words = [t.lower_.rstrip(".") for t in span]
    m = re.fullmatch(r"(\d{4})-(\d\d)", result.value)
    if m is None or len(words) != 1 or words[0] not in MONTH_NAMES:
        return None
    token, steps = span.root, 0
    while token.dep_ in ("compound", "poss") and steps < 3 and token.head.i != token.i:
        token, steps = token.head, steps + 1
        if token.lower_ in report_nouns() and token.pos_ == "NOUN":
            month = int(m.group(2))
            year = dct.year if month <= dct.month else dct.year - 1
            if year == int(m.group(1)) or (dct.year - year) * 12 + dct.month - month > _FIGURES_LAG_MONTHS:
                return None  # already so, or that month's figures are stale: the coming ones are meant
            return Normalised(DATE, *calendar_month(year, month))
    return None


_QUARTER_WORDS = re.compile(r"(?:the )?(?:fiscal )?quarter", re.IGNORECASE)
# Days back from a quarter's last day to a day in the calendar quarter most of it falls in
# (a fiscal quarter "ended July 31" runs May to July: mostly the second quarter).
_QUARTER_MIDDLE = timedelta(days=45)


def _quarter_ended_on(span: Span, spans: list[Span], index: int, dct: date | None,
                      settings: TimexSettings) -> Normalised | None:
    """ "the quarter ended Sept. 30", "the fiscal quarter ending June 30": the calendar
    quarter most of the three months before that day fall in; None when no day follows."""
    doc = span.doc
    if not _QUARTER_WORDS.fullmatch(span.text) or span.end >= len(doc) or doc[span.end].lower_ not in ("ended", "ending"):
        return None
    following = spans[index + 1] if index + 1 < len(spans) else None
    gap = following.start - span.end - 1 if following is not None else -1
    if following is None or not (gap == 0 or gap == 1 and doc[span.end + 1].lower_ == "on"):
        return None
    day = normalise(following.text, dct, tense=PAST, date_order=settings.date_order)
    if day is None or day.type != DATE or day.date_start is None or day.date_start != day.date_end:
        return None
    middle = day.date_start - _QUARTER_MIDDLE
    return the_quarter(middle.year, (middle.month - 1) // 3 + 1)


@lru_cache(maxsize=1)
def generic_nouns() -> frozenset[str]:
    """Nouns of an age (core/data/timex_generic_nouns.txt): "today's world", "the leaders of tomorrow"."""
    return frozenset(read_words(GENERIC_NOUNS_FILE))


# What "today" and "tomorrow" stand for when they name an age, not a day (TimeML).
_GENERIC_DAY_WORDS = {"today": "PRESENT_REF", "tomorrow": "FUTURE_REF"}


def _generic_day_word(span: Span) -> str:
    """PRESENT_REF or FUTURE_REF for a "today" or "tomorrow" that names the present age or
    the one to come: owning a noun of an age ("today's world") or a place ("today's Ukraine",
    the country as it now is), or after "of" under a noun of an age ("the leaders of
    tomorrow"); "" for a calendar day ("today's vote", "by the end of today")."""
    if len(span) != 1 or span[0].lower_ not in _GENERIC_DAY_WORDS:
        return ""
    doc, token = span.doc, span[0]
    if token.lower_ == "today" and _today_as_the_present_age(token):
        return "PRESENT_REF"
    owner = token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("'s", "\u2019s")
    if owner:
        noun = token.head
    elif token.i > 0 and doc[token.i - 1].lower_ == "of" and token.head.i == token.i - 1:
        noun = doc[token.i - 1].head
    else:
        return ""
    place = owner and noun.pos_ == "PROPN" and noun.ent_type_ in ("GPE", "LOC")  # "today's Ukraine"
    if not place and (noun.pos_ not in ("NOUN", "PROPN", "ADJ") or noun.lower_ not in generic_nouns()):
        return ""
    return _GENERIC_DAY_WORDS[token.lower_]


@lru_cache(maxsize=1)
def state_verbs() -> frozenset[str]:
    """Verbs of a lasting state (core/data/timex_state_verbs.txt): "Germany today receives 55 bcm"."""
    return frozenset(read_words(STATE_VERBS_FILE))


# A present tense, or the auxiliary of a present progressive.
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})


def _today_as_the_present_age(token: Token) -> bool:
    """ "Unemployment is higher today than it was in 2009", "the business today looks nothing
    like it did in the 1990s", "the rover is still exploring today": a "today" that dates a
    present verb set against the same predicate in the past in its own clause ("than it was",
    "like it did"; not "than analysts expected", a comparison with a forecast), or a
    present progressive that goes on "still", names the present age, not the report's day (TimeML
    PRESENT_REF). So does a "today" on a simple present of a lasting state ("Germany today receives
    55 bcm of gas", "the fate of the country today depends on you", core/data/timex_state_verbs.txt)
    or set against all the past ("our state today is stronger than ever"). "today it still feels like
    the sky has fallen" (no past, no progressive, no state verb) and "said today" (a past verb) keep
    the day."""
    verb = token.head
    if token.dep_ != "npadvmod" or verb.pos_ not in ("VERB", "AUX"):
        return False
    aux = [c for c in verb.children if c.dep_ == "aux"]
    if verb.tag_ == "VBG" and any(a.lower_ in _PRESENT_BE for a in aux):
        return any(c.dep_ == "advmod" and c.lower_ == "still" for c in verb.children)
    if verb.tag_ not in _PRESENT_TAGS or aux:
        return False
    if verb.lemma_.lower() in state_verbs():
        return True
    if any(c.lower_ == "than" for c in verb.children if c.i < token.i):
        return True  # "we will be stronger a year from now than we are today": now, against a time to come
    words = list(verb.subtree)
    for k, word in enumerate(words):
        if word.lower_ == "than" and k + 1 < len(words) and words[k + 1].lower_ == "ever":
            return True
        if word.lower_ not in ("than", "like") or word.i < token.i:
            continue
        # the first verb after it, however the parser hangs it ("like it did" as a ccomp), or after
        # "than" a present perfect ("than I have been my whole life"; not "feels like the sky has fallen")
        after = next((w for w in words[k + 1:] if w.pos_ in ("VERB", "AUX")), None)
        if after is not None and after.tag_ == "VBD" and after.lemma_ in ("be", "do", "have"):
            return True
        if word.lower_ == "than" and after is not None and after.lemma_ == "have" and after.tag_ in _PRESENT_TAGS \
                and any(w.tag_ == "VBN" for w in words[k + 1:]):
            return True
    return False


# "a year", "per day": one unit after a quantity, as a rate ("$400,000 a year").
_RATE_RE = re.compile(r"(?:a|an|per) (?:hour|day|week|month|year)")
# Words after "a week" that make it the distance to a time ("a week before the vote").
_OFFSET_WORDS = frozenset({"before", "after", "ago", "earlier", "later", "prior", "since", "early", "late",
                           "ahead", "behind", "longer", "more", "or"})
# How far back from the unit its number may stand ("55 billion cubic metres of natural gas a year").
_RATE_REACH = 8
# Plural counts that stand for a number ("billions of dollars a year", "dozens of flights a day").
_COUNTING_PLURALS = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "billions", "trillions"})
# Parts of speech a quantity's noun phrase is made of, back from the unit to its number.
_QUANTITY_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "SYM", "DET"})


def may_be_a_rate(span: Span) -> bool:
    """By its words alone, whether `span` may be a rate (`_rate_of_a_quantity` then reads the
    parts of speech): "a year" or "per day" with a number in the eight words before it."""
    if not _RATE_RE.fullmatch(span.text.lower()):
        return False
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    if after in _OFFSET_WORDS:
        return False  # "hit three towns a week before the vote": how long before, no rate
    return any(_counts(token) for token in span.doc[max(0, span.start - _RATE_REACH):span.start])


def _counts(token: Token) -> bool:
    """A number, or a plural that stands for one ("billions", "dozens")."""
    return token.like_num or token.lower_ in _COUNTING_PLURALS


def _rate_of_a_quantity(span: Span) -> bool:
    """ "earning $400,000 a year", "1 percent a month", "55 billion cubic metres of gas a year",
    "over 100 mcm a day": one unit right after a noun phrase that counts something is a rate, a
    SET (every blind set so marks the rates we find). Walking back from the unit, only a counted
    noun phrase ("of" inside it) may stand between it and its number; "for a month", "hit a week
    before", "on Sunday, a day after" are no rates."""
    if not may_be_a_rate(span):
        return False
    doc = span.doc
    first = doc[span.start - 1]
    if first.pos_ not in ("NOUN", "PROPN", "NUM", "SYM"):
        return False
    for token in reversed(doc[max(0, span.start - _RATE_REACH):span.start]):
        if _counts(token) or token.pos_ == "NUM":
            return True
        if token.pos_ not in _QUANTITY_POS and token.lower_ != "of":
            return False
    return False


# Forms of "be" before "the day" that make it what a day is called, not when ("today is the day").
_COPULAS = frozenset({"is", "'s", "\u2019s", "was", "be", "are", "were", "been"})


def _day_of_no_date(span: Span) -> bool:
    """ "Today is the day", "February 16 will be the day of the attack": "the day" after "be"
    says what a day is, no day of its own (unmarked in all three such corpus cases); and "At the
    end of the day, ..." opening a sentence is "in the end" ("they have till the end of the day"
    stays that day)."""
    doc, text = span.doc, span.text.lower()
    before = doc[span.start - 1] if span.start > 0 else None
    if text == "the day":
        return before is not None and before.lower_ in _COPULAS
    if text != "the end of the day" or before is None or before.lower_ != "at":
        return False
    opens = before.is_sent_start or (before.i > 0 and doc[before.i - 1].lower_ in ("but", "and", ","))
    return opens and span.end < len(doc) and doc[span.end].text == ","


def _unit_a_length_measures(span: Span) -> bool:
    """ "worked 12-hour days", "70-hour weeks": a bare plural unit right after a hyphenated length
    ("12-hour", its own DURATION) is what that length measures, no stretch of time of its own."""
    doc, words = span.doc, span.text.lower()
    if len(span) != 1 or not words.endswith("s") or words[:-1] not in UNITS or span.start < 2:
        return False
    return doc[span.start - 2].text == "-" and doc[span.start - 1].lower_ in UNITS


def _now_of_no_time(span: Span) -> bool:
    """ "Now," opening a sentence before a comma is a turn of speech, no time ("Now, as you know,
    we have ..."): unmarked in all seven such cases of the corpus sets and TimeBank's one. (The "now"
    of "for seven years now" stays: two corpus annotators mark it, six times, and three leave it,
    five times.)"""
    doc = span.doc
    return bool(span.text == "Now" and span[0].is_sent_start and span.end < len(doc) and doc[span.end].text == ",")


# The modal that makes "overnight" a manner, how fast a thing can come about ("prices can change
# overnight", "ca" of "can't"), while "could", "would" and "will" keep a forecast's night ("the
# winds could ease overnight", "conditions would worsen overnight").
_ABILITY_MODALS = frozenset({"can", "ca"})


@lru_cache(maxsize=1)
def ease_adjectives() -> frozenset[str]:
    """Adjectives whose infinitive an "overnight" measures (core/data/timex_ease_adjectives.txt)."""
    return frozenset(read_words(EASE_ADJECTIVES_FILE))


def _overnight_of_no_night(span: Span) -> bool:
    """ "This will not happen overnight", "it is impossible to resolve this overnight", "things
    can change overnight": "overnight" as "all at once", no night in time. Its verb is negated,
    under "can", or an infinitive an adjective of ease governs. The night of the report
    ("sirens sounded overnight", "results were expected overnight") stays."""
    if span.text.lower() != "overnight":
        return False
    verb = span.root.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _ABILITY_MODALS) for c in verb.children):
        return True
    if verb.dep_ not in ("xcomp", "ccomp"):
        return False
    ruler = verb.head  # "impossible to resolve" or "it is impossible to resolve" (the adjective a sibling)
    ease = ease_adjectives()
    return ruler.lower_ in ease or any(c.dep_ == "acomp" and c.lower_ in ease for c in ruler.children)


def _future_spoken_of(span: Span) -> bool:
    """ "the future of the region", "the future looks bleak": the prospects of something, what
    is spoken of, not a time at which something happens ("in the future", "worried about the
    future" stay FUTURE_REF). TimeML marks "the future" only as a time of an event."""
    root = span.root
    if root.lower_ != "future" or span[0].lower_ != "the":
        return False
    return root.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)


# Prepositions before "the past" / "the future" other than "in" ("looking into the past",
# "belong to the past"): the time of an event only when they hang on a verb.
_REFERENCE_PREPOSITIONS = frozenset({"into", "to", "from"})


def _reference_not_of_a_verb(span: Span) -> bool:
    """ "an approach to the future", "the road to the past president": "the past" or "the
    future" after "into", "to" or "from" that is no time of an event, as the preposition hangs on
    a noun, or "past" describes a noun; "looking into the past", "will belong to the past",
    "never go back to the past" hang on a verb (or on its adverb) and stay PAST_REF / FUTURE_REF."""
    doc = span.doc
    if span.text.lower() not in ("the past", "the future") or span.start == 0:
        return False
    prep = doc[span.start - 1]
    if prep.lower_ not in _REFERENCE_PREPOSITIONS:
        return False
    root, holder = span.root, prep.head
    if holder.pos_ == "ADV":  # "go back to the past": the adverb's verb
        holder = holder.head
    return not (root.head.i == prep.i and holder.pos_ in ("VERB", "AUX"))


def _overnight_on_noun(span: Span) -> bool:
    """ "overnight losses in New York", "overnight trading": the market's night before the
    day the text tells of (the last day named anywhere before), while an "overnight" that
    dates a verb ("sirens sounded overnight") is the night before the report, unless its
    own sentence named a day earlier."""
    return span.text.lower() == "overnight" and span.root.dep_ == "amod"


def _with_swallowed_period(span: Span) -> tuple[int, str]:
    """The extent's end and text, with the period of "p.m." that the tokenizer put into
    the full stop after it ("ended at 7:08 p.m.." is "p.m" + ".."): the abbreviation whole."""
    doc = span.doc
    if span[-1].lower_ in _CUT_ABBREVIATIONS and span.end < len(doc) and doc[span.end].text.startswith("."):
        return span.end_char + 1, span.text + "."
    return span.end_char, span.text


def _sets_the_scene(span: Span) -> bool:
    """Whether a year takes its sentence there ("in 1964, when ...", "During 2019, ..."),
    as a point of comparison ("up 5% from 2021 levels", "than in 2019") does not."""
    doc = span.doc
    if span.start == 0 or doc[span.start].is_sent_start:
        return True
    if doc[span.start - 1].lower_ not in _SCENE_PREPOSITIONS:
        return False
    if span.start >= 2 and doc[span.start - 2].lower_ in COMPARISON_LEADS:
        return False
    # a year told after its verb that dates a clause of its own sets no scene for the rest: a relative
    # clause on a noun ("the jet, which joined the fleet in 2002, was last serviced on May 3"), or one
    # of two verbs joined by "and" ("was built in 2001 and had been drilling since February"); one
    # put before its verb ("In 2015, the firm moved, and in May ...") still opens the whole sentence
    verb = doc[span.start - 1].head
    return not (verb.pos_ in ("VERB", "AUX") and verb.i < span.start and (verb.dep_ in _OWN_CLAUSE_DEPS or any(
        c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children)))


def _year_back_of(value: str, quarter_value: str) -> bool:
    """Whether `value` is the quarter the text is about in an earlier year ("in the
    1988 period" after "the third quarter" of 1989): a point of comparison, as "a year ago"."""
    m, q = re.fullmatch(r"(\d{4})-Q([1-4])", value), re.fullmatch(r"(\d{4})-Q([1-4])", quarter_value)
    return bool(m and q and m.group(2) == q.group(2) and int(m.group(1)) < int(q.group(1)))


def _aside_quarter(value: str, quarter_value: str, dct: date | None) -> bool:
    """Whether `value` is a quarter named beside the one a report is about: once the text
    reports on the last quarter over before the document date ("third-quarter net rose"),
    another quarter ("after a flat second quarter", a forecast "into the fourth quarter")
    is an aside, and "the period", "a year ago" still mean the quarter reported."""
    if dct is None or not re.fullmatch(r"\d{4}-Q[1-4]", value) or value == quarter_value:
        return False
    year, q = latest_quarter(dct)
    return quarter_value == f"{year:04d}-Q{q}"


def tag_text(nlp: Language, text: str, dct: date | None) -> list[Timex]:
    """Run the pipeline over `text` and normalise its time expressions."""
    return list(iter_timexes(nlp(text), dct))


def _tag_on_the_fly(doc: Doc, settings: TimexSettings) -> list[Span]:
    """Spans for a Doc made by a pipeline without our component."""
    return TimexTagger(doc.vocab, settings=settings).match(doc)


def _sentence_index(doc: Doc) -> dict[int, int]:
    """Token index -> index of its sentence in list(doc.sents); empty without boundaries."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return {}
    return {token.i: number for number, sent in enumerate(doc.sents) for token in sent}
