"""Time from a start command (default `make run`) to the first timeline chart in Chromium.

    .venv/bin/python -m bench.first_chart [--repo DIR] [--command "make run"] [--port 8599]

Starts the command in DIR, opens the Timeline page in headless Debian
Chromium as soon as the server answers, and prints the seconds from the
command's start to the server answering and to the chart's first points.
Run it in a fresh clone to include the install (`git clone . /tmp/ct && ...
--repo /tmp/ct`). Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def wait_for_health(port: int, *, deadline: float, proc: subprocess.Popen) -> None:
    url = f"http://127.0.0.1:{port}/_stcore/health"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the command exited with status {proc.returncode} before serving")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"no server on port {port} before the timeout")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--command", default="make run")
    parser.add_argument("--port", type=int, default=8599)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("skipped: playwright is not installed (make install-dev)")
        return 0
    if not Path(CHROMIUM).exists():
        print(f"skipped: no Chromium at {CHROMIUM} (apt-get install chromium)")
        return 0

    command = shlex.split(args.command) + ([f"PORT={args.port}"] if args.command.startswith("make") else [])
    env = {**os.environ, "STREAMLIT_SERVER_PORT": str(args.port)}
    start = time.monotonic()
    proc = subprocess.Popen(command, cwd=args.repo, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for_health(args.port, deadline=start + args.timeout, proc=proc)
        served = time.monotonic() - start
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{args.port}/Timeline")
            page.wait_for_selector(".scatterlayer .point", timeout=args.timeout * 1000)
            charted = time.monotonic() - start
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    print(f"command: {args.command} (in {args.repo})")
    print(f"server answering after {served:.1f} s")
    print(f"first timeline chart after {charted:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
