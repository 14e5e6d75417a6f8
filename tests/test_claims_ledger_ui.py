"""The Claims page's ledger (issue 17, item 5): contested claims marked on the chart, in
the list and in the table, the ledger's CSV, each claim's sentences, and the switch that
shows figures from reporters' questions (kept in the URL). AppTest on a small injected
corpus: two defence ministries' tolls of Russian soldiers killed (Ukraine's reported
twice), a reporter's question and a tank count."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
from streamlit.testing.v1 import AppTest
from test_app import PAGES, all_text, chart_specs, claims_table, decoded, make_app

from core.combine.ledger import build_ledger
from core.frames import Frames, frame
from core.present.export import to_csv_bytes
from core.read.corpus import CorpusResult
from ui.figures.claims import CONTESTED_LEGEND, CONTESTED_SYMBOL
from ui.selection import LEDGER_TABLE_COLUMNS, QUESTIONS_PARAM, ledger_table

UA, RU, PRESS = "Ukraine's defence ministry", "Russia's defence ministry", "A reporter"
CLAIMS_PAGE = PAGES[2]


def _claim(article: str, day: str, value: float, claimant: str, *, unit: str = "soldiers", start: int = 40,
           category: str = "killed", flags=()) -> dict:
    sentence = f"{claimant} said {value:,.0f} Russian {unit} had been {category}."
    figure = f"{value:,.0f}"
    return {"article_id": article, "start": start, "end": start + len(figure), "sentence": sentence,
            "value": value, "unit": unit, "category": category, "side": "Russia", "claimant": claimant,
            "date": day, "flags": "; ".join(flags), "figure": figure,   # joined, as in the frames
            "in_context": sentence.replace(figure, f"\u27e6{figure}\u27e7", 1)}


def ledger_corpus() -> CorpusResult:
    articles = frame("articles", [
        {"article_id": a, "title": title, "source": "Test wire", "published": day, "path": f"{a}.txt",
         "attribution": "Written for the tests", "side": side}
        for a, title, day, side in [("ua1", "Kyiv's toll", "2022-02-27", "Ukraine"),
                                    ("w1", "Two tolls", "2022-02-28", "Test wire"),
                                    ("ru1", "Moscow's toll", "2022-03-02", "Russia")]])
    claims = frame("claims", [
        _claim("ua1", "2022-02-27", 5000.0, UA),
        _claim("w1", "2022-02-28", 5000.0, UA),
        _claim("ru1", "2022-03-02", 498.0, RU),
        _claim("w1", "2022-02-28", 40.0, PRESS, start=300, flags=["question"]),
        _claim("ru1", "2022-03-02", 1200.0, "A general", unit="tanks", category="force_size", start=200),
    ])
    frames = replace(Frames.empty(), articles=articles, claims=claims)
    return CorpusResult(frames=frames, problems=(), pipeline_version="synthetic")


def _open(params: dict[str, list[str]] | None = None) -> AppTest:
    return make_app(ledger_corpus(), page=CLAIMS_PAGE, params=params)


def ledger_shown(at: AppTest) -> pd.DataFrame:
    (table,) = [d.value for d in at.dataframe if "ledger_id" in d.value.columns]
    return table


def _points(spec: dict) -> list[tuple[str, float, str]]:
    """(trace name, figure, marker symbol) of every drawn point."""
    found = []
    for trace in spec["data"]:
        symbols = trace.get("marker", {}).get("symbol")
        ys = decoded(trace.get("y") or [])
        for i, y in enumerate(ys):
            if y is not None:
                found.append((trace["name"], y, symbols[i] if isinstance(symbols, list) else symbols))
    return found


def test_the_contested_pair_is_marked_on_the_chart_in_the_list_and_in_the_table():
    at = _open()
    table = ledger_shown(at).set_index("claimant")
    assert table.at[UA, "n_sources"] == 2 and table.at[UA, "contested"]
    assert table.at[RU, "contested"] and list(table.at[RU, "contested_by"]) == [f"{UA}: 5,000 (2022-02-27)"]
    assert not table.at["A general", "contested"]                     # tanks are not soldiers
    (spec,) = chart_specs(at)
    points = _points(spec)
    assert (UA, 5000.0, CONTESTED_SYMBOL) in points and (RU, 498.0, CONTESTED_SYMBOL) in points
    assert ("A general", 1200.0, "circle") in points
    assert CONTESTED_LEGEND in [trace["name"] for trace in spec["data"]]
    titles = [a["text"] for a in spec["layout"]["annotations"]]
    assert titles[0] == "Russia · killed · personnel" and "Russia · force size · tanks" in titles
    text = all_text(at)
    assert "Contested (2)" in text and "more than 20% of the larger" in text
    assert f"⚠ Russia · killed · personnel: {RU} 498 (2022-03-02), contested by {UA}: 5,000 (2022-02-27)" \
        in text.replace("\\", "")


def test_the_sentences_of_the_first_contested_claim_link_to_their_articles():
    at = _open()
    picked = at.selectbox(key="claims_ledger_sources")
    assert picked.value == ledger_shown(at).set_index("claimant").at[UA, "ledger_id"]
    links = [link.proto for link in at.get("page_link")]
    assert sorted(link.query_string for link in links) == ["article=ua1", "article=w1"]
    assert all(link.page.endswith("4_Articles.py") or "Articles" in link.page for link in links)
    sentences = [m.value.replace("\\", "") for m in at.markdown]
    assert sum("said ⟦5,000⟧ Russian soldiers" in s for s in sentences) == 2


def test_questions_are_hidden_by_default_and_the_switch_is_kept_in_the_url():
    at = _open()
    assert at.toggle(key="claims_questions").value is False
    assert PRESS not in set(claims_table(at).value["claimant"]) and PRESS not in set(ledger_shown(at)["claimant"])
    assert "1 figure(s) from reporters' questions hidden." in all_text(at)
    assert QUESTIONS_PARAM not in at.query_params
    at.toggle(key="claims_questions").set_value(True).run()
    assert at.query_params[QUESTIONS_PARAM] in ("on", ["on"])
    shown = ledger_shown(at).set_index("claimant")
    assert PRESS in set(claims_table(at).value["claimant"]) and not shown.at[PRESS, "contested"]   # 40 vs 5,000
    at.switch_page(PAGES[0]).run()
    at.switch_page(CLAIMS_PAGE).run()
    assert at.toggle(key="claims_questions").value is True, "kept across pages"
    shared = _open({QUESTIONS_PARAM: ["on"]})                        # the link, in a new session
    assert shared.toggle(key="claims_questions").value is True
    assert PRESS in set(ledger_shown(shared)["claimant"])
    at.toggle(key="claims_questions").set_value(False).run()
    assert QUESTIONS_PARAM not in at.query_params


def test_a_claimant_filter_keeps_the_contest_it_is_in():
    at = _open({"claimant": [RU]})
    table = ledger_shown(at)
    assert table["claimant"].tolist() == [RU] and table["contested"].tolist() == [True]


def test_the_per_claimant_chart_is_one_click_away():
    at = _open()
    at.segmented_control(key="claims_chart_view").set_value("claimant").run()
    (spec,) = chart_specs(at)
    assert sorted(trace["name"] for trace in spec["data"]) == sorted([UA, RU, "A general"])


def test_the_ledger_csv_is_the_table_shown():
    corpus = ledger_corpus()
    claims = corpus.frames.claims
    titles = corpus.frames.articles.set_index("article_id")["title"]
    table = ledger_table(build_ledger(claims), claims, titles)
    lines = to_csv_bytes(table).decode("utf-8").splitlines()
    assert lines[0].split(",") == LEDGER_TABLE_COLUMNS
    ukraine = next(line for line in lines if line.startswith("2022-02-27,2022-02-28,Russia,Ukraine's"))
    assert ",5000,,,," in ukraine and ",True,Russia's defence ministry: 498 (2022-03-02),2," in ukraine
    assert "/Articles?article=ua1" in ukraine and "Kyiv's toll" in ukraine and "ua1:40-45; w1:40-45" in ukraine
    at = _open()
    (button,) = [b for b in at.get("download_button") if b.proto.id.endswith("claims_ledger_download")]
    assert "Download the ledger (3 rows)" in button.proto.label       # the question is hidden by default


def test_the_ledger_chart_draws_contested_series_first_and_at_most_its_panels():
    from ui.figures.claims import LEDGER_PANELS_MAX, ledger_figure

    units = ["troops", "tanks", "BTGs", "brigades", "divisions", "helicopters", "warships", "submarines"]
    rows = [_claim(f"a{i}", "2022-02-01", 100.0 + i, "Analyst", unit=unit, category="force_size", start=i)
            for i, unit in enumerate(units) for _ in range(2)]
    rows += [_claim("x1", "2022-02-02", 10.0, "Side <b>A</b>", unit="regiments", category="force_size"),
             _claim("x2", "2022-02-03", 50.0, "Side B", unit="regiments", category="force_size")]
    fig = ledger_figure(build_ledger(frame("claims", rows)).assign(sentence=""))
    titles = [a.text for a in fig.layout.annotations]
    assert len(titles) == LEDGER_PANELS_MAX and titles[0] == "Russia · force size · regiments"
    hover = "".join(trace.hovertemplate or "" for trace in fig.data)
    assert "Side &lt;b&gt;A&lt;/b&gt;" in hover and "Side <b>A</b>" not in hover     # names are escaped


def test_a_side_only_named_nearby_says_so_in_both_charts_hovers():
    from core.records import NEARBY_SIDE_FLAG
    from ui.figures.claims import GUESSED_LEGEND, GUESSED_SYMBOL, NEARBY_SIDE_NOTE, claims_figure, ledger_figure

    rows = [_claim("g1", "2022-02-01", 500.0, "Analyst", flags=(NEARBY_SIDE_FLAG,)),
            _claim("r1", "2022-02-01", 90.0, "Observer")]
    ledger = ledger_figure(build_ledger(frame("claims", rows)).assign(sentence=""))
    per_claimant = claims_figure(frame("claims", rows).assign(date=pd.to_datetime(["2022-02-01"] * 2)))
    for fig in (ledger, per_claimant):
        sides = {trace.name: {str(point[2 if fig is ledger else 1]) for point in trace.customdata}
                 for trace in fig.data if trace.customdata is not None}
        assert sides == {"Analyst": {"Russia" + NEARBY_SIDE_NOTE}, "Observer": {"Russia"}}
    # the ledger's panel draws the guessed one open, and its legend says what that means
    symbols = {trace.name: trace.marker.symbol for trace in ledger.data}
    assert symbols["Analyst"] == (GUESSED_SYMBOL,) and symbols["Observer"] == ("circle",)
    assert symbols[GUESSED_LEGEND] == GUESSED_SYMBOL
