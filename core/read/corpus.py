"""Where the corpus is and what keys it: its folders (from the environment), the
uploads folder and the cache, a cheap fingerprint that changes when any file
does, the actor dictionary's path, and the version key of extraction results.

Light at import (no spaCy): the pages, the store and the CLI read it. The
corpus is extracted into the store by `core.store.db`; `core.combine.build.build_frames`
builds it in memory.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from core import REPO_ROOT
from core.extract import model
from core.frames import Frames
from core.read.ingest import ACTOR_DICTIONARY_NAME, article_stat_lines, stat_line

DEFAULT_CORPUS_DIR = REPO_ROOT / "seeds"
DEFAULT_CACHE_DIR = REPO_ROOT / "data" / "cache"
DEFAULT_UPLOADS_DIR = REPO_ROOT / "data" / "uploads"


def corpus_dirs_from_env() -> list[Path]:
    """`CRISIS_CORPUS` (os.pathsep-separated) or the embedded seed corpus, plus
    the uploads folder (the user's imported articles) once it exists."""
    raw = os.environ.get("CRISIS_CORPUS", "")
    dirs = [Path(p) for p in raw.split(os.pathsep) if p] or [DEFAULT_CORPUS_DIR]
    uploads = uploads_dir_from_env()
    if uploads.is_dir() and not any(_same_path(uploads, d) for d in dirs):
        dirs.append(uploads)
    return dirs


def uploads_dir_from_env() -> Path:
    """`CRISIS_UPLOADS`, where imported articles are saved; default `data/uploads`."""
    raw = os.environ.get("CRISIS_UPLOADS", "").strip()
    return Path(raw) if raw else DEFAULT_UPLOADS_DIR


def _same_path(a: Path, b: Path) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def cache_dir_from_env() -> Path | None:
    """`CRISIS_CACHE` ("" or "off" disables the on-disk cache)."""
    raw = os.environ.get("CRISIS_CACHE")
    if raw is None:
        return DEFAULT_CACHE_DIR
    return None if raw.strip().lower() in ("", "off", "none") else Path(raw)


@dataclass(frozen=True)
class CorpusResult:
    frames: Frames
    problems: tuple[str, ...]        # one message per unreadable file, naming it
    pipeline_version: str


def corpus_fingerprint(paths: Sequence[Path]) -> str:
    """A cheap key that changes when any article, sidecar or the actor dictionary
    is added, removed or edited: their `path:size:mtime_ns` lines, sorted. Every
    page run computes it (0.05 s for 10,000 articles)."""
    parts = [*article_stat_lines(paths), stat_line(dictionary_path_for(paths))]
    return "|".join(sorted(part for part in parts if part))


def pipeline_key(entries: Sequence[object]) -> str:
    """Model plus rules version plus a digest of the actor dictionary: the key of
    every stored extraction result (dictionary hits are part of each result)."""
    return f"{model.pipeline_version()}+dict-{_digest(repr(list(entries)))}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def dictionary_path_for(paths: Sequence[Path]) -> Path:
    """The actor dictionary: `actors.csv` in the first corpus folder that has one, else the shipped one."""
    for path in paths:
        candidate = Path(path) / ACTOR_DICTIONARY_NAME
        if candidate.is_file():
            return candidate
    return DEFAULT_CORPUS_DIR / ACTOR_DICTIONARY_NAME
