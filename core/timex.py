"""Time expressions: a spaCy component that finds them, and their TimeML values.

Two named steps, kept apart:

1. Finding (context-free, in the pipeline). `TimexTagger.match(doc)` takes
   candidates from rules kept as data (`core/data/timex_patterns.jsonl`,
   Matcher patterns with optional context tokens trimmed off) plus the
   model's DATE/TIME entities, widens each over a modifier that TimeML puts
   inside the extent ("at least", "or so": `core/data/timex_mod_prefixes.txt`,
   `timex_mod_suffixes.txt`), drops what a blocker rule covers
   (`core/data/timex_blockers.jsonl`, context tokens trimmed as in the
   patterns: "Sunday Times", "Second World War", an age after its noun
   ("61 years old"; "the 61-year-old" is a DURATION), the "a day" of a
   rate), the modal "may" and the verb "march", keeps the longest of
   overlapping candidates and types each one (DATE, TIME, DURATION, SET).
   `set_annotations(doc, spans)` writes them to `doc.spans["timex"]`.
2. Normalising (needs the document date). `iter_timexes(doc, dct)` reads the
   tense of the verb each span hangs from (`governing_tense`), the last day
   and the last period (a month, a quarter, a decade) resolved earlier in
   the text, and asks `core.timex_normalise` for the value.

Usage: `nlp = core.nlp.build_pipeline(); tag_text(nlp, text, dct)`.
"""
from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import srsly
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab
from spacy.util import filter_spans

from core import timex_normalise as tn
from core.records import Timex

log = logging.getLogger(__name__)

TIMEX_SPAN_KEY = "timex"
# spaCy forbids "." in factory names (config sections are dotted), so the
# versioned name "crisis.timex.v1" is spelled with underscores.
FACTORY_NAME = "crisis_timex_v1"
COMPONENT_NAME = "crisis_timex"

_DATA = Path(__file__).parent / "data"
PATTERNS_FILE = _DATA / "timex_patterns.jsonl"
BLOCKERS_FILE = _DATA / "timex_blockers.jsonl"
HOLIDAYS_FILE = _DATA / "timex_holidays.csv"
SCHEDULE_WORDS_FILE = _DATA / "timex_schedule_words.csv"
SCHEDULE_PREPOSITIONS_FILE = _DATA / "timex_schedule_prepositions.csv"
SAME_FORM_PAST_FILE = _DATA / "timex_same_form_past_verbs.txt"
REPORTING_VERBS_FILE = _DATA / "timex_reporting_verbs.txt"
HABITUAL_ADVERBS_FILE = _DATA / "timex_habitual_adverbs.txt"

# Model entity labels that are time expressions.
_NER_LABELS = frozenset({"DATE", "TIME"})
# Words the model folds into a time entity that TimeML leaves outside the
# timex: evaluative adjectives ("a long weekend" -> "weekend"), prepositions
# and focus adverbs with no TIMEX3 `mod` ("just last month" -> "last month").
# "about"/"the" stay: TimeML keeps them ("about 50 minutes").
_NER_TRIM_LEFT = frozenset({"long", "whole", "entire", "full", "busy", "hectic", "an", "estimated",
                            "on", "in", "at", "since", "until", "by", "during", "for", "from", "between",
                            *tn.NO_MOD_FOCUS})
# The same, in several words ("as early as next year" -> "next year"), longest first.
_NER_TRIM_LEFT_PHRASES = tuple(sorted((tuple(p.split()) for p in tn.NO_MOD_FOCUS if " " in p), key=len, reverse=True))
_EDGE_PUNCT = frozenset({",", ".", ";", ":", "(", ")", '"', "'", "-", "\u2019", "\u2018", "\u201c", "\u201d"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'"})
# Month names that are also a modal or a verb: only capitalised and not
# tagged as a verb/modal are they months ("May 5", not "it may be", "march").
_VERB_MONTHS = frozenset({"may", "march"})
# Words that tie a clock time to its day: "midnight on Dec. 31", "Friday at noon".
_TIME_DATE_JOINERS = frozenset({"on", "of", "at"})
# Auxiliaries that mark the tense of the verb the expression hangs from.
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
_MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can", "ca", "'d"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have", "'d"})
# "a.m", "p.m": what the tokenizer leaves of "a.m."/"p.m." when a second period follows.
_CUT_ABBREVIATIONS = frozenset({"a.m", "p.m"})
_EARLIEST_LEAD = ("as", "soon", "as")  # "as soon as Saturday": the earliest a coming event may be
# "was expected to", "were scheduled to": a plan told in the past passive, still ahead.
_PAST_PASSIVE_AUX = frozenset({"was", "were"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "'m", "do", "does"})
# Words of a point of comparison ("from $2 a year earlier", "the year-ago quarter"):
# such an expression does not move the period the text is talking about.
_COMPARISON_WORDS = frozenset({"ago", "earlier", "year-ago", "year-earlier"})
# Comparatives that, before "than", make a counted span the gap between two times
# ("two months earlier than he had planned"), not a point counted from a day.
_COMPARATIVES = frozenset({"earlier", "later", "sooner"})
# Prepositions by which a year sets the scene of its sentence ("in 1964, when the Games
# were held in October"), unless a comparison leads into them ("than in 2019").
_SCENE_PREPOSITIONS = frozenset({"in", "during"})
_COMPARISON_LEADS = frozenset({"than", "from", "since", "with", "as"})
# Words that make an expression a count of units ("in a decade", "in several years", "in years").
_COUNT_WORDS = frozenset({"a", "an", "few", "several", "many", "some", "decades", "years", "months",
                          "weeks", "days", "hours", "centuries"})
_GOVERNOR_STEPS = 8  # head hops to find the governing verb; a sentence is rarely deeper
# Dependencies of a present participle that modifies a noun or a clause ("closing
# unchanged Friday", "the contingent arriving Tuesday"), or that works as a preposition
# ("including a drop on Friday", "following talks on Monday"): its time is its governor's.
_PARTICIPLE_DEPS = frozenset({"acl", "advcl", "amod", "pcomp", "xcomp", "conj", "relcl", "npadvmod", "prep"})
# Dependencies of a noun whose prepositional phrase dates the noun's own event, not the
# verb's: "talk of an invasion within the week" (pobj), "a move in April remained unlikely" (nsubj).
_EVENT_NOUN_DEPS = frozenset({"pobj", "nsubj", "nsubjpass"})
# Dependencies of an adjective that completes a verb ("was due", "had been expected to"),
# as opposed to one that describes a noun ("the report due on Friday").
_PREDICATE_DEPS = frozenset({"acomp", "xcomp", "ccomp", "conj", "advcl"})
# Dependencies of a verb that heads a clause of its own; with a subject and no auxiliary,
# a base form there is a present tense ("while City host Newcastle on Saturday").
_CLAUSE_HEAD_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl"})


@dataclass(frozen=True)
class TimexSettings:
    """Options of the component and of normalisation."""

    date_order: str = "DMY"      # how to read 03/02/2022: DMY (British) or MDY (American)
    use_ner: bool = True         # add the model's DATE/TIME entities to the rule matches


# ---------------------------------------------------------------- the component

class TimexTagger:
    """Finds and types time expressions; context-free (no document date)."""

    def __init__(self, vocab: Vocab, name: str = COMPONENT_NAME, *, settings: TimexSettings = TimexSettings()) -> None:
        self.name = name
        self.settings = settings
        # Compiled once per component: matching is then one pass per Doc.
        self.matcher = AnchoredMatcher(vocab, load_patterns(PATTERNS_FILE) + holiday_patterns(HOLIDAYS_FILE))
        self.blocker = AnchoredMatcher(vocab, load_patterns(BLOCKERS_FILE))
        self._trims = {row["id"]: tuple(row.get("trim", (0, 0))) for row in load_patterns(PATTERNS_FILE)}
        self._blocker_trims = {row["id"]: tuple(row.get("trim", (0, 0))) for row in load_patterns(BLOCKERS_FILE)}

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def match(self, doc: Doc) -> list[Span]:
        """Candidate spans from rules and NER, filtered, de-overlapped and typed."""
        rule_spans = [_widen_over_modifiers(_without_comparative(span)) for span in self._rule_candidates(doc)]
        ner_spans = [_widen_over_modifiers(_without_comparative(span))
                     for span in _ner_candidates(doc)] if self.settings.use_ner else []
        blocked = _blocked_tokens(doc, self.blocker, self._blocker_trims)
        kept: list[Span] = []
        for span in _prefer(rule_spans, ner_spans):
            if any(i in blocked for i in range(span.start, span.end)) or _is_verb_month(span):
                continue
            type_ = _context_free_type(span.text, self.settings)
            if type_ is not None:
                kept.append(Span(doc, span.start, span.end, label=type_))
        return _join_time_and_date(sorted(kept, key=lambda s: s.start), self.settings)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        doc.spans[TIMEX_SPAN_KEY] = spans

    def _rule_candidates(self, doc: Doc) -> list[Span]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            left, right = self._trims.get(doc.vocab.strings[match_id], (0, 0))
            span = _trim_edges(doc[start + left:end - right])
            if span is not None:
                spans.append(span)
        return spans


@Language.factory(FACTORY_NAME, default_config={"date_order": "DMY", "use_ner": True})
def make_timex_tagger(nlp: Language, name: str, date_order: str, use_ner: bool) -> TimexTagger:
    return TimexTagger(nlp.vocab, name, settings=TimexSettings(date_order=date_order, use_ner=use_ner))


def add_to_pipeline(nlp: Language, *, settings: TimexSettings = TimexSettings()) -> None:
    """Add the tagger after the model's NER (or last); a second call does nothing."""
    if COMPONENT_NAME in nlp.pipe_names:
        return
    config = {"date_order": settings.date_order, "use_ner": settings.use_ner}
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {"last": True}
    nlp.add_pipe(FACTORY_NAME, name=COMPONENT_NAME, config=config, **where)


# ---------------------------------------------------------------- normalisation

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
    quarter_value = ""  # the last quarter named, kept while other periods are named
    named_in_sentence: tuple[int, str] = (-1, "")  # (sentence, value) of the last date or time resolved
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    for index, span in enumerate(ordered):
        sentence = sentence_of.get(span.start, -1)
        day_before = named_in_sentence[1] if sentence >= 0 and named_in_sentence[0] == sentence else ""

        def resolve(sentence_value: str, span: Span = span) -> tn.Normalised | None:
            return tn.normalise(
                span.text, dct,
                tense=tn.NO_TENSE if _in_after_superlative(span) else governing_tense(span), anchor=anchor,
                prev_word=doc[span.start - 1].lower_ if span.start > 0 else "",
                next_word=doc[span.end].lower_ if span.end < len(doc) else "",
                date_order=settings.date_order, anchor_value=anchor_value, quarter_value=quarter_value,
                sentence_value=sentence_value,
            )

        try:
            result = resolve(anchor.isoformat() if anchor and _overnight_on_noun(span) else day_before)
            if not _named_day_value(day_before) and _bare_clock_time(span, result, dct):
                later = _day_named_later(ordered, index, sentence, sentence_of, dct, settings)
                if later:
                    result = resolve(later)  # "struck at 11:56 a.m. (0611 GMT) on Saturday": that Saturday's
                elif _evening_of_a_day_told(span, result, anchor, dct):
                    result = resolve(anchor.isoformat())  # "the final started at 9:50 p.m.", after "on Sunday"
        except Exception:  # noqa: BLE001 - one odd expression must not sink the article
            log.exception("could not normalise %r", span.text)
            result = tn.Normalised(span.label_ or tn.DATE, tn.UNRESOLVED_DATE)
        if result is None:
            continue
        if result.type == tn.DATE and _habitual(span) and (m := re.fullmatch(r"\d{4}(-(?:\d\d|SP|SU|FA|WI))", result.value)):
            result = tn.Normalised(tn.DATE, "XXXX" + m.group(1))  # "flu usually peaks in February": any year's
        if result.type == tn.DURATION and re.fullmatch(r"P\d+M", result.value):
            # "the first nine months": the text now reports on months, not on a quarter
            quarter_value = ""
            if re.fullmatch(r"\d{4}-Q[1-4]", anchor_value):
                anchor_value = ""
        if result.type in (tn.DATE, tn.TIME) and result.date_start is not None:
            if not (re.fullmatch(r"\d{4}", result.value) and not _sets_the_scene(span)):
                named_in_sentence = (sentence, result.value)
            since = span.start > 0 and doc[span.start - 1].lower_ in tn.SPAN_START_PREPOSITIONS
            if result.date_start == result.date_end and not since:
                anchor = result.date_start
            if not (since or _COMPARISON_WORDS & {t.lower_ for t in span} or _year_back_of(result.value, quarter_value)
                    or _aside_quarter(result.value, quarter_value, dct)):
                anchor_value = result.value
                if re.fullmatch(r"\d{4}-Q[1-4]", result.value):
                    quarter_value = result.value
        end_char, text = _with_swallowed_period(span)
        yield Timex(
            start=span.start_char, end=end_char, text=text, type=result.type, value=result.value,
            date_start=result.date_start, date_end=result.date_end, sentence=sentence,
        )


_DAY_WORDS = frozenset(tn.MONTH_NAMES) | frozenset(tn.WEEKDAY_NAMES) | {
    "today", "yesterday", "tomorrow", "tonight", "day", "night", "morning", "afternoon", "evening"}


def _named_day_value(value: str) -> bool:
    return bool(re.match(r"\d{4}-\d\d-\d\d(?:T|$)", value))


def _bare_clock_time(span: Span, result: tn.Normalised | None, dct: date | None) -> bool:
    """A clock time with no day of its own ("at 11:56 a.m. local time", "2050 GMT"), which
    the normaliser put on the document date."""
    return (result is not None and dct is not None and result.type == tn.TIME
            and re.fullmatch(re.escape(dct.isoformat()) + r"T\d\d:\d\dZ?", result.value) is not None
            and not any(t.lower_.rstrip(".") in _DAY_WORDS for t in span))


def _evening_of_a_day_told(span: Span, result: tn.Normalised, anchor: date | None, dct: date | None) -> bool:
    """Whether a bare clock time is on the last day the text named rather than on the
    document date: told in the past, from noon on, with that day in the week before the
    document date ("Bolt won on Sunday. The final started at 9:50 p.m."; a report is often
    filed the morning after). A morning time ("cut power at about 3 a.m.") is the report's
    own morning, and stays on the document date."""
    return (anchor is not None and dct is not None and dct - timedelta(days=7) <= anchor < dct
            and int(result.value[11:13]) >= 12 and governing_tense(span) == tn.PAST)


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
        result = tn.normalise(
            later.text, dct, tense=governing_tense(later),
            prev_word=doc[later.start - 1].lower_ if later.start > 0 else "",
            next_word=doc[later.end].lower_ if later.end < len(doc) else "", date_order=settings.date_order)
        if _bare_clock_time(later, result, dct):
            continue  # "(0611 GMT)": the same moment on another clock, no day of its own
        if result is not None and result.type in (tn.DATE, tn.TIME) and _named_day_value(result.value):
            # only a day the event falls "on": "closed at 5 p.m. and will stay closed through
            # Thursday", "rose by 11 a.m.; sales fell, it said Tuesday" name other times
            return result.value[:10] if later.start > 0 and doc[later.start - 1].lower_ == "on" else ""
    return ""


@lru_cache(maxsize=1)
def habitual_adverbs() -> frozenset[str]:
    """Adverbs of habit (core/data/timex_habitual_adverbs.txt)."""
    with HABITUAL_ADVERBS_FILE.open(encoding="utf-8") as handle:
        return frozenset(line.strip().lower() for line in handle if line.strip() and not line.startswith("#"))


def _habitual(span: Span) -> bool:
    """A bare month or season ("in February", "in the spring") right under a present-tense
    verb that an adverb of habit modifies ("flu usually peaks in February")."""
    words = [t.lower_ for t in span if t.lower_ not in ("the", "in")]
    if len(words) != 1 or not (words[0] in tn.MONTH_NAMES or words[0] in tn.SEASON_NAMES):
        return False
    prep = span.root.head
    verb = prep.head if prep.dep_ == "prep" else prep
    return (verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VBZ", "VBP")
            and any(c.dep_ == "advmod" and c.lower_ in habitual_adverbs() for c in verb.children))


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
    return span.start < 2 or doc[span.start - 2].lower_ not in _COMPARISON_LEADS


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
    year, q = tn.latest_quarter(dct)
    return quarter_value == f"{year:04d}-Q{q}"


def tag_text(nlp: Language, text: str, dct: date | None) -> list[Timex]:
    """Run the pipeline over `text` and normalise its time expressions."""
    return list(iter_timexes(nlp(text), dct))


def governing_tense(span: Span) -> str:
    """PAST, PRESENT, FUTURE, or "" from the verb the expression hangs from.

    Walk up the dependency tree to the first finite verb. "will"/"shall" make
    it future, a modal ("could", "may") points forward too, "have" + a modal
    ("could have") or a past form (VBD, was/were/had, did) makes it past.
    A verb inside a quotation does not govern an expression outside it (the
    parser often hangs "... in coming days" during a call on Saturday" from
    the quoted verb). With no parse, or no verb, it is "".

    A day right after a verb of saying ("said on Monday he would ...":
    `core/data/timex_reporting_verbs.txt`) dates the saying and takes that
    verb's tense, wherever the parser hangs it.

    What lies between the expression and that verb changes what its tense says:
    - a present participle without auxiliary ("closing unchanged Friday",
      "the first contingent arriving Tuesday") has no tense of its own: the
      walk goes on (a past participle, "the accord signed on Feb. 23", tells
      of a completed event: past);
    - an infinitive ("expects the deal to close by Dec. 15") takes its
      governor's tense, except under a past one ("were ordered to leave on
      Friday"), after which it may lie either side of the document date: "";
    - a bare participle or adjective of scheduling ("set to resume Monday",
      "due in October": `core/data/timex_schedule_words.csv`) puts it ahead:
      FUTURE (unless the pluperfect puts it past: "had been due to expire
      Friday"; "the rent was due on Friday", with no infinitive, is past too),
      and so does such a verb in the simple past before an infinitive ("crews
      expected to restore power by Sunday", "was due to fly Monday": the plan
      still holds);
    - an adjective ("worth $5 million in October") holds a state, not the verb's
      event ("payable Dec. 15", "effective Feb. 1" are words of scheduling, above) (a future verb it
      completes does date the far end of the state: "will stay closed through
      Wednesday"), and a noun inside a
      prepositional phrase ("accused the West of talk of an invasion within
      the week", "told companies of a cutback in September") or on the subject
      ("a move in April remained unlikely") an event of its own that a past
      verb does not date (a future one does: "will be named commander for a
      mission in December"): "";
    - a possessive ("Tuesday's declaration", "Thursday's closing price") dates
      the noun it owns, an event of its own, again only a future verb tells:
      "" otherwise.
    """
    reporting = _reporting_verb_before(span)
    if reporting is not None:
        return _tense_of(reporting)
    if _earliest_ahead(span) or _scheduled_through(span):
        return tn.FUTURE
    tense = _tense_of_governor(span)
    if tense != tn.FUTURE and span.root.dep_ == "poss":
        return tn.NO_TENSE
    if tense == tn.PRESENT and _simple_present_in(span):
        return tn.FUTURE
    return tense


def _earliest_ahead(span: Span) -> bool:
    """ "ready to open talks as soon as Saturday": "as soon as" before a day names the
    earliest time something still to come may happen, whatever tense reports it."""
    words = [t.lower_ for t in span.doc[max(0, span.start - 3):span.start]]
    return words == list(_EARLIEST_LEAD)


@lru_cache(maxsize=1)
def schedule_prepositions() -> dict[str, frozenset[str]]:
    """Verbs of scheduling or putting off -> the prepositions through which they put a time
    ahead (core/data/timex_schedule_prepositions.csv)."""
    with SCHEDULE_PREPOSITIONS_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if line.strip() and not line.startswith("#"))
        return {row["word"].strip().lower(): frozenset(row["prepositions"].lower().split()) for row in rows}


def _scheduled_through(span: Span) -> bool:
    """ "elections are set for October", "the vote was postponed until June", "adjourned
    the hearing to Tuesday": a verb of scheduling or of putting off, right above the
    preposition that governs the expression (or above the object that preposition
    hangs from: "set a hearing for October"), fixes a time still ahead, whatever its tense
    (not the pluperfect: "had been set for Friday" may have lapsed)."""
    prep = span.root.head
    if prep is span.root or prep.dep_ != "prep" or span.start == 0 or span.doc[span.start - 1].i != prep.i:
        return False
    verb = prep.head
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
        verb = verb.head  # "the court set a hearing for October"
    prepositions = schedule_prepositions().get(verb.lower_)
    return (prepositions is not None and prep.lower_ in prepositions and verb.pos_ in ("VERB", "AUX")
            and verb.tag_ in ("VBN", "VBD") and not _pluperfect(verb))


def _simple_present_in(span: Span) -> bool:
    """ "until a new president takes office in January", "who retires in the autumn": a
    simple present of an event verb, the expression right under it after "in", tells of
    what is scheduled, so a year-less month or season is the coming one."""
    prep = span.root.head
    if prep is span.root or prep.lower_ != "in" or prep.dep_ != "prep":
        return False
    verb = prep.head
    aux = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    return verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBP") and not aux


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs of saying (core/data/timex_reporting_verbs.txt)."""
    with REPORTING_VERBS_FILE.open(encoding="utf-8") as handle:
        return frozenset(line.strip().lower() for line in handle if line.strip() and not line.startswith("#"))


def _reporting_verb_before(span: Span) -> Token | None:
    """The verb of saying right before the expression ("said Monday he would ...",
    "announced on Friday that ..."): the expression dates the saying, though the
    parser may hang it from the reported verb."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ == "on":
        i -= 1
    if i < 0:
        return None
    verb = span.doc[i]
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in reporting_verbs() and verb.tag_ in ("VBD", "VBZ", "VBP"):
        return verb
    return None


def _tense_of_governor(span: Span) -> str:
    """`governing_tense` before the possessive rule: the walk up the tree."""
    doc = span.doc
    if not doc.has_annotation("DEP"):
        return tn.NO_TENSE
    token: Token = span.root
    infinitive = through_modifier = through_noun = False
    for _ in range(_GOVERNOR_STEPS):
        if token.head is token:
            return _tense_of(token) if token.pos_ in ("VERB", "AUX") else tn.NO_TENSE
        token = token.head
        if token.tag_ == "JJ" and token.dep_ != "ROOT":
            if _schedules(token, infinitive):
                # "due in October", "due to expire Friday": ahead; "had been due to expire Friday": either
                # side; "the report due on Friday", said in the past, is still ahead: the adjective
                # describes a noun, and only a verb it completes ("was", "had been") can put it back
                head = token.head
                was = (token.dep_ in _PREDICATE_DEPS and head is not token and head.pos_ in ("VERB", "AUX")
                       and _tense_of(head) == tn.PAST
                       # ", effective Thursday" set off after "raised rates": no complement of the verb
                       and not (token.dep_ == "advcl" and head.lemma_ != "be"))
                if was and infinitive and not _pluperfect(head):
                    return tn.FUTURE  # "he was due to fly to Belgrade Monday morning": the plan still holds
                return tn.NO_TENSE if was else tn.FUTURE
            if _state_until(token, span) and _tense_of(token.head) == tn.FUTURE:
                return tn.FUTURE  # "schools will stay closed through Wednesday": the state lasts till then
            through_modifier = True
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in _EVENT_NOUN_DEPS:
            # "talk of an invasion within the week", "a move in April remained unlikely": the noun's time
            through_modifier = through_noun = True
            continue
        if token.pos_ not in ("VERB", "AUX") or _across_quote(token, span):
            continue
        aux = {child.lower_ for child in token.children if child.dep_ in ("aux", "auxpass")}
        if _is_infinitive(token, aux):
            infinitive = True
            continue
        if not aux and token.tag_ == "VBN" and _schedules(token, infinitive):
            return tn.FUTURE  # "talks, set to resume Monday", "a vote expected in June": scheduled now, so ahead
        if not aux and token.tag_ == "VBD" and infinitive and _schedules(token, infinitive):
            return tn.FUTURE  # "crews expected to restore power by Sunday": what was expected is still ahead
        if (token.tag_ == "VBN" and infinitive and aux & _PAST_PASSIVE_AUX and not _pluperfect(token)
                and _schedules(token, infinitive)):
            return tn.FUTURE  # "the storm was expected to make landfall Wednesday": the same, in the passive
        if not aux and token.tag_ == "VBG" and token.dep_ == "prep" and _schedules(token, infinitive):
            return tn.FUTURE  # "told workers to stay home starting Monday": the measure begins ahead
        if _is_bare_participle(token, aux):
            continue
        tense = _tense_of(token)
        if through_modifier and (tense == tn.PAST or not through_noun):
            return tn.NO_TENSE
        if infinitive and tense == tn.PAST:
            return tn.NO_TENSE
        return tense
    return tn.NO_TENSE


def _state_until(adjective: Token, span: Span) -> bool:
    """ "stay closed through Wednesday", "remain open until Friday", "will stay shut on
    Monday": an adjective completing a verb, with the expression as the far end of the
    state it names or a time it holds on (not a point of comparison: "higher than in May")."""
    prep = span.root.head
    if not (adjective.dep_ == "acomp" and adjective.head.pos_ in ("VERB", "AUX") and prep.head.i == adjective.i):
        return False
    return prep.lower_ in tn.LIMIT_PREPOSITIONS or (
        prep.lower_ in ("on", "in") and prep.i > 0 and span.doc[prep.i - 1].lower_ not in _COMPARISON_LEADS)


def _pluperfect(verb: Token) -> bool:
    """ "had been due", "had expected": a past before the past, a plan that may have lapsed."""
    return any(child.dep_ in ("aux", "auxpass") and child.lower_ in ("had", "'d") for child in verb.children)


def _in_after_superlative(span: Span) -> bool:
    """ "the biggest project in 100 years", "for the first time in 30 years": "in" hangs on a
    noun a superlative or "first/last/only" picks out, so what follows is a span of time
    looked back over, whatever the verb's tense, not a point ahead."""
    if span.start == 0 or span.doc[span.start - 1].lower_ != "in":
        return False
    if not any(t.like_num or t.lower_ in _COUNT_WORDS for t in span):
        return False  # "will reach its closest point to the sun in August": a month, no count of time
    head = span.doc[span.start - 1].head
    nouns = [head] if head.pos_ in ("NOUN", "PROPN") else [
        c for c in head.children if c.dep_ in ("attr", "dobj", "nsubj") and c.pos_ in ("NOUN", "PROPN")]
    if head.pos_ in ("VERB", "AUX") and head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(head.head)  # "the worst storm to hit the coast in 70 years", "the largest crowd seen in a decade"
    return any(_picks_out(c) for n in nouns for c in n.children)


def _picks_out(modifier: Token) -> bool:
    """A superlative ("biggest", "most destructive") or "first/last/only" on a noun."""
    return (modifier.tag_ == "JJS" or modifier.lower_ in ("first", "last", "only")
            or modifier.tag_ == "JJ" and any(c.lower_ in ("most", "least") for c in modifier.children))


def _is_infinitive(verb: Token, aux: set[str]) -> bool:
    """"to leave", "to be completed"; not a perfect infinitive ("to have left": past)."""
    return ("to" in aux and verb.tag_ in ("VB", "VBN", "VBG") and "have" not in aux
            and not aux & (_FUTURE_AUX | _MODAL_AUX))


def _is_bare_participle(verb: Token, aux: set[str]) -> bool:
    """A present participle with no auxiliary that modifies something else: no tense of its own."""
    return verb.tag_ == "VBG" and not aux and verb.dep_ in _PARTICIPLE_DEPS


@lru_cache(maxsize=1)
def schedule_words() -> dict[str, bool]:
    """Participles and adjectives of scheduling -> whether only with an infinitive
    (core/data/timex_schedule_words.csv)."""
    with SCHEDULE_WORDS_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if line.strip() and not line.startswith("#"))
        return {row["word"].strip().lower(): row["infinitive_only"].strip() == "yes" for row in rows}


def _schedules(token: Token, infinitive: bool) -> bool:
    """A word of scheduling that, here, puts what it governs ahead."""
    infinitive_only = schedule_words().get(token.lower_)
    return infinitive_only is not None and (infinitive or not infinitive_only)


def _across_quote(verb: Token, span: Span) -> bool:
    """An odd number of quotation marks between verb and span: one is quoted, the other not."""
    low, high = sorted((verb.i, span.start if verb.i < span.start else span.end - 1))
    quotes = sum(1 for t in verb.doc[low + 1:high] if t.is_quote)
    return quotes % 2 == 1


def _tense_of(verb: Token) -> str:
    aux = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX:
        return tn.FUTURE
    if aux & _MODAL_AUX:
        return tn.PAST if "have" in aux else tn.FUTURE
    if verb.tag_ == "VBD" or aux & _PAST_AUX or not aux and _past_by_agreement(verb):
        return tn.PAST
    if verb.tag_ in ("VBZ", "VBP", "VBG") or aux & _PRESENT_AUX or _bare_present(verb, aux):
        return tn.PRESENT
    if verb.tag_ == "VBN":
        return tn.PAST
    return tn.NO_TENSE


def _bare_present(verb: Token, aux: set[str]) -> bool:
    """ "City host Newcastle on Saturday": a base form with a subject of its own and no
    auxiliary heads a clause, so it is a present tense the tagger took for a base form."""
    return (verb.tag_ == "VB" and not aux and verb.dep_ in _CLAUSE_HEAD_DEPS
            and any(child.dep_ == "nsubj" for child in verb.children))


# Subjects that take a verb's -s form in the present: singular nouns and these pronouns.
_THIRD_SINGULAR_PRONOUNS = frozenset({"he", "she", "it", "this", "that", "which", "who"})


@lru_cache(maxsize=1)
def same_form_past_verbs() -> frozenset[str]:
    """Verbs whose past is spelled as their base form (core/data/timex_same_form_past_verbs.txt)."""
    with SAME_FORM_PAST_FILE.open(encoding="utf-8") as handle:
        return frozenset(line.strip().lower() for line in handle if line.strip() and not line.startswith("#"))


def _past_by_agreement(verb: Token) -> bool:
    """ "Weakness hurt the index on Friday": a verb tagged as a present form (VBP)
    whose past is spelled the same, with a third-person singular subject, can only
    be past, since the present would take -s ("weakness hurts")."""
    if verb.tag_ != "VBP" or verb.lower_ not in same_form_past_verbs():
        return False
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    return any(s.tag_ in ("NN", "NNP") or s.lower_ in _THIRD_SINGULAR_PRONOUNS for s in subjects)


# ---------------------------------------------------------------- rules as data

def load_patterns(path: Path) -> list[dict]:
    """Matcher patterns, one JSON object a line: id, label, pattern, optional trim."""
    return list(srsly.read_jsonl(path))


def holiday_patterns(path: Path) -> list[dict]:
    """One pattern per named day in the holidays table ("Christmas Eve")."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        names = [line.split(",", 1)[0].strip() for line in handle if line.strip() and not line.startswith("#")][1:]
    for name in names:
        words = name.replace("'s", " 's").split()
        pattern = [{"LOWER": w} for w in words]
        pattern[0] = {"LOWER": words[0], "IS_TITLE": True}  # a proper name, "Christmas" not "christmas tree"
        rows.append({"id": f"holiday-{name}", "label": "DATE", "pattern": pattern})
    return rows


def _build_matcher(vocab, rows: list[dict]) -> Matcher:
    matcher = Matcher(vocab, validate=True)
    for row in rows:
        matcher.add(row["id"], [row["pattern"]])
    return matcher


class AnchoredMatcher:
    """A `Matcher` run only on the windows of a Doc where one of its patterns can match.

    Every pattern has a required token with a literal test (LOWER or TEXT
    equal to, in a list, or matching a regex; LIKE_NUM). No match can miss
    its pattern's anchor token, and no pattern is longer than `width` tokens
    (the rules use only the "?" operator), so the windows of `width - 1`
    tokens either side of each anchor hit hold every match of the whole Doc:
    the same matches at a fraction of the cost (most tokens of an article are
    no time word). A pattern without such an anchor makes it match the whole Doc.
    """

    def __init__(self, vocab: Vocab, rows: list[dict]) -> None:
        self.matcher = _build_matcher(vocab, rows)
        self.width = max((len(row["pattern"]) for row in rows), default=1)
        self._lowers: set[str] = set()
        self._texts: set[str] = set()
        regexes: set[str] = set()
        self._like_num = False
        self._everywhere = any(op not in (None, "?") for row in rows for op in (t.get("OP") for t in row["pattern"]))
        for row in rows:
            anchors = [t for t in row["pattern"] if "OP" not in t and _anchor_kind(t)]
            anchor = min(anchors, key=_anchor_cost, default=None)
            if anchor is None:
                self._everywhere = True
                continue
            attr, value = _anchor_kind(anchor)
            if attr == "LIKE_NUM":
                self._like_num = True
            elif isinstance(value, dict) and "REGEX" in value:
                regexes.add(value["REGEX"] if attr == "TEXT" else f"(?i:{value['REGEX']})")
            else:
                target = self._lowers if attr == "LOWER" else self._texts
                target.update(value["IN"] if isinstance(value, dict) else [value])
        self._regex = re.compile("|".join(f"(?:{r})" for r in sorted(regexes))) if regexes else None

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if self._everywhere:
            return list(self.matcher(doc))
        windows: list[list[int]] = []
        reach = self.width - 1
        for token in doc:
            if not self._is_anchor(token):
                continue
            lo, hi = max(0, token.i - reach), min(len(doc), token.i + reach + 1)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
        # Windows are disjoint and in text order, and within one the Matcher
        # meets the tokens as in the whole Doc: the matches come in the same order.
        return [(match_id, lo + start, lo + end)
                for lo, hi in windows for match_id, start, end in self.matcher(doc[lo:hi])]

    def _is_anchor(self, token: Token) -> bool:
        text = token.text
        return (token.lower_ in self._lowers or text in self._texts or (self._like_num and token.like_num)
                or (self._regex is not None and self._regex.search(text) is not None))


def _anchor_kind(spec: dict) -> tuple[str, object] | None:
    """(attribute, value) of a token test usable as an anchor, else None. A
    regex that only looks ahead ("^(?!...)") accepts nearly any token: no anchor."""
    for attr in ("LOWER", "TEXT"):
        value = spec.get(attr)
        if isinstance(value, dict) and "REGEX" in value and value["REGEX"].startswith("^(?!"):
            continue
        if isinstance(value, str) or isinstance(value, dict) and ("IN" in value or "REGEX" in value):
            return attr, value
    if spec.get("LIKE_NUM") is True:
        return "LIKE_NUM", True
    return None


def _anchor_cost(spec: dict) -> tuple[int, int]:
    """How often a token test passes in running text, roughly: function words
    ("the", "of", "in") and numbers are everywhere, a month name is not."""
    attr, value = _anchor_kind(spec) or ("", None)
    if attr == "LIKE_NUM":
        return (50, 0)
    if isinstance(value, dict) and "REGEX" in value:
        return (10, 0)
    values = value["IN"] if isinstance(value, dict) else [value]
    common = sum(1 for v in values if str(v).lower() in STOP_WORDS)
    # the share of common words, not their count: a list of 35 month names holding "may"
    # is a rarer anchor than "the" alone
    return (round(100 * common / max(1, len(values))), len(values))


# ---------------------------------------------------------------- candidate helpers

def _trim_edges(span: Span) -> Span | None:
    """Drop punctuation and a possessive at the edges: "Sunday's" -> "Sunday"."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].text in _EDGE_PUNCT:
        start += 1
    while end > start and (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].lower_ in _POSSESSIVE):
        end -= 1
    return doc[start:end] if end > start else None


def _ner_candidates(doc: Doc) -> list[Span]:
    spans = []
    for ent in doc.ents:
        if ent.label_ not in _NER_LABELS:
            continue
        start = ent.start
        while start < ent.end - 1:
            if doc[start].lower_ in _NER_TRIM_LEFT:
                start += 1
            elif words := _leading_phrase(doc[start:ent.end], _NER_TRIM_LEFT_PHRASES):
                start += words
            else:
                break
        span = _trim_edges(doc[start:ent.end])
        if span is not None and not _described_day(span):
            spans.append(span)
    return spans


def _described_day(span: Span) -> bool:
    """ "a bad day", "a new day of protests", "a very tough day": a day described, with
    an article and no count or length the words measure (the normaliser can only say PXX),
    is no time expression, though the model tags it DATE; nor is a period ranked by a
    superlative that the normaliser cannot place ("the hottest month", "the best year")."""
    if len(span) == 3 and span[0].lower_ in ("the", "its", "their") and _superlative_word(span[1]):
        # "the hottest month", "its best year" (eighth round): a period ranked, not placed;
        # "the latest quarter" resolves and stays
        result = tn.normalise(span.text, None)
        return result is not None and result.value == tn.UNRESOLVED_DATE
    if span[0].lower_ not in ("a", "an") or len(span) < 3:
        return False
    result = tn.normalise(span.text, None)
    return result is not None and result.type == tn.DURATION and result.value == "PXX"


def _superlative_word(token: Token) -> bool:
    """ "hottest", "best": by its spelling, as the tagger runs before the parser and tagger
    have set token tags ("latest", "earliest" resolve, and are kept by the caller)."""
    word = token.lower_
    return word in ("best", "worst") or len(word) > 5 and word.endswith("est") and word.isalpha()


def _leading_phrase(span: Span, phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many tokens of one of `phrases` open `span`, leaving at least one token; 0 if none does."""
    for words in phrases:
        if len(words) < len(span) and tuple(t.lower_ for t in span[:len(words)]) == words:
            return len(words)
    return 0


def _prefer(rule_spans: list[Span], ner_spans: list[Span]) -> list[Span]:
    """The longest of overlapping candidates; a model entity only beats the
    rules when it overlaps none of them or is itself a resolvable expression
    (so "Friday and Saturday" as one entity does not swallow two rule matches)."""
    rules = filter_spans(rule_spans)
    keep_ner = [
        span for span in ner_spans
        if not any(r.start < span.end and span.start < r.end for r in rules) or tn.is_resolvable(span.text)
    ]
    return filter_spans(rules + keep_ner)


# Modifiers with a TIMEX3 `mod` value, as token sequences, longest first.
_MOD_PREFIX_WORDS = tuple(sorted((tuple(p.split()) for p in tn.MOD_PREFIXES), key=len, reverse=True))
# Modifiers after the expression, as token sequences ("or so": APPROX, "or later": ON_OR_AFTER).
_MOD_SUFFIX_WORDS = tuple(tuple(p.split()) for p in tn.MOD_SUFFIXES)


def _widen_over_modifiers(span: Span) -> Span:
    """A candidate widened over a modifier TimeML puts inside the extent: "at least"
    before it ("at least 20 more years"), "or so" after it ("a year or so", "1994 or later")."""
    doc, start, end = span.doc, span.start, span.end
    for words in _MOD_PREFIX_WORDS:
        # the whole modifier before the span, or its head cut off ("least another week" after "at")
        cut = next((k for k in range(len(words)) if start - k >= 0 and k + end - start > len(words)
                    and tuple(t.lower_ for t in doc[start - k:start - k + len(words)]) == words), None)
        if cut is None:
            left = start - len(words)
            if left >= 0 and tuple(t.lower_ for t in doc[left:start]) == words:
                start = left
                break
        elif cut:
            start -= cut
            break
    for words in _MOD_SUFFIX_WORDS:
        if tuple(t.lower_ for t in doc[end:end + len(words)]) == words:
            end += len(words)
            break
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def _without_comparative(span: Span) -> Span:
    """ "two months earlier than planned", "a year later than expected": the gap between
    two times, a DURATION ("two months"); the comparative is outside the extent."""
    doc, end = span.doc, span.end
    if len(span) > 1 and span[-1].lower_ in _COMPARATIVES and end < len(doc) and doc[end].lower_ == "than":
        return doc[span.start:end - 1]
    return span


def _join_time_and_date(spans: list[Span], settings: TimexSettings) -> list[Span]:
    """A clock time and the day it falls on are one TIME: "midnight on Dec. 31",
    "10am on Monday", "Friday at noon", "9 a.m. GMT, March 4" (TimeML marks them
    as one expression)."""
    joined: list[Span] = []
    for span in spans:
        previous = joined[-1] if joined else None
        if previous is not None and {previous.label_, span.label_} == {"TIME", "DATE"}:
            between = [t.lower_ for t in span.doc[previous.end:span.start]]
            # a clock time, a comma, then its day: "at 9 a.m. GMT, March 4", "at noon, Friday"
            # (not a day that owns what follows: "at 6 p.m., Friday's papers said")
            owner = span.end < len(span.doc) and span.doc[span.end].lower_ in _POSSESSIVE
            dateline = between == [","] and previous.label_ == "TIME" and not owner
            if len(between) <= 1 and set(between) <= _TIME_DATE_JOINERS or dateline:
                merged = span.doc[previous.start:span.end]
                if _context_free_type(merged.text, settings) == "TIME":
                    joined[-1] = Span(span.doc, merged.start, merged.end, label="TIME")
                    continue
        joined.append(span)
    return joined


def _blocked_tokens(doc: Doc, blocker: AnchoredMatcher, trims: dict[str, tuple[int, int]]) -> set[int]:
    """Tokens a blocker rule covers, less its context tokens (its "trim")."""
    blocked = set()
    for match_id, start, end in blocker(doc):
        left, right = trims.get(doc.vocab.strings[match_id], (0, 0))
        blocked.update(range(start + left, end - right))
    return blocked


def _is_verb_month(span: Span) -> bool:
    """The modal "may" or the verb "march", not the month."""
    for token in span:
        if token.lower_ not in _VERB_MONTHS:
            continue
        if token.text.islower() or token.tag_ in ("MD", "VB", "VBP", "VBZ", "VBD", "VBG", "VBN"):
            return True
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None and following.tag_ in ("VB", "RB") and not following.like_num:
            return True  # sentence-initial "May we ..." / "May be ..."
    return False


def _context_free_type(text: str, settings: TimexSettings) -> str | None:
    result = tn.normalise(text, None, date_order=settings.date_order)
    return result.type if result is not None else None


def _tag_on_the_fly(doc: Doc, settings: TimexSettings) -> list[Span]:
    """Spans for a Doc made by a pipeline without our component."""
    return TimexTagger(doc.vocab, settings=settings).match(doc)


def _sentence_index(doc: Doc) -> dict[int, int]:
    """Token index -> index of its sentence in list(doc.sents); empty without boundaries."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return {}
    return {token.i: number for number, sent in enumerate(doc.sents) for token in sent}

