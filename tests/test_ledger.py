"""The ledger (core/combine/ledger.py): when claims are one row, when a pair is contested."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.combine.ledger import (
    CONTEST_DAYS,
    CONTEST_SHARE,
    LEDGER_COLUMNS,
    MERGE_DAYS,
    UnitClassError,
    build_ledger,
    flag_list,
    is_question,
    sources_of,
    unit_class,
    unit_classes,
    without_questions,
)
from core.eval.claims_eval import unit_key
from core.frames import frame
from core.records import NEARBY_SIDE_FLAG

REPO = Path(__file__).resolve().parents[1]
UA_MOD = "Ukraine's defence ministry"
RU_MOD = "Russia's defence ministry"


def claim(article: str, day: str | None, value: float | None, *, claimant: str = UA_MOD, side: str = "Russia",
          unit: str = "soldiers", category: str = "killed", start: int = 10, flags=(), low=None, high=None,
          location: str = "") -> dict:
    return {"article_id": article, "start": start, "end": start + 5, "sentence": f"{article} says {value}.",
            "value": value, "low": low, "high": high, "unit": unit, "category": category, "side": side,
            "claimant": claimant, "date": day, "flags": list(flags), "location": location}


def days_after(day: str, days: int) -> str:
    return (pd.Timestamp(day) + pd.Timedelta(days=days)).date().isoformat()


def ledger_of(*rows: dict) -> pd.DataFrame:
    return build_ledger(frame("claims", list(rows)))


# --- one row or two ------------------------------------------------------------------

SAME = claim("a1", "2022-02-26", 5000.0)

@pytest.mark.parametrize(("other", "rows"), [
    (claim("a2", "2022-02-28", 5000.0), 1),                                   # two days apart: one claim
    (claim("a2", "2022-02-28", 5000.0, unit="troops"), 1),                    # another word, same class
    (claim("a2", "2022-02-28", 5000.0, claimant=RU_MOD), 2),                  # another claimant
    (claim("a2", "2022-02-28", 5000.0, side="Ukraine"), 2),                   # another side
    (claim("a2", "2022-02-28", 5000.0, unit="tanks"), 2),                     # another unit class
    (claim("a2", "2022-02-28", 5000.0, category="wounded"), 2),               # another category
    (claim("a2", "2022-02-28", 5001.0), 2),                                   # another figure
    (claim("a2", "2022-02-28", 5000.0, low=5000.0), 2),                       # "more than 5,000" is another claim
    (claim("a2", "2022-03-08", 5000.0), 2),                                   # ten days apart
    (claim("a2", days_after("2022-02-26", MERGE_DAYS + 1), 5000.0), 2),       # MERGE_DAYS + 1 apart
    (claim("a2", days_after("2022-02-26", MERGE_DAYS), 5000.0), 1),           # MERGE_DAYS apart
    (claim("a2", "2022-02-28", 5000.0, flags=["question"]), 2),               # a question is apart
])
def test_when_two_claims_are_one_row(other, rows):
    ledger = ledger_of(SAME, other)
    assert len(ledger) == rows
    if rows == 1:
        (row,) = ledger.to_dict("records")
        assert row["n_sources"] == 2 and row["article_ids"] == ["a1", "a2"]
        assert row["spans"] == ["a1:10-15", "a2:10-15"]
        assert (row["first_date"], row["last_date"]) == (pd.Timestamp("2022-02-26"), pd.Timestamp(other["date"]))


def test_a_row_spans_at_most_merge_days_from_its_first_claim():
    days = ["2022-02-01", "2022-02-03", "2022-02-05", "2022-02-07"]     # a chain two days apart each
    ledger = ledger_of(*(claim(f"a{i}", day, 100.0) for i, day in enumerate(days)))
    assert ledger["n_sources"].tolist() == [2, 2]
    assert (ledger["last_date"] - ledger["first_date"]).max() <= pd.Timedelta(days=MERGE_DAYS)


def test_undated_claims_merge_only_within_their_article():
    ledger = ledger_of(claim("a1", None, 300.0), claim("a1", None, 300.0, start=90), claim("a2", None, 300.0),
                       claim("a3", "2022-02-01", 300.0))
    assert sorted(ledger["n_sources"].tolist()) == [1, 1, 1]
    merged = ledger[ledger["spans"].map(len) == 2]
    assert merged["spans"].tolist() == [["a1:10-15", "a1:90-95"]]
    assert ledger["first_date"].isna().sum() == 2 and ledger["first_date"].isna().iloc[-1]   # undated last


def test_the_ledger_id_is_stable_and_distinct():
    first = ledger_of(SAME, claim("a2", "2022-02-28", 5000.0), claim("a3", "2022-02-27", 498.0, claimant=RU_MOD))
    again = ledger_of(claim("a3", "2022-02-27", 498.0, claimant=RU_MOD), claim("a2", "2022-02-28", 5000.0), SAME)
    assert sorted(first["ledger_id"]) == sorted(again["ledger_id"])
    assert first["ledger_id"].is_unique and first["ledger_id"].str.match(r"^L[0-9a-f]{12}$").all()


def test_an_empty_claims_frame_is_an_empty_ledger_with_its_columns():
    ledger = build_ledger(frame("claims", []))
    assert ledger.empty and ledger.columns.tolist() == LEDGER_COLUMNS


# --- contested -----------------------------------------------------------------------

def test_the_two_defence_ministries_contest_the_russian_dead():
    ledger = ledger_of(claim("ua", "2022-02-26", 5000.0), claim("ru", "2022-02-28", 498.0, claimant=RU_MOD,
                                                                unit="servicemen"))
    assert ledger["contested"].tolist() == [True, True]
    rows = ledger.set_index("claimant")
    assert rows.at[UA_MOD, "contested_by"] == [f"{RU_MOD}: 498 (2022-02-28)"]
    assert rows.at[RU_MOD, "contested_by"] == [f"{UA_MOD}: 5,000 (2022-02-26)"]
    assert rows.at[UA_MOD, "contested_ids"] == [rows.at[RU_MOD, "ledger_id"]]


@pytest.mark.parametrize(("larger", "smaller", "contested"), [
    (1000.0, 1000.0 * (1 - CONTEST_SHARE), False),     # exactly 20% of the larger: not more than
    (1000.0, 799.0, True),                               # just past it
    (1000.0, 801.0, False),
    (100_000.0, 80_000.0, False),
    (100_000.0, 79_999.0, True),
    (800.0, 1000.0, False),                              # the larger, not the first, is the base
    (799.0, 1000.0, True),
])
def test_the_twenty_percent_boundary_both_ways(larger, smaller, contested):
    ledger = ledger_of(claim("a1", "2022-02-01", larger), claim("a2", "2022-02-02", smaller, claimant=RU_MOD))
    assert ledger["contested"].tolist() == [contested, contested]


@pytest.mark.parametrize(("days", "contested"), [(CONTEST_DAYS, True), (CONTEST_DAYS + 1, False), (0, True)])
def test_contested_within_the_same_week_only(days, contested):
    ledger = ledger_of(claim("a1", "2022-02-01", 5000.0), claim("a2", days_after("2022-02-01", days), 498.0, claimant=RU_MOD))
    assert ledger["contested"].tolist() == [contested, contested]


@pytest.mark.parametrize("other", [
    claim("a2", "2022-02-02", 1200.0, claimant=RU_MOD, unit="tanks"),            # troops vs tanks
    claim("a2", "2022-02-02", 1200.0, claimant=RU_MOD, unit="BTGs"),             # troops vs formations
    claim("a2", "2022-02-02", 12.0, claimant=RU_MOD, unit="percent"),            # a share
    claim("a2", "2022-02-02", 498.0, claimant=RU_MOD, flags=["question"]),       # a reporter's question
    claim("a2", "2022-02-02", None, claimant=RU_MOD, low=1000.0, flags=["vague"]),   # "thousands"
    claim("a2", "2022-02-02", 498.0),                                            # the same claimant: a revision
    claim("a2", "2022-02-02", 498.0, claimant=RU_MOD, side="Ukraine"),           # another side
    claim("a2", "2022-02-02", 498.0, claimant=RU_MOD, category="wounded"),       # another category
    claim("a2", "2022-02-02", 498.0, claimant=RU_MOD, flags=["change"]),         # "increased by 498"
    claim("a2", "2022-02-02", 498.0, claimant=RU_MOD, flags=[NEARBY_SIDE_FLAG]),  # a side only named nearby
    claim("a2", "2022-02-02", 498.0, claimant=RU_MOD, location="Poland"),       # another place (below: "Europe")
    claim("a2", None, 498.0, claimant=RU_MOD),                                   # no date
    claim("a2", "2022-02-02", 498.0, claimant=""),                               # nobody
])
def test_what_is_never_contested(other):
    ledger = ledger_of(claim("a1", "2022-02-01", 5000.0, unit="troops", location="Europe"), other)
    assert len(ledger) == 2 and not ledger["contested"].any()


def test_a_question_or_a_vague_count_never_joins_a_pair_that_others_make():
    ledger = ledger_of(claim("a1", "2022-02-01", 5000.0), claim("a2", "2022-02-02", 498.0, claimant=RU_MOD),
                       claim("a3", "2022-02-02", 40.0, claimant="A reporter", flags=["question"]),
                       claim("a4", "2022-02-02", None, claimant="An analyst", low=1000.0, flags=["vague"]))
    contested = ledger.set_index("claimant")["contested"]
    assert contested.to_dict() == {UA_MOD: True, RU_MOD: True, "A reporter": False, "An analyst": False}
    assert all(len(by) == 1 for by in ledger.loc[ledger["contested"], "contested_by"])


# --- unit classes, flags, sources ------------------------------------------------------

def test_every_unit_the_extractor_writes_has_a_class():
    with (REPO / "core" / "data" / "claim_units.csv").open(encoding="utf-8") as handle:
        units = [row[0] for row in csv.reader(line for line in handle if line.strip() and not line.startswith("#"))]
    missing = sorted({unit_key(u) for u in [*units, "percent", "deaths"]} - set(unit_classes()))
    assert missing == []


@pytest.mark.parametrize(("unit", "cls"), [
    ("troops", "personnel"), ("Soldiers", "personnel"), ("deaths", "personnel"), ("casualties", "casualties"),
    ("BTGs", "battalion tactical groups"), ("battalion tactical groups", "battalion tactical groups"),
    ("brigades", "brigades"), ("divisions", "divisions"), ("tanks", "tanks"),
    ("armored vehicles", "armoured vehicles"), ("fighter jets", "aircraft"), ("percent", "percent"),
    ("drones", "drones"), ("UAVs", "drones"), ("lorries", "lorry"), ("", ""),   # an unlisted unit is its own class
])
def test_unit_classes(unit, cls):
    assert unit_class(unit) == cls


def test_a_malformed_class_file_is_named_with_its_line(tmp_path):
    bad = tmp_path / "classes.csv"
    bad.write_text("# unit,class\ntroops,personnel\ntanks\n", encoding="utf-8")
    with pytest.raises(UnitClassError, match=r"classes\.csv, line 3: expected 'unit,class'"):
        unit_classes(bad)


def test_the_unit_classes_are_not_an_extraction_rule(tmp_path):
    """Read after extraction: editing them re-extracts nothing (core.extract.pipeline._NOT_RULES)."""
    from core.extract.model import rules_digest

    data = tmp_path / "data"
    shutil.copytree(REPO / "core" / "data", data)
    before = rules_digest(data)
    with (data / "claim_unit_classes.csv").open("a", encoding="utf-8") as handle:
        handle.write("drone,drones\n")
    assert rules_digest(data) == before


@pytest.mark.parametrize(("cell", "flags"), [
    (["vague", "question"], ["vague", "question"]), (("question",), ["question"]),
    (np.array(["question"], dtype=object), ["question"]), ("vague; question", ["vague", "question"]),
    (None, []), (float("nan"), []), ("", []),
])
def test_flags_from_every_cell_shape(cell, flags):
    assert flag_list(cell) == flags
    assert is_question(cell) == ("question" in flags)


def test_without_questions_drops_only_questions():
    claims = frame("claims", [claim("a1", "2022-02-01", 1.0, flags=["question"]), claim("a2", "2022-02-01", 2.0),
                              claim("a3", "2022-02-01", 3.0, flags=["questionable"])])
    assert without_questions(claims)["article_id"].tolist() == ["a2", "a3"]


def test_sources_of_a_row_are_its_claims():
    claims = frame("claims", [claim("a2", "2022-02-28", 5000.0), claim("a9", "2022-02-01", 7.0), SAME])
    (row,) = build_ledger(claims[claims["article_id"] != "a9"]).to_dict("records")
    assert sources_of(claims, row["spans"])["article_id"].tolist() == ["a1", "a2"]


def test_every_ledger_column_is_described():
    from core.present.export import column_docs

    docs = column_docs()
    assert [column for column in LEDGER_COLUMNS if not docs.get(("ledger", column))] == []
    assert f"{MERGE_DAYS} days" in docs[("ledger", "last_date")]          # the rules as the code has them
    assert f"{CONTEST_DAYS} days" in docs[("ledger", "contested")] and f"{CONTEST_SHARE:.0%}" in docs[("ledger", "contested")]


def test_a_place_on_one_side_only_still_contests():
    ledger = ledger_of(claim("a1", "2022-02-01", 5000.0, location="Kharkiv"), claim("a2", "2022-02-02", 498.0,
                                                                                   claimant=RU_MOD))
    assert ledger["contested"].all()


def test_equipment_losses_are_their_own_category():
    seen = claim("a1", "2022-02-24", 3.0, claimant="President of Ukraine", unit="tanks", category="force_size")
    destroyed = claim("a2", "2022-02-24", 4.0, claimant="Oleksiy Arestovych", unit="tanks", category="force_size",
                      flags=["losses"])
    ledger = ledger_of(seen, destroyed)
    assert not ledger["contested"].any()
    assert set(ledger["category"]) == {"force_size", "losses"}
    assert ledger_of(seen, {**destroyed, "flags": []})["contested"].all()      # without the flag they would be
