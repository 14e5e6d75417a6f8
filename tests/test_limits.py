"""The limits: one settings file, the same values everywhere, each one enforced."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from core.read import ingest, upload, uploads_folder
from core.read.limits import DEFAULT_SETTINGS_PATH, LIMITS, SETTINGS_ENV, Limits, SettingsError, load_limits

REPO = Path(__file__).resolve().parents[1]


def test_the_shipped_settings_file_states_every_limit_at_its_default():
    """settings.toml documents the defaults: a limit changed in one place only is caught here."""
    table = tomllib.loads(DEFAULT_SETTINGS_PATH.read_text(encoding="utf-8"))["limits"]
    assert load_limits(DEFAULT_SETTINGS_PATH) == Limits()
    assert set(table) == set(Limits.__dataclass_fields__)


def test_streamlit_upload_limit_equals_the_settings():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == LIMITS.upload_mb
    assert upload.MAX_UPLOAD_BYTES == LIMITS.upload_bytes == LIMITS.upload_mb * 1_000_000


@pytest.mark.parametrize("body, expected", [
    ("[limits]\narticle_bytes = 10\n", Limits(article_bytes=10)),
    ("[limits]\n", Limits()),
    ("# no table at all\n", Limits()),
])
def test_a_settings_file_overrides_only_what_it_names(tmp_path, body, expected):
    path = tmp_path / "settings.toml"
    path.write_text(body)
    assert load_limits(path) == expected


@pytest.mark.parametrize("body, message", [
    ("[limits]\narticle_byte = 10\n", "unknown key(s) in [limits]: article_byte"),
    ("[limits]\narticle_bytes = 0\n", "article_bytes = 0 is not a positive whole number"),
    ("[limits]\narticle_bytes = -5\n", "is not a positive whole number"),
    ("[limits]\narticle_bytes = \"5 MB\"\n", "is not a positive whole number"),
    ("[limits]\narticle_bytes = true\n", "is not a positive whole number"),
    ("[limits]\narticle_bytes = 1.5\n", "is not a positive whole number"),
    ("limits = 3\n", "[limits] must be a table"),
    ("[limits\n", "cannot read the settings"),
])
def test_a_bad_settings_file_is_refused_naming_the_file_and_the_key(tmp_path, body, message):
    path = tmp_path / "settings.toml"
    path.write_text(body)
    with pytest.raises(SettingsError) as raised:
        load_limits(path)
    assert message in str(raised.value) and str(path) in str(raised.value)


def test_a_settings_file_named_in_the_environment_must_exist(tmp_path, monkeypatch):
    monkeypatch.setenv(SETTINGS_ENV, str(tmp_path / "missing.toml"))
    with pytest.raises(SettingsError, match="settings file not found"):
        load_limits()


def _write_articles(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"2022-02-1{number}_a{number}.txt").write_text(f"Article {number}: Russia massed troops near Ukraine.")


def test_the_corpus_reader_stops_at_the_corpus_limit_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_CORPUS_ARTICLES", 2)
    _write_articles(tmp_path, 3)
    result = ingest.read_corpus([tmp_path])
    assert len(result.articles) == 2
    [problem] = [p for p in result.problems if p.fatal]
    assert problem.path.endswith("a2.txt") and "corpus limit of 2 articles" in problem.message
    assert "corpus_articles in settings.toml" in problem.message


def test_an_import_past_the_corpus_limit_is_refused_and_saves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(uploads_folder, "MAX_CORPUS_ARTICLES", 2)
    corpus, uploads = tmp_path / "corpus", tmp_path / "uploads"
    _write_articles(corpus, 2)
    drafts = upload.read_uploads([("new.txt", b"Belarus moved troops to the border on Monday.")]).drafts
    result = uploads_folder.import_drafts(drafts, uploads_dir=uploads, corpus_paths=[corpus])
    assert result.saved == ()
    assert result.problems == ("new.txt: the corpus already holds 2 articles, the limit (corpus_articles in "
                               "settings.toml); not imported",)
    assert list(uploads.iterdir()) == []
