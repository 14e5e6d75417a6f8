"""Country names, codes and demonyms to one canonical country."""
import pytest

from core.extract.countries import bare_iso_code, capital_of, country_for


@pytest.mark.parametrize(("term", "expected"), [
    # names
    ("Russia", "Russia"), ("Ukraine", "Ukraine"), ("Belarus", "Belarus"), ("the United Kingdom", "United Kingdom"),
    ("United States", "United States"), ("Afghanistan", "Afghanistan"),
    # possessives, straight and curly
    ("Ukraine's", "Ukraine"), ("Russia\u2019s", "Russia"),
    # demonyms
    ("Russian", "Russia"), ("Ukrainian", "Ukraine"), ("British", "United Kingdom"), ("American", "United States"),
    ("Belarusian", "Belarus"), ("German", "Germany"), ("Afghan", "Afghanistan"),
    ("Rwandan", "Rwanda"), ("Somali", "Somalia"), ("Chadian", "Chad"), ("Burkinabe", "Burkina Faso"),
    ("Azeri", "Azerbaijan"), ("Burmese", "Myanmar"), ("Filipino", "Philippines"), ("South African", "South Africa"),
    # codes are case-sensitive: "us" is a pronoun, "US" a country
    ("UK", "United Kingdom"), ("the UK", "United Kingdom"), ("US", "United States"), ("U.S.", "United States"),
    ("us", None), ("RUS", "Russia"),
    # not countries
    ("Moscow", None), ("NATO", None), ("Crete", None), ("Kremlin", None), ("", None),
])
def test_country_for(term: str, expected: str | None) -> None:
    assert country_for(term) == expected


@pytest.mark.parametrize(("country", "capital"), [("Russia", "Moscow"), ("Ukraine", "Kyiv"), ("Narnia", None)])
def test_capital_of(country: str, capital: str | None) -> None:
    assert capital_of(country) == capital


@pytest.mark.parametrize(("term", "bare"), [
    ("MR.", True), ("COL", True), ("PM", True),      # ISO codes only: titles and abbreviations in a transcript
    ("US", False), ("UK", False), ("U.S.", False),   # hand-listed: names in news English
    ("Mr", False), ("Russia", False), ("XQ", False),
])
def test_a_bare_iso_code_is_one_no_listed_alias_gives(term, bare):
    assert bare_iso_code(term) is bare
