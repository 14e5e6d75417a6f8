"""Extraction progress (core/progress.py), shared by `python -m core ingest` and
`make run`: articles done of the total, the rate and the time left."""
from __future__ import annotations

import io

import pytest

from core.progress import ExtractionProgress, eta_text


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0:00:00"), (4.4, "0:00:04"), (59.6, "0:01:00"), (3725, "1:02:05"), (None, "-:--:--"),
    (float("nan"), "-:--:--"), (-1, "-:--:--"),
])
def test_eta_text(seconds, text):
    assert eta_text(seconds) == text


def test_plain_lines_give_done_total_rate_and_time_left():
    stream, clock = io.StringIO(), Clock()
    with ExtractionProgress(stream, label="store", clock=clock) as progress:
        progress(0, 10)                       # the sync announces its total: no line yet
        clock.now += 4
        progress(2, 10)
        clock.now += 4
        progress(4, 10)
    assert stream.getvalue().splitlines() == [
        "store: 2/10 articles stored, 0.5 articles/s, about 0:00:16 left",
        "store: 4/10 articles stored, 0.5 articles/s, about 0:00:12 left",
    ]


def test_the_ingest_label_keeps_the_lines_the_cli_always_printed():
    stream = io.StringIO()
    ExtractionProgress(stream)(4, 40)
    assert stream.getvalue().startswith("ingest: 4/40 articles stored, ")


def test_on_a_terminal_a_bar_shows_done_total_rate_and_time_left():
    stream, clock = Terminal(), Clock()
    with ExtractionProgress(stream, clock=clock) as progress:
        assert progress.bar is not None
        progress(0, 10)
        progress(5, 10)
        progress(10, 10)
    shown = stream.getvalue()
    assert "10/10" in shown and "articles/s" in shown and "left" in shown and "elapsed" in shown
