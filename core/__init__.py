"""Crisis Timeline core: articles in, pandas frames out. Never imports streamlit."""

__version__ = "0.1.0"
# Bump when an extractor's code changes: cached results keyed on it are re-extracted. A change
# to a rule file in core/data changes the pipeline version by itself (core.nlp.rules_digest).
RULES_VERSION = "66"
