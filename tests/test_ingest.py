"""Ingestion: formats, metadata precedence and bad input, table-driven."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from core.read.ingest import content_id, decode, read_article, read_corpus
from core.read.metadata import parse_date, split_front_matter

TEXT = "Russia massed troops on Sunday. Ukraine asked for talks."


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# --- formats: (file name, content, expected text, expected metadata subset)
FORMATS = [
    ("a.txt", TEXT, TEXT, {}),
    ("2022-02-13_a.txt", TEXT, TEXT, {"published": date(2022, 2, 13)}),
    ("a.md", f"---\ntitle: Build-up\nsource: ITV News\npublished: 2022-02-13\n---\n{TEXT}", TEXT,
     {"title": "Build-up", "source": "ITV News", "published": date(2022, 2, 13)}),
    # a .txt keeps its front matter: offsets are into the file's whole content
    ("b.txt", f"---\ntitle: X\n---\n{TEXT}", f"---\ntitle: X\n---\n{TEXT}", {"published": None}),
    ("a.json", json.dumps({"text": TEXT, "title": "T", "url": "https://e.x/a", "published": "2022-02-13T10:00:00Z"}), TEXT,
     {"title": "T", "url": "https://e.x/a", "published": date(2022, 2, 13)}),
    ("a.json", json.dumps({"body": TEXT, "date": "2022-02-12"}), TEXT, {"published": date(2022, 2, 12)}),
    ("a.html", f"<html><head><title>Page</title><meta property='article:published_time' content='2022-02-11'>"
               f"<script>alert(1)</script><style>p{{}}</style></head><body><nav>Menu</nav><p>{TEXT}</p>"
               f"<iframe src='x'>frame text</iframe></body></html>", TEXT,
     {"title": "Page", "published": date(2022, 2, 11)}),
    ("a.html", "<p>One &amp; two</p><p>Three</p>", "One & two\n\nThree", {}),
]


@pytest.mark.parametrize(("name", "content", "text", "meta"), FORMATS)
def test_formats(tmp_path: Path, name: str, content: str, text: str, meta: dict) -> None:
    article, _ = read_article(write(tmp_path, name, content))
    assert article is not None
    assert article.text == text
    for key, value in meta.items():
        assert getattr(article, key) == value
    assert article.article_id == content_id(text)


def test_sidecar_overrides_file_name_and_cli_overrides_sidecar(tmp_path: Path) -> None:
    path = write(tmp_path, "2020-01-01_a.txt", TEXT)
    write(tmp_path, "2020-01-01_a.meta.json", json.dumps({"published": "2022-02-13", "source": "ITV News"}))
    article, _ = read_article(path)
    assert (article.published, article.source) == (date(2022, 2, 13), "ITV News")
    article, _ = read_article(path, published=date(2022, 3, 1))
    assert article.published == date(2022, 3, 1)


def test_sidecars_and_gold_files_are_not_articles(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "a.meta.json", "{}")
    write(tmp_path, "a.gold.json", "{}")
    write(tmp_path, "actors.csv", "x")
    result = read_corpus([tmp_path])
    assert [Path(a.path).name for a in result.articles] == ["a.txt"]


@pytest.mark.parametrize("name", ["README.md", "README.txt", "readme.md", "NOTICE", "NOTICE.md", "LICENSE",
                                  "LICENSE.txt", "Licence.md", "COPYING"])
def test_a_corpus_folders_readme_or_notice_is_not_an_article(tmp_path: Path, name: str) -> None:
    from core.read.corpus import corpus_fingerprint
    from core.read.ingest import is_article_name, is_notice_name

    write(tmp_path, "a.txt", TEXT)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", name, "# Demo corpus\n\nCC BY 4.0: credit www.kremlin.ru. Russia moved troops.")
    result = read_corpus([tmp_path])
    assert [Path(a.path).name for a in result.articles] == ["a.txt"]
    assert not any(name in problem.path for problem in result.problems)
    assert is_notice_name(name) and not is_article_name(name, in_folder=True)
    assert name not in corpus_fingerprint([tmp_path])      # editing it re-extracts nothing
    assert read_corpus([tmp_path / "sub" / name]).articles == ()   # not even when named on its own


@pytest.mark.parametrize("name", ["readme-russia.txt", "notices-of-war.md", "2022-02-13_notice.txt", "licensed.txt"])
def test_an_article_whose_name_only_starts_like_a_notice_is_read(tmp_path: Path, name: str) -> None:
    write(tmp_path, name, TEXT)
    assert [Path(a.path).name for a in read_corpus([tmp_path]).articles] == [name]


def test_notice_names_are_data() -> None:
    from core.read.ingest import NOTICE_NAMES_FILE, notice_names

    listed = {line.strip() for line in NOTICE_NAMES_FILE.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    assert {"readme", "notice", "license", "licence"} <= listed == set(notice_names())


def test_a_sidecars_attribution_and_licence_are_read(tmp_path: Path) -> None:
    path = write(tmp_path, "2021-12-07_ru_talks.txt", TEXT)
    write(tmp_path, "2021-12-07_ru_talks.meta.json", json.dumps(
        {"source": "President of Russia (Kremlin)", "licence": "CC BY 4.0",
         "attribution": "Content from www.kremlin.ru, licensed under CC BY 4.0"}))
    article, _ = read_article(path)
    assert (article.attribution, article.licence) == ("Content from www.kremlin.ru, licensed under CC BY 4.0",
                                                     "CC BY 4.0")
    assert read_article(write(tmp_path, "plain.txt", TEXT))[0].attribution == ""


# --- side: the sidecar's side (code or name), else DATE_SIDE_slug, else the source
SIDES = [
    ("2021-12-07_us_readout.txt", {}, "United States"),
    ("2021-12-07_ru_talks.txt", {"source": "President of Russia (Kremlin)"}, "Russia"),
    ("2021-12-07_UA_address.txt", {}, "Ukraine"),
    ("2022-02-13_itv_deterrence.txt", {"source": "ITV News"}, "ITV News"),     # not a side code: the outlet
    ("wire.txt", {"source": "Reuters"}, "Reuters"),
    ("wire.txt", {}, ""),
    ("2021-12-07_us_readout.txt", {"side": "ru"}, "Russia"),                  # the sidecar wins, code or name
    ("2021-12-07_us_readout.txt", {"side": "NATO"}, "NATO"),
]


@pytest.mark.parametrize(("name", "meta", "side"), SIDES)
def test_a_documents_side(tmp_path: Path, name: str, meta: dict, side: str) -> None:
    path = write(tmp_path, name, TEXT)
    if meta:
        write(tmp_path, name.rsplit(".", 1)[0] + ".meta.json", json.dumps(meta))
    assert read_article(path)[0].side == side


def test_side_codes_are_data() -> None:
    from core.read.ingest import document_sides

    assert document_sides() == {"us": "United States", "ru": "Russia", "ua": "Ukraine"}


# --- bad input: each gives one message naming the file, and other files still load
BAD = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\n", "no article text"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    ("bad.json", b"{not json", "Expecting property name"),
    ("list.json", b"[1, 2]", "must be an object"),
    ("notext.json", b'{"title": "x"}', "string \"text\" field"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD)
def test_bad_files_are_reported_by_name(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    write(tmp_path, "good.txt", TEXT)
    write(tmp_path, name, content)
    result = read_corpus([tmp_path])
    assert [Path(a.path).name for a in result.articles] == ["good.txt"]
    fatal = [p for p in result.problems if p.fatal]
    assert len(fatal) == 1 and fatal[0].path.endswith(name) and message in fatal[0].message
    assert name in str(fatal[0])


@pytest.mark.parametrize(("raw", "message"), [
    ("2022-02-30", "not a real calendar date"),
    ("13/02/2022", "not an ISO date"),
    ("yesterday", "not an ISO date"),
])
def test_invalid_metadata_date_loads_article_undated_with_warning(tmp_path: Path, raw: str, message: str) -> None:
    path = write(tmp_path, "a.json", json.dumps({"text": TEXT, "published": raw}))
    article, problems = read_article(path)
    assert article is not None and article.published is None
    assert any(message in p.message and not p.fatal for p in problems)


def test_missing_date_is_flagged_not_guessed(tmp_path: Path) -> None:
    article, problems = read_article(write(tmp_path, "undated.txt", TEXT))
    assert article.published is None
    assert [p.message for p in problems] == ["no publication date; relative dates left unresolved"]


def test_windows_1252_text_is_decoded_with_warning(tmp_path: Path) -> None:
    article, problems = read_article(write(tmp_path, "2022-02-13_w.txt", "Moscow\u2019s forces \u2013 130,000".encode("cp1252")))
    assert article.text == "Moscow\u2019s forces \u2013 130,000"
    assert any("Windows-1252" in p.message for p in problems)


def test_oversized_file_is_refused_with_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("core.read.ingest.MAX_ARTICLE_BYTES", 100)
    article, problems = read_article(write(tmp_path, "big.txt", "word " * 100))
    assert article is None and "limit for one article is 100" in problems[0].message


def test_duplicate_text_is_read_once(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "b.txt", TEXT)
    result = read_corpus([tmp_path])
    assert len(result.articles) == 1
    assert any(f"duplicate of {tmp_path / 'a.txt'} (the same text); read once" == p.message for p in result.problems)


def test_missing_path_is_reported(tmp_path: Path) -> None:
    result = read_corpus([tmp_path / "nope"])
    assert result.articles == () and "no such file" in result.problems[0].message


@pytest.mark.parametrize(("raw", "expected"), [
    ("2022-02-13", date(2022, 2, 13)),
    ("2022-02-13T23:59:00+01:00", date(2022, 2, 13)),
    ("", None),
    (None, None),
])
def test_parse_date(raw, expected) -> None:
    assert parse_date(raw) == expected


def test_front_matter_absent_returns_text_unchanged() -> None:
    assert split_front_matter("no front matter\n---\n") == ({}, "no front matter\n---\n")


def test_utf8_bom_is_dropped() -> None:
    assert decode("\ufeffhello".encode("utf-8")) == ("hello", [])


def test_files_under_lists_like_rglob_without_entering_symlinked_folders(tmp_path):
    """The corpus walk (one scandir per folder) finds what `Path.rglob` finds:
    nested and symlinked files, in Path order; a symlinked folder is not entered."""
    from core.read.ingest import files_under

    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    (corpus / "a-b").mkdir(parents=True)
    (corpus / "a").mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("x")
    for name in ("a/1.txt", "a-b/2.txt", "z.txt", ".hidden.txt"):
        (corpus / name).write_text("x")
    (corpus / "link.txt").symlink_to(outside / "secret.txt")
    (corpus / "linked-folder").symlink_to(outside, target_is_directory=True)

    expected = sorted(p for p in corpus.rglob("*") if p.is_file())
    assert files_under(corpus) == expected
    assert corpus / "link.txt" in expected and not any("linked-folder" in str(p) for p in expected)


def test_article_stat_lines_are_the_stats_of_the_article_files_and_their_sidecars(tmp_path):
    """The fingerprint's one-walk reading equals the plain definition: stat every
    file `iter_article_files` yields and each one's sidecar, when it exists."""
    import os

    from core.read.ingest import SIDECAR_SUFFIX, article_stat_lines, iter_article_files

    corpus = tmp_path / "corpus"
    (corpus / "sub" / ".hidden").mkdir(parents=True)
    (corpus / "dir.meta.json").mkdir()          # a folder named like a sidecar is not one
    files = {"a.txt": "a", "a.meta.json": "{}", "sub/b.md": "b", "sub/c.json": "{}", "sub/c.meta.json": "{}",
             "sub/.hidden/z.txt": "z", ".dot.txt": "d", "x.gold.json": "{}", "notes.csv": "n", "dir.txt": "t",
             "orphan.meta.json": "{}"}
    for name, text in files.items():
        (corpus / name).write_text(text)
    (corpus / "sub" / "link.txt").symlink_to(corpus / "a.txt")
    explicit = [corpus / "a.txt", corpus / ".dot.txt", corpus / "x.gold.json", corpus / "sub"]

    def plain(paths):
        articles = list(iter_article_files(paths))
        sidecars = [f.with_name(f.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX) for f in articles]
        return sorted(f"{f}:{os.stat(f).st_size}:{os.stat(f).st_mtime_ns}" for f in (*articles, *sidecars)
                      if f.is_file())

    for paths in ([corpus], explicit, [corpus, corpus / "sub"]):
        assert sorted(article_stat_lines(paths)) == plain(paths)
    assert any("a.meta.json" in line for line in article_stat_lines([corpus]))
    assert not any("orphan" in line or "dir.meta" in line for line in article_stat_lines([corpus]))


# --- language: the extractors read English; other languages are flagged with their name
GERMAN = ("Die russischen Truppen stehen seit Wochen an der Grenze zur Ukraine, sagte der Minister am Sonntag "
          "in Berlin. Die Regierung in Kiew bat um Gespräche.")
LANGUAGE_CASES = [
    ("de.txt", GERMAN, "de", "language: German (de), not English"),
    ("fr.txt", "Les troupes russes sont massées à la frontière ukrainienne depuis des semaines, a déclaré "
               "le ministre dimanche à Paris.", "fr", "language: French (fr), not English"),
    ("uk.txt", "Росія зосередила понад сто тисяч військових біля кордону з Україною, заявив міністр оборони.",
     "uk", "language: Ukrainian (uk), not English"),
    ("en.txt", "Russia has massed more than 100,000 troops near the border with Ukraine, officials said on Sunday.",
     "en", None),
    ("short.txt", "Kyiv 100,000", "en", None),    # too little text to tell: not flagged
]


@pytest.mark.parametrize("name, text, code, note", LANGUAGE_CASES, ids=[c[0] for c in LANGUAGE_CASES])
def test_an_article_not_in_english_is_flagged_with_its_language(tmp_path, name, text, code, note):
    article, problems = read_article(write(tmp_path, name, text))
    assert article is not None and article.language == code
    notes = [p.message for p in problems if "language" in p.message]
    assert len(notes) == (0 if note is None else 1) and all(not p.fatal for p in problems)
    if note:
        assert notes[0].startswith(note) and notes[0] in article.warnings


def test_a_declared_language_is_taken_over_detection(tmp_path):
    path = write(tmp_path, "a.json", json.dumps({"text": GERMAN, "language": "en"}))
    article, problems = read_article(path)
    assert article.language == "en" and not any("language" in p.message for p in problems)


@pytest.mark.parametrize("url, kept", [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org/a", "http://example.org/a"),
    ("javascript:alert(document.cookie)", ""),
    ("JaVaScRiPt:alert(1)", ""),
    ("data:text/html,<script>alert(1)</script>", ""),
    ("file:///etc/passwd", ""),
    (12345, ""),
])
def test_only_http_links_are_kept_from_an_articles_metadata(tmp_path, url, kept):
    article, problems = read_article(write(tmp_path, "a.json", json.dumps({"text": TEXT, "url": url})))
    assert article.url == kept
    assert any("not a link that starts with http" in p.message for p in problems) == (kept == "")


@pytest.mark.parametrize("name, shown", [
    ("red\x1b[31m.txt", "red\\x1b[31m.txt"),
    ("two\nlines.txt", "two\\nlines.txt"),
    ("rtl\u202etxt.exe.txt", "rtl\\u202etxt.exe.txt"),
    ("tab\there.txt", "tab\\there.txt"),
])
def test_a_problem_shows_control_characters_in_a_file_name_as_escapes(tmp_path, name, shown):
    article, problems = read_article(write(tmp_path, name, b""))
    assert article is None and str(problems[0]) == f"{tmp_path / shown}: empty file"


# --- one reader of metadata and of HTML, for corpus folders and the Import page -------------

@pytest.mark.parametrize("key", ["published", "date", "publication_date", "pubdate", "published_at", "datepublished"])
def test_every_date_key_dates_an_article_in_a_folder_and_on_the_import_page(tmp_path: Path, key: str) -> None:
    from core.read import upload

    content = json.dumps({"text": TEXT, "title": "T", key: "2022-02-10"})
    article, _ = read_article(write(tmp_path, "a.json", content))
    [draft] = upload.read_uploads([("a.json", content.encode())]).drafts
    assert article is not None and article.published == draft.published == date(2022, 2, 10)


def test_a_folder_and_the_import_page_read_an_html_page_alike(tmp_path: Path) -> None:
    from core.read import upload

    page = ("<html><head><title>Build-up | Wire</title><meta property='article:published_time' content='2022-02-11'>"
            "</head><body><nav>Home | World</nav><h1>Troops mass at the border</h1><p>" + TEXT + "</p>"
            "<iframe src='x'>frame text</iframe><footer>Copyright</footer></body></html>")
    article, _ = read_article(write(tmp_path, "a.html", page))
    [draft] = upload.read_uploads([("a.html", page.encode())]).drafts
    assert article is not None and article.text == draft.text
    assert article.published == draft.published == date(2022, 2, 11)
    assert TEXT in article.text
    assert not any(word in article.text for word in ("Home | World", "frame text", "Copyright"))


def test_an_html_page_with_an_xml_declaration_is_read_by_the_same_reader(tmp_path: Path, caplog) -> None:
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html><head><title>T</title></head><body>'
            "<nav>Home | World</nav><p>" + TEXT + "</p><script>alert(1)</script></body></html>")
    with caplog.at_level("WARNING", logger="core.read.html"):
        article, _ = read_article(write(tmp_path, "a.html", page))
    assert "trafilatura failed" not in caplog.text          # no fall back to the built-in reader
    assert article is not None and TEXT in article.text
    assert "Home | World" not in article.text and "alert" not in article.text
