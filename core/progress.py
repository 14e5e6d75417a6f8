"""Extraction progress on a terminal: articles done of the total, the rate and
the time left. One implementation for `python -m core ingest` and for `make run`
(`ui.launch`), which builds the store before it serves.

An `ExtractionProgress` is the `progress(done, total)` callback of
`core.store.db.Store.sync`. On a terminal it draws a rich bar; otherwise (a log, a
pipe, a test) it prints one plain line per committed batch:
``ingest: 8/101 articles stored, 2.4 articles/s, about 0:00:39 left``.
"""
from __future__ import annotations

import time
from typing import IO, TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


def eta_text(seconds: float | None) -> str:
    """`H:MM:SS` (as rich writes the time left), or "-:--:--" when unknown."""
    if seconds is None or seconds != seconds or seconds < 0:
        return "-:--:--"
    whole = int(round(seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


class ExtractionProgress:
    """`progress(done, total)` drawn on `stream`: a bar with done/total, articles
    per second, time left and time elapsed on a terminal, else plain lines
    starting `{label}: {done}/{total} articles stored`. A context manager."""

    def __init__(self, stream: IO[str], *, label: str = "ingest",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.label = label
        self.clock = clock
        self.started: float | None = None
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        if _is_terminal(stream):
            # rich draws the bar on a terminal only; a log or a pipe gets plain lines without it
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} articles/s"), TextColumn("left"), TimeRemainingColumn(),
                TextColumn("elapsed"), TimeElapsedColumn(),
                console=Console(file=stream),
            )

    def __enter__(self) -> "ExtractionProgress":
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def rate(self, done: int) -> float | None:
        """Articles per second since the first call; None before any is done."""
        if self.started is None or done <= 0:
            return None
        seconds = self.clock() - self.started
        return done / seconds if seconds > 0 else None

    def line(self, done: int, total: int) -> str:
        """The plain progress line for `done` of `total`."""
        rate = self.rate(done)
        left = (total - done) / rate if rate else None
        speed = f"{rate:.1f}" if rate else "-"
        return f"{self.label}: {done}/{total} articles stored, {speed} articles/s, about {eta_text(left)} left"

    def __call__(self, done: int, total: int) -> None:
        if self.started is None:
            self.started = self.clock()
        if self.bar is None:
            if done:
                print(self.line(done, total), file=self.stream, flush=True)
            return
        if self.task is None:
            self.task = self.bar.add_task("extract", total=total, rate="-")
        speed = self.bar.tasks[0].speed if self.bar.tasks else None
        self.bar.update(self.task, completed=done, rate=f"{speed:.1f}" if speed else "-")


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):       # closed, or not a real file
        return False
