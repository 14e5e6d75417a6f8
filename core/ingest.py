"""Files to articles: .txt, .md, .html and .json, each with its metadata.

Metadata comes from, in order of precedence: the caller (`--published`), a
sidecar `NAME.meta.json` beside the file, front matter (.md only: a .txt
file's offsets are into its whole content), the JSON
fields, HTML meta tags, and a `YYYY-MM-DD_` file-name prefix. A publication
date is never guessed: without one, relative dates stay unresolved. A sidecar
may also give the document's `attribution` and `licence` (shown wherever its
text is), and its `side`; without one, the side comes from a `DATE_SIDE_slug`
file name (core/data/document_sides.csv), else it is the source. A corpus
folder's README, licence or notice (core/data/notice_names.txt) is not an article.
The same story is read once (`read_corpus`, core/dedupe.py: the same text once
normalised, or a near duplicate), unless its sidecar says `"keep_duplicate": true`.
A .csv (one article per row) or a .zip is read by the Import page only
(core/upload.py): here such a file is a problem naming it (`IMPORT_ONLY`).

Every problem is reported as a `Problem` naming the file; one bad file never
stops the others from loading.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any, Iterator, Sequence

from core import dedupe
from core.language import EXTRACTOR_LANGUAGE, detect_language, language_warning
from core.limits import LIMITS
from core.records import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json")
# Files the Import page reads (core/upload.py) but the corpus reader does not, and why: a
# corpus folder's file of one of these is reported, never read as an article nor passed over
# in silence. A corpus folder's actor dictionary (core.corpus.ACTOR_DICTIONARY_NAME) is not one.
IMPORT_ONLY = {
    ".csv": "a .csv file: ingest reads one article per file, so import it on the dashboard's Import page "
            "(one article per row, a 'text' column), which saves each row as an article file",
    ".zip": "a .zip archive: ingest reads unpacked files, so unpack it first "
            "(the dashboard's Import page reads a .zip safely)",
}
SIDECAR_SUFFIX = ".meta.json"
# The actor dictionary a corpus folder may hold (`core.corpus.dictionary_path_for`): not an article.
ACTOR_DICTIONARY_NAME = "actors.csv"
# Files that live beside articles but are not articles.
_NOT_ARTICLE_SUFFIXES = (SIDECAR_SUFFIX, ".gold.json")
MAX_ARTICLE_BYTES = LIMITS.article_bytes       # settings.toml [limits]
MAX_CORPUS_ARTICLES = LIMITS.corpus_articles
_METADATA_KEYS = ("title", "source", "url", "published", "language", "attribution", "licence", "side")
_DATE_KEYS = ("published", "date", "publication_date", "pubdate", "dct")
_URL_SCHEMES = ("http://", "https://")
_ACTIVE_TAG = re.compile(r"<\s*(script|style|iframe|frame|object|embed)\b", re.IGNORECASE)
_FILENAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})[_\- ]")
# `DATE_SIDE_slug`: the side code of a file name (core/data/document_sides.csv).
_FILENAME_SIDE = re.compile(r"^\d{4}-\d{2}-\d{2}_([A-Za-z]+)_")
_DATA = Path(__file__).parent / "data"
NOTICE_NAMES_FILE = _DATA / "notice_names.txt"
DOCUMENT_SIDES_FILE = _DATA / "document_sides.csv"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# HTML elements whose content is never article text.
_HTML_SKIP = {"script", "style", "iframe", "noscript", "template", "svg", "head", "nav", "footer", "form", "button"}
# Elements that start and end a paragraph (HTML's block-level elements, table cells and <br>):
# text on either side of one is never run together.
_HTML_BLOCK = {"p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
               "tr", "td", "th", "table", "caption", "section", "article", "main", "aside", "header", "hgroup",
               "blockquote", "pre", "address", "figure", "figcaption", "details", "summary", "dialog", "fieldset",
               "legend"}
_HTML_DATE_META = ("article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "og:published_time")


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, said so a user can act on it."""

    path: str
    message: str
    fatal: bool = True       # False: the article loaded, with this warning

    def __str__(self) -> str:
        return f"{printable(self.path)}: {self.message}"


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = field(default=())


def printable(name: str) -> str:
    """A file name as it may be shown: control and other non-printing characters
    written as escapes (`\\x1b`, `\\u202e`), so a name cannot move a terminal's
    cursor, fake extra lines in a message or reverse the text around it."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in str(name))


def content_id(text: str) -> str:
    """The article id: a hash of its text, so the same article is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _walk(folder: Path) -> list[os.DirEntry]:
    """Every file under `folder`, unsorted: symlinked files are listed, symlinked
    folders are not entered (as `Path.rglob`). One `scandir` per folder, which
    on Linux tells files from folders without a `stat` per file."""
    found, pending = [], [folder]
    while pending:
        try:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    elif entry.is_file():
                        found.append(entry)
        except OSError:
            continue        # unreadable folder: its files are not listed, as with rglob
    return found


def _path_order(path: str) -> list[str]:
    return path.split(os.sep)          # Path order, and faster than sorting Paths


def files_under(folder: Path) -> list[Path]:
    """Every file under `folder` (see `_walk`), sorted."""
    return [Path(name) for name in sorted((entry.path for entry in _walk(folder)), key=_path_order)]


def _data_lines(file: Path) -> list[str]:
    text = file.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def notice_names() -> frozenset[str]:
    """What a notice file is called before its first dot, lower-case (core/data/notice_names.txt)."""
    return frozenset(name.lower() for name in _data_lines(NOTICE_NAMES_FILE))


def is_notice_name(name: str) -> bool:
    """Whether a file of this name is a corpus folder's README, licence or notice
    (`README.md`, `NOTICE`, `LICENSE.txt`...): never an article."""
    return name.split(".", 1)[0].strip().lower() in notice_names()


@lru_cache(maxsize=1)
def document_sides() -> dict[str, str]:
    """Side code of a `DATE_SIDE_slug` file name -> the side's name (core/data/document_sides.csv)."""
    return {code.strip().lower(): side.strip() for code, side in csv.reader(_data_lines(DOCUMENT_SIDES_FILE))}


def document_side(name: str, meta: dict[str, str]) -> str:
    """The side a document speaks for: its metadata's `side` (a code of
    `document_sides` or a name), else the SIDE of a `DATE_SIDE_slug` file name
    when the table knows it, else its `source` (for news, the outlet); "" if none."""
    sides = document_sides()
    given = str(meta.get("side") or "").strip()
    if given:
        return sides.get(given.lower(), given)
    match = _FILENAME_SIDE.match(name)
    if match and match.group(1).lower() in sides:
        return sides[match.group(1).lower()]
    return str(meta.get("source") or "").strip()


def is_article_name(name: str, *, in_folder: bool) -> bool:
    """Whether a file of this name is read as an article: never a sidecar, a gold
    file or a notice (`is_notice_name`); in a folder, only the article suffixes,
    and no hidden (dot) files."""
    lowered = name.lower()
    if lowered.endswith(_NOT_ARTICLE_SUFFIXES) or is_notice_name(name):
        return False
    return not in_folder or (not name.startswith(".") and lowered.endswith(ARTICLE_SUFFIXES))


def import_only_reason(name: str) -> str | None:
    """Why a file of this name in a corpus folder is not read (`IMPORT_ONLY`); None for
    any other file, and for a notice, a hidden file or the actor dictionary."""
    if name.startswith(".") or is_notice_name(name) or name.lower() == ACTOR_DICTIONARY_NAME:
        return None
    return IMPORT_ONLY.get(os.path.splitext(name)[1].lower())


def iter_import_only_files(paths: Sequence[Path]) -> Iterator[tuple[Path, str]]:
    """Each file under the folders of `paths` that only the Import page reads, with why it is not read here."""
    for path in map(Path, paths):
        if path.is_dir():
            for candidate in files_under(path):
                if reason := import_only_reason(candidate.name):
                    yield candidate, reason


def iter_article_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Article files under each path (a file or a folder), in a stable order."""
    for path in paths:
        path = Path(path)
        in_folder = path.is_dir()
        for candidate in files_under(path) if in_folder else [path]:
            if is_article_name(candidate.name, in_folder=in_folder):
                yield candidate


def sidecar_name(article_name: str) -> str:
    """`report.txt` -> `report.meta.json`: the article's optional metadata file."""
    return article_name.rsplit(".", 1)[0] + SIDECAR_SUFFIX


def sidecar_path(article: Path) -> Path:
    """The sidecar `read_sidecar` looks for beside `article`."""
    return article.with_name(sidecar_name(article.name))


def article_stat_lines(paths: Sequence[Path]) -> list[str]:
    """`path:size:mtime_ns` of every article file and existing sidecar under
    `paths`, unsorted: what `core.corpus.corpus_fingerprint` is made of, read with
    one `scandir` walk and one `stat` per file (a folder's missing sidecars are
    looked up in its listing, not stat'ed). Same lines as stat'ing the files of
    `iter_article_files` and their sidecars."""
    lines: list[str] = []
    for path in map(Path, paths):
        if not path.is_dir():
            if is_article_name(path.name, in_folder=False):
                files = (path, sidecar_path(path))
                lines.extend(line for line in map(stat_line, files) if line)
            continue
        entries = _walk(path)
        listed = {entry.path: entry for entry in entries}
        for entry in entries:
            if not is_article_name(entry.name, in_folder=True):
                continue
            sidecar = listed.get(os.path.join(os.path.dirname(entry.path), sidecar_name(entry.name)))
            lines.extend(line for line in (stat_line(entry), stat_line(sidecar) if sidecar else "") if line)
    return lines


def stat_line(file: Path | os.DirEntry) -> str:
    """`path:size:mtime` of a file, or "" if it cannot be stat'ed (gone since it was listed)."""
    try:
        stat = file.stat() if isinstance(file, os.DirEntry) else os.stat(file)
    except OSError:
        return ""
    return f"{file.path if isinstance(file, os.DirEntry) else file}:{stat.st_size}:{stat.st_mtime_ns}"


def active_content_note(markup: str) -> str | None:
    """What an HTML file held that is dropped unread (scripts, styles, frames,
    plugins), said so the user knows; None when it held none."""
    found = Counter(tag.lower() for tag in _ACTIVE_TAG.findall(markup))
    if not found:
        return None
    listed = ", ".join(f"{count} {tag}" for tag, count in sorted(found.items()))
    return f"HTML: removed {listed} element(s); their content is never kept or run"


def checked_url(url: str) -> tuple[str, str | None]:
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


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text; raises ValueError for binary data. Returns (text, warnings)."""
    if data.startswith(b"%PDF-"):
        raise ValueError("this is a PDF, not a text file; export its text first")
    if b"\x00" in data[:65536]:
        raise ValueError("binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValueError(f"cannot decode as UTF-8 ({utf8_error.reason} at byte {utf8_error.start})") from None
    return text, ["not UTF-8: decoded as Windows-1252"]


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


class _HTMLText(HTMLParser):
    """Visible text, title and date metadata of an HTML page. Never runs anything."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.heading_parts: list[str] = []       # the first <h1>: the headline
        self._skip_depth = 0
        self._in_title = False
        self._in_heading = False
        self._heading_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
            if key and attributes.get("content"):
                self.meta.setdefault(key, attributes["content"])
        elif tag == "time" and attributes.get("datetime"):
            self.meta.setdefault("time", attributes["datetime"])
        elif tag == "h1" and not self._heading_done and not self._skip_depth:
            self._in_heading = True
        if tag in _HTML_SKIP:
            self._skip_depth += 1
        elif tag in _HTML_BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "h1" and self._in_heading:
            self._in_heading, self._heading_done = False, True
        if tag in _HTML_SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag in _HTML_BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip_depth:
            self.parts.append(data)
            if self._in_heading:
                self.heading_parts.append(data)

    def heading(self) -> str:
        return " ".join("".join(self.heading_parts).split())

    def text(self) -> str:
        joined = "".join(self.parts)
        paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", joined))
        return "\n\n".join(p for p in paragraphs if p)


def headline_apart(text: str, headline: str) -> str:
    """`text` with `headline` its own paragraph when the text starts with it run
    into the first sentence ("...the border On Monday, ..."); else unchanged."""
    headline = headline.strip()
    if not headline or not text.startswith(headline):
        return text
    rest = text[len(headline):]
    if not rest.strip() or rest.startswith(("\n", "\r")) or (rest[0].isalnum() and headline[-1].isalnum()
                                                                and not rest[0].isupper()):
        return text         # already apart, nothing after it, or the headline is only a word's start
    return f"{headline}\n\n{rest.lstrip()}"


def parse_html(markup: str) -> tuple[dict[str, str], str]:
    """Metadata (title, date, source, url; the first <h1> as `headline`) and text
    of an HTML page: each block element (paragraph, heading, list item, table
    cell...) its own paragraph, and the headline (the first <h1>, else the page
    title) its own line."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    meta: dict[str, str] = {}
    title = parser.meta.get("og:title") or " ".join("".join(parser.title_parts).split())
    if title:
        meta["title"] = title
    for key in _HTML_DATE_META + ("time",):
        if parser.meta.get(key):
            meta["published"] = parser.meta[key]
            break
    if parser.meta.get("og:site_name"):
        meta["source"] = parser.meta["og:site_name"]
    if parser.meta.get("og:url"):
        meta["url"] = parser.meta["og:url"]
    text = parser.text()
    for candidate in (parser.heading(), title):
        text = headline_apart(text, candidate)
    if parser.heading():
        meta["headline"] = parser.heading()
    return meta, text


def parse_json_article(raw: str) -> tuple[dict[str, str], str]:
    """A JSON object with a `text` (or `body`) field and optional metadata."""
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("a JSON article must be an object with a \"text\" field")
    text = data.get("text", data.get("body"))
    if not isinstance(text, str):
        raise ValueError("a JSON article must have a string \"text\" field")
    meta = {k: str(data[k]) for k in _METADATA_KEYS if data.get(k) not in (None, "")}
    for key in _DATE_KEYS:
        if data.get(key) not in (None, "") and "published" not in meta:
            meta["published"] = str(data[key])
    return meta, text


def read_sidecar(path: Path) -> dict[str, str]:
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return {}
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{sidecar.name} must hold a JSON object")
    return {k: str(v) for k, v in data.items() if v not in (None, "")}


def _body_and_meta(path: Path, raw: str) -> tuple[dict[str, str], str]:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return parse_html(raw)
    if suffix == ".json":
        return parse_json_article(raw)
    if suffix == ".md":
        return split_front_matter(raw)
    return {}, raw  # .txt: offsets are into the file's content, so nothing is stripped


def filename_meta(name: str) -> dict[str, str]:
    """Metadata a file name gives: the date of a `YYYY-MM-DD_` (or `-`, space) prefix.
    The one reader of that prefix: the corpus reader and the Import page's check table."""
    match = _FILENAME_DATE.match(PurePosixPath(str(name).replace("\\", "/")).name)
    return {"published": match.group(1)} if match else {}


HEADLINE_MAX_WORDS = 30     # a longer first line is a paragraph, not a headline


def headline_span(text: str) -> tuple[int, int]:
    """Where the article's headline is in `text`: its first line (after any blank
    ones), when more text follows, it has at most `HEADLINE_MAX_WORDS` words and it
    does not end as a sentence does (a full stop); (0, 0) when there is none."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    line = text[start:end].strip() if end >= 0 else ""
    if not line or not text[end:].strip() or line.endswith(".") or len(line.split()) > HEADLINE_MAX_WORDS:
        return 0, 0
    return start, end


def headline(text: str) -> str:
    """The article's headline (`headline_span`), or "": the Import page's default
    title; the claim rules count a figure stated there and again in the body once."""
    start, end = headline_span(text)
    return text[start:end].strip()


def read_article(path: Path, *, published: date | None = None) -> tuple[Article | None, list[Problem]]:
    """One file to an Article, or None with the reasons; never raises for bad input."""
    shown = str(path)
    if path.suffix.lower() in IMPORT_ONLY:
        return None, [Problem(shown, IMPORT_ONLY[path.suffix.lower()])]
    try:
        size = path.stat().st_size
        if size == 0:
            return None, [Problem(shown, "empty file")]
        if size > MAX_ARTICLE_BYTES:
            return None, [Problem(shown, f"file is {size:,} bytes; the limit for one article is {MAX_ARTICLE_BYTES:,}")]
        raw, warnings = decode(path.read_bytes())
        if path.suffix.lower() in (".html", ".htm") and (note := active_content_note(raw)):
            warnings.append(note)
        meta, text = _body_and_meta(path, raw)
        meta = {**filename_meta(path.name), **meta, **read_sidecar(path)}
    except (OSError, ValueError) as error:  # json.JSONDecodeError is a ValueError
        return None, [Problem(shown, str(error) or type(error).__name__)]
    if not text.strip():
        return None, [Problem(shown, "no article text in the file")]
    url, url_problem = checked_url(meta.get("url", ""))
    if url_problem:
        warnings.append(f"{url_problem}; dropped")
    problems = [Problem(shown, w, fatal=False) for w in warnings]
    try:
        when = published or parse_date(meta.get("published"))
    except ValueError as error:
        when = None
        problems.append(Problem(shown, f"{error}; relative dates left unresolved", fatal=False))
    if when is None and not any("publication date" in p.message for p in problems):
        problems.append(Problem(shown, "no publication date; relative dates left unresolved", fatal=False))
    language = meta.get("language") or detect_language(text) or EXTRACTOR_LANGUAGE
    if note := language_warning(language):
        problems.append(Problem(shown, note, fatal=False))
    article = Article(
        article_id=content_id(text),
        text=text,
        title=meta.get("title") or path.stem,
        source=meta.get("source", ""),
        url=url,
        published=when,
        path=shown,
        language=language,
        warnings=tuple(p.message for p in problems),
        attribution=meta.get("attribution", ""),
        licence=meta.get("licence", ""),
        side=document_side(path.name, meta),
    )
    return article, problems


def keeps_duplicate(path: Path) -> bool:
    """Whether the article's sidecar says to keep it although it duplicates another
    (`"keep_duplicate": true`, as the Import page writes when the user keeps both)."""
    try:
        value = read_sidecar(Path(path)).get(dedupe.KEEP_DUPLICATE_KEY, "")
    except (OSError, ValueError):
        return False
    return value.strip().lower() in ("true", "1", "yes")


KEEP_BOTH_HINT = (f'To keep both, add "{dedupe.KEEP_DUPLICATE_KEY}": true to its {SIDECAR_SUFFIX}, '
                  "or run ingest with --keep-duplicates")


def read_corpus(paths: Sequence[Path], *, published: date | None = None,
                keep_duplicates: bool = False) -> IngestResult:
    """Every article under `paths`. The same text is read once; an article that
    duplicates an earlier one (`core.dedupe`: the same text once normalised, or
    a near duplicate) is left out with a warning naming the one kept, unless
    `keep_duplicates` or its sidecar says `"keep_duplicate": true`. A folder's
    file that only the Import page reads (`IMPORT_ONLY`: .csv, .zip) is a problem naming it."""
    articles: dict[str, Article] = {}
    problems: list[Problem] = []
    seen = dedupe.DuplicateIndex()
    for path in paths:
        if not Path(path).exists():
            problems.append(Problem(str(path), "no such file or folder"))
    problems += [Problem(str(file), reason) for file, reason in iter_import_only_files(paths)]
    for file in iter_article_files(paths):
        if len(articles) >= MAX_CORPUS_ARTICLES:
            problems.append(Problem(str(file), f"the corpus limit of {MAX_CORPUS_ARTICLES:,} articles is reached "
                                    "(corpus_articles in settings.toml): this file and the ones after it are not read"))
            break
        article, file_problems = read_article(file, published=published)
        problems.extend(file_problems)
        if article is None:
            continue
        if article.article_id in articles:
            same = dedupe.Duplicate(of=articles[article.article_id].path, similarity=1.0, identical=True)
            problems.append(Problem(str(file), f"{same.describe()}; read once", fatal=False))
            continue
        if not keep_duplicates:
            duplicate = seen.match(article.text)
            if duplicate is not None and not keeps_duplicate(file):
                problems.append(Problem(str(file), f"{duplicate.describe()}; not read. {KEEP_BOTH_HINT}", fatal=False))
                continue
            seen.add(article.path, article.text)
        articles[article.article_id] = article
    return IngestResult(articles=tuple(articles.values()), problems=tuple(problems))
