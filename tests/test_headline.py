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


# A live blog: each entry opens with a time stamp and a heading; an entry heading's figure that
# its entry repeats counts once, and the stamp is no part of a claimant or a figure.
LIVE_BLOG = ("Border clashes: live updates\n"
             "16:40 GMT - Army says 40 militants killed near the pass\n"
             "The army said its units killed 40 militants overnight in the mountains.\n"
             "15:05 - Rebels say 12 soldiers captured\n"
             "A rebel commander told reporters his fighters had captured 12 soldiers on the road.\n"
             "14:30 - Ministry says 300 reservists called up\n"
             "Volunteers queued outside the recruiting office in the capital.\n")


@pytest.mark.parametrize(("text", "expected"), [
    (LIVE_BLOG, ["16:40 GMT - Army says 40 militants killed near the pass",
                 "15:05 - Rebels say 12 soldiers captured", "14:30 - Ministry says 300 reservists called up"]),
    ("At 16:40 - the time of the attack - 40 militants were killed.\n", []),         # guard: not at a line's start
    ("The vote was 16:40 in favour.\nMore text.\n", []),                              # guard: no dash after it
])
def test_an_entry_heading_opens_a_line_with_a_time_and_a_dash(text, expected):
    from core.read.ingest import entry_headings

    assert [text[start:end] for start, end, _ in entry_headings(text)] == expected


def test_an_entry_heading_figure_its_entry_repeats_counts_once(nlp):
    found = [(c.value, c.unit, c.claimant, c.start) for c in iter_claims(nlp(LIVE_BLOG), published=date(2024, 5, 6))]
    under_first = LIVE_BLOG.index("The army said")
    assert [(value, unit) for value, unit, _, _ in found] == [(40, "militants"), (12, "soldiers"), (300, "reservists")]
    assert found[0][3] > under_first                          # the entry's claim is the one kept
    assert found[2][2] == "Ministry"                          # not repeated: kept, without its time stamp


@pytest.mark.parametrize(("text", "absent", "present"), [
    ("11:20 - Syrian army reports heavy losses in the north\n", [11, 20], []),
    ("At 14:05 troops crossed the river.\n", [14, 5], []),
    ("Total combat losses of the enemy from 24.02.22 to 15.03.25 personnel are estimated at about 895,300 "
     "persons.\n", [24.02, 15.03, 22, 25], []),
    ("The two sides lost 1.5 thousand troops.\n", [], [1500]),                      # guard: a decimal
    ("Officials said 14 soldiers were killed at 5 a.m.\n", [], [14]),                # guard
])
def test_a_clock_time_or_a_dotted_date_is_no_figure(nlp, text, absent, present):
    values = [c.value for c in iter_claims(nlp(text), published=date(2024, 5, 6))]
    assert not set(values) & set(absent) and set(present) <= set(values)


def test_a_time_stamp_is_no_part_of_the_claimant(nlp):
    text = "09:12 GMT - Navy says 300 sailors reached the port\nThe port was calm.\n"
    assert [(c.value, c.claimant) for c in iter_claims(nlp(text), published=date(2024, 5, 6))] == [(300, "Navy")]
