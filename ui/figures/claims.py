"""The claims charts: claimed figures over time, one series per claimant, and
the ledger's chart (`core/combine/ledger.py`), one panel per side, category and unit
class, contested claims outlined; ranges are error bars in both."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from core.combine.ledger import flag_list
from core.records import NEARBY_SIDE_FLAG
from ui.figures.common import date_axis, empty_figure, escape, wrap_hover

UNATTRIBUTED = "(unattributed)"
MIDDAY = pd.Timedelta(hours=12)  # a day-precise date is drawn mid-day, inside its day

# The ledger chart (core/combine/ledger.py): one panel per (side, category, unit class), a trace per claimant.
LEDGER_PANELS_MAX = 6        # panels drawn; the rest of the series are in the table (the filters narrow them)
LEDGER_PANEL_HEIGHT = 220    # pixels per panel
CONTESTED_SYMBOL = "diamond"  # a contested claim's marker, outlined in CONTESTED_LINE
CONTESTED_LINE = "#7a0019"
CONTESTED_LEGEND = "contested (◆ outlined)"
NEARBY_SIDE_NOTE = " (guessed: the side named nearest the figure)"   # after a side that only a nearby name gives
GUESSED_SYMBOL = "circle-open"  # the marker of a claim whose side only a nearby name gives
GUESSED_LEGEND = "side guessed (○ open)"
LEDGER_SERIES = ("side", "category", "unit_class")
# customdata of every ledger point, in order
LEDGER_CUSTOMDATA = ("ledger_id", "unit_class", "side", "category", "range", "sources", "contested_by", "sentence")
_CLAIMANT_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
                     "#17becf", "#d62728")


def claims_figure(claims: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Claimed figures over time, one series per claimant, ranges as error bars."""
    dated = claims[claims["date"].notna() & claims["value"].notna()] if len(claims) else claims
    if dated.empty:
        return empty_figure("No dated figures to show.")
    dated = dated.assign(claimant=dated["claimant"].where(dated["claimant"].notna() & (dated["claimant"] != ""),
                                                          UNATTRIBUTED))
    fig = go.Figure()
    series = sorted(dated.groupby("claimant"), key=lambda kv: (-len(kv[1]), kv[0]))
    for position, (claimant, group) in enumerate(series):
        group = group.sort_values("date")
        value = group["value"].astype(float)
        high = pd.to_numeric(group["high"], errors="coerce")
        low = pd.to_numeric(group["low"], errors="coerce")
        plus = (high - value).where(high.notna(), 0.0).clip(lower=0)
        minus = (value - low).where(low.notna(), 0.0).clip(lower=0)
        customdata = list(zip(
            group["unit"].fillna("").astype(str), _side_text(group, "—"),
            group["category"].fillna("").astype(str), group["sentence"].map(wrap_hover),
            [_range_text(lo, hi) for lo, hi in zip(low, high)],
            group.get("article", group["article_id"]).fillna("").astype(str).map(wrap_hover),
        ))
        has_range = bool((plus > 0).any() or (minus > 0).any())
        fig.add_trace(go.Scatter(
            x=group["date"] + MIDDAY + dodge(position, len(series)), y=value, mode="markers+lines", name=str(claimant),
            line=dict(width=1, dash="dot"), marker=dict(size=10),
            error_y=dict(type="data", symmetric=False, array=plus.tolist(), arrayminus=minus.tolist(),
                         visible=has_range, thickness=1.5, width=6),
            customdata=customdata,
            hovertemplate=(
                "<b>" + str(claimant).replace("<", "&lt;") + "</b> · %{x|%Y-%m-%d}<br>"
                "%{y:,.0f} %{customdata[0]}%{customdata[4]}<br>side: %{customdata[1]} · %{customdata[2]}"
                "<br><br>%{customdata[3]}<br><br><i>%{customdata[5]}</i><extra></extra>"
            ),
        ))
    # Day labels centred on their day, where the points sit.
    fig.update_xaxes(type="date", title=None, ticklabelmode="period", **date_axis(dated["date"]))
    fig.update_yaxes(title="claimed figure", rangemode="tozero", separatethousands=True)
    fig.update_layout(title=title, height=460, hovermode="closest", legend=dict(title="claimant"),
                      margin=dict(l=10, r=10, t=40 if title else 10, b=10), hoverlabel=dict(align="left"))
    return fig


def _plotted_ledger(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger rows a chart can place: a figure and a date."""
    if ledger.empty:
        return ledger
    return ledger[ledger["first_date"].notna() & ledger["value"].notna()]


def ledger_series(ledger: pd.DataFrame) -> list[tuple[str, str, str]]:
    """The (side, category, unit class) series of the ledger's dated figures:
    those with a contested claim first, then the fullest, then by name."""
    dated = _plotted_ledger(ledger)
    if dated.empty:
        return []
    stats = dated.groupby(list(LEDGER_SERIES), dropna=False).agg(contested=("contested", "any"),
                                                                  rows=("ledger_id", "size"))
    return sorted((tuple(str(part) for part in key) for key in stats.index),
                  key=lambda key: (not bool(stats.loc[key, "contested"]), -int(stats.loc[key, "rows"]), key))


def series_label(series: tuple[str, str, str]) -> str:
    """ "Russia · killed · personnel" """
    side, category, unit = series
    return " · ".join([side or "side unknown", category.replace("_", " ") or "no category", unit or "no unit"])


def ledger_figure(ledger: pd.DataFrame, *, panels: int = LEDGER_PANELS_MAX) -> go.Figure:
    """The ledger over time: one panel per (side, category, unit class) series, every
    claimant's figures on its axis (one colour per claimant in every panel), ranges as
    error bars, a contested claim drawn as an outlined diamond. At most `panels`
    series, those with a contested claim first (`ledger_series`)."""
    dated = _plotted_ledger(ledger)
    series = ledger_series(ledger)[:panels]
    if not series:
        return empty_figure("No dated figures to show.")
    dated = dated.assign(claimant=dated["claimant"].where(dated["claimant"].fillna("") != "", UNATTRIBUTED))
    counts = dated["claimant"].value_counts()
    order = sorted(counts.index, key=lambda name: (-counts[name], name))
    colours = {name: _CLAIMANT_COLOURS[i % len(_CLAIMANT_COLOURS)] for i, name in enumerate(order)}
    fig = make_subplots(rows=len(series), cols=1, shared_xaxes=True,
                        subplot_titles=[escape(series_label(key)) for key in series],
                        vertical_spacing=min(0.08, 0.35 / len(series)))
    keys = dated[list(LEDGER_SERIES)].astype(str).apply(tuple, axis=1)
    in_legend: set[str] = set()
    for row, key in enumerate(series, start=1):
        panel = dated[keys == key]
        names = [name for name in order if name in set(panel["claimant"])]
        for position, claimant in enumerate(names):
            group = panel[panel["claimant"] == claimant].sort_values("first_date")
            fig.add_trace(_ledger_trace(group, claimant, colours[claimant], dodge(position, len(names)),
                                        legend=claimant not in in_legend), row=row, col=1)
            in_legend.add(claimant)
    if dated["contested"].any():
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=CONTESTED_LEGEND, hoverinfo="skip",
                                 marker=dict(symbol=CONTESTED_SYMBOL, size=13, color="rgba(0,0,0,0)",
                                             line=dict(color=CONTESTED_LINE, width=2.5))), row=1, col=1)
    if any(_guessed(dated)):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=GUESSED_LEGEND, hoverinfo="skip",
                                 marker=dict(symbol=GUESSED_SYMBOL, size=10, color="#555555")), row=1, col=1)
    fig.update_xaxes(type="date", title=None, ticklabelmode="period", **date_axis(dated["first_date"]))
    fig.update_yaxes(rangemode="tozero", separatethousands=True)
    fig.update_layout(height=LEDGER_PANEL_HEIGHT * len(series) + 60, hovermode="closest",
                      legend=dict(title="claimant"), margin=dict(l=10, r=10, t=30, b=10),
                      hoverlabel=dict(align="left"))
    return fig


def _ledger_trace(group: pd.DataFrame, claimant: str, colour: str, offset: pd.Timedelta, *,
                  legend: bool) -> go.Scatter:
    value = group["value"].astype(float)
    high = pd.to_numeric(group["high"], errors="coerce")
    low = pd.to_numeric(group["low"], errors="coerce")
    plus = (high - value).where(high.notna(), 0.0).clip(lower=0)
    minus = (value - low).where(low.notna(), 0.0).clip(lower=0)
    contested = group["contested"].astype(bool).tolist()
    guessed = _guessed(group)
    sources = [f"{n} source{'s' if n != 1 else ''}" for n in group["n_sources"].fillna(1).astype(int)]
    sentence = group["sentence"] if "sentence" in group else pd.Series("", index=group.index)
    customdata = list(zip(
        group["ledger_id"].astype(str), group["unit_class"].fillna("").astype(str),
        _side_text(group, ""), group["category"].fillna("").astype(str).str.replace("_", " "),
        [_range_text(lo, hi) for lo, hi in zip(low, high)], sources,
        ["<br><b>contested by</b> " + "<br>".join(escape(str(o)) for o in others) if len(others) else ""
         for others in group["contested_by"]],
        sentence.map(wrap_hover),
    ))
    return go.Scatter(
        x=group["first_date"] + MIDDAY + offset, y=value, mode="markers+lines", name=str(claimant),
        legendgroup=str(claimant), showlegend=legend, line=dict(width=1, dash="dot", color=colour),
        marker=dict(color=colour, size=[13 if c else 9 for c in contested],
                    symbol=[CONTESTED_SYMBOL if c else GUESSED_SYMBOL if g else "circle"
                            for c, g in zip(contested, guessed)],
                    line=dict(color=[CONTESTED_LINE if c else colour for c in contested],
                              width=[2.5 if c else 0 for c in contested])),
        error_y=dict(type="data", symmetric=False, array=plus.tolist(), arrayminus=minus.tolist(),
                     visible=bool((plus > 0).any() or (minus > 0).any()), thickness=1.5, width=6),
        customdata=customdata,
        hovertemplate=(
            "<b>" + escape(str(claimant)) + "</b> · %{x|%Y-%m-%d}<br>"
            "%{y:,.0f} %{customdata[1]}%{customdata[4]}<br>side: %{customdata[2]} · %{customdata[3]}"
            " · %{customdata[5]}%{customdata[6]}<br><br>%{customdata[7]}<extra></extra>"
        ),
    )


def dodge(position: int, count: int) -> pd.Timedelta:
    """A within-day offset for series `position` of `count`, so that claimants who
    gave the same figure on the same day stay visible side by side. Dates are
    day-precise, so the offset never moves a point off its day (at most ±10 hours)."""
    if count <= 1:
        return pd.Timedelta(0)
    step = min(pd.Timedelta(hours=4), pd.Timedelta(hours=20) / (count - 1))
    return step * (position - (count - 1) / 2)


def _guessed(group: pd.DataFrame) -> list[bool]:
    """Whether each row's side is only the name nearest its figure (flag `core.records.NEARBY_SIDE_FLAG`)."""
    flags = group["flags"] if "flags" in group else pd.Series("", index=group.index)
    return [NEARBY_SIDE_FLAG in flag_list(cell) for cell in flags]


def _side_text(group: pd.DataFrame, none: str) -> list[str]:
    """Each row's side for a hover (`none` if it has none), with `NEARBY_SIDE_NOTE` after a guessed one."""
    return [escape(str(side)) + (NEARBY_SIDE_NOTE if guessed else "") if isinstance(side, str) and side else none
            for side, guessed in zip(group["side"], _guessed(group))]


def _range_text(low: float, high: float) -> str:
    if pd.isna(low) and pd.isna(high):
        return ""
    lo = "…" if pd.isna(low) else f"{low:,.0f}"
    hi = "…" if pd.isna(high) else f"{high:,.0f}"
    return f" (range {lo}–{hi})"
