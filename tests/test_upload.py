"""The user's own articles: uploads to drafts, corrections, import, removal, the Import page."""
from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.read import corpus, html, ingest, metadata, upload, uploads_folder
from tests.import_wait import wait_for_import

REPO = Path(__file__).resolve().parents[1]
FRONT_MATTER_TXT = (b"---\ntitle: Troops at the border\nsource: Wire\nurl: https://example.org/a\n"
                    b"published: 2022-02-14\n---\nOn Monday, Russia moved 5,000 troops to the border.\n")
HTML = b"""<html><head><title>Ignored | Site</title>
<meta property="og:title" content="Talks in Geneva">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example.org/geneva">
<meta property="article:published_time" content="2022-01-10T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Talks in Geneva</h1>
<p>Diplomats from the United States and Russia met in Geneva on Monday to discuss the security crisis in Europe.</p>
<p>The talks lasted nearly eight hours, officials said, and no agreement was reached on the main demands.</p>
<script>alert("x")</script></article><footer>Copyright 2022</footer></body></html>"""


def read(*files: tuple[str, bytes], corpus_paths=()) -> upload.UploadResult:
    return upload.read_uploads(files, corpus_paths=corpus_paths)


def make_zip(members: dict[str, bytes], *, symlink: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return buffer.getvalue()


# file types and metadata -------------------------------------------------

def test_txt_front_matter_fills_the_metadata_and_is_not_part_of_the_text():
    result = read(("note.txt", FRONT_MATTER_TXT))
    assert result.problems == ()
    [draft] = result.drafts
    assert (draft.title, draft.source, draft.url, draft.published) == (
        "Troops at the border", "Wire", "https://example.org/a", date(2022, 2, 14))
    assert draft.text == "On Monday, Russia moved 5,000 troops to the border.\n"
    assert draft.content_id == ingest.content_id(draft.text)
    assert draft.problems == ()


def test_plain_txt_without_date_says_so_and_takes_its_name_as_title():
    [draft] = read(("my-report.txt", b"Kyiv was calm on Tuesday.")).drafts
    assert draft.title == "my-report" and draft.published is None
    assert any("no publication date" in p for p in draft.problems)


def test_html_body_title_source_url_and_date_come_from_the_page():
    [draft] = read(("page.html", HTML)).drafts
    assert draft.title == "Talks in Geneva"
    assert draft.source == "Example News"
    assert draft.url == "https://news.example.org/geneva"
    assert draft.published == date(2022, 1, 10)
    assert "met in Geneva on Monday" in draft.text
    assert "alert" not in draft.text and "Copyright" not in draft.text and "Sport" not in draft.text


def test_html_date_is_never_guessed_from_the_text():
    page = b"<html><body><article><p>" + b"On 3 March 2021 the talks resumed in Vienna after a long pause. " * 3 + \
        b"</p></article></body></html>"
    [draft] = read(("undated.htm", page)).drafts
    assert draft.published is None


def test_json_object_and_list_of_objects():
    one = json.dumps({"title": "T", "body": "Text one.", "date": "2022-02-01", "source": "S"}).encode()
    many = json.dumps([{"text": "First."}, {"text": "Second.", "published": "2022-02-02"}, {"nope": 1}]).encode()
    result = read(("one.json", one), ("many.json", many))
    assert [(d.name, d.title, d.published) for d in result.drafts] == [
        ("one.json", "T", date(2022, 2, 1)), ("many.json [item 1]", "many-item-1", None),
        ("many.json [item 2]", "many-item-2", date(2022, 2, 2))]
    assert result.problems == ('many.json [item 3]: a JSON article must have a string "text" field',)


def test_csv_one_article_per_row_with_optional_columns():
    data = ("Title,Text,Source,URL,Published\n"
            "First,\"Russia moved troops, officials said.\",Wire,https://example.org/1,2022-02-10\n"
            "Second,Talks resumed.,,,\n"
            "Empty,,,,\n").encode()
    result = read(("batch.csv", data))
    assert [(d.name, d.title, d.source, d.url, d.published) for d in result.drafts] == [
        ("batch.csv [row 1]", "First", "Wire", "https://example.org/1", date(2022, 2, 10)),
        ("batch.csv [row 2]", "Second", "", "", None)]
    assert result.drafts[0].text == "Russia moved troops, officials said."
    assert result.problems == ("batch.csv [row 3]: empty 'Text' cell, skipped",)


def test_csv_without_a_text_column_is_refused_naming_the_columns():
    result = read(("bad.csv", b"title,words\nA,3\n"))
    assert result.drafts == ()
    assert result.problems[0].startswith("bad.csv: a CSV needs a 'text'")
    assert "'title', 'words'" in result.problems[0]


@pytest.mark.parametrize("name, data, message", [
    ("scan.pdf", b"%PDF-1.4", "a .pdf is not supported"),
    ("empty.txt", b"  \n", "empty file"),
    ("binary.txt", b"ab\x00cd", "binary file"),
    ("doc.pdf.txt", b"%PDF-1.7 rest", "this is a PDF"),
    ("broken.json", b"{not json", "broken.json: Expecting property name"),
    ("huge.txt", b"x" * (upload.MAX_ARTICLE_BYTES + 1), "the limit for one article"),
])
def test_bad_files_are_refused_with_a_message_naming_them(name, data, message):
    result = read((name, data))
    assert result.drafts == ()
    assert len(result.problems) == 1 and result.problems[0].startswith(name) and message in result.problems[0]


# dates and corrections -----------------------------------------------------

def test_impossible_date_in_the_file_is_flagged_not_kept():
    [draft] = read(("x.md", b"---\npublished: 2022-02-30\n---\nText.")).drafts
    assert draft.published is None
    assert any("2022-02-30" in p and "not a real calendar date" in p for p in draft.problems)


@pytest.mark.parametrize("value, expected", [
    ("2022-02-14", date(2022, 2, 14)), (" 2022-02-14 ", date(2022, 2, 14)), ("", None), (None, None),
    (date(2022, 1, 2), date(2022, 1, 2)),
])
def test_check_date_accepts(value, expected):
    assert upload.check_date(value) == expected


@pytest.mark.parametrize("value, message", [
    ("2022-02-30", "not a real calendar date"), ("2022-13-01", "not a real calendar date"),
    ("14/02/2022", "not in the form YYYY-MM-DD"), ("2022-02-14T10:00", "not in the form YYYY-MM-DD"),
])
def test_check_date_refuses(value, message):
    with pytest.raises(ValueError, match=message):
        upload.check_date(value)


def test_apply_edits_corrects_metadata_skips_unticked_and_reports_bad_cells():
    drafts = read(("a.txt", b"Alpha."), ("b.txt", b"Beta."), ("c.txt", b"Gamma."), ("d.txt", b"Delta.")).drafts
    rows = upload.draft_rows(drafts)
    assert [r["import"] for r in rows] == [True] * 4 and rows[0]["published"] == ""
    rows[0].update(title="Fixed", source="Me", url="https://x.org", published="2022-02-14")
    rows[1].update(published="2022-02-30")
    rows[2].update(url="javascript:alert(1)")
    rows[3].update({"import": False})
    chosen, errors = upload.apply_edits(drafts, rows)
    assert [(d.title, d.source, d.url, d.published) for d in chosen] == [("Fixed", "Me", "https://x.org", date(2022, 2, 14))]
    assert errors == ["row 2 (b.txt): publication date '2022-02-30' is not a real calendar date",
                      "row 3 (c.txt): url 'javascript:alert(1)' is not a link that starts with http:// or https://"]


# zip archives ------------------------------------------------------------------

def test_zip_members_are_read_and_junk_skipped():
    data = make_zip({"dir/one.txt": b"One.", "two.md": b"---\ntitle: Two\n---\nTwo.", "__MACOSX/._one.txt": b"x",
                     ".hidden.txt": b"h", "dir/": b""})
    result = read(("batch.zip", data))
    assert [d.name for d in result.drafts] == ["batch.zip/dir/one.txt", "batch.zip/two.md"]
    assert result.drafts[1].title == "Two"
    assert result.problems == ()


def test_a_zipped_corpus_readme_or_notice_is_not_an_article():
    data = make_zip({"corpus/one.txt": b"One.", "corpus/README.md": b"# Demo corpus\nCC BY 4.0.",
                     "corpus/NOTICE": b"Credit www.kremlin.ru.", "LICENSE.txt": b"CC0 1.0"})
    result = read(("corpus.zip", data))
    assert [d.name for d in result.drafts] == ["corpus.zip/corpus/one.txt"]
    assert len(result.problems) == 3 and all("not an article; skipped" in p for p in result.problems)


@pytest.mark.parametrize("member, message", [
    ("../evil.txt", "leaves the archive"),
    ("a/../../evil.txt", "leaves the archive"),
    ("/etc/evil.txt", "leaves the archive"),
    ("C:/evil.txt", "leaves the archive"),
    ("..\\evil.txt", "leaves the archive"),
    ("inner.zip", "nested archives are not opened"),
    ("image.png", "not supported"),
])
def test_zip_unsafe_or_unsupported_members_are_refused_by_name(member, message):
    result = read(("bad.zip", make_zip({member: b"Text.", "ok.txt": b"Fine."})))
    assert [d.name for d in result.drafts] == ["bad.zip/ok.txt"]
    assert len(result.problems) == 1
    assert result.problems[0].startswith(f"bad.zip: member {member!r}") and message in result.problems[0]


def test_zip_symlink_is_refused():
    result = read(("links.zip", make_zip({"ok.txt": b"Fine."}, symlink="passwd.txt")))
    assert [d.name for d in result.drafts] == ["links.zip/ok.txt"]
    assert result.problems == ("links.zip: member 'passwd.txt': a symbolic link. Refused.",)


def test_zip_bomb_by_ratio_is_refused():
    result = read(("bomb.zip", make_zip({"zeros.txt": b"0" * (upload.RATIO_CHECK_MIN_BYTES * 2)})))
    assert result.drafts == ()
    assert "zip bomb" in result.problems[0] and "'zeros.txt'" in result.problems[0]


def test_zip_with_too_many_members_or_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(upload, "MAX_ZIP_MEMBERS", 3)
    result = read(("many.zip", make_zip({f"{i}.txt": b"x" for i in range(4)})))
    assert result.drafts == () and result.problems == ("many.zip: 4 files in the archive; the limit is 3. Refused.",)
    monkeypatch.setattr(upload, "MAX_ZIP_TOTAL_BYTES", 10)
    result = read(("big.zip", make_zip({"a.txt": b"0123456789", "b.txt": b"x"})))
    assert result.drafts == () and "11 bytes once unpacked; the limit is 10" in result.problems[0]


def test_zip_member_larger_than_its_header_says_is_refused(monkeypatch):
    monkeypatch.setattr(upload, "MAX_ARTICLE_BYTES", 20)
    data = make_zip({"long.txt": b"y" * 50})
    result = read(("lying.zip", data))
    assert result.drafts == () and "member 'long.txt': larger than the limit of 20" in result.problems[0]


def test_not_a_zip_is_refused():
    result = read(("fake.zip", b"PK but not really"))
    assert result.drafts == () and result.problems[0].startswith("fake.zip: not a readable .zip")


# duplicates, saving, removal -----------------------------------------------------

def test_duplicates_of_corpus_articles_and_within_the_batch_are_flagged(tmp_path):
    (tmp_path / "known.txt").write_text("Already here.", encoding="utf-8")
    (tmp_path / "page.html").write_bytes(HTML)
    result = read(("new.txt", b"Already here."), ("copy.html", HTML), ("x.txt", b"Fresh."), ("y.txt", b"Fresh."),
                  corpus_paths=[tmp_path])
    assert [d.duplicate_of for d in result.drafts] == [str(tmp_path / "known.txt"), str(tmp_path / "page.html"),
                                                       None, "x.txt"]
    assert [r["import"] for r in upload.draft_rows(result.drafts)] == [False, False, True, False]


def test_import_saves_text_and_sidecar_that_the_corpus_reader_reads(tmp_path):
    uploads = tmp_path / "uploads"
    [draft] = read(("note.txt", FRONT_MATTER_TXT)).drafts
    result = uploads_folder.import_drafts([draft], uploads_dir=uploads)
    assert result.saved == (uploads / "note.txt",) and result.duplicates == ()
    assert json.loads((uploads / "note.meta.json").read_text())["published"] == "2022-02-14"
    article, problems = ingest.read_article(uploads / "note.txt")
    assert article.article_id == draft.content_id
    assert (article.title, article.source, article.published) == ("Troops at the border", "Wire", date(2022, 2, 14))
    assert not [p for p in problems if p.fatal]
    assert sorted(p.name for p in uploads.iterdir()) == ["note.meta.json", "note.txt"]  # no temp files left


def test_import_never_overwrites_and_never_imports_the_same_text_twice(tmp_path):
    uploads = tmp_path / "uploads"
    first = read(("note.txt", b"First text.")).drafts
    second = read(("note.txt", b"Second text.")).drafts
    assert uploads_folder.import_drafts(first, uploads_dir=uploads).saved == (uploads / "note.txt",)
    assert uploads_folder.import_drafts(second, uploads_dir=uploads).saved == (uploads / "note-2.txt",)
    again = uploads_folder.import_drafts(first, uploads_dir=uploads)
    assert again.saved == ()
    assert again.duplicates == (f"note.txt: duplicate of {uploads / 'note.txt'} (the same text); not imported again",)
    assert (uploads / "note.txt").read_text() == "First text."


def test_import_refuses_a_text_already_in_the_configured_corpus(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Same.", encoding="utf-8")
    result = uploads_folder.import_drafts(read(("b.txt", b"Same.")).drafts, uploads_dir=tmp_path / "up", corpus_paths=[seeds])
    assert result.saved == () and len(result.duplicates) == 1


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(uploads_folder.os, "replace", broken_replace)
    with pytest.raises(OSError):
        uploads_folder.atomic_write(target, b"new")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_atomic_write_never_leaves_a_half_written_file_when_the_write_fails_midway(tmp_path, monkeypatch):
    """A crash between writing and syncing (here: fsync fails) leaves the old content, never a mix."""
    target = tmp_path / "a.txt"
    target.write_text("old")

    def broken_fsync(fd):
        raise OSError("I/O error")

    monkeypatch.setattr(uploads_folder.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        uploads_folder.atomic_write(target, b"new content")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_remove_deletes_article_and_sidecar_and_refuses_outside_paths(tmp_path):
    uploads = tmp_path / "uploads"
    [saved] = uploads_folder.import_drafts(read(("note.txt", FRONT_MATTER_TXT)).drafts, uploads_dir=uploads).saved
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    (uploads / "link.txt").symlink_to(outside)
    for bad in (outside, uploads / ".." / "outside.txt", uploads, uploads / "link.txt", uploads / "note.meta.json"):
        with pytest.raises(ValueError):
            uploads_folder.remove_upload(bad, uploads_dir=uploads)
    assert outside.read_text() == "keep me"
    assert [a.title for a in uploads_folder.list_uploads(uploads) if a.path == saved] == ["Troops at the border"]
    uploads_folder.remove_upload(saved, uploads_dir=uploads)
    assert sorted(p.name for p in uploads.iterdir()) == ["link.txt"]


@pytest.mark.parametrize("name, expected", [
    ("report", "report"),
    ("../../etc/passwd", "etc_passwd"),
    ("..\\windows\\system32", "windows_system32"),
    (".bashrc", "bashrc"),
    ("a\x00b\x1bc\u202ed", "abcd"),
    ("my report: final?", "my_report_final"),
    ("", "article"),
    ("...", "article"),
    ("CON", "_CON"),
    ("x" * 300, "x" * upload.MAX_NAME_CHARS),
])
def test_safe_file_name(name, expected):
    assert upload.safe_file_name(name) == expected


# the corpus folders -----------------------------------------------------------

def test_uploads_dir_joins_the_corpus_once_it_exists(tmp_path, monkeypatch):
    seeds, uploads = tmp_path / "seeds", tmp_path / "uploads"
    seeds.mkdir()
    monkeypatch.setenv("CRISIS_CORPUS", str(seeds))
    monkeypatch.setenv("CRISIS_UPLOADS", str(uploads))
    assert corpus.uploads_dir_from_env() == uploads
    assert corpus.corpus_dirs_from_env() == [seeds]
    uploads.mkdir()
    assert corpus.corpus_dirs_from_env() == [seeds, uploads]
    monkeypatch.setenv("CRISIS_CORPUS", os.pathsep.join([str(seeds), str(uploads)]))
    assert corpus.corpus_dirs_from_env() == [seeds, uploads]
    monkeypatch.delenv("CRISIS_UPLOADS")
    assert corpus.uploads_dir_from_env() == corpus.REPO_ROOT / "data" / "uploads"


def page_app(tmp_path, monkeypatch) -> AppTest:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / "known.txt").write_text("Already in the corpus.", encoding="utf-8")
    monkeypatch.setenv("CRISIS_CORPUS", str(seeds))
    monkeypatch.setenv("CRISIS_UPLOADS", str(tmp_path / "uploads"))
    monkeypatch.setenv("CRISIS_CACHE", "off")
    monkeypatch.setenv("CRISIS_DB", str(tmp_path / "crisis.duckdb"))   # never the checkout's data/
    at = AppTest.from_file(str(REPO / "pages" / "5_Import.py"), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_empty_state_says_what_to_do(tmp_path, monkeypatch):
    at = page_app(tmp_path, monkeypatch)
    infos = " ".join(i.value for i in at.info)
    assert "Drop files above" in infos and "None yet" in infos
    assert at.file_uploader(key="import_files_0").accept_multiple_files


def test_page_uploads_imports_and_removes(tmp_path, monkeypatch):
    at = page_app(tmp_path, monkeypatch)
    at.file_uploader(key="import_files_0").set_value([
        ("note.txt", FRONT_MATTER_TXT, "text/plain"), ("dup.txt", b"Already in the corpus.", "text/plain"),
        ("fake.zip", b"not a zip", "application/zip")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.code[0].value.startswith("fake.zip: not a readable .zip")
    [editor] = at.data_editor
    assert list(editor.value["title"]) == ["Troops at the border", "dup"]
    assert list(editor.value["import"]) == [True, False]
    assert at.button(key="import_button").label == "Import 1 article(s)"
    at.button(key="import_button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    wait_for_import(at)
    assert not at.exception, [e.value for e in at.exception]
    uploads = tmp_path / "uploads"
    assert sorted(p.name for p in uploads.iterdir()) == ["note.meta.json", "note.txt"]
    assert "Imported 1 article(s)" in at.code[0].value
    assert at.text[0].value.startswith("Troops at the border · Wire · 2022-02-14")
    assert not at.file_uploader(key="import_files_1").value  # a fresh uploader
    at.button(key="import_remove_note.txt").click().run()
    assert not at.exception
    assert list(uploads.iterdir()) == []
    assert "Removed note.txt" in at.code[0].value


def test_streamlit_upload_limit_is_ours():
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 1_000_000 == upload.MAX_UPLOAD_BYTES


# issue 16: duplicates on the Import page (item 3) ------------------------------------------

STORY = ("Russia moves troops to the border\n\n"
         "On Monday, Russia moved 5,000 troops to the border with Ukraine, the Pentagon said. "
         "Officials in Kyiv called the build-up a threat and asked NATO for more help. "
         "The Kremlin denied any plan to attack and said the exercises were routine.\n")
STORY_HTML = ("<html><head><title>Russia moves troops to the border</title></head><body>"
              "<h1>Russia moves troops to the border</h1>"
              "<p>On Monday, Russia moved 5,000 troops to the border with Ukraine, the Pentagon said. "
              "Officials in Kyiv called the build-up a threat and asked NATO for more help. "
              "The Kremlin denied any plan to attack and said the exercises were routine.</p></body></html>").encode()


def test_the_same_story_as_html_after_txt_is_a_duplicate_and_can_be_kept(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(STORY, encoding="utf-8")
    [draft] = read(("story.html", STORY_HTML), corpus_paths=[corpus]).drafts
    assert draft.duplicate_of == str(corpus / "story.txt") and not draft.same_text
    [row] = upload.draft_rows([draft])
    assert row["import"] is False
    assert f"duplicate of {corpus / 'story.txt'} (the same text once case" in row["notes"]
    assert "tick Import to keep both" in row["notes"]
    uploads = tmp_path / "uploads"
    # Not chosen: not imported. Imported as it was read: refused, named.
    assert upload.apply_edits([draft], [row]) == ([], [])
    refused = uploads_folder.import_drafts([draft], uploads_dir=uploads, corpus_paths=[corpus])
    assert refused.saved == () and refused.duplicates[0].startswith(f"story.html: duplicate of {corpus / 'story.txt'}")
    # Ticked: the user keeps both, and later syncs keep both.
    chosen, errors = upload.apply_edits([draft], [{**row, "import": True}])
    assert errors == [] and chosen[0].keep_duplicate
    kept = uploads_folder.import_drafts(chosen, uploads_dir=uploads, corpus_paths=[corpus])
    assert kept.saved == (uploads / "story.txt",)
    assert json.loads((uploads / "story.meta.json").read_text())["keep_duplicate"] is True
    assert len(ingest.read_corpus([corpus, uploads]).articles) == 2


def test_near_duplicates_within_one_upload_are_flagged():
    edited = STORY + "Updated at 10:00 GMT.\n"
    drafts = read(("a.txt", STORY.encode()), ("b.txt", edited.encode()), ("c.txt", b"Another story entirely.")).drafts
    assert [d.duplicate_of for d in drafts] == [None, "a.txt", None]
    assert "of its 5-word phrases are shared; the threshold is 80%" in drafts[1].duplicate_note


def test_a_byte_identical_text_can_never_be_kept_twice(tmp_path):
    uploads = tmp_path / "uploads"
    [draft] = read(("note.txt", b"First text.")).drafts
    uploads_folder.import_drafts([draft], uploads_dir=uploads)
    [again] = read(("copy.txt", b"First text."), corpus_paths=[uploads]).drafts
    assert again.same_text and "already in the corpus, not imported again" in upload.draft_rows([again])[0]["notes"]
    chosen, _ = upload.apply_edits([again], [{**upload.draft_rows([again])[0], "import": True}])
    assert not chosen[0].keep_duplicate
    assert uploads_folder.import_drafts(chosen, uploads_dir=uploads).saved == ()


# issue 16: the check table (item 10) ---------------------------------------------------------

def test_title_defaults_to_the_headline_not_the_file_name():
    [draft] = read(("border-story.txt", STORY.encode())).drafts
    assert draft.title == "Russia moves troops to the border"
    [one_line] = read(("my-note.txt", b"Kyiv was calm on Tuesday.")).drafts     # no headline: the name
    assert one_line.title == "my-note"


@pytest.mark.parametrize("name", ["2022-02-14_border.txt", "batch.zip/2022-02-14_border.txt"])
def test_a_date_prefix_fills_the_table_as_the_store_reads_it(tmp_path, name):
    data = make_zip({"2022-02-14_border.txt": STORY.encode()}) if name.startswith("batch.zip") else STORY.encode()
    [draft] = read((name.split("/")[0], data)).drafts
    assert draft.published == date(2022, 2, 14)
    [row] = upload.draft_rows([draft])
    assert row["published"] == "2022-02-14" and "no publication date" not in row["notes"]
    result = uploads_folder.import_drafts([draft], uploads_dir=tmp_path / "up")
    article, _ = ingest.read_article(result.saved[0])
    assert article.published == draft.published


def test_the_one_reader_of_the_date_prefix():
    assert metadata.filename_meta("2022-02-14_x.txt") == {"published": "2022-02-14"}
    assert metadata.filename_meta("a.zip/2022-02-14 x.txt") == {"published": "2022-02-14"}
    assert metadata.filename_meta("x_2022-02-14.txt") == {}


def test_published_and_notes_come_right_after_the_title():
    [draft] = read(("undated.txt", STORY.encode())).drafts
    [row] = upload.draft_rows([draft])
    assert tuple(row) == upload.TABLE_COLUMNS
    assert upload.TABLE_COLUMNS[:4] == ("import", "title", "published", "notes")


def test_notes_follow_the_date_typed_in_the_table():
    [draft] = read(("undated.txt", STORY.encode())).drafts
    [row] = upload.draft_rows([draft])
    assert "no publication date" in row["notes"]
    [dated] = upload.refresh_notes([draft], [{**row, "published": "2022-02-14"}])
    assert "no publication date" not in dated["notes"] and dated["published"] == "2022-02-14"
    [bad] = upload.refresh_notes([draft], [{**row, "published": "14/02/2022"}])
    assert "not in the form YYYY-MM-DD" in bad["notes"]
    [cleared] = upload.refresh_notes([draft], [{**dated, "published": ""}])
    assert "no publication date" in cleared["notes"]


def test_saved_files_are_readable_by_everyone(tmp_path):
    [draft] = read(("note.txt", FRONT_MATTER_TXT)).drafts
    [saved] = uploads_folder.import_drafts([draft], uploads_dir=tmp_path).saved
    assert stat.S_IMODE(saved.stat().st_mode) == uploads_folder.SAVED_FILE_MODE == 0o644
    assert stat.S_IMODE(ingest.sidecar_path(saved).stat().st_mode) == 0o644


def test_metadata_can_be_corrected_after_import(tmp_path):
    uploads = tmp_path / "uploads"
    [draft] = read(("note.txt", FRONT_MATTER_TXT)).drafts
    [saved] = uploads_folder.import_drafts([draft], uploads_dir=uploads).saved
    uploads_folder.update_metadata(saved, uploads_dir=uploads, title="Corrected title", source="Other Wire",
                           published="2022-02-15", side="ru")
    article, _ = ingest.read_article(saved)
    assert (article.title, article.source, article.published, article.side) == (
        "Corrected title", "Other Wire", date(2022, 2, 15), "Russia")
    assert article.url == "https://example.org/a"                         # untouched keys stay
    [listed] = uploads_folder.list_uploads(uploads)
    assert (listed.title, listed.published, listed.side) == ("Corrected title", "2022-02-15", "ru")
    before = ingest.sidecar_path(saved).read_bytes()
    with pytest.raises(ValueError, match="note.txt: publication date '2022-02-30' is not a real calendar date"):
        uploads_folder.update_metadata(saved, uploads_dir=uploads, title="X", source="", published="2022-02-30", side="")
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("x")
    with pytest.raises(ValueError, match="not an imported article"):
        uploads_folder.update_metadata(outside, uploads_dir=uploads, title="X", source="", published="", side="")
    assert ingest.sidecar_path(saved).read_bytes() == before               # nothing changed on refusal
    uploads_folder.update_metadata(saved, uploads_dir=uploads, title="Corrected title", source="Other Wire",
                           published="", side="")                           # emptied: the defaults apply
    article, _ = ingest.read_article(saved)
    assert article.published is None and article.side == "Other Wire"


# issue 16: the upload limit and HTML (item 15) -------------------------------------------------

def test_the_limit_the_uploader_states_is_the_limit_that_applies():
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1_000_000 == upload.MAX_ARTICLE_BYTES == upload.MAX_UPLOAD_BYTES
    [refused] = read(("big.txt", b"troops " * (upload.MAX_ARTICLE_BYTES // 7 + 1))).problems
    assert "5,000,000" in refused


@pytest.mark.parametrize("markup", [
    # the headline in inline elements, run into the first sentence
    "<html><head><title>Russia moves troops to the border</title></head><body><div><span>Russia moves troops to "
    "the border</span> <span>On Monday, Russia moved 5,000 troops to the border with Ukraine, the Pentagon "
    "said.</span></div><p>Officials in Kyiv called the build-up a threat and asked NATO for more help.</p></body></html>",
    # an <h1> that trafilatura leaves out of the text
    "<html><head><title>X</title></head><body><h1>Russia moves troops to the border</h1>\n<p>On Monday, Russia "
    "moved 5,000 troops to the border with Ukraine, the Pentagon said.</p>\n<p>Officials in Kyiv called the "
    "build-up a threat and asked NATO for more help.</p></body></html>",
])
def test_html_headline_is_its_own_line_and_paragraphs_stay(markup):
    [draft] = read(("page.html", markup.encode())).drafts
    assert draft.text.startswith("Russia moves troops to the border\n\nOn Monday, Russia moved 5,000 troops")
    assert "said.\n\nOfficials in Kyiv" in draft.text
    assert draft.title == "Russia moves troops to the border"


def test_built_in_html_reader_breaks_at_every_block_element():
    _, text = html.parse_html("<main><h2>Figures</h2><table><tr><th>Side</th><td>Troops</td></tr></table>"
                                "<ul><li>one</li><li>two</li></ul><aside>Note</aside>After</main>")
    assert text.split("\n\n") == ["Figures", "Side", "Troops", "one", "two", "Note", "After"]


def test_page_table_order_date_notes_and_the_stated_limit(tmp_path, monkeypatch):
    at = page_app(tmp_path, monkeypatch)
    assert "Up to 5 MB per file (an article, a .zip or a .csv), each article up to 5 MB" in at.file_uploader(
        key="import_files_0").help
    at.file_uploader(key="import_files_0").set_value([("border.txt", STORY.encode(), "text/plain")]).run()
    assert not at.exception, [e.value for e in at.exception]
    [editor] = at.data_editor
    assert tuple(editor.proto.column_order) == upload.TABLE_COLUMNS
    assert list(editor.value["title"]) == ["Russia moves troops to the border"]
    assert "no publication date" in editor.value["notes"][0]
    [draft] = upload.read_uploads([("border.txt", STORY.encode())]).drafts
    at.session_state[f"import_editor_{upload.batch_key([draft])}"] = {
        "edited_rows": {0: {"published": "2022-02-14"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    [editor] = at.data_editor
    assert list(editor.value["published"]) == ["2022-02-14"]
    assert "no publication date" not in editor.value["notes"][0]
    at.button(key="import_button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    wait_for_import(at)
    saved = tmp_path / "uploads" / "border.txt"
    assert ingest.read_article(saved)[0].published == date(2022, 2, 14)


def test_page_corrects_an_imported_articles_metadata(tmp_path, monkeypatch):
    uploads = tmp_path / "uploads"
    [draft] = read(("note.txt", FRONT_MATTER_TXT)).drafts
    uploads_folder.import_drafts([draft], uploads_dir=uploads)
    at = page_app(tmp_path, monkeypatch)
    at.text_input(key="import_edit_title_note.txt").set_value("Troops massed at the border")
    at.text_input(key="import_edit_published_note.txt").set_value("2022-02-15")
    at.text_input(key="import_edit_side_note.txt").set_value("Ukraine")
    [save] = [b for b in at.button if b.label == "Save the corrections"]
    save.click().run()
    assert not at.exception, [e.value for e in at.exception]
    article, _ = ingest.read_article(uploads / "note.txt")
    assert (article.title, article.published, article.side) == ("Troops massed at the border", date(2022, 2, 15), "Ukraine")
    assert "Saved the corrections to note.txt" in at.code[0].value
    at.text_input(key="import_edit_published_note.txt").set_value("15/02/2022")
    [save] = [b for b in at.button if b.label == "Save the corrections"]
    save.click().run()
    assert "not in the form YYYY-MM-DD" in at.code[0].value
    assert ingest.read_article(uploads / "note.txt")[0].published == date(2022, 2, 15)
