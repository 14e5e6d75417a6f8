"""Benchmarks that print measured figures; tests never assert on speed.

Each runs as a module from the repository root, which must be the working
directory (it is what makes `core`, `ui` and `bench` importable):

    .venv/bin/python -m bench.NAME [options]

and they import each other as `bench.NAME` (`bench.app_server` starts the
dashboard for the benches and the browser tests alike).
"""
