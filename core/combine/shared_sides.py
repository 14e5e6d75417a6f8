"""A figure no document gives a side takes the side other documents give the same figure.

A briefing asks "has it been 24 hours since the 7,000?" and names nobody's troops; two
statements of the same week count "as many as 7,000 additional Russian troops". A claim
with no side takes a side when, within `SHARE_DAYS` of it, other documents state the same
headline figure (`value`: "the 7,000" and "as many as 7,000" count the same forces, whatever
bounds the wording gives) of the same category and unit class
(`core.combine.ledger.unit_class`), and every one of them that gives a side gives the same
one. Small figures repeat by chance ("two tanks" in two reports are seldom the same two),
so only figures of at least `SHARE_MIN_VALUE` are shared. The claim gets the flag
`SHARE_FLAG`, so a reader can tell a side read from its own text from one borrowed. A side
that is only the name nearest the figure (flag `core.records.NEARBY_SIDE_FLAG`) counts as none
here: other documents' agreed side replaces it, and it is never lent to them. It is
the same count as theirs, so when every one of them is a change ("an additional 7,000",
flag `core.combine.ledger.CHANGE_FLAG`), it is one too: "the 7,000" then never stands
against a total of 130,000 troops as a contested figure.

Runs on the claim rows of a whole corpus (`core.combine.assemble`): the side a figure
takes depends on the other documents the corpus holds, as its ledger rows do.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from core.combine.ledger import CHANGE_FLAG, flag_list, unit_class
from core.frames import LIST_SEPARATOR
from core.records import NEARBY_SIDE_FLAG

SHARE_DAYS = 7
"""How many days apart two documents may state a figure and still be counting the same
forces: "the same week", as for contested claims (`core.combine.ledger.CONTEST_DAYS`)."""

SHARE_MIN_VALUE = 1_000
"""The smallest figure shared across documents: counts in the thousands are seldom
repeated by chance within a week; "two tanks" or "40 servicemen" often are."""

SHARE_FLAG = "side_from_other_document"


def _key(row: Mapping[str, Any]) -> tuple:
    return (row.get("value"), row.get("category"), unit_class(row.get("unit")))


def _day(row: Mapping[str, Any], published: Mapping[str, date | None]) -> date | None:
    """The claim's date, else its document's publication date."""
    stated = row.get("date")
    if isinstance(stated, str) and stated:
        return date.fromisoformat(stated[:10])
    return published.get(row.get("article_id", ""))


def share_sides(rows: Sequence[dict[str, Any]], published: Mapping[str, date | None]) -> list[dict[str, Any]]:
    """`rows` (claim rows with `article_id`, `value`, `category`, `unit`,
    `side`, `date` and `flags` joined by "; "), each row with no side given the one other
    documents agree on (see the module's docstring); the others as they are.
    `published`: article id -> its publication date."""
    def read(row: Mapping[str, Any]) -> bool:
        return bool(row.get("side")) and NEARBY_SIDE_FLAG not in flag_list(row.get("flags"))

    sided: dict[tuple, list[tuple[str, date | None, str, bool]]] = defaultdict(list)
    for row in rows:
        value = row.get("value")
        if read(row) and isinstance(value, (int, float)) and value >= SHARE_MIN_VALUE:
            sided[_key(row)].append((row["article_id"], _day(row, published), row["side"],
                                     CHANGE_FLAG in flag_list(row.get("flags"))))
    out = []
    for row in rows:
        if not read(row) and _key(row) in sided:
            day = _day(row, published)
            others = [(side, change) for article, other_day, side, change in sided[_key(row)]
                      if article != row.get("article_id") and day is not None and other_day is not None
                      and abs((other_day - day).days) <= SHARE_DAYS]
            if len({side for side, _ in others}) == 1:
                flags = [f for f in flag_list(row.get("flags")) if f != NEARBY_SIDE_FLAG] + [SHARE_FLAG]
                if all(change for _, change in others) and CHANGE_FLAG not in flags:
                    flags.append(CHANGE_FLAG)
                row = {**row, "side": others[0][0], "flags": LIST_SEPARATOR.join(flags)}
        out.append(row)
    return out
