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


def serve(corpus: Path, workdir: Path, *, db: Path | None = None, startup_s: float = 120) -> tuple[subprocess.Popen, str]:
    """The running server and its base URL (raises SystemExit if it does not come up)."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {**os.environ, "CRISIS_CORPUS": str(corpus), "CRISIS_CACHE": str(workdir / "cache"),
           "CRISIS_DB": str(db or workdir / "crisis.duckdb"), "CRISIS_UPLOADS": str(workdir / "uploads")}
    server = subprocess.Popen([sys.executable, "-m", "ui.launch", "--server.port", str(port),
                               "--server.headless", "true", "--server.address", "127.0.0.1"],
                              cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + startup_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return server, url
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"streamlit did not start within {startup_s:.0f} s")
