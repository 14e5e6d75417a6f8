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
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
STARTUP_TIMEOUT_S = 120
_SYNTHETIC_LAUNCHER = """
import sys
sys.path[:0] = [{repo!r}, {tests!r}]
import ui.data
from test_app import synthetic_corpus
from ui.source import FramesView
_corpus = synthetic_corpus()
ui.data.load_view = lambda: FramesView(_corpus.frames, problems=_corpus.problems, pipeline_version="synthetic")
from streamlit.web import cli
sys.argv = ["streamlit", *sys.argv[1:]]
sys.exit(cli.main())
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def corpus_kind() -> str:
    return os.environ.get("CRISIS_E2E_CORPUS", "seeds")


@pytest.fixture(scope="session")
def app_url(tmp_path_factory, corpus_kind) -> str:
    """Serve the dashboard on a free port; yield its base URL; stop it afterwards."""
    port = _free_port()
    args = ["run", "app.py", "--server.port", str(port), "--server.headless", "true",
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    if corpus_kind == "synthetic":
        launcher = _SYNTHETIC_LAUNCHER.format(repo=str(REPO), tests=str(REPO / "tests"))
        command = [sys.executable, "-c", launcher, *args]
    else:
        command = [sys.executable, "-m", "streamlit", *args]
    env = {**os.environ, "CRISIS_CORPUS": str(REPO / "seeds"),
           "CRISIS_CACHE": str(tmp_path_factory.mktemp("result-cache")),
           "CRISIS_UPLOADS": str(tmp_path_factory.mktemp("uploads")),   # never the developer's imports
           "CRISIS_DB": str(tmp_path_factory.mktemp("store") / "crisis.duckdb")}
    log_path = tmp_path_factory.mktemp("server") / "streamlit.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server, log_path)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _wait_healthy(url: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited with {server.returncode}:\n{log_path.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"streamlit not healthy after {STARTUP_TIMEOUT_S}s:\n{log_path.read_text(errors='replace')}")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):  # CI installs Chromium (.ci/run): missing there is a failure
            pytest.fail(f"no Chromium at {CHROMIUM} in CI")
        pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's chromium; never `playwright install`)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
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
