"""The TimeML reader, the TempEval-3 scorer and the TempEval-3 bench.

The .tml files in tests/data/tml and the strings below are hand-written:
no TempEval data is used. Bench run on them:
    .venv/bin/python -m bench.tempeval3 --data tests/data/tml
"""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from core.eval.tempeval import Counts, count_document, prf, relaxed_matching, score, score_corpus
from core.eval.timeml import GoldTimex, parse_dct, parse_timeml, read_timeml, tml_files

REPO = Path(__file__).resolve().parents[1]
TML_DIR = REPO / "tests" / "data" / "tml"


def tml(text_body: str, *, dct: str = '<DCT><TIMEX3 tid="t0" type="DATE" value="2022-02-13" '
                                     'functionInDocument="CREATION_TIME">2022-02-13</TIMEX3></DCT>') -> str:
    return f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>d1</DOCID>\n{dct}\n<TEXT>{text_body}</TEXT>\n</TimeML>\n'


def t(start: int, end: int, value: str = "2022-02-13", type_: str = "DATE") -> GoldTimex:
    return GoldTimex(start=start, end=end, text="", type=type_, value=value)


# ---------------------------------------------------------------- reader: files

@pytest.mark.parametrize("name, doc_id, dct, dct_value, expected", [
    ("crisis_talks.tml", "crisis_talks", date(2022, 2, 13), "2022-02-13", [
        ("Friday", "DATE", "2022-02-11"),
        ("three hours", "DURATION", "PT3H"),
        ("Monday", "DATE", "2022-02-14"),
    ]),
    # DCT with a clock time; a numeric entity before the first timex; an empty
    # (non-consuming) TIMEX3 t4 that is not a gold timex.
    ("evacuation_update.tml", "evacuation_update", date(2022, 3, 5), "2022-03-05T09:30", [
        ("8am", "TIME", "2022-03-05T08:00"),
        ("every day", "SET", "P1D"),
        ("1 March 2022", "DATE", "2022-03-01"),
        ("the coming days", "DATE", "FUTURE_REF"),
    ]),
])
def test_reader_on_files(name, doc_id, dct, dct_value, expected):
    doc = read_timeml(TML_DIR / name)
    assert (doc.doc_id, doc.dct, doc.dct_value) == (doc_id, dct, dct_value)
    assert [(x.text, x.type, x.value) for x in doc.timexes] == expected
    assert all(doc.text[x.start:x.end] == x.text for x in doc.timexes)
    assert "<" not in doc.text.replace("<from Lviv>", "")  # tags gone, escaped brackets kept


def test_reader_strips_tags_keeps_only_text_element():
    doc = read_timeml(TML_DIR / "crisis_talks.tml")
    assert doc.text == ('\nMinisters from the UK & France met on Friday in Moscow.\n'
                        'The "deterrence" talks lasted three hours, and a second round is planned for Monday.\n')
    assert "troops" not in doc.text and "2022-02-13" not in doc.text  # TITLE and DCT are outside TEXT
    assert [x.tid for x in doc.timexes] == ["t1", "t2", "t3"]


def test_tml_files_lists_sorted_and_tolerates_missing_folder(tmp_path):
    assert [p.name for p in tml_files(TML_DIR)] == ["crisis_talks.tml", "evacuation_update.tml"]
    assert tml_files(tmp_path / "absent") == []


# ---------------------------------------------------------------- reader: entities and offsets

@pytest.mark.parametrize("body, plain, timex_text, start", [
    # named entities before the timex shrink to one character each
    ('UK &amp; France met <TIMEX3 tid="t1" type="DATE" value="2022-02-11">Friday</TIMEX3>.',
     "UK & France met Friday.", "Friday", 16),
    ('&quot;Soon&quot; &lt;b&gt; <TIMEX3 tid="t1" type="DATE" value="2022-02-11">Friday</TIMEX3>',
     '"Soon" <b> Friday', "Friday", 11),
    # numeric character references
    ('Britain&#8217;s &#x2014; <TIMEX3 tid="t1" type="DATE" value="2022-02-11">Friday</TIMEX3>',
     "Britain\u2019s \u2014 Friday", "Friday", 12),
    # an entity inside the timex itself
    ('Talks <TIMEX3 tid="t1" type="DATE" value="2022-02">Feb &amp; Mar</TIMEX3> end.',
     "Talks Feb & Mar end.", "Feb & Mar", 6),
    # EVENT and SIGNAL tags vanish without leaving characters
    (('<EVENT eid="e1" class="OCCURRENCE">met</EVENT> <SIGNAL sid="s1">on</SIGNAL> '
      '<TIMEX3 tid="t1" type="DATE" value="2022-02-11">Friday</TIMEX3>'), "met on Friday", "Friday", 7),
])
def test_entity_offsets(body, plain, timex_text, start):
    doc = parse_timeml(tml(body))
    assert doc.text == plain
    (timex,) = doc.timexes
    assert (timex.text, timex.start, timex.end) == (timex_text, start, start + len(timex_text))
    assert doc.text[timex.start:timex.end] == timex_text


def test_empty_timex_is_not_gold_and_takes_no_space():
    doc = parse_timeml(tml('on <TIMEX3 tid="t1" type="DATE" value="2022-03-01">1 March</TIMEX3>'
                           '<TIMEX3 tid="t2" type="DURATION" value="P4D" beginPoint="t1" endPoint="t0"/> and'))
    assert doc.text == "on 1 March and"
    assert [x.tid for x in doc.timexes] == ["t1"]


# ---------------------------------------------------------------- reader: DCT

@pytest.mark.parametrize("value, expected", [
    ("1998-01-08", date(1998, 1, 8)),
    ("1998-01-08T18:30:00", date(1998, 1, 8)),
    ("19980108", date(1998, 1, 8)),
    (" 2022-02-13 ", date(2022, 2, 13)),
    # no calendar day to take
    ("", None),
    ("PRESENT_REF", None),
    ("1998-W02", None),
    ("1998-02", None),
    ("1998-02-30", None),
])
def test_parse_dct(value, expected):
    assert parse_dct(value) == expected


def test_dct_found_by_function_when_there_is_no_dct_element():
    markup = ('<TimeML><TIMEX3 tid="t0" type="DATE" value="2001-09-11" functionInDocument="CREATION_TIME">'
              'x</TIMEX3><TEXT>Today.</TEXT></TimeML>')
    doc = parse_timeml(markup, name="fallback")
    assert (doc.doc_id, doc.dct, doc.timexes) == ("fallback", date(2001, 9, 11), ())


def test_missing_dct_gives_none():
    assert parse_timeml(tml("No date here.", dct="")).dct is None


@pytest.mark.parametrize("markup", [
    "<TimeML><TEXT>Friday</TimeML>",                 # not well-formed
    "<TimeML><DOCID>x</DOCID></TimeML>",             # no TEXT
    "<TimeML><TEXT>AT&T on Friday</TEXT></TimeML>",  # a bare ampersand
])
def test_bad_markup_raises_value_error(markup):
    with pytest.raises(ValueError):
        parse_timeml(markup, name="bad.tml")


# ---------------------------------------------------------------- scorer: counting

@pytest.mark.parametrize("gold, system, expected", [
    # exact extent and equal attributes: everything matches
    ([t(0, 6)], [t(0, 6)], Counts(gold=1, system=1, strict=1, relaxed=1, type=1, value=1)),
    # strict vs relaxed: "Friday" against "Friday morning"
    ([t(0, 6)], [t(0, 14)], Counts(gold=1, system=1, strict=0, relaxed=1, type=1, value=1)),
    # a one-character overlap is enough for relaxed
    ([t(0, 6)], [t(5, 9)], Counts(gold=1, system=1, strict=0, relaxed=1, type=1, value=1)),
    # touching extents do not overlap
    ([t(0, 6)], [t(6, 9)], Counts(gold=1, system=1)),
    # disjoint
    ([t(0, 6)], [t(20, 26)], Counts(gold=1, system=1)),
    # an empty system span inside a gold one matches nothing
    ([t(0, 6)], [t(3, 3)], Counts(gold=1, system=1)),
    # nothing found / nothing to find
    ([t(0, 6)], [], Counts(gold=1)),
    ([], [t(0, 6)], Counts(system=1)),
    ([], [], Counts()),
    # attributes: value wrong, type right; both wrong; surrounding spaces ignored
    ([t(0, 6, "2022-02-11")], [t(0, 6, "2022-02-18")], Counts(gold=1, system=1, strict=1, relaxed=1, type=1)),
    ([t(0, 6, "P3D", "DURATION")], [t(0, 6, "2022-02-11")], Counts(gold=1, system=1, strict=1, relaxed=1)),
    ([t(0, 6, " PT3H ", "DURATION")], [t(0, 6, "PT3H", "DURATION")],
     Counts(gold=1, system=1, strict=1, relaxed=1, type=1, value=1)),
    # case matters in values
    ([t(0, 6, "PT3H", "DURATION")], [t(0, 6, "pt3h", "DURATION")],
     Counts(gold=1, system=1, strict=1, relaxed=1, type=1)),
])
def test_count_document(gold, system, expected):
    assert count_document(gold, system) == expected


@pytest.mark.parametrize("gold, system, expected", [
    # one-to-one: one system span over two gold ones ("Friday and Saturday")
    ([t(0, 6), t(11, 19)], [t(0, 19)], Counts(gold=2, system=1, relaxed=1, type=1, value=1)),
    # one-to-one: two system spans inside one gold one ("Friday morning")
    ([t(0, 14)], [t(0, 6), t(7, 14)], Counts(gold=1, system=2, relaxed=1, type=1, value=1)),
    # the same extent proposed twice counts once, the copy is a false positive
    ([t(0, 6)], [t(0, 6), t(0, 6)], Counts(gold=1, system=2, strict=1, relaxed=1, type=1, value=1)),
    ([t(0, 6), t(0, 6)], [t(0, 6)], Counts(gold=2, system=1, strict=1, relaxed=1, type=1, value=1)),
    # maximum matching: a greedy pass would pair X with A and leave Y unmatched
    # gold A=[0,10) B=[12,20); system X=[5,15) overlaps both, Y=[0,3) only A
    ([t(0, 10), t(12, 20)], [t(5, 15), t(0, 3)], Counts(gold=2, system=2, relaxed=2, type=2, value=2)),
])
def test_one_to_one_matching(gold, system, expected):
    assert count_document(gold, system) == expected


def test_matching_prefers_the_same_extent_then_the_larger_overlap():
    gold = [t(10, 20, "A")]
    assert relaxed_matching(gold, [t(12, 25, "B"), t(10, 20, "A")]) == [(0, 1)]
    assert relaxed_matching(gold, [t(18, 30, "B"), t(5, 19, "A")]) == [(0, 1)]
    assert count_document(gold, [t(12, 25, "B"), t(10, 20, "A")]).value == 1


# ---------------------------------------------------------------- scorer: measures

def test_scores_follow_the_definitions():
    # G=4 gold, S=5 system, K=2 strict, M=3 relaxed, type 3, value 2
    scores = score(Counts(gold=4, system=5, strict=2, relaxed=3, type=3, value=2))
    assert scores.strict.precision == pytest.approx(2 / 5)
    assert scores.strict.recall == pytest.approx(2 / 4)
    assert scores.strict.f1 == pytest.approx(2 * 2 / (4 + 5))
    assert (scores.relaxed.precision, scores.relaxed.recall) == pytest.approx((3 / 5, 3 / 4))
    assert scores.relaxed.f1 == pytest.approx(6 / 9)
    assert scores.value.f1 == pytest.approx(4 / 9)
    assert scores.value_accuracy == pytest.approx(2 / 3)
    assert scores.type_accuracy == pytest.approx(1.0)
    # the official script's "relaxed F1 x accuracy" is the same number
    assert scores.value.f1 == pytest.approx(scores.relaxed.f1 * scores.value_accuracy)
    assert scores.type.f1 == pytest.approx(scores.relaxed.f1 * scores.type_accuracy)


@pytest.mark.parametrize("tp, system, gold, expected", [
    (0, 0, 0, (0.0, 0.0, 0.0)),
    (0, 3, 0, (0.0, 0.0, 0.0)),
    (0, 0, 3, (0.0, 0.0, 0.0)),
    (1, 1, 1, (1.0, 1.0, 1.0)),
    (1, 2, 1, (0.5, 1.0, pytest.approx(2 / 3))),
])
def test_prf_zero_denominators_are_zero(tp, system, gold, expected):
    result = prf(tp, system=system, gold=gold)
    assert (result.precision, result.recall, result.f1) == expected


def test_score_corpus_sums_counts_before_dividing():
    # doc 1: 1 of 1 found; doc 2: 0 of 3 found, 1 false positive
    scores = score_corpus([([t(0, 6)], [t(0, 6)]), ([t(0, 5), t(10, 15), t(20, 25)], [t(30, 35)])])
    assert scores.counts == Counts(gold=4, system=2, strict=1, relaxed=1, type=1, value=1)
    assert (scores.relaxed.precision, scores.relaxed.recall) == pytest.approx((1 / 2, 1 / 4))


def test_gold_against_itself_scores_one_on_every_file():
    docs = [read_timeml(path) for path in tml_files(TML_DIR)]
    scores = score_corpus((d.timexes, d.timexes) for d in docs)
    assert scores.to_dict()["value_f1"] == scores.strict.f1 == scores.type.f1 == 1.0


def test_system_timex_records_are_scored_like_gold_ones():
    from core.records import Timex

    system = [Timex(start=39, end=45, text="Friday", type="DATE", value="2022-02-11")]
    counts = count_document(read_timeml(TML_DIR / "crisis_talks.tml").timexes, system)
    assert counts == Counts(gold=3, system=1, strict=1, relaxed=1, type=1, value=1)


# ---------------------------------------------------------------- bench

def run_bench(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bench.tempeval3", *args], capture_output=True, text=True,
                          timeout=300, cwd=REPO, check=False)


@pytest.mark.parametrize("folder", ["empty", "absent"])
def test_bench_skips_without_data(tmp_path, folder):
    data = tmp_path / folder
    if folder == "empty":
        data.mkdir()
        (data / "notes.txt").write_text("not TimeML", encoding="utf-8")
    result = run_bench("--data", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("skipped: no TempEval-3 data at")
    assert str(data) in result.stdout


@pytest.mark.model
def test_bench_prints_both_rows_on_tiny_data():
    result = run_bench("--data", str(TML_DIR))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("TempEval-3 Task A (timexes): 2 documents, 7 gold timexes")
    rows = {line.split("|")[0].strip(): line for line in lines if "|" in line}
    assert {"ours", "dateparser"} <= set(rows)
    for name in ("ours", "dateparser"):
        cells = rows[name].split("|")
        assert len(cells) == 6, rows[name]
        numbers = [float(x) for cell in cells[1:] for x in cell.split()]
        assert len(numbers) == 9 and all(0.0 <= x <= 1.0 for x in numbers[:8]) and numbers[8] > 0
    assert any(line.startswith("docs/s ratio ours/dateparser:") for line in lines)


@pytest.mark.model
def test_bench_limit_reads_only_the_first_files():
    result = run_bench("--data", str(TML_DIR), "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert "1 document, 3 gold timexes" in result.stdout
