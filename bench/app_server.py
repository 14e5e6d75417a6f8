"""Start the dashboard for a bench: `streamlit run app.py` on a free port, with
the given corpus and private state (store, cache, uploads) under `workdir`."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(corpus: Path, workdir: Path, *, db: Path | None = None, startup_s: float = 600,
          log_path: Path | None = None, extra_args: tuple[str, ...] = ()) -> tuple[subprocess.Popen, str]:
    """The running server and its base URL (raises SystemExit if it does not come up).
    `ui.launch` extracts what the store lacks before it listens (about a minute for seeds/),
    hence the generous `startup_s`.
    Its output goes to `log_path` when given, else nowhere; `extra_args` are more Streamlit options."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {**os.environ, "CRISIS_CORPUS": str(corpus), "CRISIS_CACHE": str(workdir / "cache"),
           "CRISIS_DB": str(db or workdir / "crisis.duckdb"), "CRISIS_UPLOADS": str(workdir / "uploads")}
    log = open(log_path, "wb") if log_path else subprocess.DEVNULL
    try:
        server = subprocess.Popen([sys.executable, "-m", "ui.launch", "--server.port", str(port),
                                   "--server.headless", "true", "--server.address", "127.0.0.1",
                                   "--browser.gatherUsageStats", "false", *extra_args],
                                  cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    finally:
        if log_path:
            log.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + startup_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            shown = log_path.read_text(errors="replace") if log_path else "(no log kept)"
            raise SystemExit(f"streamlit exited with {server.returncode}:\n{shown}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return server, url
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"streamlit did not start within {startup_s:.0f} s")


def stop(server: subprocess.Popen, *, timeout_s: float = 30) -> None:
    """Stop a server from `serve`: terminate, and kill it if it has not gone within `timeout_s`."""
    server.terminate()
    try:
        server.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
