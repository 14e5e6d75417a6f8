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
The same story is read once (`read_corpus`, core/read/dedupe.py: the same text once
normalised, or a near duplicate), unless its sidecar says `"keep_duplicate": true`.
A .csv (one article per row) or a .zip is read by the Import page only
(core/read/upload.py): here such a file is a problem naming it (`IMPORT_ONLY`).

Every problem is reported as a `Problem` naming the file; one bad file never
stops the others from loading.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

from core import DATA_DIR
from core.read import dedupe
from core.read.html import active_content_note, read_html
from core.read.language import EXTRACTOR_LANGUAGE, detect_language, language_warning
from core.read.limits import LIMITS
from core.read.metadata import (
    checked_url,
    filename_meta,
    normalise_metadata,
    parse_date,
    parse_json_article,
    split_front_matter,
)
from core.records import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json")
# Files the Import page reads (core/read/upload.py) but the corpus reader does not, and why: a
# corpus folder's file of one of these is reported, never read as an article nor passed over
# in silence. A corpus folder's actor dictionary (core.read.corpus.ACTOR_DICTIONARY_NAME) is not one.
IMPORT_ONLY = {
    ".csv": "a .csv file: ingest reads one article per file, so import it on the dashboard's Import page "
            "(one article per row, a 'text' column), which saves each row as an article file",
    ".zip": "a .zip archive: ingest reads unpacked files, so unpack it first "
            "(the dashboard's Import page reads a .zip safely)",
}
SIDECAR_SUFFIX = ".meta.json"
# The actor dictionary a corpus folder may hold (`core.read.corpus.dictionary_path_for`): not an article.
ACTOR_DICTIONARY_NAME = "actors.csv"
# Files that live beside articles but are not articles.
_NOT_ARTICLE_SUFFIXES = (SIDECAR_SUFFIX, ".gold.json")
MAX_ARTICLE_BYTES = LIMITS.article_bytes       # settings.toml [limits]
MAX_CORPUS_ARTICLES = LIMITS.corpus_articles
# `DATE_SIDE_slug`: the side code of a file name (core/data/document_sides.csv).
_FILENAME_SIDE = re.compile(r"^\d{4}-\d{2}-\d{2}_([A-Za-z]+)_")
_DATA = DATA_DIR
NOTICE_NAMES_FILE = _DATA / "notice_names.txt"
DOCUMENT_SIDES_FILE = _DATA / "document_sides.csv"


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
    found: list[os.DirEntry[str]] = []
    pending: list[str | Path] = [folder]
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
    `paths`, unsorted: what `core.read.corpus.corpus_fingerprint` is made of, read with
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
        meta, text = read_html(raw)
        return normalise_metadata(meta), text
    if suffix == ".json":
        return parse_json_article(raw)
    if suffix == ".md":
        meta, text = split_front_matter(raw)
        return normalise_metadata(meta), text
    return {}, raw  # .txt: offsets are into the file's content, so nothing is stripped


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


# A live blog's entry heading: a line that opens with a clock time, maybe a zone, and a dash
# ("14:05 GMT - Israeli army says reservist killed", "09:12 - IDF says ...").
ENTRY_STAMP = re.compile(r"^[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]+[A-Z]{2,4})?[ \t]*[-\u2013\u2014][ \t]+", re.MULTILINE)


def entry_headings(text: str) -> list[tuple[int, int, int]]:
    """Each live-blog entry heading in `text` (`ENTRY_STAMP`): (where its line starts, where
    it ends, where its entry ends: at the next heading, or at the end of the text)."""
    starts = [match.start() for match in ENTRY_STAMP.finditer(text)]
    line_ends = [text.find("\n", start) for start in starts]
    return [(start, end if end >= 0 else len(text), entry_end)
            for start, end, entry_end in zip(starts, line_ends, [*starts[1:], len(text)])]


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
        meta = {**filename_meta(path.name), **meta, **normalise_metadata(read_sidecar(path))}
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
    duplicates an earlier one (`core.read.dedupe`: the same text once normalised, or
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
