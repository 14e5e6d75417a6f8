"""Downloads built with the page, not on click (issue 16: ten sessions at once lost
2 of 28 downloads of the counts view's events CSV to a 404).

Streamlit stores a file built on click under no session; the first two runs any
session finishes afterwards drop it, so under load the browser can ask for it too
late. A file built with the page belongs to that page's session until its next run.
The first tests pin that Streamlit behaviour (if a Streamlit release stops dropping
such files, they fail, and the work-around can go); the others, that the Timeline's
downloads are built with the page up to `download_rows_now` rows, and on click beyond.
"""
from __future__ import annotations

from dataclasses import replace

from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from test_app import PAGES, all_text, make_app, synthetic_corpus

import core.read.limits
import ui.figures.points

CSV = b"event_id,label\ne1,talks\n"


def _file_id(url: str) -> str:
    return url.rsplit("/", 1)[-1].split(".")[0]


def _manager() -> MediaFileManager:
    return MediaFileManager(MemoryMediaFileStorage("/media"))


def test_streamlit_drops_a_file_built_on_click_after_two_runs_of_any_session():
    manager = _manager()
    placeholder = manager.add_deferred(lambda: CSV, "text/csv", "1.2.3", file_name="events.csv")
    url = manager.execute_deferred(placeholder)
    file_id = _file_id(url)
    assert manager.read_file(file_id) is not None
    manager.remove_orphaned_files()             # another session's run ends: marked
    manager.remove_orphaned_files()             # and another's: gone, though nobody fetched it
    assert manager.read_file(file_id) is None


def test_a_file_built_with_the_page_outlives_other_sessions_runs():
    manager = _manager()
    url = manager.add(CSV, "text/csv", "1.2.3", file_name="events.csv", is_for_static_download=True)
    for _ in range(5):
        manager.remove_orphaned_files()
    assert manager.read_file(_file_id(url)) is not None


def _buttons(at) -> dict[str, object]:
    """The page's download buttons by key suffix, as protos."""
    return {b.proto.id.rsplit("-", 1)[-1]: b.proto for b in at.get("download_button")}


def _built_with_page(proto) -> bool:
    return bool(proto.url) and not proto.HasField("deferred_file_id")


def test_the_timelines_downloads_are_built_with_the_page():
    at = make_app(synthetic_corpus(), page=PAGES[0])
    buttons = _buttons(at)
    assert {"timeline_download", "timeline_download_mentions"} <= set(buttons)
    assert _built_with_page(buttons["timeline_download"])
    assert _built_with_page(buttons["timeline_download_mentions"])


def test_the_counts_views_events_csv_is_built_with_the_page(monkeypatch):
    monkeypatch.setattr(ui.figures.points, "POINTS_MAX", 2)
    at = make_app(synthetic_corpus(), page=PAGES[0])
    assert "too many to draw one by one" in all_text(at)
    assert _built_with_page(_buttons(at)["timeline_download"])


def test_a_download_past_the_limit_is_built_on_click(monkeypatch):
    monkeypatch.setattr(core.read.limits, "LIMITS", replace(core.read.limits.LIMITS, download_rows_now=1))
    at = make_app(synthetic_corpus(), page=PAGES[0])
    mentions = _buttons(at)["timeline_download_mentions"]
    assert mentions.HasField("deferred_file_id") and not mentions.url


def test_sessions_share_one_built_csv():
    corpus = synthetic_corpus()
    first, second = make_app(corpus, page=PAGES[0]), make_app(corpus, page=PAGES[0])
    urls = [_buttons(at)["timeline_download_mentions"].url for at in (first, second)]
    assert urls[0] and urls[0] == urls[1]       # one file for both, built once
