"""Frames to CSV bytes (and a zip of every frame) for the dashboard's
download buttons (no Streamlit here).

The CSV is what the analyst saw: list cells joined, dates as ISO strings,
UTF-8 (with a byte-order mark on request, for Excel). Text cells that a
spreadsheet would run as a formula are neutralised with a leading apostrophe
(OWASP "CSV injection"); numbers stay numbers.
"""
from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime, timezone
from typing import Iterable, Mapping

import pandas as pd

from core import DATA_DIR
from core.frames import to_flat
from core.present.highlight import article_credits

_COLUMN_DOCS = DATA_DIR / "frame_columns.csv"

# A cell starting with one of these is read as a formula by Excel, LibreOffice
# or Google Sheets (tab and carriage return hide a formula behind whitespace).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """A string that would start a spreadsheet formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv_bytes(df: pd.DataFrame, *, bom: bool = False) -> bytes:
    """`df` as UTF-8 CSV (with a byte-order mark for Excel when `bom`)."""
    flat = to_flat(df)
    for column in flat.columns:
        # kept as objects: a mapped column of whole numbers and blanks would turn float again
        flat[column] = pd.Series([neutralise_cell(v) for v in flat[column]], index=flat.index, dtype=object)
    text = flat.to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8-sig" if bom else "utf-8")


def column_docs() -> dict[tuple[str, str], str]:
    """(frame, column) -> what the column means, from core/data/frame_columns.csv."""
    with _COLUMN_DOCS.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(line for line in handle if line.strip() and not line.startswith("#"))
        return {(frame, column): text for frame, column, text in rows}


def zip_readme(tables: Mapping[str, pd.DataFrame], *, note: str = "") -> str:
    """The README of a zip export: what each file holds and what its columns mean."""
    docs = column_docs()
    lines = ["# Crisis Timeline export", ""]
    if note:
        lines += [note, ""]
    lines += ["Every file is CSV, UTF-8, with ISO 8601 dates (YYYY-MM-DD). List cells are joined with '; '.",
              "Text cells that a spreadsheet would run as a formula start with an apostrophe.", ""]
    if "articles" in tables:
        lines += attribution_lines(tables["articles"])
    for name, df in tables.items():
        lines += [f"## {name}.csv ({len(df)} rows)", "", "| column | meaning |", "|---|---|"]
        lines += [f"| {column} | {docs.get((name, column), '')} |" for column in df.columns]
        lines.append("")
    return "\n".join(lines)


def attribution_lines(articles: pd.DataFrame) -> list[str]:
    """The README's credits: the sentences in an export quote its documents, so
    it names each credit (`core.present.highlight.ArticleFacts.credit`) and how many of
    the exported documents carry it."""
    counts = article_credits(articles).value_counts() if len(articles) else pd.Series(dtype=int)
    lines = ["## Attribution", "",
             "The sentences and passages in these files are quoted from the documents in articles.csv, whose",
             "attribution and licence columns give each document's credit. Keep the credit with any text you reuse.",
             ""]
    if counts.empty:
        return lines
    lines += ["| credit | documents |", "|---|---|"]
    lines += [f"| {' '.join(str(credit).split()).replace('|', '/')} | {int(number)} |"
              for credit, number in counts.items()]
    return lines + [""]


def frames_zip(tables: Iterable[tuple[str, pd.DataFrame]], *, bom: bool = False, note: str = "") -> bytes:
    """A zip of one CSV per frame plus README.md describing their columns."""
    frames = dict(tables)
    buffer = io.BytesIO()
    now = datetime.now(timezone.utc)
    stamp = (now.year, now.month, now.day, now.hour, now.minute, now.second)
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, df in frames.items():
            archive.writestr(_member(f"{name}.csv", stamp), to_csv_bytes(df, bom=bom))
        archive.writestr(_member("README.md", stamp), zip_readme(frames, note=note))
    return buffer.getvalue()


def _member(name: str, stamp: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
