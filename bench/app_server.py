"""Start the dashboard on a free port for a bench or a browser test, and stop it:
the given corpus, with private state (store, result cache, uploads) under
`workdir`, never the developer's `data/`.

Benches serve through `ui.launch` (`LAUNCH`: the store is built and the process
warmed up before it listens, as `make run` does); the browser tests through
plain `streamlit run app.py` (`STREAMLIT`: the first page builds the store), or
through a launcher of their own that patches the app first."""
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

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# What runs the server, before its Streamlit options.
LAUNCH = ("-m", "ui.launch")
STREAMLIT = ("-m", "streamlit", "run", "app.py")
TEST_STARTUP_S = 120      # a browser test's server is up within this, or the test fails


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(corpus: Path, workdir: Path, *, db: Path | None = None, startup_s: float = 600,
          log_path: Path | None = None, extra_args: tuple[str, ...] = (), env: Mapping[str, str] | None = None,
          launcher: Sequence[str] = LAUNCH) -> tuple[subprocess.Popen, str]:
    """The running server and its base URL (raises SystemExit if it does not come up).
    `ui.launch` extracts what the store lacks before it listens (about a minute for seeds/),
    hence the generous `startup_s`.
    Its output goes to `log_path` when given, else nowhere; `extra_args` are more Streamlit
    options, `env` more environment variables; `launcher` runs the server (`LAUNCH`,
    `STREAMLIT`, or e.g. `-c <code> run app.py`, code that patches the app first)."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    full_env = {**os.environ, "CRISIS_CORPUS": str(corpus), "CRISIS_CACHE": str(workdir / "cache"),
                "CRISIS_DB": str(db or workdir / "crisis.duckdb"), "CRISIS_UPLOADS": str(workdir / "uploads"),
                **dict(env or {})}
    log = open(log_path, "wb") if log_path else subprocess.DEVNULL
    try:
        server = subprocess.Popen([sys.executable, *launcher, "--server.port", str(port),
                                   "--server.headless", "true", "--server.address", "127.0.0.1",
                                   "--browser.gatherUsageStats", "false", *extra_args],
                                  cwd=REPO, env=full_env, stdout=log, stderr=subprocess.STDOUT)
    finally:
        if log_path:
            log.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + startup_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"streamlit exited with {server.returncode}:\n{_log(log_path)}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return server, url
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"streamlit did not start within {startup_s:.0f} s:\n{_log(log_path)}")


def _log(log_path: Path | None) -> str:
    return log_path.read_text(errors="replace") if log_path else "(no log kept)"


def stop(server: subprocess.Popen, *, timeout_s: float = 30) -> None:
    """Stop a server from `serve`: terminate, and kill it if it has not gone within `timeout_s`."""
    server.terminate()
    try:
        server.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@contextlib.contextmanager
def running_app(workdir: Path, *, corpus: Path, env: Mapping[str, str] | None = None,
                launcher: Sequence[str] = STREAMLIT) -> Iterator[str]:
    """A browser test's server (`serve` with `launcher`, by default plain `streamlit run
    app.py`), logging to `workdir/streamlit.log`; yields its URL, stops it afterwards."""
    server, url = serve(corpus, workdir, startup_s=TEST_STARTUP_S, log_path=workdir / "streamlit.log",
                        env=env, launcher=launcher)
    try:
        yield url
    finally:
        stop(server, timeout_s=10)
