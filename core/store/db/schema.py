"""The store's tables: their columns and SQL types, the statements that create
them, the check that a database holds exactly them, and the conversions
between a corpus frame (pandas) and its table (`frame_<name>`). The tables are
described in `core.store.db`'s docstring."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from core import REPO_ROOT
from core.frames import DATE_COLUMNS, FRAME_COLUMNS, INT_COLUMNS

DEFAULT_DB_PATH = REPO_ROOT / "data" / "crisis.duckdb"
SCHEMA_VERSION = "2"

# SQL types of the frame columns (dates and counts as core.frames types them); every other column is VARCHAR.
_LIST_COLUMNS = {("events", "actors"), ("events", "places"), ("actors", "aliases"), ("events", "sides"),
                 ("events", "sources"), ("events", "merge_reasons"), ("mentions", "agents"),
                 ("mentions", "patients"), ("mentions", "actors")}
_FLOAT_COLUMNS = {("claims", "value"), ("claims", "low"), ("claims", "high"), ("places", "lat"), ("places", "lon")}

# The results table's columns, in order, with their SQL types.
RESULT_COLUMNS = (
    ("article_id", "VARCHAR"), ("version", "VARCHAR"), ("article_json", "VARCHAR"), ("result_json", "VARCHAR"),
    ("n_timexes", "BIGINT"), ("n_claims", "BIGINT"), ("n_actor_mentions", "BIGINT"),
    ("n_place_mentions", "BIGINT"), ("n_sentences", "BIGINT"), ("batch_id", "VARCHAR"), ("stored_at", "TIMESTAMP"),
)

# The user's merges and splits of events (core.combine.event_merge.Correction), in the order made.
# They name mentions by id, so a re-extraction of the same text keeps them; a rebuild never
# touches this table.
CORRECTION_COLUMNS = (("seq", "BIGINT"), ("action", "VARCHAR"), ("mention_ids", "VARCHAR[]"),
                      ("note", "VARCHAR"), ("made_at", "TIMESTAMP"))


def db_path_from_env() -> Path:
    """`CRISIS_DB`, the database file; default `data/crisis.duckdb`."""
    raw = os.environ.get("CRISIS_DB", "").strip()
    return Path(raw) if raw else DEFAULT_DB_PATH


def sql_type(name: str, column: str) -> str:
    """The SQL type of column `column` of frame `name`."""
    if (name, column) in _LIST_COLUMNS:
        return "VARCHAR[]"
    if column in DATE_COLUMNS:
        return "DATE"
    if column in INT_COLUMNS:
        return "BIGINT"
    if (name, column) in _FLOAT_COLUMNS:
        return "DOUBLE"
    return "VARCHAR"


def quote(column: str) -> str:
    """A column name as an SQL identifier."""
    return '"' + column.replace('"', '""') + '"'


def schema_sql() -> list[str]:
    """The statements that create our tables (each only if it does not exist)."""
    results = ", ".join(f"{name} {kind} NOT NULL" for name, kind in RESULT_COLUMNS)
    statements = [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        f"CREATE TABLE IF NOT EXISTS results ({results}, PRIMARY KEY (article_id, version))",
        f"CREATE TABLE IF NOT EXISTS corrections ({', '.join(f'{n} {k}' for n, k in CORRECTION_COLUMNS)})",
    ]
    for name, columns in FRAME_COLUMNS.items():
        body = ", ".join(f"{quote(c)} {sql_type(name, c)}" for c in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS frame_{name} ({body}, _row BIGINT)")
    return statements


def expected_columns() -> dict[str, list[str]]:
    """Our tables and their columns, in order, as `schema_sql` creates them."""
    tables = {"meta": ["key", "value"], "results": [name for name, _ in RESULT_COLUMNS],
              "corrections": [name for name, _ in CORRECTION_COLUMNS]}
    for name, columns in FRAME_COLUMNS.items():
        tables[f"frame_{name}"] = [*columns, "_row"]
    return tables


def schema_problem(found: dict[str, list[str]], schema_version: str | None) -> str | None:
    """What makes a database with tables `found` (name -> column names, in
    order) and meta ``schema_version`` not this store; None when it is this
    store, or an empty database (a fresh store whose schema is still to create).
    Tables of its own beside ours are allowed."""
    if not found:
        return None
    expected = expected_columns()
    missing = [name for name in expected if name not in found]
    if missing:
        return f"not this store's schema: missing table(s) {', '.join(missing)}"
    for name, columns in expected.items():
        if list(found[name]) != columns:
            return f"not this store's schema: table {name} has columns {found[name]}, expected {columns}"
    if schema_version != SCHEMA_VERSION:
        return f"schema version {schema_version!r}, expected {SCHEMA_VERSION!r}"
    return None


def one_row(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> tuple[Any, ...]:
    """The one row of a query that always has one (an aggregate's: `count(*)`, `max(...)`)."""
    row = con.execute(sql, params or []).fetchone()
    if row is None:
        raise RuntimeError(f"no row from a query that always has one: {sql}")
    return row


def found_schema(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, list[str]], str | None]:
    """The user tables of the open database with their columns, and its meta schema_version."""
    rows = con.execute(
        """SELECT table_name, column_name FROM duckdb_columns()
           WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
             AND table_name IN (SELECT table_name FROM duckdb_tables()
                                WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary)
           ORDER BY table_name, column_index"""
    ).fetchall()
    found: dict[str, list[str]] = {}
    for table, column in rows:
        found.setdefault(table, []).append(column)
    version = None
    if found.get("meta") == ["key", "value"]:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = row[0] if row else None
    return found, version


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Our tables, in one transaction (a crash leaves all of them or none)."""
    con.execute("BEGIN TRANSACTION")
    for statement in schema_sql():
        con.execute(statement)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    con.execute("COMMIT")


def write_frame(con: duckdb.DuckDBPyConnection, name: str, df: pd.DataFrame) -> None:
    """Replace the rows of table `frame_<name>` with frame `df` (its FRAME_COLUMNS,
    cast to their SQL types; a missing column is null), in the caller's transaction."""
    columns = FRAME_COLUMNS[name]
    table = pd.DataFrame(index=range(len(df)))
    for column in columns:
        series = df[column].reset_index(drop=True) if column in df.columns else pd.Series([None] * len(df))
        kind = sql_type(name, column)
        if kind == "VARCHAR[]":
            series = series.map(lambda v: [str(x) for x in v] if isinstance(v, (list, tuple)) else [])
        elif kind == "DATE":
            series = pd.to_datetime(series, errors="coerce")
        elif kind == "VARCHAR":
            series = series.astype(object).where(series.notna(), None).map(lambda v: v if v is None else str(v))
        elif kind == "DOUBLE":
            series = pd.to_numeric(series, errors="coerce").astype("float64")
        table[column] = series.astype(object) if kind in ("VARCHAR[]", "VARCHAR") else series
    table["_row"] = range(len(df))
    con.execute(f"DELETE FROM frame_{name}")
    if not len(table):
        return
    con.register("_frame", table)
    try:
        select = ", ".join(f"CAST({quote(c)} AS {sql_type(name, c)})" for c in columns)
        con.execute(f"INSERT INTO frame_{name} SELECT {select}, _row FROM _frame")
    finally:
        con.unregister("_frame")


def as_frame(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """A DuckDB result with the dtypes `core.frames.frame` gives: lists as Python
    lists, dates as datetimes, counts as Int64, text as str (object when all null)."""
    for column in df.columns:
        kind = sql_type(name, column)
        series = df[column]
        if kind == "VARCHAR[]":
            df[column] = series.map(lambda v: list(v) if v is not None and not isinstance(v, float) else [])
            df[column] = df[column].astype(object)
        elif kind == "DATE":
            df[column] = pd.to_datetime(series, errors="coerce")
        elif kind == "BIGINT":
            df[column] = series.astype("Int64")
        elif kind == "VARCHAR":
            df[column] = series.astype(object) if series.isna().all() else series.astype("str")
    return df.reset_index(drop=True)
