"""The user's own articles: uploaded files to drafts, drafts to the uploads folder.

The steps, in order:

1. `read_uploads` turns uploaded `(name, bytes)` pairs into `Draft`s: .txt,
   .md, .html/.htm, .json (an object, or a list of objects), .csv (one article
   per row) and .zip archives of these. Metadata (title, source, url,
   publication date) is pre-filled from front matter, JSON keys, CSV columns
   or HTML meta tags; HTML bodies come from trafilatura (dates from htmldate,
   read from the markup only, never guessed from the text), with
   `core.ingest.parse_html` as the fallback.
2. The user corrects the metadata (`draft_rows` / `apply_edits`).
3. `import_drafts` saves each draft as `NAME.txt` plus a `NAME.meta.json`
   sidecar (the keys `core.ingest.read_sidecar` reads), written atomically.
   A draft whose text is already in the corpus (same `content_id`) is
   reported as a duplicate and not saved again.
4. `extract_saved` extracts the new articles one by one into the result
   cache, so progress can be shown and the loop stopped between articles.
5. `remove_upload` deletes an imported article and its sidecar.

Every refusal is a message naming the uploaded file (and the archive member).
Nothing here imports Streamlit.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import re
import stat
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Mapping, Sequence

from core import ingest
from core.language import detect_language, language_warning
from core.limits import LIMITS

log = logging.getLogger(__name__)

# Limits (core.limits: settings.toml). Each refusal names the limit it hit.
MAX_UPLOAD_BYTES = LIMITS.upload_bytes          # one uploaded file (a .zip or .csv included); = server.maxUploadSize
MAX_ARTICLE_BYTES = ingest.MAX_ARTICLE_BYTES    # one article, as the corpus reader allows
MAX_CORPUS_ARTICLES = ingest.MAX_CORPUS_ARTICLES  # articles in the corpus after an import
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
_DATE_KEYS = ("published", "date", "publication_date", "pubdate", "published_at", "datepublished")
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
    content_id: str                   # `core.ingest.content_id(text)`, as the corpus reader will compute it
    problems: tuple[str, ...] = ()    # warnings: the draft can still be imported
    duplicate_of: str | None = None   # path of a corpus article with the same text
    other_ids: tuple[str, ...] = ()   # the id `core.ingest` gives the original file, if different

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


@dataclass(frozen=True)
class ImportResult:
    saved: tuple[Path, ...]
    duplicates: tuple[str, ...] = ()  # "NAME: same text as PATH; not imported again"
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class UploadedArticle:
    path: Path
    title: str
    source: str
    published: str


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
    if len(data) > MAX_UPLOAD_BYTES:
        return [], [f"{name}: {len(data):,} bytes; the limit for one upload is {MAX_UPLOAD_BYTES:,}"]
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
        if suffix in (".html", ".htm") and (note := ingest.active_content_note(raw)):
            warnings.append(note)
    except (ValueError, csv.Error) as error:  # json.JSONDecodeError is a ValueError
        return [], [f"{name}: {error}"]
    draft = make_draft(name, text, meta, warnings=warnings, ingest_text=ingest_text)
    return ([draft], []) if draft else ([], [f"{name}: no article text in the file"])


def _body_and_meta(suffix: str, raw: str) -> tuple[dict[str, str], str, str]:
    """(metadata, body to save, the text `core.ingest` reads from the original file)."""
    if suffix in (".html", ".htm"):
        meta, text = extract_html(raw)
        return meta, text, ingest.parse_html(raw)[1]
    meta, body = ingest.split_front_matter(raw)
    # `core.ingest` keeps a .txt file whole (front matter included); a .md loses its front matter.
    return _normalise_meta(meta), body, raw if suffix == ".txt" else body


def _read_json(name: str, raw: str, warnings: list[str]) -> tuple[list[Draft], list[str]]:
    data = json.loads(raw)
    items = data if isinstance(data, list) else [data]
    drafts, problems = [], []
    for number, item in enumerate(items, start=1):
        shown = name if len(items) == 1 else f"{name} [item {number}]"
        try:
            meta, text = ingest.parse_json_article(json.dumps(item))
        except ValueError as error:
            problems.append(f"{shown}: {error}")
            continue
        meta.update(_normalise_meta({k: str(v) for k, v in item.items() if isinstance(v, (str, int))}))
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
        meta = _normalise_meta({(k or "").strip().lower(): v or "" for k, v in row.items() if isinstance(v, str)})
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


def extract_html(markup: str) -> tuple[dict[str, str], str]:
    """Body text and metadata of an HTML page: trafilatura + htmldate, else `core.ingest.parse_html`.

    Dates come from the markup (meta tags, `<time>`, URL), never guessed from the text.
    """
    fallback_meta, fallback_text = ingest.parse_html(markup)
    try:
        import trafilatura

        document = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # noqa: BLE001 - any extractor failure falls back to our own parser
        log.warning("trafilatura failed (%s); using the built-in HTML reader", error)
        document = None
    document = document.as_dict() if hasattr(document, "as_dict") else document
    if not document or not (document.get("text") or "").strip():
        return fallback_meta, fallback_text
    meta = {"title": document.get("title"), "source": document.get("sitename"), "url": document.get("url"),
            "published": document.get("date")}
    meta = {k: str(v).strip() for k, v in meta.items() if v and str(v).strip()}
    text = "\n\n".join(line.strip() for line in str(document["text"]).splitlines() if line.strip())
    return {**fallback_meta, **meta}, text


def _normalise_meta(raw: Mapping[str, str]) -> dict[str, str]:
    meta = {k: str(raw[k]).strip() for k in ("title", "source", "url") if str(raw.get(k) or "").strip()}
    for key in _DATE_KEYS:
        if str(raw.get(key) or "").strip():
            meta["published"] = str(raw[key]).strip()
            break
    return meta


def make_draft(name: str, text: str, meta: Mapping[str, str], *, warnings: Sequence[str] = (),
               ingest_text: str | None = None) -> Draft | None:
    """A draft from body text and raw metadata; None when there is no text."""
    if not text.strip():
        return None
    problems = list(warnings)
    try:
        published = ingest.parse_date(meta.get("published"))
    except ValueError as error:
        published = None
        problems.append(f"{error}; enter the right date")
    if published is None and not meta.get("published"):
        problems.append("no publication date: add one, or relative dates (“on Monday”) stay unresolved")
    url, url_problem = ingest.checked_url(meta.get("url", ""))
    if url_problem:
        problems.append(f"{url_problem}; dropped")
    if note := language_warning(detect_language(text)):
        problems.append(note)
    identity = ingest.content_id(text)
    other = ingest.content_id(ingest_text) if ingest_text and ingest_text.strip() else identity
    return Draft(name=name, title=meta.get("title") or _stem(name), source=meta.get("source", ""), url=url,
                 published=published, text=text, content_id=identity, problems=tuple(problems),
                 other_ids=() if other == identity else (other,))


# Duplicates -----------------------------------------------------------------

def corpus_index(paths: Sequence[Path]) -> dict[str, str]:
    """Content id -> path of every readable article under `paths`."""
    existing = [Path(p) for p in paths if Path(p).exists()]
    if not existing:
        return {}
    return {a.article_id: a.path for a in ingest.read_corpus(existing).articles}


def flag_duplicates(drafts: Iterable[Draft], index: Mapping[str, str]) -> list[Draft]:
    """Set `duplicate_of` on drafts whose text is in the corpus or earlier in the batch."""
    seen = dict(index)
    flagged = []
    for draft in drafts:
        match = next((seen[i] for i in (draft.content_id, *draft.other_ids) if i in seen), None)
        flagged.append(replace(draft, duplicate_of=match))
        seen.setdefault(draft.content_id, draft.name)
    return flagged


# 2. Corrections ------------------------------------------------------------

def draft_rows(drafts: Sequence[Draft]) -> list[dict[str, Any]]:
    """One editable row per draft, for a table the user corrects."""
    return [{"import": d.duplicate_of is None, "file": d.name, "title": d.title, "source": d.source, "url": d.url,
             "published": d.published.isoformat() if d.published else "", "words": d.words,
             "notes": "; ".join([*d.problems, *([f"already in the corpus: {d.duplicate_of}"] if d.duplicate_of else [])])}
            for d in drafts]


def batch_key(drafts: Sequence[Draft]) -> str:
    """A short key that changes when the set of drafts does (keys the correction table)."""
    return hashlib.sha256("|".join(f"{d.name}:{d.content_id}" for d in drafts).encode("utf-8")).hexdigest()[:10]


def check_date(value: Any) -> date | None:
    """A corrected publication date: YYYY-MM-DD (or empty); ValueError with the reason."""
    if value is None or (isinstance(value, float) and value != value) or str(value).strip() == "":
        return None
    if isinstance(value, date):
        return value if type(value) is date else value.date()  # datetime / pandas Timestamp
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
        url, refusal = ingest.checked_url(row.get("url"))
        if refusal:
            errors.append(f"{where}: {refusal}")
            continue
        chosen.append(replace(draft, title=str(row.get("title") or "").strip() or _stem(draft.name),
                              source=str(row.get("source") or "").strip(), url=url, published=published))
    return chosen, errors


# 3. Saving and removing ---------------------------------------------------

def safe_file_name(name: str, *, max_chars: int = MAX_NAME_CHARS) -> str:
    """A file-name stem with no path separators, control characters or leading dots."""
    stem = unicodedata.normalize("NFKC", name)
    stem = "".join(c for c in stem if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    stem = _UNSAFE_NAME_CHARS.sub("_", stem)
    stem = stem.lstrip("._-").rstrip("._ ")[:max_chars].rstrip("._ ")
    if not stem:
        return "article"
    return f"_{stem}" if stem.split(".")[0].lower() in _WINDOWS_RESERVED else stem


def import_drafts(drafts: Sequence[Draft], *, uploads_dir: Path, corpus_paths: Sequence[Path] = ()) -> ImportResult:
    """Save each draft not already in the corpus as `NAME.txt` + `NAME.meta.json` in `uploads_dir`."""
    uploads_dir = Path(uploads_dir)
    uploads_dir.mkdir(parents=True, exist_ok=True)
    index = corpus_index([*corpus_paths, uploads_dir])
    saved: list[Path] = []
    duplicates: list[str] = []
    problems: list[str] = []
    stored = len(set(index.values()))
    for draft in drafts:
        match = next((index[i] for i in (draft.content_id, *draft.other_ids) if i in index), None)
        if match:
            duplicates.append(f"{draft.name}: same text as {match}; not imported again")
            continue
        if stored + len(saved) >= MAX_CORPUS_ARTICLES:
            problems.append(f"{draft.name}: the corpus already holds {stored + len(saved):,} articles, the limit "
                            "(corpus_articles in settings.toml); not imported")
            continue
        target = unique_path(uploads_dir, safe_file_name(_stem(draft.name)))
        try:
            sidecar = json.dumps(_sidecar(draft), ensure_ascii=False, indent=2)
            atomic_write(ingest.sidecar_path(target), sidecar.encode("utf-8"))
            atomic_write(target, draft.text.encode("utf-8"))
        except OSError as error:
            problems.append(f"{draft.name}: could not save to {target}: {error}")
            ingest.sidecar_path(target).unlink(missing_ok=True)
            continue
        saved.append(target)
        index[draft.content_id] = str(target)
    return ImportResult(saved=tuple(saved), duplicates=tuple(duplicates), problems=tuple(problems))


def _sidecar(draft: Draft) -> dict[str, str]:
    data = {"title": draft.title, "source": draft.source, "url": draft.url,
            "published": draft.published.isoformat() if draft.published else "", "uploaded_as": draft.name}
    return {k: v for k, v in data.items() if v}


def unique_path(folder: Path, stem: str, *, suffix: str = SAVED_SUFFIX) -> Path:
    """`folder/stem.txt`, or `stem-2.txt`… when it (or its sidecar) is taken."""
    for number in range(1, 100_000):
        candidate = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        if not candidate.exists() and not ingest.sidecar_path(candidate).exists():
            return candidate
    raise OSError(f"no free file name for {stem} in {folder}")


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a hidden temporary file beside `path`, then rename it over `path`."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".upload-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
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
                                                                published=meta.get("published", ""))))
    return [article for _, article in sorted(found, key=lambda pair: (-pair[0], str(pair[1].path)))]


def remove_upload(path: Path, *, uploads_dir: Path) -> list[Path]:
    """Delete an imported article and its sidecar; ValueError for anything outside `uploads_dir`."""
    folder = Path(uploads_dir).resolve()
    target = Path(path)
    resolved = target.resolve()
    if resolved == folder or not resolved.is_relative_to(folder) or target.is_symlink():
        raise ValueError(f"{path} is not an imported article in {uploads_dir}; nothing removed")
    if target.name.lower().endswith(ingest.SIDECAR_SUFFIX) or not resolved.is_file():
        raise ValueError(f"{path} is not an imported article file; nothing removed")
    removed = [resolved]
    resolved.unlink()
    sidecar = ingest.sidecar_path(resolved)
    if sidecar.is_file():
        sidecar.unlink()
        removed.append(sidecar)
    return removed


def _suffix(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def _stem(name: str) -> str:
    """"a.zip/dir/b.txt" -> "b"; "x.csv [row 3]" -> "x-row-3"."""
    found = _ROW_SUFFIX.search(name)
    base = name[:found.start()] if found else name
    stem = PurePosixPath(base.replace("\\", "/")).stem or base
    return f"{stem}-{found.group(1)}-{found.group(2)}" if found else stem
