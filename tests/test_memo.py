"""ui.memo: what pages build from a view, built once for every session."""
from __future__ import annotations

import threading

from ui.memo import Memo


def test_a_value_is_built_once_then_shared() -> None:
    memo, built = Memo(), []
    first = memo.get("k", lambda: built.append(1) or ["chart"])
    second = memo.get("k", lambda: built.append(2) or ["other"])
    assert first is second and built == [1]


def test_the_least_recently_used_entries_go_past_the_size() -> None:
    memo = Memo(size=2)
    memo.get("a", lambda: 1)
    memo.get("b", lambda: 2)
    memo.get("a", lambda: 0)          # a is used again: b is now the oldest
    memo.get("c", lambda: 3)
    assert len(memo) == 2
    assert memo.get("b", lambda: "rebuilt") == "rebuilt"
    assert memo.get("c", lambda: "rebuilt") == 3


def test_sessions_on_threads_all_get_a_value() -> None:
    memo = Memo(size=4)
    results: list[int] = []
    threads = [threading.Thread(target=lambda i=i: results.append(memo.get(i % 3, lambda: i % 3))) for i in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(set(results)) == [0, 1, 2] and len(results) == 30


def test_a_correction_clears_what_the_store_view_built(tmp_path) -> None:
    from core.store.db import Store
    from ui.source import StoreView

    view = StoreView(Store(tmp_path / "crisis.duckdb"))
    view.memo.get("timeline", lambda: "old chart")
    view.undo_correction()            # nothing to undo, but the tables may have changed: forget
    assert view.memo.get("timeline", lambda: "new chart") == "new chart"
