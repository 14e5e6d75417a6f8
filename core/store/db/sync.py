"""What changes the store: a sync with the corpus folders (read them, extract
what is not stored, `core.store.db.extraction`), a distributed run's output attached,
the user's corrections; each ends by rebuilding the corpus tables from the
stored results, in one transaction. Writes happen in transactions: each batch of
per-article results in one, the removal of vanished articles plus the rebuild
in another, so a crash leaves the batches committed before it and nothing
half-written."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import duckdb
import pandas as pd

from core import records
from core.read.corpus import ACTOR_DICTIONARY_NAME, DEFAULT_CORPUS_DIR, dictionary_path_for, pipeline_key
from core.read.ingest import printable, read_corpus
from core.records import Article, ArticleResult, article_json_text
from core.store.db.extraction import ExtractionFailure, extract_or_fail, failure_message, needs_extraction
from core.store.db.queries import Queries
from core.store.db.schema import one_row, write_frame
from core.store.worker import extract_elsewhere

log = logging.getLogger(__name__)

FAILURES_KEY = "failed_extractions"     # meta key: see `core.store.db`'s docstring


@dataclass(frozen=True)
class SyncReport:
    added: int
    skipped: int
    removed: int
    failed: int
    problems: tuple[str, ...]
    cancelled: bool = False
    # The articles of the corpus not extracted (this sync's failures and those recorded before).
    failures: tuple[ExtractionFailure, ...] = ()

    def failures_of(self, files: Sequence[Path | str]) -> list[ExtractionFailure]:
        """The failures of these files (e.g. the ones just imported), in the report's order."""
        wanted = {Path(f).resolve() for f in files}
        return [f for f in self.failures if Path(f.path).resolve() in wanted]


def _load_dictionary(path: Path) -> tuple[list[Any], list[str]]:
    """`core.extract.actors.load_dictionary`: its entries and problems."""
    # core.extract.actors brings in spaCy: imported here, when a store opens, not when this module is
    from core.extract.actors import load_dictionary

    entries, problems = load_dictionary(path)
    return list(entries), list(problems)


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class Syncing(Queries):
    """The writes of `core.store.db.Store`, and the actor dictionary its pipeline version depends on."""

    _dictionary_path: Path
    _entries: tuple[Any, ...] | None

    def set_meta(self, key: str, value: str) -> None:
        self._con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def use_stored_dictionary(self) -> None:
        """Use the actor dictionary of the last sync (meta ``dictionary``), else the
        shipped one, and set `version` from it."""
        stored = self.meta("dictionary")
        if stored and Path(stored).is_file():
            self._dictionary_path = Path(stored)
        else:
            self._dictionary_path = DEFAULT_CORPUS_DIR / ACTOR_DICTIONARY_NAME
        self._entries = None
        self.version = pipeline_key(self.dictionary_entries())

    def dictionary_entries(self) -> tuple[Any, ...]:
        """The entries of the actor dictionary in use (loaded once)."""
        if self._entries is None:
            entries, problems = _load_dictionary(self._dictionary_path)
            for problem in problems:
                log.warning("%s", problem)
            self._entries = tuple(entries)
        return self._entries

    def _use_dictionary(self, path: Path) -> list[str]:
        entries, problems = _load_dictionary(path)
        self._dictionary_path = Path(path)
        self._entries = tuple(entries)
        self.version = pipeline_key(self._entries)
        return list(problems)

    def add_correction(self, action: str, mention_ids: Sequence[str], *, note: str = "") -> None:
        """Store a merge or a split and rebuild the corpus tables with it (no extraction)."""
        if action not in ("merge", "split"):
            raise ValueError(f"unknown correction {action!r}: merge or split")
        ids = sorted({str(m) for m in mention_ids})
        if not ids:
            raise ValueError("a correction names at least one mention")
        self._con.execute(
            "INSERT INTO corrections SELECT coalesce(max(seq), 0) + 1, ?, ?, ?, now()::TIMESTAMP FROM corrections",
            [action, ids, note])
        self._rebuild(None, problems=self.problems(), prune=False, key=self.meta("corpus_key") or "")

    def undo_correction(self) -> bool:
        """Remove the latest correction and rebuild; False when there is none."""
        last = one_row(self._con, "SELECT max(seq) FROM corrections")[0]
        if last is None:
            return False
        self._con.execute("DELETE FROM corrections WHERE seq = ?", [last])
        self._rebuild(None, problems=self.problems(), prune=False, key=self.meta("corpus_key") or "")
        return True

    def stored_ids(self) -> set[str]:
        rows = self._con.execute("SELECT article_id FROM results WHERE version = ?", [self.version]).fetchall()
        return {r[0] for r in rows}

    def stored_publication_dates(self) -> dict[str, str | None]:
        """Article id -> the publication date (ISO) its stored results were extracted with."""
        rows = self._con.execute(
            "SELECT article_id, json_extract_string(article_json, '$.published') FROM results WHERE version = ?",
            [self.version]).fetchall()
        return dict(rows)

    def sync(
        self,
        paths: Sequence[Path],
        *,
        nlp: Any = None,
        n_process: int = 1,
        batch_size: int = 64,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        elsewhere: bool = False,
        keep_duplicates: bool = False,
    ) -> SyncReport:
        """Make the store hold exactly the articles under `paths`, extracting only
        what is not stored for this version. `nlp` is a Language or a function
        that builds one (default `core.extract.pipeline.build_pipeline`), called only when
        something must be extracted. `progress(done, total)` counts the articles
        to extract, after each committed batch; `cancel()` is asked between batches.
        `elsewhere`: extract in a child process (`core.store.worker`; `nlp` and
        `n_process` are then not used), so this process never runs the pipeline.
        `keep_duplicates`: keep articles `core.read.dedupe` finds duplicate (`core.read.ingest.read_corpus`).

        An article the pipeline fails on is recorded (`recorded_failures`) with
        its message and reported in `SyncReport.failures` and as a problem line
        naming its file; later syncs report it again without trying it, until
        its text (so its id) or the pipeline version changes.
        """
        ingested = read_corpus(paths, keep_duplicates=keep_duplicates)
        problems = [str(p) for p in ingested.problems]
        failed = sum(1 for p in ingested.problems if p.fatal)
        problems += self._use_dictionary(dictionary_path_for(paths))
        articles = list(ingested.articles)
        todo = needs_extraction(articles, self.stored_publication_dates())
        skipped = len(articles) - len(todo)
        # An article whose extraction failed for this version is not tried again: reported as it was.
        recorded = self.recorded_failures()
        failures = [dataclasses.replace(recorded[a.article_id], path=a.path) for a in todo if a.article_id in recorded]
        todo = [a for a in todo if a.article_id not in recorded]
        total = len(todo)
        if progress:
            progress(0, total)
        added, cancelled = 0, False
        if todo:
            if elsewhere:
                results = extract_elsewhere(todo, entries=self.dictionary_entries(), failed=lambda article, error:
                                            ExtractionFailure(article.article_id, article.path, failure_message(error)))
            else:
                results = extract_or_fail(todo, nlp=nlp, entries=self.dictionary_entries(), n_process=n_process,
                                          batch_size=batch_size)
            batch: list[tuple[Article, Any]] = []
            try:
                for article, result in results:
                    if isinstance(result, ExtractionFailure):      # the whole extraction failed on it
                        failures.append(result)
                        continue
                    problems += [f"{printable(article.path)}: {error}" for error in result.errors]
                    batch.append((article, result))
                    if len(batch) >= batch_size:
                        added += self._write_batch(batch)
                        batch = []
                        if progress:
                            progress(added, total)
                        if cancel and cancel():
                            cancelled = True
                            break
                if batch and not cancelled:
                    added += self._write_batch(batch)
                    if progress:
                        progress(added, total)
            finally:
                close = getattr(results, "close", None)
                if close:
                    close()
        failed += len(failures)
        problems += [failure.problem() for failure in failures]
        if failures or recorded:
            self._record_failures(failures)
        key = self._corpus_key(articles)
        if added == 0 and not cancelled and key == self.meta("corpus_key"):
            removed = 0      # the corpus tables already hold exactly this corpus
            self._con.execute("BEGIN TRANSACTION")
            self.set_meta("problems", json.dumps(problems, ensure_ascii=False))
            self._con.execute("COMMIT")
        else:
            removed = self._rebuild(articles, problems=problems, prune=True, key=key)
        return SyncReport(
            added=added, skipped=skipped, removed=removed, failed=failed,
            problems=tuple(problems), cancelled=cancelled, failures=tuple(failures),
        )

    def recorded_failures(self) -> dict[str, ExtractionFailure]:
        """Article id -> its recorded extraction failure, for this pipeline version."""
        raw = self.meta(FAILURES_KEY)
        try:
            entries = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        return {article_id: ExtractionFailure(article_id, str(entry.get("path", "")), str(entry.get("message", "")))
                for article_id, entry in entries.items()
                if isinstance(entry, dict) and entry.get("version") == self.version}

    def _record_failures(self, failures: Sequence[ExtractionFailure]) -> None:
        """Keep exactly `failures` (this sync's corpus, this version) as the recorded ones, in one transaction:
        a failure of an article no longer in the corpus, or of another version, is forgotten."""
        entries = {f.article_id: {"version": self.version, "path": f.path, "message": f.message} for f in failures}
        self._con.execute("BEGIN TRANSACTION")
        self.set_meta(FAILURES_KEY, json.dumps(entries, ensure_ascii=False))
        self._con.execute("COMMIT")

    def _corpus_key(self, articles: Sequence[Article]) -> str:
        """What the corpus tables were assembled from: the version, and each
        article's id and metadata in order."""
        digest = hashlib.sha256(self.version.encode("utf-8"))
        for article in articles:
            meta = dataclasses.replace(article, text="")
            digest.update(repr(meta).encode("utf-8"))
        return digest.hexdigest()

    def _write_batch(self, batch: Sequence[tuple[Article, Any]]) -> int:
        """One transaction: every article of the batch, or none."""
        return self._insert_results(
            [(article_json_text(a), json.dumps(r.to_json(), ensure_ascii=False), a.article_id, r) for a, r in batch],
            version=self.version,
        )

    def _insert_results(self, rows: Sequence[tuple[str, str, str, Any]], *, version: str) -> int:
        batch_id = uuid.uuid4().hex[:12]
        records = []
        for article_json, result_json, article_id, result in rows:
            records.append({
                "article_id": article_id, "version": version, "article_json": article_json,
                "result_json": result_json, "n_timexes": len(result.timexes), "n_claims": len(result.claims),
                "n_actor_mentions": len(result.actor_mentions), "n_place_mentions": len(result.place_mentions),
                "n_sentences": len(result.sentences), "batch_id": batch_id,
            })
        if not records:
            return 0
        table = pd.DataFrame(records)
        self._con.execute("BEGIN TRANSACTION")
        try:
            self._con.register("_batch", table)
            self._con.execute(
                "DELETE FROM results WHERE version = ? AND article_id IN (SELECT article_id FROM _batch)", [version]
            )
            self._con.execute(
                """INSERT INTO results SELECT article_id, version, article_json, result_json, n_timexes, n_claims,
                   n_actor_mentions, n_place_mentions, n_sentences, batch_id, now()::TIMESTAMP FROM _batch"""
            )
            self._con.execute("COMMIT")
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        finally:
            self._con.unregister("_batch")
        return len(records)

    def _rebuild(self, articles: Sequence[Article] | None, *, problems: Sequence[str], prune: bool,
                 key: str = "") -> int:
        """Remove vanished articles (when `prune`), then reassemble the corpus
        tables from the stored results of this version, in one transaction.
        `articles`: the corpus in order (fresh metadata); None: every stored one."""
        # the assembly brings in spaCy: imported here, not by a process that only reads the store
        from core.combine.assemble import assemble

        rows = self._con.execute(
            "SELECT article_id, article_json, result_json FROM results WHERE version = ?", [self.version]
        ).fetchall()
        stored = {article_id: (article_json, result_json) for article_id, article_json, result_json in rows}
        if articles is None:
            corpus = sorted((records.article_from_json(a) for a, _ in stored.values()), key=lambda a: (a.path, a.article_id))
        else:
            corpus = [a for a in articles if a.article_id in stored]
        results = [ArticleResult.from_json(json.loads(stored[a.article_id][1])) for a in corpus]
        frames = assemble(corpus, results, entries=self.dictionary_entries(), corrections=self.corrections())
        removed = 0
        self._con.execute("BEGIN TRANSACTION")
        try:
            if prune and articles is not None:
                keep = pd.DataFrame({"article_id": pd.Series([a.article_id for a in articles], dtype=object)})
                self._con.register("_keep", keep)
                removed = one_row(self._con, "SELECT count(DISTINCT article_id) FROM results "
                                             "WHERE article_id NOT IN (SELECT article_id FROM _keep)")[0]
                self._con.execute("DELETE FROM results WHERE article_id NOT IN (SELECT article_id FROM _keep)")
                self._con.unregister("_keep")
            for name, df in frames.items():
                self._write_frame(name, df)
            self.set_meta("problems", json.dumps(list(problems), ensure_ascii=False))
            self.set_meta("dictionary", str(self._dictionary_path))
            self.set_meta("corpus_key", key)   # "" (attach): the next sync reassembles
            self._con.execute("COMMIT")
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        return removed

    def _write_frame(self, name: str, df: pd.DataFrame) -> None:
        write_frame(self._con, name, df)

    def attach_parquet(self, folder: Path) -> SyncReport:
        """Import a distributed run's output (columns article_json, result_json,
        pipeline_version; one row per article), then rebuild the corpus tables.
        Rows for another pipeline version are refused with a problem line."""
        folder = Path(folder)
        files = sorted(folder.rglob("*.parquet")) if folder.is_dir() else [folder]
        problems: list[str] = []
        rows: list[tuple[str, str, str, Any]] = []
        refused = failed = 0
        for file in files:
            try:
                table = self._con.execute(
                    "SELECT article_json, result_json, pipeline_version FROM read_parquet(?)", [str(file)]
                ).fetchall()
            except duckdb.Error as error:
                failed += 1
                problems.append(f"{file}: not a readable result dataset ({error})")
                continue
            for number, (article_json, result_json, version) in enumerate(table, start=1):
                if version != self.version:
                    refused += 1
                    problems.append(f"{file}: row {number} is for pipeline version {version!r}, "
                                    f"not this store's {self.version!r}; refused")
                    continue
                try:
                    article = records.article_from_json(article_json)
                    data = json.loads(result_json) if isinstance(result_json, str) else result_json
                    result = ArticleResult.from_json(data)
                except (KeyError, TypeError, ValueError) as error:
                    failed += 1
                    problems.append(f"{file}: row {number} is malformed ({type(error).__name__}: {error})")
                    continue
                rows.append((article_json_text(article), json.dumps(data, ensure_ascii=False), article.article_id, result))
        before = self.stored_ids()
        added = sum(self._insert_results(chunk, version=self.version) for chunk in _chunks(rows, 512))
        new = len({r[2] for r in rows} - before)
        self._rebuild(None, problems=problems, prune=False)
        return SyncReport(added=new, skipped=added - new, removed=0, failed=failed + refused,
                          problems=tuple(problems))
