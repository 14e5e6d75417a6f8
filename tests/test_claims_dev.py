"""The claims development set is well formed, and the scorer that reads it counts right.

The set's quality figures come from bench/claims_vs_quantulum3.py; these tests
check the data and the arithmetic, not our extractor.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from core.eval.claims_eval import (
    Found,
    item_problems,
    load_gold,
    match,
    respelt,
    same_name,
    score,
    spelling_table,
    unit_key,
)

DEV_SET = Path(__file__).parent / "data" / "claims_dev.jsonl"


@pytest.fixture(scope="module")
def items():
    return load_gold(DEV_SET)


def test_every_passage_is_well_formed(items):
    problems = [p for item in items for p in item_problems(item)]
    assert problems == []


def test_ids_are_unique(items):
    repeated = [name for name, n in Counter(item["id"] for item in items).items() if n > 1]
    assert repeated == []


def test_the_set_is_large_and_varied_enough(items):
    claims = [c for item in items for c in item["claims"]]
    assert len(items) >= 150
    assert sum(not item["claims"] for item in items) >= 25          # numbers that are not claims
    assert {c["category"] for c in claims} >= {"force_size", "killed", "wounded", "captured"}
    assert len({unit_key(c["unit"]) for c in claims}) >= 15
    assert sum(c["claimant"] == item["source"] for item in items for c in item["claims"]) >= 20


@pytest.mark.parametrize("a, b", [
    ("troops", "troop"), ("BTGs", "battalion tactical groups"), ("armored vehicles", "armoured vehicle"),
    ("servicemen", "serviceman"), ("%", "percent"), ("per cent", "percent"), ("divisions", "Division"),
])
def test_unit_spellings_fold_together(a, b):
    assert unit_key(a) == unit_key(b)


@pytest.mark.parametrize("a, b", [("troops", "tanks"), ("soldiers", "troops"), ("aircraft", "helicopters")])
def test_different_units_stay_apart(a, b):
    assert unit_key(a) != unit_key(b)


@pytest.mark.parametrize("gold, system, same", [
    ("boats", "patrol boats", True), ("systems", "missile defense systems", True),
    ("vehicles", "combat vehicles", True), ("BTGs", "battalion tactical groups", True),
    ("tanks", "patrol boats", False), ("troops", "tanks", False),
    ("units", "units of enemy equipment", True),            # the head is before the "of" phrase
    ("members", "service members", True), ("servicemembers", "service members", True),
    ("members", "servicemembers", True), ("members", "servicemen", False),
    ("equipment", "units of enemy equipment", False),
])
def test_scoring_compares_the_units_head_noun(gold, system, same):
    g, s = Found(value=2.0, low=None, unit=gold), Found(value=2.0, low=None, unit=system)
    assert (match([g], [s]) == [(g, s)]) is same


@pytest.mark.parametrize("gold, system, same", [
    ("Ben Wallace", "Ben Wallace", True),
    ("Pentagon", "the Pentagon", True),
    ("Ministry of Defence", "UK Ministry of Defence", True),
    ("Ben Wallace", "Wallace", False),            # a lone surname could be anyone's
    ("Ben Wallace", "James Heappey", False),
    ("Reuters", "", False),
    ("Ukrainian General Staff", "Ukraine's General Staff", True),    # a demonym and the country are one
    ("Russian officials", "Russia", False),                           # guard: one word is no name
])
def test_claimant_names(gold, system, same):
    assert same_name(gold, system) is same


def _found(value, unit, **rest):
    return Found(value=value, low=rest.pop("low", None), unit=unit, **rest)


def test_each_gold_claim_matches_at_most_one_system_claim():
    gold = [_found(130000, "troops")]
    system = [_found(130000, "troops"), _found(130000, "troops")]
    assert len(match(gold, system)) == 1
    scores = score([(gold, system)])
    assert (scores.precision, scores.recall) == (0.5, 1.0)


def test_a_figure_with_the_wrong_unit_is_not_a_match():
    scores = score([([_found(100, "tanks")], [_found(100, "troops")])])
    assert scores.matched == 0 and scores.f1 == 0.0


def test_vague_counts_match_on_their_lower_bound():
    """(For --errors listings: scores leave vague counts out, see below.)"""
    gold = [_found(None, "troops", low=1000)]
    assert len(match(gold, [_found(None, "troops", low=1000)])) == 1
    assert len(match(gold, [_found(None, "troops", low=10000)])) == 0


def test_side_and_claimant_are_scored_over_matched_pairs_only():
    gold = [_found(1, "tanks", side="Russia", claimant="Ben Wallace"), _found(2, "tanks", side="Russia")]
    system = [_found(1, "tanks", side="Russia", claimant="Wallace"), _found(9, "tanks", side="Russia")]
    scores = score([(gold, system)])
    assert (scores.matched, scores.side_right, scores.claimant_right) == (1, 1, 0)
    assert scores.share(scores.side_right) == 1.0


def test_a_malformed_passage_is_reported_by_id():
    item = {"id": "x1", "published": "2022-01-01", "source": "AP", "text": "100 tanks moved.",
            "claims": [{"figure": "200", "value": 200, "low": None, "high": None, "unit": "tanks",
                        "category": "parked", "side": "", "claimant": "AP"}]}
    problems = item_problems(item)
    assert any("x1 claim 1" in p and "not in the text" in p for p in problems)
    assert any("category 'parked'" in p for p in problems)


def test_a_line_that_is_not_json_names_its_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a"}\n{not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:2"):
        load_gold(path)


CORPUS_GOLD = Path(__file__).parent / "data" / "claims_corpus" / "dev.jsonl"
CORPUS = Path(__file__).resolve().parents[1] / "seeds" / "ukraine-2021-22"


def test_the_corpus_gold_is_well_formed_and_spans_the_three_sides():
    items = load_gold(CORPUS_GOLD)
    assert [p for item in items for p in item_problems(item, CORPUS)] == []
    assert len(items) == 20
    assert {item["doc"].split("_")[1] for item in items} == {"us", "ru", "ua"}
    assert sum("press-briefing" in item["doc"] or "press-gaggle" in item["doc"] for item in items) >= 3


def test_the_held_out_corpus_gold_is_well_formed_and_apart_from_the_dev_gold():
    items = load_gold(CORPUS_GOLD.with_name("test.jsonl"))
    assert [p for item in items for p in item_problems(item, CORPUS)] == []
    assert len(items) == 15
    assert {item["doc"].split("_")[1] for item in items} == {"us", "ru", "ua"}
    assert not {item["doc"] for item in items} & {item["doc"] for item in load_gold(CORPUS_GOLD)}


def test_the_second_corpus_dev_gold_covers_every_other_corpus_document():
    items = load_gold(CORPUS_GOLD.with_name("dev2.jsonl"))
    assert [p for item in items for p in item_problems(item, CORPUS)] == []
    others = {item["doc"] for name in ("dev.jsonl", "test.jsonl") for item in load_gold(CORPUS_GOLD.with_name(name))}
    assert not {item["doc"] for item in items} & others
    assert {item["doc"] for item in items} | others == {path.name for path in CORPUS.glob("*.txt")}
    assert sum(len(item["claims"]) for item in items) == 21


# the blind dev passages: each file, its passages and its claims
@pytest.mark.parametrize(("name", "passages", "claims"), [
    ("claims_dev2.jsonl", 80, 144), ("claims_dev3.jsonl", 80, 167), ("claims_dev4.jsonl", 70, 236),
    ("claims_dev5.jsonl", 70, 216), ("claims_dev6.jsonl", 80, 163), ("claims_dev7.jsonl", 80, 165),
    ("claims_dev8.jsonl", 80, 159), ("claims_dev9.jsonl", 90, 202),
    ("claims_dev10.jsonl", 90, 211), ("claims_dev11.jsonl", 90, 246), ("claims_dev12.jsonl", 90, 252),
    ("claims_dev13.jsonl", 80, 215), ("claims_dev14.jsonl", 80, 160),
    ("claims_dev15.jsonl", 80, 179), ("claims_dev16.jsonl", 80, 175),
    ("claims_dev17.jsonl", 80, 188), ("claims_dev18.jsonl", 80, 200), ("claims_dev19.jsonl", 80, 208),
    ("claims_dev20.jsonl", 80, 324), ("claims_dev21.jsonl", 80, 255), ("claims_dev22.jsonl", 80, 276), ("claims_dev23.jsonl", 80, 200),
    ("claims_dev24.jsonl", 80, 181),
])
def test_the_blind_dev_passages_are_well_formed(name, passages, claims):
    items = load_gold(Path(__file__).parent / "data" / name)
    assert [p for item in items for p in item_problems(item)] == []
    assert len(items) == passages and sum(len(item["claims"]) for item in items) == claims


def test_the_third_dev_passages_share_no_id_with_the_first():
    items = load_gold(Path(__file__).parent / "data" / "claims_dev3.jsonl")
    assert not {item["id"] for item in items} & {item["id"] for item in load_gold(DEV_SET)}


def test_a_corpus_item_whose_figure_is_not_at_its_start_is_a_problem():
    item = {"id": "x", "doc": "2022-01-25_us_press-briefing-by-press-secretary-jen-psaki-january-25-2022.txt",
            "published": "2022-01-25", "source": "The White House",
            "claims": [{"figure": "8,500", "start": 0, "value": 8500, "low": None, "high": None, "unit": "troops",
                        "category": "force_size", "side": "United States", "claimant": "Jen Psaki"}]}
    assert any("not at start 0" in p for p in item_problems(item, CORPUS))
    assert any("no corpus file" in p for p in item_problems({**item, "doc": "nope.txt"}, CORPUS))


def test_vague_counts_are_not_scored():
    gold = [_found(None, "troops", low=1000), _found(100, "tanks")]
    system = [_found(100, "tanks"), _found(None, "troops", low=1000), _found(None, "soldiers", low=10)]
    scores = score([(gold, system)])
    assert (scores.gold, scores.system, scores.matched) == (1, 1, 1)


def test_a_claimant_spelt_as_a_dictionary_alias_is_the_same_person():
    gold = [_found(100, "troops", claimant="Volodymyr Zelensky")]
    system = [_found(100, "troops", claimant="Volodymyr Zelenskyy")]
    assert score([(gold, system)]).claimant_right == 0
    assert score([(gold, system)], {"Volodymyr Zelensky": "Volodymyr Zelenskyy"}).claimant_right == 1


def test_a_claimant_spelt_another_way_scores_as_the_same_person():
    gold = [Found(value=2.0, low=None, unit="tanks", claimant="Volodymyr Zelenskyy")]
    system = [Found(value=2.0, low=None, unit="tanks", claimant="Volodymyr Zelensky")]
    assert score([(gold, system)]).claimant_right == 0
    assert score([(gold, system)], {"Volodymyr Zelensky": "Volodymyr Zelenskyy"}).claimant_right == 1
    assert respelt("volodymyr zelensky", spelling_table({"Volodymyr Zelensky": "Volodymyr Zelenskyy"})) == \
        "Volodymyr Zelenskyy"


def test_a_side_spelt_another_way_scores_as_the_same_side():
    gold = [Found(value=84.0, low=None, unit="fighters", side="Wagner")]
    system = [Found(value=84.0, low=None, unit="fighters", side="Wagner Group")]
    assert score([(gold, system)]).side_right == 0
    assert score([(gold, system)], sides={"Wagner": "Wagner Group"}).side_right == 1
    assert score([(gold, [Found(value=84.0, low=None, unit="fighters", side="Russia")])],
                 sides={"Wagner": "Wagner Group"}).side_right == 0


@pytest.mark.parametrize("gold, system, right", [
    ("DR Congo", "Democratic Republic of the Congo", 1),
    ("UK", "United Kingdom", 1),
    ("Congo", "Democratic Republic of the Congo", 0),         # guard: the Republic of the Congo is another
    ("", "Russia", 0),                                         # guard: a side against none
])
def test_two_names_of_one_country_are_one_side(gold, system, right):
    found = [(([Found(value=5.0, low=None, unit="troops", side=gold)]),
              [Found(value=5.0, low=None, unit="troops", side=system)])]
    assert score(found).side_right == right
