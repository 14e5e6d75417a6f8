"""Reading: files to articles. The corpus folders (`ingest`), the Import page's
uploads (`upload`, saved by `uploads_folder`), their metadata (`metadata`) and
HTML (`html`), the language check, the limits, duplicate stories (`dedupe`),
and where the corpus is (`corpus`)."""
