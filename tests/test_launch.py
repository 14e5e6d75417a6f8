"""`python -m ui.launch`: the warm-up imports what the pages import, and never stops the server."""
from __future__ import annotations

import ast
from pathlib import Path

from ui.launch import WARM_MODULES, warm_up

REPO = Path(__file__).resolve().parents[1]


def test_every_warm_module_imports():
    assert warm_up() == []


def test_a_module_that_fails_to_import_is_reported_not_raised():
    assert warm_up(("pandas", "no_such_module_here", "json")) == ["no_such_module_here"]


def test_the_warm_up_covers_every_project_module_the_pages_import():
    """A page that starts importing a new module of ours should add it to WARM_MODULES."""
    imported = set()
    for page in [REPO / "app.py", *(REPO / "pages").glob("*.py")]:
        for node in ast.walk(ast.parse(page.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("core", "ui"):
                imported.update([node.module, *(f"{node.module}.{a.name}" for a in node.names)])
    ours = {name for name in imported if Path(REPO, *name.split(".")).with_suffix(".py").exists()}
    assert ours and ours <= set(WARM_MODULES), sorted(ours - set(WARM_MODULES))


def test_warm_figures_builds_every_trace_kind():
    from ui.launch import warm_figures

    assert warm_figures() is True


def _loader_env(tmp_path, monkeypatch):
    import ui.data

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2022-02-13_wire.txt").write_text("Russia moved troops to Belarus on Sunday, the Pentagon said.",
                                                encoding="utf-8")
    monkeypatch.setenv("CRISIS_CORPUS", str(corpus))
    monkeypatch.setenv("CRISIS_DB", str(tmp_path / "store.duckdb"))
    monkeypatch.setenv("CRISIS_UPLOADS", str(tmp_path / "no-uploads"))
    ui.data._store_view.clear()
    ui.data._open_store.clear()
    return corpus


def test_warm_store_opens_a_synced_store_into_the_page_caches_and_never_extracts(tmp_path, monkeypatch):
    import core.store.db
    import ui.data

    corpus = _loader_env(tmp_path, monkeypatch)
    try:
        ui.data.sync_store()
        ui.data._store_view.clear()
        ui.data._open_store.clear()

        def no_sync(self, *args, **kwargs):
            raise AssertionError("warm_store must never sync (extract)")

        monkeypatch.setattr(core.store.db.Store, "sync", no_sync)
        assert ui.data.warm_store() is True
        store, _lock = ui.data._open_store(str(ui.data.db_path()))
        assert store.counts()["articles"] == 1
        (corpus / "2022-02-14_more.txt").write_text("Ukraine asked for talks.", encoding="utf-8")
        assert ui.data.warm_store() is False          # the corpus changed: the page syncs it, with progress
    finally:
        ui.data._store_view.clear()
        ui.data._open_store.clear()


def test_the_launcher_builds_the_store_the_first_page_then_reads_without_extracting(tmp_path, monkeypatch):
    """`make run` extracts before serving, with progress; the page's loader then finds the
    same store, folders, dictionary and fingerprint in step, and never syncs."""
    import io

    import core.store.db
    import ui.data
    from core.read import corpus as corpus_mod
    from ui.launch import build_store

    corpus = _loader_env(tmp_path, monkeypatch)
    (corpus / "2022-02-14_ru_more.txt").write_text("The Kremlin said on Monday that troops were leaving.",
                                                    encoding="utf-8")
    try:
        said = io.StringIO()
        assert build_store(said) is True
        lines = said.getvalue().splitlines()
        assert lines[0].startswith("store: 2/2 articles stored, ") and "articles/s" in lines[0]
        assert "left" in lines[0] and lines[-1].startswith("store: 2 extracted, 0 already stored")
        ui.data._store_view.clear()
        ui.data._open_store.clear()

        def no_sync(self, *args, **kwargs):
            raise AssertionError("the first page must not sync (extract): the launcher did")

        monkeypatch.setattr(core.store.db.Store, "sync", no_sync)
        paths = corpus_mod.corpus_dirs_from_env()
        view = ui.data._view_of(paths, corpus_mod.corpus_fingerprint(paths))     # what load_view reads
        assert view.counts()["articles"] == 2
        assert view.options().values["sides"] == ["Russia"]            # 2022-02-13_wire.txt has no side, nor a source
        assert ui.data.warm_store() is True
        again = io.StringIO()
        assert build_store(again) is True                   # a restart: nothing read, nothing extracted
        assert "nothing to extract" in again.getvalue()
    finally:
        ui.data._store_view.clear()
        ui.data._open_store.clear()


def test_a_store_the_launcher_cannot_build_is_said_and_the_server_still_starts(tmp_path, monkeypatch):
    import io

    import ui.data
    from ui.launch import build_store

    _loader_env(tmp_path, monkeypatch)

    def locked(path):
        raise OSError("Could not set lock on file")

    monkeypatch.setattr(ui.data, "store_recovery", locked)
    said = io.StringIO()
    assert build_store(said) is False
    assert "could not be built before serving" in said.getvalue() and "Could not set lock" in said.getvalue()


def test_warm_store_that_cannot_open_returns_false(tmp_path, monkeypatch):
    import core.store.db
    import ui.data

    _loader_env(tmp_path, monkeypatch)

    def locked(self, *args, **kwargs):
        raise OSError("locked (test)")

    monkeypatch.setattr(core.store.db.Store, "__init__", locked)
    try:
        assert ui.data.warm_store() is False
    finally:
        ui.data._store_view.clear()
        ui.data._open_store.clear()
