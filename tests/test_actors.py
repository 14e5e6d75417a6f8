"""Actors: normalisation (pure), metonyms and merging (model), the dictionary (files)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.extract.actors import (
    DictionaryEntry,
    build_actor_index,
    clean_surface,
    iter_actor_mentions,
    load_dictionary,
    name_key,
    strip_titles,
)
from core.records import Mention


# --- titles and possessives (pure)
@pytest.mark.parametrize(("raw", "name", "title"), [
    ("Mr Wallace", "Wallace", "mr"),
    ("Foreign Secretary Liz Truss", "Liz Truss", "foreign secretary"),
    ("President Biden", "Biden", "president"),
    ("Prime Minister Boris Johnson", "Boris Johnson", "prime minister"),
    ("Dr. Jane Smith", "Jane Smith", "dr."),
    ("Ben Wallace", "Ben Wallace", ""),
    ("President", "President", ""),  # a lone title stays: there is no name to keep
])
def test_strip_titles(raw: str, name: str, title: str) -> None:
    assert strip_titles(raw) == (name, title)


@pytest.mark.parametrize(("raw", "expected"), [
    ("Ukraine's", "Ukraine"), ("Putin\u2019s", "Putin"), ("the Kremlin", "Kremlin"), ("the  White  House", "White House"),
    ("Moscow", "Moscow"),
])
def test_clean_surface(raw: str, expected: str) -> None:
    assert clean_surface(raw) == expected


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Zelenskyy", "Zelensky", True), ("Volodymyr Zelenskyy", "Volodymyr Zelensky", True),
    ("Zelenskiy", "Zelensky", False), ("Wallace", "Wallis", False), ("Sergéi", "Sergei", True),
])
def test_name_key(a: str, b: str, same: bool) -> None:
    assert (name_key(a) == name_key(b)) is same


# --- corpus-level merging, from mentions alone (pure)
def m(text: str, label: str = "PERSON") -> Mention:
    return Mention(start=0, end=len(text), text=text, label=label)


MERGES = [
    # surname-only mentions join the one full name with that surname
    ([m("Ben Wallace"), m("Wallace"), m("Mr Wallace")], {"Wallace": "Ben Wallace", "Mr Wallace": "Ben Wallace"}),
    ([m("Vladimir Putin"), m("Putin"), m("Mr Putin")], {"Putin": "Vladimir Putin", "Mr Putin": "Vladimir Putin"}),
    # transliteration variants of a full name are one person
    ([m("Volodymyr Zelenskyy"), m("Volodymyr Zelensky"), m("Zelenskyy")],
     {"Volodymyr Zelensky": "Volodymyr Zelenskyy", "Zelenskyy": "Volodymyr Zelenskyy"}),
    # titles go: "Ukrainian President Volodymyr Zelensky" is the same person
    ([m("Volodymyr Zelensky"), m("President Volodymyr Zelensky")], {"President Volodymyr Zelensky": "Volodymyr Zelensky"}),
    # two people share a surname: the bare surname stays ambiguous, not merged
    ([m("Boris Johnson"), m("Andrew Johnson"), m("Johnson")], {"Johnson": "Johnson", "Boris Johnson": "Boris Johnson"}),
    # demonyms, codes and metonyms become the country
    ([m("Russian", "NORP"), m("Russia", "GPE"), m("Kremlin", "ORG"), m("Moscow", "GPE")],
     {"Russian": "Russia", "Kremlin": "Russia", "Moscow": "Russia", "Russia's": "Russia"}),
    ([m("UK", "GPE"), m("Downing Street", "LOC"), m("British", "NORP")],
     {"UK": "United Kingdom", "Downing Street": "United Kingdom", "British": "United Kingdom"}),
    ([m("US", "GPE"), m("the White House", "ORG"), m("Pentagon", "ORG")],
     {"US": "United States", "White House": "United States", "the Pentagon": "United States"}),
    # organisations keep their name, without "the"
    ([m("the Ministry of Defence", "ORG"), m("NATO", "ORG")], {"Ministry of Defence": "Ministry of Defence", "NATO": "NATO"}),
    # possessives of every kind of name
    ([m("Ben Wallace"), m("Wallace's")], {"Wallace's": "Ben Wallace", "Ben Wallace\u2019s": "Ben Wallace"}),
    ([m("Ukraine's", "GPE")], {"Ukraine's": "Ukraine", "Ukraine": "Ukraine"}),
    ([m("NATO's", "ORG")], {"NATO": "NATO", "NATO's": "NATO"}),
    # more titles before full names
    ([m("Liz Truss"), m("Foreign Secretary Liz Truss"), m("Ms Truss")],
     {"Foreign Secretary Liz Truss": "Liz Truss", "Ms Truss": "Liz Truss"}),
    ([m("Antony Blinken"), m("Secretary of State Antony Blinken"), m("Mr Blinken")],
     {"Secretary of State Antony Blinken": "Antony Blinken", "Mr Blinken": "Antony Blinken"}),
    ([m("Joe Biden"), m("President Biden"), m("Biden")], {"President Biden": "Joe Biden", "Biden": "Joe Biden"}),
    ([m("Dr Anna Smith"), m("Smith")], {"Dr Anna Smith": "Anna Smith", "Smith": "Anna Smith"}),
    # a surname-only person with no full name stays as written
    ([m("Shoigu")], {"Shoigu": "Shoigu", "Mr Shoigu": "Shoigu"}),
    # accents and transliterations
    ([m("Sergei Lavrov"), m("Sergey Lavrov")], {"Sergey Lavrov": "Sergey Lavrov"}),
    ([m("Emmanuel Macron"), m("Macron")], {"Macron": "Emmanuel Macron"}),
    ([m("Recep Tayyip Erdo\u011fan"), m("Erdogan")], {"Erdogan": "Recep Tayyip Erdo\u011fan"}),
    # more demonyms and codes
    ([m("Belarusian", "NORP"), m("Belarus", "GPE")], {"Belarusian": "Belarus", "Belarus": "Belarus"}),
    ([m("American", "NORP"), m("U.S.", "GPE")], {"American": "United States", "U.S.": "United States"}),
    ([m("Chinese", "NORP"), m("Beijing", "GPE")], {"Chinese": "China", "Beijing": "China"}),
    ([m("French", "NORP"), m("Elysee", "ORG")], {"French": "France", "Elysee": "France"}),
    ([m("Ukrainians", "NORP"), m("Kyiv", "GPE")], {"Ukrainians": "Ukraine", "Kyiv": "Ukraine"}),
    ([m("Germany", "GPE"), m("Berlin", "GPE")], {"Berlin": "Germany", "German": None}),
    # two different people with different surnames never merge
    ([m("Ben Wallace"), m("Dominic Raab"), m("Raab"), m("Wallace")], {"Raab": "Dominic Raab", "Wallace": "Ben Wallace"}),
]


@pytest.mark.parametrize(("mentions", "expected"), MERGES)
def test_merging(mentions: list[Mention], expected: dict[str, str]) -> None:
    index = build_actor_index(mentions)
    assert {surface: index.canonical(surface) for surface in expected} == expected


def test_unknown_surface_is_none() -> None:
    assert build_actor_index([m("Ben Wallace")]).canonical("Liz Truss") is None


def test_dictionary_wins_and_sets_kind_country_role() -> None:
    entries = [DictionaryEntry("Sergei Shoigu", ("Shoigu", "Sergei Shogiu"), "person", "Russia", "defence minister")]
    index = build_actor_index([m("Sergei Shogiu"), m("Shoigu")], entries=entries)
    assert index.canonical("Sergei Shogiu") == index.canonical("Shoigu") == "Sergei Shoigu"
    actor = index.actors["Sergei Shoigu"]
    assert (actor.kind, actor.country, actor.role) == ("person", "Russia", "defence minister")


# --- the dictionary file
def test_malformed_dictionary_rows_are_reported_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text(
        "canonical,aliases,kind,country,role\n"
        "Ben Wallace,Wallace|Mr Wallace,person,United Kingdom,defence secretary\n"
        ",nobody,person,,\n"
        "Bad Kind,x,planet,,\n"
        "Too,many,person,Russia,role,extra\n"
        "Nowhere Man,,person,Atlantis,\n"
        "NATO,Nato,organisation,,\n",
        encoding="utf-8",
    )
    entries, problems = load_dictionary(path)
    assert [e.canonical for e in entries] == ["Ben Wallace", "NATO"]
    assert entries[0].aliases == ("Wallace", "Mr Wallace") and entries[0].country == "United Kingdom"
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in problems] == ["3", "4", "5", "6"]
    assert all(str(path) in p for p in problems)


@pytest.mark.parametrize(("content", "message"), [
    ("name,aliases\nX,Y\n", "header must be"),
])
def test_bad_dictionary_header(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "actors.csv"
    path.write_text(content, encoding="utf-8")
    entries, problems = load_dictionary(path)
    assert entries == [] and message in problems[0]


def test_missing_dictionary_is_reported(tmp_path: Path) -> None:
    entries, problems = load_dictionary(tmp_path / "none.csv")
    assert entries == [] and "cannot read" in problems[0]


def test_shipped_dictionary_loads_cleanly() -> None:
    entries, problems = load_dictionary(Path(__file__).resolve().parents[1] / "seeds" / "actors.csv")
    assert problems == [] and len(entries) >= 13


# --- metonyms in context (model)
METONYMS = [
    # (sentence, surface, is an actor mention here)
    ("Moscow's forces are massing on the border.", "Moscow", True),
    ("Moscow said the drills were routine.", "Moscow", True),
    ("Mr Wallace flew to Moscow last week.", "Moscow", False),
    ("Talks were held in Moscow on Friday.", "Moscow", False),
    ("The Kremlin insists these are exercises.", "Kremlin", True),
    ("Downing Street said the crisis had reached a critical juncture.", "Downing Street", True),
    ("Protesters gathered outside the White House.", "White House", False),
    ("Kyiv rejected the demand.", "Kyiv", True),
    ("Airlines cancelled flights to Kyiv.", "Kyiv", False),
    ("Washington warned of severe sanctions.", "Washington", True),
    ("The delegation arrived in Washington on Monday.", "Washington", False),
    ("Beijing's position has not changed.", "Beijing", True),
    ("Diplomats met near Beijing.", "Beijing", False),
    ("The Pentagon said 8,500 troops were on alert.", "Pentagon", True),
    ("Minsk denied the reports.", "Minsk", True),
    ("Drills were held outside Minsk.", "Minsk", False),
    ("London has sent anti-tank weapons.", "London", True),
    ("She flew from London to Kyiv.", "London", False),
    ("Moscow has massed troops near the border.", "Moscow", True),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "surface", "is_actor"), METONYMS)
def test_metonyms_by_context(nlp, sentence: str, surface: str, is_actor: bool) -> None:
    found = [clean_surface(x.text) for x in iter_actor_mentions(nlp(sentence))]
    assert (surface in found) is is_actor, found


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "name", "role", "country"), [
    ("Russian Foreign Ministry spokeswoman Maria Zakharova accused the White House.", "Maria Zakharova", "foreign ministry spokeswoman", "Russia"),
    ("Armed Forces minister James Heappey warned Russia.", "James Heappey", "armed forces minister", ""),
    ("Foreign Secretary Liz Truss said she discussed her concerns.", "Liz Truss", "foreign secretary", ""),
    ("Mr Raab received fierce criticism.", "Raab", "", ""),
])
def test_role_and_country_from_the_words_before_a_name(nlp, sentence, name, role, country) -> None:
    mention = next(x for x in iter_actor_mentions(nlp(sentence)) if x.text == name)
    assert (mention.role, mention.country) == (role, country)


@pytest.mark.model
def test_dictionary_alias_found_even_when_ner_misses_it(nlp) -> None:
    entries = (DictionaryEntry("Royal Air Force", ("RAF",), "organisation", "United Kingdom", ""),)
    mentions = list(iter_actor_mentions(nlp("He stressed that the RAF would not evacuate anyone."), entries=entries))
    assert [(x.text, x.label) for x in mentions] == [("RAF", "ACTOR")]


@pytest.mark.model
def test_empty_doc_has_no_mentions(nlp) -> None:
    assert list(iter_actor_mentions(nlp(""))) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "not_actors"), [
    # the path of a link's address is no actor (it made timeline lanes such as
    # "Media/News/News-Display/Article/2882851")
    ("Read the statement at https://www.defense.gov/News/Releases/Release/Article/2882851 on NATO.", ["Article"]),
    ("- [November 30: Secretary Blinken's call with Foreign Minister Di Maio](https://www.state.gov/x/) - "
     "[December 1: a meeting](https://www.defense.gov/Media/News/News-Display/Article/2882851/)", ["/", "]("]),
])
def test_no_actor_inside_a_link_address(nlp, text, not_actors):
    found = [m.text for m in iter_actor_mentions(nlp(text))]
    assert not [f for f in found if any(bad in f for bad in not_actors)], found


@pytest.mark.model
def test_a_name_before_a_link_keeps_its_mentions_outside_it(nlp):
    found = [m.text for m in iter_actor_mentions(nlp("Putin met Biden, see https://www.state.gov/a/b for details."))]
    assert found[:2] == ["Putin", "Biden"]


# nothing in a transcript's stage direction is an actor; a bracketed note that is none is read as text
@pytest.mark.parametrize(("sentence", "absent", "present"), [
    ("THE PRESIDENT: We will stand with them. (Laughter.) Thank you all.", {"Laughter"}, set()),
    ("MR. KIRBY: I would not go that far. (Laughs.) Next question.", {"Laughs"}, set()),
    ("Q: What did the minister say? (Inaudible.) MS. PSAKI: I will check.", {"Inaudible"}, set()),
    ("Sergei Lavrov (as interpreted): We spoke in Geneva on Friday.", set(), {"Sergei Lavrov"}),      # guard
    ("(President Biden enters the room.) THE PRESIDENT: Good morning.", set(), {"Biden"}),          # guard
])
def test_a_stage_direction_holds_no_actor(nlp, sentence: str, absent: set[str], present: set[str]) -> None:
    found = {m.text for m in iter_actor_mentions(nlp(sentence))}
    assert not found & absent and present <= found
