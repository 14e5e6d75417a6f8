"""Shared fixtures: the real model loads once per test session."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_SEEDS = REPO.parent / "shared" / "seeds"
SEED_TEXT = REPO / "seeds" / "2022-02-13_itv_deterrence-and-diplomacy.txt"


@pytest.fixture(scope="session")
def nlp():
    from core.nlp import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The seed article's gold annotations, from ../shared (not part of the project)."""
    files = sorted(SHARED_SEEDS.glob("*.gold.json"))
    if not files:
        pytest.skip(f"no gold annotations at {SHARED_SEEDS}: golden tests need ../shared beside the repo")
    return json.loads(files[0].read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_corpus():
    """The seed corpus extracted end to end, without the on-disk cache."""
    from core.corpus import build_frames

    return build_frames([REPO / "seeds"], cache_dir=None)
