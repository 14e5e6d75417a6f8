"""An article as HTML with its annotations marked, displaCy-style, every byte of text escaped.

`render_article(text, spans)` is the one function that turns article text
into markup. The article text is untrusted (it can hold `<script>`, event
handler attributes, quotes), so:

- every piece of article text, and every tooltip, goes through
  `html.escape(..., quote=True)`; the only tags in the output are the
  `<mark>`, `<br>` and wrapper `<div>`/`<span>` tags written here, and their
  class names and colours come from `LAYERS`, never from the article;
- the visible text is exactly the original: strip the tags and unescape,
  and you get `text` back (each newline is kept, preceded by a `<br>`).

Overlapping spans (rule, deterministic):

1. Spans are taken in order of start, then longest first, then layer order
   (`LAYERS`: claim, time, actor, place), then input order.
2. A span inside an open span nests inside it (`<mark><mark>…</mark></mark>`);
   two spans over the same characters nest too (the earlier layer outside).
3. A span that crosses the end of an open span is split at that end: the
   first piece nests inside, the rest is marked after it, with the same
   layer and tooltip. No annotation is dropped, and the HTML stays well formed.

Spans with offsets out of range, empty or inverted, or with an unknown
layer are ignored.

`article_spans` and `article_tables` read an article's annotations out of
the corpus frames (pure pandas); `load_article_text` re-reads an article's
text from its file, because the frames keep offsets but not the text.
"""
from __future__ import annotations

import heapq
import html
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from core.read.ingest import read_article
from core.read.metadata import checked_url


@dataclass(frozen=True)
class Layer:
    """One kind of annotation: its key, its name in the legend, its colour."""

    label: str      # "time", "actor", "place", "claim": the CSS class is "hl-" + label
    name: str
    colour: str     # CSS colour of the mark's background


# The layers, in nesting priority (earlier = outside when two spans cover the
# same characters). Colours: pale enough to read black text on, distinct for
# the common kinds of colour blindness (ColorBrewer "Pastel1"-like hues).
LAYERS: tuple[Layer, ...] = (
    Layer("claim", "Claim (figure)", "#fbb4ae"),
    Layer("time", "Time expression", "#b3cde3"),
    Layer("actor", "Actor", "#fed9a6"),
    Layer("place", "Place", "#ccebc5"),
)
LAYER_LABELS: tuple[str, ...] = tuple(layer.label for layer in LAYERS)
_MARK_STYLE = "background:{colour};padding:0.1em 0.15em;border-radius:0.25em;line-height:1.9"
_ARTICLE_STYLE = "font-size:1.05rem;line-height:1.7;max-width:60rem"


@dataclass(frozen=True)
class Span:
    """Characters `text[start:end]` of one layer, with a tooltip (e.g. a TIMEX value)."""

    start: int
    end: int
    label: str
    title: str = ""


def _escape(text: str) -> str:
    """Escaped text, each newline kept after a `<br>` (so stripping tags gives the text back)."""
    return html.escape(text, quote=True).replace("\n", "<br>\n")


def _valid(span: Span, length: int, known: Mapping[str, Layer]) -> bool:
    return (
        isinstance(span.start, int) and isinstance(span.end, int)
        and 0 <= span.start < span.end <= length and span.label in known
    )


def _open_tag(span: Span, layer: Layer) -> str:
    title = f' title="{html.escape(span.title, quote=True)}"' if span.title else ""
    style = _MARK_STYLE.format(colour=html.escape(layer.colour, quote=True))
    return f'<mark class="hl-{html.escape(layer.label, quote=True)}"{title} style="{style}">'


def render_article(text: str, spans: Iterable[Span], *, layers: Sequence[Layer] = LAYERS) -> str:
    """`text` as escaped HTML with each valid span in a `<mark class="hl-LABEL" title="…">`.

    See the module docstring for how overlapping spans nest or split.
    """
    known = {layer.label: layer for layer in layers}
    rank = {layer.label: i for i, layer in enumerate(layers)}
    queue = [
        (span.start, -span.end, rank[span.label], order, span)
        for order, span in enumerate(spans) if _valid(span, len(text), known)
    ]
    heapq.heapify(queue)
    out: list[str] = []
    open_spans: list[Span] = []   # innermost last; each ends no later than the one below it
    pos = 0

    def close_through(limit: int) -> None:
        nonlocal pos
        while open_spans and open_spans[-1].end <= limit:
            closing = open_spans.pop()
            out.append(_escape(text[pos:closing.end]) + "</mark>")
            pos = closing.end

    while queue:
        _, _, priority, order, span = heapq.heappop(queue)
        close_through(span.start)
        out.append(_escape(text[pos:span.start]))
        pos = span.start
        if open_spans and span.end > open_spans[-1].end:
            # Crosses the end of the innermost open span: mark the rest after it.
            limit = open_spans[-1].end
            heapq.heappush(queue, (limit, -span.end, priority, order, replace(span, start=limit)))
            span = replace(span, end=limit)
        out.append(_open_tag(span, known[span.label]))
        open_spans.append(span)
    close_through(len(text))
    out.append(_escape(text[pos:]))
    return f'<div class="hl-article" style="{_ARTICLE_STYLE}">{"".join(out)}</div>'


def legend_html(*, layers: Sequence[Layer] = LAYERS, shown: Iterable[str] | None = None) -> str:
    """A one-line key: each (shown) layer's name in its own colour."""
    wanted = set(LAYER_LABELS if shown is None else shown)
    marks = [
        _open_tag(Span(0, 1, layer.label), layer) + html.escape(layer.name, quote=True) + "</mark>"
        for layer in layers if layer.label in wanted
    ]
    return '<div class="hl-legend">' + " ".join(marks) + "</div>"


# --- an article's annotations, from the corpus frames --------------------------

def _int(value: Any) -> int | None:
    return None if pd.isna(value) else int(value)


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    return str(value)


def _timex_title(row: Mapping[str, Any]) -> str:
    title = " ".join(p for p in (_text(row.get("type")), _text(row.get("value"))) if p)
    start, end = _text(row.get("date_start")), _text(row.get("date_end"))
    if start:
        title += f" · {start}" + (f" – {end}" if end and end != start else "")
    return title


def _claim_title(row: Mapping[str, Any]) -> str:
    what = " ".join(p for p in (_text(row.get("qualifier")), _text(row.get("text")) or _text(row.get("value")),
                                _text(row.get("unit"))) if p)
    parts = [f"{_text(row.get('category')) or 'claim'}: {what}".strip()]
    if _text(row.get("side")):
        parts.append(f"side: {_text(row.get('side'))}")
    if _text(row.get("claimant")):
        parts.append(f"claimed by {_text(row.get('claimant'))}")
    return " · ".join(parts)


def _rows(df: pd.DataFrame, article_id: str) -> list[dict[str, Any]]:
    if df.empty:
        return []
    return df[df["article_id"] == article_id].to_dict("records")


def article_spans(frames: Any, article_id: str, *, layers: Iterable[str] = LAYER_LABELS) -> list[Span]:
    """The spans of one article's annotations in `frames` (a `core.frames.Frames`), for `layers`.

    Time expressions carry their TimeML value, actors and places their
    canonical name, claims (the figure itself) their category, side and
    claimant. Rows without offsets are skipped.
    """
    wanted = set(layers)
    found: list[tuple[str, Any, Any, str]] = []
    if "time" in wanted:
        found += [("time", r["start"], r["end"], _timex_title(r)) for r in _rows(frames.timexes, article_id)]
    for row in _rows(frames.entity_mentions, article_id):
        label = "place" if row.get("kind") == "place" else "actor"
        if label in wanted:
            found.append((label, row["start"], row["end"], _text(row.get("entity")) or _text(row.get("text"))))
    if "claim" in wanted:
        found += [("claim", r["start"], r["end"], _claim_title(r)) for r in _rows(frames.claims, article_id)]
    spans = []
    for label, start, end, title in found:
        first, last = _int(start), _int(end)
        if first is not None and last is not None:
            spans.append(Span(first, last, label, title))
    return spans


@dataclass(frozen=True)
class ArticleFacts:
    """An article's metadata as the page shows it (plain strings; "" when unknown)."""

    title: str
    source: str
    published: str           # YYYY-MM-DD
    url: str                 # only an http(s) link, never e.g. `javascript:`
    words: str
    warnings: tuple[str, ...]
    attribution: str = ""    # the credit its sidecar asks for ("Content from www.kremlin.ru, ...")
    licence: str = ""
    side: str = ""           # who the document speaks for (articles.side)

    @property
    def credit(self) -> str:
        """What to show with the document's text, wherever it is shown or exported: its
        attribution (with its licence when the attribution does not name it); without
        one, its source, saying that no licence was given."""
        licence = self.licence.strip()
        if self.attribution:
            named = not licence or licence.lower() in self.attribution.lower()
            return self.attribution if named else f"{self.attribution} ({licence})"
        source = self.source or "unknown source"
        return f"{source}, {licence}" if licence else f"{source}; no licence given"

    @property
    def label(self) -> str:
        """How the article is named in a picker: title · source · date."""
        return f"{self.title} · {self.source or 'unknown source'} · {self.published or 'undated'}"


def article_facts(row: Mapping[str, Any]) -> ArticleFacts:
    """The facts of one row of the articles frame."""
    warnings = row.get("warnings")
    if isinstance(warnings, (list, tuple)):
        listed = tuple(str(w) for w in warnings if w)
    else:
        listed = tuple(w for w in _text(warnings).split("; ") if w)
    return ArticleFacts(
        title=_text(row.get("title")) or _text(row.get("path")) or _text(row.get("article_id")),
        source=_text(row.get("source")),
        published=_text(row.get("published")),
        url=checked_url(_text(row.get("url")))[0],
        words=_text(row.get("words")),
        warnings=listed,
        attribution=_text(row.get("attribution")),
        licence=_text(row.get("licence")),
        side=_text(row.get("side")),
    )


def article_credits(articles: pd.DataFrame) -> pd.Series:
    """article_id -> `ArticleFacts.credit` of each row of an articles frame."""
    return pd.Series({row["article_id"]: article_facts(row).credit for row in articles.to_dict("records")},
                     dtype=object)


# CommonMark's backslash-escapable punctuation (plus `$`, Streamlit's LaTeX delimiter).
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~$:&\"'=")


def markdown_escape(text: str) -> str:
    """`text` to show literally in Streamlit markdown (titles, sources): every markup
    character backslash-escaped, newlines flattened, so no link, image or tag is made."""
    flat = " ".join(text.split())
    return "".join(f"\\{c}" if c in _MARKDOWN_SPECIAL else c for c in flat)


# The tables under the article: frame columns shown, per layer.
TABLE_COLUMNS: dict[str, list[str]] = {
    "time": ["text", "type", "value", "date_start", "date_end", "start", "end"],
    "actor": ["text", "entity", "start", "end"],
    "place": ["text", "entity", "start", "end"],
    "claim": ["text", "value", "low", "high", "qualifier", "unit", "category", "side", "claimant", "date",
              "in_context", "start", "end"],
}


def article_tables(frames: Any, article_id: str) -> dict[str, pd.DataFrame]:
    """One table per layer of what the article holds, in text order."""
    mentions = frames.entity_mentions[frames.entity_mentions["article_id"] == article_id]
    is_place = mentions["kind"] == "place"
    sources = {
        "time": frames.timexes[frames.timexes["article_id"] == article_id],
        "actor": mentions[~is_place],
        "place": mentions[is_place],
        "claim": frames.claims[frames.claims["article_id"] == article_id],
    }
    return {
        label: df.sort_values("start", na_position="last")[TABLE_COLUMNS[label]].reset_index(drop=True)
        for label, df in sources.items()
    }


def load_article_text(path: str, article_id: str) -> str | None:
    """The text the extractors saw for `article_id`, re-read from `path`; None when the
    file is gone or no longer holds that text (its id is the hash of its text)."""
    if not path:
        return None
    article, _ = read_article(Path(path))
    if article is None or article.article_id != article_id:
        return None
    return article.text
