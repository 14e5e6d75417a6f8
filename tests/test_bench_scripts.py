"""The bench scripts' own pieces: the synthetic corpus is deterministic, dated,
varied, and reads back through core.read.ingest like any corpus. (The benches'
figures are printed by the scripts, never asserted.)"""
from __future__ import annotations

from datetime import date

from bench.make_corpus import main as make_corpus_main
from bench.make_corpus import make_articles
from core.read.ingest import read_corpus


def test_synthetic_corpus_is_deterministic_per_seed():
    assert make_articles(5, seed=3) == make_articles(5, seed=3)
    assert make_articles(5, seed=3) != make_articles(5, seed=4)


def test_synthetic_articles_vary_and_carry_their_dates():
    articles = make_articles(40, seed=1)
    assert len({text for _, text, _ in articles}) == 40
    assert len({meta["published"] for _, _, meta in articles}) > 10
    words = [len(text.split()) for _, text, _ in articles]
    assert min(words) >= 300 and max(words) <= 1000
    everything = " ".join(text for _, text, _ in articles)
    for cue in ("troops", "said", "killed"):            # figures, attribution, casualties
        assert cue in everything


def test_written_corpus_reads_back_with_publication_dates(tmp_path):
    make_corpus_main([str(tmp_path), "--articles", "6", "--seed", "2"])
    ingested = read_corpus([tmp_path])
    assert len(ingested.articles) == 6 and not [p for p in ingested.problems if p.fatal]
    expected = {meta["published"] for _, _, meta in make_articles(6, seed=2)}
    assert {a.published.isoformat() for a in ingested.articles} == expected
    assert all(isinstance(a.published, date) for a in ingested.articles)


def test_throughput_ceilings_patch_the_selection_only_while_they_run(capsys):
    from bench import throughput
    from core.extract import syntax_demand
    from core.extract.pipeline import build_ner_only_pipeline, build_pipeline

    selection = syntax_demand.sentences_needing_syntax
    articles = throughput.synthetic_articles(2, seed=5)
    texts = [a.text for a in articles]
    throughput.print_ceilings(articles, texts, sum(a.words for a in articles), build_pipeline(),
                              build_ner_only_pipeline(), batch_size=2)
    assert syntax_demand.sentences_needing_syntax is selection
    printed = capsys.readouterr().out
    parsed_now = int(printed.split("sentences tagged and parsed now: ")[1].split(" of ")[0].replace(",", ""))
    assert parsed_now > 0
    assert "no sentence parsed (0 sentences)" in printed
    with_figures = int(printed.split("only sentences with a troop figure parsed (")[1].split(" ")[0].replace(",", ""))
    assert 0 < with_figures <= parsed_now


def test_extraction_digest_is_stable_and_changes_with_the_output():
    import dataclasses

    from bench import throughput
    from bench.extraction_digest import digests

    articles = throughput.synthetic_articles(2, seed=9)
    first = digests(articles)
    assert digests(list(articles)) == first
    edited = [dataclasses.replace(articles[0], text=articles[0].text.replace("said", "denied", 1)), articles[1]]
    assert "said" in articles[0].text
    results, annotations = digests(edited)
    assert results != first[0] and annotations != first[1]


def _mention(article_id: str, start: int, sentence: str, published: date, when: date | None) -> dict:
    return {"event_id": None, "article_id": article_id, "start": start, "end": start + len(sentence),
            "sentence": sentence, "trigger": "call", "trigger_start": start, "trigger_end": start + 4,
            "lemma": "call", "event_type": "call", "modality": "asserted", "date_start": when, "date_end": when,
            "date_text": "", "date_value": "", "date_source": "publication", "precision": "day",
            "agents": ["Joe Biden"], "patients": ["Vladimir Putin"], "place": "", "side": "United States",
            "source": "The White House", "published": published, "mention_id": f"{article_id}{start}",
            "merge_reason": "", "actors": ["Joe Biden", "Vladimir Putin"]}


def test_event_merge_scale_copies_rows_with_new_ids_and_shifted_dates():
    from bench.event_merge_scale import FIRST_DAY, LAST_DAY, replicate

    rows = [_mention("a1", 0, "Biden held a call with Putin about troops near the border today", date(2021, 12, 7),
                     date(2021, 12, 6)),
            _mention("a1", 80, "The call lasted two hours and covered sanctions and diplomacy", date(2021, 12, 7), None),
            _mention("b2", 0, "Putin said the call with Biden was frank and businesslike overall", date(2022, 1, 3),
                     date(2022, 1, 3))]
    copies = replicate(rows, 7, seed=1)
    assert copies == replicate(rows, 7, seed=1) and copies != replicate(rows, 7, seed=2)
    assert len({r["article_id"] for r in copies}) == 7 and len({r["mention_id"] for r in copies}) == len(copies)
    for row in copies:
        assert FIRST_DAY <= row["published"] <= LAST_DAY
        original = next(r for r in rows if r["article_id"] == row["article_id"][:2] and r["start"] == row["start"])
        if original["date_start"] is not None:                # the event keeps its distance to the report
            assert row["published"] - row["date_start"] == original["published"] - original["date_start"]
        assert len(row["sentence"].split()) == len(original["sentence"].split())
        assert row["side"] == original["side"] and row["agents"] == original["agents"]


def test_event_merge_scale_runs_and_prints_its_figures(capsys):
    from bench.event_merge_scale import main

    assert main(["--articles", "50", "--sample", "2"]) == 0
    printed = capsys.readouterr().out
    for line in ("set-up:", "core.combine.event_merge.merge:", "core.combine.events.build_events:", "events per article", "peak memory"):
        assert line in printed


def test_event_merge_scale_skips_without_a_corpus(tmp_path, capsys):
    from bench.event_merge_scale import main

    assert main(["--corpus", str(tmp_path / "absent")]) == 0
    assert capsys.readouterr().out.startswith("skipped:")
