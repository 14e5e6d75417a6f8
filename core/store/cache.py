"""An on-disk cache of per-article extraction results.

Results are keyed by the article's content hash and the pipeline version
(model plus rules), so an article is extracted once per pipeline version and
never again on a page load. Each entry is one JSON file, written atomically
(temporary file, then rename); an unreadable entry is treated as missing and
rebuilt from the corpus.
"""
from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
_SAFE_KEY = re.compile(r"[^A-Za-z0-9_.+-]")


class ResultCache:
    def __init__(self, root: Path, *, pipeline_version: str) -> None:
        self.root = Path(root) / _SAFE_KEY.sub("_", pipeline_version)
        self.pipeline_version = pipeline_version

    def _path(self, article_id: str) -> Path:
        return self.root / f"{_SAFE_KEY.sub('_', article_id)}.json"

    def get(self, article_id: str) -> dict[str, Any] | None:
        path = self._path(article_id)
        try:
            with path.open(encoding="utf-8") as handle:
                entry = json.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("cache entry %s is unreadable (%s); re-extracting", path, error)
            return None
        if not isinstance(entry, dict) or entry.get("pipeline_version") != self.pipeline_version:
            log.warning("cache entry %s does not match this pipeline; re-extracting", path)
            return None
        return entry

    def put(self, article_id: str, entry: dict[str, Any]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        payload = {**entry, "pipeline_version": self.pipeline_version}
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self._path(article_id))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
