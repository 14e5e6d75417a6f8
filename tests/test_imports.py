"""The background extraction job (ui.imports) and the child-process extractor (core.store.worker)."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from core.store.db import Store

ARTICLE = ("Russia moved 5,000 troops to the border on Monday, officials said. "
           "President Biden spoke with President Zelenskyy on Tuesday.\n")


def _write(folder: Path, name: str, text: str = ARTICLE) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"2022-02-14_{name}.txt").write_text(text, encoding="utf-8")


@pytest.mark.model
def test_the_child_process_gives_the_same_results_as_extracting_here(tmp_path: Path) -> None:
    from core.extract.articles import iter_extracted
    from core.extract.pipeline import build_pipeline
    from core.read.ingest import read_corpus
    from core.store.worker import extract_elsewhere

    _write(tmp_path, "one")
    _write(tmp_path, "two", "Ukraine said it shelled no one. Lavrov met Blinken in Geneva on 21 January.\n")
    articles = read_corpus([tmp_path]).articles
    elsewhere = [(a.article_id, r.to_json()) for a, r in extract_elsewhere(articles)]
    here = [(a.article_id, r.to_json()) for a, r in iter_extracted(articles, nlp=build_pipeline)]
    assert elsewhere == here and len(here) == 2


@pytest.mark.model
def test_the_job_extracts_in_the_background_while_the_store_stays_readable(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.imports import Job

    corpus = tmp_path / "corpus"
    _write(corpus, "first")
    monkeypatch.setenv("CRISIS_CORPUS", str(corpus))
    monkeypatch.setenv("CRISIS_UPLOADS", str(tmp_path / "uploads"))
    store = Store(tmp_path / "crisis.duckdb")
    lock = threading.RLock()
    store.sync([corpus])
    assert store.counts()["articles"] == 1
    _write(corpus, "second", "NATO held an exercise in Poland on 3 February. Russia denied any invasion plans.\n")
    cleared = []
    job = Job(db_path=store.path, open_store=lambda: (store, lock), on_done=lambda: cleared.append(True))

    assert job.start() is True
    assert job.start() is False                     # one job: a second start asks for one more pass
    import time

    deadline = time.time() + 120
    while job.status().total == 0 and time.time() < deadline:   # the job has found what to extract
        time.sleep(0.05)
    status = job.status()
    assert status.running and (status.done, status.total) == (0, 1)
    # Meanwhile, as the child extracts, the server's connection answers with the last committed store.
    with lock:
        assert store.counts()["articles"] == 1
    status = job.wait(timeout=300)
    assert not status.running and status.error == "" and cleared
    with lock:
        assert store.counts()["articles"] == 2


def test_a_failed_job_says_why_and_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.imports import Job

    monkeypatch.setenv("CRISIS_CORPUS", str(tmp_path))

    def broken():
        raise OSError("the store is on a disk that went away")

    job = Job(db_path=tmp_path / "x.duckdb", open_store=broken)
    job.start()
    status = job.wait(timeout=30)
    assert not status.running
    assert "disk that went away" in status.error


@pytest.mark.model
def test_an_article_the_child_process_fails_on_is_named_and_the_rest_go_on(tmp_path: Path) -> None:
    from dataclasses import replace

    from core.read.ingest import read_corpus
    from core.store.worker import extract_elsewhere

    _write(tmp_path, "good")
    (good,) = read_corpus([tmp_path]).articles
    broken = replace(good, article_id="broken", text=b"not text")     # the pipeline raises on it, in the child
    out = list(extract_elsewhere([broken, good], failed=lambda article, error: (article.article_id, error)))
    assert out[0][1][0] == "broken" and isinstance(out[0][1][1], Exception)
    assert out[1][0] is good and out[1][1].article_id == good.article_id      # the next one is extracted


@pytest.mark.model
def test_the_child_process_does_not_run_the_script_streamlit_made_main(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit installs the script it runs as `__main__`, and a spawned child re-runs
    `__main__`'s file before anything else: a page would load the corpus and sync the
    store in the child. The child starts with `__main__` blanked, and `__main__` is what
    it was afterwards."""
    import sys
    import types

    from core.read.ingest import read_corpus
    from core.store.worker import extract_elsewhere

    ran = tmp_path / "the page ran"
    script = tmp_path / "page.py"
    script.write_text(f"from pathlib import Path\nPath({str(ran)!r}).write_text('in the child')\n", encoding="utf-8")
    page = types.ModuleType("__main__")           # as Streamlit's ScriptRunner makes it
    page.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", page)
    _write(tmp_path / "corpus", "one")
    articles = read_corpus([tmp_path / "corpus"]).articles

    out = list(extract_elsewhere(articles, failed=lambda article, error: error))
    assert [type(result).__name__ for _, result in out] == ["ArticleResult"]
    assert not ran.exists()
    assert sys.modules["__main__"] is page
