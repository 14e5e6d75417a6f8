"""A distributed run: the local per-article extraction, mapped over a Dask cluster.

1. Read the articles here, on the client (`core.read.ingest.read_corpus`); a bad
   file is reported and skipped.
2. Split them into partitions and map `_extract_partition` over the cluster.
   Each task runs `core.extract.articles.extract_articles` with `core.extract.pipeline.build_pipeline`,
   which is cached per process, so a worker loads the model once; the actor
   dictionary's entries are scattered to every worker once.
3. Write one Parquet file per partition as its result comes back, then put
   the finished dataset in place (see `ingest` for the layout).

Workers need the same pinned requirements, the model package included, and
this project on their path; nothing is downloaded at run time.
"""
from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from core.extract import model
from core.extract.actors import DictionaryEntry, load_dictionary
from core.extract.articles import extract_articles
from core.extract.pipeline import build_pipeline
from core.read.corpus import dictionary_path_for, pipeline_key
from core.read.ingest import read_corpus
from core.records import Article, article_json_text

DATASET_DIR = "articles"
PROBLEMS_FILE = "problems.txt"
COLUMNS = ("article_id", "article_json", "result_json", "pipeline_version")
SCHEMA = pa.schema([(name, pa.string()) for name in COLUMNS])


@dataclass(frozen=True)
class DistributedReport:
    articles: int                    # rows written: one per article read
    partitions: int
    seconds: float
    problems: tuple[str, ...]        # one message per unreadable file or failed extractor
    dataset: Path | None = None      # the Parquet folder to attach to the store
    pipeline_version: str = ""


def partitions_of(articles: Sequence[Article], size: int) -> list[tuple[Article, ...]]:
    if size < 1:
        raise ValueError(f"partition_size must be at least 1, not {size}")
    return [tuple(articles[i:i + size]) for i in range(0, len(articles), size)]


def _extract_partition(
    articles: Sequence[Article], entries: Sequence[DictionaryEntry],
) -> tuple[str, list[tuple[str, str, tuple[str, ...]]]]:
    """Runs on a worker: (its pipeline version, [(article id, result JSON, errors)])."""
    results = extract_articles(articles, nlp=build_pipeline, entries=tuple(entries))
    return model.pipeline_version(), [(r.article_id, json.dumps(r.to_json()), r.errors) for r in results]


def _write_atomically(path: Path, write) -> None:
    """Write to a hidden temporary name beside `path`, then rename it into place."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _write_partition(path: Path, rows: dict[str, list[str]]) -> None:
    table = pa.table(rows, schema=SCHEMA)
    _write_atomically(path, lambda p: pq.write_table(table, p))


def _swap_in(staging: Path, target: Path) -> None:
    """Replace `target` by the finished `staging` folder; the old dataset goes only after."""
    retired = target.with_name(f".{target.name}.old-{uuid.uuid4().hex}")
    if target.exists():
        os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


def ingest(
    paths: Sequence[Path],
    *,
    scheduler: str | None,
    out: Path,
    partition_size: int = 50,
    client: Any = None,
) -> DistributedReport:
    """Extract every article under `paths` on a Dask cluster into a Parquet dataset.

    The cluster is `client` if given, else `Client(scheduler)` (an address such
    as tcp://host:8786). Writes:

    - `out/articles/part-NNNNN.parquet`: one file per partition, one row per
      article (COLUMNS), partitions in the order the articles were read;
    - `out/problems.txt`: one line per problem, empty when there were none.

    The dataset is built in a hidden folder beside `out/articles` (each file
    under a temporary name, then renamed) and swapped in whole when every
    partition is written: a reader sees the previous dataset or the new one,
    never a mix, and a failed run leaves the previous dataset as it was.
    """
    if client is None and not scheduler:
        raise ValueError("a distributed run needs a scheduler address (tcp://host:8786) or a client")
    began = time.perf_counter()
    out = Path(out)
    ingested = read_corpus(paths)
    problems = [str(p) for p in ingested.problems]
    entries, dictionary_problems = load_dictionary(dictionary_path_for(paths))
    problems += dictionary_problems
    version = pipeline_key(entries)
    parts = partitions_of(ingested.articles, partition_size)

    out.mkdir(parents=True, exist_ok=True)
    staging = out / f".{DATASET_DIR}.partial-{uuid.uuid4().hex}"
    staging.mkdir()
    try:
        if parts:
            problems += _run_on_cluster(parts, entries, version, staging, client=client, scheduler=scheduler)
        else:  # an empty dataset still reads back, with its columns
            _write_partition(staging / "part-00000.parquet", {name: [] for name in COLUMNS})
        _swap_in(staging, out / DATASET_DIR)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    text = "".join(f"{line}\n" for line in problems)
    _write_atomically(out / PROBLEMS_FILE, lambda p: p.write_text(text, encoding="utf-8"))
    return DistributedReport(
        articles=len(ingested.articles),
        partitions=len(parts),
        seconds=time.perf_counter() - began,
        problems=tuple(problems),
        dataset=out / DATASET_DIR,
        pipeline_version=version,
    )


def _run_on_cluster(
    parts: Sequence[tuple[Article, ...]],
    entries: Sequence[DictionaryEntry],
    version: str,
    folder: Path,
    *,
    client: Any,
    scheduler: str | None,
) -> list[str]:
    """Map the extraction over the partitions; write each one as it finishes. Returns problems."""
    from distributed import Client, as_completed  # here: Dask loads only for a distributed run

    own_client = client is None
    if own_client:
        client = Client(scheduler)
    expected = model.pipeline_version()
    problems: dict[int, list[str]] = {}
    futures: list[Any] = []
    try:
        # hash=False: a key of this run's own, which an earlier run's release cannot drop
        [shared_entries] = client.scatter([tuple(entries)], broadcast=True, hash=False)
        futures = client.map(_extract_partition, parts, entries=shared_entries, pure=False)
        number = {future.key: n for n, future in enumerate(futures)}
        for future in as_completed(futures):
            n = number[future.key]
            worker_version, results = future.result()
            if worker_version != expected:
                raise RuntimeError(
                    f"a worker runs pipeline {worker_version}, this client {expected}: "
                    "install the same pinned requirements on every worker"
                )
            articles = {a.article_id: a for a in parts[n]}
            _write_partition(folder / f"part-{n:05d}.parquet", {
                "article_id": [article_id for article_id, _, _ in results],
                "article_json": [article_json_text(articles[article_id]) for article_id, _, _ in results],
                "result_json": [result for _, result, _ in results],
                "pipeline_version": [version] * len(results),
            })
            problems[n] = [f"{articles[a].path}: {error}" for a, _, errors in results for error in errors]
            future.release()
    except BaseException:
        if futures and not own_client:
            client.cancel(futures)  # a shared cluster must not go on working for a failed run
        raise
    finally:
        if own_client:
            client.close()
    return [line for n in sorted(problems) for line in problems[n]]
