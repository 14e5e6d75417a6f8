"""Import: the user's own articles, checked and corrected before they join the corpus."""
import streamlit as st

from core.read import corpus, upload, uploads_folder
from ui import data, import_status
from ui.page import page

ROUND_KEY = "import_round"      # bumped after an import: a fresh (empty) uploader
WAITING_KEY = "import_waiting"  # the files this session imported, until the background job has read them
FAILED_KEY = "import_failed"    # the summary names files whose extraction failed
SUMMARY_KEY = "import_summary"  # what the last import or removal did, shown after the rerun
ROWS_KEY = "import_rows_"       # + batch key: the check table's rows, notes kept true to the cells
# An imported article's metadata the user may correct (core.read.uploads_folder.update_metadata); side: whom it speaks for.
EDIT_FIELDS = (("title", "Title"), ("published", "Published (YYYY-MM-DD)"), ("source", "Source"),
               ("side", "Side (e.g. Russia, Ukraine, United States; empty: the source)"))

page("Import", title="Import your articles", corpus=False,
     caption="Add your own articles to the corpus: .txt, .md, .html, .json, .csv (one article per row, a `text` "
             "column plus optional `title`, `source`, `url`, `published`) or a .zip of these. Check the title, "
             "source, link and publication date before importing: the date resolves “on Monday” in the text. "
             "A story already in the corpus (the same text, or nearly) is unticked: tick it to keep both.")

uploads_dir = corpus.uploads_dir_from_env()
corpus_paths = corpus.corpus_dirs_from_env()


@st.cache_data(show_spinner="Reading the uploaded files…", max_entries=4)
def read_drafts(files: tuple[tuple[str, bytes], ...], fingerprint: str) -> upload.UploadResult:
    # `fingerprint` is only part of the key: duplicates are re-checked when the corpus changes.
    return upload.read_uploads(files, corpus_paths=corpus_paths)


def plain_list(lines: list[str]) -> None:
    """File names and metadata come from the user's files: shown as plain text, never as Markdown."""
    st.code("\n".join(lines), language="text", wrap_lines=True)


summary = st.session_state.pop(SUMMARY_KEY, [])
if summary:
    if st.session_state.pop(FAILED_KEY, False):
        st.warning("Done, but some files could not be extracted (each is named below, with why):",
                   icon=":material/warning:")
    else:
        st.success("Done:", icon=":material/task_alt:")
    plain_list(summary)


if st.session_state.get(WAITING_KEY):
    import_status.extraction_progress(WAITING_KEY, summary_key=SUMMARY_KEY, failed_key=FAILED_KEY)

st.session_state.setdefault(ROUND_KEY, 0)
files = st.file_uploader("Articles to import", type=[s.lstrip(".") for s in upload.UPLOAD_SUFFIXES],
                         accept_multiple_files=True, key=f"import_files_{st.session_state[ROUND_KEY]}",
                         help=f"Up to {upload.MAX_UPLOAD_BYTES / 1_000_000:g} MB per file (an article, a .zip "
                              f"or a .csv), each article up to {upload.MAX_ARTICLE_BYTES / 1_000_000:g} MB; "
                              f"a .zip may hold {upload.MAX_ZIP_MEMBERS} files.")

if files:
    result = read_drafts(tuple((f.name, f.getvalue()) for f in files), corpus.corpus_fingerprint(corpus_paths))
    if result.problems:
        st.warning(f"{len(result.problems)} file(s) or part(s) were not read:", icon=":material/warning:")
        plain_list(list(result.problems))
    if not result.drafts:
        st.info("No article found in these files. Check the notes above, fix the files and upload them again.",
                icon=":material/upload_file:")
    else:
        st.subheader(f"Check before importing ({len(result.drafts)} article(s))")
        batch = upload.batch_key(result.drafts)
        rows = st.session_state.get(ROWS_KEY + batch) or upload.draft_rows(result.drafts)
        edited = st.data_editor(
            rows, key=f"import_editor_{batch}", hide_index=True, width="stretch",
            column_order=upload.TABLE_COLUMNS, disabled=["file", "words", "notes"],
            column_config={
                "import": st.column_config.CheckboxColumn("Import", width="small",
                                                          help="Untick to leave this one out; tick a duplicate to keep both"),
                "title": st.column_config.TextColumn("Title", width="medium"),
                "published": st.column_config.TextColumn("Published", width="small", help="YYYY-MM-DD, e.g. 2022-02-14"),
                "notes": st.column_config.TextColumn("Notes", width="large"),
                "source": st.column_config.TextColumn("Source", width="small"),
                "url": st.column_config.TextColumn("URL (http/https)", width="small"),
                "file": st.column_config.TextColumn("From", width="small"),
                "words": st.column_config.NumberColumn("Words", format="%d", width="small"),
            },
        )
        fresh = upload.refresh_notes(result.drafts, edited)
        if [r["notes"] for r in fresh] != [r["notes"] for r in rows]:
            st.session_state[ROWS_KEY + batch] = fresh      # a typed date clears "no publication date"
            st.rerun()
        chosen, errors = upload.apply_edits(result.drafts, edited)
        if errors:
            st.error("Correct these cells in the table, then import:", icon=":material/edit_calendar:")
            plain_list(errors)
        clicked = st.button(f"Import {len(chosen)} article(s)", key="import_button", type="primary",
                            disabled=bool(errors) or not chosen)
        if clicked:
            saved = uploads_folder.import_drafts(chosen, uploads_dir=uploads_dir, corpus_paths=corpus_paths)
            summary = [f"Imported {len(saved.saved)} article(s) into {uploads_dir}."] if saved.saved else []
            summary += [f"Not imported: {d}" for d in saved.duplicates] + list(saved.problems)
            st.session_state[ROUND_KEY] += 1
            if saved.saved:
                st.session_state[WAITING_KEY] = {"saved": [str(p) for p in saved.saved], "summary": summary}
                data.import_job().start()    # on a thread of the server: this page returns at once
            else:
                st.session_state[SUMMARY_KEY] = summary
            st.rerun()
else:
    st.info("Drop files above (or click *Upload*) to start. Nothing is saved until you press *Import*.",
            icon=":material/upload_file:")

st.subheader("Imported articles")
imported = uploads_folder.list_uploads(uploads_dir)
if not imported:
    st.info(f"None yet. Imported articles are saved in `{uploads_dir}` (set `CRISIS_UPLOADS` to change it) "
            "and stay there across restarts until you remove them here.", icon=":material/inbox:")
for number, article in enumerate(imported):
    left, right = st.columns([6, 1])
    left.text(f"{article.title} · {article.source or 'no source'} · {article.published or 'undated'} · "
              f"{article.path.name}")
    if right.button("Remove", key=f"import_remove_{article.path.name}", help=f"Delete {article.path.name}"):
        uploads_folder.remove_upload(article.path, uploads_dir=uploads_dir)
        st.session_state[SUMMARY_KEY] = [f"Removed {article.path.name} (and its metadata) from the corpus."]
        st.rerun()
    with left.expander(f"Correct the title, date, source or side of {article.path.name}"), \
            st.form(key=f"import_edit_{article.path.name}", border=False):
        values = {field: st.text_input(label, value=getattr(article, field), key=f"import_edit_{field}_{article.path.name}")
                  for field, label in EDIT_FIELDS}
        if st.form_submit_button("Save the corrections"):
            try:
                uploads_folder.update_metadata(article.path, uploads_dir=uploads_dir, **values)
            except ValueError as error:
                st.error("Not saved:", icon=":material/edit_calendar:")
                plain_list([str(error)])
            else:
                st.session_state[SUMMARY_KEY] = [f"Saved the corrections to {article.path.name}: the corpus "
                                                 "uses them from the next page load."]
                st.rerun()
