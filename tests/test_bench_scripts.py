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
