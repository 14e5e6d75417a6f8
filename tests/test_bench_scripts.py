"""The bench scripts' own pieces: the synthetic corpus is deterministic, dated,
varied, and reads back through core.ingest like any corpus. (The benches'
figures are printed by the scripts, never asserted.)"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from make_corpus import main as make_corpus_main  # noqa: E402
from make_corpus import make_articles  # noqa: E402

from core.ingest import read_corpus  # noqa: E402


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
    import throughput

    import core.extract
    from core.nlp import build_ner_only_pipeline, build_pipeline

    selection = core.extract.sentences_needing_syntax
    articles = throughput._articles(2, seed=5)
    texts = [a.text for a in articles]
    throughput.print_ceilings(articles, texts, sum(a.words for a in articles), build_pipeline(),
                              build_ner_only_pipeline(), batch_size=2)
    assert core.extract.sentences_needing_syntax is selection
    printed = capsys.readouterr().out
    parsed_now = int(printed.split("sentences tagged and parsed now: ")[1].split(" of ")[0].replace(",", ""))
    assert parsed_now > 0
    assert "no sentence parsed (0 sentences)" in printed
    with_figures = int(printed.split("only sentences with a troop figure parsed (")[1].split(" ")[0].replace(",", ""))
    assert 0 < with_figures <= parsed_now


def test_extraction_digest_is_stable_and_changes_with_the_output():
    import dataclasses

    import throughput
    from extraction_digest import digests

    articles = throughput._articles(2, seed=9)
    first = digests(articles)
    assert digests(list(articles)) == first
    edited = [dataclasses.replace(articles[0], text=articles[0].text.replace("said", "denied", 1)), articles[1]]
    assert "said" in articles[0].text
    results, annotations = digests(edited)
    assert results != first[0] and annotations != first[1]
