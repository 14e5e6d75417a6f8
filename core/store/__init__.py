"""Storing: the DuckDB store the dashboard reads (`db`), the on-disk cache of
per-article results (`cache`), extraction in a child process (`worker`) or on a
Dask cluster (`distributed`)."""
