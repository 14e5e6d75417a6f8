"""A figure no document gives a side takes the side other documents give it (core/combine/shared_sides.py)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.combine.shared_sides import SHARE_DAYS, SHARE_FLAG, SHARE_MIN_VALUE, share_sides
from core.records import NEARBY_SIDE_FLAG

DAY = date(2022, 2, 18)


def row(article: str, value: float | None, side: str = "", *, day: date = DAY, unit: str = "troops",
        category: str = "force_size", flags: str = "", high: float | None = None) -> dict:
    return {"article_id": article, "value": value, "low": None, "high": high, "unit": unit, "category": category,
            "side": side, "date": day.isoformat(), "flags": flags}


def sides(rows: list[dict]) -> list[tuple[str, str]]:
    return [(r["side"], r["flags"]) for r in share_sides(rows, {})]


@pytest.mark.parametrize(("others", "expected"), [
    # another document of the week counts the same figure, with a side: taken, and flagged
    ([row("b", 7000, "Russia", day=DAY - timedelta(days=2), high=7000)], ("Russia", f"question; {SHARE_FLAG}")),
    # "soldiers" and "troops" count one class of thing
    ([row("b", 7000, "Russia", unit="soldiers")], ("Russia", f"question; {SHARE_FLAG}")),
    # guards
    ([row("b", 7000, "Russia"), row("c", 7000, "Ukraine")], ("", "question")),      # the others disagree
    ([row("b", 7000, "Russia", day=DAY + timedelta(days=SHARE_DAYS + 1))], ("", "question")),   # another week
    ([row("b", 7000, "Russia", unit="tanks")], ("", "question")),                   # another class of unit
    ([row("b", 7000, "Russia", category="killed")], ("", "question")),             # another category
    ([row("b", 7001, "Russia")], ("", "question")),                                 # another figure
    ([row("a", 7000, "Russia")], ("", "question")),          # the same document: `repeats_share_sides`' job
    ([row("b", 7000, "")], ("", "question")),                                       # nobody gives a side
])
def test_a_figure_takes_the_side_other_documents_agree_on(others, expected):
    assert sides([row("a", 7000, flags="question"), *others])[0] == expected


def test_small_figures_are_not_shared():
    small = SHARE_MIN_VALUE - 1
    assert sides([row("a", small), row("b", small, "Russia")])[0] == ("", "")
    assert sides([row("a", SHARE_MIN_VALUE), row("b", SHARE_MIN_VALUE, "Russia")])[0] == ("Russia", SHARE_FLAG)


def test_a_claim_with_a_side_keeps_it():
    assert sides([row("a", 7000, "Belarus"), row("b", 7000, "Russia")]) == [("Belarus", ""), ("Russia", "")]


def test_a_side_only_named_nearby_gives_way_and_is_never_lent():
    nearby = row("a", 7000, "Ukraine", flags=f"change; {NEARBY_SIDE_FLAG}")
    assert sides([nearby, row("b", 7000, "Russia")])[0] == ("Russia", f"change; {SHARE_FLAG}")
    assert sides([row("a", 7000), nearby | {"article_id": "b"}])[0] == ("", "")      # not lent to another
    assert sides([nearby, row("b", 7000, "")])[0] == ("Ukraine", f"change; {NEARBY_SIDE_FLAG}")   # none to take


def test_an_undated_claim_takes_its_documents_date():
    undated = {**row("a", 7000), "date": None}
    assert share_sides([undated, row("b", 7000, "Russia")], {"a": DAY})[0]["side"] == "Russia"
    assert share_sides([undated, row("b", 7000, "Russia")], {})[0]["side"] == ""     # no date at all: not shared


def test_the_corpus_assembly_shares_sides_across_its_documents():
    """Through `assemble`, as the dashboard reads a corpus: "since the 7,000" takes Russia's side
    and the change flag from "an additional 7,000 Russian troops", so the ledger sets it against
    no total ("130,000 troops") as a contested figure."""
    from core.combine.assemble import assemble
    from core.combine.ledger import build_ledger
    from core.records import Article, ArticleResult, Claim

    texts = {"a": "Russia has 130,000 troops at the border.", "b": "Russia added 7,000 troops.",
             "c": "Since the 7,000, more have come."}
    figure = {"a": "130,000", "b": "7,000", "c": "7,000"}
    said = {"a": ("Russia", "Ben Wallace", ()), "b": ("Russia", "Joe Biden", ("change",)),
            "c": ("", "senior administration official", ())}
    articles = [Article(article_id=k, text=t, published=DAY, source="White House") for k, t in texts.items()]
    results = []
    for k, text in texts.items():
        start = text.index(figure[k])
        side, claimant, flags = said[k]
        results.append(ArticleResult(article_id=k, claims=(Claim(
            start=start, end=start + len(figure[k]), sentence=text, value=float(figure[k].replace(",", "")),
            unit="troops", category="force_size", side=side, claimant=claimant, date=DAY, flags=flags),)))
    claims = assemble(articles, results).claims.set_index("article_id")
    assert claims.loc["c", "side"] == "Russia"
    assert claims.loc["c", "flags"].split("; ") == [SHARE_FLAG, "change"]
    assert not build_ledger(claims.reset_index())["contested"].any()


def test_the_same_count_as_changes_is_a_change():
    """ "the 7,000" after "an additional 7,000 Russian troops": a change too, never a total."""
    changes = [row("b", 7000, "Russia", flags="change"), row("c", 7000, "Russia", flags="unit_carried; change")]
    assert sides([row("a", 7000), *changes])[0] == ("Russia", f"{SHARE_FLAG}; change")
    mixed = [row("b", 7000, "Russia", flags="change"), row("c", 7000, "Russia")]
    assert sides([row("a", 7000), *mixed])[0] == ("Russia", SHARE_FLAG)        # not all changes: a count
