"""Tests never touch the checkout's `data/` (the user's store, uploads and cache).

`isolated_environment` points every path the code defaults under `data/`
(`CRISIS_DB`, `CRISIS_UPLOADS`, `CRISIS_CACHE`) at a temporary folder for the
whole test session; `DataGuard`, a pytest plugin, lists the guarded folder when
the session starts and fails the run at its end if any file there was added,
removed or changed (or the folder itself appeared or went). Registered for
`data/` by `tests/conftest.py`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

# Every environment variable whose default is a path under data/ (core.store.db, core.read.corpus).
DATA_ENV = ("CRISIS_DB", "CRISIS_UPLOADS", "CRISIS_CACHE")


def isolated_environment(folder: Path) -> dict[str, str]:
    """The values of `DATA_ENV` that keep the code's files under `folder`."""
    return {"CRISIS_DB": str(folder / "crisis.duckdb"), "CRISIS_UPLOADS": str(folder / "uploads"),
            "CRISIS_CACHE": str(folder / "cache")}


def snapshot(folder: Path) -> dict[str, tuple[int, int]] | None:
    """Each file under `folder` (relative path) with its size and modification time
    in nanoseconds; None when `folder` does not exist."""
    if not folder.exists():
        return None
    found = {}
    for path in sorted(folder.rglob("*")):
        stat = path.lstat()
        found[path.relative_to(folder).as_posix() + ("/" if path.is_dir() else "")] = (
            0 if path.is_dir() else stat.st_size, 0 if path.is_dir() else stat.st_mtime_ns)
    return found


def changes(before: dict | None, after: dict | None) -> list[str]:
    """What differs between two snapshots of one folder, one line each (empty: nothing)."""
    if before is None and after is None:
        return []
    if before is None:
        return ["the folder was created"] + [f"added {name}" for name in after]
    if after is None:
        return ["the folder was removed"]
    lines = [f"added {name}" for name in after if name not in before]
    lines += [f"removed {name}" for name in before if name not in after]
    lines += [f"changed {name}" for name in before if name in after and before[name] != after[name]]
    return lines


class DataGuard:
    """Fails the test session when it changed anything under `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.before = snapshot(self.folder)
        self.problems: list[str] = []

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session, exitstatus) -> None:
        self.problems = changes(self.before, snapshot(self.folder))
        if self.problems:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.problems:
            shown = "\n".join(f"  {line}" for line in self.problems[:20])
            more = f"\n  …and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
            terminalreporter.write_line(
                f"FAILED: the test session changed {self.folder} (tests must not touch the checkout's "
                f"data/):\n{shown}{more}", red=True, bold=True)


def pin_environment(folder: Path) -> pytest.MonkeyPatch:
    """Set `DATA_ENV` to `folder` for the session; undo with `.undo()`."""
    patch = pytest.MonkeyPatch()
    for name, value in isolated_environment(folder).items():
        patch.setenv(name, value)
    return patch


__all__ = ["DATA_ENV", "DataGuard", "changes", "isolated_environment", "pin_environment", "snapshot"]
