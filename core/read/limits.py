"""Limits on what the tool accepts, kept in one settings file.

The values live in `settings.toml` at the repository root (or the file named by
`CRISIS_SETTINGS`), under `[limits]`; the defaults below are used for any key
the file leaves out, and when there is no file at all. An unknown key or a value
that is not a positive whole number is an error naming the file and the key:
a typo must not silently leave a limit at its default.

`.streamlit/config.toml`'s `server.maxUploadSize` must equal `upload_mb`
(the browser enforces that one before a file is sent, and the uploader states
it); a test keeps them equal. By default it is the article limit
(`article_bytes`), so the limit the uploader states is the one that applies.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from core import REPO_ROOT

SETTINGS_ENV = "CRISIS_SETTINGS"
DEFAULT_SETTINGS_PATH = REPO_ROOT / "settings.toml"


class SettingsError(ValueError):
    """The settings file cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Limits:
    upload_mb: int = 5                    # one uploaded file, in MB (10^6 bytes, as Streamlit's uploader counts)
    article_bytes: int = 5_000_000        # one article's file
    corpus_articles: int = 100_000        # articles in the corpus
    zip_members: int = 500                # files in one .zip
    zip_total_bytes: int = 200_000_000    # bytes of one .zip once unpacked
    zip_compression_ratio: int = 100      # unpacked / packed, above which a member looks like a bomb
    zip_ratio_check_bytes: int = 1_000_000  # members this small may compress well legitimately
    csv_rows: int = 5_000                 # articles in one .csv
    timeline_points: int = 3_000          # timeline markers drawn one by one; beyond, counts per day or week
    download_rows_now: int = 20_000       # rows of a CSV the page builds as it draws; a larger one is built on click

    @property
    def upload_bytes(self) -> int:
        return self.upload_mb * 1_000_000      # the browser refuses "File must be 5.0MB or smaller" at 5,000,001 bytes


def settings_path() -> Path:
    return Path(os.environ.get(SETTINGS_ENV) or DEFAULT_SETTINGS_PATH)


def parse_limits(table: dict, *, source: str) -> Limits:
    """`Limits` from a `[limits]` table; `SettingsError` for an unknown key or a bad value."""
    known = {f.name for f in fields(Limits)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise SettingsError(f"{source}: unknown key(s) in [limits]: {', '.join(unknown)} "
                            f"(known: {', '.join(sorted(known))})")
    for key, value in table.items():
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise SettingsError(f"{source}: [limits] {key} = {value!r} is not a positive whole number")
    return replace(Limits(), **table)


def load_limits(path: Path | None = None) -> Limits:
    """The limits of the settings file at `path` (default: `settings_path()`); the defaults if there is none."""
    path = Path(path) if path is not None else settings_path()
    if not path.is_file():
        if path != DEFAULT_SETTINGS_PATH:
            raise SettingsError(f"{path}: settings file not found (named by {SETTINGS_ENV})")
        return Limits()
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"{path}: cannot read the settings: {error}") from None
    table = document.get("limits", {})
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [limits] must be a table")
    return parse_limits(table, source=str(path))


LIMITS = load_limits()
