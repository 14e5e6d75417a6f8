"""What the figures share: hover text (wrapped and escaped), each event type's
fixed colour, the day-resolution date axis, marker sizes by area, the blank
figure, and the point count past which a chart's markers switch to WebGL."""
from __future__ import annotations

import math
import textwrap
from typing import Iterable

import pandas as pd
import plotly.graph_objects as go

from core.extract.event_lexicon import event_types

HOVER_WIDTH = 70          # characters per line of a wrapped hover sentence
HOVER_MAX_CHARS = 420     # longer sentences are cut, with an ellipsis
OTHER_TYPE_COLOUR = "#c7c7c7"   # a type missing from core/data/event_types.csv (no type's colour)
# Timeline markers beyond which SVG gets slower than WebGL. Measured in headless
# Chromium (software WebGL), one 2,456-cell counts chart: SVG 0.20 s, WebGL 0.57 s;
# at 4x the markers, SVG 0.63 s, WebGL 0.82 s (WebGL pays a fixed cost for its context).
WEBGL_ABOVE = 5_000
DAY_MS = 86_400_000       # plotly date axes count in milliseconds


def wrap_hover(text: object, *, width: int = HOVER_WIDTH, limit: int = HOVER_MAX_CHARS) -> str:
    """A sentence as hover text: HTML-escaped, cut to `limit`, wrapped with <br>."""
    if not isinstance(text, str) or not text.strip():
        return ""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = escape(text)
    return "<br>".join(textwrap.wrap(text, width=width)) or text


def escape(text: str) -> str:
    """`text` safe inside Plotly's HTML-like labels: &, < and > escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def as_list(value: object) -> list[str]:
    """The non-empty strings of a list cell; [] for anything else."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, str) and v]
    return []


def as_count(value: object, default: int = 1) -> int:
    """A count cell as an int, `default` when it is missing."""
    return default if value is None or pd.isna(value) else int(value)


def type_colour(event_type: object) -> str:
    """The fixed colour of an event type (core/data/event_types.csv), the same in every view."""
    found = event_types().get(str(event_type)) if isinstance(event_type, str) else None
    return found.colour if found else OTHER_TYPE_COLOUR


def empty_figure(message: str) -> go.Figure:
    """A blank figure carrying `message`, for callers that must return a figure."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(height=240, margin=dict(l=10, r=10, t=10, b=10))
    return fig


def marker_sizes(mentions: Iterable[object], *, smallest: float = 8, largest: float = 40) -> list[float]:
    """Marker diameters with area proportional to mentions."""
    values = [float(m) if m is not None and not pd.isna(m) else 1.0 for m in mentions]
    top = max(values, default=1.0) or 1.0
    return [max(smallest, largest * math.sqrt(max(v, 0.0) / top)) for v in values]


def focus_window(dates: pd.Series, *, min_reach: pd.Timedelta = pd.Timedelta(days=90)) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The dates a claims chart opens on: every date within reach of the median date
    (three interquartile ranges, at least `min_reach`), so that one historical
    reference ("Munich in 1938") does not squash the crisis into one column.
    The timeline does not use it: it draws only its window (`points.timeline_window`)."""
    ordered = pd.to_datetime(dates).dropna().sort_values()
    median = ordered.quantile(0.5)
    reach = max(min_reach, 3 * (ordered.quantile(0.75) - ordered.quantile(0.25)))
    kept = ordered[(ordered - median).abs() <= reach]
    return pd.Timestamp(kept.min()), pd.Timestamp(kept.max())


def date_axis(dates: pd.Series, *, window: tuple[object, object] | None = None) -> dict:
    """X-axis settings for day-resolution dates: a padded range on `window` (by
    default the busy window of `dates`), whole-day ticks on short spans."""
    first, last = (pd.Timestamp(window[0]), pd.Timestamp(window[1])) if window else focus_window(dates)
    span = last - first
    pad = max(pd.Timedelta(days=1), span * 0.04)
    settings: dict = {"range": [(first - pad).isoformat(), (last + pad).isoformat()]}
    if span <= pd.Timedelta(days=14):
        settings.update(dtick=DAY_MS, tickformat="%a %d %b<br>%Y")  # never hours: dates are days
    else:
        settings.update(tickformatstops=[
            dict(dtickrange=[None, 7 * DAY_MS], value="%d %b<br>%Y"),
            dict(dtickrange=[7 * DAY_MS, None], value="%b %Y"),
        ])
    return settings
