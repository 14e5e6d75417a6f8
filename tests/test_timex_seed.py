"""The seed article against its gold time expressions in ../shared/seeds.

Every `required` gold timex must be found with its exact span and a value
equal to `value` or one of `also_accepted`; no tagged span may overlap a
`not_timexes` entry. Run: .venv/bin/python -m pytest tests/test_timex_seed.py -s
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.extract.timex import tag_text

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED = "2022-02-13_itv_deterrence-and-diplomacy"


@pytest.fixture(scope="module")
def tagged(nlp, seed_gold):
    text = (REPO / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    return tag_text(nlp, text, date.fromisoformat(seed_gold["article"]["published"]))


def _accepted(item: dict) -> set[str]:
    return {item["value"], *item.get("also_accepted", [])}


@pytest.mark.model
def test_required_timexes_found_with_value(tagged, seed_gold) -> None:
    found = {(t.start, t.end): t.value for t in tagged}
    required = [t for t in seed_gold["timexes"] if t["required"]]
    right = [t for t in required if found.get((t["start"], t["end"])) in _accepted(t)]
    print(f"\nseed timex recall (span and value): {len(right)}/{len(required)} = {len(right) / len(required):.2f}")
    missing = [(t["text"], t["start"], t["value"], found.get((t["start"], t["end"]))) for t in required if t not in right]
    assert not missing, f"missing or wrong (text, start, seed_gold, ours): {missing}"


@pytest.mark.model
def test_no_not_timex_is_tagged(tagged, seed_gold) -> None:
    hits = [(bad["text"], t.text) for bad in seed_gold["not_timexes"] for t in tagged
            if t.start < bad["end"] and t.end > bad["start"]]
    assert not hits, f"tagged inside not_timexes (seed_gold, ours): {hits}"


@pytest.mark.model
def test_offsets_are_into_the_text(tagged) -> None:
    text = (REPO / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    assert tagged and all(text[t.start:t.end] == t.text for t in tagged)
