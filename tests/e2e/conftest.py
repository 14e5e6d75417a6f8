"""Browser-test fixtures: a real `streamlit run app.py` server and Debian Chromium.

The server extracts the seed corpus (`seeds/`) with the real pipeline, into a
throw-away result cache. `CRISIS_E2E_CORPUS=synthetic` serves the small
synthetic corpus of `tests/test_app.py` instead (no spaCy model needed): the
launcher swaps `ui.data.load_view` before Streamlit starts, in the
server process only.

Chromium comes from Debian (`/usr/bin/chromium`, or `CHROMIUM`); never run
`playwright install`.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.app_server import CHROMIUM, CHROMIUM_ARGS, STREAMLIT, running_app
from tests.conftest import seed_folder

REPO = Path(__file__).resolve().parents[2]
_SYNTHETIC_LAUNCHER = """
import sys
sys.path[:0] = [{repo!r}, {tests!r}]
import ui.data
from test_app import synthetic_corpus
from ui.source import frames_view
_corpus = synthetic_corpus()
ui.data.load_view = lambda **_options: frames_view(_corpus.frames, problems=_corpus.problems, pipeline_version="synthetic")
from streamlit.web import cli
sys.argv = ["streamlit", *sys.argv[1:]]
sys.exit(cli.main())
"""


@pytest.fixture(scope="session")
def corpus_kind() -> str:
    return os.environ.get("CRISIS_E2E_CORPUS", "seeds")


@pytest.fixture(scope="session")
def app_url(tmp_path_factory, corpus_kind) -> str:
    """Serve the dashboard over the seed corpus on a free port; yield its base URL."""
    launcher = STREAMLIT
    if corpus_kind == "synthetic":
        launcher = ("-c", _SYNTHETIC_LAUNCHER.format(repo=str(REPO), tests=str(REPO / "tests")), "run", "app.py")
    with running_app(tmp_path_factory.mktemp("server"), corpus=seed_folder(tmp_path_factory.mktemp("corpus")), launcher=launcher) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):  # CI installs Chromium (.ci/run): missing there is a failure
            pytest.fail(f"no Chromium at {CHROMIUM} in CI")
        pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's chromium; never `playwright install`)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 900}}


@pytest.fixture(scope="session")
def artifact_dir() -> Path:
    """Screenshots land in `test-artifacts/screenshots/` (or `E2E_ARTIFACTS`), kept after
    the run for CI to collect; `UPDATE_SCREENSHOTS=1` also copies them into docs/."""
    path = Path(os.environ.get("E2E_ARTIFACTS", REPO / "test-artifacts" / "screenshots"))
    path.mkdir(parents=True, exist_ok=True)
    return path
