"""bench/concurrency.py's own pieces, without a browser: its arguments, its
summary, its check of a downloaded CSV and of the server log, and that the
table headers it expects are the pages' tables. (Its timings are printed by
the script, never asserted.)"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from bench import concurrency
from bench.concurrency import (
    CLAIMS_HEADER,
    EVENTS_HEADER,
    actor_for,
    check_csv,
    latency_summary,
    parse_args,
    server_errors,
)
from core.frames import LIST_SEPARATOR
from core.present.export import to_csv_bytes

REPO = Path(__file__).resolve().parents[1]

GOOD = ("date_start,date_end,label,event_type,modality,precision,date_text,date_source,actors,places,n_articles,"
        "n_sides,sides,sources,first_reported,lag_days,n_mentions,sentence,event_id,article_id\n"
        "2022-02-13,,Russia – Ukraine call,call,asserted,day,Sunday,relative,Russia; Ukraine,Kyiv,1,1,Russia,"
        "Kremlin,2022-02-14,1,1,Russia said.,e1,a1\n"
        "2022-02-14,,Ukraine warning,warn,asserted,day,Monday,relative,Ukraine,,1,1,Ukraine,President,2022-02-14,0,"
        "1,Ukraine said.,e2,a1\n").encode()


def test_defaults_are_ten_sessions_on_the_seed_corpus():
    args = parse_args([])
    assert (args.sessions, args.rounds, args.cold, args.claims, args.work) == (10, 3, False, True, None)
    assert args.corpus == REPO / "seeds"
    args = parse_args(["--sessions", "4", "--rounds", "1", "--cold", "--no-claims", "--work", "/tmp/x"])
    assert (args.sessions, args.rounds, args.cold, args.claims, args.work) == (4, 1, True, False, Path("/tmp/x"))
    with pytest.raises(SystemExit):
        parse_args(["--sessions", "0"])


def test_summary_is_count_median_and_worst():
    assert latency_summary([3.0, 1.0, 2.0, 10.0]) == (4, 2.5, 10.0)
    assert latency_summary([0.5]) == (1, 0.5, 0.5)
    count, median, worst = latency_summary([])
    assert count == 0 and math.isnan(median) and math.isnan(worst)


def test_a_good_csv_passes_with_its_row_count_and_actor():
    assert check_csv(GOOD, EVENTS_HEADER, rows=2, actor="Ukraine") == []
    assert check_csv(b"\xef\xbb\xbf" + GOOD, EVENTS_HEADER, rows=2) == []      # the Excel option's BOM


@pytest.mark.parametrize("body", [b"", b"  \n", b"<!doctype html><html><body>404: Not Found</body></html>",
                                  b"\n<html><head></head></html>"])
def test_an_empty_or_html_body_is_refused(body):
    assert check_csv(body, EVENTS_HEADER)


def test_wrong_header_row_count_or_actor_is_refused():
    assert any("header" in p for p in check_csv(GOOD, CLAIMS_HEADER))
    assert any("rows" in p for p in check_csv(GOOD, EVENTS_HEADER, rows=3))
    # "Russia" names one row; a prefix of a name is not the name
    assert any("do not name" in p for p in check_csv(GOOD, EVENTS_HEADER, actor="Russia"))
    assert any("do not name" in p for p in check_csv(GOOD, EVENTS_HEADER, actor="Ukr"))
    assert check_csv(b"\xff\xfe", EVENTS_HEADER)                                 # not UTF-8


def test_the_app_export_of_the_page_tables_passes():
    """What core.present.export writes for the Timeline's table is what check_csv accepts."""
    from core.frames import frame
    from ui.selection import events_table

    events = frame("events", [{"event_id": "e1", "date_start": "2022-02-13", "date_text": "Sunday",
                               "date_source": "explicit", "event_type": "warn", "actors": ["Russia", "Ukraine"],
                               "places": [], "sides": ["Russia"], "sources": ["Kremlin", "Wire"],
                               "sentence": "=1+1 said Russia", "article_id": "a1"}])
    table = events_table(events)
    assert check_csv(to_csv_bytes(table), EVENTS_HEADER, rows=1, actor="Ukraine") == []
    assert check_csv(to_csv_bytes(table, bom=True), EVENTS_HEADER, rows=1, actor="Russia") == []
    assert concurrency.LIST_SEPARATOR == LIST_SEPARATOR


@pytest.mark.parametrize("page, header", [("pages/1_Timeline.py", EVENTS_HEADER), ("pages/3_Claims.py", CLAIMS_HEADER)])
def test_expected_headers_are_the_columns_the_page_downloads(page, header):
    """The bench's headers follow the page: the `table = ...[[columns]]` it passes to download_csv
    (the Timeline's: `ui.selection.events_table`, its EVENT_TABLE_COLUMNS)."""
    source = (REPO / page).read_text(encoding="utf-8")
    if page.endswith("Timeline.py"):
        from ui.selection import EVENT_TABLE_COLUMNS

        assert re.search(r"^table = events_table\(", source, flags=re.M)
        assert header == tuple(EVENT_TABLE_COLUMNS)
        return
    match = re.search(r"^table = \w+\[\[(.*?)\]\]", source, flags=re.S | re.M)
    assert match, f"no `table = frame[[...]]` in {page}"
    assert tuple(re.findall(r'"(\w+)"', match.group(1))) == header


def test_server_log_errors_are_found_with_their_traceback():
    log = "\n".join([
        "2026-11-26 14:04:02.356 Uvicorn server started on 127.0.0.1:36871",
        "",
        "  You can now view your Streamlit app in your browser.",
        "2026-11-26 14:05:00.001 ERROR streamlit.error_util: Uncaught app execution",
        "Traceback (most recent call last):",
        '  File "/work/main/ui/data.py", line 40, in load_view',
        "    return _store_view(...)",
        "duckdb.duckdb.TransactionException: TransactionContext Error: Conflict",
        "2026-11-26 14:05:01.000 some info line",
        "  Stopping...",
    ])
    found = server_errors(log)
    assert len(found) == 1
    assert found[0].startswith("2026-11-26 14:05:00.001 ERROR") and found[0].endswith("Conflict")
    assert server_errors("  You can now view your Streamlit app in your browser.\n  Stopping...\n") == []


def test_sessions_pick_different_actors():
    actors = [f"actor {n}" for n in range(10)]
    picks = [actor_for(session, round_, actors) for session in range(10) for round_ in range(3)]
    assert len(set(picks)) == 10                                  # every actor is used
    assert all(actor_for(s, 0, actors) != actor_for(s, 1, actors) for s in range(10))
    assert len({actor_for(s, 0, actors) for s in range(10)}) == 10  # the first round: ten different filters


def test_streamlit_boxed_coloured_traceback_is_found_up_to_its_exception():
    """Streamlit prints an app's exception as a box drawn with ANSI colours (this one as logged)."""
    log = "\n".join([
        "  URL: http://127.0.0.1:59805",
        "",
        "\x1b[31m──\x1b[0m\x1b[31m────────────\x1b[0m\x1b[31m \x1b[0m\x1b[1;31mTraceback \x1b[0m"
        "\x1b[1;2;31m(most recent call last)\x1b[0m\x1b[31m \x1b[0m\x1b[31m────────────\x1b[0m",
        "\x1b[31m \x1b[0m \x1b[2m/work/main/ui/\x1b[0m\x1b[1mfilters.py\x1b[0m:120 in filter_options \x1b[31m \x1b[0m",
        "\x1b[31m \x1b[0m                                                      \x1b[31m \x1b[0m",
        "\x1b[31m────────────────────────────────────────────────────────\x1b[0m",
        "\x1b[1;91mTypeError: \x1b[0mlist indices must be integers or slices, not str",
        "  Stopping...",
    ])
    [found] = server_errors(log)
    assert found.startswith("──") and "filters.py:120 in filter_options" in found
    assert found.endswith("TypeError: list indices must be integers or slices, not str")
    assert "\x1b" not in found
