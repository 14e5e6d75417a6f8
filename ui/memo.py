"""A small, bounded, thread-safe memo shared by every session of the server.

A view of the corpus (`ui.source`) keeps one: what a page builds from the
view for given filters (the timeline and its chart) is built once, and every
session that asks for the same thing while the view lasts gets it at once.
The view clears it when its tables change (a correction); a new view (after a
sync or an import) starts empty. What it returns is shared: never modify it.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")

# Entries kept: each is a chart and its events, a few MB at most on the real corpus.
MEMO_ENTRIES = 48


class Memo:
    """`get(key, build)`: the value built for `key`, built now if need be; the least
    recently used entries go past `size`."""

    def __init__(self, size: int = MEMO_ENTRIES) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]          # type: ignore[return-value]
        value = build()                          # outside the lock: two sessions may build it both
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._values)
