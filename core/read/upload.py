"""The user's own articles: uploaded files to drafts, drafts to the uploads folder.

The steps, in order:

1. `read_uploads` turns uploaded `(name, bytes)` pairs into `Draft`s: .txt,
   .md, .html/.htm, .json (an object, or a list of objects), .csv (one article
   per row) and .zip archives of these. Metadata (title, source, url,
   publication date) is pre-filled from front matter, JSON keys, CSV columns
   or HTML meta tags (one reader of each, shared with the corpus reader:
   `core.read.metadata`, `core.read.html`), else the title from the text's headline
   (`core.read.ingest.headline`) and the date from a `YYYY-MM-DD_` file-name
   prefix (`core.read.metadata.filename_meta`, as the corpus reader reads the saved
   file).
2. The user corrects the metadata (`draft_rows` / `apply_edits`; `refresh_notes`
   keeps each row's notes true to its cells, e.g. "no publication date" goes
   once a date is typed).
3. `core.read.uploads_folder.import_drafts` saves each draft as `NAME.txt` plus a `NAME.meta.json`
   sidecar (the keys `core.read.ingest.read_sidecar` reads), written atomically.
   A draft whose text is already in the corpus (same `content_id`) is
   reported as a duplicate and not saved again; one that `core.read.dedupe` finds a
   duplicate of a stored article (the same text once normalised, or nearly) is
   saved only when the user chose to keep both (`Draft.keep_duplicate`).
   The saved articles are extracted in the background by the server's one
   extraction job (`ui.imports`, through `core.store.db.Store.sync`).
4. `core.read.uploads_folder.update_metadata` corrects an imported article's title, source, date or
   side (its sidecar); `remove_upload` deletes an imported article and its sidecar.

Every refusal is a message naming the uploaded file (and the archive member).
Nothing here imports Streamlit.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Mapping, Sequence

from core.read import dedupe, ingest
from core.read.html import active_content_note, read_html
from core.read.language import detect_language, language_warning
from core.read.limits import LIMITS
from core.read.metadata import (
    checked_url,
    filename_meta,
    normalise_metadata,
    parse_date,
    parse_json_article,
    split_front_matter,
)

log = logging.getLogger(__name__)

# Limits (core.read.limits: settings.toml). Each refusal names the limit it hit.
MAX_UPLOAD_BYTES = LIMITS.upload_bytes          # one uploaded file (a .zip or .csv included); = server.maxUploadSize
MAX_ARTICLE_BYTES = ingest.MAX_ARTICLE_BYTES    # one article, as the corpus reader allows
MAX_ZIP_MEMBERS = LIMITS.zip_members            # files in one .zip (folders not counted)
MAX_ZIP_TOTAL_BYTES = LIMITS.zip_total_bytes    # uncompressed size of all members of one .zip
MAX_COMPRESSION_RATIO = LIMITS.zip_compression_ratio  # uncompressed / compressed, above this a member looks like a zip bomb
RATIO_CHECK_MIN_BYTES = LIMITS.zip_ratio_check_bytes  # small members may compress well legitimately
MAX_CSV_ROWS = LIMITS.csv_rows                  # articles in one .csv
MAX_NAME_CHARS = 80                  # a saved file name's stem

ARTICLE_UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".csv")
UPLOAD_SUFFIXES = (*ARTICLE_UPLOAD_SUFFIXES, ".zip")
SAVED_SUFFIX = ".txt"
METADATA_FIELDS = ("title", "source", "url", "published")
# The check table's columns, in order: what the user must check first, then the rest.
TABLE_COLUMNS = ("import", "title", "published", "notes", "source", "url", "file", "words")
NO_DATE_NOTE = "no publication date: add one, or relative dates (“on Monday”) stay unresolved"
_TEXT_COLUMNS = ("text", "body", "content")
_UNSAFE_NAME_CHARS = re.compile(r'[\\/:*?"<>|\s]+')
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
_ROW_SUFFIX = re.compile(r" \[(row|item) (\d+)\]$")
_JUNK_MEMBER = re.compile(r"(^|/)(__MACOSX|\.[^/]*)(/|$)")  # macOS resource forks, hidden files


@dataclass(frozen=True)
class Draft:
    """One article as it will be imported; the metadata is the user's to correct."""

    name: str                         # where it came from: "file.zip/member.txt", "file.csv [row 3]"
    title: str
    source: str
    url: str
    published: date | None
    text: str
    content_id: str                   # `core.read.ingest.content_id(text)`, as the corpus reader will compute it
    problems: tuple[str, ...] = ()    # warnings: the draft can still be imported (`date_notes` included)
    date_notes: tuple[str, ...] = ()  # those about the date as read: moot once the user gives one
    duplicate_of: str | None = None   # path of the corpus article (or earlier draft) this one duplicates
    other_ids: tuple[str, ...] = ()   # the id `core.read.ingest` gives the original file, if different
    duplicate_note: str = ""          # "duplicate of PATH (how)" (`core.read.dedupe.Duplicate.describe`)
    same_text: bool = False           # the very same text is stored: it can never be kept twice
    keep_duplicate: bool = False      # the user chose to keep it beside the article it duplicates

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "source": self.source, "url": self.url,
                "published": self.published.isoformat() if self.published else None,
                "content_id": self.content_id, "words": self.words, "problems": list(self.problems),
                "duplicate_of": self.duplicate_of}


@dataclass(frozen=True)
class UploadResult:
    drafts: tuple[Draft, ...]
    problems: tuple[str, ...] = ()    # files (or members, rows) refused, each named


# 1. Uploaded files to drafts -------------------------------------------------

def read_uploads(files: Iterable[tuple[str, bytes]], *, corpus_paths: Sequence[Path] = ()) -> UploadResult:
    """Drafts for every article in the uploaded files; duplicates of corpus articles are flagged."""
    drafts: list[Draft] = []
    problems: list[str] = []
    for name, data in files:
        found, refused = _read_upload(ingest.printable(name), data)
        drafts += found
        problems += refused
    return UploadResult(drafts=tuple(flag_duplicates(drafts, corpus_index(corpus_paths))), problems=tuple(problems))


def _read_upload(name: str, data: bytes) -> tuple[list[Draft], list[str]]:
    suffix = _suffix(name)
    if suffix not in UPLOAD_SUFFIXES:
        return [], [f"{name}: a {suffix or 'file without extension'} is not supported; "
                    f"upload {', '.join(UPLOAD_SUFFIXES)}"]
    if len(data) > MAX_UPLOAD_BYTES and (suffix in (".zip", ".csv") or MAX_UPLOAD_BYTES < MAX_ARTICLE_BYTES):
        return [], [f"{name}: {len(data):,} bytes; the limit for one upload is {MAX_UPLOAD_BYTES:,}"]
    # (an article's own file over both limits is refused by the article limit, the one the uploader states)
    if suffix == ".zip":
        return _read_zip(name, data)
    return _read_file(name, data)


def _read_file(name: str, data: bytes) -> tuple[list[Draft], list[str]]:
    suffix = _suffix(name)
    if not data.strip():
        return [], [f"{name}: empty file"]
    if suffix != ".csv" and len(data) > MAX_ARTICLE_BYTES:
        return [], [f"{name}: {len(data):,} bytes; the limit for one article is {MAX_ARTICLE_BYTES:,}"]
    try:
        raw, warnings = ingest.decode(data)
        if suffix == ".csv":
            return _read_csv(name, raw, warnings)
        if suffix == ".json":
            return _read_json(name, raw, warnings)
        meta, text, ingest_text = _body_and_meta(suffix, raw)
        if suffix in (".html", ".htm") and (note := active_content_note(raw)):
            warnings.append(note)
    except (ValueError, csv.Error) as error:  # json.JSONDecodeError is a ValueError
        return [], [f"{name}: {error}"]
    draft = make_draft(name, text, meta, warnings=warnings, ingest_text=ingest_text)
    return ([draft], []) if draft else ([], [f"{name}: no article text in the file"])


def _body_and_meta(suffix: str, raw: str) -> tuple[dict[str, str], str, str]:
    """(metadata, body to save, the text `core.read.ingest` reads from the original file)."""
    if suffix in (".html", ".htm"):
        meta, text = read_html(raw)
        return normalise_metadata(meta), text, text
    meta, body = split_front_matter(raw)
    # `core.read.ingest` keeps a .txt file whole (front matter included); a .md loses its front matter.
    return normalise_metadata(meta), body, raw if suffix == ".txt" else body


def _read_json(name: str, raw: str, warnings: list[str]) -> tuple[list[Draft], list[str]]:
    data = json.loads(raw)
    items = data if isinstance(data, list) else [data]
    drafts, problems = [], []
    for number, item in enumerate(items, start=1):
        shown = name if len(items) == 1 else f"{name} [item {number}]"
        try:
            meta, text = parse_json_article(json.dumps(item))
        except ValueError as error:
            problems.append(f"{shown}: {error}")
            continue
        draft = make_draft(shown, text, meta, warnings=warnings)
        drafts += [draft] if draft else []
        problems += [] if draft else [f"{shown}: no article text"]
    return drafts, problems


def _read_csv(name: str, raw: str, warnings: list[str]) -> tuple[list[Draft], list[str]]:
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
    text_column = next((columns[c] for c in _TEXT_COLUMNS if c in columns), None)
    if text_column is None:
        found = ", ".join(repr(c) for c in columns) or "none"
        return [], [f"{name}: a CSV needs a 'text' (or 'body') column, one article per row; columns found: {found}"]
    drafts, problems = [], []
    for number, row in enumerate(reader, start=1):
        shown = f"{name} [row {number}]"
        if number > MAX_CSV_ROWS:
            problems.append(f"{name}: more than {MAX_CSV_ROWS:,} rows; the rest are not read")
            break
        text = row.get(text_column) or ""
        if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
            problems.append(f"{shown}: the text is over the limit of {MAX_ARTICLE_BYTES:,} bytes for one article")
            continue
        meta = normalise_metadata({k or "": v for k, v in row.items() if isinstance(v, str)})
        draft = make_draft(shown, text, meta, warnings=warnings)
        drafts += [draft] if draft else []
        problems += [] if draft else [f"{shown}: empty '{text_column}' cell, skipped"]
    if not drafts and not problems:
        problems.append(f"{name}: no rows under the header")
    return drafts, problems


def _read_zip(name: str, data: bytes) -> tuple[list[Draft], list[str]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        return [], [f"{name}: not a readable .zip ({error})"]
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS:
            return [], [f"{name}: {len(members):,} files in the archive; the limit is {MAX_ZIP_MEMBERS:,}. Refused."]
        declared = sum(m.file_size for m in members)
        if declared > MAX_ZIP_TOTAL_BYTES:
            return [], [f"{name}: {declared:,} bytes once unpacked; the limit is {MAX_ZIP_TOTAL_BYTES:,}. Refused."]
        drafts: list[Draft] = []
        problems: list[str] = []
        unpacked = 0
        for member in members:
            shown = f"{name}/{ingest.printable(member.filename)}"
            refusal = zip_member_refusal(member)
            if refusal == "":
                continue  # junk (hidden files, macOS resource forks): skipped silently
            if refusal:
                problems.append(f"{name}: member {member.filename!r}: {refusal}")
                continue
            limit = MAX_UPLOAD_BYTES if _suffix(member.filename) == ".csv" else MAX_ARTICLE_BYTES
            try:
                with archive.open(member) as handle:
                    content = handle.read(limit + 1)  # never trust the declared size
            except (zipfile.BadZipFile, RuntimeError, OSError, ValueError) as error:
                problems.append(f"{name}: member {member.filename!r}: cannot be read ({error})")
                continue
            unpacked += len(content)
            if len(content) > limit or unpacked > MAX_ZIP_TOTAL_BYTES:
                problems.append(f"{name}: member {member.filename!r}: larger than the limit of {limit:,} bytes "
                                "(or than its header says). Refused.")
                continue
            found, refused = _read_file(shown, content)
            drafts += found
            problems += refused
    return drafts, problems


def zip_member_refusal(member: zipfile.ZipInfo) -> str | None:
    """Why a member must not be read (None: read it; "": junk, skip silently)."""
    path = member.filename.replace("\\", "/")
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path) or ".." in PurePosixPath(path).parts:
        return "its path leaves the archive (absolute, or with '..'). Refused."
    if stat.S_ISLNK(member.external_attr >> 16):
        return "a symbolic link. Refused."
    if _JUNK_MEMBER.search(path):
        return ""
    if member.flag_bits & 0x1:
        return "encrypted. Refused."
    if ingest.is_notice_name(PurePosixPath(path).name):
        return "a README or notice of the files, not an article; skipped"
    suffix = _suffix(path)
    if suffix == ".zip":
        return "a zip inside the zip: nested archives are not opened. Upload it on its own."
    if suffix not in ARTICLE_UPLOAD_SUFFIXES:
        return f"a {suffix or 'file without extension'} is not supported; skipped"
    if member.file_size > RATIO_CHECK_MIN_BYTES and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1):
        return (f"compressed {member.file_size / max(member.compress_size, 1):,.0f} to 1 (the limit is "
                f"{MAX_COMPRESSION_RATIO} to 1): this looks like a zip bomb. Refused.")
    return None


def make_draft(name: str, text: str, meta: Mapping[str, str], *, warnings: Sequence[str] = (),
               ingest_text: str | None = None) -> Draft | None:
    """A draft from body text and raw metadata; None when there is no text."""
    if not text.strip():
        return None
    problems = list(warnings)
    date_notes: list[str] = []
    # The saved file's name gives the date the corpus reader will, when nothing else does.
    meta = {**filename_meta(saved_name(name)), **meta}
    try:
        published = parse_date(meta.get("published"))
    except ValueError as error:
        published = None
        date_notes.append(f"{error}; enter the right date")
    if published is None and not meta.get("published"):
        date_notes.append(NO_DATE_NOTE)
    url, url_problem = checked_url(meta.get("url", ""))
    if url_problem:
        problems.append(f"{url_problem}; dropped")
    if note := language_warning(detect_language(text)):
        problems.append(note)
    identity = ingest.content_id(text)
    other = ingest.content_id(ingest_text) if ingest_text and ingest_text.strip() else identity
    return Draft(name=name, title=meta.get("title") or ingest.headline(text) or _stem(name),
                 source=meta.get("source", ""), url=url, published=published, text=text, content_id=identity,
                 problems=tuple(problems + date_notes), date_notes=tuple(date_notes),
                 other_ids=() if other == identity else (other,))


# Duplicates -----------------------------------------------------------------

@dataclass
class KnownArticles:
    """The articles a draft may duplicate: by text id, and by `core.read.dedupe` (normalised or near)."""

    ids: dict[str, str]
    texts: dedupe.DuplicateIndex

    def match(self, draft: Draft) -> dedupe.Duplicate | None:
        same = next((self.ids[i] for i in (draft.content_id, *draft.other_ids) if i in self.ids), None)
        if same is not None:
            return dedupe.Duplicate(of=same, similarity=1.0, identical=True)
        return self.texts.match(draft.text)

    def add(self, key: str, draft: Draft) -> None:
        self.ids.setdefault(draft.content_id, key)
        self.texts.add(key, draft.text)


def corpus_index(paths: Sequence[Path]) -> KnownArticles:
    """Every readable article under `paths`, as the corpus reader keeps them."""
    known = KnownArticles(ids={}, texts=dedupe.DuplicateIndex())
    existing = [Path(p) for p in paths if Path(p).exists()]
    for article in ingest.read_corpus(existing).articles if existing else ():
        known.ids[article.article_id] = article.path
        known.texts.add(article.path, article.text)
    return known


def flag_duplicates(drafts: Iterable[Draft], known: KnownArticles) -> list[Draft]:
    """Set `duplicate_of` on drafts that duplicate a corpus article or an earlier draft of the batch."""
    flagged = []
    for draft in drafts:
        found = known.match(draft)
        flagged.append(replace(draft, duplicate_of=found.of if found else None,
                               duplicate_note=found.describe() if found else "",
                               same_text=bool(found and found.identical)))
        known.add(draft.name, draft)
    return flagged


def duplicate_row_note(draft: Draft) -> str:
    """What the check table says about a duplicate, and what the user may do."""
    if draft.duplicate_of is None:
        return ""
    if draft.same_text:
        return f"{draft.duplicate_note}: already in the corpus, not imported again"
    return f"{draft.duplicate_note}: tick Import to keep both"


# 2. Corrections ------------------------------------------------------------

def draft_rows(drafts: Sequence[Draft]) -> list[dict[str, Any]]:
    """One editable row per draft, for a table the user corrects; keys in `TABLE_COLUMNS` order."""
    rows = []
    for d in drafts:
        row = {"import": d.duplicate_of is None, "title": d.title,
               "published": d.published.isoformat() if d.published else "", "notes": "", "source": d.source,
               "url": d.url, "file": d.name, "words": d.words}
        rows.append({**row, "notes": row_notes(d, row)})
    return rows


def row_notes(draft: Draft, row: Mapping[str, Any]) -> str:
    """The notes of a draft's row as its cells now stand: the date notes only while
    the Published cell is empty (or not a date), the duplicate note while it is one."""
    try:
        dated = check_date(row.get("published")) is not None
    except ValueError as error:
        dated, date_notes = False, [str(error)]
    else:
        date_notes = [] if dated else list(draft.date_notes) or [NO_DATE_NOTE]
    others = [p for p in draft.problems if p not in draft.date_notes]
    return "; ".join([*others, *date_notes, *([duplicate_row_note(draft)] if draft.duplicate_of else [])])


def refresh_notes(drafts: Sequence[Draft], rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows, as edited, with each one's notes recomputed from its cells (`row_notes`)."""
    if hasattr(rows, "to_dict"):  # a DataFrame, as a table editor may return
        rows = rows.to_dict("records")
    return [{**row, "notes": row_notes(draft, row)} for draft, row in zip(drafts, rows)]


def batch_key(drafts: Sequence[Draft]) -> str:
    """A short key that changes when the set of drafts does (keys the correction table)."""
    return hashlib.sha256("|".join(f"{d.name}:{d.content_id}:{d.duplicate_of}" for d in drafts)
                          .encode("utf-8")).hexdigest()[:10]


def check_date(value: Any) -> date | None:
    """A corrected publication date: YYYY-MM-DD (or empty); ValueError with the reason."""
    if value is None or (isinstance(value, float) and value != value) or str(value).strip() == "":
        return None
    if isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value  # datetime / pandas Timestamp
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"publication date {text!r} is not in the form YYYY-MM-DD (e.g. 2022-02-14)")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"publication date {text!r} is not a real calendar date") from None


def apply_edits(drafts: Sequence[Draft], rows: Sequence[Mapping[str, Any]]) -> tuple[list[Draft], list[str]]:
    """The drafts the user chose, with their corrected metadata; plus one error per bad cell."""
    if hasattr(rows, "to_dict"):  # a DataFrame, as a table editor may return
        rows = rows.to_dict("records")
    chosen: list[Draft] = []
    errors: list[str] = []
    for number, (draft, row) in enumerate(zip(drafts, rows), start=1):
        if not row.get("import", True):
            continue
        where = f"row {number} ({draft.name})"
        try:
            published = check_date(row.get("published"))
        except ValueError as error:
            errors.append(f"{where}: {error}")
            continue
        url, refusal = checked_url(row.get("url"))
        if refusal:
            errors.append(f"{where}: {refusal}")
            continue
        chosen.append(replace(draft, title=str(row.get("title") or "").strip() or _stem(draft.name),
                              source=str(row.get("source") or "").strip(), url=url, published=published,
                              keep_duplicate=draft.duplicate_of is not None and not draft.same_text))
    return chosen, errors


# 3. The name a draft is saved under ---------------------------------------------

def safe_file_name(name: str, *, max_chars: int = MAX_NAME_CHARS) -> str:
    """A file-name stem with no path separators, control characters or leading dots."""
    stem = unicodedata.normalize("NFKC", name)
    stem = "".join(c for c in stem if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    stem = _UNSAFE_NAME_CHARS.sub("_", stem)
    stem = stem.lstrip("._-").rstrip("._ ")[:max_chars].rstrip("._ ")
    if not stem:
        return "article"
    return f"_{stem}" if stem.split(".")[0].lower() in _WINDOWS_RESERVED else stem


def saved_name(name: str) -> str:
    """The file name a draft of this name is saved as (before `unique_path` adds a number)."""
    return safe_file_name(_stem(name)) + SAVED_SUFFIX


def _suffix(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def _stem(name: str) -> str:
    """"a.zip/dir/b.txt" -> "b"; "x.csv [row 3]" -> "x-row-3"."""
    found = _ROW_SUFFIX.search(name)
    base = name[:found.start()] if found else name
    stem = PurePosixPath(base.replace("\\", "/")).stem or base
    return f"{stem}-{found.group(1)}-{found.group(2)}" if found else stem
