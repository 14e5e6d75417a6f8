"""Shared fixtures: the real model loads once per test session; the whole session
keeps its store, uploads and cache in a temporary folder, and fails if it changed
the checkout's `data/` (`tests/data_guard.py`)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.data_guard import DataGuard, pin_environment

REPO = Path(__file__).resolve().parents[1]
SHARED_SEEDS = REPO.parent / "shared" / "seeds"
# "The seed article": the ITV News piece alone. seeds/ also holds the 100-document
# corpus of seeds/ukraine-2021-22/ (about a minute to extract), so a test that means
# the seed article reads this file, or `seed_folder`, never the whole of seeds/.
SEED_TEXT = REPO / "seeds" / "2022-02-13_itv_deterrence-and-diplomacy.txt"


def pytest_configure(config) -> None:
    """Watch the checkout's data/ from the start of the session to its end."""
    if not config.pluginmanager.has_plugin("crisis_data_guard"):
        config.pluginmanager.register(DataGuard(REPO / "data"), "crisis_data_guard")


@pytest.fixture(scope="session", autouse=True)
def isolated_data(tmp_path_factory) -> Path:
    """Every test runs with CRISIS_DB, CRISIS_UPLOADS and CRISIS_CACHE in a temporary
    folder (returned), never the checkout's data/; a test's own monkeypatch.setenv
    still wins, and what it sets is undone back to these."""
    folder = tmp_path_factory.mktemp("data")
    patch = pin_environment(folder)
    yield folder
    patch.undo()


def seed_folder(folder: Path) -> Path:
    """`folder` holding the seed article, its sidecar and the actor dictionary
    (what seeds/ held before the three-sided corpus); returns it."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for source in (SEED_TEXT, SEED_TEXT.with_name(SEED_TEXT.stem + ".meta.json"), REPO / "seeds" / "actors.csv"):
        shutil.copy2(source, folder / source.name)
    return folder


@pytest.fixture(scope="session")
def nlp():
    from core.extract.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def blank_nlp():
    """A blank English pipeline with only our time-expression rules: spans from the rules alone."""
    import spacy

    from core.extract.timex import add_to_pipeline

    nlp = spacy.blank("en")
    add_to_pipeline(nlp)
    return nlp


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The seed article's gold annotations, from ../shared (not part of the project)."""
    files = sorted(SHARED_SEEDS.glob("*.gold.json"))
    if not files:
        pytest.skip(f"no gold annotations at {SHARED_SEEDS}: golden tests need ../shared beside the repo")
    return json.loads(files[0].read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_corpus():
    """The seed article extracted end to end, without the on-disk cache."""
    from core.combine.build import build_frames

    return build_frames([SEED_TEXT], cache_dir=None)
