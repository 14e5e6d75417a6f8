"""A figure stated in the headline and again in the body counts once (issue 16, item 3)."""
from __future__ import annotations

from datetime import date

import pytest

from core.extract.claims import iter_claims
from core.read.ingest import headline, headline_span

HEADLINE = "Russia masses 100,000 troops near Ukraine's border"
BODY = ("Russia has massed 100,000 troops near the border with Ukraine, the Pentagon said on Sunday. "
        "Kyiv said 5,000 soldiers were ready to defend the capital.\n")


@pytest.mark.parametrize(("text", "expected"), [
    (f"{HEADLINE}\n\n{BODY}", HEADLINE),
    (f"\n  {HEADLINE}\r\n{BODY}", HEADLINE),
    (BODY, ""),                                              # one paragraph: no headline
    ("Russia has massed troops near the border.\nMore text.", ""),  # a sentence, not a headline
    (f"{HEADLINE}\n", ""),                                   # nothing after it
    (" ".join(["word"] * 40) + "\n\nBody.", ""),             # too long for a headline
])
def test_headline_is_a_short_first_line_with_text_after_it(text, expected):
    assert headline(text) == expected
    start, end = headline_span(text)
    assert text[start:end].strip() == expected


def claims_of(nlp, text):
    return [(c.value, c.unit, c.start >= len(HEADLINE)) for c in iter_claims(nlp(text), published=date(2022, 2, 13))]


def test_a_headline_figure_repeated_in_the_body_counts_once(nlp):
    found = claims_of(nlp, f"{HEADLINE}\n\n{BODY}")
    assert [(value, unit) for value, unit, _ in found] == [(100_000, "troops"), (5_000, "soldiers")]
    assert all(in_body for _, _, in_body in found)          # the body's claim is the one kept


def test_a_headline_figure_the_body_does_not_repeat_is_kept(nlp):
    found = claims_of(nlp, f"{HEADLINE}\n\nKyiv said 5,000 soldiers were ready to defend the capital.\n")
    assert [(value, unit) for value, unit, _ in found] == [(100_000, "troops"), (5_000, "soldiers")]


def test_the_same_figure_twice_in_the_body_is_not_touched(nlp):
    body = BODY + "Officials repeated that 100,000 troops were near the border.\n"
    found = claims_of(nlp, f"{HEADLINE}\n\n{body}")
    assert [value for value, _, _ in found].count(100_000) == 2
