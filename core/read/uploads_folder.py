"""The uploads folder: the user's drafts saved there as article files with
sidecars, then listed, corrected and removed (the Import page's steps 3 and 4;
reading the uploaded files into drafts is `core.read.upload`'s job).

Every write is atomic (a temporary file renamed over the target), and nothing
outside the uploads folder is ever changed or removed.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any, Sequence

from core.read import dedupe, ingest
from core.read.ingest import MAX_CORPUS_ARTICLES  # articles in the corpus after an import
from core.read.upload import SAVED_SUFFIX, Draft, check_date, corpus_index, saved_name

SAVED_FILE_MODE = 0o644              # saved articles and sidecars: the owner writes, everyone reads


@dataclass(frozen=True)
class ImportResult:
    saved: tuple[Path, ...]
    duplicates: tuple[str, ...] = ()  # "NAME: duplicate of PATH (how); not imported …"
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class UploadedArticle:
    path: Path
    title: str
    source: str
    published: str
    side: str = ""          # as the sidecar gives it ("" : the corpus reader falls back to the source)


def import_drafts(drafts: Sequence[Draft], *, uploads_dir: Path, corpus_paths: Sequence[Path] = ()) -> ImportResult:
    """Save each draft not already in the corpus as `NAME.txt` + `NAME.meta.json` in `uploads_dir`;
    a duplicate (`core.read.dedupe`) only if `draft.keep_duplicate`, its sidecar then saying so."""
    uploads_dir = Path(uploads_dir)
    uploads_dir.mkdir(parents=True, exist_ok=True)
    known = corpus_index([*corpus_paths, uploads_dir])
    saved: list[Path] = []
    duplicates: list[str] = []
    problems: list[str] = []
    stored = len(set(known.ids.values()))
    for draft in drafts:
        found = known.match(draft)
        if found and found.identical:
            duplicates.append(f"{draft.name}: {found.describe()}; not imported again")
            continue
        if found and not draft.keep_duplicate:
            duplicates.append(f"{draft.name}: {found.describe()}; not imported (tick Import to keep both)")
            continue
        draft = replace(draft, keep_duplicate=found is not None)
        if stored + len(saved) >= MAX_CORPUS_ARTICLES:
            problems.append(f"{draft.name}: the corpus already holds {stored + len(saved):,} articles, the limit "
                            "(corpus_articles in settings.toml); not imported")
            continue
        target = unique_path(uploads_dir, PurePosixPath(saved_name(draft.name)).stem)
        try:
            sidecar = json.dumps(_sidecar(draft), ensure_ascii=False, indent=2)
            atomic_write(ingest.sidecar_path(target), sidecar.encode("utf-8"))
            atomic_write(target, draft.text.encode("utf-8"))
        except OSError as error:
            problems.append(f"{draft.name}: could not save to {target}: {error}")
            ingest.sidecar_path(target).unlink(missing_ok=True)
            continue
        saved.append(target)
        known.add(str(target), draft)
    return ImportResult(saved=tuple(saved), duplicates=tuple(duplicates), problems=tuple(problems))


def _sidecar(draft: Draft) -> dict[str, Any]:
    data = {"title": draft.title, "source": draft.source, "url": draft.url,
            "published": draft.published.isoformat() if draft.published else "", "uploaded_as": draft.name,
            dedupe.KEEP_DUPLICATE_KEY: draft.keep_duplicate}
    return {k: v for k, v in data.items() if v}


def unique_path(folder: Path, stem: str, *, suffix: str = SAVED_SUFFIX) -> Path:
    """`folder/stem.txt`, or `stem-2.txt`… when it (or its sidecar) is taken."""
    for number in range(1, 100_000):
        candidate = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        if not candidate.exists() and not ingest.sidecar_path(candidate).exists():
            return candidate
    raise OSError(f"no free file name for {stem} in {folder}")


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a hidden temporary file beside `path`, then rename it over `path`;
    the file is `SAVED_FILE_MODE` (a temporary file is the owner's only)."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".upload-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, SAVED_FILE_MODE)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def list_uploads(uploads_dir: Path) -> list[UploadedArticle]:
    """The imported articles, newest first."""
    folder = Path(uploads_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in ingest.iter_article_files([folder]):
        try:
            meta = ingest.read_sidecar(path)
        except (OSError, ValueError):
            meta = {}
        found.append((path.stat().st_mtime_ns, UploadedArticle(path=path, title=meta.get("title", path.stem),
                                                                source=meta.get("source", ""),
                                                                published=meta.get("published", ""),
                                                                side=meta.get("side", ""))))
    return [article for _, article in sorted(found, key=lambda pair: (-pair[0], str(pair[1].path)))]


def _imported_file(path: Path, uploads_dir: Path, *, nothing: str) -> Path:
    """`path` resolved, if it is an imported article in `uploads_dir`; else ValueError ending in `nothing`."""
    folder = Path(uploads_dir).resolve()
    target = Path(path)
    resolved = target.resolve()
    if resolved == folder or not resolved.is_relative_to(folder) or target.is_symlink():
        raise ValueError(f"{path} is not an imported article in {uploads_dir}; {nothing}")
    if target.name.lower().endswith(ingest.SIDECAR_SUFFIX) or not resolved.is_file():
        raise ValueError(f"{path} is not an imported article file; {nothing}")
    return resolved


def update_metadata(path: Path, *, uploads_dir: Path, title: str, source: str, published: Any,
                    side: str) -> dict[str, Any]:
    """Correct an imported article's title, source, publication date and side in its sidecar,
    written atomically; other keys (url, keep_duplicate...) are kept. An empty
    value removes the key (the corpus reader's default then applies: the title
    from the file name, the side from the source). ValueError, naming the file,
    for a bad date or a file outside `uploads_dir`; nothing is changed then.
    Returns the sidecar as written."""
    resolved = _imported_file(path, uploads_dir, nothing="nothing changed")
    try:
        when = check_date(published)
    except ValueError as error:
        raise ValueError(f"{Path(path).name}: {error}; nothing changed") from None
    sidecar = ingest.sidecar_path(resolved)
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else {}
    except (OSError, ValueError) as error:
        raise ValueError(f"{sidecar.name}: cannot be read ({error}); nothing changed") from None
    if not isinstance(data, dict):
        raise ValueError(f"{sidecar.name} must hold a JSON object; nothing changed")
    given = {"title": str(title or "").strip(), "source": str(source or "").strip(),
             "published": when.isoformat() if when else "", "side": str(side or "").strip()}
    data = {**{k: v for k, v in data.items() if k not in given}, **{k: v for k, v in given.items() if v}}
    atomic_write(sidecar, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    return data


def remove_upload(path: Path, *, uploads_dir: Path) -> list[Path]:
    """Delete an imported article and its sidecar; ValueError for anything outside `uploads_dir`."""
    resolved = _imported_file(path, uploads_dir, nothing="nothing removed")
    removed = [resolved]
    resolved.unlink()
    sidecar = ingest.sidecar_path(resolved)
    if sidecar.is_file():
        sidecar.unlink()
        removed.append(sidecar)
    return removed
