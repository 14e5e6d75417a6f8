"""Frames to CSV bytes for the dashboard's download buttons (no Streamlit here).

The CSV is what the analyst saw: list cells joined, dates as ISO strings,
UTF-8. Text cells that a spreadsheet would run as a formula are neutralised
with a leading apostrophe (OWASP "CSV injection"); numbers stay numbers.
"""
from __future__ import annotations

import pandas as pd

from core.frames import to_flat

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
        flat[column] = flat[column].map(neutralise_cell)
    text = flat.to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8-sig" if bom else "utf-8")
