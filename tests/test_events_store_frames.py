"""The result cache, frame flattening and sentence boundaries (events: tests/test_events.py)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from core.frames import FRAME_COLUMNS, Frames, frame, to_flat
from core.store.cache import ResultCache

PUBLISHED = date(2022, 2, 13)


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

    from core.read.corpus import corpus_fingerprint

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
    from core.combine.assemble import mark_figure
    from core.records import Sentence

    sentences = [Sentence(0, 12), Sentence(13, len(TWO_SENTENCES))]
    assert mark_figure(TWO_SENTENCES, start, end, sentences) == expected


@pytest.mark.model
def test_a_line_break_ends_a_sentence(nlp) -> None:
    doc = nlp("Carl Dinnen explains\n\nHe warned that Moscow could launch an offensive.")
    assert [s.text.strip() for s in doc.sents] == ["Carl Dinnen explains", "He warned that Moscow could launch an offensive."]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("MS. PSAKI:  Good afternoon.  The President has sent 3,000 troops.",
     ["MS. PSAKI:", "Good afternoon.", "The President has sent 3,000 troops."]),
    ("Please report. Valery Gerasimov: The enemy has been stopped. Q: How many? MR. KIRBY: Two.",
     ["Please report.", "Valery Gerasimov:", "The enemy has been stopped.", "Q:", "How many?", "MR. KIRBY:", "Two."]),
])
def test_a_speaker_label_is_a_sentence_of_its_own(nlp, text, expected) -> None:
    """The sentencizer splits "MS. PSAKI:" at "MS." and runs "PSAKI:" into the turn's
    first sentence, where the parser takes it for the subject."""
    assert [s.text.strip() for s in nlp(text).sents] == expected


@pytest.mark.model
def test_two_spaces_after_a_full_stop_end_a_sentence(nlp) -> None:
    """Transcripts put two spaces after a full stop; the space token must not glue
    the next sentence to this one."""
    doc = nlp("Sullivan spoke today with Yermak.  They discussed the build-up.")
    assert [s.text.strip() for s in doc.sents] == ["Sullivan spoke today with Yermak.", "They discussed the build-up."]
