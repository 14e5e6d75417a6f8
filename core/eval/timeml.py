"""Reads TimeML `.tml` files (the TempEval-3 layout) into plain text plus gold timexes.

A TempEval-3 file looks like

    <TimeML>
    <DOCID>ABC19980108.1830.0711</DOCID>
    <DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">...</TIMEX3></DCT>
    <TEXT> ... <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> ... <EVENT ...>..</EVENT> ...</TEXT>
    <MAKEINSTANCE .../> <TLINK .../>
    </TimeML>

`parse_timeml(markup)` returns the plain text of the TEXT element with every
tag removed (EVENT, SIGNAL, TIMEX3 ...) and entities decoded (`&amp;` -> `&`),
the document creation time from the DCT element, and the TIMEX3 elements of
TEXT as `GoldTimex` records whose `start`/`end` are character offsets into that
plain text. The DCT timex (tid t0) is not a gold timex: it lies outside TEXT,
as in the official scorer. Empty (non-consuming) TIMEX3 elements have no
extent to find, so they are left out too, again as the official scorer does.

The XML parser decodes entities before we count characters, so offsets index
the decoded text exactly: `doc.text[t.start:t.end] == t.text` always holds.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

TEXT_TAG = "TEXT"
DCT_TAG = "DCT"
DOCID_TAG = "DOCID"
TIMEX_TAG = "TIMEX3"
CREATION_TIME = "CREATION_TIME"
# A DCT value starts with a calendar date, with or without hyphens
# ("1998-01-08", "1998-01-08T18:30:00", "19980108").
_DCT_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 of the TEXT element: its extent in the plain text and its attributes."""

    start: int
    end: int
    text: str
    type: str                # DATE, TIME, DURATION or SET
    value: str               # TimeML value as annotated, e.g. 1998-01-07, P3D, PAST_REF
    tid: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TimeMLDoc:
    """One TimeML document: plain text, creation time, gold timexes in text order."""

    doc_id: str
    text: str
    dct: date | None
    dct_value: str = ""      # the DCT TIMEX3 value exactly as written
    timexes: tuple[GoldTimex, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "text": self.text,
            "dct": self.dct.isoformat() if self.dct else None, "dct_value": self.dct_value,
            "timexes": [t.to_dict() for t in self.timexes],
        }


def parse_timeml(markup: str, *, name: str = "") -> TimeMLDoc:
    """A TimeML document from its markup; `name` is the fallback doc id.

    Raises ValueError when the markup is not well-formed XML or has no TEXT element.
    """
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as error:
        raise ValueError(f"{name or 'document'}: not well-formed TimeML ({error})") from None
    text_element = root if root.tag == TEXT_TAG else root.find(f".//{TEXT_TAG}")
    if text_element is None:
        raise ValueError(f"{name or 'document'}: no <{TEXT_TAG}> element")
    text, timexes = flatten(text_element)
    dct_value = read_dct_value(root)
    doc_id_element = root.find(f".//{DOCID_TAG}")
    doc_id = (doc_id_element.text or "").strip() if doc_id_element is not None else ""
    return TimeMLDoc(doc_id=doc_id or name, text=text, dct=parse_dct(dct_value),
                     dct_value=dct_value, timexes=tuple(timexes))


def read_timeml(path: Path) -> TimeMLDoc:
    """`parse_timeml` over a file; the doc id falls back to the file name without `.tml`."""
    return parse_timeml(Path(path).read_text(encoding="utf-8"), name=Path(path).name.removesuffix(".tml"))


def tml_files(folder: Path) -> list[Path]:
    """The `.tml` files under `folder` (recursively), sorted; [] when it does not exist."""
    folder = Path(folder)
    return sorted(folder.rglob("*.tml")) if folder.is_dir() else []


def flatten(element: ET.Element) -> tuple[str, list[GoldTimex]]:
    """The element's text content with tags removed, and the TIMEX3s inside it with offsets."""
    pieces: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            pieces.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if node.tag == TIMEX_TAG and length > start:
            found.append((start, length, node))

    # The element's own tail lies outside it, so walk() never reads it.
    walk(element)
    text = "".join(pieces)
    timexes = [
        GoldTimex(start=start, end=end, text=text[start:end], type=node.get("type", "").strip(),
                  value=node.get("value", "").strip(), tid=node.get("tid", ""))
        for start, end, node in found
    ]
    return text, sorted(timexes, key=lambda t: (t.start, t.end))


def read_dct_value(root: ET.Element) -> str:
    """The value of the creation-time TIMEX3: inside DCT, else anywhere marked CREATION_TIME."""
    dct = root.find(f".//{DCT_TAG}")
    timex = dct.find(f".//{TIMEX_TAG}") if dct is not None else None
    if timex is not None:
        return timex.get("value", "").strip()
    for timex in root.iter(TIMEX_TAG):
        if timex.get("functionInDocument") == CREATION_TIME:
            return timex.get("value", "").strip()
    return ""


def parse_dct(value: str) -> date | None:
    """The calendar day a DCT value starts with, or None ("", "PRESENT_REF", "1998-W02")."""
    found = _DCT_DATE.match(value.strip())
    if not found:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        return None
