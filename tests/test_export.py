"""CSV downloads: lists joined, ISO dates, UTF-8 (optional BOM), formula cells neutralised."""
from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from core.frames import frame
from core.present.export import neutralise_cell, to_csv_bytes


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # formula starters get an apostrophe
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        # ordinary text is left alone, even with a formula character inside
        ("Russia", "Russia"),
        ("130,000 troops", "130,000 troops"),
        ("a = b", "a = b"),
        (" =1", " =1"),
        ("", ""),
        # numbers are numbers, not formulas: negative values stay as they are
        (-5, -5),
        (-2.5, -2.5),
        (None, None),
    ],
)
def test_neutralise_cell(cell, expected):
    assert neutralise_cell(cell) == expected


def test_csv_neutralises_strings_but_not_negative_numbers():
    df = pd.DataFrame({"text": ["=1+1", "-10", "plain"], "number": [-10.0, 3.0, -0.5]})
    rows = _rows(to_csv_bytes(df))
    assert [r["text"] for r in rows] == ["'=1+1", "'-10", "plain"]
    assert [float(r["number"]) for r in rows] == [-10.0, 3.0, -0.5]


@pytest.mark.parametrize(("bom", "prefix"), [(False, b"event_id"), (True, b"\xef\xbb\xbfevent_id")])
def test_bom_only_when_asked(bom, prefix):
    data = to_csv_bytes(frame("events", [{"event_id": "e1"}]), bom=bom)
    assert data.startswith(prefix)


def test_lists_joined_dates_iso_and_utf8():
    events = frame("events", [
        {"event_id": "e1", "date_text": "Zelenskyy spoke in Kyiv — “safe”.", "date_start": "2022-02-13",
         "date_end": None, "actors": ["Volodymyr Zelenskyy", "Joe Biden"], "places": ["Kyiv"]},
        {"event_id": "e2", "date_text": "No date.", "date_start": None, "actors": [], "places": []},
    ])
    data = to_csv_bytes(events)
    rows = _rows(data)
    assert rows[0]["actors"] == "Volodymyr Zelenskyy; Joe Biden"
    assert rows[0]["places"] == "Kyiv"
    assert rows[0]["date_start"] == "2022-02-13"
    assert rows[0]["date_end"] == ""
    assert rows[1]["date_start"] == ""
    assert rows[1]["actors"] == ""
    assert "Zelenskyy spoke in Kyiv — “safe”." in data.decode("utf-8")
    assert list(rows[0]) == list(events.columns)


def test_list_member_starting_with_formula_is_neutralised():
    df = pd.DataFrame({"actors": [["=cmd", "Russia"]]})
    assert _rows(to_csv_bytes(df))[0]["actors"] == "'=cmd; Russia"


def test_empty_frame_gives_header_only():
    data = to_csv_bytes(frame("claims", []))
    assert data.decode("utf-8").strip().split(",")[:3] == ["article_id", "start", "end"]
    assert len(data.decode("utf-8").strip().splitlines()) == 1
