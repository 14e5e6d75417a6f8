"""Issue 16, item 2: no test reads or writes the checkout's data/.

The session fixture `isolated_data` (tests/conftest.py) points every default
under data/ at a temporary folder; `DataGuard` fails a session that changed
data/ anyway. These tests check both, the guard on a pytest run of its own.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core.read import corpus
from core.store import db
from tests.data_guard import DATA_ENV, changes, snapshot

REPO = Path(__file__).resolve().parents[1]
CHECKOUT_DATA = REPO / "data"


def _inside(path: Path, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder.resolve())


def test_every_default_under_data_points_at_the_session_folder(isolated_data):
    import os

    assert all(name in os.environ for name in DATA_ENV)
    for path in (db.db_path_from_env(), corpus.uploads_dir_from_env(), corpus.cache_dir_from_env()):
        assert not _inside(path, CHECKOUT_DATA), path
        assert _inside(path, isolated_data), path


def test_the_defaults_themselves_are_under_data():
    # what the fixture must override: if a default moves, DATA_ENV must follow
    assert _inside(db.DEFAULT_DB_PATH, CHECKOUT_DATA)
    assert _inside(corpus.DEFAULT_UPLOADS_DIR, CHECKOUT_DATA)
    assert _inside(corpus.DEFAULT_CACHE_DIR, CHECKOUT_DATA)


def test_snapshot_changes_name_added_changed_and_removed_files(tmp_path):
    folder = tmp_path / "data"
    assert changes(snapshot(folder), snapshot(folder)) == []
    folder.mkdir()
    (folder / "crisis.duckdb").write_bytes(b"store")
    (folder / "old.txt").write_text("x")
    before = snapshot(folder)
    (folder / "crisis.duckdb").write_bytes(b"another store")
    (folder / "old.txt").unlink()
    (folder / "uploads").mkdir()
    (folder / "uploads" / "note.txt").write_text("y")
    assert sorted(changes(before, snapshot(folder))) == [
        "added uploads/", "added uploads/note.txt", "changed crisis.duckdb", "removed old.txt"]
    assert changes(None, {"a": (1, 1)}) == ["the folder was created", "added a"]


def _run_guarded_session(tmp_path: Path, test_body: str) -> subprocess.CompletedProcess:
    """A pytest run of one test, `test_body`, with `DataGuard` on `tmp_path/data`."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "data").mkdir()
    (project / "data" / "crisis.duckdb").write_bytes(b"the user's store")
    (project / "conftest.py").write_text(textwrap.dedent(f"""
        import sys
        from pathlib import Path
        sys.path.insert(0, {str(REPO)!r})
        from tests.data_guard import DataGuard
        DATA = Path(__file__).parent / "data"

        def pytest_configure(config):
            config.pluginmanager.register(DataGuard(DATA), "guard")
        """))
    (project / "test_inner.py").write_text(
        "from pathlib import Path\nDATA = Path(__file__).parent / 'data'\n\n"
        "def test_inner():\n" + textwrap.indent(textwrap.dedent(test_body), "    "))
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(project)],
                          cwd=project, capture_output=True, text=True, timeout=120)


def test_the_guard_fails_a_session_that_writes_into_data(tmp_path):
    run = _run_guarded_session(tmp_path, "(DATA / 'crisis.duckdb').write_bytes(b'a throwaway store')\n")
    assert run.returncode == pytest.ExitCode.TESTS_FAILED, run.stdout + run.stderr
    assert "1 passed" in run.stdout                       # the test itself passed: the guard failed the run
    assert "changed crisis.duckdb" in run.stdout, run.stdout


def test_the_guard_passes_a_session_that_leaves_data_alone(tmp_path):
    run = _run_guarded_session(tmp_path, "assert (DATA / 'crisis.duckdb').read_bytes()\n")
    assert run.returncode == pytest.ExitCode.OK, run.stdout + run.stderr
