"""Crisis Timeline core: articles in, pandas frames out. Never imports streamlit."""

__version__ = "0.1.0"
# Bump when any rule file or extractor changes: cached results keyed on it are re-extracted.
RULES_VERSION = "5"
