"""Event mentions (trigger, type, modality, time, roles), what is no event, merging
across documents and sides, user corrections, and the timeline's default window."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from core.combine.event_merge import Correction, MentionIn, merge
from core.combine.events import DEFINITE, Who, antecedents, densest_window
from core.extract import event_lexicon
from core.extract.event_mentions import excluded_ranges
from core.records import Article

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "seeds" / "ukraine-2021-22"
PUBLISHED = date(2022, 2, 13)


def _mentions(text: str, published: date | None = PUBLISHED):
    from core.extract.articles import extract_articles
    from core.extract.pipeline import build_pipeline
    from core.read.ingest import content_id

    article = Article(article_id=content_id(text), text=text, published=published, source="Test")
    (result,) = extract_articles([article], nlp=build_pipeline)
    assert not result.errors
    return [(text[m.start:m.end], m) for m in result.event_mentions]


def _one(text: str, trigger: str):
    found = [m for word, m in _mentions(text) if word == trigger]
    assert len(found) == 1, (trigger, _mentions(text))
    return found[0]


# --- modality ------------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "modality"), [
    ("Russia invaded Ukraine on Thursday.", "invaded", "asserted"),
    ("Russian forces attacked Kharkiv overnight.", "attacked", "asserted"),
    ("Russia could invade Ukraine within weeks.", "invade", "possible"),
    ("If Russia invades Ukraine, the allies will respond.", "invades", "possible"),
    ("Washington warned of the risk of an invasion.", "invasion", "possible"),
    ("Biden will meet Putin in Geneva next week.", "meet", "planned"),
    ("The two leaders agreed to hold talks in January.", "talks", "planned"),
    ("Russia did not attack Ukraine.", "attack", "denied"),
    ("The Kremlin denied that it had sent troops to the border.", "sent", "denied"),
    ("Why would Russia invade Ukraine now?", "invade", "question"),
])
def test_modality(text: str, trigger: str, modality: str) -> None:
    assert _one(text, trigger).modality == modality


@pytest.mark.model
def test_speech_act_is_asserted_and_its_complement_possible() -> None:
    text = "Biden warned Putin that Russia would face sanctions if it invaded Ukraine."
    found = {word: m for word, m in _mentions(text)}
    assert (found["warned"].type, found["warned"].modality) == ("warn", "asserted")
    assert found["sanctions"].modality == "possible"
    assert (found["invaded"].type, found["invaded"].modality) == ("invasion", "possible")


# --- type, roles, time ---------------------------------------------------------------

@pytest.mark.model
def test_a_sentence_may_hold_several_mentions_or_none() -> None:
    assert _mentions("The weather in Kyiv was cold and grey that morning.") == []
    found = _mentions("Putin held talks with Macron and then announced new exercises in Belarus.")
    assert [(word, m.type) for word, m in found] == [("talks", "meeting"), ("announced", "announce"),
                                                     ("exercises", "exercise")]


@pytest.mark.model
def test_agents_patients_place_and_explicit_date() -> None:
    call = _one("Vladimir Putin had a telephone conversation with Emmanuel Macron on 3 March 2022.", "conversation")
    assert call.type == "call"
    assert "Vladimir Putin" in call.agents and "Emmanuel Macron" in call.patients
    assert (call.date_start, call.anchor, call.precision) == (date(2022, 3, 3), "explicit", "day")


@pytest.mark.model
def test_relative_and_publication_dates() -> None:
    yesterday = _one("Russia shelled Kharkiv yesterday.", "shelled")
    assert (yesterday.date_start, yesterday.anchor) == (date(2022, 2, 12), "relative")
    bare = _one("Russia shelled Kharkiv.", "shelled")
    assert (bare.date_start, bare.anchor) == (PUBLISHED, "publication")


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "dated"), [
    ("Ahead of the summit, the ministers will meet on Tuesday.", "summit", False),
    ("Before the visit, Biden will speak with allies later today.", "visit", False),
    ("In advance of that call, the President will phone European leaders tomorrow.", "call", False),
    ("The President will phone European leaders tomorrow, in advance of the call.", "call", False),
    ("The ministers will meet on Tuesday, ahead of the 20 February summit.", "summit", True),
    ("Russia shelled Kharkiv on Tuesday, ahead of the talks.", "shelled", True),
])
def test_an_event_set_before_the_clause_does_not_take_its_date(text: str, trigger: str, dated: bool) -> None:
    """"In advance of that call, X will speak later today": today dates the speaking,
    not the call, which keeps only a date of its own."""
    found = _one(text, trigger)
    assert (found.anchor != "publication") is dated, (found.date_start, found.anchor)


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "day"), [
    # "the 2015 Minsk agreements" dates the agreements, not the conversation
    ("The lack of progress on the 2015 Minsk agreements topped the conversation's agenda.", "conversation", None),
    # a relative clause dates its own noun: the address, not the disputing
    ("Putin commented on the address, which Macron delivered yesterday, disputing many of its points.",
     "disputing", None),
    ("The playbook that Blinken laid out last week has come to pass, and now Russia is recognizing the regions.",
     "recognizing", None),
    # ... and a relative clause on the trigger itself dates it
    ("The leaders welcomed the latest meeting of the council, held in Paris on 12 February.", "meeting",
     date(2022, 2, 12)),
])
def test_a_date_of_another_noun_does_not_date_the_event(text: str, trigger: str, day: date | None) -> None:
    found = _one(text, trigger)
    assert found.date_start == (day or PUBLISHED)
    assert (found.anchor == "publication") is (day is None)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Attack drones were seen over the city.",       # a kind of thing, not an event
    "Veterans of World War II laid flowers.",        # a name, not this war
    "He called it a so-called peace plan.",
])
def test_no_event_in_names_and_kinds(text: str) -> None:
    assert _mentions(text) == []


# --- questions, captions, credits ------------------------------------------------------

TRANSCRIPT = (
    "MS. PSAKI:  Good afternoon.\n"
    "Q    Will Russia invade Ukraine?  Has the President spoken with Putin about sanctions?\n"
    "And a follow-up on the attack.\n"
    "MS. PSAKI:  The President spoke with President Zelenskyy this morning.\n"
)


def test_question_turns_and_captions_are_excluded_ranges() -> None:
    ranges = excluded_ranges(TRANSCRIPT)
    question = TRANSCRIPT.index("Q    Will")
    follow_up_end = TRANSCRIPT.index("MS. PSAKI:  The")
    assert ranges == [(question, follow_up_end)]
    inline = "Thank you. Question: Did they discuss the invasion? Yury Ushakov: No, they did not."
    (lo, hi), = excluded_ranges(inline)
    assert inline[lo:hi].startswith("Question:") and inline[hi:].startswith("Yury Ushakov:")
    caption = "Photo: Russian tanks attack a village (Reuters)\nThe talks resumed on Monday.\n"
    assert excluded_ranges(caption) == [(0, caption.index("The talks"))]


@pytest.mark.model
def test_questions_and_credits_yield_no_event() -> None:
    found = _mentions(TRANSCRIPT)
    assert [word for word, _ in found] == ["spoke"]
    inline = ("Yury Ushakov: The conversation lasted an hour. Question: Did the presidents discuss "
              "the invasion and the sanctions? Yury Ushakov: No.")
    assert [word for word, _ in _mentions(inline)] == ["conversation"]
    credit = "Photo: Russian troops attack a checkpoint near Kharkiv (AP)\nRussian troops withdrew from the border.\n"
    assert [word for word, _ in _mentions(credit)] == ["withdrew"]


# --- merging -----------------------------------------------------------------------------

def _m(ident: str, article: str, kind: str, day: date, *, anchor: str = "explicit", parties=(), lemma: str = "",
       context: str = "", published: date | None = None, modality: str = "asserted") -> MentionIn:
    return MentionIn(mention_id=ident, article_id=article, published=published or day, offset=len(ident),
                     event_type=kind, lemma=lemma or kind, modality=modality, date_start=day, date_end=day,
                     anchor=anchor, precision="day", parties=frozenset(parties),
                     context=context or f"{kind} {' '.join(parties)}")


DAY = date(2021, 12, 7)
MENTIONS = [
    _m("a1", "wh", "call", DAY, parties=("Russia", "United States"), lemma="call",
       context="President Biden held a video call with President Putin"),
    _m("b1", "kremlin", "meeting", DAY, anchor="publication", parties=("Russia", "United States"), lemma="talk",
       context="Vladimir Putin held talks with Joseph Biden via videoconference"),
    _m("c1", "wh", "call", DAY, parties=("United States", "Ukraine"), lemma="call",
       context="President Biden spoke with President Zelenskyy after his call"),
    _m("d1", "kyiv", "call", date(2021, 12, 9), parties=("United States", "Ukraine"), lemma="call",
       context="Zelenskyy and Biden spoke by phone"),
    _m("e1", "kremlin", "sanction", DAY, parties=("United States",), lemma="sanction",
       context="sanctions the United States would be ready to impose", modality="possible"),
]


def test_one_occurrence_from_two_sides_is_one_event_and_others_stay_apart() -> None:
    merged = merge(MENTIONS)
    event_of = dict(zip((m.mention_id for m in MENTIONS), merged.event_of))
    assert event_of["a1"] == event_of["b1"]                    # the Biden-Putin call, both sides
    assert event_of["c1"] != event_of["a1"]                    # another call that day, other parties
    assert event_of["d1"] != event_of["c1"]                    # two days later: another call
    assert len(set(merged.event_of)) == 4
    assert "first mention" in merged.reasons[0] or merged.reasons[0]
    joined = merged.reasons[[m.mention_id for m in MENTIONS].index("b1")]
    assert "similarity" in joined and "parties" in joined      # why it was merged, recorded


def test_merging_is_deterministic_whatever_the_input_order() -> None:
    expected = {frozenset(MENTIONS[i].mention_id for i in group) for group in merge(MENTIONS).events}
    for seed in range(5):
        shuffled = MENTIONS[:]
        random.Random(seed).shuffle(shuffled)
        got = {frozenset(shuffled[i].mention_id for i in group) for group in merge(shuffled).events}
        assert got == expected


def test_denied_and_asserted_never_merge() -> None:
    denied = replace(MENTIONS[0], mention_id="z1", modality="denied")
    merged = merge([MENTIONS[0], denied])
    assert merged.event_of[0] != merged.event_of[1]


def test_corrections_merge_and_split_by_mention_id() -> None:
    merged = merge(MENTIONS, [Correction("split", ("b1",)), Correction("merge", ("c1", "d1"))])
    event_of = dict(zip((m.mention_id for m in MENTIONS), merged.event_of))
    assert event_of["a1"] != event_of["b1"]
    assert event_of["c1"] == event_of["d1"]
    assert merged.reasons[[m.mention_id for m in MENTIONS].index("b1")] == "split off by the user"
    # a correction naming mentions that no longer exist changes nothing
    assert merge(MENTIONS, [Correction("merge", ("gone1", "gone2"))]).events == merge(MENTIONS).events


# --- a definite mention refers back ------------------------------------------------------

def _row(start: int, trigger: str, lemma: str, kind: str, *, definite: bool = False, source: str = "publication",
         agents: tuple[str, ...] = (), day: date = PUBLISHED) -> dict:
    return {"article_id": "a", "trigger_start": start, "trigger": trigger, "lemma": lemma, "event_type": kind,
            DEFINITE: definite, "date_source": source, "date_start": day, "agents": list(agents), "patients": []}


NOBODY = Who(party={"Joe Biden": "United States", "Vladimir Putin": "Russia"}, short={})
TOMORROW = _row(0, "call", "call", "call", source="relative", day=date(2022, 2, 14),
                agents=("Joe Biden", "Vladimir Putin"))


@pytest.mark.parametrize(("rows", "expected"), [
    # "... a video call tomorrow. In advance of that call ...": the call of tomorrow
    ([TOMORROW, _row(50, "call", "call", "call", definite=True)], [None, 0]),
    # "a call" is no anaphor, even after a dated call
    ([TOMORROW, _row(50, "call", "call", "call")], [None, None]),
    # a chain: "the call" after "that call" reaches the dated one
    ([TOMORROW, _row(50, "call", "call", "call", definite=True), _row(90, "call", "call", "call", definite=True)],
     [None, 0, 0]),
    # the nearest earlier one is undated ("a public call"): left to merging
    ([TOMORROW, _row(40, "call", "call", "call"), _row(90, "call", "call", "call", definite=True)],
     [None, None, None]),
    # "that conversation with Putin" after "that call": the same type, parties that fit
    ([TOMORROW, _row(50, "call", "call", "call", definite=True),
      _row(70, "conversation", "conversation", "call", definite=True, agents=("Vladimir Putin",))], [None, 0, 0]),
    # "urgent conversations yesterday" then "the conversation": not the same number
    ([_row(0, "conversations", "conversation", "call", source="relative", day=date(2022, 2, 12)),
      _row(50, "conversation", "conversation", "call", definite=True)], [None, None]),
    # a mention with a date of its own refers to nothing
    ([TOMORROW, _row(50, "call", "call", "call", definite=True, source="relative")], [None, None]),
    # it names parties the earlier one does not: no antecedent
    ([_row(0, "call", "call", "call", source="relative"),
      _row(50, "call", "call", "call", definite=True, agents=("Joe Biden",))], [None, None]),
])
def test_a_definite_mention_refers_back_to_the_dated_one(rows: list[dict], expected: list) -> None:
    assert antecedents(rows, NOBODY) == expected


def test_a_mention_that_refers_back_joins_its_event_whatever_its_own_date() -> None:
    dated = _m("t1", "wh", "call", date(2022, 2, 14), anchor="relative", parties=("Russia", "United States"))
    anaphor = replace(_m("t2", "wh", "call", PUBLISHED, anchor="publication", modality="denied",
                         context="the call will not be confined to this"), antecedent=0)
    merged = merge([dated, anaphor])
    assert merged.event_of[0] == merged.event_of[1]
    assert merged.reasons[1].startswith("refers back")
    unlinked = merge([dated, replace(anaphor, antecedent=None)])
    assert unlinked.event_of[1] != unlinked.event_of[0]
    # its "will not be" denies no call: the other side's readout still joins
    readout = _m("k1", "kremlin", "call", date(2022, 2, 14), anchor="publication",
                 context="the call will not be confined to this")
    with_readout = merge([dated, anaphor, readout])
    assert len(set(with_readout.event_of)) == 1


@pytest.mark.model
def test_that_call_is_the_call_of_tomorrow_in_a_whole_text() -> None:
    from core.combine.assemble import assemble
    from core.extract.articles import extract_articles
    from core.extract.pipeline import build_pipeline
    from core.read.ingest import content_id

    text = ("President Biden and President Putin will hold a video call tomorrow. In advance of that call, "
            "the President will speak with European leaders later today. The call will not be limited to Ukraine.")
    article = Article(article_id=content_id(text), text=text, published=PUBLISHED, source="Test")
    frames = assemble([article], extract_articles([article], nlp=build_pipeline))
    mentions = frames.mentions.set_index("trigger_start")
    calls = [text.index("call tomorrow"), text.index("call, the"), text.index("call will")]
    assert mentions.loc[calls, "event_id"].nunique() == 1
    event = frames.events.set_index("event_id").loc[mentions.loc[calls[0], "event_id"]]
    assert str(event["date_start"])[:10] == "2022-02-14"
    assert mentions.loc[text.index("speak"), "event_id"] != mentions.loc[calls[0], "event_id"]


# --- the shipped corpus: the 7 December 2021 call from two sides --------------------------

@pytest.mark.model
def test_the_7_december_call_is_one_event_with_a_white_house_and_a_kremlin_source() -> None:
    from core.combine.build import build_frames

    files = [CORPUS / "2021-12-07_ru_meeting-with-us-president-joseph-biden.txt",
             CORPUS / "2021-12-09_us_background-press-call-by-a-senior-administration-official-on.txt"]
    events = build_frames(files, cache_dir=None).frames.events
    calls = events[(events["event_type"].isin(["call", "meeting"]))
                   & (events["date_start"] == "2021-12-07") & (events["n_sides"] == 2)]
    assert len(calls) == 1
    call = calls.iloc[0]
    assert set(call["sides"]) == {"Russia", "United States"}
    assert set(call["sources"]) == {"President of Russia (Kremlin)", "The White House"}
    assert "Putin" in call["label"]
    # why its mentions were merged, once per reason, the first mention's "reason" left out
    assert call["merge_reasons"] and all("similarity" in reason for reason in call["merge_reasons"])


# --- the default window ---------------------------------------------------------------------

def test_the_default_window_ignores_a_1938_outlier() -> None:
    days = [date(2022, 2, d) for d in range(1, 28)] + [date(2022, 3, 1), date(1938, 9, 30)]
    first, last = densest_window(days)
    assert first >= date(2022, 1, 1) and last <= date(2022, 3, 1)
    assert sum(first <= d <= last for d in days) >= 0.9 * len(days)
    assert densest_window([]) is None
    assert densest_window([date(1938, 9, 30)]) == (date(1938, 9, 30), date(1938, 9, 30))


# --- rules as data ---------------------------------------------------------------------------

def test_every_trigger_has_a_known_type_and_every_type_a_colour() -> None:
    types = event_lexicon.event_types()
    assert {t.type for entries in event_lexicon.triggers().values() for t in entries} <= set(types)
    assert all(t.colour.startswith("#") and t.noun for t in types.values())
    assert len({t.colour for t in types.values()}) == len(types)


def test_the_pipeline_version_follows_the_rule_files(tmp_path: Path) -> None:
    import shutil

    from core.extract.model import rules_digest

    data = tmp_path / "data"
    shutil.copytree(REPO / "core" / "data", data)
    before = rules_digest(data)
    (data / "frame_columns.csv").write_text("# documentation only\n", encoding="utf-8")
    assert rules_digest(data) == before                      # describes output, produces none
    with (data / "event_triggers.csv").open("a", encoding="utf-8") as handle:
        handle.write("skirmish,NOUN,attack,\n")
    assert rules_digest(data) != before


@pytest.mark.model
def test_a_particle_is_not_any_child() -> None:
    """"build up its forces" is a build-up; "build ... from the bottom up" is not."""
    assert [(word, m.type) for word, m in _mentions("Russia continued to build up its forces near the border.")] \
        == [("build", "deployment")]
    assert _mentions("We can build a better economy from the bottom up.") == []
