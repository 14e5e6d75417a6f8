"""The ledger of claims: the same claim once, with all its sources, and which
claims are contested (pure pandas; the Claims page and the CLI's `ledger` table).

`build_ledger(claims)` turns the claims frame (`core.frames.CLAIM_COLUMNS`, one
row per figure in a sentence) into one row per claim (`LEDGER_COLUMNS`).

What compares with what. A claim's *unit class* is what its figure counts, read
from `core/data/claim_unit_classes.csv` for its unit once folded
(`core.eval.claims_eval.unit_key`): personnel, casualties, each echelon of formation,
each kind of equipment, percent. A unit the file does not list is its own
class. Figures of different classes never compare: 100,000 troops and 1,200
tanks of Russia's are two claims, never a contested pair.

When two claims are one row. The same claimant, side, category (force_size,
killed, ...) and unit class; the same figure (value, low and high all equal:
"130,000" and "more than 130,000" are two claims); both reporters' questions
or neither (flag "question"); and dated close together: rows are built in
date order, and a claim joins a row when its date is at most `MERGE_DAYS`
after the row's first date, else it starts a new row. A claim with no date
joins only claims with no date of the same article (the same figure repeated in
one text). A row's sources are its claims: their articles and the offsets of
their figures, which the claims frame holds with each sentence.

When a claim is contested. Two rows are a contested pair when their claimants
differ, they are about the same side in the same category and unit class, their
dates are at most `CONTEST_DAYS` apart (the gap between the rows' date spans;
"the same week") and their figures (`value`, the headline figure: the upper
bound of a range) differ by more than `CONTEST_SHARE` of the larger one:
|a - b| > 0.2 x max(a, b), so 1,000 against 800 is not contested and 1,000
against 799 is. A row never makes or joins a contested pair when it is a
reporter's question (flag "question"), has no figure (a vague count such as
"thousands", flag "vague"), is a change rather than a count ("increased by 7,000",
flag "change"), has no date, or has no claimant or no side (nobody
to disagree with, or no telling whose forces), or a side that is only the name
nearest its figure (flag `core.records.NEARBY_SIDE_FLAG`: too weak to set two
claimants against each other). Two rows that each name a place,
and no place in common, count forces in different places ("10,500 troops in
Poland", "100,000 across the continent") and are not contested either. Equipment
destroyed or captured (flag "losses") is its own category, "losses": four tanks
destroyed say nothing against two or three tanks seen at the border. One
claimant's two figures are never contested: that is a revision, and both stay in
the ledger.
"""
from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from core import DATA_DIR
from core.eval.claims_eval import unit_key
from core.frames import LIST_SEPARATOR
from core.records import NEARBY_SIDE_FLAG

UNIT_CLASSES_FILE = DATA_DIR / "claim_unit_classes.csv"

MERGE_DAYS = 3
"""A claim joins a row (the same claim from another source) when its date is at
most this many days after the row's first date: "within a few days"."""

CONTEST_DAYS = 7
"""Two rows can contest each other when at most this many days lie between their
date spans (0 when they overlap): "in the same week"."""

CONTEST_SHARE = 0.20
"""Two figures disagree when they differ by more than this share of the larger."""

QUESTION_FLAG = "question"   # a figure in a reporter's question (core/extract/claims.py flags it)
VAGUE_FLAG = "vague"         # a count with no figure ("thousands of troops")
CHANGE_FLAG = "change"       # an increase or a cut ("increased its troops by 7,000"), not a count
LOSSES_FLAG = "losses"       # equipment destroyed or captured ("destroyed four tanks"; core/extract/claims.py)
LOSSES_CATEGORY = "losses"   # the ledger's category for those: not the size of a force

LEDGER_COLUMNS = [
    "ledger_id", "first_date", "last_date", "claimant", "side", "category", "unit_class", "value", "low",
    "high", "qualifier", "units", "n_sources", "article_ids", "spans", "contested", "contested_by",
    "contested_ids", "flags",
]


class UnitClassError(ValueError):
    """The unit class file is malformed (the message names the file and the line)."""


@lru_cache(maxsize=4)
def unit_classes(path: Path = UNIT_CLASSES_FILE) -> dict[str, str]:
    """Folded unit -> its class, from `path` (lines `unit,class`; `#` starts a comment)."""
    classes: dict[str, str] = {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            row = next(csv.reader([line]))
            if len(row) != 2 or not row[0].strip() or not row[1].strip():
                raise UnitClassError(f"{path}, line {number}: expected 'unit,class', got {line.strip()!r}")
            classes[unit_key(row[0])] = row[1].strip()
    return classes


def unit_class(unit: object) -> str:
    """The class of what `unit` counts ("soldiers" -> "personnel", "BTGs" -> "battalion
    tactical groups"); an unlisted unit is its own class; "" for none."""
    if not isinstance(unit, str) or not unit.strip():
        return ""
    folded = unit_key(unit)
    return unit_classes().get(folded, folded)


def flag_list(cell: object) -> list[str]:
    """A claim's flags as a list, whether the cell holds a list, an array (the store)
    or the joined text of a CSV."""
    if isinstance(cell, (list, tuple, np.ndarray)):
        return [str(flag) for flag in cell]
    if isinstance(cell, str):
        return [flag.strip() for flag in cell.split(LIST_SEPARATOR.strip()) if flag.strip()]
    return []


def is_question(cell: object) -> bool:
    """True when a claim's flags mark it as a figure in a reporter's question."""
    return QUESTION_FLAG in flag_list(cell)


def without_questions(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims that are not figures in a reporter's question."""
    if claims.empty:
        return claims
    return claims[~claims["flags"].map(is_question)]


def span_key(article_id: object, start: float | None, end: float | None) -> str:
    """One source of a ledger row: `ARTICLE_ID:START-END`, the figure's offsets in its article."""
    def part(value: float | None) -> str:
        return "" if value is None or pd.isna(value) else str(int(value))
    return f"{article_id}:{part(start)}-{part(end)}"


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _number(value: object) -> float | None:
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else float(number)


def _prepared(claims: pd.DataFrame) -> list[dict[str, Any]]:
    """The claims as records with what the rules read, in date order (undated last)."""
    def numbers(column: str) -> list[float | None]:
        values = pd.to_numeric(claims[column], errors="coerce").astype(float)
        return [None if pd.isna(v) else float(v) for v in values]

    def texts(column: str) -> list[str]:
        return [_text(v) for v in claims[column]]

    days = pd.to_datetime(claims["date"], errors="coerce").dt.normalize()
    units = texts("unit")
    flags = [flag_list(cell) for cell in claims["flags"]]
    categories = [LOSSES_CATEGORY if LOSSES_FLAG in f and c == "force_size" else c
                  for c, f in zip(texts("category"), flags)]
    classes = {unit: unit_class(unit) for unit in set(units)}
    columns = zip(claims["article_id"].astype(str), claims["start"], claims["end"], texts("claimant"),
                  texts("side"), categories, units, numbers("value"), numbers("low"), numbers("high"),
                  texts("qualifier"), days, flags, texts("location"))
    records = [
        {"position": position, "article_id": article, "start": start, "end": end, "claimant": claimant,
         "side": side, "category": category, "unit": unit, "unit_class": classes[unit], "value": value,
         "low": low, "high": high, "qualifier": qualifier, "date": None if pd.isna(day) else day,
         "flags": flag_list(flags), "location": location}
        for position, (article, start, end, claimant, side, category, unit, value, low, high, qualifier, day, flags,
                       location) in enumerate(columns)
    ]
    def order(record: dict[str, Any]) -> tuple:
        start = _number(record["start"])
        return (record["date"] is None, record["date"] or pd.Timestamp.min, record["article_id"],
                -1 if start is None else start, record["position"])

    return sorted(records, key=order)


def _merge_key(record: dict[str, Any]) -> tuple:
    """What must be equal for two claims to be one row (the dates aside)."""
    return (record["claimant"], record["side"], record["category"], record["unit_class"], record["value"],
            record["low"], record["high"], QUESTION_FLAG in record["flags"],
            None if record["date"] is not None else record["article_id"])


def _groups(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Claims merged into rows: same merge key, dated within MERGE_DAYS of the row's first claim."""
    open_rows: dict[tuple, list[dict[str, Any]]] = {}
    groups: list[list[dict[str, Any]]] = []
    window = pd.Timedelta(days=MERGE_DAYS)
    for record in records:
        key = _merge_key(record)
        row = open_rows.get(key)
        if row is not None and (record["date"] is None or record["date"] - row[0]["date"] <= window):
            row.append(record)
            continue
        row = [record]
        open_rows[key] = row
        groups.append(row)
    return groups


def _ledger_id(first: dict[str, Any]) -> str:
    """Stable while the row's first claim stays: from that claim and what the row is about."""
    basis = "|".join([first["claimant"], first["side"], first["category"], first["unit_class"],
                      span_key(first["article_id"], first["start"], first["end"])])
    return "L" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def _row(group: list[dict[str, Any]]) -> dict[str, Any]:
    first = group[0]
    dates = [r["date"] for r in group if r["date"] is not None]
    return {
        "ledger_id": _ledger_id(first),
        "first_date": min(dates) if dates else pd.NaT, "last_date": max(dates) if dates else pd.NaT,
        "claimant": first["claimant"], "side": first["side"], "category": first["category"],
        "unit_class": first["unit_class"], "value": first["value"], "low": first["low"], "high": first["high"],
        "qualifier": first["qualifier"], "units": list(dict.fromkeys(r["unit"] for r in group if r["unit"])),
        "n_sources": len({r["article_id"] for r in group}),
        "article_ids": list(dict.fromkeys(r["article_id"] for r in group)),
        "spans": [span_key(r["article_id"], r["start"], r["end"]) for r in group],
        "contested": False, "contested_by": [], "contested_ids": [],
        "flags": list(dict.fromkeys(flag for r in group for flag in r["flags"])),
        "_places": {r["location"].lower() for r in group if r["location"]},
    }


def can_contest(row: dict[str, Any]) -> bool:
    """Whether a ledger row may make a contested pair at all (see the module's rules)."""
    return (row["value"] is not None and not pd.isna(row["value"]) and not pd.isna(row["first_date"])
            and bool(row["claimant"]) and bool(row["side"]) and QUESTION_FLAG not in row["flags"]
            and VAGUE_FLAG not in row["flags"] and CHANGE_FLAG not in row["flags"]
            and NEARBY_SIDE_FLAG not in row["flags"])


def figures_disagree(a: float, b: float) -> bool:
    """True when `a` and `b` differ by more than CONTEST_SHARE of the larger."""
    return abs(a - b) > CONTEST_SHARE * max(abs(a), abs(b))


def _days_apart(a: dict[str, Any], b: dict[str, Any]) -> int:
    """Days between two rows' date spans (0 when they overlap)."""
    return max(b["_first"] - a["_last"], a["_first"] - b["_last"], 0)


def _figure_text(row: dict[str, Any]) -> str:
    return f"{row['claimant']}: {row['value']:,.0f} ({row['first_date']:%Y-%m-%d})"


def _mark_contested(rows: list[dict[str, Any]]) -> None:
    by_subject: dict[tuple, list[dict[str, Any]]] = {}
    for row in rows:
        if can_contest(row):
            row.update(_first=row["first_date"].toordinal(), _last=row["last_date"].toordinal(),
                       _text=_figure_text(row))
            by_subject.setdefault((row["side"], row["category"], row["unit_class"]), []).append(row)
    for subject in by_subject.values():
        subject.sort(key=lambda r: r["_first"])
        for i, a in enumerate(subject):
            for b in subject[i + 1:]:
                if _days_apart(a, b) > CONTEST_DAYS:
                    break      # sorted by first date: every later row is further still
                if a["_places"] and b["_places"] and a["_places"].isdisjoint(b["_places"]):
                    continue   # "10,500 troops in Poland" against "100,000 across the continent"
                if a["claimant"] != b["claimant"] and figures_disagree(a["value"], b["value"]):
                    for one, other in ((a, b), (b, a)):
                        one["contested"] = True
                        one["contested_by"].append(other["_text"])
                        one["contested_ids"].append(other["ledger_id"])


def build_ledger(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per claim with all its sources, and whether it is contested
    (`LEDGER_COLUMNS`; the rules are in this module's docstring). Rows in date
    order (undated last), then by side, category, unit class and claimant."""
    rows = [_row(group) for group in _groups(_prepared(claims))] if len(claims) else []
    _mark_contested(rows)
    ledger = pd.DataFrame(rows, columns=LEDGER_COLUMNS)
    for column in ("first_date", "last_date"):
        ledger[column] = pd.to_datetime(ledger[column], errors="coerce")
    for column in ("value", "low", "high"):
        ledger[column] = pd.to_numeric(ledger[column], errors="coerce").astype(float)
    ledger["n_sources"] = ledger["n_sources"].astype("Int64")
    ledger["contested"] = ledger["contested"].astype(bool)
    ledger = ledger.sort_values(["first_date", "side", "category", "unit_class", "claimant", "ledger_id"],
                                na_position="last", kind="stable")
    return ledger.reset_index(drop=True)


def sources_of(claims: pd.DataFrame, spans: Iterable[str]) -> pd.DataFrame:
    """The claims (rows of the claims frame) that are the sources `spans` of a ledger
    row, in the row's order."""
    order = {key: i for i, key in enumerate(spans)}
    keys = pd.Series([span_key(a, s, e) for a, s, e in zip(claims["article_id"], claims["start"], claims["end"])],
                     index=claims.index, dtype=object)
    rank = keys.map(order)
    found = claims[rank.notna()]
    return found.iloc[np.argsort(rank[rank.notna()].to_numpy(), kind="stable")]


def with_ledger(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """An export's tables: `tables`, then the ledger built from their claims (as the CLI
    writes it after the frames); `tables` itself when it holds no claims."""
    if "claims" not in tables:
        return tables
    return {**tables, "ledger": build_ledger(tables["claims"])}
