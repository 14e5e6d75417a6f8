"""People named in a document: the persons NER finds (not a bare role word or a
side), a name in its fullest form and without its titles, and the person a role
word or an apposition introduces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from core.extract.claims.lexicons import Lexicons, lexicons
from core.extract.claims.memo import per_doc
from core.extract.claims.side_names import side_of_term


@dataclass(frozen=True)
class Speaker:
    """A named person seen as the subject of a reporting verb."""

    char: int
    name: str
    continues: bool = True       # False for "..., X said." after what X said: their speech ends there
    quoting: bool = False        # True for '"...," X said.': X's speech is quoted, in any tense


def _person_entities(doc: Doc) -> tuple[tuple[int, str], ...]:
    """(end character, text) of each PERSON entity, in order; not a bare role word
    or a side that NER took for a name ("Adviser", "Ukrainian")."""
    return tuple((e.end_char, e.text) for e in doc.ents
                 if e.label_ == "PERSON" and not role_only(e.text) and not side_of_term(e.text))


def role_only(text: str) -> bool:
    return all(word.lower().rstrip(".") in lexicons().titles for word in text.split())


def person_names_before(doc: Doc, char: int) -> list[str]:
    return [text for end, text in per_doc(doc, "person_entities", _person_entities) if end <= char]


def _entity_bounds(doc: Doc) -> dict[int, tuple[int, int]]:
    """Token index -> (start, end) of the entity it is in."""
    return {i: (e.start, e.end) for e in doc.ents for i in range(e.start, e.end)}


def strip_titles(name: str, lex: Lexicons) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in lex.titles:
        words = words[1:]
    return " ".join(words)


def full_name(name: str, doc: Doc, char: int, lex: Lexicons) -> str:
    """The longest form of a person's name seen up to `char`: "Mr Wallace" -> "Ben Wallace"; for a
    surname alone, also its given name written before it where the tagger saw no person ("Deputy
    Defence Minister Hanna Maliar wrote ... . According to Maliar")."""
    name = strip_titles(name, lex)
    surname = name.split()[-1] if name else ""
    forms = [strip_titles(n, lex) for n in person_names_before(doc, char)]
    forms = [n for n in forms if n.split() and n.split()[-1] == surname]
    if not forms and surname and " " not in name and surname[:1].isupper():
        forms = [f"{doc[t.i - 1].text} {surname}" for t in doc if t.idx < char and t.text == surname and t.i > 0
                 and doc[t.i - 1].tag_ == "NNP" and doc[t.i - 1].text.istitle()
                 and doc[t.i - 1].lower_ not in lex.titles]
    return max(forms + [name], key=lambda n: len(n.split()))


def person_in(subject: Token, lex: Lexicons) -> Span | None:
    """A PERSON entity in the subject phrase's head group or apposition, with the given
    names the tagger left out of it ("Oleksii Reznikov" tagged as "Reznikov")."""
    doc = subject.doc
    group = [subject] + [c for c in subject.children if c.dep_ in ("compound", "appos", "flat")]
    bounds = per_doc(doc, "entity_bounds", _entity_bounds)
    for token in group:
        if token.ent_type_ == "PERSON":
            return _with_given_names(doc[slice(*bounds[token.i])], lex) if token.i in bounds else None
        for inner in token.children:
            if inner.dep_ == "compound" and inner.ent_type_ == "PERSON":
                return _with_given_names(doc[slice(*bounds[inner.i])], lex) if inner.i in bounds else None
    return None


def _with_given_names(name: Span, lex: Lexicons) -> Span:
    """`name` widened to the left over capitalised proper nouns that modify it and tag as
    no entity, up to a title ("Defence Minister Oleksii [Reznikov]")."""
    start = name.start
    while start > name.sent.start:
        before = name.doc[start - 1]
        if not (before.tag_ == "NNP" and before.dep_ == "compound" and before.head.i in range(start, name.end)
                and not before.ent_type_ and before.lower_ not in lex.titles):
            break
        start -= 1
    return name.doc[start:name.end]


def titled_name(subject: Token, lex: Lexicons) -> str:
    """ "Mr Wallace" when NER missed it: a proper noun after a courtesy title."""
    if subject.tag_ != "NNP" or subject.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or subject.lower_ in lex.org_nouns:
        return ""                         # "the General Staff" is a body, not a General named Staff
    if subject.lower_.rstrip(".") in lex.titles:
        return ""                         # "the Secretary General" is a role, not a Secretary named General
    left = [c for c in subject.lefts if c.dep_ == "compound"]
    if left and left[-1].lower_.rstrip(".") in lex.titles:
        return subject.text
    return ""


def named_people(doc: Doc) -> tuple[tuple[int, str], ...]:
    """(end character, text) of every occurrence of a name NER took for a PERSON somewhere
    in the document, in order: after a long title NER often misses the name it
    introduces ("Adviser to the Head of the Office of the President of Ukraine Mykhailo
    Podoliak"), and finds it later ("According to Mykhailo Podoliak")."""
    names = {text for _end, text in per_doc(doc, "person_entities", _person_entities) if len(text.split()) >= 2}
    if not names:
        return ()
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) + r")\b")
    return tuple((match.end(), match.group()) for match in pattern.finditer(doc.text))


def role_apposition(subject: Token, lex: Lexicons) -> str:
    """ "Ukraine's acting president, Oleksandr Turchynov, said": a role noun
    with a proper name in apposition names that person, whatever label NER
    gave the name. The apposition may hang off a word inside the role phrase
    ("Russia's commander in Ukraine, General Sergei Surovikin")."""
    if subject.lower_ not in lex.titles:
        return ""
    for token in subject.subtree:
        if token.dep_ == "appos" and token.tag_ == "NNP" and token.ent_type_ not in ("GPE", "NORP", "LOC"):
            names = [t for t in token.subtree if t.tag_ == "NNP" and t.lower_.rstrip(".") not in lex.titles]
            if len(names) >= 2:
                return " ".join(t.text for t in names)
    return ""


def name_after_office(subject: Token, lex: Lexicons) -> str:
    """ "U.S. Ambassador to the OSCE Michael Carpenter told ...", "Aide to the President Yury
    Ushakov said": a title whose "to" phrase ends the subject phrase with a person's name
    names that person. Not when a title of their own comes straight before the name without
    "the" ("an adviser to President Zelensky" names the adviser's principal)."""
    if subject.lower_.rstrip(".") not in lex.titles or not any(c.dep_ == "prep" and c.lower_ == "to"
                                                                for c in subject.children):
        return ""
    doc = subject.doc
    last = subject.right_edge
    if last.ent_type_ != "PERSON" or last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I":
        return ""
    bounds = per_doc(doc, "entity_bounds", _entity_bounds)
    if last.i not in bounds:
        return ""
    name = doc[slice(*bounds[last.i])]
    if len(name) == 1:
        name = _with_given_names(name, lex)     # "... Oleksii [Reznikov]"
    if name.start <= subject.i or any(t.is_punct for t in doc[subject.i:name.start]):
        return ""
    before = doc[name.start - 1]
    if before.lower_.rstrip(".") in lex.titles and not (name.start >= 2 and doc[name.start - 2].lower_ == "the"):
        return ""
    return strip_titles(name.text, lex)


def name_before_role(subject: Token, lex: Lexicons) -> str:
    """ "..., Serhiy Volyna, commander of the 36th brigade, said": a role word straight after a
    comma that ends a person's name names that person, whatever the parse made of the two (it
    may hang the name on a place before it)."""
    if subject.lower_.rstrip(".") not in lex.titles:
        return ""
    doc = subject.doc
    start = subject.i
    while start > 0 and doc[start - 1].head == subject and doc[start - 1].dep_ in ("det", "amod") \
            and not doc[start - 1].text[:1].isupper():
        start -= 1              # "the commander", "a senior commander"
    if start < 2 or doc[start - 1].text != ",":
        return ""
    last = doc[start - 2]

    def name_word(token: Token) -> bool:     # NER may miss a name or call it an organisation
        return token.tag_ == "NNP" and token.ent_type_ in ("PERSON", "ORG", "") and not side_of_term(token.text, lex) \
            and token.lower_.rstrip(".") not in lex.titles and token.lower_ not in lex.org_nouns
    if not name_word(last):
        return ""
    first = last.i
    while first > 0 and name_word(doc[first - 1]):
        first -= 1
    return doc[first:last.i + 1].text if last.i > first else ""
