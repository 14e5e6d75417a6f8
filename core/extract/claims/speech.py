"""Reported speech across sentences: who goes on speaking after a report names
them, whom the close of a quotation of several sentences names ('"...," the
President said.'), and whom a later "This was stated by X" names.
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from core.extract.claims.claimant import claimant_from_subject
from core.extract.claims.figures import Figure
from core.extract.claims.gates import BACK_PRONOUNS, QUOTE_CLOSE, QUOTE_REACH, may_close_quote
from core.extract.claims.grammar import subject_of
from core.extract.claims.lexicons import Lexicons
from core.extract.claims.people import Speaker, role_only
from core.extract.claims.reporting import according_to, trailing_source
from core.extract.claims.side_names import described_side
from core.extract.speakers import Voices

_QUOTE_MARKS = ('"', "\u201c", "'", "\u2018")   # British style opens with a single mark
_CONTINUES = 2                # sentences a named source's reported speech goes on for


def _after_its_report(verb: Token) -> bool:
    """ "Ukraine secured the release of 215 prisoners, President Zelenskyy said.": the
    reporting verb comes after what it reports (a clause before it, or the parse's
    parataxis), as a news report closes a sentence of indirect speech on its source, whose
    speech ends there (a quotation's speaker may go on: `speakers_in`). The parse may make
    such a verb a conjunct of the reported clause's verb, set off by a comma, not joined by
    "and": "Britain is sending 350 Marines to Poland, Defence Secretary Ben Wallace announced"."""
    return verb.dep_ == "parataxis" or any(
        c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) or _comma_conjunct(verb)


def _comma_conjunct(verb: Token) -> bool:
    """A verb the parse makes a later conjunct, set off from the clause before by a comma."""
    if verb.dep_ != "conj" or verb.head.i > verb.i:
        return False
    first = verb.left_edge
    before = verb.doc[first.i - 1] if first.i > 0 else None
    return first.text == "," or (before is not None and before.text == "," and first.dep_ != "cc")


def speakers_in(sent: Span, speakers: list[Speaker], lex: Lexicons) -> list[Speaker]:
    """Named people who report something in this sentence, in order. A participle that
    modifies a noun ("the mobilisation announced by President Putin") names no speaker:
    a later "he said" goes on with the sentence's own source."""
    found: list[Speaker] = []
    quoting = QUOTE_CLOSE.search(sent.text) is not None    # a quotation's speaker may go on after it
    for token in sent:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex.reporting and token.dep_ != "acl":
            subject = subject_of(token)
            if subject is None:
                continue
            name, is_person = claimant_from_subject(subject, speakers + found, lex)
            # a name met before as a speaker's is a person's, whatever the tagger takes it for
            # ('"...," Oleksandr Syrskyi wrote', tagged a work of art, after "..., Ukraine's top general said")
            if name and (is_person or any(s.name == name for s in speakers + found)):
                found.append(Speaker(char=token.idx, name=name,
                                      continues=quoting or not _after_its_report(token), quoting=quoting))
    source = according_to(sent)                      # "According to Oleksiy Arestovych, ..."
    trailing = False
    if source is None and not found:
        source = trailing_source(sent[0], sent, lex)   # "..., Lieutenant General Igor Zhuravlyov, said."
        trailing = source is not None
    if source is not None:
        name, is_person = claimant_from_subject(source, speakers + found, lex)
        if is_person and name:
            found.append(Speaker(char=source.idx, name=name, continues=quoting or not trailing, quoting=quoting))
    return sorted(found, key=lambda s: s.char)


def still_speaking(speakers: list[Speaker], sentences: Sequence[Span], index: int, lex: Lexicons,
                   turn_start: int = 0, *, news: bool = False) -> str:
    """The person a report quoted in one of the `_CONTINUES` sentences before this one
    ("Oleksiy Arestovych also noted that ... . Separate detachments ..."): reported
    speech goes on until another source is named (a person, or a body or country that
    reports in this sentence: "Russia, which has 2,000 peacekeepers there, said ..."), and
    not past the start of the transcript turn the sentence is in (the speaker of a turn is
    not someone the turn before named). In a news report (`news`), a sentence in the present
    tense after the report is the outlet's own ("Macron announced that France would pull its
    troops out. Some 2,400 French soldiers are deployed in Mali."): indirect speech is told
    in the past; a quotation, and a source's speech after one, in any tense."""
    since = max(sentences[max(0, index - _CONTINUES)].start_char, turn_start)
    recent = [s for s in speakers if s.char >= since]
    if not recent or not recent[-1].continues:
        return ""
    if recent[-1].char < sentences[index].start_char and _reports_of_its_own(sentences[index], lex):
        return ""
    if news and not recent[-1].quoting and recent[-1].char < sentences[index].start_char \
            and not _opens_quote(sentences[index]) and _in_the_present(sentences[index]):
        return ""
    return recent[-1].name


_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _in_the_present(sent: Span) -> bool:
    """Whether a sentence's main verb is in the present tense ("are deployed", "have been
    killed", "has"), not the past or a modal's ("were killed", "would double")."""
    root = sent.root
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if auxiliaries:
        return auxiliaries[0].tag_ in _PRESENT_TAGS
    return root.tag_ in _PRESENT_TAGS


def _reports_of_its_own(sent: Span, lex: Lexicons) -> bool:
    """Whether a sentence has a reporting verb whose subject is a name of its own (not "he", "it")."""
    return any(token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex.reporting
               and (subject := subject_of(token)) is not None and subject.pos_ == "PROPN"
               for token in sent)


def _opens_quote(sent: Span) -> bool:
    return sent.text.lstrip()[:1] in _QUOTE_MARKS


def quoted_in(figure: Figure, sent: Span) -> bool:
    """Whether the figure is inside the quotation a sentence opens with and closes
    ('"Our forces destroyed 13 tanks," the ministry said.')."""
    found = QUOTE_CLOSE.search(sent.text)
    return _opens_quote(sent) and found is not None and figure.end <= sent.start_char + found.start() + 1


def _quote_closer(sent: Span, lex: Lexicons) -> Token | None:
    """The subject of the reporting verb after the closing quotation mark (parsed)."""
    found = QUOTE_CLOSE.search(sent.text)
    if found is None:
        return None
    after = sent.start_char + found.end()
    for verb in (t for t in sent if t.idx >= after and t.lemma_.lower() in lex.reporting):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


def quoted_speakers(sentences: Sequence[Span], lex: Lexicons,
                     voices: Voices) -> dict[int, tuple[str, str]]:
    """Sentence index -> who a quotation of several sentences is attributed to at its end,
    and the side that speaker's description names (`described_side`):
    '"We are proud of our defenders! Today 32,000 women serve in the Armed Forces! ...
    in the JFO area," the President said.' Reads back from the closing sentence to the
    one that opens the quotation, at most `QUOTE_REACH` sentences, and gives up if
    another quotation closes on the way."""
    quoted: dict[int, tuple[str, str]] = {}
    for close, sent in enumerate(sentences):
        if not sent[0].tag_ or _opens_quote(sent) or not may_close_quote(sent):
            continue
        subject = _quote_closer(sent, lex)
        if subject is None:
            continue
        name, _ = claimant_from_subject(subject, [], lex)
        name = voices.holder_of(name) or name
        side = voices.country_of.get(subject.text, "") or described_side(subject, lex)
        for start in range(close - 1, max(-1, close - 1 - QUOTE_REACH), -1):
            if may_close_quote(sentences[start]):
                break
            if _opens_quote(sentences[start]):
                quoted.update((i, (name, side)) for i in range(start, close) if name)
                break
    return quoted


def attributed_back(sent: Span, speakers: list[Speaker], lex: Lexicons) -> str:
    """Who "This was stated by X" names: the source of what came before it."""
    for verb in sent:
        if verb.lemma_.lower() not in lex.reporting or not any(
                c.dep_ == "nsubjpass" and c.lower_ in BACK_PRONOUNS for c in verb.children):
            continue
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            named = [e.text for e in sent.ents if e.label_ == "PERSON" and e.start > agent.i
                     and len(e.text.split()) >= 2 and not role_only(e.text)]
            if named:                     # "by Adviser to the Head of the Office ... Oleksiy Arestovych"
                return named[0]
            for source in (o for o in agent.children if o.dep_ == "pobj"):
                name, _ = claimant_from_subject(source, speakers, lex)
                return name
    return ""
