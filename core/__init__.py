"""Crisis Timeline core: articles in, pandas frames out. Never imports streamlit."""

from pathlib import Path

__version__ = "0.1.0"
# The checkout (settings.toml, seeds/, data/) and our rule files (core/data), found once here so
# that no module's place in the package decides where they are.
REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(__file__).resolve().parent / "data"
# Bump when an extractor's code changes: cached results keyed on it are re-extracted. A change
# to a rule file in core/data changes the pipeline version by itself (core.extract.pipeline.rules_digest).
RULES_VERSION = "167"
