"""Extracting: one article's text to records. The spaCy model (`model`), the
pipeline (`pipeline`) with our components (`components`), and the extractors it
runs on each article (`articles`): time expressions (`timex`), troop-figure
claims (`claims`), actors, places, speakers and event mentions."""
