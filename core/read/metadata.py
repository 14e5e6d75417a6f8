"""Article metadata, read the same way wherever it comes from: a sidecar, JSON
fields, front matter, a CSV row, HTML meta tags or a file name.

`normalise_metadata` is the one reader of a mapping of raw values: it keeps
the keys an article has (`METADATA_KEYS`) and takes the publication date from
the first of `DATE_KEYS` that is set, so a JSON article dated by
`published_at` is dated in a corpus folder and on the Import page alike.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import PurePosixPath
from typing import Any, Mapping

# The metadata an article keeps (core.records.Article's fields, and `side`).
METADATA_KEYS = ("title", "source", "url", "published", "language", "attribution", "licence", "side")
# Keys that give the publication date, most specific first.
DATE_KEYS = ("published", "date", "publication_date", "pubdate", "published_at", "datepublished", "dct")
_URL_SCHEMES = ("http://", "https://")
_FILENAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})[_\- ]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def normalise_metadata(raw: Mapping[str, Any]) -> dict[str, str]:
    """The article metadata in `raw` (keys compared in lower case): each of
    `METADATA_KEYS` that is set, as stripped text, and `published` from the
    first of `DATE_KEYS` that is set."""
    lowered = {str(k).strip().lower(): v for k, v in raw.items()}
    text = {key: str(value).strip() for key, value in lowered.items() if value is not None and str(value).strip()}
    meta = {key: text[key] for key in METADATA_KEYS if key in text and key != "published"}
    published = next((text[key] for key in DATE_KEYS if key in text), None)
    return meta if published is None else {**meta, "published": published}


def checked_url(url: object) -> tuple[str, str | None]:
    """`url` if it is an http(s) link, else "" and the reason: a `javascript:` or
    `data:` link from an article's metadata must never become a clickable button."""
    url = str(url or "").strip()
    if not url or url.lower().startswith(_URL_SCHEMES):
        return url, None
    return "", f"url {url[:80]!r} is not a link that starts with http:// or https://"


def parse_date(raw: Any) -> date | None:
    """An ISO date (YYYY-MM-DD, optionally followed by a time); ValueError if invalid."""
    if raw in (None, ""):
        return None
    if isinstance(raw, date):
        return raw
    match = _ISO_DATE.match(str(raw).strip())
    if not match:
        raise ValueError(f"publication date {raw!r} is not an ISO date (YYYY-MM-DD)")
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"publication date {raw!r} is not a real calendar date") from None


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`---`-delimited `key: value` front matter, and the body after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        found = _FRONT_MATTER_LINE.match(line)
        if found:
            meta[found.group(1).lower()] = found.group(2).strip().strip("\"'")
    return meta, text[match.end():]


def parse_json_article(raw: str) -> tuple[dict[str, str], str]:
    """A JSON object with a `text` (or `body`) field and optional metadata."""
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("a JSON article must be an object with a \"text\" field")
    text = data.get("text", data.get("body"))
    if not isinstance(text, str):
        raise ValueError("a JSON article must have a string \"text\" field")
    return normalise_metadata(data), text


def filename_meta(name: str) -> dict[str, str]:
    """Metadata a file name gives: the date of a `YYYY-MM-DD_` (or `-`, space) prefix.
    The one reader of that prefix: the corpus reader and the Import page's check table."""
    match = _FILENAME_DATE.match(PurePosixPath(str(name).replace("\\", "/")).name)
    return {"published": match.group(1)} if match else {}
