"""Event dating and typing, the result cache, and frame flattening."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from core.events import classify, date_event, is_event_sentence
from core.frames import FRAME_COLUMNS, Frames, frame, to_flat
from core.records import Timex
from core.store import ResultCache

PUBLISHED = date(2022, 2, 13)


@pytest.mark.parametrize(("lemmas", "root", "expected"), [
    # the main verb decides when the lexicon knows it
    (["he", "warn", "that", "Moscow", "could", "attack"], "warn", "warning/threat"),
    (["she", "say", "Russia", "will", "attack"], "say", "statement"),
    (["Johnson", "plan", "to", "hold", "talk"], "plan", "consult/meet"),
    # otherwise the highest-priority lemma
    (["he", "warn", "that", "Moscow", "could", "attack"], None, "attack/violence"),
    (["she", "say", "it", "be", "serious"], None, "statement"),
    (["troop", "mass", "on", "the", "border"], None, "military posture/mobilisation"),
    (["UK", "national", "urge", "to", "leave"], "urge", "evacuation/travel advice"),
    (["Biden", "speak", "with", "his", "counterpart"], "speak", "consult/meet"),
    (["Russia", "face", "severe", "sanction"], "face", "sanctions"),
    (["the", "two", "agree", "to", "continue"], "agree", "diplomatic action"),
    (["nothing", "here"], None, "statement"),
])
def test_classify(lemmas: list[str], root: str | None, expected: str) -> None:
    assert classify(lemmas, root=root) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ben Wallace said on Sunday morning that it was bad.", True),
    ("Is a Russian invasion imminent?", False),
    ("Mr Raab replied.", False),
])
def test_is_event_sentence(text: str, expected: bool) -> None:
    assert is_event_sentence(text) is expected


def _timex(type_: str, value: str, start: date | None) -> Timex:
    return Timex(start=0, end=3, text="x", type=type_, value=value, date_start=start, date_end=start)


@pytest.mark.parametrize(("timexes", "published", "expected"), [
    ([_timex("DATE", "2022-02-12", date(2022, 2, 12))], PUBLISHED, (date(2022, 2, 12), "explicit")),
    # durations, sets and REFs do not date an event: publication does
    ([_timex("DURATION", "PXW", None), _timex("SET", "P1D", None)], PUBLISHED, (PUBLISHED, "publication")),
    ([_timex("DURATION", "PT48H", None), _timex("TIME", "2022-02-11TNI", date(2022, 2, 11))], PUBLISHED, (date(2022, 2, 11), "explicit")),
    # an undated article leaves its events undated: never guessed
    ([_timex("DATE", "XXXX-WXX-7", None)], None, (None, "publication")),
])
def test_date_event(timexes, published, expected) -> None:
    when = date_event(timexes, published)
    assert (when.date_start, when.source) == expected


def test_cache_round_trip_and_corruption(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path, pipeline_version="m-1+rules-1")
    assert cache.get("abc") is None
    cache.put("abc", {"x": 1})
    assert cache.get("abc")["x"] == 1
    # a corrupt entry reads as missing, so the article is re-extracted
    next(cache.root.glob("abc.json")).write_text("{truncated", encoding="utf-8")
    assert cache.get("abc") is None
    # another pipeline version never sees this one's entries
    assert ResultCache(tmp_path, pipeline_version="m-1+rules-2").get("abc") is None
    assert not list(cache.root.glob(".tmp-*"))


def test_frame_has_contract_columns_even_when_empty() -> None:
    for name, columns in FRAME_COLUMNS.items():
        assert list(frame(name, []).columns) == columns
    assert all(len(df) == 0 for _, df in Frames.empty().items())


def test_to_flat_joins_lists_and_writes_iso_dates() -> None:
    events = frame("events", [{"event_id": "e1", "actors": ["Russia", "Ukraine"], "date_start": date(2022, 2, 13), "start": 3}])
    row = to_flat(events).iloc[0]
    assert row["actors"] == "Russia; Ukraine"
    assert row["date_start"] == "2022-02-13"
    assert row["date_end"] is None
    assert json.dumps(to_flat(events).to_dict(orient="records"))  # JSON-serialisable
    assert pd.api.types.is_datetime64_any_dtype(events["date_start"])


def test_fingerprint_changes_with_articles_sidecars_and_dictionary(tmp_path: Path) -> None:
    import os

    from core.corpus import corpus_fingerprint

    (tmp_path / "a.txt").write_text("Russia massed troops.", encoding="utf-8")
    seen = {corpus_fingerprint([tmp_path])}
    for name, content in [("a.meta.json", '{"published": "2022-02-13"}'), ("actors.csv", "canonical,aliases,kind,country,role\n"),
                          ("b.txt", "More text.")]:
        (tmp_path / name).write_text(content, encoding="utf-8")
        seen.add(corpus_fingerprint([tmp_path]))
    os.utime(tmp_path / "a.txt", ns=(1, 1))
    seen.add(corpus_fingerprint([tmp_path]))
    assert len(seen) == 5


TWO_SENTENCES = "Troops left. Some 130,000 troops stayed, not 130,000 tanks."


@pytest.mark.parametrize(("start", "end", "expected"), [
    (18, 25, "Some \u27e6130,000\u27e7 troops stayed, not 130,000 tanks."),
    # the same figure twice in a sentence: the offsets say which one
    (45, 52, "Some 130,000 troops stayed, not \u27e6130,000\u27e7 tanks."),
])
def test_mark_figure(start: int, end: int, expected: str) -> None:
    from core.extract import Sentence, mark_figure

    sentences = [Sentence(0, 12, "statement"), Sentence(13, len(TWO_SENTENCES), "statement")]
    assert mark_figure(TWO_SENTENCES, start, end, sentences) == expected


@pytest.mark.model
def test_a_line_break_ends_a_sentence(nlp) -> None:
    doc = nlp("Carl Dinnen explains\n\nHe warned that Moscow could launch an offensive.")
    assert [s.text.strip() for s in doc.sents] == ["Carl Dinnen explains", "He warned that Moscow could launch an offensive."]
