"""Each protection against bad input is guarded by a test that fails without it.

    .venv/bin/python -m bench.protections [--only NAME] [--list]

For every protection in `PROTECTIONS` (a table: the file, the code that
protects, the same code with the protection removed, and the tests that guard
it), this copies the working tree to a scratch folder, removes that one
protection there, runs the guarding tests, and reports whether they failed, as
they must. The repository itself is never modified. A protection whose code is
no longer found is reported as STALE: update its row when you change that code.

Exit code 0 when every protection was caught by its tests, 1 otherwise.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SKIP_ANYWHERE = {".venv", ".git", "__pycache__", ".pytest_cache", ".hypothesis"}
SKIP_AT_ROOT = {"data", "test-artifacts", "out"}     # the user's store and outputs (core/data is code)


@dataclass(frozen=True)
class Protection:
    name: str
    file: str            # relative to the repository
    protected: str       # the code as it is (must occur exactly once)
    removed: str         # the same code without the protection
    tests: tuple[str, ...]


PROTECTIONS = [
    Protection("formula cells neutralised in CSV exports", "core/present/export.py",
               '''        return "'" + value\n''', "        return value\n",
               ("tests/test_export.py",)),
    Protection("article text HTML-escaped before highlighting", "core/present/highlight.py",
               '''    return html.escape(text, quote=True).replace("\\n", "<br>\\n")''',
               '''    return text.replace("\\n", "<br>\\n")''',
               ("tests/test_highlight.py",)),
    Protection("problems (file names) Markdown-escaped in the banner", "ui/widgets.py",
               '''f"- {markdown_escape(str(problem))}"''', '''f"- `{problem}`"''',
               ("tests/test_output_safety.py",)),
    Protection("unknown filter values from the URL Markdown-escaped", "ui/filters.py",
               '''", ".join(map(markdown_escape, unknown))''', '''", ".join(unknown)''',
               ("tests/test_output_safety.py",)),
    Protection("only http(s) links become buttons (detail panel)", "ui/detail.py",
               '''        if link := checked_url(article.get("url"))[0]:''', '''        if link := article.get("url"):''',
               ("tests/test_output_safety.py",)),
    Protection("only http(s) links kept from metadata", "core/read/ingest.py",
               '''    if not url or url.lower().startswith(_URL_SCHEMES):''', '''    if True:''',
               ("tests/test_ingest.py", "tests/test_output_safety.py")),
    Protection("no unsafe_allow_html anywhere (the source scan)", "pages/0_Overview.py",
               '''st.caption(f"Pipeline version: `{view.pipeline_version}`")''',
               '''st.markdown(f"Pipeline version: `{view.pipeline_version}`", unsafe_allow_html=True)''',
               ("tests/test_output_safety.py",)),
    Protection("control characters in file names escaped", "core/read/ingest.py",
               '''        return f"{printable(self.path)}: {self.message}"''', '''        return f"{self.path}: {self.message}"''',
               ("tests/test_ingest.py", "tests/test_bad_input.py")),
    Protection("PDF and binary files refused", "core/read/ingest.py",
               '''    if b"\\x00" in data[:65536]:''', '''    if False:''',
               ("tests/test_bad_input.py",)),
    Protection("article size limit checked before reading", "core/read/ingest.py",
               '''        if size > MAX_ARTICLE_BYTES:''', '''        if False:''',
               ("tests/test_bad_input.py",)),
    Protection("scripts, styles and frames dropped from HTML", "core/read/ingest.py",
               '''_HTML_SKIP = {"script", "style", "iframe", ''', '''_HTML_SKIP = {''',
               ("tests/test_bad_input.py",)),
    Protection("non-English articles flagged", "core/read/ingest.py",
               '''    if note := language_warning(language):''', '''    if note := None:''',
               ("tests/test_ingest.py", "tests/test_bad_input.py")),
    Protection("zip members with ../ or absolute paths refused", "core/read/upload.py",
               '''    if path.startswith("/") or re.match(r"^[A-Za-z]:", path) or ".." in PurePosixPath(path).parts:''',
               '''    if False:''', ("tests/test_upload.py", "tests/test_bad_input.py")),
    Protection("zip symlinks refused", "core/read/upload.py",
               '''    if stat.S_ISLNK(member.external_attr >> 16):''', '''    if False:''',
               ("tests/test_upload.py", "tests/test_bad_input.py")),
    Protection("zip bombs refused by compression ratio", "core/read/upload.py",
               '''    if member.file_size > RATIO_CHECK_MIN_BYTES and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1):''',
               '''    if False:''', ("tests/test_upload.py", "tests/test_bad_input.py")),
    Protection("uploaded names cannot leave the uploads folder", "core/read/upload.py",
               '''_UNSAFE_NAME_CHARS = re.compile(r'[\\\\/:*?"<>|\\s]+')''', '''_UNSAFE_NAME_CHARS = re.compile(r'[*?"<>|\\s]+')''',
               ("tests/test_upload.py", "tests/test_bad_input.py")),
    Protection("duplicate uploads refused", "core/read/upload.py",
               '''        if match:\n            duplicates.append''', '''        if False:\n            duplicates.append''',
               ("tests/test_upload.py", "tests/test_bad_input.py")),
    Protection("uploads written atomically (temporary file, then rename)", "core/read/upload.py",
               '''    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".upload-", suffix=".tmp")''',
               '''    handle, temp = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), str(path)   # in place''',
               ("tests/test_upload.py",)),
    Protection("a corrupt store is moved aside and rebuilt", "core/store/db/store.py",
               '''            if classify_open_error(error) != CORRUPT:''', '''            if True:''',
               ("tests/test_durability.py::test_a_corrupt_store_is_moved_aside_and_a_fresh_one_started",)),
    Protection("a locked store is never taken for a corrupt one", "core/store/db/opening.py",
               '''    (LOCKED, ("could not set lock", "conflicting lock")),''', '''    (LOCKED, ()),''',
               ("tests/test_durability.py::test_a_store_locked_by_another_process_is_an_error_and_is_not_moved",
                "tests/test_durability.py::test_classify_open_error")),
    Protection("corpus tables rebuilt in one transaction", "core/store/db/sync.py",
               '''            for name, df in frames.items():\n                self._write_frame(name, df)\n''',
               '''            for name, df in frames.items():\n                self._write_frame(name, df)\n'''
               '''                self._con.execute("COMMIT"); self._con.execute("BEGIN TRANSACTION")\n''',
               ("tests/test_durability.py::test_a_kill_inside_a_transaction_leaves_none_of_it",)),
    Protection("result-cache entries written atomically", "core/store/cache.py",
               '''        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".tmp-", suffix=".json")''',
               '''        fd, tmp = os.open(self._path(article_id), os.O_WRONLY | os.O_CREAT | os.O_TRUNC), str(self._path(article_id))''',
               ("tests/test_durability.py::test_a_cache_write_killed_half_way_leaves_the_previous_entry",)),
    Protection("one long sentence of figures is read once, not once per figure", "core/extract/claims/memo.py",
               '''    if key not in memo:\n        memo[key] = compute()\n    return memo[key]''', '''    return compute()''',
               ("tests/test_claims.py::test_sentence_level_answers_are_worked_out_once_per_sentence_not_per_figure",)),
    Protection("corpus size limit", "core/read/ingest.py",
               '''        if len(articles) >= MAX_CORPUS_ARTICLES:''', '''        if False:''',
               ("tests/test_limits.py",)),
    Protection("a bad settings file refused", "core/read/limits.py",
               '''        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:''', '''        if False:''',
               ("tests/test_limits.py",)),
]


def scratch_copy(destination: Path) -> Path:
    def ignore(folder: str, names: list[str]) -> set[str]:
        at_root = Path(folder) == REPO
        return {name for name in names if name in SKIP_ANYWHERE or (at_root and name in SKIP_AT_ROOT)}

    shutil.copytree(REPO, destination, ignore=ignore, symlinks=True)
    return destination


def check(protection: Protection, python: str) -> tuple[str, float, str]:
    """("CAUGHT" | "MISSED" | "STALE", seconds, the first failing test or a reason)."""
    source = (REPO / protection.file).read_text(encoding="utf-8")
    if source.count(protection.protected) != 1:
        return "STALE", 0.0, f"the protected code is not found exactly once in {protection.file}"
    with tempfile.TemporaryDirectory(prefix="protection-") as scratch:
        copy = scratch_copy(Path(scratch) / "repo")
        (copy / protection.file).write_text(source.replace(protection.protected, protection.removed), encoding="utf-8")
        started = time.perf_counter()
        run = subprocess.run([python, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-m", "not browser",
                              *protection.tests], cwd=copy, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
    failed = [line for line in run.stdout.splitlines() if line.startswith(("FAILED tests/", "ERROR tests/"))]
    if run.returncode == 0:
        return "MISSED", seconds, "every guarding test passed without the protection"
    return "CAUGHT", seconds, failed[0] if failed else run.stdout.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the protections whose name contains this")
    parser.add_argument("--list", action="store_true", help="list the protections and their tests")
    args = parser.parse_args(argv)
    chosen = [p for p in PROTECTIONS if not args.only or args.only.lower() in p.name.lower()]
    if args.list:
        for protection in chosen:
            print(f"{protection.name}: {protection.file} -> {', '.join(protection.tests)}")
        return 0
    python = str(REPO / ".venv" / "bin" / "python") if (REPO / ".venv").exists() else sys.executable
    results = []
    for protection in chosen:
        verdict, seconds, detail = check(protection, python)
        results.append(verdict)
        print(f"{verdict:6} {seconds:5.1f} s  {protection.name}  [{detail}]", flush=True)
    caught = results.count("CAUGHT")
    print(f"\n{caught} of {len(results)} protections caught by their tests when removed "
          f"({results.count('MISSED')} missed, {results.count('STALE')} stale)")
    return 0 if caught == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
