"""The one extraction job of the server: imported articles extracted in the background.

An import saves the files, then `start()` brings the store in step with the corpus
folders on a thread of its own, with the store's own connection (`Store.sibling`)
and the pipeline in a child process (`core.store.worker`). So the page that imported
returns at once and shows the job's progress, and every other session keeps
reading the last committed store, with a note that N articles are being
extracted. A `start()` while the job runs asks for one more pass when it ends
(the files saved meanwhile are read then). One job per server process.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from core.read import corpus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Status:
    """What the job is doing, as any session may show it."""

    running: bool = False
    done: int = 0
    total: int = 0
    error: str = ""                  # the job itself failed (the store could not be written)
    report: object = None            # the last finished pass's core.store.db.SyncReport (what failed, and why)


@dataclass
class Job:
    """The server's extraction job (one per process: `ui.data.import_job()`)."""

    db_path: Path
    open_store: object                           # () -> (Store, lock), the server's shared store
    on_done: object = None                       # () -> None, after each pass (clears the page caches)
    elsewhere: bool = True                       # the pipeline in a child process (False: on the job's thread)
    _status: Status = field(default_factory=Status)
    _again: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _thread: threading.Thread | None = None

    def status(self) -> Status:
        with self._lock:
            return self._status

    def start(self) -> bool:
        """Extract what the corpus folders hold and the store lacks, in the background.
        False when a job was already running (it then runs once more when it ends)."""
        with self._lock:
            if self._status.running:
                self._again = True
                return False
            self._status = Status(running=True)
            self._thread = threading.Thread(target=self._run, name="crisis-import", daemon=True)
            self._thread.start()
            return True

    def wait(self, timeout: float | None = None) -> Status:
        """For tests and the CLI: block until the job (and any pass it owes) is over."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self.status()

    def _progress(self, done: int, total: int) -> None:
        with self._lock:
            self._status = replace(self._status, done=done, total=total)

    def _run(self) -> None:
        while True:
            error, report = "", None
            try:
                store, lock = self.open_store()       # type: ignore[operator]
                with lock:                            # the shared connection refuses a second caller
                    own = store.sibling()
                try:
                    paths = corpus.corpus_dirs_from_env()
                    fingerprint = corpus.corpus_fingerprint(paths)
                    report = own.sync(paths, elsewhere=self.elsewhere, batch_size=1, progress=self._progress)
                    own.record_fingerprint(fingerprint)
                finally:
                    own.close()
            except Exception as failure:  # noqa: BLE001 - shown on the Import page, logged in full
                log.exception("the background extraction failed")
                error = f"{type(failure).__name__}: {failure}"
            if self.on_done is not None:
                self.on_done()                           # type: ignore[operator]
            with self._lock:
                again, self._again = self._again, False
                self._status = replace(self._status, running=again, error=error, report=report)
                if not again:
                    return
