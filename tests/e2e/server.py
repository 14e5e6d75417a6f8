"""Start `streamlit run app.py` for a browser test and stop it afterwards.

Every server gets its own store, result cache and uploads folder under the
test's temporary folder (never the developer's `data/`), on a free port.
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator, Mapping, Sequence

import pytest

REPO = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT_S = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_app(workdir: Path, *, corpus: Path, env: Mapping[str, str] = (),
                launcher: Sequence[str] = ("-m", "streamlit")) -> Iterator[str]:
    """Serve the dashboard over `corpus`, with private state under `workdir`; yield its URL.

    `launcher` replaces `-m streamlit` (e.g. `-c <code>` that patches the app first).
    """
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    args = ["run", "app.py", "--server.port", str(port), "--server.headless", "true",
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    full_env = {**os.environ, "CRISIS_CORPUS": str(corpus), "CRISIS_CACHE": str(workdir / "result-cache"),
                "CRISIS_UPLOADS": str(workdir / "uploads"), "CRISIS_DB": str(workdir / "crisis.duckdb"), **dict(env)}
    log_path = workdir / "streamlit.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen([sys.executable, *launcher, *args], cwd=REPO, env=full_env,
                                  stdout=log, stderr=subprocess.STDOUT)
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
