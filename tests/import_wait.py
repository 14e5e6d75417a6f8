"""For page tests of the Import page: wait for the background extraction job."""
from __future__ import annotations

import time

WAITING_KEY = "import_waiting"   # pages/5_Import.py


def wait_for_import(at, *, timeout: float = 240.0):
    """Rerun the Import page (as its progress fragment does every second in a browser)
    until the background job has read this session's files; returns the AppTest."""
    deadline = time.monotonic() + timeout
    while WAITING_KEY in at.session_state and at.session_state[WAITING_KEY]:
        if time.monotonic() > deadline:
            raise AssertionError(f"the import was not extracted within {timeout:.0f} s")
        time.sleep(0.3)
        at.run()
    return at
