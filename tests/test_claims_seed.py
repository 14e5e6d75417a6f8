"""The seed article's troop-figure claims against the shared gold file.

The gold lives outside this repository, in ../shared/seeds/*.gold.json; the
test is skipped when it is absent. Run:

    .venv/bin/python -m pytest tests/test_claims_seed.py -q
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.extract.claims import iter_claims
from core.records import Claim

pytestmark = pytest.mark.model

SHARED_SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
SEED = "2022-02-13_itv_deterrence-and-diplomacy"
LOCAL_TEXT = Path(__file__).parents[1] / "seeds" / f"{SEED}.txt"


@pytest.fixture(scope="session")
def seed_claims(seed_gold) -> list[Claim]:
    from core.extract.model import load_model

    text_path = LOCAL_TEXT if LOCAL_TEXT.exists() else SHARED_SEEDS / f"{SEED}.txt"
    text = text_path.read_text(encoding="utf-8")
    published = date.fromisoformat(seed_gold["article"]["published"])
    # timexes=(): the time tagger is tested on its own; dates fall back to publication
    return list(iter_claims(load_model()(text), published=published, timexes=()))


def _name_matches(found: str, expected: str) -> bool:
    """ "Ben Wallace" matches "Ben Wallace", "Mr Wallace" and "Wallace"."""
    if found == expected:
        return True
    return bool(found) and found.split()[-1] == expected.split()[-1] and len(expected.split()) > 1


def _quotes(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def test_finds_exactly_the_gold_figures(seed_gold, seed_claims):
    expected = [(c["number_start"], c["number_end"]) for c in seed_gold["claims"]]
    assert [(c.start, c.end) for c in seed_claims] == expected


@pytest.mark.parametrize("index", [0, 1, 2])
def test_claim_matches_gold(seed_gold, seed_claims, index):
    want = seed_gold["claims"][index]
    found = {(c.start, c.end): c for c in seed_claims}.get((want["number_start"], want["number_end"]))
    assert found is not None, f"missing claim {want['fragment']!r}"
    assert (found.value, found.low, found.high, found.qualifier) == (
        want["value"], want["low"], want["high"], want["qualifier"])
    assert (found.unit, found.side) == (want["unit"], want["side"])
    assert _name_matches(found.claimant, want["claimant"]), (found.claimant, want["claimant"])
    assert _quotes(found.location) == _quotes(want["location"])
    assert found.date == date.fromisoformat(want["date"])
    assert found.category == "force_size"
