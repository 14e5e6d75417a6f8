"""HTML pages to article text and metadata: the one HTML reader, for corpus
folders, the CLI and the Import page alike.

`read_html` takes the body from trafilatura (dates from htmldate, read from the
markup only, never guessed from the text), and falls back to our own parser
(`parse_html`) when trafilatura fails or finds no text. Either way each block
element is its own paragraph and the headline (the first <h1>) is the first
paragraph, never run into the first sentence. Scripts, styles and frames are
dropped unread (`active_content_note` says so).
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from html.parser import HTMLParser

log = logging.getLogger(__name__)

_ACTIVE_TAG = re.compile(r"<\s*(script|style|iframe|frame|object|embed)\b", re.IGNORECASE)
# HTML elements whose content is never article text.
_HTML_SKIP = {"script", "style", "iframe", "noscript", "template", "svg", "head", "nav", "footer", "form", "button"}
# Elements whose content is never text, whichever reader runs: those above but the <head>
# (trafilatura reads its meta tags), and embedded objects.
_NEVER_TEXT = tuple(sorted((_HTML_SKIP - {"head"}) | {"frame", "object", "embed"}))
# Elements that start and end a paragraph (HTML's block-level elements, table cells and <br>):
# text on either side of one is never run together.
_HTML_BLOCK = {"p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
               "tr", "td", "th", "table", "caption", "section", "article", "main", "aside", "header", "hgroup",
               "blockquote", "pre", "address", "figure", "figcaption", "details", "summary", "dialog", "fieldset",
               "legend"}
_HTML_DATE_META = ("article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "og:published_time")


def active_content_note(markup: str) -> str | None:
    """What an HTML file held that is dropped unread (scripts, styles, frames,
    plugins), said so the user knows; None when it held none."""
    found = Counter(tag.lower() for tag in _ACTIVE_TAG.findall(markup))
    if not found:
        return None
    listed = ", ".join(f"{count} {tag}" for tag, count in sorted(found.items()))
    return f"HTML: removed {listed} element(s); their content is never kept or run"


class _HTMLText(HTMLParser):
    """Visible text, title and date metadata of an HTML page. Never runs anything."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.heading_parts: list[str] = []       # the first <h1>: the headline
        self._skip_depth = 0
        self._in_title = False
        self._in_heading = False
        self._heading_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
            if key and attributes.get("content"):
                self.meta.setdefault(key, attributes["content"])
        elif tag == "time" and attributes.get("datetime"):
            self.meta.setdefault("time", attributes["datetime"])
        elif tag == "h1" and not self._heading_done and not self._skip_depth:
            self._in_heading = True
        if tag in _HTML_SKIP:
            self._skip_depth += 1
        elif tag in _HTML_BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "h1" and self._in_heading:
            self._in_heading, self._heading_done = False, True
        if tag in _HTML_SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag in _HTML_BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip_depth:
            self.parts.append(data)
            if self._in_heading:
                self.heading_parts.append(data)

    def heading(self) -> str:
        return " ".join("".join(self.heading_parts).split())

    def text(self) -> str:
        joined = "".join(self.parts)
        paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", joined))
        return "\n\n".join(p for p in paragraphs if p)


def headline_apart(text: str, headline: str) -> str:
    """`text` with `headline` its own paragraph when the text starts with it run
    into the first sentence ("...the border On Monday, ..."); else unchanged."""
    headline = headline.strip()
    if not headline or not text.startswith(headline):
        return text
    rest = text[len(headline):]
    if not rest.strip() or rest.startswith(("\n", "\r")) or (rest[0].isalnum() and headline[-1].isalnum()
                                                                and not rest[0].isupper()):
        return text         # already apart, nothing after it, or the headline is only a word's start
    return f"{headline}\n\n{rest.lstrip()}"


def parse_html(markup: str) -> tuple[dict[str, str], str]:
    """Metadata (title, date, source, url; the first <h1> as `headline`) and text
    of an HTML page: each block element (paragraph, heading, list item, table
    cell...) its own paragraph, and the headline (the first <h1>, else the page
    title) its own line."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    meta: dict[str, str] = {}
    title = parser.meta.get("og:title") or " ".join("".join(parser.title_parts).split())
    if title:
        meta["title"] = title
    for key in _HTML_DATE_META + ("time",):
        if parser.meta.get(key):
            meta["published"] = parser.meta[key]
            break
    if parser.meta.get("og:site_name"):
        meta["source"] = parser.meta["og:site_name"]
    if parser.meta.get("og:url"):
        meta["url"] = parser.meta["og:url"]
    text = parser.text()
    for candidate in (parser.heading(), title):
        text = headline_apart(text, candidate)
    if parser.heading():
        meta["headline"] = parser.heading()
    return meta, text


def read_html(markup: str) -> tuple[dict[str, str], str]:
    """Body text and metadata of an HTML page: trafilatura + htmldate, else our own `parse_html`.

    Dates come from the markup (meta tags, `<time>`, URL), never guessed from the text.
    Paragraphs are separated by a blank line, and the headline (the first <h1>) is
    the first paragraph, never run into the first sentence.
    """
    fallback_meta, fallback_text = parse_html(markup)
    try:
        # Here, not at the top: trafilatura and lxml take a second to import, and only HTML needs them.
        import trafilatura
        from lxml import etree

        tree = trafilatura.load_html(markup)    # None for a page it cannot parse: our parser reads it
        if tree is None:
            raise ValueError("no HTML tree")
        # What our own parser never reads is gone before trafilatura sees the page: a script's or
        # a frame's content is never article text, whichever reader runs.
        etree.strip_elements(tree, *_NEVER_TEXT, with_tail=False)
        document = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # noqa: BLE001 - any extractor failure falls back to our own parser
        log.warning("trafilatura failed (%s); using the built-in HTML reader", error)
        document = None
    document = document if document is None or isinstance(document, dict) else document.as_dict()
    if not document or not (document.get("text") or "").strip():
        return fallback_meta, fallback_text
    found = {"title": document.get("title"), "source": document.get("sitename"), "url": document.get("url"),
             "published": document.get("date")}
    meta = {k: str(v).strip() for k, v in found.items() if v and str(v).strip()}
    text = "\n\n".join(line.strip() for line in str(document["text"]).splitlines() if line.strip())
    # The headline its own paragraph, first, as the built-in reader (and so the corpus reader) has it.
    headline = fallback_meta.get("headline", "")
    if headline and not text.startswith(headline) and fallback_text.startswith(headline):
        text = f"{headline}\n\n{text}"
    for candidate in (headline, meta.get("title", ""), fallback_meta.get("title", "")):
        text = headline_apart(text, candidate)
    return {**fallback_meta, **meta}, text
